#pragma once

#include "scene_theme.hpp"

#include <osg/BoundingSphere>
#include <osg/Vec3d>
#include <osg/Vec4>

namespace osg
{
class Camera;
}
namespace osgViewer
{
class View;
}

namespace citytwin::scene
{

/// The background colour of every view and render (a dark blue-grey).
inline const osg::Vec4 BackgroundColor(0.10f, 0.12f, 0.16f, 1.0f);

/// Vertical field of view of the perspective camera, degrees.
inline constexpr double FieldOfViewDegrees = 30.0;

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

/// Sets the camera's perspective projection for a viewport of width x height pixels.
void setPerspective(osg::Camera& camera, int width, int height);

} // namespace citytwin::scene
