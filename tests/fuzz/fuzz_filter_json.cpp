// libFuzzer target: a saved filter's JSON (citytwin_filters.definition, `citytwin stats --filter`) through
// IncidentFilter::fromJson, the round trip through toJson, and the matcher over a small incident store.

#include "fuzz_common.hpp"

#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_import.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/project/project_store.hpp"

namespace citytwin::fuzz
{
namespace
{
/// A project with a few incidents (closed, open, of several categories) for the matcher to judge; made once.
const data::IncidentStore* incidentStore()
{
    static const std::optional<data::IncidentStore> store = []() -> std::optional<data::IncidentStore>
    {
        const std::string project = (scratchFolder() / "filter.gpkg").string();
        {
            auto opened = data::ProjectStore::open(project);
            if (!opened)
                return std::nullopt;
            const std::string csv =
                writeScratchFile("filter-incidents.csv",
                                 "external_id,reported_at,category,source,status,closed_at,x,y\n"
                                 "1,2024-03-05 14:23,illegal_parking,camera_ai,closed,2024-03-06 10:00,118.18,39.65\n"
                                 "2,2024-03-05 15:00,illegal_parking,camera_ai,open,,118.181,39.651\n"
                                 "3,2024-03-07 09:10,street_vending,grid_worker,open,,118.182,39.649\n");
            data::IncidentImportOptions options;
            options.crs = "EPSG:4326";
            (void)data::importIncidents(*opened, csv, options);
        }
        auto loaded = data::IncidentStore::load(project);
        if (!loaded)
            return std::nullopt;
        return std::move(loaded.value());
    }();
    return store ? &*store : nullptr;
}
} // namespace

Outcome filterJson(std::string_view input)
{
    auto filter = data::IncidentFilter::fromJson(std::string(input));
    if (!filter)
    {
        check(!filter.error().detail.empty(), "a refused filter says why");
        return Outcome::Refused;
    }
    // What toJson writes, fromJson reads back to the same filter.
    const std::string written = filter->toJson();
    auto again = data::IncidentFilter::fromJson(written);
    check(again.ok(), "fromJson reads what toJson wrote");
    check(again->toJson() == written, "toJson(fromJson(toJson(f))) == toJson(f)");
    if (const data::IncidentStore* store = incidentStore())
    {
        const auto selected = data::select(*store, filter.value());
        check(selected.size() <= store->size(), "select picks at most every incident");
    }
    return Outcome::Accepted;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::filterJson)
