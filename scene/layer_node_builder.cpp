#include "layer_node_builder.hpp"

#include "scene_effects.hpp"

#include "feature_ids.hpp"
#include "label_layer.hpp"
#include "point_icons.hpp"

#include "data/core/height_field.hpp"
#include "data/core/vector_layer.hpp"
#include "data/geo/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LOD>
#include <osg/LineWidth>
#include <osg/Point>
#include <osg/PolygonOffset>
#include <osg/TriangleIndexFunctor>
#include <osg/ValueObject>
#include <osgText/Text>
#include <osgUtil/Tessellator>

namespace citytwin::scene
{
namespace
{
/// Lifts ground outlines and points above ground fills so they never fight for depth.
constexpr float OutlineLift = 0.05f;
/// Spatial tiles: a layer's extent is cut into about this many tiles per side, none smaller than the minimum.
constexpr double TilesPerSide = 16.0;
constexpr double MinimumTileSize = 200.0;
/// Draped on a DEM: lifts above the ground (m) and the longest straight piece of a draped line (m).
constexpr float DrapedFillLift = 1.0f;
constexpr float DrapedLineLift = 1.5f;
constexpr float DrapedPointLift = 2.5f;
constexpr float DrapeStep = 20.0f;
/// Clustered point layers: a tile shows its points within this many tile sizes of the eye, clusters on thirds of
/// the tile up to the far distance, one cluster per tile beyond.
constexpr float ClusterNear = 4.0f;
constexpr float ClusterFar = 12.0f;

/// Collects the vertices, colours, normals and feature ids of one kind of primitive.
class GeometryBatch
{
public:
    explicit GeometryBatch(GLenum mode) : mMode(mode) {}

    void add(const osg::Vec3& vertex, const osg::Vec3& normal, std::uint32_t feature)
    {
        mVertices->push_back(vertex);
        mNormals->push_back(normal);
        mIds->perVertex.push_back(feature);
    }
    /// Adds an icon point: its icon index and size (pixels) as texture coordinates, its own colour.
    void addIcon(const osg::Vec3& vertex, std::uint32_t feature, float icon, float size, const osg::Vec4& color)
    {
        add(vertex, osg::Vec3(0, 0, 1), feature);
        mTexCoords->push_back(osg::Vec2(icon, size));
        mColors->push_back(color);
    }

    bool empty() const { return mVertices->empty(); }
    std::size_t size() const { return mVertices->size(); }
    /// Changes the vertices added since first (draping a triangulated cap).
    template <typename Function> void transformVertices(std::size_t first, Function&& function)
    {
        for (std::size_t i = first; i < mVertices->size(); ++i)
            function((*mVertices)[i]);
    }

