#include "common/mixed_geopackage.hpp"
#include "common/project_fixture.hpp"

#include "data/project/layer_import.hpp"
#include "data/project/project_store.hpp"
#include "data/io/vector_source.hpp"

#include "common/required_data.hpp"

#include <algorithm>

#include <QCryptographicHash>
#include <QTest>

using namespace citytwin;

namespace
{
QByteArray hashOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}
} // namespace

class TestLayerImport : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(test::freshProject(mFixture)); }

    void cleanup() { mFixture.reset(); }

    void copiesALayerIntoTheProjectCrs()
    {
        test::MixedGeoPackage fixture;
        const QByteArray before = hashOf(fixture.path());
        auto report =
            data::importLayer(mFixture->store(), fixture.pathString(), {.layerName = "stations", .targetName = "poi"});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->featuresWritten, 1);
        QCOMPARE(hashOf(fixture.path()), before); // the source is untouched
        QVERIFY(mFixture->store().hasFeatureTable("poi"));
        // Read back through GDAL: in EPSG:4548, at the cs2cs position, with the Chinese name and a numbered id.
        auto layers = data::readVectorSource(mFixture->store().path(), {.layerName = "poi"});
        QVERIFY(layers.ok());
        const auto& layer = layers->front();
        QCOMPARE(layer.sourceCrs, std::string("EPSG:4548"));
        QVERIFY(std::abs(layer.features[0].points[0].x - test::mixed::StationEasting) < 1e-3);
        const auto name =
            std::find(layer.fieldNames.begin(), layer.fieldNames.end(), "name") - layer.fieldNames.begin();
        QCOMPARE(QString::fromStdString(layer.features[0].values.at(name)), QStringLiteral("日间照料站"));
        QVERIFY(std::find(layer.fieldNames.begin(), layer.fieldNames.end(), "id") != layer.fieldNames.end());
    }

    void repairsInvalidPolygons()
    {
        const QString path = mFixture->filePath(QStringLiteral("bowtie.geojson"));
        // A self-intersecting "bow tie" and a valid square.
        QVERIFY(test::writeFile(
            path,
            test::featureCollection(
                {QStringLiteral(
                     R"({"type":"Feature","properties":{"id":1},"geometry":{"type":"Polygon","coordinates":[[[601000,4391000],[601100,4391100],[601100,4391000],[601000,4391100],[601000,4391000]]]}})"),
                 test::squareFeature(2, 601200, 4391000, 50)})));
        auto report = data::importLayer(mFixture->store(), path.toStdString(), {.targetName = "parcels"});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->featuresWritten, 2);
        QCOMPARE(report->geometriesRepaired, 1);
        QCOMPARE(report->geometriesSkipped, 0);
    }

    void pointTablesKeepTheirIdsOrRenameThem()
    {
        // A CSV of points whose id is unique whole numbers keeps it as the table's id; one with text ids keeps them
        // as source_id (a warning in the report) and the table numbers its features.
        const QString numbered = mFixture->filePath(QStringLiteral("numbered.csv"));
        QVERIFY(test::writeFile(numbered, QByteArrayLiteral("id,lon,lat\n7,118.18,39.63\n9,118.19,39.64\n")));
        auto kept = data::importLayer(mFixture->store(), numbered.toStdString(), {.crs = "EPSG:4326"});
        QVERIFY2(kept.ok(), kept.ok() ? "" : kept.error().message().c_str());
        QCOMPARE(kept->featuresWritten, 2);
        QCOMPARE(kept->featuresWithoutGeometry, 0);
        QVERIFY(kept->sourceIdRenamedTo.empty());
        auto keptLayer = data::readVectorSource(mFixture->store().path(), {.layerName = "numbered"});
        QVERIFY(keptLayer.ok());
        QCOMPARE(keptLayer->front().features[1].values.at(0), std::string("9"));
        QCOMPARE(keptLayer->front().kind, data::GeometryKind::Point);

        const QString coded = mFixture->filePath(QStringLiteral("coded.csv"));
        QVERIFY(test::writeFile(coded, QByteArrayLiteral("ID,lon,lat\nA1,118.18,39.63\nA2,118.19,39.64\n")));
        auto renamed = data::importLayer(mFixture->store(), coded.toStdString(), {.crs = "EPSG:4326"});
        QVERIFY2(renamed.ok(), renamed.ok() ? "" : renamed.error().message().c_str());
        QCOMPARE(renamed->sourceIdRenamedTo, std::string("source_id"));
        auto renamedLayer = data::readVectorSource(mFixture->store().path(), {.layerName = "coded"});
        QVERIFY(renamedLayer.ok());
        const auto& fields = renamedLayer->front().fieldNames;
        QVERIFY(std::find(fields.begin(), fields.end(), "source_id") != fields.end());
        QVERIFY(std::find(fields.begin(), fields.end(), "id") != fields.end());
    }

    void tablesWithoutGeometrySaySoAndStrictRefusesThem()
    {
        const QString path = mFixture->filePath(QStringLiteral("plain.csv"));
        QVERIFY(test::writeFile(path, QByteArrayLiteral("code,name\n1,a\n2,b\n")));
        auto refused = data::importLayer(mFixture->store(), path.toStdString(), {.crs = "EPSG:4326", .strict = true});
        QVERIFY(refused.ok());
        QVERIFY(refused->refused);
        QCOMPARE(refused->featuresWithoutGeometry, 2);
        QVERIFY(!data::readVectorSource(mFixture->store().path(), {.layerName = "plain"}).ok() ||
                data::readVectorSource(mFixture->store().path(), {.layerName = "plain"})->empty());
        auto written = data::importLayer(mFixture->store(), path.toStdString(), {.crs = "EPSG:4326"});
        QVERIFY(written.ok());
        QVERIFY(!written->refused);
        QCOMPARE(written->featuresWritten, 2);
        QCOMPARE(written->featuresWithoutGeometry, 2);
    }

    void decodesGbkShapefiles()
    {
        const QString path = mFixture->filePath(QStringLiteral("gbk.shp"));
        QVERIFY(test::writeGbkShapefile(path.toStdString()));
        auto report =
            data::importLayer(mFixture->store(), path.toStdString(), {.targetName = "gbk", .crs = "EPSG:4326"});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->encoding, std::string("GBK"));
        auto layers = data::readVectorSource(mFixture->store().path(), {.layerName = "gbk"});
        QVERIFY(layers.ok());
        QCOMPARE(QString::fromStdString(layers->front().fieldNames.at(0)), QStringLiteral("名称"));
        QCOMPARE(QString::fromStdString(layers->front().features.at(0).values.at(0)), QStringLiteral("路北区"));
    }

    void undeclaredCrsNeedsConfirmation()
    {
        const QString path = mFixture->filePath(QStringLiteral("nocrs.shp"));
        QVERIFY(test::writeShapefileWithoutCrs(path.toStdString()));
        auto refused = data::importLayer(mFixture->store(), path.toStdString(), {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, data::ErrorCode::CrsMissing);
        QVERIFY(!mFixture->store().hasFeatureTable("nocrs"));
        QVERIFY(data::importLayer(mFixture->store(), path.toStdString(), {.crs = "EPSG:4326"}).ok());
        QVERIFY(mFixture->store().hasFeatureTable("nocrs"));
    }

    void existingTablesNeedReplace()
    {
        test::MixedGeoPackage fixture;
        QVERIFY(data::importLayer(mFixture->store(), fixture.pathString(), {.layerName = "footprints"}).ok());
        auto again = data::importLayer(mFixture->store(), fixture.pathString(), {.layerName = "footprints"});
        QVERIFY(!again.ok());
        QVERIFY(again.error().detail.find("--replace") != std::string::npos);
        auto replaced =
            data::importLayer(mFixture->store(), fixture.pathString(), {.layerName = "footprints", .replace = true});
        QVERIFY(replaced.ok());
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM footprints"), 3);
    }

    void reservedNamesAreRefused()
    {
        test::MixedGeoPackage fixture;
        QVERIFY(!data::importLayer(mFixture->store(), fixture.pathString(), {.targetName = "incidents"}).ok());
        QVERIFY(!data::importLayer(mFixture->store(), fixture.pathString(), {.targetName = "gpkg_contents"}).ok());
    }

    void importsTheRealTangshanShapefileAsGcj02()
    {
        const QString path =
            QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/tangshan-districts-shp-gcj02/tangshan_districts.shp");
        CITYTWIN_REQUIRE_DATA(QFile::exists(path), "../shared/data");
        auto report =
            data::importLayer(mFixture->store(), path.toStdString(), {.targetName = "districts", .crs = "gcj02"});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->featuresWritten, 14);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM districts WHERE name = '路北区'"), 1);
    }

private:
    std::unique_ptr<test::TemporaryProject> mFixture;
};

QTEST_GUILESS_MAIN(TestLayerImport)
#include "test_layer_import.moc"
