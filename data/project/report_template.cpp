#include "data/project/report_template.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace citytwin::data
{
namespace
{
constexpr std::array<std::pair<AtlasLevel, const char*>, 4> AtlasCodes = {{
    {AtlasLevel::None, "none"},
    {AtlasLevel::Community, "community"},
    {AtlasLevel::Grid, "grid"},
    {AtlasLevel::Street, "street"},
}};

const std::vector<std::string> ItemKinds = {"title", "map", "legend", "scalebar", "north",
                                            "kpis",  "chart", "table", "text"};

nlohmann::ordered_json rectJson(const ReportRect& rect)
{
    return nlohmann::ordered_json::array({rect.x, rect.y, rect.width, rect.height});
}

nlohmann::ordered_json itemJson(const ReportItem& item)
{
    nlohmann::ordered_json json;
    json["type"] = item.kind;
    json["rect"] = rectJson(item.rect);
    if (!item.source.empty())
        json["source"] = item.source;
    if (!item.layers.empty())
        json["layers"] = item.layers;
    if (!item.field.empty())
        json["field"] = item.field;
    if (!item.figures.empty())
        json["figures"] = item.figures;
    if (!item.chart.empty())
        json["chart"] = item.chart;
    if (!item.table.empty())
    {
        json["table"] = item.table;
        json["rows"] = item.rows;
    }
    if (!item.text.empty())
        json["text"] = item.text;
    return json;
}

/// Reads the item at index; an error text naming what is wrong, empty when it is right.
std::string readItem(const nlohmann::json& json, std::size_t index, ReportItem& item)
{
    const std::string where = "item " + std::to_string(index + 1) + ": ";
    if (!json.is_object())
        return where + "not an object";
    item.kind = json.value("type", std::string());
    if (std::find(ItemKinds.begin(), ItemKinds.end(), item.kind) == ItemKinds.end())
        return where + "unknown type '" + item.kind + "'";
    const nlohmann::json rect = json.value("rect", nlohmann::json::array());
    if (!rect.is_array() || rect.size() != 4 ||
        !std::all_of(rect.begin(), rect.end(), [](const nlohmann::json& v) { return v.is_number(); }))
        return where + "rect must be [x, y, width, height] (fractions of the printable area)";
    item.rect = {rect[0].get<double>(), rect[1].get<double>(), rect[2].get<double>(), rect[3].get<double>()};
    const ReportRect& r = item.rect;
    constexpr double Slack = 1e-6;
    if (r.x < -Slack || r.y < -Slack || r.width <= 0.0 || r.height <= 0.0 || r.x + r.width > 1.0 + Slack ||
        r.y + r.height > 1.0 + Slack)
        return where + "rect lies outside the printable area";
    item.source = json.value("source", std::string(item.kind == "map" ? "top-down" : ""));
    if (item.kind == "map" && item.source != "top-down" && item.source.rfind("bookmark:", 0) != 0)
        return where + "source must be top-down or bookmark:NAME";
    item.layers = json.value("layers", std::vector<std::string>());
    item.field = json.value("field", std::string());
    item.figures = json.value("figures", std::vector<std::string>());
    item.chart = json.value("chart", std::string());
    item.table = json.value("table", std::string());
    // Checked as a number before it becomes an int: 1e50 (or 2.5) is no row count.
    const nlohmann::json rows = json.value("rows", nlohmann::json(10));
    if (!rows.is_number() || rows.get<double>() != std::floor(rows.get<double>()) || rows.get<double>() < 1.0 ||
        rows.get<double>() > 200.0)
        return where + "rows must be a whole number from 1 to 200";
    item.rows = rows.get<int>();
    item.text = json.value("text", std::string());
    return {};
}
} // namespace

const char* atlasLevelCode(AtlasLevel level)
{
    for (const auto& [value, code] : AtlasCodes)
        if (value == level)
            return code;
    return "none";
}

bool parseAtlasLevel(const std::string& code, AtlasLevel& level)
{
    for (const auto& [value, name] : AtlasCodes)
        if (code == name)
        {
            level = value;
            return true;
        }
    return false;
}

std::pair<double, double> ReportTemplate::pageMillimetres() const
{
    const std::pair<double, double> portrait = pageSize == "A3" ? std::pair{297.0, 420.0} : std::pair{210.0, 297.0};
    return landscape ? std::pair{portrait.second, portrait.first} : portrait;
}

std::string ReportTemplate::toJson() const
{
    nlohmann::ordered_json json;
    json["name"] = name;
    json["title"] = title;
    json["subtitle"] = subtitle;
    json["page"] = {{"size", pageSize}, {"orientation", landscape ? "landscape" : "portrait"}, {"margin_mm", marginMm}};
    json["atlas"] = atlasLevelCode(atlas);
    json["cover"] = cover;
    json["contents"] = contents;
    json["footer"] = footer;
    json["items"] = nlohmann::ordered_json::array();
    for (const ReportItem& item : items)
        json["items"].push_back(itemJson(item));
    return json.dump(2);
}

Result<ReportTemplate> ReportTemplate::fromJson(const std::string& text, const std::string& source)
{
    auto fail = [&source](const std::string& what) { return Error{ErrorCode::InvalidArgument, what, source}; };
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail("a report template must be a JSON object");
    try
    {
        ReportTemplate report;
        report.name = json.value("name", std::string());
        if (report.name.empty())
            return fail("a report template needs a name");
        report.title = json.value("title", std::string());
        report.subtitle = json.value("subtitle", std::string());
        const nlohmann::json page = json.value("page", nlohmann::json::object());
        report.pageSize = page.value("size", std::string("A4"));
        if (report.pageSize != "A4" && report.pageSize != "A3")
            return fail("page size must be A4 or A3, not '" + report.pageSize + "'");
        const std::string orientation = page.value("orientation", std::string("portrait"));
        if (orientation != "portrait" && orientation != "landscape")
            return fail("page orientation must be portrait or landscape");
        report.landscape = orientation == "landscape";
        report.marginMm = page.value("margin_mm", 12.0);
        if (!(report.marginMm >= 0.0 && report.marginMm <= 50.0))
            return fail("page margin must be 0 to 50 mm");
        if (!parseAtlasLevel(json.value("atlas", std::string("none")), report.atlas))
            return fail("atlas must be none, community, grid or street");
        report.cover = json.value("cover", true);
        report.contents = json.value("contents", true);
        report.footer = json.value("footer", std::string());
        const nlohmann::json items = json.value("items", nlohmann::json::array());
        if (!items.is_array())
            return fail("items must be a list");
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            ReportItem item;
            if (const std::string error = readItem(items[i], i, item); !error.empty())
                return fail(error);
            report.items.push_back(std::move(item));
        }
        return report;
    }
    catch (const nlohmann::json::exception& error)
    {
        return fail(std::string("a field has the wrong type: ") + error.what());
    }
}

} // namespace citytwin::data
