#pragma once

#include "data/core/vector_layer.hpp"

#include <string>

#include <QList>
#include <QObject>

class QAction;
class QStatusBar;

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{
class AnalysisDock;
class LayerList;
class ProjectSession;
class SourceLoader;
class ViewportWidget;

/// The layers the View menu shows on demand, built from the open layers: the day-care stations' service rings,
/// the cameras' view cones (each built the first time, then shown or hidden), and the incident heat map (the
/// density of the open project's incidents; of those the Analysis dock's filter lets through when it holds
/// them, following the filter while shown). It owns the View menu's toggles for them. GUI thread.
class ViewLayers : public QObject
{
    Q_OBJECT
public:
    /// The walking distance of the station service rings, metres.
    static constexpr int ServiceRingMetres = 500;

    ViewLayers(LayerList& layers, SourceLoader& loader, const ProjectSession& session, AnalysisDock& dock,
               scene::SceneModel& model, ViewportWidget& viewport, QStatusBar& statusBar, QObject* parent = nullptr);

    /// The View menu's toggles: service rings, view cones, heat map (the last named "heatAction").
    QList<QAction*> actions() const;
    /// Sets the toggles' texts in the interface language.
    void retranslate();

    void showServiceRings(bool shown);
    void showViewCones(bool shown);
    void showIncidentHeat(bool shown);
    bool isHeatShown() const { return mHeatShown; }

private:
    /// Shows or hides the layer derived in a role from the first open layer of that name.
    void showDerived(const std::string& sourceName, data::LayerRole role, bool shown);

    LayerList& mLayers;
    SourceLoader& mLoader;
    const ProjectSession& mSession;
    AnalysisDock& mDock;
    scene::SceneModel& mModel;
    ViewportWidget& mViewport;
    QStatusBar& mStatusBar;
    QAction* mRingsAction = nullptr;
    QAction* mConesAction = nullptr;
    QAction* mHeatAction = nullptr;
    bool mHeatShown = false;
};

} // namespace citytwin::app
