#pragma once

#include "scene/scene_theme.hpp"
#include "scene/view_defaults.hpp"

#include <memory>

#include <QOpenGLWidget>
#include <QTimer>

#include <osg/BoundingSphere>
#include <osg/ref_ptr>

namespace osgViewer
{
class Viewer;
class GraphicsWindowEmbedded;
} // namespace osgViewer

namespace citytwin::data
{
struct VectorLayer;
}

namespace citytwin::scene
{
class SceneModel;
class CityManipulator;
} // namespace citytwin::scene

namespace citytwin::app
{

/// The one Qt <-> OpenSceneGraph bridge: a QOpenGLWidget that owns a single-threaded osgViewer::Viewer
/// drawing into the widget's framebuffer through a GraphicsWindowEmbedded.
///
/// Frames are rendered on demand: after input, a scene change or while an animation runs; an idle view
/// renders nothing. Sizes and mouse positions are scaled by the device pixel ratio.
class ViewportWidget : public QOpenGLWidget
{
    Q_OBJECT
public:
    explicit ViewportWidget(QWidget* parent = nullptr);
    ~ViewportWidget() override;

    /// Shows the scene of model (not owned; must outlive the widget or be replaced).
    void setSceneModel(scene::SceneModel* model);

    /// Tells the view that the scene changed (layers added, visibility): re-frames Home and redraws.
    void sceneChanged(bool resetHome);

    /// Flies (or jumps, when animate is false) to the view of everything.
    void goHome(bool animate);
    /// Flies the camera to a pose (world coordinates) over the duration; 0 jumps.
    void flyToPose(const scene::ViewPose& pose, double durationSeconds);
    /// Returns the camera's pose (world coordinates).
    scene::ViewPose currentPose() const;

    /// Flies to a view that shows the given world-space bound.
    void flyToBound(const osg::BoundingSphere& bound);

    /// Shows the scene in a theme: the model's palette and sky, the view's clear colour and light.
    void setTheme(scene::Theme theme);
    scene::Theme theme() const;

    /// How big labels, icons and the map overlay are drawn (the model's display scale): by default the device
    /// pixel ratio (the same physical size as on a normal screen); following the height, they grow with the
    /// view's height in device pixels (BriefingTextScale at 1080 rows), so that a 4K screen shows the same
    /// picture as a 1080p one, only sharper (briefing mode).
    void setSizeFollowsHeight(bool follows);
    /// The display scale the rule gives for the view's present size.
    double displayScale() const;
    /// Labels and icons at 1080 rows when sizes follow the height: larger than a desk's, read from a distance.
    static constexpr double BriefingTextScale = 1.35;

    /// The OpenGL renderer drawing the view (GL_RENDERER), known once the view was first shown; empty before.
    const QString& rendererName() const { return mRendererName; }

    /// Returns the number of frames rendered so far.
    quint64 frameCount() const { return mFrameCount; }

    osgViewer::Viewer* viewer() const { return mViewer.get(); }

    /// Picks at a widget position (logical pixels); emits featurePicked, modelFeaturePicked or pickedNothing.
    void pickAt(const QPoint& position);
    /// Drawing an area on the map: clicks give ground points (groundClicked) instead of picking, a
    /// double-click finishes (drawingFinished), Escape cancels (drawingCancelled).
    void setDrawing(bool drawing);
    bool isDrawing() const { return mDrawing; }

signals:
    /// The view's OpenGL context is ready (rendererName is known).
    void glReady();
    void featurePicked(int layerIndex, qulonglong featureIndex);
    /// An object of a 3D model (a CityGML building, a 3D Tiles feature): its table and the object's index in it.
    void modelFeaturePicked(const std::shared_ptr<const citytwin::data::VectorLayer>& table, qulonglong featureIndex);
    void pickedNothing();
    /// Emitted with the project-CRS coordinates of the ground under the pointer.
    void pointerMoved(double projectX, double projectY);
    /// While drawing: the project-CRS coordinates of the ground clicked.
    void groundClicked(double projectX, double projectY);
    void drawingFinished();
    void drawingCancelled();
    void frameRendered();

protected:
    void initializeGL() override;
    void paintGL() override;
    void resizeGL(int width, int height) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;

private:
    void scheduleFrame();
    void releaseGl();
    void reportPointer(const QPointF& position);
    QPointF toDevice(const QPointF& logical) const;
    void applyDisplayScale();

    osg::ref_ptr<osgViewer::Viewer> mViewer;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> mWindow;
    osg::ref_ptr<scene::CityManipulator> mManipulator;
    scene::SceneModel* mModel = nullptr;
    QTimer mFrameTimer;
    QPoint mPressPosition;
    bool mDrawing = false;
    quint64 mFrameCount = 0;
    bool mHomePending = true;
    bool mReleased = false;
    bool mSizeFollowsHeight = false;
    QString mRendererName;
};

} // namespace citytwin::app
