#include "layer_node_builder.hpp"

#include "feature_ids.hpp"
#include "label_layer.hpp"
#include "point_icons.hpp"

#include "data/core/height_field.hpp"
#include "data/core/vector_layer.hpp"

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

double signedArea(const data::Ring& ring)
{
    double area = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        area += (ring[j].x * ring[i].y) - (ring[i].x * ring[j].y);
    return 0.5 * area;
}

/// Returns the rings of a polygon in local coordinates, the outer ring counter-clockwise and holes clockwise.
std::vector<std::vector<osg::Vec3>> orientedLocalRings(const data::Polygon& polygon, const osg::Vec3d& origin)
{
    std::vector<std::vector<osg::Vec3>> rings;
    for (std::size_t r = 0; r < polygon.rings.size(); ++r)
    {
        const data::Ring& ring = polygon.rings[r];
        const bool counterClockwise = signedArea(ring) > 0.0;
        const bool wantCounterClockwise = (r == 0);
        std::vector<osg::Vec3> local;
        local.reserve(ring.size());
        for (const data::Position& p : ring)
            local.emplace_back(static_cast<float>(p.x - origin.x()), static_cast<float>(p.y - origin.y()), 0.0f);
        if (counterClockwise != wantCounterClockwise)
            std::reverse(local.begin(), local.end());
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
        text->setCharacterSize(cluster.count >= 10000 ? 11.0f : 13.0f);
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
    return group;
}
} // namespace

LayerStyle defaultLayerStyle(data::GeometryKind kind, int indexOfKind)
{
    static const osg::Vec4 areas[] = {{0.86f, 0.78f, 0.62f, 1.0f},
                                      {0.60f, 0.85f, 0.35f, 1.0f},
                                      {0.70f, 0.55f, 0.95f, 1.0f},
                                      {0.90f, 0.35f, 0.45f, 1.0f}};
    static const osg::Vec4 lines[] = {
        {0.95f, 0.55f, 0.20f, 1.0f}, {0.95f, 0.85f, 0.30f, 1.0f}, {0.90f, 0.40f, 0.70f, 1.0f}};
    static const osg::Vec4 points[] = {
        {0.25f, 0.80f, 0.90f, 1.0f}, {0.95f, 0.30f, 0.30f, 1.0f}, {0.45f, 0.95f, 0.55f, 1.0f}};
    const auto pick = [indexOfKind](const auto& palette)
    { return palette[static_cast<std::size_t>(indexOfKind) % std::size(palette)]; };
    LayerStyle style;
    switch (kind)
    {
    case data::GeometryKind::Line:
        style.color = pick(lines);
        break;
    case data::GeometryKind::Point:
        style.color = pick(points);
        break;
    default:
        style.color = pick(areas);
        break;
    }
    return style;
}