    /// Makes the geometry; colours per vertex (so that one feature can be recoloured in place) or overall.
    osg::ref_ptr<osg::Geometry> finish(const osg::Vec4& color, bool withNormals, bool colorPerVertex = false)
    {
        osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
        geometry->setUseVertexBufferObjects(true);
        geometry->setUseDisplayList(false);
        geometry->setVertexArray(mVertices.get());
        if (withNormals)
            geometry->setNormalArray(mNormals.get(), osg::Array::BIND_PER_VERTEX);
        if (mColors->size() == mVertices->size())
        {
            // Icons: every vertex has its own colour already.
            geometry->setColorArray(mColors.get(), osg::Array::BIND_PER_VERTEX);
            geometry->setTexCoordArray(0, mTexCoords.get(), osg::Array::BIND_PER_VERTEX);
        }
        else
        {
            osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
            colors->assign(colorPerVertex ? mVertices->size() : 1, color);
            geometry->setColorArray(colors.get(),
                                    colorPerVertex ? osg::Array::BIND_PER_VERTEX : osg::Array::BIND_OVERALL);
        }
        geometry->addPrimitiveSet(new osg::DrawArrays(mMode, 0, static_cast<GLsizei>(mVertices->size())));
        mIds->mode = mMode;
        geometry->setUserData(mIds.get());
        return geometry;
    }

private:
    GLenum mMode;
    osg::ref_ptr<osg::Vec3Array> mVertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> mNormals = new osg::Vec3Array;
    osg::ref_ptr<FeatureIds> mIds = new FeatureIds;
    osg::ref_ptr<osg::Vec2Array> mTexCoords = new osg::Vec2Array;
    osg::ref_ptr<osg::Vec4Array> mColors = new osg::Vec4Array;
};

struct TriangleCollector
{
    std::vector<unsigned int> indices;
    void operator()(unsigned int a, unsigned int b, unsigned int c) { indices.insert(indices.end(), {a, b, c}); }
};

/// A ring with more vertices than this is thinned for display: the GLU tessellator slows to minutes on a ring of a
/// million vertices (a digitised circle, a coastline), and no screen shows them apart.
constexpr std::size_t MaximumDisplayedRingVertices = 20000;

/// Keeps a vertex only when it is at least perimeter / MaximumDisplayedRingVertices from the last one kept.
void thinForDisplay(std::vector<osg::Vec3>& ring)
{
    if (ring.size() <= MaximumDisplayedRingVertices)
        return;
    double perimeter = 0.0;
    for (std::size_t i = 1; i < ring.size(); ++i)
        perimeter += (ring[i] - ring[i - 1]).length();
    const float step = static_cast<float>(perimeter / MaximumDisplayedRingVertices);
    std::vector<osg::Vec3> kept;
    kept.reserve(MaximumDisplayedRingVertices + 2);
    for (const osg::Vec3& v : ring)
        if (kept.empty() || (v - kept.back()).length() >= step)
            kept.push_back(v);
    if (kept.back() != ring.back())
        kept.push_back(ring.back());
    if (kept.size() >= 3)
        ring = std::move(kept);
}

/// Returns the rings of a polygon in local coordinates, the outer ring counter-clockwise and holes clockwise
/// (thinned for display when huge).
std::vector<std::vector<osg::Vec3>> orientedLocalRings(const data::Polygon& polygon, const osg::Vec3d& origin)
{
    std::vector<std::vector<osg::Vec3>> rings;
    for (std::size_t r = 0; r < polygon.rings.size(); ++r)
    {
        const data::Ring& ring = polygon.rings[r];
        const bool counterClockwise = data::signedArea(ring) > 0.0;
        const bool wantCounterClockwise = (r == 0);
        std::vector<osg::Vec3> local;
        local.reserve(ring.size());
        for (const data::Position& p : ring)
            local.emplace_back(static_cast<float>(p.x - origin.x()), static_cast<float>(p.y - origin.y()), 0.0f);
        if (counterClockwise != wantCounterClockwise)
            std::reverse(local.begin(), local.end());
        thinForDisplay(local);
        rings.push_back(std::move(local));
    }
    return rings;
}

/// Triangulates a polygon with holes (GLU tessellator, odd winding) at height z into the batch.
void addCap(const std::vector<std::vector<osg::Vec3>>& rings, float z, std::uint32_t feature, GeometryBatch& batch)
{
    osg::ref_ptr<osg::Geometry> scratch = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    scratch->setVertexArray(vertices.get());
    for (const auto& ring : rings)
    {
        const auto first = static_cast<GLint>(vertices->size());
        for (const osg::Vec3& v : ring)
            vertices->push_back(osg::Vec3(v.x(), v.y(), z));
        scratch->addPrimitiveSet(new osg::DrawArrays(GL_POLYGON, first, static_cast<GLsizei>(ring.size())));
    }
    osg::ref_ptr<osgUtil::Tessellator> tessellator = new osgUtil::Tessellator;
    tessellator->setTessellationType(osgUtil::Tessellator::TESS_TYPE_GEOMETRY);
    tessellator->setWindingType(osgUtil::Tessellator::TESS_WINDING_ODD);
    tessellator->setBoundaryOnly(false);
    tessellator->retessellatePolygons(*scratch);

    osg::TriangleIndexFunctor<TriangleCollector> collector;
    scratch->accept(collector);
    const auto* result = static_cast<const osg::Vec3Array*>(scratch->getVertexArray());
    const osg::Vec3 up(0.0f, 0.0f, 1.0f);
    for (unsigned int index : collector.indices)
        batch.add((*result)[index], up, feature);
}

/// Adds the walls of an extruded polygon: two triangles per ring edge, normals pointing outwards.
void addWalls(const std::vector<std::vector<osg::Vec3>>& rings, float height, std::uint32_t feature,
              GeometryBatch& batch)
{
    for (const auto& ring : rings)
    {
        for (std::size_t i = 0; i < ring.size(); ++i)
        {
            const osg::Vec3& a = ring[i];
            const osg::Vec3& b = ring[(i + 1) % ring.size()];
            osg::Vec3 normal(b.y() - a.y(), a.x() - b.x(), 0.0f);
            if (normal.normalize() == 0.0f)
                continue;
            const osg::Vec3 aTop(a.x(), a.y(), height), bTop(b.x(), b.y(), height);
            for (const osg::Vec3& v : {a, b, bTop, a, bTop, aTop})
                batch.add(v, normal, feature);
        }
    }
}

void addRingOutline(const std::vector<osg::Vec3>& ring, float z, std::uint32_t feature, GeometryBatch& batch)
{
    for (std::size_t i = 0; i < ring.size(); ++i)
    {
        const osg::Vec3& a = ring[i];
        const osg::Vec3& b = ring[(i + 1) % ring.size()];
        batch.add(osg::Vec3(a.x(), a.y(), z), osg::Vec3(0, 0, 1), feature);
        batch.add(osg::Vec3(b.x(), b.y(), z), osg::Vec3(0, 0, 1), feature);
    }
}

osg::Vec3 toLocal(const data::Position& p, const osg::Vec3d& origin, float lift)
{
    return osg::Vec3(static_cast<float>(p.x - origin.x()), static_cast<float>(p.y - origin.y()), lift);
}

osg::Vec4 darker(const osg::Vec4& color, float factor)
{
    return osg::Vec4(color.r() * factor, color.g() * factor, color.b() * factor, 1.0f);
}

osg::ref_ptr<osg::StateSet> unlitState()
{
    osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    state->setTextureMode(0, GL_TEXTURE_2D, osg::StateAttribute::OFF);
    return state;
}

osg::ref_ptr<osg::StateSet> lineState(float width)
{
    osg::ref_ptr<osg::StateSet> state = unlitState();
    state->setAttributeAndModes(new osg::LineWidth(width));
    return state;
}

/// Translucent fills: blended, no depth writes, drawn after the opaque scene, pushed back so that outlines
/// drawn at the same height stay visible.
osg::ref_ptr<osg::StateSet> transparentState()
{
    osg::ref_ptr<osg::StateSet> state = unlitState();
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    state->setAttributeAndModes(new osg::PolygonOffset(1.0f, 1.0f));
    return state;
}

/// The ground: drawn first and without depth writes, so that what lies on it never fights it for depth.
osg::ref_ptr<osg::StateSet> groundState()
{
    osg::ref_ptr<osg::StateSet> state = unlitState();
    state->setRenderBinDetails(-1, "RenderBin");
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    return state;
}

osg::ref_ptr<osg::StateSet> pointState(float size)
{
    osg::ref_ptr<osg::StateSet> state = unlitState();
    state->setAttributeAndModes(new osg::Point(size));
    // Round points: smoothing needs blending.
    state->setMode(GL_POINT_SMOOTH, osg::StateAttribute::ON);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    return state;
}

struct Batches
{
    GeometryBatch solids{GL_TRIANGLES};
    GeometryBatch fills{GL_TRIANGLES};
    GeometryBatch roofEdges{GL_LINES};
    GeometryBatch outlines{GL_LINES};
    GeometryBatch lines{GL_LINES};
    GeometryBatch points{GL_POINTS};
};

/// Where features lie: on the plane z = 0, or draped on a ground (DEM heights) with small lifts.
/// How each point of a layer drawn with icons looks: icon index, size in pixels, colour.
struct IconLook
{
    float icon = 0.0f;
    float size = 22.0f;
    osg::Vec4 color;
};

struct Ground
{
    const data::HeightField* field = nullptr;
    osg::Vec3d origin; ///< the layer origin: local + origin = project coordinates
    float heightScale = 1.0f;

