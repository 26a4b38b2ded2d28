#include "data/analysis/analysis_tables.hpp"

#include "data/core/date_time.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace citytwin::data
{
namespace
{
using Value = StatsTable::Value;

/// The lifecycle columns of a row: median and p90 hours to dispatch, handle and close (empty when none reached).
void appendLifecycle(std::vector<Value>& row, const LifecycleSummary& life)
{
    for (const DurationSummary* stage : {&life.toDispatch, &life.toHandle, &life.toClose})
    {
        row.push_back(numberOrEmpty(stage->medianHours));
        row.push_back(numberOrEmpty(stage->p90Hours));
    }
}

/// A confidence level as the number written in tables: 99, 95, 90 or 0.
std::int64_t confidenceNumber(Confidence level)
{
    switch (level)
    {
    case Confidence::Percent99:
        return 99;
    case Confidence::Percent95:
        return 95;
    case Confidence::Percent90:
        return 90;
    case Confidence::None:
        break;
    }
    return 0;
}

const char* directionText(ChangeDirection direction)
{
    switch (direction)
    {
    case ChangeDirection::Up:
        return "up";
    case ChangeDirection::Down:
        return "down";
    case ChangeDirection::Same:
        break;
    }
    return "same";
}

const char* hotSpotText(HotSpotClass value)
{
    switch (value)
    {
    case HotSpotClass::Hot99:
        return "hot99";
    case HotSpotClass::Hot95:
        return "hot95";
    case HotSpotClass::Hot90:
        return "hot90";
    case HotSpotClass::Cold90:
        return "cold90";
    case HotSpotClass::Cold95:
        return "cold95";
    case HotSpotClass::Cold99:
        return "cold99";
    case HotSpotClass::NotSignificant:
        break;
    }
    return "-";
}

std::int64_t integerField(const Feature& feature, int field)
{
    std::int64_t value = -1;
    if (field >= 0)
    {
        const std::string& text = feature.values.at(static_cast<std::size_t>(field));
        std::from_chars(text.data(), text.data() + text.size(), value);
    }
    return value;
}

int fieldIndex(const VectorLayer& layer, const std::string& name)
{
    const auto found = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), name);
    return found == layer.fieldNames.end() ? -1 : static_cast<int>(found - layer.fieldNames.begin());
}
} // namespace

const char* areaIdColumn(AreaLevel level)
{
    return level == AreaLevel::Grid ? "grid_id" : "community_id";
}

StatsTable incidentStatsTable(const IncidentStore& store, const IncidentFilter& filter, AreaLevel level)
{
    const IncidentCodes& codes = store.codes();
    const bool grids = level == AreaLevel::Grid;
    const AreaCounts counts = countByArea(store, filter);
    const LifecycleByArea cycle = lifecycle(store, filter);
    const OverdueCounts overdue = overdueCounts(store, filter);
    const std::int64_t asOf = IncidentMatcher(store, filter).asOf();
    const Backlog open = backlogAt(store, filter, asOf);
    const AiShare ai = cameraAiShare(store, filter);

    // AI share per community from the per-grid counts.
    std::vector<std::uint64_t> aiTotal(codes.communityIds.size()), aiFound(codes.communityIds.size());
    if (!grids)
        for (std::size_t g = 0; g < codes.gridIds.size() && g < ai.perGrid.total.size(); ++g)
            if (g < codes.gridCommunity.size() && codes.gridCommunity[g] != IncidentStore::NoIndex)
            {
                aiTotal[codes.gridCommunity[g]] += ai.perGrid.total[g];
                aiFound[codes.gridCommunity[g]] += ai.perGrid.ai[g];
            }

    StatsTable table;
    table.columns = {
        areaIdColumn(level), "count",           "open",         "overdue",        "ai_share",   "median_dispatch_h",
        "p90_dispatch_h",    "median_handle_h", "p90_handle_h", "median_close_h", "p90_close_h"};
    const std::vector<std::int64_t>& ids = grids ? codes.gridIds : codes.communityIds;
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        const LifecycleSummary& life = grids ? cycle.perGrid.at(i) : cycle.perCommunity.at(i);
        const double aiShare =
            grids ? ai.perGrid.share(i) : (aiTotal[i] ? static_cast<double>(aiFound[i]) / aiTotal[i] : std::nan(""));
        std::vector<Value> row{ids[i],
                               static_cast<std::int64_t>(grids ? counts.perGrid.at(i) : counts.perCommunity.at(i)),
                               static_cast<std::int64_t>(grids ? open.perGrid.at(i) : open.perCommunity.at(i)),
                               static_cast<std::int64_t>(grids ? overdue.perGrid.at(i) : overdue.perCommunity.at(i)),
                               numberOrEmpty(aiShare)};
        appendLifecycle(row, life);
        table.rows.push_back(std::move(row));
    }
    return table;
}

