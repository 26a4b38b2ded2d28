#include "view_defaults.hpp"

#include <algorithm>
#include <cmath>

#include <osg/Camera>
#include <osg/Light>
#include <osgViewer/View>

namespace citytwin::scene
{
namespace
{
constexpr double HomePitchDegrees = 50.0;
constexpr double NearFarRatio = 0.0002;
} // namespace

double verticalFieldOfView(double aspectRatio)
{
    const double aspect = std::max(aspectRatio, 0.1);
    const double widest =
        2.0 * std::atan(std::tan(osg::DegreesToRadians(MaxHorizontalFieldOfViewDegrees) * 0.5) / aspect);
    return std::min(FieldOfViewDegrees, osg::RadiansToDegrees(widest));
}

ViewPose homePose(const osg::BoundingSphere& bound, double aspectRatio)
{
    const osg::Vec3d center = bound.valid() ? osg::Vec3d(bound.center()) : osg::Vec3d();
    const double radius = bound.valid() && bound.radius() > 0.0f ? bound.radius() : 500.0;
    const double halfVertical = osg::DegreesToRadians(verticalFieldOfView(aspectRatio)) * 0.5;
    const double halfHorizontal = std::atan(std::tan(halfVertical) * std::max(aspectRatio, 0.1));
    // The sphere overstates a flat district: 0.8 of the enclosing distance still shows all of it.
    const double distance = 0.8 * radius / std::sin(std::min(halfVertical, halfHorizontal));
    const double pitch = osg::DegreesToRadians(HomePitchDegrees);
    const osg::Vec3d eye = center + osg::Vec3d(0.0, -std::cos(pitch), std::sin(pitch)) * distance;
    return {eye, center, osg::Vec3d(0.0, 0.0, 1.0)};
}

void setPerspective(osg::Camera& camera, int width, int height)
{
    const double aspect = height > 0 ? static_cast<double>(width) / height : 1.0;
    camera.setProjectionMatrixAsPerspective(verticalFieldOfView(aspect), aspect, 1.0, 100000.0);
}

void configureView(osgViewer::View& view, int width, int height)
{
    osg::Camera* camera = view.getCamera();
    camera->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    camera->setNearFarRatio(NearFarRatio);
    setPerspective(*camera, width, height);
    applyTheme(view, Theme::Day);
}

void applyTheme(osgViewer::View& view, Theme theme)
{
    view.getCamera()->setClearColor(themeClearColor(theme));
    view.setLightingMode(osg::View::SKY_LIGHT);
    setThemeLight(*view.getLight(), theme);
}

void setThemeLight(osg::Light& sun, Theme theme)
{
    sun.setPosition(SunPosition);
    if (theme == Theme::Night)
    {
        // Moonlight: cool and dimmer, but roofs still get most of their colour (the height ramp must read) and
        // walls turned away keep enough to show their edges.
        sun.setAmbient(osg::Vec4(0.16f, 0.18f, 0.24f, 1.0f));
        sun.setDiffuse(osg::Vec4(0.62f, 0.68f, 0.82f, 1.0f));
    }
    else
    {
        sun.setAmbient(osg::Vec4(0.25f, 0.25f, 0.28f, 1.0f));
        sun.setDiffuse(osg::Vec4(0.80f, 0.78f, 0.74f, 1.0f));
    }
    sun.setSpecular(osg::Vec4(0.0f, 0.0f, 0.0f, 1.0f));
}

} // namespace citytwin::scene
