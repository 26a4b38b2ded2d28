#include "app/gui/area_drawing.hpp"

#include "app/gui/layer_list.hpp"
#include "app/gui/project_session.hpp"
#include "app/viewport/viewport_widget.hpp"

#include <cmath>

#include <QStatusBar>

namespace citytwin::app
{

AreaDrawing::AreaDrawing(ViewportWidget& viewport, LayerList& layers, const ProjectSession& session,
                         QStatusBar& statusBar, QObject* parent)
    : QObject(parent), mViewport(viewport), mLayers(layers), mSession(session), mStatusBar(statusBar)
{
    connect(&mViewport, &ViewportWidget::groundClicked, this, &AreaDrawing::addCorner);
    connect(&mViewport, &ViewportWidget::drawingFinished, this, &AreaDrawing::finish);
    connect(&mViewport, &ViewportWidget::drawingCancelled, this, &AreaDrawing::cancel);
}

void AreaDrawing::start()
{
    mCorners.clear();
    mViewport.setDrawing(true);
    mViewport.setFocus();
    mStatusBar.showMessage(
        tr("Click the corners of the area on the map; double-click or Enter to finish, Esc to cancel"));
}

void AreaDrawing::addCorner(double x, double y)
{
    if (!mCorners.empty() && std::hypot(mCorners.back().x - x, mCorners.back().y - y) < 0.5)
        return; // the second click of a double-click
    mCorners.push_back({x, y, 0.0});
    if (mCorners.size() >= 2)
    {
        mLayers.show(outline(mCorners.size() >= 3));
        mViewport.sceneChanged(false);
    }
}

void AreaDrawing::finish()
{
    mViewport.setDrawing(false);
    if (mCorners.size() < 3)
    {
        mStatusBar.showMessage(tr("An area needs at least three corners"), 5000);
        return;
    }
    mLayers.show(outline(true));
    mViewport.sceneChanged(false);
    emit areaDrawn(data::Polygon{{mCorners}});
    mStatusBar.showMessage(tr("The analysis now looks at the area drawn"), 5000);
}

void AreaDrawing::cancel()
{
    mViewport.setDrawing(false);
    mCorners.clear();
    mStatusBar.clearMessage();
}

std::shared_ptr<const data::VectorLayer> AreaDrawing::outline(bool closed) const
{
    auto layer = std::make_shared<data::VectorLayer>();
    layer->name = "drawn area";
    layer->sourcePath = mSession.path().toStdString();
    layer->kind = closed ? data::GeometryKind::Polygon : data::GeometryKind::Line;
    data::Feature feature;
    if (closed)
        feature.polygons.push_back({{mCorners}});
    else
        feature.lines.push_back(mCorners);
    for (const data::Position& p : mCorners)
        layer->extent.include(p.x, p.y);
    layer->features.push_back(std::move(feature));
    return layer;
}

} // namespace citytwin::app
