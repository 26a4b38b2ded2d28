#include "app/gui/view_layers.hpp"

#include "data/project/schema.hpp"

#include "app/common/scene_sources.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/layer_list.hpp"
#include "app/gui/project_session.hpp"
#include "app/gui/source_loader.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/analysis/derived_layers.hpp"
#include "scene/scene_model.hpp"

#include <vector>

#include <QAction>
#include <QSignalBlocker>
#include <QStatusBar>

namespace citytwin::app
{

ViewLayers::ViewLayers(LayerList& layers, SourceLoader& loader, const ProjectSession& session, AnalysisDock& dock,
                       scene::SceneModel& model, ViewportWidget& viewport, QStatusBar& statusBar, QObject* parent)
    : QObject(parent), mLayers(layers), mLoader(loader), mSession(session), mDock(dock), mModel(model),
      mViewport(viewport), mStatusBar(statusBar)
{
    mRingsAction = new QAction(this);
    mConesAction = new QAction(this);
    mHeatAction = new QAction(this);
    mHeatAction->setObjectName(QStringLiteral("heatAction"));
    for (QAction* action : actions())
        action->setCheckable(true);
    connect(mRingsAction, &QAction::toggled, this, &ViewLayers::showServiceRings);
    connect(mConesAction, &QAction::toggled, this, &ViewLayers::showViewCones);
    connect(mHeatAction, &QAction::toggled, this, &ViewLayers::showIncidentHeat);
    retranslate();
    // The heat map follows the incident filter (and the time slider) while it is shown.
    connect(&mDock, &AnalysisDock::filterChanged, this,
            [this]
            {
                if (mHeatShown)
                    showIncidentHeat(true);
            });
}

QList<QAction*> ViewLayers::actions() const
{
    return {mRingsAction, mConesAction, mHeatAction};
}

void ViewLayers::retranslate()
{
    mRingsAction->setText(tr("Day-care Station Service &Rings (%1 m)").arg(ServiceRingMetres));
    mConesAction->setText(tr("Camera View &Cones"));
    mHeatAction->setText(tr("Incident &Heat Map"));
}

void ViewLayers::showServiceRings(bool shown)
{
    showDerived(data::schema::stations::Table, data::LayerRole::ServiceRings, shown);
}

void ViewLayers::showViewCones(bool shown)
{
    showDerived(data::schema::cameras::Table, data::LayerRole::ViewCones, shown);
}

void ViewLayers::showDerived(const std::string& sourceName, data::LayerRole role, bool shown)
{
    const int source = mLayers.named(sourceName);
    if (source < 0)
    {
        if (shown)
            mStatusBar.showMessage(tr("No layer named %1 is open").arg(QString::fromStdString(sourceName)), 5000);
        return;
    }
    const data::VectorLayer& from = mLayers.layer(source);
    const int index = mLayers.findDerived(from.sourcePath, from.name, role);
    if (index >= 0)
        mLayers.setVisible(index, shown);
    else if (shown)
        mLayers.add(std::make_shared<const data::VectorLayer>(
            role == data::LayerRole::ServiceRings ? data::serviceAreas(from, ServiceRingMetres, "day_care")
                                                  : data::viewCones(from)));
    mViewport.sceneChanged(false);
}

void ViewLayers::showIncidentHeat(bool shown)
{
    mHeatShown = shown;
    if (mHeatAction->isChecked() != shown)
    {
        const QSignalBlocker blocker(mHeatAction);
        mHeatAction->setChecked(shown);
    }
    if (!shown)
    {
        mModel.setHeatLayer(nullptr);
        mViewport.sceneChanged(false);
        return;
    }
    // With the project's incidents in the Analysis dock: the density of those its filter lets through.
    if (mDock.store())
    {
        data::Extent extent;
        const std::vector<data::Position> points = mDock.filteredPositions(&extent);
        mModel.setHeatLayer(buildIncidentHeat(mModel, points, extent),
                            tr("incidents per km² (%n shown)", nullptr, static_cast<int>(points.size())).toStdString());
        mViewport.sceneChanged(false);
        return;
    }
    const int index = mLayers.find(mSession.path().toStdString(), data::schema::incidents::Table);
    if (index < 0)
    {
        mStatusBar.showMessage(tr("No layer named %1 is open").arg(QStringLiteral("incidents")), 5000);
        return;
    }
    // The heat map needs the points now.
    if (!mLoader.readDeferredNow(index))
        return;
    mModel.setHeatLayer(buildIncidentHeat(mModel, mLayers.layer(index)), tr("incidents per km²").toStdString());
    mViewport.sceneChanged(false);
}

} // namespace citytwin::app