    float at(float x, float y) const
    {
        return field ? static_cast<float>(field->heightAt(x + origin.x(), y + origin.y())) : 0.0f;
    }
    /// Lifts above the ground, larger when draped (the terrain mesh between DEM samples is coarser).
    float fillLift() const { return field ? DrapedFillLift : 0.0f; }
    float outlineLift() const { return field ? DrapedLineLift : OutlineLift; }
    float pointLift() const { return field ? DrapedPointLift : 3 * OutlineLift; }
};

/// Adds a segment as GL_LINES pairs; draped segments are cut into pieces that follow the ground.
void addSegment(osg::Vec3 a, osg::Vec3 b, const Ground& ground, float lift, std::uint32_t feature, GeometryBatch& batch)
{
    const int pieces = ground.field ? std::max(1, static_cast<int>(std::ceil((b - a).length() / DrapeStep))) : 1;
    osg::Vec3 previous = a;
    previous.z() = ground.at(a.x(), a.y()) + lift;
    for (int k = 1; k <= pieces; ++k)
    {
        osg::Vec3 next = a + (b - a) * (static_cast<float>(k) / static_cast<float>(pieces));
        next.z() = ground.at(next.x(), next.y()) + lift;
        batch.add(previous, osg::Vec3(0, 0, 1), feature);
        batch.add(next, osg::Vec3(0, 0, 1), feature);
        previous = next;
    }
}

void addFeature(const data::Feature& feature, std::uint32_t index, const Ground& ground, Batches& batches,
                const IconLook* icon)
{
    const osg::Vec3d& origin = ground.origin;
    const bool extruded = feature.height && *feature.height > 0.0;
    for (const data::Polygon& polygon : feature.polygons)
    {
        auto rings = orientedLocalRings(polygon, origin);
        if (extruded)
        {
            // A building stands on the lowest ground under its footprint.
            float base = 0.0f;
            if (ground.field && !rings.empty() && !rings.front().empty())
            {
                base = std::numeric_limits<float>::max();
                for (const osg::Vec3& v : rings.front())
                    base = std::min(base, ground.at(v.x(), v.y()));
            }
            for (auto& ring : rings)
                for (osg::Vec3& v : ring)
                    v.z() = base;
            const float top = base + static_cast<float>(*feature.height) * ground.heightScale;
            addCap(rings, top, index, batches.solids);
            addWalls(rings, top, index, batches.solids);
            for (const auto& ring : rings)
                addRingOutline(ring, top + OutlineLift, index, batches.roofEdges);
        }
        else
        {
            const std::size_t first = batches.fills.size();
            addCap(rings, ground.fillLift(), index, batches.fills);
            if (ground.field)
                batches.fills.transformVertices(first, [&ground](osg::Vec3& v)
                                                { v.z() = ground.at(v.x(), v.y()) + ground.fillLift(); });
            for (const auto& ring : rings)
                for (std::size_t i = 0; i < ring.size(); ++i)
                    addSegment(ring[i], ring[(i + 1) % ring.size()], ground, ground.outlineLift(), index,
                               batches.outlines);
        }
    }
    for (const data::Ring& line : feature.lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
            addSegment(toLocal(line[i], origin, 0.0f), toLocal(line[i + 1], origin, 0.0f), ground,
                       ground.outlineLift() + (ground.field ? 0.0f : OutlineLift), index, batches.lines);
    for (const data::Position& point : feature.points)
    {
        osg::Vec3 local = toLocal(point, origin, 0.0f);
        local.z() = ground.at(local.x(), local.y()) + ground.pointLift();
        if (icon)
            batches.points.addIcon(local, index, icon->icon, icon->size, icon->color);
        else
            batches.points.add(local, osg::Vec3(0, 0, 1), index);
    }
}

/// Points of a tile summarised on cells of a given size: each cluster at the mean of its points.
struct Cluster
{
    osg::Vec3 position;
    std::size_t count = 0;
};

std::vector<Cluster> clusterPoints(const std::vector<osg::Vec3>& points, double cellSize)
{
    std::map<std::pair<int, int>, Cluster> cells;
    for (const osg::Vec3& p : points)
    {
        Cluster& cluster =
            cells[{static_cast<int>(std::floor(p.x() / cellSize)), static_cast<int>(std::floor(p.y() / cellSize))}];
        cluster.position += p;
        ++cluster.count;
    }
    std::vector<Cluster> clusters;
    clusters.reserve(cells.size());
    for (auto& [key, cluster] : cells)
    {
        cluster.position /= static_cast<float>(cluster.count);
        clusters.push_back(cluster);
    }
    return clusters;
}

/// The font of cluster counts: the label font (digits read the same in every language).
osg::ref_ptr<osgText::Font> countFont()
{
    static const osg::ref_ptr<osgText::Font> font = []
    {
        const std::string path = labelFontPath();
        return path.empty() ? osg::ref_ptr<osgText::Font>() : osgText::readRefFontFile(path);
    }();
    return font;
}

/// Keeps the cluster counts' size (pixels, kept as each text's "baseSize") times the display scale set on a node
/// above (the scene's DisplayScaleUniform), as the discs' shader does.
class CountScaler : public osg::NodeCallback
{
public:
    void operator()(osg::Node* node, osg::NodeVisitor* visitor) override
    {
        float scale = 1.0f;
        for (osg::Node* above : visitor->getNodePath())
            if (const osg::StateSet* state = above->getStateSet())
                if (const osg::Uniform* uniform = state->getUniform(DisplayScaleUniform))
                    uniform->get(scale);
        if (scale != mScale)
        {
            mScale = scale;
            if (osg::Geode* geode = node->asGeode())
                for (unsigned int i = 0; i < geode->getNumDrawables(); ++i)
                    if (auto* text = dynamic_cast<osgText::Text*>(geode->getDrawable(i)))
                    {
                        float base = text->getCharacterHeight();
                        text->getUserValue("baseSize", base);
                        text->setCharacterSize(base * scale);
                    }
        }
        traverse(node, visitor);
    }

private:
    float mScale = 1.0f;
};

/// Draws clusters: a disc per cluster, larger for more points, with its count written on it.
osg::ref_ptr<osg::Group> clusterNode(const std::vector<Cluster>& clusters, const osg::Vec4& color,
                                     const PointIconAtlas* atlas, osg::StateSet* discState)
{
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    osg::ref_ptr<osg::Geometry> discs = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> looks = new osg::Vec2Array;
    const float icon = atlas ? static_cast<float>(std::max(0, atlas->indexOf("cluster"))) : 0.0f;
    for (const Cluster& cluster : clusters)
    {
        vertices->push_back(cluster.position);
        const float size = 20.0f + 5.0f * static_cast<float>(std::log10(static_cast<double>(cluster.count)));
        looks->push_back(osg::Vec2(icon, size));
    }
    discs->setVertexArray(vertices.get());
    discs->setTexCoordArray(0, looks.get(), osg::Array::BIND_PER_VERTEX);
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    colors->assign(vertices->size(), color);
    discs->setColorArray(colors.get(), osg::Array::BIND_PER_VERTEX);
    discs->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, static_cast<GLsizei>(vertices->size())));
    discs->setStateSet(discState);
    discs->setName("clusters");
    // A single disc has a bound of radius zero, which small-feature culling would drop: discs and counts are a
    // fixed size on screen and few, so they are never culled.
    discs->setCullingActive(false);
    geode->addDrawable(discs.get());
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->addChild(geode.get());
    // The texts keep their own state sets (osgText's shaders): their depth rule is set on their geode.
    osg::ref_ptr<osg::Geode> texts = new osg::Geode;
    group->addChild(texts.get());

