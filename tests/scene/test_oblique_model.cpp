#include "common/compare.hpp"

#include "data/io/oblique_metadata.hpp"
#include "scene/oblique_model.hpp"

#include "common/required_data.hpp"

#include <chrono>
#include <cmath>
#include <thread>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <osg/FrameStamp>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osg/PagedLOD>
#include <osgDB/DatabasePager>
#include <osgDB/ReadFile>

using namespace citytwin;
using SrsForm = data::ObliqueMetadata::SrsForm;

namespace
{
constexpr const char* ProjectCrs = "EPSG:4548";
const QString SampleFolder = QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/osgb-cgcs2000-gk-production5");
const osg::Vec3d SceneOrigin(127000.0, 2493000.0, 0.0);

// The sample's SRSOrigin 501027.524,2488718.808 in its WKT's own parameters, transformed into EPSG:4548 with
//   echo "501027.524 2488718.808" | cs2cs -f %.6f +proj=tmerc +lat_0=0 +lon_0=113.37 +k=1 +x_0=500000
//       +y_0=90 +ellps=GRS80 +units=m +no_defs +to EPSG:4548   (one command line)
// (PROJ 9.1.1; EPSG:4548 prints northing first): 2493137.309416 127324.524338. The same command on
// 501127.524 2488718.808 (100 m east) gives 2493134.878685 127424.666361, and on 501027.524 2488818.808
// (100 m north) 2493237.451483 127326.955117: the grid rotation is atan2(-2.430731, 100.142023) =
// -0.0242681 rad, the mean with the north probe's -0.0242685 rad is -0.0242683 rad (-1.3905 degrees).
// Trusting the WKT's AUTHORITY (EPSG:4547, CM 114E) instead would put the origin at 493471.33 2142073.72.
constexpr double SampleX = 127324.524338;
constexpr double SampleY = 2493137.309416;
constexpr double SampleRotation = -0.0242683;
constexpr double SampleEastX = 127424.666361;
constexpr double SampleEastY = 2493134.878685;

/// Counts triangles and PagedLODs (and how many of them have their child file loaded) below a node.
class CountingVisitor : public osg::NodeVisitor
{
public:
    CountingVisitor() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}

    void apply(osg::PagedLOD& lod) override
    {
        ++pagedLods;
        if (!firstPagedLod)
            firstPagedLod = &lod;
        loadedChildFiles += lod.getNumChildren() >= 2 ? 1 : 0;
        pagingDisabled += lod.getDisableExternalChildrenPaging() ? 1 : 0;
        traverse(lod);
    }

    void apply(osg::Geometry& geometry) override
    {
        for (unsigned int i = 0; i < geometry.getNumPrimitiveSets(); ++i)
        {
            const osg::PrimitiveSet* primitives = geometry.getPrimitiveSet(i);
            const unsigned int indices = primitives->getNumIndices();
            if (primitives->getMode() == GL_TRIANGLES)
                triangles += indices / 3;
            else if ((primitives->getMode() == GL_TRIANGLE_STRIP || primitives->getMode() == GL_TRIANGLE_FAN) &&
                     indices > 2)
                triangles += indices - 2;
        }
        if (const auto* vertices = dynamic_cast<const osg::Vec3Array*>(geometry.getVertexArray()))
            for (const osg::Vec3& v : *vertices)
                maximumMagnitude = std::max(maximumMagnitude, static_cast<double>(v.length()));
    }

    std::size_t triangles = 0;
    int pagedLods = 0;
    int loadedChildFiles = 0;
    int pagingDisabled = 0;
    double maximumMagnitude = 0.0;
    osg::PagedLOD* firstPagedLod = nullptr;
};

/// Asks for the finest level of every PagedLOD it meets (no cull stack: PagedLOD picks its largest range).
class PagingVisitor : public osg::NodeVisitor
{
public:
    PagingVisitor(osg::FrameStamp* stamp, osgDB::DatabasePager* pager) : osg::NodeVisitor(TRAVERSE_ACTIVE_CHILDREN)
    {
        setFrameStamp(stamp);
        setDatabaseRequestHandler(pager);
    }
};

bool writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QByteArray metadataXml(const QByteArray& srs, const QByteArray& origin)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ModelMetadata version=\"1\">\n"
                     "    <!--Spatial Reference System-->\n";
    if (!srs.isNull())
        xml += "    <SRS>" + srs + "</SRS>\n";
    if (!origin.isNull())
        xml += "    <SRSOrigin>" + origin + "</SRSOrigin>\n";
    return xml + "</ModelMetadata>\n";
}
std::string metadataXmlString(const QByteArray& srs, const QByteArray& origin)
{
    return metadataXml(srs, origin).toStdString();
}
} // namespace

