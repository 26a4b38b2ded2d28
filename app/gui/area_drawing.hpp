#pragma once

#include "data/core/vector_layer.hpp"

#include <memory>
#include <vector>

#include <QObject>

class QStatusBar;

namespace citytwin::app
{
class LayerList;
class ProjectSession;
class ViewportWidget;

/// Drawing an area on the map (for the Analysis dock's filter): the viewport's clicks on the ground become the
/// corners (project-CRS metres), shown as a layer "drawn area" that follows them; a double-click or Enter
/// finishes it, Esc cancels. GUI thread.
class AreaDrawing : public QObject
{
    Q_OBJECT
public:
    AreaDrawing(ViewportWidget& viewport, LayerList& layers, const ProjectSession& session, QStatusBar& statusBar,
                QObject* parent = nullptr);

    /// Starts drawing a new area (the viewport takes clicks as corners until it is finished or cancelled).
    void start();

signals:
    /// An area of at least three corners was drawn.
    void areaDrawn(const citytwin::data::Polygon& area);

private:
    void addCorner(double x, double y);
    void finish();
    void cancel();
    /// The corners so far as a layer: a line while open, a polygon once closed.
    std::shared_ptr<const data::VectorLayer> outline(bool closed) const;

    ViewportWidget& mViewport;
    LayerList& mLayers;
    const ProjectSession& mSession;
    QStatusBar& mStatusBar;
    /// The corners of the area being drawn (project CRS).
    std::vector<data::Position> mCorners;
};

} // namespace citytwin::app