    // The counts: screen-aligned, a fixed size in pixels, drawn over their disc (like the discs, over the scene).
    static const osg::ref_ptr<osg::StateSet> textState = []
    {
        osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
        state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
        state->setRenderBinDetails(20, "DepthSortedBin");
        return state;
    }();
    const osg::ref_ptr<osgText::Font> font = countFont();
    for (const Cluster& cluster : clusters)
    {
        osg::ref_ptr<osgText::Text> text = new osgText::Text;
        if (font)
            text->setFont(font.get());
        text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
        const float size = cluster.count >= 10000 ? 11.0f : 13.0f;
        text->setCharacterSize(size);
        text->setUserValue("baseSize", size);
        text->setAxisAlignment(osgText::Text::SCREEN);
        text->setAlignment(osgText::Text::CENTER_CENTER);
        text->setColor(osg::Vec4(1, 1, 1, 1));
        text->setBackdropType(osgText::Text::OUTLINE);
        text->setBackdropColor(osg::Vec4(0.1f, 0.1f, 0.12f, 0.9f));
        text->setPosition(cluster.position);
        text->setText(std::to_string(cluster.count));
        text->setName("cluster count");
        text->setCullingActive(false);
        texts->addDrawable(text.get());
    }
    texts->setStateSet(textState.get());
    texts->setCullCallback(new CountScaler);
    return group;
}
} // namespace