/// ContextCapture / Smart3D oblique tilesets: metadata.xml in its three SRS forms, placement in EPSG:4548,
/// and the real OSGB sample from ../shared/data with its PagedLOD tree.
class TestObliqueModel : public QObject
{
    Q_OBJECT
private slots:
    void epsgForm()
    {
        QTemporaryDir dir;
        QVERIFY(writeText(dir.filePath("metadata.xml"), metadataXml("EPSG:4547", "501000.5,2490000.25,12.5")));
        auto metadata = data::readObliqueMetadata(dir.path().toStdString());
        QVERIFY2(metadata.ok(), metadata.ok() ? "" : metadata.error().message().c_str());
        QCOMPARE(metadata->form, SrsForm::Epsg);
        QCOMPARE(metadata->srs, std::string("EPSG:4547"));
        QCOMPARE(metadata->originX, 501000.5);
        QCOMPARE(metadata->originY, 2490000.25);
        QCOMPARE(metadata->originZ, 12.5);

        // cs2cs -f %.6f EPSG:4547 EPSG:4548 on the origin (northing first): 2493076.555240 192228.992037;
        // on 100 m east / north the rotation is -0.0200596 rad.
        auto placement = data::placeInProjectCrs(*metadata, ProjectCrs);
        QVERIFY2(placement.ok(), placement.ok() ? "" : placement.error().message().c_str());
        CITYTWIN_COMPARE_NEAR(placement->x, 192228.992037, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->y, 2493076.555240, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->z, 12.5, 1e-9);
        CITYTWIN_COMPARE_NEAR(placement->rotation, -0.0200596, 1e-6);
        CITYTWIN_COMPARE_NEAR(placement->scale, 1.0, 0.01);
    }

    void sameCrsIsNotRotated()
    {
        auto metadata = data::parseObliqueMetadata(metadataXmlString("EPSG:4548", "127000,2493000,0"));
        QVERIFY(metadata.ok());
        auto placement = data::placeInProjectCrs(*metadata, ProjectCrs);
        QVERIFY(placement.ok());
        QCOMPARE(placement->x, 127000.0);
        QCOMPARE(placement->y, 2493000.0);
        QCOMPARE(placement->rotation, 0.0);
    }

    void enuForm()
    {
        // The tangent point is the sample's origin in geographic coordinates (cs2cs of the WKT parameters to
        // +proj=longlat +ellps=GRS80: 113.379985671 22.495136792).
        QTemporaryDir dir;
        const QString path = dir.filePath("metadata.xml");
        QVERIFY(writeText(path, metadataXml("ENU:22.495136792,113.379985671", "0,0,0")));
        auto metadata = data::readObliqueMetadata(path.toStdString());
        QVERIFY2(metadata.ok(), metadata.ok() ? "" : metadata.error().message().c_str());
        QCOMPARE(metadata->form, SrsForm::Enu);
        QCOMPARE(metadata->enuLatitude, 22.495136792);
        QCOMPARE(metadata->enuLongitude, 113.379985671);
        QCOMPARE(metadata->path, path.toStdString());

        // cs2cs -f %.6f EPSG:4490 EPSG:4548 on "22.495136792 113.379985671": 2493137.309464 127324.524353.
        // proj -V +proj=tmerc +lon_0=117 +x_0=500000 +ellps=GRS80 there: convergence -1.38663810 degrees,
        // which is how far grid east is turned from ENU east.
        auto placement = data::placeInProjectCrs(*metadata, ProjectCrs);
        QVERIFY2(placement.ok(), placement.ok() ? "" : placement.error().message().c_str());
        CITYTWIN_COMPARE_NEAR(placement->x, 127324.524353, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->y, 2493137.309464, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->rotation, osg::DegreesToRadians(-1.38663810), 1e-6);
    }

    void enuOffsetOrigin()
    {
        auto metadata = data::parseObliqueMetadata(metadataXmlString("ENU:22.495136792,113.379985671", "100,0,5"));
        QVERIFY(metadata.ok());
        auto placement = data::placeInProjectCrs(*metadata, ProjectCrs);
        QVERIFY(placement.ok());
        // 100 m east in ENU: cs2cs from the tangent-plane (+proj=ortho) point 100 0 gives 127424.666539
        // 2493134.885411 in EPSG:4548 (grid scale 1.0017 included).
        CITYTWIN_COMPARE_NEAR(placement->x, 127424.666539, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->y, 2493134.885411, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->z, 5.0, 1e-9);
    }

