#pragma once

#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_store.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// A figure and the same figure for the period before (NaN when it cannot be computed, e.g. a share of nothing).
struct KpiValue
{
    double value = std::numeric_limits<double>::quiet_NaN();
    double previous = std::numeric_limits<double>::quiet_NaN();
};

/// The key figures of a briefing's KPI tiles at one reference moment, each with its value for the period before.
/// Reports count up to and including asOf; when asOf is a filter's `to`, that bound stays exclusive as everywhere
/// (reports before it), and a `to` at local midnight makes the day that ends there "today". Days are district-local
/// (DistrictUtcOffsetMinutes). Every "previous" is the same figure at asOf - 7 days (incidentsToday: at asOf - 1
/// day), so a week-old figure is what the tile showed a week ago, give or take incidents closed since.
struct BriefingKpis
{
    std::int64_t asOf = 0;   ///< the reference moment (Unix s)
    KpiValue incidentsToday; ///< reported on asOf's district-local day up to asOf; previous: the day before, same hours
    KpiValue incidentsWeek;  ///< reported in the 7 days ending at asOf; previous: the 7 days before
    /// Of the week's incidents that are closed by asOf, the share closed within their category's overdue limit (0..1).
    KpiValue closedOnTimeShare;
    KpiValue medianHoursToClose; ///< median report -> close hours of the week's incidents closed by asOf
    /// Incidents overdue at asOf: open at asOf and reported longer than their category's limit before it (an
    /// incident exactly at its limit is not overdue yet); previous: the same at asOf - 7 days.
    KpiValue overdueNow;
    KpiValue cameraAiShare;                 ///< share of the week's incidents whose source is "camera_ai"
    std::vector<std::uint32_t> dailyCounts; ///< the 30 district-local days ending with asOf's day, oldest first
    std::int64_t firstDay = 0;              ///< Unix s of the start (local midnight) of dailyCounts[0]
};

/// The latest report time in the store (Unix s), or nothing when it is empty.
std::optional<std::int64_t> latestReport(const IncidentStore& store);

/// Computes the KPIs at asOf (the filter's `to` when set, else the given asOf, else latestReport, else now). The
/// filter's categories, sources, statuses, area parts and overdue limits apply to every period; its `from`,
/// `asOf` and `overdueOnly` are ignored. One pass over the store (plus one for latestReport when it decides asOf):
/// about 10 ms per million incidents. Safe to call from several threads at once.
BriefingKpis briefingKpis(const IncidentStore& store, const IncidentFilter& filter,
                          std::optional<std::int64_t> asOf = {});

/// Privacy at briefing scale: returns a count from 1 to minimum - 1 as "<minimum" ("<5"), else the number ("0",
/// "5", "12").
std::string privateCount(std::uint64_t count, int minimum = 5);

} // namespace citytwin::data
