#include "data/project/view_state.hpp"

#include <nlohmann/json.hpp>

namespace citytwin::data
{

bool operator==(const LayerColoring& a, const LayerColoring& b)
{
    return a.layer == b.layer && a.field == b.field && a.columns == b.columns;
}

bool operator==(const ViewState& a, const ViewState& b)
{
    return a.shownLayers == b.shownLayers && a.coloring == b.coloring && a.heat == b.heat &&
           a.filterJson == b.filterJson && a.caption == b.caption;
}

std::string ViewState::toJson() const
{
    nlohmann::ordered_json json;
    json["layers"] = shownLayers;
    if (coloring)
        json["coloring"] = {{"layer", coloring->layer}, {"field", coloring->field}, {"columns", coloring->columns}};
    json["heat"] = heat;
    if (!filterJson.empty())
    {
        // Kept as an object inside the state (readable in the file), not as a quoted string.
        nlohmann::ordered_json filter = nlohmann::ordered_json::parse(filterJson, nullptr, false);
        if (!filter.is_discarded())
            json["filter"] = std::move(filter);
    }
    if (!caption.empty())
        json["caption"] = caption;
    return json.dump();
}

Result<ViewState> ViewState::fromJson(const std::string& text, const std::string& source)
{
    auto fail = [&source](const std::string& what) {
        return Error{ErrorCode::InvalidArgument, "the saved view state is not valid: " + what, source};
    };
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded())
        return fail("not JSON");
    if (!json.is_object())
        return fail("not a JSON object");
    ViewState state;
    try
    {
        if (json.contains("layers"))
        {
            if (!json["layers"].is_array())
                return fail("\"layers\" is not a list of layer names");
            for (const auto& name : json["layers"])
            {
                if (!name.is_string())
                    return fail("\"layers\" holds something that is not a layer name");
                state.shownLayers.push_back(name.get<std::string>());
            }
        }
        if (json.contains("coloring") && !json["coloring"].is_null())
        {
            const auto& coloring = json["coloring"];
            if (!coloring.is_object() || !coloring.value("layer", nlohmann::json()).is_string() ||
                !coloring.value("field", nlohmann::json()).is_string())
                return fail("\"coloring\" needs a \"layer\" and a \"field\"");
            state.coloring = LayerColoring{coloring["layer"].get<std::string>(), coloring["field"].get<std::string>(),
                                           coloring.value("columns", false)};
        }
        if (json.contains("heat"))
        {
            if (!json["heat"].is_boolean())
                return fail("\"heat\" is not true or false");
            state.heat = json["heat"].get<bool>();
        }
        if (json.contains("filter") && !json["filter"].is_null())
        {
            if (!json["filter"].is_object())
                return fail("\"filter\" is not a filter object");
            state.filterJson = json["filter"].dump();
        }
        if (json.contains("caption"))
        {
            if (!json["caption"].is_string())
                return fail("\"caption\" is not text");
            state.caption = json["caption"].get<std::string>();
        }
    }
    catch (const nlohmann::json::exception& error)
    {
        return fail(error.what());
    }
    return state;
}

} // namespace citytwin::data