namespace
{
/// The icon and colour of each feature of a point layer drawn with icons per kind; empty when it is not.
std::vector<IconLook> iconLooks(const data::VectorLayer& layer, const LayerStyle& style, const PointIconAtlas* atlas)
{
    std::vector<IconLook> looks;
    if (!atlas || !style.symbols || layer.kind != data::GeometryKind::Point)
        return looks;
    const PointSymbols& symbols = *style.symbols;
    const auto field = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), symbols.field);
    const IconLook fallback{static_cast<float>(std::max(0, atlas->indexOf(symbols.defaultIcon))), symbols.size,
                            style.color};
    looks.reserve(layer.features.size());
    std::map<std::string, IconLook> byValue;
    for (const auto& [value, symbol] : symbols.byValue)
    {
        const int icon = atlas->indexOf(symbol.icon);
        byValue[value] = icon < 0 ? fallback : IconLook{static_cast<float>(icon), symbols.size, symbol.color};
    }
    for (const data::Feature& feature : layer.features)
    {
        const std::string* value =
            field == layer.fieldNames.end() ? nullptr : &feature.values.at(field - layer.fieldNames.begin());
        const auto found = value ? byValue.find(*value) : byValue.end();
        looks.push_back(found == byValue.end() ? fallback : found->second);
    }
    return looks;
}