LayerStyle layerStyleFor(const data::VectorLayer& layer, int indexOfKind)
{
    LayerStyle style = defaultLayerStyle(layer.kind, indexOfKind);
    const std::string& name = layer.name;
    auto outline = [&style](osg::Vec4 color, float width)
    {
        style.color = color;
        style.fillOpacity = 0.0f;
        style.outlineWidth = width;
    };
    if (name == "district")
    {
        // The district's ground: an opaque land colour under everything else.
        outline({0.95f, 0.95f, 0.90f, 1.0f}, 3.0f);
        style.fillColor = osg::Vec4(0.23f, 0.26f, 0.24f, 1.0f);
        style.fillOpacity = 1.0f;
        style.groundFill = true;
    }
    else if (name == "streets")
    {
        outline({0.98f, 0.75f, 0.30f, 1.0f}, 2.0f);
        style.lift = 2.0f;
    }
    else if (name == "communities")
    {
        outline({0.55f, 0.80f, 0.95f, 0.8f}, 1.0f);
        style.lift = 1.5f;
    }
    else if (name == "grids")
    {
        outline({0.60f, 0.62f, 0.68f, 1.0f}, 1.0f);
        style.visible = false;
    }
    else if (name == "river")
    {
        style.color = {0.25f, 0.55f, 0.80f, 1.0f};
        style.fillOpacity = 0.85f;
    }
    else if (name == "roads")
    {
        style.color = {0.42f, 0.43f, 0.45f, 1.0f};
        style.lineWidth = 1.5f;
    }
    else if (name == "buildings")
        style.color = {0.92f, 0.89f, 0.84f, 1.0f};
    else if (name == "stations")
    {
        style.color = {0.98f, 0.45f, 0.25f, 1.0f};
        style.pointSize = 4.0f;
        PointSymbols symbols{.field = "kind", .size = 24.0f};
        const std::pair<const char*, osg::Vec4> kinds[] = {{"day_care", {0.96f, 0.52f, 0.16f, 1.0f}},
                                                           {"canteen", {0.88f, 0.30f, 0.22f, 1.0f}},
                                                           {"after_school", {0.22f, 0.52f, 0.92f, 1.0f}},
                                                           {"childcare", {0.93f, 0.42f, 0.68f, 1.0f}},
                                                           {"warm_station", {0.86f, 0.18f, 0.36f, 1.0f}},
                                                           {"service_center", {0.80f, 0.10f, 0.12f, 1.0f}},
                                                           {"civilization_practice", {0.76f, 0.30f, 0.08f, 1.0f}},
                                                           {"elderly_home", {0.55f, 0.38f, 0.85f, 1.0f}},
                                                           {"social_work", {0.16f, 0.64f, 0.52f, 1.0f}}};
        for (const auto& [kind, color] : kinds)
            symbols.byValue[kind] = {std::string("station-") + kind, color};
        style.symbols = symbols;
    }
    else if (name == "drawn area")
    {
        // The area drawn on the map for the analysis filter: a bright outline over a light wash.
        style.color = {0.30f, 0.95f, 0.95f, 1.0f};
        style.fillOpacity = 0.15f;
        style.outlineWidth = 3.0f;
        style.lineWidth = 3.0f;
        style.lift = 3.0f;
    }
    else if (layer.role == data::LayerRole::ServiceRings)
    {
        // Service rings (data::serviceAreas): a light wash inside a thin ring.
        style.color = {0.98f, 0.55f, 0.25f, 1.0f};
        style.fillOpacity = 0.10f;
        style.outlineWidth = 1.5f;
    }
    else if (layer.role == data::LayerRole::ViewCones || layer.role == data::LayerRole::SeenGround)
    {
        // Camera view cones (data::viewCones), or the ground they see past the buildings (camera coverage).
        style.color = {0.35f, 0.85f, 0.95f, 1.0f};
        style.fillOpacity = 0.25f;
        style.outlineWidth = 1.0f;
    }
    else if (name == "cameras" || name == "party_orgs" || name == "party_links" || name == "incidents")
    {
        style.pointSize = 4.0f;
        style.lineWidth = 1.0f;
        style.visible = false;
        if (name == "cameras")
        {
            style.color = {0.22f, 0.62f, 0.85f, 1.0f};
            style.symbols = PointSymbols{.field = "network", .size = 18.0f};
            style.symbols->byValue["community"] = {"camera-community", {0.22f, 0.70f, 0.88f, 1.0f}};
            style.symbols->byValue["public_security"] = {"camera-public_security", {0.18f, 0.32f, 0.82f, 1.0f}};
        }
        else if (name == "incidents")
        {
            style.color = {0.80f, 0.16f, 0.24f, 1.0f};
            style.symbols = PointSymbols{.field = "source", .size = 16.0f};
            style.symbols->byValue["hotline"] = {"incident-hotline", {0.95f, 0.58f, 0.12f, 1.0f}};
            style.symbols->byValue["citizen_app"] = {"incident-citizen_app", {0.28f, 0.72f, 0.32f, 1.0f}};
            style.symbols->byValue["grid_inspector"] = {"incident-grid_inspector", {0.22f, 0.52f, 0.92f, 1.0f}};
            style.symbols->byValue["camera_ai"] = {"incident-camera_ai", {0.82f, 0.24f, 0.78f, 1.0f}};
        }
    }
    return style;
}

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
    std::vector<IconLook> looks;
    if (atlas && style.symbols && layer.kind == data::GeometryKind::Point)
    {
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
    }
    // Dense point layers: the points of each tile are also summarised as clusters, shown from afar.
    const bool clustered = layer.kind == data::GeometryKind::Point && style.clusterMinimum > 0 &&
                           layer.features.size() >= style.clusterMinimum;
    std::map<std::pair<int, int>, std::vector<osg::Vec3>> tilePoints;

    std::map<std::pair<int, int>, Batches> tiles;
    for (std::size_t i = 0; i < layer.features.size(); ++i)
    {
        const data::Feature& feature = layer.features[i];
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
        const std::pair<int, int> key =
            box.isValid() ? std::pair{static_cast<int>(std::floor((box.centerX() - layerOrigin.x()) / tileSize)),
                                      static_cast<int>(std::floor((box.centerY() - layerOrigin.y()) / tileSize))}
                          : std::pair{0, 0};
        const Ground featureGround{ground, layerOrigin, style.heightScale};
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

    // One state set per kind of primitive, shared by all tiles.
    osg::Vec4 fill = style.fillColor.value_or(style.color);
    fill.a() = style.fillOpacity;
    const osg::ref_ptr<osg::StateSet> fillState =
        style.groundFill ? groundState() : (style.fillOpacity < 1.0f ? transparentState() : unlitState());
    const osg::ref_ptr<osg::StateSet> roofEdgeState = lineState(1.5f);
    const osg::ref_ptr<osg::StateSet> outlineState = lineState(style.outlineWidth);
    const osg::ref_ptr<osg::StateSet> linesState = lineState(style.lineWidth);
    const osg::ref_ptr<osg::StateSet> pointsState =
        looks.empty() ? pointState(style.pointSize) : iconPointState(*atlas);
    const osg::ref_ptr<osg::StateSet> clusterState = atlas ? iconPointState(*atlas) : pointState(18.0f);
    // See-through solids: blended, drawn after the opaque scene, not hiding each other in the depth buffer.
    // Extruded solids are closed (walls and roof, the floor on the ground): their back faces are never seen,
    // so culling them halves the walls rasterized.
    // One state set for every opaque solid of every layer (state sorting groups them).
    static const osg::ref_ptr<osg::StateSet> opaqueSolids = []
    {
        osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
        state->setMode(GL_CULL_FACE, osg::StateAttribute::ON);
        return state;
    }();
    osg::ref_ptr<osg::StateSet> solidState = opaqueSolids;
    if (style.solidOpacity < 1.0f)
    {
        solidState = new osg::StateSet;
        solidState->setMode(GL_CULL_FACE, osg::StateAttribute::ON);
        solidState->setMode(GL_BLEND, osg::StateAttribute::ON);
        solidState->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
        solidState->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
        solidState->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    }

    osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform;
    for (auto& [key, batches] : tiles)
    {
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        auto add =
            [&geode](GeometryBatch& batch, const osg::Vec4& color, bool lit, bool perVertex, osg::StateSet* state)
        {
            if (batch.empty())
                return;
            osg::ref_ptr<osg::Geometry> geometry = batch.finish(color, lit, perVertex);
            geometry->setStateSet(state);
            geode->addDrawable(geometry.get());
        };
        // Roof edges darker than the roof; ground outlines in the full colour, brighter than their fill.
        osg::Vec4 solidColor = style.color;
        solidColor.a() = style.solidOpacity;
        add(batches.solids, solidColor, true, true, solidState.get());
        // On a terrain the terrain is the ground: no ground fill.
        if (style.fillOpacity > 0.0f && !(style.groundFill && ground))
            add(batches.fills, fill, false, true, fillState.get());
        add(batches.roofEdges, darker(style.color, 0.55f), false, false, roofEdgeState.get());
        add(batches.outlines, style.color, false, false, outlineState.get());
        add(batches.lines, style.color, false, false, linesState.get());
        add(batches.points, style.color, false, false, pointsState.get());
        // Points are drawn a fixed size on screen: a tile of one point (a bound of radius zero) must not be
        // dropped by small-feature culling.
        if (!batches.points.empty())
            geode->getDrawable(geode->getNumDrawables() - 1)->setCullingActive(false);
        if (geode->getNumDrawables() == 0)
            continue;
        const auto points = tilePoints.find(key);
        if (points == tilePoints.end())
        {
            transform->addChild(geode.get());
            continue;
        }
        // Near: every point; farther: clusters on thirds of the tile; far: one cluster per tile.
        osg::ref_ptr<osg::LOD> lod = new osg::LOD;
        lod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
        const osg::Vec3 centre((key.first + 0.5f) * static_cast<float>(tileSize),
                               (key.second + 0.5f) * static_cast<float>(tileSize), points->second.front().z());
        lod->setCenter(centre);
        lod->setRadius(static_cast<float>(tileSize));
        const auto tile = static_cast<float>(tileSize);
        lod->addChild(geode.get(), 0.0f, ClusterNear * tile);
        lod->addChild(
            clusterNode(clusterPoints(points->second, tileSize / 3.0), style.color, atlas.get(), clusterState.get()),
            ClusterNear * tile, ClusterFar * tile);
        lod->addChild(clusterNode(clusterPoints(points->second, std::numeric_limits<double>::infinity()), style.color,
                                  atlas.get(), clusterState.get()),
                      ClusterFar * tile, std::numeric_limits<float>::max());
        lod->setName("clustered tile");
        transform->addChild(lod.get());
    }
    transform->setMatrix(osg::Matrixd::translate(layerOrigin - sceneOrigin + osg::Vec3d(0.0, 0.0, style.lift)));
    transform->setName(layer.name);
    return transform;
}

} // namespace citytwin::scene
