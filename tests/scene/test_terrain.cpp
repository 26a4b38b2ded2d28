#include "common/fixtures.hpp"

#include "data/core/height_field.hpp"
#include "data/io/raster_source.hpp"
#include "data/core/vector_layer.hpp"
#include "scene/layer_node_builder.hpp"
#include "scene/terrain.hpp"

#include <cmath>

#include <QTemporaryDir>
#include <QTest>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/PagedLOD>
#include <osg/Texture2D>
#include <osgDB/ReadFile>

using namespace citytwin;

namespace
{
constexpr double X0 = 600000.0, Y0 = 4392000.0, Pixel = 10.0;
constexpr int Size = 200; // 2 km square

/// A cone 100 m high in the middle of the DEM.
double coneAt(int column, int row)
{
    const double dx = column - Size / 2.0, dy = row - Size / 2.0;
    return std::max(0.0, 100.0 - std::hypot(dx, dy));
}

/// The first geometry below a node.
osg::Geometry* firstGeometry(osg::Node* node)
{
    if (auto* geode = node->asGeode())
        return geode->getNumDrawables() ? geode->getDrawable(0)->asGeometry() : nullptr;
    if (auto* group = node->asGroup())
        for (unsigned int i = 0; i < group->getNumChildren(); ++i)
            if (osg::Geometry* found = firstGeometry(group->getChild(i)))
                return found;
    return nullptr;
}
} // namespace

/// The paged terrain: meshes from the DEM, imagery textures north up, children paged by file name, draping.
class TestTerrain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        const std::string dem = mDir.filePath(QStringLiteral("dem.tif")).toStdString();
        const std::string image = mDir.filePath(QStringLiteral("image.tif")).toStdString();
        QVERIFY(test::writeGeoTiff(dem, Size, Size, 1, "EPSG:4548", X0, Y0, Pixel,
                                   [](int, int c, int r) { return coneAt(c, r); }));
        QVERIFY(test::writeGeoTiff(image, Size, Size, 3, "EPSG:4548", X0, Y0, Pixel,
                                   [](int band, int, int r) { return (band == 1) == (r < Size / 2) ? 255.0 : 0.0; }));
        auto demSource = data::RasterSource::open(dem);
        auto imageSource = data::RasterSource::open(image);
        QVERIFY(demSource.ok() && imageSource.ok());
        mDem = demSource.value();
        mImagery = imageSource.value();
        mOrigin = osg::Vec3d(X0 + 1000.0, Y0 - 1000.0, 0.0);
    }

    void rootMeshFollowsTheDemWithImageryNorthUp()
    {
        osg::ref_ptr<osg::Node> terrain =
            scene::buildTerrain(mDem, mImagery, mOrigin, {.meshSize = 33, .textureSize = 32});
        QVERIFY(terrain);
        QCOMPARE(terrain->getName(), std::string(scene::TerrainNodeName));
        osg::Geometry* mesh = firstGeometry(terrain.get());
        QVERIFY(mesh);
        const auto* vertices = static_cast<const osg::Vec3Array*>(mesh->getVertexArray());
        float top = -1e9f;
        for (std::size_t i = 0; i < 33 * 33; ++i)
            top = std::max(top, (*vertices)[i].z());
        // A coarse level averages the peak a little.
        QVERIFY2(top > 95.0f && top <= 100.0f, qPrintable(QString::number(top)));
        // Skirts hang below the mesh.
        float bottom = 1e9f;
        for (const osg::Vec3& v : *vertices)
            bottom = std::min(bottom, v.z());
        QVERIFY(bottom < -4.0f);
        // The texture: the red north at the top of the image (t = 1), the blue south at the bottom.
        auto* texture =
            dynamic_cast<osg::Texture2D*>(mesh->getStateSet()->getTextureAttribute(0, osg::StateAttribute::TEXTURE));
        QVERIFY(texture && texture->getImage());
        const osg::Image* image = texture->getImage();
        QCOMPARE(int(image->data(0, image->t() - 1)[0]), 255);
        QCOMPARE(int(image->data(0, 0)[2]), 255);
        // The mesh's north row has the texture's top.
        const auto* texCoords = static_cast<const osg::Vec2Array*>(mesh->getTexCoordArray(0));
        QCOMPARE((*texCoords)[0].y(), 1.0f);                    // row 0 = north
        QVERIFY((*vertices)[0].y() > (*vertices)[33 * 32].y()); // row 0 is north of row 32
    }

    void childrenArePagedByFileName()
    {
        osg::ref_ptr<osg::Node> terrain =
            scene::buildTerrain(mDem, mImagery, mOrigin, {.meshSize = 17, .textureSize = 32});
        auto* lod = dynamic_cast<osg::PagedLOD*>(terrain->asGroup()->getChild(0));
        QVERIFY2(lod, "a terrain finer than one tile has a PagedLOD root");
        QCOMPARE(lod->getNumFileNames(), 2u);
        const std::string children = lod->getFileName(1);
        QVERIFY(!children.empty());
        osg::ref_ptr<osg::Node> loaded = osgDB::readNodeFile(children);
        QVERIFY2(loaded, children.c_str());
        QCOMPARE(loaded->asGroup()->getNumChildren(), 4u);
        // Each child covers a quarter: its bound is about half the root's.
        const float rootRadius = lod->getBound().radius();
        for (unsigned int i = 0; i < 4; ++i)
        {
            const float radius = loaded->asGroup()->getChild(i)->getBound().radius();
            QVERIFY2(radius < 0.7f * rootRadius && radius > 0.3f * rootRadius, qPrintable(QString::number(radius)));
        }
        // Gone with its terrain: a later request finds nothing.
        terrain = nullptr;
        lod = nullptr;
        QVERIFY(!osgDB::readNodeFile(children));
    }

    void buildingsStandOnTheDem()
    {
        auto field = data::HeightField::load(*mDem);
        QVERIFY(field.ok());
        data::VectorLayer layer;
        layer.name = "buildings";
        layer.kind = data::GeometryKind::Polygon;
        data::Feature building;
        const double cx = X0 + 1000.0, cy = Y0 - 1000.0; // the cone's top
        building.polygons.push_back(
            {{{{cx - 5, cy - 5, 0}, {cx + 5, cy - 5, 0}, {cx + 5, cy + 5, 0}, {cx - 5, cy + 5, 0}}}});
        building.height = 20.0;
        layer.features.push_back(building);
        layer.extent.include(cx - 5, cy - 5);
        layer.extent.include(cx + 5, cy + 5);
        osg::ref_ptr<osg::MatrixTransform> node = scene::buildLayerNode(layer, mOrigin, {}, field.value().get());
        osg::Geometry* solids = firstGeometry(node.get());
        QVERIFY(solids);
        float low = 1e9f, high = -1e9f;
        for (const osg::Vec3& v : *static_cast<const osg::Vec3Array*>(solids->getVertexArray()))
        {
            low = std::min(low, v.z());
            high = std::max(high, v.z());
        }
        // Its base is the lowest ground under it (the cone falls 0.7 m to the corners), its roof 20 m higher.
        QVERIFY2(low > 97.0f && low < 100.0f, qPrintable(QString::number(low)));
        QVERIFY2(std::abs(high - low - 20.0f) < 0.01f, qPrintable(QString::number(high)));
    }

private:
    QTemporaryDir mDir;
    std::shared_ptr<const data::RasterSource> mDem, mImagery;
    osg::Vec3d mOrigin;
};

QTEST_GUILESS_MAIN(TestTerrain)
#include "test_terrain.moc"
