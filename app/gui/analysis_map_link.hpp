#pragma once

#include "data/core/vector_layer.hpp"

#include <memory>
#include <string>

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QStatusBar;

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{
class AnalysisDock;
class LayerList;
class ViewportWidget;

/// The Analysis dock's hook-up to the map: areas coloured (or raised as columns) by the values of a result, the
/// buildings a result lists highlighted, a flight to an area a result names, and the layers analyses make
/// (seen ground, recurring places). Areas are found by the `id` field of their layer (its fid when it has
/// none). GUI thread.
class AnalysisMapLink : public QObject
{
    Q_OBJECT
public:
    /// Listens to the dock's map requests.
    AnalysisMapLink(AnalysisDock& dock, LayerList& layers, scene::SceneModel& model, ViewportWidget& viewport,
                    QStatusBar& statusBar, QObject* parent = nullptr);

    /// Colours the areas of a layer ("grids", "communities") by values per area id, with a legend; as 3D columns
    /// as high as the value when columns is set.
    void showValues(const QString& areaTable, const QHash<qint64, double>& values, const QString& title, bool columns);
    /// Highlights buildings (ids of the buildings layer) in red, the others in a light grey.
    void highlightBuildings(const QList<qint64>& ids);
    /// Shows a layer (from "grids", "communities", "buildings") and flies to its area whose id is id.
    void zoomToArea(const QString& table, qint64 id);
    /// Shows (or replaces) a layer an analysis made, by its source and name.
    void showLayer(std::shared_ptr<const data::VectorLayer> layer);
    /// Outlines the area the dock's filter names with a glow: its drawn polygon, its community or its grids (up
    /// to MaxFocusGrids); none when it names no area.
    void focusFilterArea();
    static constexpr std::size_t MaxFocusGrids = 300;

private:
    /// The polygons of the areas of a layer ("grids", "communities") whose ids are listed.
    std::vector<data::Polygon> areaPolygons(const char* table, const std::vector<std::int64_t>& ids) const;

    AnalysisDock& mDock;
    /// The area outlined now, and the number of layers then (the area's layer may have been loaded since).
    std::string mFocusKey;
    int mFocusLayers = -1;
    LayerList& mLayers;
    scene::SceneModel& mModel;
    ViewportWidget& mViewport;
    QStatusBar& mStatusBar;
};

} // namespace citytwin::app
