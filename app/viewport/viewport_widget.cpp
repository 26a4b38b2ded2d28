#include "viewport_widget.hpp"

#include "scene/city_manipulator.hpp"
#include "scene/feature_picker.hpp"
#include "scene/scene_model.hpp"
#include "scene/view_defaults.hpp"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QWheelEvent>

#include <osgViewer/GraphicsWindow>
#include <osgViewer/Viewer>

namespace citytwin::app
{
namespace
{
/// Frames are paced at about 60 Hz while something moves.
constexpr int FrameIntervalMs = 16;
/// A press and release closer than this (logical pixels) is a click, not a drag.
constexpr int ClickSlop = 4;

int osgButton(Qt::MouseButton button, Qt::KeyboardModifiers modifiers)
{
    switch (button)
    {
    case Qt::LeftButton:
        // Shift + left drag pans, for trackpads and mice without a middle button.
        return modifiers.testFlag(Qt::ShiftModifier) ? 2 : 1;
    case Qt::MiddleButton:
        return 2;
    case Qt::RightButton:
        return 3;
    default:
        return 0;
    }
}

int osgKey(const QKeyEvent& event)
{
    using Key = osgGA::GUIEventAdapter::KeySymbol;
    switch (event.key())
    {
    case Qt::Key_Home:
        return Key::KEY_Home;
    case Qt::Key_Space:
        return Key::KEY_Space;
    case Qt::Key_Left:
        return Key::KEY_Left;
    case Qt::Key_Right:
        return Key::KEY_Right;
    case Qt::Key_Up:
        return Key::KEY_Up;
    case Qt::Key_Down:
        return Key::KEY_Down;
    case Qt::Key_PageUp:
        return Key::KEY_Page_Up;
    case Qt::Key_PageDown:
        return Key::KEY_Page_Down;
    case Qt::Key_Escape:
        return Key::KEY_Escape;
    default:
        break;
    }
    const QString text = event.text();
    return text.isEmpty() ? 0 : static_cast<int>(text.at(0).unicode());
}
} // namespace

ViewportWidget::ViewportWidget(QWidget* parent)
    : QOpenGLWidget(parent), mViewer(new osgViewer::Viewer), mManipulator(new scene::CityManipulator)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);

    mWindow = new osgViewer::GraphicsWindowEmbedded(0, 0, width(), height());
    mWindow->getEventQueue()->getCurrentEventState()->setMouseYOrientation(
        osgGA::GUIEventAdapter::Y_INCREASING_DOWNWARDS);

    mViewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    mViewer->setRunFrameScheme(osgViewer::ViewerBase::ON_DEMAND);
    mViewer->setKeyEventSetsDone(0);
    mViewer->setQuitEventSetsDone(false);
    mViewer->getCamera()->setGraphicsContext(mWindow.get());
    mViewer->getCamera()->setViewport(0, 0, width(), height());
    scene::configureView(*mViewer, width(), height());
    mViewer->setCameraManipulator(mManipulator.get(), false);

    mFrameTimer.setSingleShot(true);
    connect(&mFrameTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

ViewportWidget::~ViewportWidget()
{
    releaseGl();
    // The context outlives this object's members: it must not call back into them.
    if (context())
        disconnect(context(), nullptr, this, nullptr);
}

void ViewportWidget::releaseGl()
{
    if (!mViewer || !context() || mReleased)
        return;
    mReleased = true;
    makeCurrent();
    if (osg::Node* root = mViewer->getSceneData())
        root->releaseGLObjects(mWindow->getState());
    mViewer->setSceneData(nullptr);
    mWindow->close(false);
    doneCurrent();
}

void ViewportWidget::setSceneModel(scene::SceneModel* model)
{
    mModel = model;
    mViewer->setSceneData(model ? model->root() : nullptr);
    applyDisplayScale();
    sceneChanged(true);
}

void ViewportWidget::setSizeFollowsHeight(bool follows)
{
    mSizeFollowsHeight = follows;
    applyDisplayScale();
}

double ViewportWidget::displayScale() const
{
    const qreal ratio = devicePixelRatioF();
    if (!mSizeFollowsHeight)
        return ratio;
    return BriefingTextScale * qRound(height() * ratio) / 1080.0;
}

void ViewportWidget::applyDisplayScale()
{
    if (!mModel)
        return;
    mModel->setDisplayScale(displayScale());
    mViewer->requestRedraw();
    update();
}

void ViewportWidget::sceneChanged(bool resetHome)
{
    if (resetHome)
        mHomePending = true;
    mViewer->requestRedraw();
    update();
}

void ViewportWidget::flyToPose(const scene::ViewPose& pose, double durationSeconds)
{
    if (durationSeconds <= 0.0)
        mManipulator->setTransformation(pose.eye, pose.center, pose.up);
    else
    {
        mManipulator->flyToPose(pose, durationSeconds);
        mViewer->requestContinuousUpdate(true);
    }
    mViewer->requestRedraw();
    update();
}

scene::ViewPose ViewportWidget::currentPose() const
{
    return mManipulator->currentPose();
}

void ViewportWidget::goHome(bool animate)
{
    if (!mModel)
        return;
    const double aspect = height() > 0 ? static_cast<double>(width()) / height() : 1.0;
    mManipulator->setHomePose(scene::homePose(mModel->contentBound(), aspect));
    if (animate)
    {
        mWindow->getEventQueue()->keyPress(osgGA::GUIEventAdapter::KEY_Home);
        mWindow->getEventQueue()->keyRelease(osgGA::GUIEventAdapter::KEY_Home);
    }
    else
    {
        mManipulator->home(0.0);
    }
    update();
}

void ViewportWidget::setTheme(scene::Theme theme)
{
    if (mModel)
        mModel->setTheme(theme);
    scene::applyTheme(*mViewer, theme);
    update();
}

scene::Theme ViewportWidget::theme() const
{
    return mModel ? mModel->theme() : scene::Theme::Day;
}

void ViewportWidget::flyToBound(const osg::BoundingSphere& bound)
{
    if (!bound.valid())
        return;
    const double aspect = height() > 0 ? static_cast<double>(width()) / height() : 1.0;
    const double halfFov = osg::DegreesToRadians(scene::verticalFieldOfView(aspect)) * 0.5;
    mManipulator->flyTo(bound.center(), std::max(1.0, static_cast<double>(bound.radius())) / std::sin(halfFov));
    mViewer->requestContinuousUpdate(true);
    update();
}

void ViewportWidget::initializeGL()
{
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &ViewportWidget::releaseGl, Qt::DirectConnection);
    resizeGL(width(), height());
    if (const auto* name = context()->functions()->glGetString(GL_RENDERER))
        mRendererName = QString::fromLatin1(reinterpret_cast<const char*>(name));
    emit glReady();
}

