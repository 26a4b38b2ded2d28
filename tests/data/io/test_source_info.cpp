#include "common/mixed_geopackage.hpp"

#include "data/io/source_info.hpp"

#include "common/required_data.hpp"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace citytwin;

namespace
{
const QString Shared = QStringLiteral(CITYTWIN_SHARED_DATA_DIR);

/// Layer name -> feature count, as `ogrinfo -so -al` prints them (told not to write a .gfs beside GML).
QMap<QString, qint64> ogrinfoCounts(const QString& path)
{
    QProcess process;
    QStringList arguments{QStringLiteral("-ro"), QStringLiteral("-so"), QStringLiteral("-al")};
    if (path.endsWith(QLatin1String(".gml")))
        arguments << QStringLiteral("-oo") << QStringLiteral("WRITE_GFS=NO");
    process.start(QStringLiteral("ogrinfo"), arguments << path);
    process.waitForFinished(60000);
    QMap<QString, qint64> counts;
    QString layer;
    for (const QString& line : QString::fromUtf8(process.readAllStandardOutput()).split('\n'))
    {
        if (line.startsWith(QLatin1String("Layer name: ")))
            layer = line.mid(12).trimmed();
        else if (line.startsWith(QLatin1String("Feature Count: ")))
            counts[layer] = line.mid(15).trimmed().toLongLong();
    }
    return counts;
}

data::SourceInfo inspect(const QString& path)
{
    auto info = data::inspectSource(path.toStdString(), "EPSG:4548");
    if (!info)
        qWarning("%s", info.error().message().c_str());
    return info ? info.value() : data::SourceInfo{};
}
} // namespace

