#pragma once

#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_store.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace citytwin::data
{

/// Aggregations over an IncidentStore, each following an IncidentFilter. Per-grid vectors are indexed like
/// IncidentCodes::gridIds, per-community ones like IncidentCodes::communityIds, per-category ones like
/// IncidentCodes::categories. A community's figures cover the incidents of its grids. Large stores are scanned by
/// two threads; every function is safe to call from several threads at once.

/// Incidents per area.
struct AreaCounts
{
    std::vector<std::uint32_t> perGrid;
    std::vector<std::uint32_t> perCommunity;
    std::uint32_t withoutGrid = 0; ///< matching incidents with no grid
    std::uint64_t total = 0;
};

/// Counts the matching incidents per grid and per community (the re-aggregation run on every filter change).
AreaCounts countByArea(const IncidentStore& store, const IncidentFilter& filter);

/// A grid and its count.
struct GridCount
{
    std::int64_t gridId = 0;
    std::uint32_t count = 0;
};

/// Returns the n grids with the most incidents, most first (ties: smaller grid id first); grids with none are left
/// out.
std::vector<GridCount> topGrids(const IncidentStore& store, const AreaCounts& counts, std::size_t n);

/// The spread of one lifecycle stage's durations, over the incidents that reached the stage.
struct DurationSummary
{
    std::uint32_t count = 0;                                       ///< incidents that reached the stage
    double medianHours = std::numeric_limits<double>::quiet_NaN(); ///< NaN when count is 0
    double p90Hours = std::numeric_limits<double>::quiet_NaN();    ///< 90th percentile; NaN when count is 0
};

/// Report -> dispatch, report -> handling and report -> closing, for one area.
struct LifecycleSummary
{
    std::uint32_t incidents = 0;
    DurationSummary toDispatch;
    DurationSummary toHandle;
    DurationSummary toClose;
};

struct LifecycleByArea
{
    LifecycleSummary overall;
    std::vector<LifecycleSummary> perGrid;
    std::vector<LifecycleSummary> perCommunity;
};

/// Returns the value at fraction p (0 ... 1) of the n values at values, interpolated linearly between the closest
/// ranks (spreadsheet PERCENTILE.INC, NumPy's default): p = 0.5 of 1, 2, 3, 4 is 2.5. Reorders the values
/// (nth_element); n must be above 0. The one percentile of every incident figure (lifecycle, briefing KPIs).
double percentile(std::uint32_t* values, std::size_t n, double p);

/// Summarises the lifecycle of the matching incidents overall, per grid and per community. Percentiles interpolate
/// linearly between the closest ranks (spreadsheet PERCENTILE.INC, NumPy's default): the median of 1, 2, 3, 4
/// hours is 2.5 h, the 90th percentile of 1 ... 10 hours 9.1 h.
LifecycleByArea lifecycle(const IncidentStore& store, const IncidentFilter& filter);

/// Open cases at one moment.
struct Backlog
{
    std::uint64_t total = 0;
    std::vector<std::uint32_t> perGrid;
    std::vector<std::uint32_t> perCommunity;
};

/// Counts the matching incidents open at t (Unix seconds): reported at or before t and not closed by t.
Backlog backlogAt(const IncidentStore& store, const IncidentFilter& filter, std::int64_t t);

/// Returns the overall backlog at start, start + step, ..., count moments in all (step in seconds, > 0).
std::vector<std::uint32_t> backlogSeries(const IncidentStore& store, const IncidentFilter& filter, std::int64_t start,
                                         std::int64_t step, std::size_t count);

/// Overdue incidents at the filter's asOf (see IncidentFilter::overdueOnly and IncidentMatcher::overdue).
struct OverdueCounts
{
    std::uint64_t total = 0;
    std::vector<std::uint32_t> perGrid;
    std::vector<std::uint32_t> perCommunity;
    std::vector<std::uint32_t> perCategory;
};

/// Counts the matching incidents that are overdue at the filter's asOf, against the per-category limits (the
/// project's, overridden by the filter's overdueHours).
OverdueCounts overdueCounts(const IncidentStore& store, const IncidentFilter& filter);

/// How many incidents, and how many of them found by camera AI.
struct ShareCounts
{
    std::vector<std::uint32_t> total;
    std::vector<std::uint32_t> ai;
    /// Returns ai / total for entry i, or NaN when total is 0.
    double share(std::size_t i) const;
};

struct AiShare
{
    std::uint64_t total = 0;
    std::uint64_t ai = 0;
    ShareCounts perGrid;
    ShareCounts perCategory;
};

/// Counts the matching incidents and those whose source is aiSource, per grid and per category.
AiShare cameraAiShare(const IncidentStore& store, const IncidentFilter& filter,
                      const std::string& aiSource = "camera_ai");

/// Counts the matching incidents per camera (indexed like IncidentCodes::cameraIds), e.g. AI detections per camera
/// with the filter's sources set to {"camera_ai"}.
std::vector<std::uint32_t> countPerCamera(const IncidentStore& store, const IncidentFilter& filter);

enum class TimeBucket
{
    Hour,
    Day,
    Week, ///< Monday to Sunday
};

enum class SeriesSplit
{
    None,     ///< one series, "all"
    Category, ///< one series per category code
    Source,   ///< one series per source code
};

/// Counts per time bucket, for charts.
struct TimeSeries
{
    std::int64_t start = 0;                         ///< Unix seconds at which bucket 0 starts
    std::int64_t bucketSeconds = 0;                 ///< 3600, 86400 or 604800
    std::vector<std::string> names;                 ///< one per series
    std::vector<std::vector<std::uint32_t>> counts; ///< [series][bucket]
};

/// Counts the matching incidents per bucket of report time. Buckets start at local midnight (and on Monday for
/// weeks) at utcOffsetMinutes east of UTC (China: 480); they cover the filter's [from, to) when both are set, else
/// the matching incidents' span.
TimeSeries timeSeries(const IncidentStore& store, const IncidentFilter& filter, TimeBucket bucket, SeriesSplit split,
                      int utcOffsetMinutes = 0);

/// A histogram over given bucket edges.
struct Histogram
{
    std::vector<double> edges;         ///< ascending
    std::vector<std::uint32_t> counts; ///< counts[i]: values in [edges[i], edges[i + 1])
    std::uint32_t below = 0;           ///< values under edges.front()
    std::uint32_t above = 0;           ///< values at or over edges.back()
};

/// The distribution of hours from report to closing over the matching closed incidents.
Histogram closeTimeHistogram(const IncidentStore& store, const IncidentFilter& filter,
                             const std::vector<double>& edgesHours);

} // namespace citytwin::data
