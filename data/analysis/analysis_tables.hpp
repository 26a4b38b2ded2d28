#pragma once

#include "data/analysis/camera_coverage.hpp"
#include "data/analysis/coverage.hpp"
#include "data/analysis/hotspots.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/analysis/stats_table.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace citytwin::data
{

/// The areas results are given per.
enum class AreaLevel
{
    Grid,
    Community,
};

/// Returns "grid_id" or "community_id": the first column of a table per area.
const char* areaIdColumn(AreaLevel level);

/// Incidents per area following a filter: one row per grid (community) of the project, in id order, with
/// `count`, `open` (not closed at the filter's asOf), `overdue`, `ai_share` (found by camera AI),
/// `median_dispatch_h`, `p90_dispatch_h`, `median_handle_h`, `p90_handle_h`, `median_close_h`, `p90_close_h`
/// (hours from the report; empty where no incident reached the stage).
StatsTable incidentStatsTable(const IncidentStore& store, const IncidentFilter& filter, AreaLevel level);

/// Incidents per category following a filter: `category`, `count`, `open`, `overdue`, `overdue_limit_h`,
/// `ai_share`, then the median and p90 hours to dispatch, handle and close, one row per category of the store.
StatsTable categoryStatsTable(const IncidentStore& store, const IncidentFilter& filter);

/// Party coverage per area: `has_branch` (0/1), `branches`, `buildings`, `residential_buildings`,
/// `buildings_with_group`, `group_share`, `households`, `member_households`, `linked_households`, `link_share`.
StatsTable partyStatsTable(const PartyCoverage& coverage, AreaLevel level);

/// Service coverage per community and distance: `distance_m`, `group` (residents / elderly / children),
/// `people`, `covered`, `coverage`, `stations` (of the kind in the community), `mean_load` (daily visits per place).
StatsTable serviceStatsTable(const ServiceCoverage& coverage, std::span<const StationRecord> stations);

/// Station load: one row per station of the coverage's kind (`station_id`, `community_id`, `capacity`,
/// `daily_visits`, `load` = daily visits per place), in input order.
StatsTable stationLoadTable(const ServiceCoverage& coverage, std::span<const StationRecord> stations);

/// Camera coverage per grid: `open_m2`, `open_visible_m2`, `open_share`, `street_m`, `street_visible_m`,
/// `street_share`, `blind_spot` (0/1), `cameras`, `ai_detections` (camera-AI incidents of the grid's cameras,
/// when a store is given).
StatsTable cameraStatsTable(const CameraCoverage& coverage, std::span<const CameraRecord> cameras,
                            const VectorLayer& cameraLayer, const IncidentStore* store);

/// Hot spots of one week per grid: the week's count against the mean of the weeks before (`count`,
/// `expected`, `ratio`, `p_value`, `change` = 99 / 95 / 90 / 0 % confidence, `direction` up / down / same),
/// Getis-Ord Gi* of the week's counts (`gi_z`, `gi_p`, `hot_spot` = hot99 ... cold99 or "-"), and the grid's
/// most significant change of one category (`top_category`, `top_category_count`, `top_category_expected`,
/// `top_category_ratio`, `top_category_change`).
struct HotspotOptions
{
    std::int64_t weekStart = 0; ///< Unix seconds
    int weeksBefore = 4;
};
StatsTable hotspotStatsTable(const IncidentStore& store, const IncidentFilter& filter, const GridAdjacency& adjacency,
                             const HotspotOptions& options);

/// The tests behind a hot-spot table: the week's incidents (following the filter) against the weeksBefore weeks
/// before it, per grid and per grid and category (tallyChangeCounts, periodChanges, two-sided), over the grids given
/// (ids; incidents of other grids are left out). The hot-spot table and the weekly findings read the same tests.
struct WeekChanges
{
    std::vector<ChangeCounts> counts;     ///< per grid, in the order given
    std::vector<ChangeResult> grids;      ///< per grid, most significant first (periodChanges's order)
    std::vector<ChangeResult> categories; ///< per grid and category, most significant first
};
WeekChanges weekChanges(const IncidentStore& store, const IncidentFilter& filter, std::span<const std::int64_t> gridIds,
                        const HotspotOptions& options);

/// Recurring places: one row per place (`place`, `category`, `count`, `x`, `y`, `radius_m`, `first`, `last`).
StatsTable recurringStatsTable(const IncidentStore& store, const IncidentFilter& filter,
                               const RecurringOptions& options);

} // namespace citytwin::data
