#include "scene_theme.hpp"

#include "scene_effects.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include <osg/Camera>
#include <osg/Depth>
#include <osg/Fog>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/TexEnvCombine>
#include <osgUtil/CullVisitor>

namespace citytwin::scene
{
namespace
{
/// A colour stop of a piecewise linear ramp.
struct Stop
{
    double at;
    osg::Vec4 color;
};

template <std::size_t N> osg::Vec4 interpolate(const Stop (&stops)[N], double at)
{
    if (!(at > stops[0].at)) // also NaN
        return stops[0].color;
    for (std::size_t i = 1; i < N; ++i)
        if (at <= stops[i].at)
        {
            const auto t = static_cast<float>((at - stops[i - 1].at) / (stops[i].at - stops[i - 1].at));
            return stops[i - 1].color * (1.0f - t) + stops[i].color * t;
        }
    return stops[N - 1].color;
}

/// Building heights, metres: most of a district is low (dark blue); towers stand out in cyan, the tallest white.
const Stop HeightRamp[] = {{0.0, {0.08f, 0.13f, 0.34f, 1.0f}},
                           {12.0, {0.10f, 0.26f, 0.56f, 1.0f}},
                           {30.0, {0.10f, 0.55f, 0.80f, 1.0f}},
                           {50.0, {0.28f, 0.84f, 0.95f, 1.0f}},
                           {100.0, {0.92f, 0.98f, 1.0f, 1.0f}}};

/// Roof edges: this far from the roof's own colour toward a light cyan.
constexpr float RoofEdgeLight = 0.45f;
const osg::Vec4 RoofEdgeLightColor(0.70f, 0.95f, 1.0f, 1.0f);

/// Sky colours by elevation, degrees: the glow is a narrow band at the horizon, navy a few degrees above it. Below
/// -30 degrees it is the even haze of the clear colour (the dome ends there).
const Stop SkyRamp[] = {{-30.0, NightHazeColor},
                        {-8.0, {0.12f, 0.16f, 0.24f, 1.0f}},
                        {0.0, NightHorizonColor},
                        {4.0, {0.10f, 0.14f, 0.23f, 1.0f}},
                        {15.0, {0.05f, 0.08f, 0.16f, 1.0f}},
                        {40.0, {0.02f, 0.04f, 0.10f, 1.0f}},
                        {90.0, {0.01f, 0.02f, 0.06f, 1.0f}}};

/// The dome's rings, degrees of elevation: dense near the horizon, where the colours change fastest (each ring
/// edge is interpolated linearly on screen).
constexpr double DomeRings[] = {-30, -15, -8, -4, -1.5, 0, 1.5, 4, 8, 15, 25, 40, 60, 90};
constexpr std::size_t DomeSegments = 32;
/// The dome's radius and the near and far planes it is drawn with (any radius between them draws the same).
constexpr double DomeRadius = 1.0;
constexpr double DomeNear = 0.1;
constexpr double DomeFar = 10.0;
/// Drawn before the terrain (-2) and the ground fills (-1).
constexpr int SkyRenderBin = -10;

/// Fog, as fractions of the depth the content's bounding sphere spans in front of the eye: it starts this far in
/// and is full this far past the far edge. The nearest part and the middle stay (nearly) clear; the far edge keeps
/// about a third of its colour (a flat district seen from 40 degrees up: 40 %, from low: 25 %).
constexpr float FogStart = 0.4f;
constexpr float FogEndPastFarEdge = 0.2f;

/// Imagery at night: the texture times this dark blue-grey (about a quarter of its brightness, bluer), so that
/// it stays a backdrop under the lines and the buildings.
const osg::Vec4 ImageryDimming(0.20f, 0.25f, 0.38f, 1.0f);

osg::ref_ptr<osg::Geometry> skyDome()
{
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    for (double ring : DomeRings)
    {
        const double elevation = osg::DegreesToRadians(ring);
        for (std::size_t s = 0; s <= DomeSegments; ++s)
        {
            const double azimuth = 2.0 * osg::PI * static_cast<double>(s) / DomeSegments;
            vertices->push_back(osg::Vec3(static_cast<float>(std::cos(elevation) * std::cos(azimuth) * DomeRadius),
                                          static_cast<float>(std::cos(elevation) * std::sin(azimuth) * DomeRadius),
                                          static_cast<float>(std::sin(elevation) * DomeRadius)));
            colors->push_back(nightSkyColor(elevation));
        }
    }
    osg::ref_ptr<osg::DrawElementsUShort> triangles = new osg::DrawElementsUShort(GL_TRIANGLES);
    const std::size_t row = DomeSegments + 1;
    for (std::size_t r = 0; r + 1 < std::size(DomeRings); ++r)
        for (std::size_t s = 0; s < DomeSegments; ++s)
        {
            const std::size_t a = r * row + s, b = a + row;
            for (std::size_t index : {a, a + 1, b, b, a + 1, b + 1})
                triangles->push_back(static_cast<unsigned short>(index));
        }
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseVertexBufferObjects(true);
    geometry->setUseDisplayList(false);
    geometry->setVertexArray(vertices.get());
    geometry->setColorArray(colors.get(), osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(triangles.get());
    geometry->setName("night sky");
    return geometry;
}

/// Keeps the sky's camera on the viewing camera: the same frustum with the dome's near and far, the view's
/// rotation without its translation. Set in the cull traversal, before the sky's camera is culled: the cull
/// visitor copies both matrices, so views sharing the scene each get their own.
class SkyFollower : public osg::NodeCallback
{
public:
    explicit SkyFollower(osg::Camera* sky) : mSky(sky) {}

    void operator()(osg::Node* node, osg::NodeVisitor* visitor) override
    {
        auto* cull = dynamic_cast<osgUtil::CullVisitor*>(visitor);
        double left = 0, right = 0, bottom = 0, top = 0, zNear = 0, zFar = 0;
        if (!cull || !cull->getProjectionMatrix() || !cull->getModelViewMatrix() ||
            !cull->getProjectionMatrix()->getFrustum(left, right, bottom, top, zNear, zFar) || zNear <= 0.0)
            return; // not culled, or an orthographic view: no sky (the clear colour shows)
        const double scale = DomeNear / zNear;
        mSky->setProjectionMatrixAsFrustum(left * scale, right * scale, bottom * scale, top * scale, DomeNear, DomeFar);
        osg::Matrixd rotation = *cull->getModelViewMatrix();
        rotation.setTrans(0.0, 0.0, 0.0);
        mSky->setViewMatrix(rotation);
        traverse(node, visitor);
    }

private:
    osg::observer_ptr<osg::Camera> mSky;
};

/// Fogs the subgraph with a fog state made for this frame's eye and content.
class NightFog : public osg::NodeCallback
{
public:
    explicit NightFog(std::function<osg::BoundingSphere()> contentBound) : mContentBound(std::move(contentBound)) {}

    void operator()(osg::Node* node, osg::NodeVisitor* visitor) override
    {
        auto* cull = dynamic_cast<osgUtil::CullVisitor*>(visitor);
        const osg::BoundingSphere bound = cull && mContentBound ? mContentBound() : osg::BoundingSphere();
        if (!bound.valid() || bound.radius() <= 0.0f)
        {
            traverse(node, visitor);
            return;
        }
        const osg::ref_ptr<osg::StateSet> state = fogState(cull->getEyeLocal(), bound);
        cull->pushStateSet(state.get());
        traverse(node, visitor);
        cull->popStateSet();
    }

private:
    static osg::ref_ptr<osg::StateSet> fogState(const osg::Vec3& eye, const osg::BoundingSphere& bound)
    {
        const float radius = bound.radius();
        const osg::Vec3 toCentre = bound.center() - eye;
        const float distance = toCentre.length();
        const float nearEdge = std::max(0.0f, distance - radius), farEdge = distance + radius;
        const float span = farEdge - nearEdge;
        // The fog takes the colour of the sky right behind the content's far edge (straight away from the eye,
        // at the height of the content's centre): the far side fades into what surrounds it, with no seam.
        osg::Vec2 away(toCentre.x(), toCentre.y());
        const float horizontal = away.normalize();
        const osg::Vec3 farPoint = bound.center() + osg::Vec3(away * radius, 0.0f);
        const double elevation =
            std::atan2(static_cast<double>(farPoint.z() - eye.z()), static_cast<double>(horizontal + radius));
        osg::ref_ptr<osg::Fog> fog = new osg::Fog;
        fog->setMode(osg::Fog::LINEAR);
        fog->setColor(nightSkyColor(elevation));
        fog->setStart(nearEdge + FogStart * span);
        fog->setEnd(farEdge + FogEndPastFarEdge * span);
        osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
        state->setAttributeAndModes(fog.get(), osg::StateAttribute::ON);
        state->addUniform(new osg::Uniform(FogOnUniform, true)); // the shadows' shader fogs too
        return state;
    }

    std::function<osg::BoundingSphere()> mContentBound;
};
} // namespace

const char* themeCode(Theme theme)
{
    switch (theme)
    {
    case Theme::Night:
        return "night";
    case Theme::Day:
        break;
    }
    return "day";
}

std::optional<Theme> themeFromCode(std::string_view code)
{
    for (Theme theme : {Theme::Day, Theme::Night})
        if (code == themeCode(theme))
            return theme;
    return std::nullopt;
}

osg::Vec4 nightHeightColor(double heightMetres)
{
    return interpolate(HeightRamp, heightMetres);
}

osg::Vec4 nightRoofEdgeColor(double heightMetres)
{
    return nightHeightColor(heightMetres) * (1.0f - RoofEdgeLight) + RoofEdgeLightColor * RoofEdgeLight;
}

osg::Vec4 nightSkyColor(double elevationRadians)
{
    return interpolate(SkyRamp, osg::RadiansToDegrees(elevationRadians));
}

osg::ref_ptr<osg::Node> buildNightSky()
{
    osg::ref_ptr<osg::Camera> sky = new osg::Camera;
    sky->setName("citytwin.sky");
    sky->setRenderOrder(osg::Camera::NESTED_RENDER);
    sky->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    sky->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    sky->setClearMask(0);
    sky->setAllowEventFocus(false);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(skyDome().get());
    geode->setCullingActive(false); // the dome is around the eye whatever the frustum says
    sky->addChild(geode.get());
    osg::StateSet* state = sky->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    state->setMode(GL_FOG, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    state->setMode(GL_BLEND, osg::StateAttribute::OFF);
    state->setTextureMode(0, GL_TEXTURE_2D, osg::StateAttribute::OFF);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    state->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
    state->setRenderBinDetails(SkyRenderBin, "RenderBin");

    // The follower sits above the camera: it must set the matrices before the cull visitor reads them.
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("citytwin.night_sky");
    group->addChild(sky.get());
    group->setCullCallback(new SkyFollower(sky.get()));
    group->setCullingActive(false);
    return group;
}

osg::ref_ptr<osg::Callback> nightFogCallback(std::function<osg::BoundingSphere()> contentBound)
{
    return new NightFog(std::move(contentBound));
}

osg::ref_ptr<osg::StateSet> nightImageryState()
{
    osg::ref_ptr<osg::TexEnvCombine> combine = new osg::TexEnvCombine;
    combine->setCombine_RGB(osg::TexEnvCombine::MODULATE);
    combine->setSource0_RGB(osg::TexEnvCombine::TEXTURE);
    combine->setOperand0_RGB(osg::TexEnvCombine::SRC_COLOR);
    combine->setSource1_RGB(osg::TexEnvCombine::CONSTANT);
    combine->setOperand1_RGB(osg::TexEnvCombine::SRC_COLOR);
    combine->setCombine_Alpha(osg::TexEnvCombine::MODULATE);
    combine->setSource0_Alpha(osg::TexEnvCombine::TEXTURE);
    combine->setSource1_Alpha(osg::TexEnvCombine::PRIMARY_COLOR);
    combine->setConstantColor(ImageryDimming);
    osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
    state->setTextureAttribute(0, combine.get(), osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    // The same dimming where the shadows' shader draws (it does not read the texture environment).
    const osg::Vec4 tint(ImageryDimming.r(), ImageryDimming.g(), ImageryDimming.b(), 1.0f);
    state->addUniform(new osg::Uniform(ImageryTintUniform, tint), osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    return state;
}

} // namespace citytwin::scene
