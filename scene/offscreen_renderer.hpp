#pragma once

#include "view_defaults.hpp"

#include "data/core/result.hpp"

#include <osg/Image>
#include <osg/ref_ptr>

namespace osg
{
class Node;
}

namespace osgViewer
{
class Viewer;
}

namespace citytwin::scene
{

/// Renders a scene into an image without a window, through an OpenGL pbuffer (needs an X display with
/// GLX, for example Xvfb). The view is configured exactly like the interactive window (configureView).
class OffscreenRenderer
{
public:
    /// Returns an RGBA image of width x height pixels, rows bottom-up (OpenGL order), of scene seen from
    /// pose, with the view side of a theme (applyTheme; pass the theme the scene was given, SceneModel::theme).
    /// Fails with a readable message when no OpenGL context can be created.
    static data::Result<osg::ref_ptr<osg::Image>> render(osg::Node* scene, const ViewPose& pose, int width, int height,
                                                         Theme theme = Theme::Day);

    /// Gives a viewer a single-buffered RGBA8 + depth24 OpenGL pbuffer of that size (needs an X display with
    /// GLX, e.g. Xvfb), single-threaded, drawing to its front buffer with the shared look (configureView).
    /// False when no pbuffer can be made.
    static bool setUpViewer(osgViewer::Viewer& viewer, int width, int height);

    /// Returns the OpenGL renderer string seen by the last successful render ("" before any).
    static std::string lastRendererName();
};

} // namespace citytwin::scene
