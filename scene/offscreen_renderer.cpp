#include "offscreen_renderer.hpp"

#include <chrono>
#include <mutex>
#include <thread>

#include <osg/Camera>
#include <osg/GraphicsContext>
#include <osgDB/DatabasePager>
#include <osgViewer/Viewer>

namespace citytwin::scene
{
namespace
{
/// The longest a render waits for paged tiles.
constexpr int PagingTimeoutSeconds = 60;
std::mutex sRendererMutex;
std::string sRendererName;

/// Reads the finished frame back into an image, and records the GL renderer.
class CaptureCallback : public osg::Camera::DrawCallback
{
public:
    CaptureCallback(osg::Image* image, int width, int height) : mImage(image), mWidth(width), mHeight(height) {}

    void operator()(osg::RenderInfo&) const override
    {
        glReadBuffer(GL_FRONT);
        mImage->readPixels(0, 0, mWidth, mHeight, GL_RGBA, GL_UNSIGNED_BYTE);
        const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        std::lock_guard lock(sRendererMutex);
        sRendererName = renderer ? renderer : "";
    }

private:
    osg::ref_ptr<osg::Image> mImage;
    int mWidth;
    int mHeight;
};
} // namespace

bool OffscreenRenderer::setUpViewer(osgViewer::Viewer& viewer, int width, int height)
{
    osg::ref_ptr<osg::GraphicsContext::Traits> traits = new osg::GraphicsContext::Traits;
    traits->x = 0;
    traits->y = 0;
    traits->width = width;
    traits->height = height;
    traits->red = traits->green = traits->blue = traits->alpha = 8;
    traits->depth = 24;
    traits->doubleBuffer = false;
    traits->pbuffer = true;
    traits->windowDecoration = false;
    traits->readDISPLAY();
    traits->setUndefinedScreenDetailsToDefaultScreen();
    osg::ref_ptr<osg::GraphicsContext> context = osg::GraphicsContext::createGraphicsContext(traits.get());
    if (!context || !context->valid())
        return false;
    viewer.setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer.setCameraManipulator(nullptr);
    osg::Camera* camera = viewer.getCamera();
    camera->setGraphicsContext(context.get());
    camera->setViewport(0, 0, width, height);
    camera->setDrawBuffer(GL_FRONT);
    camera->setReadBuffer(GL_FRONT);
    configureView(viewer, width, height);
    return true;
}

data::Result<osg::ref_ptr<osg::Image>> OffscreenRenderer::render(osg::Node* scene, const ViewPose& pose, int width,
                                                                 int height, Theme theme)
{
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
        return data::Error{data::ErrorCode::InvalidArgument,
                           "image size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range",
                           {}};

    osgViewer::Viewer viewer;
    if (!setUpViewer(viewer, width, height))
        return data::Error{data::ErrorCode::OpenFailed,
                           "cannot create an OpenGL pbuffer (is there an X display with GLX? try xvfb-run -a)",
                           {}};
    applyTheme(viewer, theme);
    osg::Camera* camera = viewer.getCamera();

    osg::ref_ptr<osg::Image> image = new osg::Image;
    camera->setFinalDrawCallback(new CaptureCallback(image.get(), width, height));
    viewer.setSceneData(scene);
    camera->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
    viewer.realize();
    if (!viewer.isRealized())
        return data::Error{data::ErrorCode::OpenFailed, "cannot realize the off-screen OpenGL context", {}};
    // A first frame compiles GL objects; then frames run until the database pager has loaded (and merged)
    // every tile the view asks for (paged terrain, oblique models); the last frame is the one kept.
    viewer.frame();
    viewer.frame();
    const auto start = std::chrono::steady_clock::now();
    osgDB::DatabasePager* pager = viewer.getDatabasePager();
    while (pager && (pager->getRequestsInProgress() || pager->requiresUpdateSceneGraph()) &&
           std::chrono::steady_clock::now() - start < std::chrono::seconds(PagingTimeoutSeconds))
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        viewer.frame();
    }
    viewer.frame();
    camera->setFinalDrawCallback(nullptr);
    // The scene's GL objects belong to this context, which goes with the viewer: released here, the next render (a
    // new context that may get the same context id) makes its own instead of calling stale names.
    scene->releaseGLObjects(camera->getGraphicsContext()->getState());
    viewer.setSceneData(nullptr);
    if (!image->data())
        return data::Error{data::ErrorCode::OpenFailed, "the off-screen frame could not be read back", {}};
    return image;
}

std::string OffscreenRenderer::lastRendererName()
{
    std::lock_guard lock(sRendererMutex);
    return sRendererName;
}

} // namespace citytwin::scene