using TileKey = std::pair<int, int>;

/// The tile of a feature: the one holding the centre of its extent (tile 0, 0 when it has no coordinates).
TileKey tileOf(const data::Feature& feature, const osg::Vec3d& layerOrigin, double tileSize)
{
    data::Extent box;
    for (const data::Polygon& polygon : feature.polygons)
        if (!polygon.rings.empty())
            for (const data::Position& p : polygon.rings.front())
                box.include(p.x, p.y);
    for (const data::Ring& line : feature.lines)
        for (const data::Position& p : line)
            box.include(p.x, p.y);
    for (const data::Position& p : feature.points)
        box.include(p.x, p.y);
    if (!box.isValid())
        return {0, 0};
    return {static_cast<int>(std::floor((box.centerX() - layerOrigin.x()) / tileSize)),
            static_cast<int>(std::floor((box.centerY() - layerOrigin.y()) / tileSize))};
}

/// The state set of extruded solids. Extruded solids are closed (walls and roof, the floor on the ground): their
/// back faces are never seen, so culling them halves the walls rasterized. See-through solids are blended, drawn
/// after the opaque scene and do not hide each other in the depth buffer.
osg::ref_ptr<osg::StateSet> solidState(const LayerStyle& style)
{
    // One state set for every opaque solid of every layer (state sorting groups them).
    static const osg::ref_ptr<osg::StateSet> opaqueSolids = []
    {
        osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
        state->setMode(GL_CULL_FACE, osg::StateAttribute::ON);
        return state;
    }();
    if (style.solidOpacity >= 1.0f)
        return opaqueSolids;
    osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
    state->setMode(GL_CULL_FACE, osg::StateAttribute::ON);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    return state;
}

