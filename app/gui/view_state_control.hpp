#pragma once

#include "data/project/view_state.hpp"

namespace citytwin::app
{
class AnalysisDock;
class LayerList;
class ViewLayers;

/// What a saved view shows besides its camera, read from and applied to the window's parts: the source layers
/// shown (by name), the colouring by a field (or 3D columns), the incident heat layer and the Analysis dock's
/// filter. A bookmark saves one and a tour stop applies it. GUI thread.
class ViewStateControl
{
public:
    ViewStateControl(LayerList& layers, ViewLayers& viewLayers, AnalysisDock& dock);

    /// The view's state now, with a caption.
    data::ViewState capture(const std::string& caption = {}) const;
    /// Shows what a state names: its layers (the other source layers and every derived one hidden), its
    /// colouring, its filter (when it has one) and then the heat layer (which follows the filter).
    void apply(const data::ViewState& state);

private:
    LayerList& mLayers;
    ViewLayers& mViewLayers;
    AnalysisDock& mDock;
};

} // namespace citytwin::app