StatsTable categoryStatsTable(const IncidentStore& store, const IncidentFilter& filter)
{
    const IncidentCodes& codes = store.codes();
    const OverdueCounts overdue = overdueCounts(store, filter);
    const AiShare ai = cameraAiShare(store, filter);
    const IncidentMatcher matcher(store, filter);
    StatsTable table;
    table.columns = {"category",          "count",           "open",
                     "overdue",           "overdue_limit_h", "ai_share",
                     "median_dispatch_h", "p90_dispatch_h",  "median_handle_h",
                     "p90_handle_h",      "median_close_h",  "p90_close_h"};
    for (std::size_t c = 0; c < codes.categories.size(); ++c)
    {
        // The filter narrowed to this category (none when the filter leaves it out).
        if (!filter.categories.empty() && std::find(filter.categories.begin(), filter.categories.end(),
                                                    codes.categories[c]) == filter.categories.end())
            continue;
        IncidentFilter one = filter;
        one.categories = {codes.categories[c]};
        const LifecycleSummary life = lifecycle(store, one).overall;
        const std::int64_t open = static_cast<std::int64_t>(backlogAt(store, one, matcher.asOf()).total);
        std::vector<Value> row{codes.categories[c],
                               static_cast<std::int64_t>(life.incidents),
                               open,
                               static_cast<std::int64_t>(overdue.perCategory.at(c)),
                               static_cast<double>(matcher.limitSeconds(static_cast<std::uint8_t>(c))) / 3600.0,
                               numberOrEmpty(ai.perCategory.share(c))};
        appendLifecycle(row, life);
        table.rows.push_back(std::move(row));
    }
    return table;
}

StatsTable partyStatsTable(const PartyCoverage& coverage, AreaLevel level)
{
    StatsTable table;
    table.columns = {areaIdColumn(level),     "has_branch",           "branches",    "buildings",
                     "residential_buildings", "buildings_with_group", "group_share", "households",
                     "member_households",     "linked_households",    "link_share"};
    for (const PartyCoverageRow& row : level == AreaLevel::Grid ? coverage.grids : coverage.communities)
        table.rows.push_back({row.id, std::int64_t(row.hasBranch() ? 1 : 0), std::int64_t(row.branches),
                              std::int64_t(row.buildings), std::int64_t(row.residentialBuildings),
                              std::int64_t(row.residentialWithGroup), row.groupShare, row.households,
                              std::int64_t(row.memberHouseholds), row.linkedHouseholds, row.linkShare});
    return table;
}

StatsTable serviceStatsTable(const ServiceCoverage& coverage, std::span<const StationRecord> stations)
{
    const char* group = coverage.group == TargetGroup::Elderly    ? "elderly"
                        : coverage.group == TargetGroup::Children ? "children"
                                                                  : "residents";
    std::map<std::int64_t, std::int64_t> stationsIn;
    std::map<std::int64_t, std::pair<double, int>> loadIn;
    std::map<std::int64_t, double> loadOf;
    for (const StationLoad& load : coverage.loads)
        loadOf[load.id] = load.load;
    for (const StationRecord& station : stations)
        if (coverage.kind.empty() || station.kind == coverage.kind)
        {
            ++stationsIn[station.communityId];
            const double load = loadOf.count(station.id) ? loadOf[station.id] : std::nan("");
            if (std::isfinite(load))
            {
                loadIn[station.communityId].first += load;
                ++loadIn[station.communityId].second;
            }
        }
    StatsTable table;
    table.columns = {"community_id", "distance_m", "group", "people", "covered", "coverage", "stations", "mean_load"};
    for (const ServiceLevel& level : coverage.levels)
        for (const CoverageShare& row : level.communities)
        {
            const auto load = loadIn.find(row.id);
            table.rows.push_back({row.id, level.distance, std::string(group), row.people, row.covered, row.share,
                                  stationsIn[row.id],
                                  load == loadIn.end() ? Value() : Value(load->second.first / load->second.second)});
        }
    return table;
}

StatsTable stationLoadTable(const ServiceCoverage& coverage, std::span<const StationRecord> stations)
{
    std::map<std::int64_t, std::int64_t> communityOf;
    for (const StationRecord& station : stations)
        communityOf[station.id] = station.communityId;
    StatsTable table;
    table.columns = {"station_id", "community_id", "capacity", "daily_visits", "load"};
    for (const StationLoad& load : coverage.loads)
        table.rows.push_back(
            {load.id, communityOf[load.id], load.capacity, load.dailyVisits, numberOrEmpty(load.load)});
    return table;
}

