// libFuzzer target: an incident table (CSV, or GeoJSON when it starts with '{') imported through a field mapping, as
// `citytwin import` and the import dialog do: previewSource, then importIncidents into a project.
//
// Input: [mapping profile JSON "\n%%\n"] table. Without a profile the columns are guessed and the coordinates are
// taken as EPSG:4326; with one, the profile is read by parseFieldMapping (and must survive toJson) and used as given.

#include "fuzz_common.hpp"

#include "data/incidents/field_mapping.hpp"
#include "data/incidents/incident_import.hpp"
#include "data/project/project_store.hpp"

#include <optional>

namespace citytwin::fuzz
{
namespace
{
constexpr std::string_view ProfileEnd = "\n%%\n";

/// The project every input is imported into (each successful import is deleted again); made once.
data::ProjectStore& project()
{
    static std::optional<data::ProjectStore> store = []
    {
        auto opened = data::ProjectStore::open((scratchFolder() / "import.gpkg").string());
        check(opened.ok(), "the fuzz project can be created");
        // Each input's import is undone; the file need not survive a power cut.
        (void)opened->database().exec("PRAGMA synchronous = OFF");
        return std::optional<data::ProjectStore>(std::move(opened.value()));
    }();
    return *store;
}
} // namespace

Outcome incidentImport(std::string_view input)
{
    data::IncidentImportOptions options;
    if (const auto end = input.find(ProfileEnd); end != std::string_view::npos)
    {
        auto mapping = data::parseFieldMapping(std::string(input.substr(0, end)));
        if (!mapping)
        {
            check(!mapping.error().detail.empty(), "a refused profile says why");
            return Outcome::Refused;
        }
        auto again = data::parseFieldMapping(data::toJson(mapping.value()));
        check(again.ok() && data::toJson(again.value()) == data::toJson(mapping.value()),
              "parseFieldMapping reads what toJson wrote");
        options.mapping = std::move(mapping.value());
        input.remove_prefix(end + ProfileEnd.size());
    }
    else
    {
        options.crs = "EPSG:4326";
    }
    const auto first = input.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const bool geoJson = first != std::string_view::npos && input[first] == '{';
    const std::string path = writeScratchFile(geoJson ? "incidents.geojson" : "incidents.csv", input);

    (void)data::previewSource(path, {}, 5);
    data::ProjectStore& store = project();
    auto report = data::importIncidents(store, path, options);
    if (!report)
    {
        check(!report.error().detail.empty(), "a refused import says why");
        return Outcome::Refused;
    }
    check(report->rowsImported >= 0 && report->rowsImported <= report->rowsRead, "no more rows imported than read");
    if (report->committed)
    {
        check(report->rowsImported + static_cast<std::int64_t>(report->rejections.size()) == report->rowsRead,
              "every row read is imported or rejected");
        (void)store.database().exec("DELETE FROM incidents; DELETE FROM citytwin_imports");
    }
    return report->rowsImported > 0 ? Outcome::Accepted : Outcome::Refused;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::incidentImport)
