#include "common/mixed_geopackage.hpp"
#include "common/scene_fixture.hpp"

#include "scene/feature_ids.hpp"
#include "scene/layer_node_builder.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/NodeVisitor>

using namespace citytwin;
namespace mixed = citytwin::test::mixed;

namespace
{
/// Counts drawables and vertices, checks feature ids, and records the largest vertex magnitude.
class CountingVisitor : public osg::NodeVisitor
{
public:
    CountingVisitor() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}

    void apply(osg::Geode& geode) override
    {
        for (unsigned int i = 0; i < geode.getNumDrawables(); ++i)
        {
            const osg::Geometry* geometry = geode.getDrawable(i)->asGeometry();
            if (!geometry)
                continue;
            ++drawables;
            const auto* vertices = static_cast<const osg::Vec3Array*>(geometry->getVertexArray());
            const auto* ids = dynamic_cast<const scene::FeatureIds*>(geometry->getUserData());
            vertexCount += vertices->size();
            idsMatch = idsMatch && ids && ids->perVertex.size() == vertices->size();
            modes.push_back(ids ? ids->mode : 0);
            for (const osg::Vec3& v : *vertices)
            {
                maximumMagnitude = std::max(maximumMagnitude, static_cast<double>(v.length()));
                maximumZ = std::max(maximumZ, static_cast<double>(v.z()));
            }
        }
    }

    std::size_t drawables = 0;
    std::size_t vertexCount = 0;
    bool idsMatch = true;
    double maximumMagnitude = 0.0;
    double maximumZ = 0.0;
    std::vector<GLenum> modes;
};
} // namespace

class TestLayerNodeBuilder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        QVERIFY(test::loadInto(mModel, mFixture.pathString()));
        QCOMPARE(mModel.layerCount(), 3);
    }

    void sceneOriginIsTheFirstLayersCentre()
    {
        const auto& extent = mModel.layer(0).extent;
        QCOMPARE(mModel.origin().x(), std::round(extent.centerX()));
        QCOMPARE(mModel.origin().y(), std::round(extent.centerY()));
    }

    void verticesAreSmallFloatOffsets()
    {
        for (int i = 0; i < mModel.layerCount(); ++i)
        {
            CountingVisitor counter;
            mModel.layerNode(i)->accept(counter);
            QVERIFY2(counter.maximumMagnitude < 10000.0, qPrintable(QString::number(counter.maximumMagnitude)));
            QVERIFY(counter.idsMatch);
        }
    }

    void transformHoldsTheLayerOriginInDouble()
    {
        const osg::Vec3d translation = mModel.layerNode(0)->getMatrix().getTrans();
        const auto& extent = mModel.layer(0).extent;
        const osg::Vec3d layerOrigin(std::round(extent.centerX()), std::round(extent.centerY()), 0.0);
        QCOMPARE(translation, layerOrigin - mModel.origin());
    }

    void footprintsAreExtrudedOrFilled()
    {
        CountingVisitor counter;
        mModel.layerNode(0)->accept(counter);
        // Solids (A and B extruded), fills (C), roof edges (A, B), ground outline (C).
        QCOMPARE(counter.drawables, std::size_t(4));
        QCOMPARE(counter.modes, (std::vector<GLenum>{GL_TRIANGLES, GL_TRIANGLES, GL_LINES, GL_LINES}));
        // A roof at 30 m (+ outline lift), nothing above it.
        QVERIFY(counter.maximumZ >= mixed::FootprintAHeight && counter.maximumZ < mixed::FootprintAHeight + 0.1);
        // Two boxes: 2 x (2 roof triangles + 4 walls x 2 triangles) x 3 vertices, plus C's 2 ground triangles.
        const auto* geode = mModel.layerNode(0)->getChild(0)->asGeode();
        const auto* solids = static_cast<const osg::Vec3Array*>(geode->getDrawable(0)->asGeometry()->getVertexArray());
        const auto* fills = static_cast<const osg::Vec3Array*>(geode->getDrawable(1)->asGeometry()->getVertexArray());
        QCOMPARE(solids->size(), std::size_t(2 * (2 + 8) * 3));
        QCOMPARE(fills->size(), std::size_t(2 * 3));
    }

    void linesAndPointsKeepTheirKind()
    {
        CountingVisitor roads, stations;
        mModel.layerNode(1)->accept(roads);
        mModel.layerNode(2)->accept(stations);
        QCOMPARE(roads.modes, (std::vector<GLenum>{GL_LINES}));
        QCOMPARE(roads.vertexCount, std::size_t((2 + 1) * 2)); // 3 segments in all
        QCOMPARE(stations.modes, (std::vector<GLenum>{GL_POINTS}));
        QCOMPARE(stations.vertexCount, std::size_t(1));
    }

    void hidingALayerRemovesItFromTheBound()
    {
        const osg::BoundingSphere all = mModel.contentBound();
        mModel.setLayerVisible(1, false);
        const osg::BoundingSphere withoutRoads = mModel.contentBound();
        QVERIFY(!mModel.isLayerVisible(1));
        QVERIFY(withoutRoads.radius() < all.radius());
        mModel.setLayerVisible(1, true);
        QVERIFY(mModel.isLayerVisible(1));
    }

private:
    test::MixedGeoPackage mFixture;
    scene::SceneModel mModel;
};

QTEST_GUILESS_MAIN(TestLayerNodeBuilder)
#include "test_layer_node_builder.moc"