void ViewportWidget::paintGL()
{
    if (mHomePending && mModel && mModel->contentBound().valid())
    {
        mHomePending = false;
        goHome(false);
    }
    // Qt may recreate the widget's framebuffer on resize or reparent: tell OSG every frame.
    mWindow->setDefaultFboId(defaultFramebufferObject());
    mViewer->frame();
    ++mFrameCount;
    emit frameRendered();
    scheduleFrame();
}

void ViewportWidget::scheduleFrame()
{
    if (mViewer->checkNeedToDoFrame() && !mFrameTimer.isActive())
        mFrameTimer.start(FrameIntervalMs);
}

void ViewportWidget::resizeGL(int width, int height)
{
    const qreal ratio = devicePixelRatioF();
    const int deviceWidth = qRound(width * ratio);
    const int deviceHeight = qRound(height * ratio);
    mWindow->resized(0, 0, deviceWidth, deviceHeight);
    mWindow->getEventQueue()->windowResize(0, 0, deviceWidth, deviceHeight);
    mViewer->getCamera()->setViewport(0, 0, deviceWidth, deviceHeight);
    scene::setPerspective(*mViewer->getCamera(), deviceWidth, deviceHeight);
    applyDisplayScale();
    mViewer->requestRedraw();
}

bool ViewportWidget::event(QEvent* event)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    if (event->type() == QEvent::DevicePixelRatioChange)
        resizeGL(width(), height());
#endif
    return QOpenGLWidget::event(event);
}

QPointF ViewportWidget::toDevice(const QPointF& logical) const
{
    return logical * devicePixelRatioF();
}

void ViewportWidget::mousePressEvent(QMouseEvent* event)
{
    mPressPosition = event->position().toPoint();
    const QPointF p = toDevice(event->position());
    mWindow->getEventQueue()->mouseButtonPress(static_cast<float>(p.x()), static_cast<float>(p.y()),
                                               osgButton(event->button(), event->modifiers()));
    update();
}

