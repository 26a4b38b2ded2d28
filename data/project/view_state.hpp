#pragma once

#include "data/core/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// A layer coloured by one of its fields (a choropleth of areas, coloured buildings, or 3D columns of areas).
struct LayerColoring
{
    std::string layer;    ///< the layer's name (a project table such as "grids")
    std::string field;    ///< the field whose values colour it
    bool columns = false; ///< areas raised as 3D columns as high as the value
};

/// What a saved view shows besides its camera: the layers shown, a layer's thematic colouring, the incident heat
/// layer, the incident filter and a caption. Bookmarks saved from issue 12 on carry one; older bookmarks have none
/// (their views keep whatever is shown). Stored as JSON in citytwin_bookmarks.state.
struct ViewState
{
    /// The names of the layers shown; the other source layers of the view are hidden.
    std::vector<std::string> shownLayers;
    /// The thematic colouring shown, when one is.
    std::optional<LayerColoring> coloring;
    /// The incident heat layer is shown.
    bool heat = false;
    /// The incident filter, as the JSON object IncidentFilter::toJson writes (empty: no filter, every incident).
    std::string filterJson;
    /// A caption for the audience (Chinese in a district's briefings).
    std::string caption;

    /// Returns the state as a JSON object text.
    std::string toJson() const;
    /// Reads a state written by toJson; an Error saying what is wrong (source names the file or table).
    static Result<ViewState> fromJson(const std::string& json, const std::string& source = {});
};

bool operator==(const LayerColoring& a, const LayerColoring& b);
bool operator==(const ViewState& a, const ViewState& b);

} // namespace citytwin::data
