#pragma once

#include "data/core/result.hpp"

#include <string>
#include <vector>

namespace citytwin::data
{

/// What a report's pages are made for: one page for the whole district, or one page per area (an atlas).
enum class AtlasLevel
{
    None,
    Community,
    Grid,
    Street,
};

/// "none", "community", "grid", "street".
const char* atlasLevelCode(AtlasLevel level);
/// Reads an atlas level code; false when it is not one.
bool parseAtlasLevel(const std::string& code, AtlasLevel& level);

/// A box on the page, as fractions (0 to 1) of the printable area inside the margins: a template fits any page size
/// and orientation.
struct ReportRect
{
    double x = 0.0;
    double y = 0.0;
    double width = 1.0;
    double height = 1.0;
};

/// One element of a report page. Kinds and their options:
/// - `title`: the title and subtitle (the template's, placeholders filled in).
/// - `map`: a map frame. `source` "top-down" (default) draws the page's area as vectors straight from `layers`;
///   "bookmark:NAME" renders the 3D view of a saved bookmark off-screen at the output resolution. `theme`
///   ("thematic" for a top-down map: areas coloured by `field` of the page's figures, e.g. "count").
/// - `legend`, `scalebar`, `north`: for the nearest map frame above them in the list (the first map).
/// - `kpis`: boxes of the page's figures, `figures` naming them (see ReportFigure codes in app/common/report).
/// - `chart`: `chart` "categories" (incidents per category, bars) or "daily" (incidents per day, a line).
/// - `table`: `table` "grids" (the area's grids by incidents), "overdue" (overdue cases), "communities" (coverage per
///   community), "gaps" (the least covered), "findings" (the week's significant changes); `rows` at most.
/// - `text`: `text`, placeholders filled in.
struct ReportItem
{
    std::string kind;
    ReportRect rect;
    std::string source;              ///< map: "top-down" or "bookmark:NAME"
    std::vector<std::string> layers; ///< map: the layers drawn, bottom first
    std::string field;               ///< map: the figure the areas are coloured by ("" for none)
    std::vector<std::string> figures; ///< kpis
    std::string chart;               ///< chart
    std::string table;               ///< table
    int rows = 10;                   ///< table
    std::string text;                ///< text
};

/// A report template, kept in a project (citytwin_report_templates, as JSON) or one of the ready ones (made in the
/// interface language by app/common/report). Titles and
/// texts may hold placeholders: {area} (the page's area name), {district}, {period} (the filter's time range in
/// words), {filter} (the filter in words: "2025年6月 · 占道经营 · 路北区全区"), {date} (the data's date), {project}.
struct ReportTemplate
{
    std::string name;
    std::string title;
    std::string subtitle;
    std::string pageSize = "A4"; ///< "A4" or "A3"
    bool landscape = false;
    double marginMm = 12.0;
    AtlasLevel atlas = AtlasLevel::None;
    /// An atlas's cover and contents pages (ignored without an atlas).
    bool cover = true;
    bool contents = true;
    std::string footer; ///< under every page, with the page number; placeholders filled in
    std::vector<ReportItem> items;

    /// The page size in millimetres (width, height), orientation applied.
    std::pair<double, double> pageMillimetres() const;

    /// Returns the template as a JSON object text.
    std::string toJson() const;
    /// Reads a template written by toJson; an Error naming what is wrong (source names the file or table).
    static Result<ReportTemplate> fromJson(const std::string& json, const std::string& source = {});
};

} // namespace citytwin::data