/// `citytwin info` on every dataset in ../shared/data, checked against ogrinfo and the PROVENANCE figures.
class TestSourceInfo : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { CITYTWIN_REQUIRE_DATA(QDir(Shared).exists(), "../shared/data"); }

    void vectorCountsMatchOgrinfo_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("tangshan shp") << Shared + "/tangshan-districts-shp-gcj02/tangshan_districts.shp";
        QTest::newRow("tangshan geojson") << Shared + "/tangshan-districts-datav-geojson/130200_full.json";
        QTest::newRow("citygml delft") << Shared + "/citygml-delft-lod1/delft-citygml2.gml";
        QTest::newRow("citygml sig3d") << Shared +
                                              "/citygml-sig3d-genericattributes/sig3d-genericattributes-citygml2.gml";
    }

    void vectorCountsMatchOgrinfo()
    {
        QFETCH(QString, path);
        const QStringList filesBefore = QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files);
        const data::SourceInfo info = inspect(path);
        // Reading wrote nothing beside the source (no .gfs, no .aux.xml).
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files), filesBefore);
        const QMap<QString, qint64> expected = ogrinfoCounts(path);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(static_cast<qsizetype>(info.layers.size()), expected.size());
        for (const auto& layer : info.layers)
            QCOMPARE(layer.featureCount, expected.value(QString::fromStdString(layer.name), -1));
    }

    void tangshanShapefile()
    {
        const auto info = inspect(Shared + "/tangshan-districts-shp-gcj02/tangshan_districts.shp");
        QCOMPARE(info.layers.size(), std::size_t(1));
        const auto& layer = info.layers[0];
        QCOMPARE(layer.geometryType, std::string("Polygon"));
        QCOMPARE(layer.featureCount, 14);
        QVERIFY(layer.crs.empty());
        QCOMPARE(layer.guessedCrs, std::string("EPSG:4326"));
        QCOMPARE(layer.encoding, std::string("UTF-8"));
        QCOMPARE(layer.fields.size(), std::size_t(24));
        QCOMPARE(layer.fields[0].name, std::string("name"));
        // Tangshan is within EPSG:4548's area: around 540-700 km E, 4308-4484 km N.
        QVERIFY(layer.projectExtent.isValid());
        QVERIFY(layer.projectExtent.minX > 540000 && layer.projectExtent.maxX < 702000);
    }

    void tangshanGeoJson()
    {
        const auto info = inspect(Shared + "/tangshan-districts-datav-geojson/130200_full.json");
        const auto& layer = info.layers.at(0);
        QCOMPARE(layer.geometryType, std::string("Multi Polygon"));
        // DataV GeoAtlas (features with adcode, no CRS): GCJ-02 is the guess, not GDAL's silent WGS 84, and a note
        // says so; Lubei (about 601 km E, 4391 km N in EPSG:4548) lies inside the extent.
        QCOMPARE(layer.crs, std::string());
        QCOMPARE(layer.guessedCrs, std::string("gcj02"));
        QVERIFY(!layer.notes.empty());
        QVERIFY(layer.projectExtent.minX < 601000.0 && layer.projectExtent.maxX > 601000.0);
        QCOMPARE(layer.featureCount, 14);
    }

    void cityGmlFromElsewhereIsOutsideTheProjectArea()
    {
        const auto info = inspect(Shared + "/citygml-delft-lod1/delft-citygml2.gml");
        const auto& layer = info.layers.at(0);
        QCOMPARE(layer.crs, std::string("EPSG:28992"));
        QVERIFY(layer.outsideProjectArea);
        QVERIFY(!layer.projectExtent.isValid());
    }

    void rasters()
    {
        const auto dem = inspect(Shared + "/dem-hydrosheds-pysheds/dem.tif");
        QVERIFY(dem.raster.has_value());
        QCOMPARE(dem.raster->width, 367);
        QCOMPARE(dem.raster->height, 359);
        QCOMPARE(dem.raster->dataType, std::string("Int16"));
        QCOMPARE(dem.raster->noData.value_or(0), -32768.0);
        QCOMPARE(dem.raster->crs, std::string("EPSG:4326"));
        const auto ortho = inspect(Shared + "/ortho-landsat-rasterio-rgbbyte/RGB.byte.tif");
        QVERIFY(ortho.raster.has_value());
        QCOMPARE(ortho.raster->bandCount, 3);
        QCOMPARE(ortho.raster->crs, std::string("EPSG:32618"));
        QVERIFY(ortho.raster->outsideProjectArea);
    }

    void tilesets()
    {
        const auto oblique = inspect(Shared + "/osgb-cgcs2000-gk-production5/metadata.xml");
        QVERIFY(oblique.tileset.has_value());
        QCOMPARE(oblique.tileset->format, std::string("ContextCapture"));
        QCOMPARE(oblique.tileset->tileCount, 1);
        QVERIFY(oblique.tileset->srs.find("Gauss-Kruger") != std::string::npos);
        QCOMPARE(oblique.tileset->origin, std::string("501027.524000,2488718.808000,0.000000"));
        const auto tiles = inspect(Shared + "/3dtiles-cesium-requestvolume-city/tileset.json");
        QVERIFY(tiles.tileset.has_value());
        QCOMPARE(tiles.tileset->format, std::string("3D Tiles"));
        // Tiles counts every tile (the root and its four leaves); the four b3dm files are the contents.
        QCOMPARE(tiles.tileset->tileCount, 5);
        QCOMPARE(tiles.tileset->contentKinds.at("b3dm"), 4);
    }

    void fixtureGeoPackage()
    {
        test::MixedGeoPackage fixture;
        QVERIFY(fixture.ok());
        const auto info = inspect(fixture.path());
        QCOMPARE(info.driver, std::string("GPKG"));
        QCOMPARE(info.layers.size(), std::size_t(3));
        QCOMPARE(info.layers[0].crs, std::string("EPSG:4548"));
        QCOMPARE(info.layers[0].projectExtent.minX, test::mixed::FootprintAMinX);
        QCOMPARE(info.layers[0].fields.at(1).type, std::string("Real"));
    }

    void gbkFieldNamesAreDecoded()
    {
        test::MixedGeoPackage fixture;
        const QString path = fixture.filePath(QStringLiteral("gbk.shp"));
        QVERIFY(test::writeGbkShapefile(path.toStdString()));
        const auto info = inspect(path);
        QCOMPARE(info.layers.at(0).encoding, std::string("GBK"));
        QCOMPARE(QString::fromStdString(info.layers.at(0).fields.at(0).name), QStringLiteral("名称"));
    }

    void missingFileIsAnError()
    {
        auto info = data::inspectSource("/nonexistent/x.gpkg", "EPSG:4548");
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, data::ErrorCode::FileNotFound);
    }
};

QTEST_GUILESS_MAIN(TestSourceInfo)
#include "test_source_info.moc"
