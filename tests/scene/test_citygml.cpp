#include "common/compare.hpp"
#include "common/required_data.hpp"
#include "common/scene_fixture.hpp"

#include "data/geo/srs_name.hpp"
#include "data/io/citygml_footprints.hpp"
#include "data/io/citygml_source.hpp"
#include "data/project/layer_import.hpp"
#include "data/project/project_store.hpp"
#include "scene/citygml_model.hpp"
#include "scene/feature_picker.hpp"
#include "scene/scene_model.hpp"

#include <algorithm>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <osg/Geode>
#include <osg/Geometry>

using namespace citytwin;

namespace
{
const QString Shared = QStringLiteral(CITYTWIN_SHARED_DATA_DIR);
const QString Delft = Shared + "/citygml-delft-lod1/delft-citygml2.gml";
const QString Lod2 = Shared + "/citygml-tudelft-lod2-semantics/b1_lod2_cs_w_sem.gml";
const QString Generic = Shared + "/citygml-sig3d-genericattributes/sig3d-genericattributes-citygml2.gml";

/// A CityGML 2.0 file with one LoD1 box building 10 x 8 x 6 m at (1000, 2000) (local coordinates, no srsName).
QByteArray boxCityGml(const QByteArray& namespaceVersion = "2.0")
{
    QByteArray polygons;
    const auto polygon = [&polygons](const QByteArray& ring)
    {
        polygons += "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>" + ring +
                    "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>\n";
    };
    polygon("1000 2000 0 1000 2008 0 1010 2008 0 1010 2000 0 1000 2000 0");
    polygon("1000 2000 6 1010 2000 6 1010 2008 6 1000 2008 6 1000 2000 6");
    polygon("1000 2000 0 1010 2000 0 1010 2000 6 1000 2000 6 1000 2000 0");
    return "<?xml version=\"1.0\"?>\n<CityModel xmlns=\"http://www.opengis.net/citygml/" + namespaceVersion +
           "\" xmlns:bldg=\"http://www.opengis.net/citygml/building/" + namespaceVersion +
           "\" xmlns:gml=\"http://www.opengis.net/gml\">\n<cityObjectMember><bldg:Building gml:id=\"box\">"
           "<bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface>\n" +
           polygons +
           "</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid></bldg:Building>"
           "</cityObjectMember>\n</CityModel>\n";
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

int countOf(const data::CityGmlModel& model, data::SurfaceKind kind)
{
    const auto counts = model.surfaceCounts();
    const auto found = counts.find(kind);
    return found == counts.end() ? 0 : found->second;
}
} // namespace

/// CityGML through libcitygml: reading, srsName resolution, placement, the scene node, picking, footprints.
class TestCityGml : public QObject
{
    Q_OBJECT

private slots:
    void srsNames_data()
    {
        QTest::addColumn<QString>("srsName");
        QTest::addColumn<QString>("crs");
        QTest::newRow("urn") << "urn:ogc:def:crs:EPSG::28992"
                             << "EPSG:28992";
        QTest::newRow("urn with version") << "urn:ogc:def:crs:EPSG:6.12:28992"
                                          << "EPSG:28992";
        QTest::newRow("url") << "http://www.opengis.net/def/crs/EPSG/0/28992"
                             << "EPSG:28992";
        QTest::newRow("code") << "EPSG:28992"
                              << "EPSG:28992";
        QTest::newRow("bare code") << "28992"
                                   << "EPSG:28992";
        QTest::newRow("compound urn") << "urn:ogc:def:crs,crs:EPSG::28992,crs:EPSG::5109"
                                      << "EPSG:28992";
        QTest::newRow("compound code") << "urn:ogc:def:crs:EPSG::7415"
                                       << "EPSG:28992";
        QTest::newRow("compound EPSG") << "EPSG:7415"
                                       << "EPSG:28992";
        QTest::newRow("RD name") << "Amersfoort / RD New"
                                 << "EPSG:28992";
        QTest::newRow("RD short") << "RD_New"
                                  << "EPSG:28992";
        QTest::newRow("UTM 32N") << "ETRS89 / UTM zone 32N"
                                 << "EPSG:25832";
        QTest::newRow("CGCS2000 GK") << "CGCS2000 / 3-degree Gauss-Kruger CM 117E"
                                     << "EPSG:4548";
        QTest::newRow("PLATEAU") << "http://www.opengis.net/def/crs/EPSG/0/6697"
                                 << "EPSG:6668";
    }
    void srsNames()
    {
        QFETCH(QString, srsName);
        QFETCH(QString, crs);
        auto resolved = data::resolveSrsName(srsName.toStdString());
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : resolved.error().detail.c_str());
        QCOMPARE(QString::fromStdString(resolved->crs), crs);
    }

