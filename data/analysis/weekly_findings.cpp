#include "data/analysis/weekly_findings.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/analysis/analysis_tables.hpp"
#include "data/core/date_time.hpp"
#include "data/core/field_values.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace citytwin::data
{
namespace
{
constexpr std::int64_t Day = 86400;
constexpr std::int64_t Week = 7 * Day;
/// -log10 of the smallest p-value poissonRateTest keeps (smaller ones come back as 0): the strength of a p of 0.
constexpr double StrongestEvidence = 300.0;

double strengthOf(double pValue)
{
    return pValue > 0.0 ? std::min(-std::log10(pValue), StrongestEvidence) : StrongestEvidence;
}

/// The grids of the layer with a numeric id: ids and extents, in feature order.
struct GridAreas
{
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, Extent> extentOf;
};

GridAreas gridAreas(const VectorLayer& grids)
{
    GridAreas areas;
    const std::vector<double> ids = numericValues(grids, schema::grids::Id);
    for (std::size_t f = 0; f < grids.features.size(); ++f)
    {
        if (!std::isfinite(ids[f]))
            continue;
        const auto id = static_cast<std::int64_t>(ids[f]);
        Extent extent;
        for (const Polygon& polygon : grids.features[f].polygons)
            for (const Ring& ring : polygon.rings)
                for (const Position& p : ring)
                    extent.include(p.x, p.y);
        if (areas.extentOf.emplace(id, extent).second)
            areas.ids.push_back(id);
    }
    return areas;
}

/// Per store grid index: the overdue backlog at t (open at t and reported longer than the category's limit before
/// t), as the briefing's overdue tile counts it district-wide.
std::vector<std::uint32_t> overdueBacklogAt(const IncidentStore& store, std::int64_t t)
{
    IncidentFilter filter;
    filter.asOf = t;
    const IncidentMatcher matcher(store, filter);
    const IncidentColumns& columns = store.columns();
    std::vector<std::uint32_t> perGrid(store.codes().gridIds.size(), 0);
    for (std::size_t i = 0; i < store.size(); ++i)
    {
        const std::uint16_t grid = columns.grid[i];
        if (grid == IncidentStore::NoIndex || !matcher.openAt(i, t))
            continue;
        if (t - static_cast<std::int64_t>(columns.reported[i]) > matcher.limitSeconds(columns.category[i]))
            ++perGrid[grid];
    }
    return perGrid;
}

/// The weeks before weekStart to compare against: at most `wanted`, and only whole weeks after the store's first
/// report, so that the weeks before a project's records begin do not pass for quiet weeks (every grid would rise in
/// the first weeks of the records). 0 when there is not one such week.
int weeksOfData(const IncidentStore& store, std::int64_t weekStart, int wanted)
{
    const auto& reported = store.columns().reported;
    if (reported.empty())
        return 0;
    const std::int64_t first = *std::min_element(reported.begin(), reported.end());
    if (first >= weekStart)
        return 0;
    return static_cast<int>(std::min<std::int64_t>(wanted, (weekStart - first) / Week));
}

void addRises(const WeekChanges& week, const GridAreas& areas, const IncidentStore& store, int weeksBefore,
              const WeeklyFindingOptions& options, std::vector<WeeklyFinding>& findings)
{
    const auto passes = [&options](const ChangeResult& change)
    { return change.direction == ChangeDirection::Up && change.pValue <= options.significance; };
    for (const auto* changes : {&week.grids, &week.categories})
        for (const ChangeResult& change : *changes)
        {
            if (!passes(change))
                continue;
            WeeklyFinding finding;
            finding.kind = change.category < 0 ? FindingKind::GridRise : FindingKind::CategoryRise;
            finding.strength = strengthOf(change.pValue);
            finding.gridId = change.areaId;
            finding.area = areas.extentOf.at(change.areaId);
            if (change.category >= 0)
                finding.category = store.codes().categories.at(static_cast<std::size_t>(change.category));
            finding.current = change.current;
            finding.expected = change.expected;
            finding.before = change.before;
            finding.weeksBefore = weeksBefore;
            finding.pValue = change.pValue;
            findings.push_back(std::move(finding));
        }
}

void addBacklogs(const IncidentStore& store, const GridAreas& areas, std::int64_t weekStart,
                 const WeeklyFindingOptions& options, std::vector<WeeklyFinding>& findings)
{
    const std::vector<std::uint32_t> atStart = overdueBacklogAt(store, weekStart);
    const std::vector<std::uint32_t> atEnd = overdueBacklogAt(store, weekStart + Week);
    const IncidentCodes& codes = store.codes();
    for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
    {
        const auto found = areas.extentOf.find(codes.gridIds[g]);
        const std::int64_t now = atEnd[g], before = atStart[g];
        if (found == areas.extentOf.end() || now - before < options.backlogGrowth ||
            static_cast<double>(now) < (1.0 + options.backlogShare) * static_cast<double>(before))
            continue;
        WeeklyFinding finding;
        finding.kind = FindingKind::BacklogGrowth;
        finding.pValue = poissonRateTest(now, before, 0.5, ChangeTest::Increase);
        finding.strength = strengthOf(finding.pValue);
        finding.gridId = codes.gridIds[g];
        finding.area = found->second;
        finding.current = now;
        finding.expected = static_cast<double>(before);
        finding.before = before;
        finding.weeksBefore = 1;
        findings.push_back(std::move(finding));
    }
}
} // namespace

std::int64_t districtWeekStart(std::int64_t t)
{
    // Whole local days since the epoch, rounded down (also before 1970); 1970-01-01 was a Thursday, so Monday is
    // three days after a multiple of seven.
    const std::int64_t local = t + DistrictUtcOffsetMinutes * 60;
    const std::int64_t day = local >= 0 ? local / Day : (local - Day + 1) / Day;
    const std::int64_t sinceMonday = ((day + 3) % 7 + 7) % 7;
    return (day - sinceMonday) * Day - DistrictUtcOffsetMinutes * 60;
}

std::vector<WeeklyFinding> weeklyFindings(const VectorLayer& grids, const IncidentStore& store, std::int64_t weekStart,
                                          const WeeklyFindingOptions& options)
{
    const GridAreas areas = gridAreas(grids);
    std::vector<WeeklyFinding> findings;
    HotspotOptions week;
    week.weekStart = weekStart;
    week.weeksBefore = weeksOfData(store, weekStart, options.weeksBefore);
    if (week.weeksBefore > 0)
        addRises(weekChanges(store, IncidentFilter{}, areas.ids, week), areas, store, week.weeksBefore, options,
                 findings);
    addBacklogs(store, areas, weekStart, options, findings);
    std::sort(findings.begin(), findings.end(),
              [](const WeeklyFinding& a, const WeeklyFinding& b) {
                  return std::tie(b.strength, a.kind, a.gridId, a.category) <
                         std::tie(a.strength, b.kind, b.gridId, b.category);
              });
    if (findings.size() > options.maximum)
        findings.resize(options.maximum);
    return findings;
}

Result<std::vector<WeeklyFinding>> weeklyFindings(const std::string& projectPath, const IncidentStore& store,
                                                  std::int64_t weekStart, const WeeklyFindingOptions& options)
{
    auto grids = readProjectLayer(projectPath, schema::grids::Table);
    if (!grids)
        return grids.error();
    return weeklyFindings(grids.value(), store, weekStart, options);
}

} // namespace citytwin::data
