#include "layer_node_builder.hpp"

#include "feature_ids.hpp"

#include "data/vector_layer.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/Point>
#include <osg/PolygonOffset>
#include <osg/TriangleIndexFunctor>
#include <osgUtil/Tessellator>

namespace citytwin::scene
{
namespace
{
/// Lifts ground outlines and points above ground fills so they never fight for depth.
constexpr float OutlineLift = 0.05f;

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

    bool empty() const { return mVertices->empty(); }

    osg::ref_ptr<osg::Geometry> finish(const osg::Vec4& color, bool withNormals)
    {
        osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
        geometry->setUseVertexBufferObjects(true);
        geometry->setUseDisplayList(false);
        geometry->setVertexArray(mVertices.get());
        if (withNormals)
            geometry->setNormalArray(mNormals.get(), osg::Array::BIND_PER_VERTEX);
        osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
        colors->push_back(color);
        geometry->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
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

void makeUnlit(osg::Geometry& geometry)
{
    geometry.getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
}

void makeTransparent(osg::Geometry& geometry)
{
    osg::StateSet* state = geometry.getOrCreateStateSet();
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    // Push fills back so that outlines drawn at the same height stay visible.
    state->setAttributeAndModes(new osg::PolygonOffset(1.0f, 1.0f));
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

void addFeature(const data::Feature& feature, std::uint32_t index, const osg::Vec3d& origin, Batches& batches)
{
    const bool extruded = feature.height && *feature.height > 0.0;
    for (const data::Polygon& polygon : feature.polygons)
    {
        const auto rings = orientedLocalRings(polygon, origin);
        if (extruded)
        {
            const auto height = static_cast<float>(*feature.height);
            addCap(rings, height, index, batches.solids);
            addWalls(rings, height, index, batches.solids);
            for (const auto& ring : rings)
                addRingOutline(ring, height + OutlineLift, index, batches.roofEdges);
        }
        else
        {
            addCap(rings, 0.0f, index, batches.fills);
            for (const auto& ring : rings)
                addRingOutline(ring, OutlineLift, index, batches.outlines);
        }
    }
    for (const data::Ring& line : feature.lines)
    {
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
        {
            batches.lines.add(toLocal(line[i], origin, 2 * OutlineLift), osg::Vec3(0, 0, 1), index);
            batches.lines.add(toLocal(line[i + 1], origin, 2 * OutlineLift), osg::Vec3(0, 0, 1), index);
        }
    }
    for (const data::Position& point : feature.points)
        batches.points.add(toLocal(point, origin, 3 * OutlineLift), osg::Vec3(0, 0, 1), index);
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
    }
    else if (name == "cameras" || name == "party_orgs" || name == "party_links" || name == "incidents")
    {
        style.pointSize = 4.0f;
        style.lineWidth = 1.0f;
        style.visible = false;
    }
    return style;
}

osg::ref_ptr<osg::MatrixTransform> buildLayerNode(const data::VectorLayer& layer, const osg::Vec3d& sceneOrigin,
                                                  const LayerStyle& style)
{
    osg::Vec3d layerOrigin = sceneOrigin;
    if (layer.extent.isValid())
        layerOrigin.set(std::round(layer.extent.centerX()), std::round(layer.extent.centerY()), 0.0);

    Batches batches;
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        addFeature(layer.features[i], static_cast<std::uint32_t>(i), layerOrigin, batches);

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    if (!batches.solids.empty())
        geode->addDrawable(batches.solids.finish(style.color, true));
    if (!batches.fills.empty() && style.fillOpacity > 0.0f)
    {
        osg::Vec4 fill = style.fillColor.value_or(style.color);
        fill.a() = style.fillOpacity;
        auto geometry = batches.fills.finish(fill, false);
        makeUnlit(*geometry);
        if (style.groundFill)
        {
            osg::StateSet* state = geometry->getOrCreateStateSet();
            state->setRenderBinDetails(-1, "RenderBin");
            state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
        }
        else if (style.fillOpacity < 1.0f)
            makeTransparent(*geometry);
        geode->addDrawable(geometry);
    }
    // Roof edges darker than the roof; ground outlines in the full colour, brighter than their fill.
    for (auto [batch, color, width] : {std::tuple{&batches.roofEdges, darker(style.color, 0.55f), 1.5f},
                                       std::tuple{&batches.outlines, style.color, style.outlineWidth}})
    {
        if (batch->empty())
            continue;
        auto geometry = batch->finish(color, false);
        makeUnlit(*geometry);
        geometry->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(width));
        geode->addDrawable(geometry);
    }
    if (!batches.lines.empty())
    {
        auto geometry = batches.lines.finish(style.color, false);
        makeUnlit(*geometry);
        geometry->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(style.lineWidth));
        geode->addDrawable(geometry);
    }
    if (!batches.points.empty())
    {
        auto geometry = batches.points.finish(style.color, false);
        makeUnlit(*geometry);
        osg::StateSet* state = geometry->getOrCreateStateSet();
        state->setAttributeAndModes(new osg::Point(style.pointSize));
        // Round points: smoothing needs blending.
        state->setMode(GL_POINT_SMOOTH, osg::StateAttribute::ON);
        state->setMode(GL_BLEND, osg::StateAttribute::ON);
        state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
        geode->addDrawable(geometry);
    }

    osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform;
    transform->setMatrix(osg::Matrixd::translate(layerOrigin - sceneOrigin + osg::Vec3d(0.0, 0.0, style.lift)));
    transform->setName(layer.name);
    transform->addChild(geode.get());
    return transform;
}

} // namespace citytwin::scene