void ViewportWidget::mouseReleaseEvent(QMouseEvent* event)
{
    const QPointF p = toDevice(event->position());
    mWindow->getEventQueue()->mouseButtonRelease(static_cast<float>(p.x()), static_cast<float>(p.y()),
                                                 osgButton(event->button(), event->modifiers()));
    if (event->button() == Qt::LeftButton &&
        (event->position().toPoint() - mPressPosition).manhattanLength() <= ClickSlop)
    {
        if (mDrawing && mModel)
        {
            const QPointF device = toDevice(event->position());
            const double windowY = mViewer->getCamera()->getViewport()->height() - device.y();
            if (const auto ground = scene::groundPointAt(*mViewer->getCamera(), device.x(), windowY))
            {
                const osg::Vec3d project = mModel->worldToProject(*ground);
                emit groundClicked(project.x(), project.y());
            }
        }
        else
            pickAt(event->position().toPoint());
    }
    update();
}

void ViewportWidget::setDrawing(bool drawing)
{
    mDrawing = drawing;
    setCursor(drawing ? Qt::CrossCursor : Qt::ArrowCursor);
}

void ViewportWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (mDrawing)
    {
        // The double-click ends the area (its clicks already gave the last corner); no fly-to.
        emit drawingFinished();
        return;
    }
    const QPointF p = toDevice(event->position());
    mWindow->getEventQueue()->mouseDoubleButtonPress(static_cast<float>(p.x()), static_cast<float>(p.y()),
                                                     osgButton(event->button(), event->modifiers()));
    update();
}

void ViewportWidget::mouseMoveEvent(QMouseEvent* event)
{
    reportPointer(event->position());
    // Free pointer motion only updates the coordinates: it must not make the idle view render.
    if (event->buttons() == Qt::NoButton)
        return;
    const QPointF p = toDevice(event->position());
    mWindow->getEventQueue()->mouseMotion(static_cast<float>(p.x()), static_cast<float>(p.y()));
    update();
}

void ViewportWidget::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return;
    const QPointF p = toDevice(event->position());
    osgGA::EventQueue* queue = mWindow->getEventQueue();
    queue->mouseMotion(static_cast<float>(p.x()), static_cast<float>(p.y()));
    queue->mouseScroll(delta > 0 ? osgGA::GUIEventAdapter::SCROLL_UP : osgGA::GUIEventAdapter::SCROLL_DOWN);
    event->accept();
    update();
}

void ViewportWidget::keyPressEvent(QKeyEvent* event)
{
    if (mDrawing && (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Return))
    {
        emit event->key() == Qt::Key_Escape ? drawingCancelled() : drawingFinished();
        return;
    }
    if (const int key = osgKey(*event))
    {
        mWindow->getEventQueue()->keyPress(key);
        update();
        return;
    }
    QOpenGLWidget::keyPressEvent(event);
}

void ViewportWidget::keyReleaseEvent(QKeyEvent* event)
{
    if (const int key = osgKey(*event))
    {
        mWindow->getEventQueue()->keyRelease(key);
        update();
        return;
    }
    QOpenGLWidget::keyReleaseEvent(event);
}

void ViewportWidget::pickAt(const QPoint& position)
{
    if (!mModel)
        return;
    const QPointF p = toDevice(position);
    const double windowY = mViewer->getCamera()->getViewport()->height() - p.y();
    const auto hit = scene::pickFeature(*mModel, *mViewer->getCamera(), p.x(), windowY, 6.0 * devicePixelRatioF());
    if (hit && hit->modelFeatures)
        emit modelFeaturePicked(hit->modelFeatures, static_cast<qulonglong>(hit->featureIndex));
    else if (hit && hit->layerIndex >= 0)
        emit featurePicked(hit->layerIndex, static_cast<qulonglong>(hit->featureIndex));
    else
        emit pickedNothing();
}

void ViewportWidget::reportPointer(const QPointF& position)
{
    if (!mModel)
        return;
    const QPointF p = toDevice(position);
    const double windowY = mViewer->getCamera()->getViewport()->height() - p.y();
    if (const auto ground = scene::groundPointAt(*mViewer->getCamera(), p.x(), windowY))
    {
        const osg::Vec3d project = mModel->worldToProject(*ground);
        emit pointerMoved(project.x(), project.y());
    }
}

} // namespace citytwin::app
