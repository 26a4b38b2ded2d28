#include "app/gui/view_state_control.hpp"

#include "app/common/scene_sources.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/layer_list.hpp"
#include "app/gui/view_layers.hpp"

#include "data/incidents/incident_filter.hpp"
#include "data/analysis/derived_layers.hpp"
#include "data/core/log.hpp"

#include <algorithm>

namespace citytwin::app
{
namespace
{
/// A saved colouring is redrawn with the Colour by Field dialog's defaults.
constexpr int DefaultClasses = 5;
} // namespace

ViewStateControl::ViewStateControl(LayerList& layers, ViewLayers& viewLayers, AnalysisDock& dock)
    : mLayers(layers), mViewLayers(viewLayers), mDock(dock)
{
}

data::ViewState ViewStateControl::capture(const std::string& caption) const
{
    data::ViewState state;
    for (int i = 0; i < mLayers.count(); ++i)
    {
        const data::VectorLayer& layer = mLayers.layer(i);
        if (layer.role == data::LayerRole::Source && mLayers.isVisible(i) &&
            std::find(state.shownLayers.begin(), state.shownLayers.end(), layer.name) == state.shownLayers.end())
            state.shownLayers.push_back(layer.name);
    }
    state.coloring = mLayers.coloring();
    if (state.coloring &&
        std::find(state.shownLayers.begin(), state.shownLayers.end(), state.coloring->layer) == state.shownLayers.end())
        state.shownLayers.push_back(state.coloring->layer); // shown as its columns
    state.heat = mViewLayers.isHeatShown();
    if (mDock.store())
        state.filterJson = mDock.currentFilter().toJson();
    state.caption = caption;
    return state;
}

void ViewStateControl::apply(const data::ViewState& state)
{
    auto listed = [&state](const std::string& name)
    { return std::find(state.shownLayers.begin(), state.shownLayers.end(), name) != state.shownLayers.end(); };
    for (int i = 0; i < mLayers.count(); ++i)
    {
        const data::VectorLayer& layer = mLayers.layer(i);
        const bool shown = layer.role == data::LayerRole::Source && listed(layer.name);
        if (mLayers.isVisible(i) != shown)
            mLayers.setVisible(i, shown);
    }
    const std::optional<data::LayerColoring> current = mLayers.coloring();
    if (current && current != state.coloring)
        if (const int index = mLayers.named(current->layer); index >= 0)
            mLayers.resetColours(index);
    if (state.coloring && current != state.coloring)
    {
        const int index = mLayers.named(state.coloring->layer);
        if (index >= 0)
        {
            const data::VectorLayer& layer = mLayers.layer(index);
            if (auto colors =
                    thematicColorsFor(layer, state.coloring->field, DefaultClasses, data::ClassMethod::Quantile))
            {
                std::shared_ptr<const data::VectorLayer> columns;
                if (state.coloring->columns)
                    columns = std::make_shared<const data::VectorLayer>(
                        data::valueColumns(layer, state.coloring->field, LayerList::ColumnHeightMetres));
                mLayers.showColoured(index, std::move(colors), std::move(columns), *state.coloring);
            }
            else
                data::log(data::LogLevel::Warning, "app.view",
                          "a saved view colours " + layer.name + " by " + state.coloring->field +
                              ", which it does not have");
        }
    }
    if (!state.filterJson.empty() && mDock.store())
    {
        if (auto filter = data::IncidentFilter::fromJson(state.filterJson))
            mDock.setFilter(filter.value());
        else
            data::log(data::LogLevel::Warning, "app.view", "a saved view's filter: " + filter.error().detail);
    }
    // Shown already, the heat layer has followed the filter.
    if (state.heat != mViewLayers.isHeatShown())
        mViewLayers.showIncidentHeat(state.heat);
}

} // namespace citytwin::app