StatsTable cameraStatsTable(const CameraCoverage& coverage, std::span<const CameraRecord> cameras,
                            const VectorLayer& cameraLayer, const IncidentStore* store)
{
    // Cameras per grid (the cameras layer's grid_id), and camera-AI detections per grid's cameras.
    const int gridField = fieldIndex(cameraLayer, schema::cameras::GridId);
    std::map<std::int64_t, std::int64_t> cameraGrid, camerasIn, detectionsIn;
    for (std::size_t i = 0; i < cameraLayer.features.size() && i < cameras.size(); ++i)
    {
        const std::int64_t grid = integerField(cameraLayer.features[i], gridField);
        cameraGrid[cameras[i].id] = grid;
        ++camerasIn[grid];
    }
    if (store)
    {
        IncidentFilter aiOnly;
        aiOnly.sources = {"camera_ai"};
        const std::vector<std::uint32_t> perCamera = countPerCamera(*store, aiOnly);
        for (std::size_t c = 0; c < perCamera.size() && c < store->codes().cameraIds.size(); ++c)
            if (const auto grid = cameraGrid.find(store->codes().cameraIds[c]); grid != cameraGrid.end())
                detectionsIn[grid->second] += perCamera[c];
    }
    std::vector<std::int64_t> blind = coverage.blindSpotGrids;
    std::sort(blind.begin(), blind.end());
    StatsTable table;
    table.columns = {"grid_id",          "open_m2",      "open_visible_m2", "open_share", "street_m",
                     "street_visible_m", "street_share", "blind_spot",      "cameras",    "ai_detections"};
    std::vector<GridViewShare> grids = coverage.grids;
    std::sort(grids.begin(), grids.end(), [](const auto& a, const auto& b) { return a.gridId < b.gridId; });
    for (const GridViewShare& grid : grids)
        table.rows.push_back({grid.gridId, grid.openArea, grid.visibleOpenArea, grid.openShare, grid.streetLength,
                              grid.visibleStreetLength, grid.streetShare,
                              std::int64_t(std::binary_search(blind.begin(), blind.end(), grid.gridId) ? 1 : 0),
                              camerasIn[grid.gridId], store ? Value(detectionsIn[grid.gridId]) : Value()});
    return table;
}

WeekChanges weekChanges(const IncidentStore& store, const IncidentFilter& filter, std::span<const std::int64_t> gridIds,
                        const HotspotOptions& options)
{
    constexpr std::int64_t Week = 7 * 24 * 3600;
    const IncidentCodes& codes = store.codes();
    const IncidentColumns& columns = store.columns();
    const std::int64_t start = options.weekStart - options.weeksBefore * Week;
    const std::int64_t end = options.weekStart + Week;

    // Matching incidents of the weeks looked at, by area (the grids given).
    IncidentFilter weeks = filter;
    weeks.from = std::max(start, filter.from.value_or(start));
    weeks.to = std::min(end, filter.to.value_or(end));
    std::map<std::int64_t, std::int32_t> areaOf;
    for (std::size_t a = 0; a < gridIds.size(); ++a)
        areaOf[gridIds[a]] = static_cast<std::int32_t>(a);
    std::vector<std::int32_t> areaOfGrid(codes.gridIds.size(), -1);
    for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
        if (const auto found = areaOf.find(codes.gridIds[g]); found != areaOf.end())
            areaOfGrid[g] = found->second;
    const std::vector<std::uint32_t> chosen = select(store, weeks);
    std::vector<std::int32_t> area(chosen.size());
    std::vector<std::int64_t> times(chosen.size());
    std::vector<std::uint8_t> categories(chosen.size());
    for (std::size_t k = 0; k < chosen.size(); ++k)
    {
        const std::uint32_t i = chosen[k];
        area[k] = columns.grid[i] == IncidentStore::NoIndex ? -1 : areaOfGrid[columns.grid[i]];
        times[k] = columns.reported[i];
        categories[k] = columns.category[i];
    }

    WeekChanges week;
    week.counts =
        tallyChangeCounts(gridIds, area, times, categories, options.weekStart, Week, options.weeksBefore, false);
    const std::vector<ChangeCounts> perCategory =
        tallyChangeCounts(gridIds, area, times, categories, options.weekStart, Week, options.weeksBefore, true);
    ChangeOptions changeOptions;
    changeOptions.beforePeriods = options.weeksBefore;
    week.grids = periodChanges(week.counts, changeOptions);
    week.categories = periodChanges(perCategory, changeOptions);
    return week;
}