/// The state sets of a layer's primitives, one per kind, shared by all its tiles.
struct LayerStates
{
    osg::ref_ptr<osg::StateSet> fill, roofEdges, outlines, lines, points, clusters, solids;
};

LayerStates layerStates(const LayerStyle& style, bool icons, const PointIconAtlas* atlas)
{
    LayerStates states;
    states.fill = style.groundFill ? groundState() : (style.fillOpacity < 1.0f ? transparentState() : unlitState());
    states.roofEdges = lineState(1.5f);
    states.outlines = lineState(style.outlineWidth);
    states.lines = lineState(style.lineWidth);
    states.points = icons ? iconPointState(*atlas) : pointState(style.pointSize);
    states.clusters = atlas ? iconPointState(*atlas) : pointState(18.0f);
    states.solids = solidState(style);
    return states;
}

/// One tile's drawables: solids, ground fills (none on a terrain: the terrain is the ground), roof edges darker
/// than the roof (or in the style's edge colour), outlines in the full colour (brighter than their fill), lines and
/// points.
osg::ref_ptr<osg::Geode> tileGeode(Batches& batches, const LayerStyle& style, const LayerStates& states, bool onTerrain)
{
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    auto add = [&geode](GeometryBatch& batch, const osg::Vec4& color, bool lit, bool perVertex, osg::StateSet* state)
    {
        if (batch.empty())
            return;
        osg::ref_ptr<osg::Geometry> geometry = batch.finish(color, lit, perVertex);
        geometry->setStateSet(state);
        // Only solids cast shadows: a fill, line or point lies on what it would shade.
        if (!lit)
            geometry->setNodeMask(~CastsShadowMask);
        geode->addDrawable(geometry.get());
    };
    osg::Vec4 solidColor = style.color;
    solidColor.a() = style.solidOpacity;
    add(batches.solids, solidColor, true, true, states.solids.get());
    if (style.fillOpacity > 0.0f && !(style.groundFill && onTerrain))
    {
        osg::Vec4 fill = style.fillColor.value_or(style.color);
        fill.a() = style.fillOpacity;
        add(batches.fills, fill, false, true, states.fill.get());
    }
    // Roof edges of their own colour are per vertex, so that they can be coloured per feature too.
    add(batches.roofEdges, style.roofEdgeColor.value_or(darker(style.color, 0.55f)), false,
        style.roofEdgeColor.has_value(), states.roofEdges.get());
    add(batches.outlines, style.color, false, false, states.outlines.get());
    add(batches.lines, style.color, false, false, states.lines.get());
    add(batches.points, style.color, false, false, states.points.get());
    // Points are drawn a fixed size on screen: a tile of one point (a bound of radius zero) must not be
    // dropped by small-feature culling.
    if (!batches.points.empty())
        geode->getDrawable(geode->getNumDrawables() - 1)->setCullingActive(false);
    return geode;
}

