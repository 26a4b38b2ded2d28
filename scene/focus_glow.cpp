#include "focus_glow.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <osg/BlendFunc>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/MatrixTransform>

namespace citytwin::scene
{
namespace
{
/// Drawn after the scene's opaque and transparent bins, before the labels (100).
constexpr int FocusRenderBin = 50;
/// Long edges are split so that the draped line follows the terrain.
constexpr double MaxSegmentMetres = 60.0;

/// One pass of the outline: every ring as a line loop of one colour and width.
osg::ref_ptr<osg::Geometry> outlinePass(const osg::ref_ptr<osg::Vec3Array>& vertices,
                                        const std::vector<std::pair<int, int>>& loops, const osg::Vec4& color,
                                        float width)
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false); // buffer objects, as the rest of the scene: off-screen renders change context
    geometry->setUseVertexBufferObjects(true);
    geometry->setVertexArray(vertices.get());
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    colors->push_back(color);
    geometry->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
    for (const auto& [first, count] : loops)
        geometry->addPrimitiveSet(new osg::DrawArrays(GL_LINE_LOOP, first, count));
    osg::StateSet* state = geometry->getOrCreateStateSet();
    state->setAttributeAndModes(new osg::LineWidth(width));
    return geometry;
}
} // namespace

osg::ref_ptr<osg::Node> buildFocusGlow(const std::vector<data::Polygon>& polygons, const osg::Vec3d& origin,
                                       const std::function<double(double, double)>& ground, double displayScale,
                                       const FocusGlowStyle& style)
{
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    std::vector<std::pair<int, int>> loops;
    // Vertices are float offsets from the first point (project CRS), placed by a double transform.
    std::optional<osg::Vec3d> local;
    auto addPoint = [&](double x, double y)
    {
        if (!local)
            local = osg::Vec3d(x, y, 0.0);
        double z = (ground ? ground(x, y) : 0.0);
        z = (std::isfinite(z) ? z : 0.0) + style.lift;
        vertices->push_back(
            osg::Vec3(static_cast<float>(x - local->x()), static_cast<float>(y - local->y()), static_cast<float>(z)));
    };
    for (const data::Polygon& polygon : polygons)
        for (const data::Ring& ring : polygon.rings)
        {
            if (ring.size() < 3)
                continue;
            const int first = static_cast<int>(vertices->size());
            for (std::size_t i = 0; i < ring.size(); ++i)
            {
                const data::Position& a = ring[i];
                const data::Position& b = ring[(i + 1) % ring.size()];
                const int steps = std::max(1, static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) /
                                                                         MaxSegmentMetres)));
                for (int step = 0; step < steps; ++step)
                {
                    const double t = static_cast<double>(step) / steps;
                    addPoint(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
                }
            }
            loops.emplace_back(first, static_cast<int>(vertices->size()) - first);
        }
    if (loops.empty())
        return nullptr;

    const float scale = static_cast<float>(std::max(0.25, displayScale));
    osg::Vec4 outer = style.color, inner = style.color;
    outer.a() = 0.16f;
    inner.a() = 0.38f;
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(outlinePass(vertices, loops, outer, style.outerHalo * scale));
    geode->addDrawable(outlinePass(vertices, loops, inner, style.innerHalo * scale));
    geode->addDrawable(outlinePass(vertices, loops, style.color, style.coreWidth * scale));
    osg::StateSet* state = geode->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    state->setTextureMode(0, GL_TEXTURE_2D, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    state->setMode(GL_FOG, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setRenderBinDetails(FocusRenderBin, "RenderBin");

    osg::ref_ptr<osg::MatrixTransform> node = new osg::MatrixTransform(osg::Matrixd::translate(*local - origin));
    node->setName("citytwin.focus");
    node->addChild(geode.get());
    return node;
}

} // namespace citytwin::scene