    void unknownSrsNames()
    {
        QCOMPARE(data::resolveSrsName("").error().code, data::ErrorCode::CrsMissing);
        auto unknown = data::resolveSrsName("My Local Grid");
        QCOMPARE(unknown.error().code, data::ErrorCode::CrsUnknown);
        QVERIFY(unknown.error().detail.find("My Local Grid") != std::string::npos);
    }

    /// Delft LoD1: 3 buildings, the compound EPSG:7415 placed by its horizontal part, a footprint corner where
    /// PROJ puts it: `echo 84508.173 446650.016 | cs2cs -d 4 EPSG:28992 EPSG:4548` gives northing 11867842.8773,
    /// easting -3620580.9734 (EPSG:4548 lists northing first).
    void delftPlacedInProjectCrs()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(Delft), "../shared/data/citygml-delft-lod1");
        auto model = data::readCityGml(Delft.toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        QCOMPARE(model->version, std::string("2.0"));
        QCOMPARE(model->buildingCount(), 3);
        QCOMPARE(model->lods(), std::set<int>{1});
        QCOMPARE(model->crs, std::string("EPSG:28992"));
        QCOMPARE(model->crsDeclared, std::string("EPSG:7415"));
        QCOMPARE(model->buildings.front().measuredHeight.value_or(0.0), 3.23);
        // The corner's place in the first building's surfaces.
        std::size_t surfaceIndex = 0, vertexIndex = 0;
        bool found = false;
        const auto& surfaces = model->buildings.front().surfaces;
        for (std::size_t s = 0; s < surfaces.size() && !found; ++s)
            for (std::size_t v = 0; v < surfaces[s].vertices.size() && !found; ++v)
                if (std::abs(surfaces[s].vertices[v].x - 84508.173) < 1e-6 &&
                    std::abs(surfaces[s].vertices[v].y - 446650.016) < 1e-6)
                {
                    surfaceIndex = s;
                    vertexIndex = v;
                    found = true;
                }
        QVERIFY(found);
        QVERIFY(data::transformCityGml(model.value(), "EPSG:4548").ok());
        const data::Position& corner = model->buildings.front().surfaces[surfaceIndex].vertices[vertexIndex];
        CITYTWIN_COMPARE_NEAR(corner.x, -3620580.9734, 1.0);
        CITYTWIN_COMPARE_NEAR(corner.y, 11867842.8773, 1.0);
    }

    /// TU Delft LoD2: one building, 4 roofs, 4 walls, 1 ground (the internal ceiling, shared by both solids and
    /// written under the building, once unclassified); no srsName, so no CRS and a reason.
    void lod2SemanticSurfaces()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(Lod2), "../shared/data/citygml-tudelft-lod2-semantics");
        auto model = data::readCityGml(Lod2.toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        QCOMPARE(model->buildingCount(), 1);
        QCOMPARE(countOf(*model, data::SurfaceKind::Roof), 4);
        QCOMPARE(countOf(*model, data::SurfaceKind::Wall), 4);
        QCOMPARE(countOf(*model, data::SurfaceKind::Ground), 1);
        QCOMPARE(countOf(*model, data::SurfaceKind::Unclassified), 1);
        QVERIFY(model->crs.empty());
        QVERIFY(model->crsProblem.find("no srsName") != std::string::npos);
        // With a CRS given it is placed.
        auto placed = data::readCityGml(Lod2.toStdString(), "EPSG:28992");
        QCOMPARE(placed->crs, std::string("EPSG:28992"));
    }

    /// The scene node: named citygml:<file>, roofs in another colour than walls, normals, building ids; a click
    /// from above on the middle of the roof picks the building and gives its table.
    void lod2NodeAndPick()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(Lod2), "../shared/data/citygml-tudelft-lod2-semantics");
        auto model = data::readCityGml(Lod2.toStdString());
        QVERIFY(model.ok());
        auto table = std::make_shared<const data::VectorLayer>(data::cityGmlBuildingTable(model.value()));
        scene::SceneModel sceneModel;
        sceneModel.setOriginIfUnset(osg::Vec3d(50.0, 50.0, 0.0));
        auto node = scene::buildCityGmlModel(model.value(), table, sceneModel.origin());
        QCOMPARE(node->getName(), std::string("citygml:b1_lod2_cs_w_sem.gml"));
        const osg::Geode* geode = node->getChild(0)->asGeode();
        QVERIFY(geode);
        osg::Vec4 roof, wall;
        for (unsigned int i = 0; i < geode->getNumDrawables(); ++i)
        {
            const osg::Geometry* geometry = geode->getDrawable(i)->asGeometry();
            QVERIFY(geometry->getNormalArray() &&
                    geometry->getNormalArray()->getNumElements() == geometry->getVertexArray()->getNumElements());
            const auto* colors = static_cast<const osg::Vec4Array*>(geometry->getColorArray());
            if (geometry->getName() == "citygml RoofSurface")
                roof = colors->front();
            if (geometry->getName() == "citygml WallSurface")
                wall = colors->front();
        }
        QVERIFY(roof != osg::Vec4() && wall != osg::Vec4());
        QVERIFY((roof - wall).length() > 0.3f);
        sceneModel.addModel(node);
        auto camera = test::topDownCamera(sceneModel, 50.0, 50.0, 500.0);
        const auto hit = scene::pickFeature(sceneModel, *camera, 320.0, 240.0);
        QVERIFY(hit.has_value());
        QVERIFY(hit->modelFeatures);
        QCOMPARE(hit->featureIndex, std::size_t(0));
        const data::VectorLayer& picked = *hit->modelFeatures;
        QCOMPARE(picked.fieldNames.front(), std::string("gml_id"));
        QCOMPARE(picked.features.front().values[1], std::string("Building"));
    }

    /// Every generic attribute (measures and sets too) reaches the table the Inspector shows; the bogus srsName
    /// "CH1903" (a geographic CRS, coordinates in metres) is refused with a reason.
    void genericAttributes()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(Generic), "../shared/data/citygml-sig3d-genericattributes");
        auto model = data::readCityGml(Generic.toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        QVERIFY(model->crs.empty());
        QVERIFY(model->crsProblem.find("CH1903") != std::string::npos);
        const data::VectorLayer table = data::cityGmlBuildingTable(model.value());
        const auto valueOf = [&table](const std::string& field)
        {
            const auto at = std::find(table.fieldNames.begin(), table.fieldNames.end(), field);
            return at == table.fieldNames.end() ? std::string("<missing>")
                                                : table.features.front().values[at - table.fieldNames.begin()];
        };
        QCOMPARE(valueOf("gml_id"), std::string("GMLID_BUI171369_1075_5855"));
        QCOMPARE(valueOf("Bauweise"), std::string("Massivbau"));
        QCOMPARE(valueOf("Anzahl der Eingänge"), std::string("3"));
        QCOMPARE(valueOf("Grundflächenzahl GFZ"), std::string("0.33"));
        QCOMPARE(valueOf("Datum der Baufreigabe"), std::string("2012-03-09"));
        QCOMPARE(valueOf("Web Seite"), std::string("http://www.sig3d.org"));
        QCOMPARE(valueOf("height"), std::string("9.00"));
        QCOMPARE(valueOf("height_source"), std::string("geometry"));
        // libcitygml skips measure attributes and attribute sets; a pass of our own reads them, with units.
        QCOMPARE(valueOf("Breite des Gebäudes"), std::string("20.75 m"));
        QCOMPARE(valueOf("Basismengen: Höhe"), std::string("9.00 m"));
        QCOMPARE(valueOf("Basismengen: Grundflächen"), std::string("140.00 m2"));
        QCOMPARE(valueOf("Basismengen: Volumen"), std::string("1260.00 m3"));
        for (const std::string& warning : model->warnings)
            QVERIFY2(warning.find("measureAttribute") == std::string::npos, warning.c_str());
    }

    /// Broken files give errors naming the file and saying what was recognised; nothing crashes.
    void brokenFiles()
    {
        QTemporaryDir dir;
        const QByteArray box = boxCityGml();
        const QString truncated = writeFile(dir, "truncated.gml", box.left(box.size() / 2));
        auto error = data::readCityGml(truncated.toStdString());
        QVERIFY(!error.ok());
        QCOMPARE(error.error().path, truncated.toStdString());
        QVERIFY(error.error().detail.find("CityGML 2.0 recognised") != std::string::npos);
        QVERIFY(error.error().detail.find("broken at line") != std::string::npos);

        const QString plainGml = writeFile(dir, "plain.gml",
                                           "<?xml version=\"1.0\"?><gml:FeatureCollection "
                                           "xmlns:gml=\"http://www.opengis.net/gml\"/>");
        QVERIFY(data::cityGmlVersion(plainGml.toStdString()).empty());
        error = data::readCityGml(plainGml.toStdString());
        QCOMPARE(error.error().code, data::ErrorCode::OpenFailed);
        QVERIFY(error.error().detail.find("FeatureCollection") != std::string::npos);

        const QString empty =
            writeFile(dir, "empty.gml", "<CityModel xmlns=\"http://www.opengis.net/citygml/1.0\"></CityModel>");
        auto nothing = data::readCityGml(empty.toStdString());
        QVERIFY(nothing.ok());
        QCOMPARE(nothing->version, std::string("1.0"));
        QVERIFY(nothing->buildings.empty());
        QCOMPARE(data::cityGmlFootprints(nothing.value()).error().code, data::ErrorCode::NoFeatures);

        const QString version3 = writeFile(dir, "v3.gml", boxCityGml("3.0"));
        error = data::readCityGml(version3.toStdString());
        QVERIFY(error.error().detail.find("CityGML 3.0") != std::string::npos);

        const QString garbage = writeFile(dir, "garbage.gml", "not xml at all");
        QVERIFY(!data::readCityGml(garbage.toStdString()).ok());
        QCOMPARE(data::readCityGml(dir.filePath("missing.gml").toStdString()).error().code,
                 data::ErrorCode::FileNotFound);
    }

    /// The box as CityGML 1.0: read the same way; footprint from the solid's base, height from its geometry.
    void footprintOfSolidBase()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "box.gml", boxCityGml("1.0"));
        auto model = data::readCityGml(path.toStdString(), "EPSG:4548");
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        QCOMPARE(model->version, std::string("1.0"));
        auto footprints = data::cityGmlFootprints(model.value());
        QVERIFY(footprints.ok());
        OGRLayer* layer = footprints.value()->GetLayer(0);
        QCOMPARE(layer->GetFeatureCount(), GIntBig(1));
        std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
        QCOMPARE(QString(feature->GetFieldAsString("gml_id")), QString("box"));
        QCOMPARE(feature->GetFieldAsDouble("height"), 6.0);
        QCOMPARE(QString(feature->GetFieldAsString("height_source")), QString("geometry"));
        QCOMPARE(QString(feature->GetFieldAsString("footprint_source")), QString("base"));
        CITYTWIN_COMPARE_NEAR(feature->GetGeometryRef()->toMultiPolygon()->get_Area(), 80.0, 1e-6);
    }

    /// `citytwin import PROJECT.gpkg delft.gml`: one footprint per building with measuredHeight, through the layer
    /// import (the same path as every vector source).
    void importFootprints()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(Delft), "../shared/data/citygml-delft-lod1");
        QTemporaryDir dir;
        auto project = data::ProjectStore::open(dir.filePath("p.gpkg").toStdString());
        QVERIFY(project.ok());
        auto report = data::importLayer(project.value(), Delft.toStdString(), {});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->featuresWritten, std::int64_t(3));
        QCOMPARE(report->featuresWithoutGeometry, std::int64_t(0));
        QCOMPARE(report->table, std::string("delft-citygml2"));

        // Without a CRS the import refuses, saying why; --crs (options.crs) lets it through.
        auto refused = data::importLayer(project.value(), Lod2.toStdString(), {});
        QCOMPARE(refused.error().code, data::ErrorCode::CrsMissing);
        QCOMPARE(refused.error().path, Lod2.toStdString());
        auto given = data::importLayer(project.value(), Lod2.toStdString(), {.crs = "EPSG:4548"});
        QVERIFY2(given.ok(), given.ok() ? "" : given.error().message().c_str());
        QCOMPARE(given->featuresWritten, std::int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestCityGml)
#include "test_citygml.moc"