/// A tile of a dense point layer: near, every point; farther, clusters on thirds of the tile; far, one cluster.
osg::ref_ptr<osg::LOD> clusteredTile(osg::Geode& points, const TileKey& key, double tileSize,
                                     const std::vector<osg::Vec3>& positions, const LayerStyle& style,
                                     const PointIconAtlas* atlas, osg::StateSet* clusterState)
{
    osg::ref_ptr<osg::LOD> lod = new osg::LOD;
    lod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
    const auto tile = static_cast<float>(tileSize);
    lod->setCenter(osg::Vec3((key.first + 0.5f) * tile, (key.second + 0.5f) * tile, positions.front().z()));
    lod->setRadius(tile);
    lod->addChild(&points, 0.0f, ClusterNear * tile);
    lod->addChild(clusterNode(clusterPoints(positions, tileSize / 3.0), style.color, atlas, clusterState),
                  ClusterNear * tile, ClusterFar * tile);
    lod->addChild(clusterNode(clusterPoints(positions, std::numeric_limits<double>::infinity()), style.color, atlas,
                              clusterState),
                  ClusterFar * tile, std::numeric_limits<float>::max());
    lod->setName("clustered tile");
    return lod;
}
} // namespace

osg::ref_ptr<osg::MatrixTransform> buildLayerNode(const data::VectorLayer& layer, const osg::Vec3d& sceneOrigin,
                                                  const LayerStyle& style, const data::HeightField* ground)
{
    osg::Vec3d layerOrigin = sceneOrigin;
    if (layer.extent.isValid())
        layerOrigin.set(std::round(layer.extent.centerX()), std::round(layer.extent.centerY()), 0.0);

    // Features are batched per spatial tile (by the centre of their extent): draw calls and culling grow with
    // the number of tiles, not of features, and tiles out of view are culled whole.
    const double span = layer.extent.isValid()
                            ? std::max(layer.extent.maxX - layer.extent.minX, layer.extent.maxY - layer.extent.minY)
                            : 0.0;
    const double tileSize = std::max(MinimumTileSize, span / TilesPerSide);

    // Icons per kind, when the app registered an icon atlas.
    const std::shared_ptr<const PointIconAtlas> atlas = pointIconAtlas();
    const std::vector<IconLook> looks = iconLooks(layer, style, atlas.get());
    // Dense point layers: the points of each tile are also summarised as clusters, shown from afar.
    const bool clustered = layer.kind == data::GeometryKind::Point && style.clusterMinimum > 0 &&
                           layer.features.size() >= style.clusterMinimum;
    std::map<TileKey, std::vector<osg::Vec3>> tilePoints;

    std::map<TileKey, Batches> tiles;
    const Ground featureGround{ground, layerOrigin, style.heightScale};
    for (std::size_t i = 0; i < layer.features.size(); ++i)
    {
        const data::Feature& feature = layer.features[i];
        const TileKey key = tileOf(feature, layerOrigin, tileSize);
        addFeature(feature, static_cast<std::uint32_t>(i), featureGround, tiles[key],
                   looks.empty() ? nullptr : &looks[i]);
        if (clustered)
            for (const data::Position& p : feature.points)
            {
                osg::Vec3 local = toLocal(p, layerOrigin, 0.0f);
                local.z() = featureGround.at(local.x(), local.y()) + 2.0f * featureGround.pointLift();
                tilePoints[key].push_back(local);
            }
    }

    const LayerStates states = layerStates(style, !looks.empty(), atlas.get());
    osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform;
    for (auto& [key, batches] : tiles)
    {
        osg::ref_ptr<osg::Geode> geode = tileGeode(batches, style, states, ground != nullptr);
        if (geode->getNumDrawables() == 0)
            continue;
        const auto points = tilePoints.find(key);
        if (points == tilePoints.end())
            transform->addChild(geode.get());
        else
            transform->addChild(
                clusteredTile(*geode, key, tileSize, points->second, style, atlas.get(), states.clusters.get()));
    }
    transform->setMatrix(osg::Matrixd::translate(layerOrigin - sceneOrigin + osg::Vec3d(0.0, 0.0, style.lift)));
    transform->setName(layer.name);
    return transform;
}

} // namespace citytwin::scene