StatsTable hotspotStatsTable(const IncidentStore& store, const IncidentFilter& filter, const GridAdjacency& adjacency,
                             const HotspotOptions& options)
{
    const IncidentCodes& codes = store.codes();
    const WeekChanges week = weekChanges(store, filter, adjacency.ids, options);
    const std::vector<ChangeCounts>& all = week.counts;
    const std::vector<ChangeResult>& changes = week.grids;
    const std::vector<ChangeResult>& categoryChanges = week.categories;
    std::map<std::int64_t, std::int32_t> areaOf;
    for (std::size_t a = 0; a < adjacency.ids.size(); ++a)
        areaOf[adjacency.ids[a]] = static_cast<std::int32_t>(a);

    std::vector<double> weekCounts(adjacency.size(), 0.0);
    std::map<std::int64_t, const ChangeResult*> changeOf, topCategoryOf;
    for (const ChangeResult& change : changes)
        changeOf[change.areaId] = &change;
    for (const ChangeCounts& count : all)
        if (const auto found = areaOf.find(count.areaId); found != areaOf.end())
            weekCounts[found->second] = static_cast<double>(count.current);
    // periodChanges sorts the most significant first: the first change met per grid is its top one (increases).
    for (const ChangeResult& change : categoryChanges)
        if (change.level != Confidence::None && change.direction == ChangeDirection::Up)
            topCategoryOf.emplace(change.areaId, &change);
    const std::vector<GiStar> gi = getisOrdGiStar(weekCounts, adjacency);

    StatsTable table;
    table.columns = {"grid_id",
                     "count",
                     "expected",
                     "ratio",
                     "p_value",
                     "change",
                     "direction",
                     "gi_z",
                     "gi_p",
                     "hot_spot",
                     "top_category",
                     "top_category_count",
                     "top_category_expected",
                     "top_category_ratio",
                     "top_category_change"};
    for (std::size_t a = 0; a < adjacency.size(); ++a)
    {
        const std::int64_t id = adjacency.ids[a];
        std::vector<Value> row{id};
        if (const auto found = changeOf.find(id); found != changeOf.end())
        {
            const ChangeResult& c = *found->second;
            row.insert(row.end(), {c.current, c.expected, numberOrEmpty(c.ratio), c.pValue, confidenceNumber(c.level),
                                   std::string(directionText(c.direction))});
        }
        else
            row.insert(row.end(), {std::int64_t(0), 0.0, Value(), 1.0, std::int64_t(0), std::string("same")});
        row.insert(row.end(),
                   {numberOrEmpty(gi[a].z), numberOrEmpty(gi[a].pValue), std::string(hotSpotText(gi[a].hotSpotClass))});
        if (const auto top = topCategoryOf.find(id); top != topCategoryOf.end())
        {
            const ChangeResult& c = *top->second;
            row.insert(row.end(), {codes.categories.at(static_cast<std::size_t>(c.category)), c.current, c.expected,
                                   numberOrEmpty(c.ratio), confidenceNumber(c.level)});
        }
        else
            row.insert(row.end(), {Value(), Value(), Value(), Value(), Value()});
        table.rows.push_back(std::move(row));
    }
    return table;
}

StatsTable recurringStatsTable(const IncidentStore& store, const IncidentFilter& filter,
                               const RecurringOptions& options)
{
    const IncidentColumns& columns = store.columns();
    const std::vector<std::uint32_t> chosen = select(store, filter);
    std::vector<float> x(chosen.size()), y(chosen.size());
    std::vector<std::int64_t> times(chosen.size());
    std::vector<std::uint8_t> categories(chosen.size());
    for (std::size_t k = 0; k < chosen.size(); ++k)
    {
        x[k] = columns.x[chosen[k]];
        y[k] = columns.y[chosen[k]];
        times[k] = columns.reported[chosen[k]];
        categories[k] = columns.category[chosen[k]];
    }
    const RecurringPlaces places =
        recurringPlaces(std::span<const float>(x), std::span<const float>(y), times, categories, options);
    StatsTable table;
    table.columns = {"place", "category", "count", "x", "y", "radius_m", "first", "last"};
    for (std::size_t p = 0; p < places.places.size(); ++p)
    {
        const RecurringPlace& place = places.places[p];
        table.rows.push_back({static_cast<std::int64_t>(p + 1), store.codes().categories.at(place.category),
                              static_cast<std::int64_t>(place.count), place.centerX + store.origin().x,
                              place.centerY + store.origin().y, place.radius, isoUtc(place.firstTime),
                              isoUtc(place.lastTime)});
    }
    return table;
}

} // namespace citytwin::data
