#include "common/compare.hpp"
#include "common/required_data.hpp"

#include "data/io/tileset_3d.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/scene_model.hpp"
#include "scene/tiles3d_model.hpp"
#include "scene/view_defaults.hpp"

#include <cmath>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

using namespace citytwin;

namespace
{
const QString SampleFolder = QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/3dtiles-cesium-requestvolume-city");

/// Counts loaded tile contents (nodes with a batch table) below a node.
class ContentCounter : public osg::NodeVisitor
{
public:
    ContentCounter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Node& node) override
    {
        if (dynamic_cast<const scene::Tiles3dBatchTable*>(node.getUserData()))
            ++contents;
        traverse(node);
    }
    int contents = 0;
};

int nonBackgroundPixels(const osg::Image& image)
{
    const osg::Vec4 background = scene::BackgroundColor;
    int count = 0;
    for (int y = 0; y < image.t(); ++y)
        for (int x = 0; x < image.s(); ++x)
        {
            const unsigned char* p = image.data(x, y);
            if (std::abs(p[0] - background.r() * 255.0f) + std::abs(p[1] - background.g() * 255.0f) +
                    std::abs(p[2] - background.b() * 255.0f) > 12.0f)
                ++count;
        }
    return count;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}
} // namespace

/// 3D Tiles in the scene: the sample city paged in by an off-screen render, lit buildings, a picked building's
/// batch table attributes, and tiles that cannot be read.
class TestTiles3dModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(SampleFolder))
            return;
        auto placement = scene::placeTiles3d(SampleFolder.toStdString(), "EPSG:4548");
        QVERIFY2(placement, placement ? "" : placement.error().message().c_str());
        mPlacement = placement.value();
        mModel.setOriginIfUnset(osg::Vec3d(mPlacement.x, mPlacement.y, 0.0));
        auto node = scene::loadTiles3dModel(SampleFolder.toStdString(), "EPSG:4548", mModel.origin());
        QVERIFY2(node, node ? "" : node.error().message().c_str());
        mNode = node.value();
        mModel.addModel(mNode);
        const scene::ViewPose pose = scene::homePose(mModel.contentBound(), 640.0 / 480.0);
        auto image = scene::OffscreenRenderer::render(mModel.root(), pose, 640, 480);
        QVERIFY2(image, image ? "" : image.error().detail.c_str());
        mImage = image.value();
        QImage(mImage->data(), 640, 480, QImage::Format_RGBA8888).mirrored().save(
            QDir::temp().filePath(QStringLiteral("citytwin_tiles3d_sample.png")));
    }

    void theSampleIsNamedAndPlaced()
    {
        CITYTWIN_REQUIRE_DATA(mNode, "../shared/data/3dtiles-cesium-requestvolume-city");
        QCOMPARE(mNode->getName(), std::string("3dtiles:3dtiles-cesium-requestvolume-city"));
        // The root region's centre is the placement's anchor: at the scene origin, 10 m up (the region spans
        // 0 to 20 m); the city is about 400 m across.
        const osg::BoundingSphere bound = mModel.contentBound();
        QVERIFY(bound.valid());
        CITYTWIN_COMPARE_NEAR(bound.center().x(), 0.0, 20.0);
        CITYTWIN_COMPARE_NEAR(bound.center().y(), 0.0, 20.0);
        QVERIFY(bound.radius() > 150.0 && bound.radius() < 600.0);
    }

    void theRenderPagedInEveryTileAndShowsThem()
    {
        CITYTWIN_REQUIRE_DATA(mNode, "../shared/data/3dtiles-cesium-requestvolume-city");
        ContentCounter counter;
        mNode->accept(counter);
        QCOMPARE(counter.contents, 4);
        QVERIFY(scene::tiles3dWarnings(*mNode).empty());
        // Forty small blocks (about 10 m across, 4 tiles x 10 batched buildings) over some 400 m: a few percent of
        // the home view.
        QVERIFY2(nonBackgroundPixels(*mImage) > 640 * 480 / 100, qPrintable(QString::number(nonBackgroundPixels(*mImage))));
    }

    void aPickedBuildingShowsItsBatchAttributes()
    {
        CITYTWIN_REQUIRE_DATA(mNode, "../shared/data/3dtiles-cesium-requestvolume-city");
        // Building 2 of ll.b3dm per its batch table: Longitude -1.319708772296242, Latitude 0.698870582386204
        // (radians), Height 9.50 m. A vertical ray through that point, from above, must hit it.
        const auto ecef = data::geodeticToEcef(-1.319708772296242, 0.698870582386204, 0.0);
        const auto project = data::transformPoint(mPlacement.projectFromEcef, ecef);
        const osg::Vec3d world = osg::Vec3d(project[0], project[1], project[2]) - mModel.origin();
        osg::ref_ptr<osgUtil::LineSegmentIntersector> intersector =
            new osgUtil::LineSegmentIntersector(world + osg::Vec3d(0, 0, 200), world - osg::Vec3d(0, 0, 50));
        osgUtil::IntersectionVisitor visitor(intersector.get());
        mModel.root()->accept(visitor);
        QVERIFY(intersector->containsIntersections());
        const auto feature = scene::tiles3dFeatureOf(intersector->getFirstIntersection());
        QVERIFY(feature);
        QVERIFY(feature->contentPath.ends_with("ll.b3dm"));
        QCOMPARE(feature->batchId, std::size_t(2));
        QCOMPARE(feature->attributes.front(), std::make_pair(std::string("id"), std::string("2")));
        QCOMPARE(feature->attributes.back().first, std::string("Height"));
        // The roof is about the batch table's height above the ground.
        const double roof = intersector->getFirstIntersection().getWorldIntersectPoint().z() - project[2];
        QVERIFY2(roof > 3.0 && roof < 20.0, qPrintable(QString::number(roof)));
    }

    void aMissingTileIsNamedAndTheRestShows()
    {
        CITYTWIN_REQUIRE_DATA(QFileInfo::exists(SampleFolder), "../shared/data/3dtiles-cesium-requestvolume-city");
        QTemporaryDir folder;
        QVERIFY(QFile::copy(SampleFolder + "/ll.b3dm", folder.filePath("ll.b3dm")));
        writeFile(folder.filePath("tileset.json"),
                  R"({"asset":{"version":"1.0"},"geometricError":70,"root":{"boundingVolume":{"region":)"
                  R"([-1.3197209591796106,0.6988424218,-1.3196390408203893,0.6989055782,0,20]},"geometricError":70,)"
                  R"("refine":"ADD","children":[{"boundingVolume":{"region":[-1.3197209591796106,0.6988424218,)"
                  R"(-1.31968,0.698874,0,20]},"geometricError":0,"content":{"uri":"ll.b3dm"}},{"boundingVolume":)"
                  R"({"region":[-1.31968,0.6988424218,-1.3196390408203893,0.698874,0,20]},"geometricError":0,)"
                  R"("content":{"uri":"missing.b3dm"}}]}})");
        scene::SceneModel model;
        auto placement = scene::placeTiles3d(folder.path().toStdString(), "EPSG:4548");
        QVERIFY(placement);
        model.setOriginIfUnset(osg::Vec3d(placement->x, placement->y, 0.0));
        auto node = scene::loadTiles3dModel(folder.path().toStdString(), "EPSG:4548", model.origin());
        QVERIFY(node);
        model.addModel(node.value());
        auto image = scene::OffscreenRenderer::render(
            model.root(), scene::homePose(model.contentBound(), 640.0 / 480.0), 320, 240);
        QVERIFY(image);
        const auto warnings = scene::tiles3dWarnings(*node.value());
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY2(warnings.front().find("missing.b3dm") != std::string::npos, warnings.front().c_str());
        QVERIFY(warnings.front().find("not found") != std::string::npos);
        ContentCounter counter;
        node.value()->accept(counter);
        QCOMPARE(counter.contents, 1);
    }

    void unsupportedContentIsNamed()
    {
        QTemporaryDir folder;
        std::vector<std::string> warnings;
        // A Draco-compressed glTF whose Draco buffer view does not exist (test_gltf_compressed decodes real ones).
        const QString draco = folder.filePath("draco.gltf");
        writeFile(draco, R"({"asset":{"version":"2.0"},"extensionsUsed":["KHR_draco_mesh_compression"],)"
                         R"("extensionsRequired":["KHR_draco_mesh_compression"],)"
                         R"("accessors":[{"componentType":5126,"count":3,"type":"VEC3"}],)"
                         R"("meshes":[{"primitives":[{"attributes":{"POSITION":0},"extensions":)"
                         R"({"KHR_draco_mesh_compression":{"bufferView":5,"attributes":{"POSITION":0}}}}]}],)"
                         R"("nodes":[{"mesh":0}],"scenes":[{"nodes":[0]}]})");
        auto dracoNode = scene::buildTileContentNode(draco.toStdString(), data::identityMatrix(), warnings);
        QVERIFY(!dracoNode);
        QCOMPARE(dracoNode.error().path, draco.toStdString());
        QVERIFY2(dracoNode.error().detail.find("KHR_draco_mesh_compression") != std::string::npos,
                 dracoNode.error().detail.c_str());
        QVERIFY2(dracoNode.error().detail.find("buffer view 5") != std::string::npos, dracoNode.error().detail.c_str());
        // A glTF requiring an extension that is not read (Basis Universal textures).
        const QString basis = folder.filePath("basis.gltf");
        writeFile(basis, R"({"asset":{"version":"2.0"},"extensionsUsed":["KHR_texture_basisu"],)"
                         R"("extensionsRequired":["KHR_texture_basisu"],"meshes":[],"nodes":[],"scenes":[]})");
        auto basisNode = scene::buildTileContentNode(basis.toStdString(), data::identityMatrix(), warnings);
        QVERIFY(!basisNode);
        QVERIFY2(basisNode.error().detail.find("KHR_texture_basisu") != std::string::npos,
                 basisNode.error().detail.c_str());
        // Unknown magic (a vector tile).
        const QString vector = folder.filePath("roads.vctr");
        writeFile(vector, QByteArray("vctr") + QByteArray(40, '\0'));
        auto unknown = scene::buildTileContentNode(vector.toStdString(), data::identityMatrix(), warnings);
        QVERIFY(!unknown);
        QVERIFY(unknown.error().detail.find("not supported") != std::string::npos);
        QVERIFY(unknown.error().detail.find("vctr") != std::string::npos);
        // Truncated glb inside a b3dm of the sample: named, never a crash.
        if (QFileInfo::exists(SampleFolder))
        {
            QFile sample(SampleFolder + "/ul.b3dm");
            QVERIFY(sample.open(QIODevice::ReadOnly));
            const QString cut = folder.filePath("cut.b3dm");
            writeFile(cut, sample.readAll().left(3000));
            auto truncated = scene::buildTileContentNode(cut.toStdString(), data::identityMatrix(), warnings);
            QVERIFY(!truncated);
            QVERIFY(truncated.error().path.ends_with("cut.b3dm"));
            QVERIFY(truncated.error().detail.find("truncated") != std::string::npos);
        }
    }

private:
    scene::SceneModel mModel;
    data::Tileset3dPlacement mPlacement;
    osg::ref_ptr<osg::MatrixTransform> mNode;
    osg::ref_ptr<osg::Image> mImage;
};

QTEST_GUILESS_MAIN(TestTiles3dModel)
#include "test_tiles3d_model.moc"
