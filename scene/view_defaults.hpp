#pragma once

#include "scene_theme.hpp"

#include <osg/BoundingSphere>
#include <osg/Vec3d>
#include <osg/Vec4>

namespace osg
{
class Camera;
class Light;
} // namespace osg
namespace osgViewer
{
class View;
}

namespace citytwin::scene
{

/// The background colour of every view and render (a dark blue-grey).
inline const osg::Vec4 BackgroundColor(0.10f, 0.12f, 0.16f, 1.0f);

/// Vertical field of view of the perspective camera, degrees (up to a 16:9 view and a little wider).
inline constexpr double FieldOfViewDegrees = 30.0;
/// The widest horizontal field of view, degrees: on a wide video wall (32:9, 48:9) the view keeps this width and
/// its vertical field narrows, instead of the horizon stretching towards the edges.
inline constexpr double MaxHorizontalFieldOfViewDegrees = 80.0;

/// The vertical field of view for a viewport's aspect ratio (width / height), degrees: FieldOfViewDegrees, or less
/// where that would make the horizontal field wider than MaxHorizontalFieldOfViewDegrees.
double verticalFieldOfView(double aspectRatio);

/// A camera pose: where the eye is, what it looks at, which way is up (world coordinates).
struct ViewPose
{
    osg::Vec3d eye;
    osg::Vec3d center;
    osg::Vec3d up;
};

/// Returns the view that shows all of bound: looking north from the south at 50 degrees down, with the
/// whole sphere inside the field of view. Used by the window's Home and by off-screen renders alike.
ViewPose homePose(const osg::BoundingSphere& bound, double aspectRatio);

/// Applies the shared look to a view: background colour, perspective projection for the given size,
/// a fixed sun light from the south-east (the Day theme's, applyTheme). The window and the off-screen renderer
/// both call it.
void configureView(osgViewer::View& view, int width, int height);

/// Applies a theme's side of the view: the clear colour and the light. Day: BackgroundColor and the sun (what
/// configureView sets); Night: NightHazeColor (the sky dome's rim colour, seen below it) and a dimmer, cooler
/// moonlight from the same direction. The scene's side is SceneModel::setTheme; call both with the same theme.
void applyTheme(osgViewer::View& view, Theme theme);

/// The sun's (and the night's moon's) position: directional, from the south-east, high (world coordinates).
inline const osg::Vec4 SunPosition(0.50f, -0.35f, 0.80f, 0.0f);

/// The clear colour of a theme's views: BackgroundColor by day, NightHazeColor at night.
inline osg::Vec4 themeClearColor(Theme theme)
{
    return theme == Theme::Night ? NightHazeColor : BackgroundColor;
}

/// Gives a light the theme's sun (Day) or moonlight (Night) from SunPosition: what applyTheme gives a view's light,
/// for a light source of the scene's own (an off-view pass that draws the scene).
void setThemeLight(osg::Light& light, Theme theme);

/// Sets the camera's perspective projection for a viewport of width x height pixels.
void setPerspective(osg::Camera& camera, int width, int height);

} // namespace citytwin::scene