    void wktForm()
    {
        const QByteArray wkt = R"(PROJCS["local",GEOGCS["China Geodetic Coordinate System 2000",
            DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],
            AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],
            PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",117],
            PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],
            UNIT["metre",1],AUTHORITY["EPSG","4547"]])";
        QByteArray escaped = wkt;
        escaped.replace("\"", "&quot;");
        auto metadata = data::parseObliqueMetadata(metadataXmlString(escaped, "127000.0 2493000.0 3"));
        QVERIFY2(metadata.ok(), metadata.ok() ? "" : metadata.error().message().c_str());
        QCOMPARE(metadata->form, SrsForm::Wkt);
        QCOMPARE(metadata->srs, wkt.toStdString());
        CITYTWIN_COMPARE_NEAR(metadata->originZ, 3.0, 0.0);
        // The parameters are EPSG:4548's, the AUTHORITY claims EPSG:4547: the parameters win.
        auto placement = data::placeInProjectCrs(*metadata, ProjectCrs);
        QVERIFY(placement.ok());
        CITYTWIN_COMPARE_NEAR(placement->x, 127000.0, 0.001);
        CITYTWIN_COMPARE_NEAR(placement->y, 2493000.0, 0.001);
        CITYTWIN_COMPARE_NEAR(placement->rotation, 0.0, 1e-9);
    }

    void stripsAuthorities_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<QString>("stripped");
        QTest::newRow("WKT1 trailing") << R"(UNIT["metre",1, AUTHORITY["EPSG","9001"]])"
                                       << R"(UNIT["metre",1])";
        QTest::newRow("WKT1 nested") << R"(A["a",B["b",AUTHORITY["EPSG","1"]],AUTHORITY["EPSG","2"]])"
                                     << R"(A["a",B["b"]])";
        QTest::newRow("WKT2 ID") << R"(PROJCRS["x",ID["EPSG",4547]])"
                                 << R"(PROJCRS["x"])";
        QTest::newRow("first child") << R"(A[ID["EPSG",1], "a"])"
                                     << R"(A["a"])";
        QTest::newRow("names untouched") << R"(A["AUTHORITY[x]",GRID["g"],ELLIPSOID["e",1]])"
                                         << R"(A["AUTHORITY[x]",GRID["g"],ELLIPSOID["e",1]])";
    }

    void stripsAuthorities()
    {
        QFETCH(QString, wkt);
        QFETCH(QString, stripped);
        QCOMPARE(QString::fromStdString(data::stripWktAuthorities(wkt.toStdString())), stripped);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<int>("code");
        QTest::newRow("no SRS") << metadataXml({}, "1,2,3") << int(data::ErrorCode::CrsMissing);
        QTest::newRow("empty SRS") << metadataXml("", "1,2,3") << int(data::ErrorCode::CrsMissing);
        QTest::newRow("bad origin") << metadataXml("EPSG:4548", "1;x;3") << int(data::ErrorCode::InvalidArgument);
        QTest::newRow("one number") << metadataXml("EPSG:4548", "1") << int(data::ErrorCode::InvalidArgument);
        QTest::newRow("bad ENU") << metadataXml("ENU:95,113", "0,0,0") << int(data::ErrorCode::CrsUnknown);
        QTest::newRow("unknown EPSG") << metadataXml("EPSG:999999", "0,0,0") << int(data::ErrorCode::CrsUnknown);
        QTest::newRow("not a CRS") << metadataXml("LOCAL_CS[nonsense", "0,0,0") << int(data::ErrorCode::CrsUnknown);
        QTest::newRow("geographic") << metadataXml("EPSG:4490", "113.38,22.49,0")
                                    << int(data::ErrorCode::InvalidArgument);
        QTest::newRow("geocentric") << metadataXml("EPSG:4978", "0,0,0") << int(data::ErrorCode::InvalidArgument);
    }

    void errors()
    {
        QFETCH(QByteArray, xml);
        QFETCH(int, code);
        QTemporaryDir dir;
        const QString path = dir.filePath("metadata.xml");
        QVERIFY(writeText(path, xml));
        auto metadata = data::readObliqueMetadata(dir.path().toStdString());
        const data::Error error =
            metadata.ok() ? data::placeInProjectCrs(*metadata, ProjectCrs).error() : metadata.error();
        QCOMPARE(int(error.code), code);
        QCOMPARE(error.path, path.toStdString());
    }

    void missingMetadataAndTiles()
    {
        QTemporaryDir dir;
        auto metadata = data::readObliqueMetadata(dir.path().toStdString());
        QVERIFY(!metadata.ok());
        QCOMPARE(metadata.error().code, data::ErrorCode::FileNotFound);
        QVERIFY(metadata.error().path.ends_with("metadata.xml"));

        QVERIFY(writeText(dir.filePath("metadata.xml"), metadataXml("EPSG:4548", "127000,2493000,0")));
        QVERIFY(QDir(dir.path()).mkpath("Data/Tile_+000_+000"));
        auto model = scene::loadObliqueModel(dir.path().toStdString(), ProjectCrs, SceneOrigin);
        QVERIFY(!model.ok());
        QCOMPARE(model.error().code, data::ErrorCode::FileNotFound);
        QVERIFY(model.error().message().find("Tile_") != std::string::npos);
    }

    void sampleOriginInProjectCrs()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(SampleFolder + "/metadata.xml"),
                              "../shared/data/osgb-cgcs2000-gk-production5");
        auto metadata = data::readObliqueMetadata(SampleFolder.toStdString());
        QVERIFY2(metadata.ok(), metadata.ok() ? "" : metadata.error().message().c_str());
        QCOMPARE(metadata->form, SrsForm::Wkt);
        QCOMPARE(metadata->originX, 501027.524);
        QCOMPARE(metadata->originY, 2488718.808);
        auto placement = data::placeInProjectCrs(*metadata, ProjectCrs);
        QVERIFY2(placement.ok(), placement.ok() ? "" : placement.error().message().c_str());
        QVERIFY(placement->sourceCrs.find("AUTHORITY") == std::string::npos);
        QVERIFY(placement->sourceCrs.find("113.37") != std::string::npos);
        CITYTWIN_COMPARE_NEAR(placement->x, SampleX, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->y, SampleY, 0.01);
        CITYTWIN_COMPARE_NEAR(placement->rotation, SampleRotation, 1e-6);
    }

    void sampleModelIsPlaced()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(SampleFolder + "/metadata.xml"),
                              "../shared/data/osgb-cgcs2000-gk-production5");
        // Given as the metadata.xml path this time; the folder form is used below.
        auto model = scene::loadObliqueModel((SampleFolder + "/metadata.xml").toStdString(), ProjectCrs, SceneOrigin);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        osg::MatrixTransform& node = *model.value();
        QCOMPARE(node.getName(), std::string("oblique:osgb-cgcs2000-gk-production5"));
        QCOMPARE(node.getNumChildren(), 1u);

        const osg::Matrixd& matrix = node.getMatrix();
        const osg::Vec3d origin = matrix.getTrans() + SceneOrigin;
        CITYTWIN_COMPARE_NEAR(origin.x(), SampleX, 0.01);
        CITYTWIN_COMPARE_NEAR(origin.y(), SampleY, 0.01);
        // A local point 100 m east lands where cs2cs puts it, up to the ignored grid scale (0.17 m here).
        const osg::Vec3d east = osg::Vec3d(100.0, 0.0, 0.0) * matrix + SceneOrigin;
        CITYTWIN_COMPARE_NEAR(east.x(), SampleEastX, 0.25);
        CITYTWIN_COMPARE_NEAR(east.y(), SampleEastY, 0.25);

        CountingVisitor counter;
        node.accept(counter);
        QVERIFY(counter.triangles > 0);
        QVERIFY2(counter.maximumMagnitude < 10000.0, qPrintable(QString::number(counter.maximumMagnitude)));

        // Tile +000_+015 lies 1.55 km north of the SRS origin: its PagedLOD centre is (50, 1550, 24.5) and its
        // radius 76 m in tile coordinates. The content's bound centre must be there, placed.
        QVERIFY(counter.firstPagedLod);
        const double radius = counter.firstPagedLod->getRadius();
        const osg::Vec3d tileCentre = osg::Vec3d(counter.firstPagedLod->getCenter()) * matrix + SceneOrigin;
        const double fromOrigin = (osg::Vec2d(tileCentre.x(), tileCentre.y()) - osg::Vec2d(SampleX, SampleY)).length();
        QVERIFY2(fromOrigin > 1000.0 && fromOrigin < 2000.0, qPrintable(QString::number(fromOrigin)));
        const osg::Vec3d boxCentre = scene::projectBoundCentre(node, SceneOrigin);
        const osg::Vec3d sphereCentre = osg::Vec3d(node.getBound().center()) + SceneOrigin;
        QVERIFY2((boxCentre - tileCentre).length() < radius,
                 qPrintable(QString::number((boxCentre - tileCentre).length())));
        QVERIFY2((sphereCentre - tileCentre).length() < radius,
                 qPrintable(QString::number((sphereCentre - tileCentre).length())));
        QVERIFY2(node.getBound().radius() < 500.0, qPrintable(QString::number(node.getBound().radius())));
        QCOMPARE(node.getStateSet()->getMode(GL_LIGHTING), osg::StateAttribute::OFF);
    }

    void topLevelTileIsPagedLodWithChildOnDisk()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(SampleFolder + "/metadata.xml"),
                              "../shared/data/osgb-cgcs2000-gk-production5");
        const auto tiles = scene::obliqueTopLevelTiles(SampleFolder.toStdString());
        QCOMPARE(tiles.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(tiles.front()).endsWith("/Data/Tile_+000_+015/Tile_+000_+015.osgb"));

        auto model = scene::loadObliqueModel(SampleFolder.toStdString(), ProjectCrs, SceneOrigin);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message().c_str());
        CountingVisitor counter;
        model.value()->accept(counter);
        QVERIFY(counter.firstPagedLod);
        const osg::PagedLOD& lod = *counter.firstPagedLod;
        QCOMPARE(lod.getNumFileNames(), 2u);
        QCOMPARE(lod.getNumChildren(), 1u); // only the coarse level is in the file itself
        const QString databasePath = QString::fromStdString(lod.getDatabasePath());
        QVERIFY2(QFileInfo(databasePath).isAbsolute() && databasePath.endsWith("/Data/Tile_+000_+015/"),
                 qPrintable(databasePath));
        const QString child = databasePath + QString::fromStdString(lod.getFileName(1));
        QVERIFY2(QFile::exists(child), qPrintable(child));
        QVERIFY(!lod.getDisableExternalChildrenPaging());
        QVERIFY(lod.getDatabaseOptions()); // carries the loader's read callback to the paged files

        osg::ref_ptr<osg::Node> childNode = osgDB::readRefNodeFile(child.toStdString());
        QVERIFY(childNode);
        CountingVisitor childCounter;
        childNode->accept(childCounter);
        QVERIFY(childCounter.triangles > counter.triangles);
        QVERIFY(childCounter.firstPagedLod);
        QCOMPARE(childCounter.firstPagedLod->getDatabasePath(), lod.getDatabasePath());
    }

    void databasePagerLoadsTheChildTiles()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(SampleFolder + "/metadata.xml"),
                              "../shared/data/osgb-cgcs2000-gk-production5");
        auto model = scene::loadObliqueModel(SampleFolder.toStdString(), ProjectCrs, SceneOrigin);
        QVERIFY(model.ok());
        CountingVisitor before;
        model.value()->accept(before);

        // The viewer's paging cycle without a GL context: request, load on the pager's threads, merge.
        // The sample holds 12 paged files below the root tile (L15 to L19); the 44 L20 files its L19 tiles
        // name are not part of it: the loader turns paging off for those 44 PagedLODs (they keep their coarse
        // level) instead of letting the pager fail on them every frame.
        osg::ref_ptr<osgDB::DatabasePager> pager = new osgDB::DatabasePager;
        pager->setTargetMaximumNumberOfPageLOD(1000); // nothing is expired during the test
        osg::ref_ptr<osg::FrameStamp> stamp = new osg::FrameStamp;
        constexpr int ExpectedPagedFiles = 12;
        int loadedChildFiles = 0;
        for (unsigned int frame = 1; frame <= 1000 && loadedChildFiles < ExpectedPagedFiles; ++frame)
        {
            stamp->setFrameNumber(frame);
            stamp->setReferenceTime(frame * 0.01);
            stamp->setSimulationTime(frame * 0.01);
            pager->signalBeginFrame(stamp.get());
            PagingVisitor paging(stamp.get(), pager.get());
            model.value()->accept(paging);
            pager->updateSceneGraph(*stamp);
            pager->signalEndFrame();
            CountingVisitor progress;
            model.value()->accept(progress);
            loadedChildFiles = progress.loadedChildFiles;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        pager->cancel();
        CountingVisitor after;
        model.value()->accept(after);
        QCOMPARE(after.loadedChildFiles, ExpectedPagedFiles);
        QCOMPARE(after.pagedLods, 1 + 1 + 1 + 1 + 8 + 44);
        QCOMPARE(after.pagingDisabled, 44);
        QVERIFY(after.triangles > before.triangles);
        QVERIFY2(after.maximumMagnitude < 10000.0, qPrintable(QString::number(after.maximumMagnitude)));
    }
};

QTEST_GUILESS_MAIN(TestObliqueModel)
#include "test_oblique_model.moc"
