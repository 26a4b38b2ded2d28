#include "common/mixed_geopackage.hpp"
#include "common/scene_fixture.hpp"

#include "scene/feature_colors.hpp"
#include "scene/feature_ids.hpp"
#include "scene/layer_node_builder.hpp"
#include "scene/point_icons.hpp"

#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <QTemporaryDir>
#include <QTest>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LOD>
#include <osgText/Text>
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
            const bool lit = geometry->getNormalArray() != nullptr;
            verticesByKind[{ids ? ids->mode : 0u, lit}] += vertices->size();
            ++geodesSeen[&geode];
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
    /// Vertices per (mode, lit): lit triangles are extruded solids, unlit triangles ground fills.
    std::map<std::pair<GLenum, bool>, std::size_t> verticesByKind;
    std::map<const osg::Geode*, int> geodesSeen;
    std::set<GLenum> modeSet() const { return {modes.begin(), modes.end()}; }
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
        // Solids (A and B extruded), fills (C), roof edges (A, B), ground outline (C), in one or more tiles.
        QCOMPARE(counter.modeSet(), (std::set<GLenum>{GL_TRIANGLES, GL_LINES}));
        // A roof at 30 m (+ outline lift), nothing above it.
        QVERIFY(counter.maximumZ >= mixed::FootprintAHeight && counter.maximumZ < mixed::FootprintAHeight + 0.1);
        // Two boxes: 2 x (2 roof triangles + 4 walls x 2 triangles) x 3 vertices, plus C's 2 ground triangles.
        const std::size_t solids = counter.verticesByKind[{GLenum(GL_TRIANGLES), true}];
        const std::size_t fills = counter.verticesByKind[{GLenum(GL_TRIANGLES), false}];
        QCOMPARE(solids, std::size_t(2 * (2 + 8) * 3));
        QCOMPARE(fills, std::size_t(2 * 3));
    }

    void linesAndPointsKeepTheirKind()
    {
        CountingVisitor roads, stations;
        mModel.layerNode(1)->accept(roads);
        mModel.layerNode(2)->accept(stations);
        QCOMPARE(roads.modeSet(), (std::set<GLenum>{GL_LINES}));
        QCOMPARE(roads.vertexCount, std::size_t((2 + 1) * 2)); // 3 segments in all
        QCOMPARE(stations.modeSet(), (std::set<GLenum>{GL_POINTS}));
        QCOMPARE(stations.vertexCount, std::size_t(1));
    }

    void featuresAreBatchedPerSpatialTile()
    {
        // 10,000 small squares over 20 km: a few hundred tiles at most, each with a compact bound.
        data::VectorLayer layer;
        layer.name = "many";
        layer.kind = data::GeometryKind::Polygon;
        for (int i = 0; i < 100; ++i)
            for (int j = 0; j < 100; ++j)
            {
                data::Feature feature;
                const double x = 500000.0 + i * 200.0, y = 4390000.0 + j * 200.0;
                feature.polygons.push_back({{{{x, y, 0}, {x + 20, y, 0}, {x + 20, y + 20, 0}, {x, y + 20, 0}}}});
                feature.height = 10.0;
                layer.features.push_back(std::move(feature));
                layer.extent.include(x, y);
                layer.extent.include(x + 20, y + 20);
            }
        const auto node = scene::buildLayerNode(layer, osg::Vec3d(510000.0, 4400000.0, 0.0), {});
        CountingVisitor counter;
        node->accept(counter);
        QVERIFY2(counter.geodesSeen.size() >= 100 && counter.geodesSeen.size() <= 17 * 17,
                 qPrintable(QString::number(counter.geodesSeen.size())));
        QVERIFY(counter.drawables <= 2 * counter.geodesSeen.size());
        const std::size_t solids = counter.verticesByKind[{GLenum(GL_TRIANGLES), true}];
        QCOMPARE(solids, std::size_t(10000 * (2 + 8) * 3));
        for (unsigned int i = 0; i < node->getNumChildren(); ++i)
            QVERIFY(node->getChild(i)->getBound().radius() < 2000.0);
    }

    void oneFeatureIsRecolouredInPlace()
    {
        osg::MatrixTransform* node = mModel.layerNode(0);
        const osg::Vec4 red(1, 0, 0, 1), blue(0, 0, 1, 1);
        const std::size_t changed =
            scene::setFeatureColors(*node, [&](std::size_t feature) { return feature == 0 ? red : blue; });
        // The extruded solids of A and B and the ground fill of C carry per-vertex colours.
        QCOMPARE(changed, std::size_t(2 * (2 + 8) * 3 + 2 * 3));
        auto count = [node](const osg::Vec4& color)
        {
            std::size_t n = 0;
            struct Visitor : osg::NodeVisitor
            {
                const osg::Vec4* color;
                std::size_t* n;
                Visitor() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
                void apply(osg::Geode& geode) override
                {
                    for (unsigned int i = 0; i < geode.getNumDrawables(); ++i)
                        if (const auto* colors = dynamic_cast<const osg::Vec4Array*>(
                                geode.getDrawable(i)->asGeometry()->getColorArray()))
                            if (colors->getBinding() == osg::Array::BIND_PER_VERTEX)
                                *n += static_cast<std::size_t>(std::count(colors->begin(), colors->end(), *color));
                }
            } visitor;
            visitor.color = &color;
            visitor.n = &n;
            node->accept(visitor);
            return n;
        };
        QCOMPARE(count(red), std::size_t(30));
        QCOMPARE(count(blue), std::size_t(30));
        // Highlight feature 1, then feature 0: the first is restored, the second lit.
        scene::FeatureHighlight highlight;
        const osg::Vec4 yellow = scene::FeatureHighlight::DefaultColor;
        QVERIFY(highlight.set(node, 1));
        QCOMPARE(count(yellow), std::size_t(30));
        QCOMPARE(count(blue), std::size_t(0));
        QVERIFY(highlight.set(node, 0));
        QCOMPARE(count(yellow), std::size_t(30));
        QCOMPARE(count(blue), std::size_t(30));
        QCOMPARE(count(red), std::size_t(0));
        highlight.clear();
        QCOMPARE(count(red), std::size_t(30));
        QCOMPARE(count(yellow), std::size_t(0));
        // A ground-filled feature (C) lights up too; its fill keeps nothing of the old colour.
        QVERIFY(highlight.set(node, 2));
        QCOMPARE(count(yellow), std::size_t(6));
        highlight.clear();
        // A feature with nothing drawn per vertex: nothing to light.
        QVERIFY(!highlight.set(node, 99));
    }

    void pointsGetTheIconOfTheirKind()
    {
        // An atlas of three icons; stations are drawn with the icon and colour of their kind.
        auto atlas = std::make_shared<scene::PointIconAtlas>();
        atlas->image = new osg::Image;
        atlas->image->allocateImage(4 * 8, 8, 1, GL_RGBA, GL_UNSIGNED_BYTE);
        atlas->columns = 4;
        atlas->names = {"cluster", "station-canteen", "station-day_care"};
        scene::setPointIconAtlas(atlas);
        data::VectorLayer layer;
        layer.name = "stations";
        layer.kind = data::GeometryKind::Point;
        layer.fieldNames = {"kind"};
        for (const char* kind : {"day_care", "canteen", "unknown_kind"})
        {
            data::Feature feature;
            feature.points.push_back({500000.0 + 100.0 * layer.features.size(), 4400000.0, 0.0});
            feature.values = {kind};
            layer.extent.include(feature.points.back().x, feature.points.back().y);
            layer.features.push_back(std::move(feature));
        }
        const scene::LayerStyle style = scene::layerStyleFor(layer, 0);
        QVERIFY(style.symbols.has_value());
        const auto node = scene::buildLayerNode(layer, osg::Vec3d(500000.0, 4400000.0, 0.0), style);
        scene::setPointIconAtlas(nullptr);

        std::map<std::uint32_t, std::pair<float, osg::Vec4>> iconOf; // feature -> (icon, colour)
        struct Visitor : osg::NodeVisitor
        {
            Visitor(std::map<std::uint32_t, std::pair<float, osg::Vec4>>& out)
                : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), out(out)
            {
            }
            void apply(osg::Geode& geode) override
            {
                for (unsigned int i = 0; i < geode.getNumDrawables(); ++i)
                {
                    const osg::Geometry* g = geode.getDrawable(i)->asGeometry();
                    const auto* ids = g ? dynamic_cast<const scene::FeatureIds*>(g->getUserData()) : nullptr;
                    const auto* looks = g ? dynamic_cast<const osg::Vec2Array*>(g->getTexCoordArray(0)) : nullptr;
                    const auto* colors = g ? dynamic_cast<const osg::Vec4Array*>(g->getColorArray()) : nullptr;
                    if (!ids || !looks || !colors)
                        continue;
                    for (std::size_t v = 0; v < ids->perVertex.size(); ++v)
                        out[ids->perVertex[v]] = {(*looks)[v].x(), (*colors)[v]};
                }
            }
            std::map<std::uint32_t, std::pair<float, osg::Vec4>>& out;
        } visitor(iconOf);
        node->accept(visitor);
        QCOMPARE(iconOf.size(), std::size_t(3));
        QCOMPARE(iconOf[0].first, 2.0f); // day_care
        QCOMPARE(iconOf[1].first, 1.0f); // canteen
        QCOMPARE(iconOf[2].first, 0.0f); // an unknown kind: the default icon, in the layer's colour
        QCOMPARE(iconOf[2].second, style.color);
        QVERIFY(iconOf[0].second != iconOf[1].second); // each kind its own colour

        // The legend lists the kinds present, each in its colour, under the layer.
        scene::SceneModel model;
        model.addLayer(std::make_shared<const data::VectorLayer>(layer));
        std::vector<std::string> lines;
        for (const scene::MapLegendEntry& entry : model.overlay().legend())
            lines.push_back(entry.label);
        QCOMPARE(lines, (std::vector<std::string>{"stations", "  canteen", "  day_care"}));
    }

    void derivedLayersAreStyledByTheirRole()
    {
        // Service rings: a light wash (10 %) inside a thin ring, by role; the name alone styles nothing.
        data::VectorLayer rings;
        rings.name = "stations day_care (500 m)";
        rings.kind = data::GeometryKind::Polygon;
        QCOMPARE(scene::layerStyleFor(rings, 0).fillOpacity, 0.35f); // a plain area
        rings.role = data::LayerRole::ServiceRings;
        QCOMPARE(scene::layerStyleFor(rings, 0).fillOpacity, 0.10f);
        // View cones and the ground the cameras see: a cyan wash (25 %).
        for (const data::LayerRole role : {data::LayerRole::ViewCones, data::LayerRole::SeenGround})
        {
            data::VectorLayer views;
            views.name = "cameras";
            views.kind = data::GeometryKind::Polygon;
            views.role = role;
            const scene::LayerStyle style = scene::layerStyleFor(views, 0);
            QCOMPARE(style.fillOpacity, 0.25f);
            QCOMPARE(style.color, osg::Vec4(0.35f, 0.85f, 0.95f, 1.0f));
            QVERIFY(style.visible); // unlike the cameras themselves, which start hidden
        }
    }

    void densePointLayersClusterWithCountsFromAfar()
    {
        // 2,000 points over 4 km: every tile becomes an LOD: its points near, its clusters farther; the
        // counts of each level add up to all the points.
        data::VectorLayer layer;
        layer.name = "incidents";
        layer.kind = data::GeometryKind::Point;
        for (int i = 0; i < 2000; ++i)
        {
            data::Feature feature;
            feature.points.push_back({500000.0 + (i * 37 % 4000), 4400000.0 + (i * 91 % 4000), 0.0});
            layer.extent.include(feature.points.back().x, feature.points.back().y);
            layer.features.push_back(std::move(feature));
        }
        const auto node = scene::buildLayerNode(layer, osg::Vec3d(500000.0, 4400000.0, 0.0), {});
        std::size_t near = 0;
        std::vector<std::size_t> counted(3, 0);
        for (unsigned int i = 0; i < node->getNumChildren(); ++i)
        {
            const auto* lod = dynamic_cast<const osg::LOD*>(node->getChild(i));
            QVERIFY(lod);
            QCOMPARE(lod->getNumChildren(), 3u);
            QVERIFY(lod->getMaxRange(0) <= lod->getMinRange(1) && lod->getMaxRange(1) <= lod->getMinRange(2));
            near += static_cast<const osg::Vec3Array*>(
                        lod->getChild(0)->asGeode()->getDrawable(0)->asGeometry()->getVertexArray())
                        ->size();
            for (unsigned int level = 1; level < 3; ++level)
            {
                const osg::Group* clusters = lod->getChild(level)->asGroup();
                const osg::Geode* texts = clusters->getChild(1)->asGeode();
                for (unsigned int t = 0; t < texts->getNumDrawables(); ++t)
                {
                    const auto* text = dynamic_cast<const osgText::Text*>(texts->getDrawable(t));
                    QVERIFY(text);
                    counted[level] += std::stoul(text->getText().createUTF8EncodedString());
                }
            }
        }
        QCOMPARE(near, std::size_t(2000));
        QCOMPARE(counted[1], std::size_t(2000));
        QCOMPARE(counted[2], std::size_t(2000));
        // One cluster per tile from afar.
        std::size_t far = 0;
        for (unsigned int i = 0; i < node->getNumChildren(); ++i)
            far += node->getChild(i)->asGroup()->getChild(2)->asGroup()->getChild(1)->asGeode()->getNumDrawables();
        QCOMPARE(far, std::size_t(node->getNumChildren()));
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
