#pragma once

#include "data/analysis/hotspots.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/incidents/incident_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data
{

/// What a weekly finding says.
enum class FindingKind
{
    GridRise,      ///< all of a grid's incidents this week significantly above its weeks before
    CategoryRise,  ///< one category's incidents in a grid significantly above its weeks before
    BacklogGrowth, ///< a grid's overdue backlog at the week's end grew by the thresholds over the week
};

/// A significant change of one week in one grid: what a weekly briefing shows, with the numbers its sentence needs.
struct WeeklyFinding
{
    FindingKind kind = FindingKind::GridRise;
    /// -log10 of the finding's p-value (see weeklyFindings): 2 is p = 0.01, 3 is p = 0.001; larger is stronger.
    double strength = 0.0;
    std::int64_t gridId = 0;
    /// The grid's extent (project CRS metres), from the grids layer.
    Extent area;
    /// The category code ("street_vending") of a CategoryRise; empty otherwise.
    std::string category;
    /// Rises: incidents of the week. BacklogGrowth: overdue open cases at the week's end.
    std::int64_t current = 0;
    /// Rises: the weekly mean of the weeks before (before / weeksBefore). BacklogGrowth: the backlog a week before.
    double expected = 0.0;
    /// Rises: incidents of the weeks before in all. BacklogGrowth: the backlog a week before.
    std::int64_t before = 0;
    int weeksBefore = 0; ///< rises: the weeks compared against (see WeeklyFindingOptions); BacklogGrowth: 1
    double pValue = 1.0; ///< the test's p-value (strength = -log10 of it)
};

/// How weekly findings are chosen.
struct WeeklyFindingOptions
{
    /// The weeks a week is compared against (as `citytwin stats hotspots`: 4), fewer where the store's records
    /// begin later (whole weeks after its first report only; none: no rises).
    int weeksBefore = 4;
    /// The p-value a rise must reach (two-sided exact Poisson test and an increase): 0.01, the level at which the
    /// hot-spot statements speak of a category's rise (of a whole grid's change they speak from 0.05, but with 2,257
    /// grids that names a dozen or two grids by chance every week: on the sample, mostly 2 cases after none).
    double significance = 0.01;
    /// A backlog finding: the overdue backlog at the week's end at least this many cases above a week before ...
    std::int64_t backlogGrowth = 5;
    /// ... and at least this share above it (0.5: +50 %; a backlog from nothing always is).
    double backlogShare = 0.5;
    /// The most findings returned (the strongest); a briefing has room for a handful of stops.
    std::size_t maximum = 8;
};

/// Returns the Unix second the district-local week (Monday 00:00 to Monday 00:00, DistrictUtcOffsetMinutes) holding
/// t starts at: the weeks of `citytwin stats hotspots` and of weekly findings.
std::int64_t districtWeekStart(std::int64_t t);

/// The week's significant changes per grid, strongest first, at most options.maximum of them:
/// - GridRise: the grid's incidents of the week [weekStart, weekStart + 7 days) against its weekly mean over the
///   weeksBefore weeks before, the exact Poisson test of the hot-spot table (two-sided), up and at p <= significance;
/// - CategoryRise: the same test per grid and category, up and at p <= significance (every such category);
/// - BacklogGrowth: the grid's overdue backlog (cases open at the moment and reported longer than their category's
///   limit before it, as the briefing's overdue tile counts them) at weekStart + 7 days against weekStart, when it
///   grew by at least backlogGrowth cases and backlogShare.
///
/// Strength is -log10 p throughout, so one scale orders the kinds: the rises' p is their test's; a backlog's is the
/// one-sided exact Poisson test of its two counts (poissonRateTest, share 1/2, Increase). That test only ranks: the
/// two backlogs are not independent counts (a case open at both moments counts twice), so a backlog finding is
/// chosen by its thresholds, never by that p. Ties: kind (rises of the grid, of a category, then backlogs), then grid
/// id and category.
///
/// Falls in party, service or camera coverage are not findings: a project keeps only the present coverage, with no
/// history to compare a week against.
///
/// grids is the project's grids layer (ids from its `id` field; features without a numeric id are left out); its
/// features' extents are the findings' areas. Incidents of grids not in the layer are left out. Safe to call from
/// several threads at once (the store is only read).
std::vector<WeeklyFinding> weeklyFindings(const VectorLayer& grids, const IncidentStore& store, std::int64_t weekStart,
                                          const WeeklyFindingOptions& options = {});

/// The same, reading the project's grids layer; fails with the read error when the project has none.
Result<std::vector<WeeklyFinding>> weeklyFindings(const std::string& projectPath, const IncidentStore& store,
                                                  std::int64_t weekStart, const WeeklyFindingOptions& options = {});

} // namespace citytwin::data
