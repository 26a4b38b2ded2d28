#include "data/incidents/incident_filter.hpp"

#include "data/core/date_time.hpp"

#include <chrono>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

namespace citytwin::data
{
namespace
{
using Json = nlohmann::json;

/// The JSON format version written by toJson; fromJson refuses newer ones.
constexpr int FilterFormatVersion = 1;

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// The times a filter may hold, in Unix seconds: the years 1 to 9999, which toJson can write as ISO text and
/// fromJson read back (larger numbers do not fit the calendar, nor, as doubles, an int64).
constexpr std::int64_t EarliestTime = -62135596800; // 0001-01-01T00:00:00Z
constexpr std::int64_t LatestTime = 253402300799;   // 9999-12-31T23:59:59Z

/// Reads a time given as ISO text or Unix seconds; nothing when it is neither or lies outside the years 1 to 9999.
std::optional<std::int64_t> timeValue(const Json& value)
{
    std::optional<std::int64_t> seconds;
    if (value.is_number_unsigned())
    {
        if (value.get<std::uint64_t>() <= static_cast<std::uint64_t>(LatestTime))
            seconds = value.get<std::int64_t>();
    }
    else if (value.is_number_integer())
        seconds = value.get<std::int64_t>();
    else if (value.is_number())
    {
        // Compared as a double before the conversion: a double beyond int64's range must not be converted.
        const double floored = std::floor(value.get<double>());
        if (floored >= static_cast<double>(EarliestTime) && floored <= static_cast<double>(LatestTime))
            seconds = static_cast<std::int64_t>(floored);
    }
    else if (value.is_string())
        seconds = parseIncidentTime(value.get<std::string>());
    if (!seconds || *seconds < EarliestTime || *seconds > LatestTime)
        return std::nullopt;
    return seconds;
}

/// Sets mask entries for the codes named in list (all of them when the list is empty); false when none of a
/// non-empty list is known.
bool fillMask(std::array<bool, 256>& mask, const std::vector<std::string>& dictionary,
              const std::vector<std::string>& list)
{
    if (list.empty())
    {
        mask.fill(true);
        return true;
    }
    bool any = false;
    for (const std::string& code : list)
        if (auto index = IncidentCodes::find(dictionary, code))
        {
            mask[*index] = true;
            any = true;
        }
    return any;
}

Json polygonJson(const Polygon& polygon)
{
    Json rings = Json::array();
    for (const Ring& ring : polygon.rings)
    {
        Json points = Json::array();
        for (const Position& p : ring)
            points.push_back({p.x, p.y});
        rings.push_back(std::move(points));
    }
    return rings;
}

Result<Polygon> polygonFromJson(const Json& rings)
{
    Polygon polygon;
    if (!rings.is_array())
        return Error{ErrorCode::InvalidArgument, "area.polygon must be an array of rings"};
    for (const Json& ring : rings)
    {
        if (!ring.is_array())
            return Error{ErrorCode::InvalidArgument, "a polygon ring must be an array of [x, y] pairs"};
        Ring points;
        for (const Json& point : ring)
        {
            if (!point.is_array() || point.size() < 2 || !point[0].is_number() || !point[1].is_number())
                return Error{ErrorCode::InvalidArgument, "a polygon point must be [x, y]"};
            points.push_back({point[0].get<double>(), point[1].get<double>(), 0.0});
        }
        polygon.rings.push_back(std::move(points));
    }
    return polygon;
}

Result<std::vector<std::string>> stringList(const Json& object, const char* key)
{
    std::vector<std::string> list;
    if (!object.contains(key))
        return list;
    const Json& value = object.at(key);
    if (!value.is_array())
        return Error{ErrorCode::InvalidArgument, std::string(key) + " must be an array of codes"};
    for (const Json& item : value)
    {
        if (!item.is_string())
            return Error{ErrorCode::InvalidArgument, std::string(key) + " must be an array of codes"};
        list.push_back(item.get<std::string>());
    }
    return list;
}

Result<bool> readArea(const Json& area, IncidentFilter& filter)
{
    if (!area.is_object())
        return Error{ErrorCode::InvalidArgument, "area must be an object"};
    if (area.contains("grids"))
    {
        if (!area["grids"].is_array())
            return Error{ErrorCode::InvalidArgument, "area.grids must be an array of grid ids"};
        for (const Json& id : area["grids"])
        {
            if (!id.is_number_integer())
                return Error{ErrorCode::InvalidArgument, "area.grids must be an array of grid ids"};
            filter.gridIds.push_back(id.get<std::int64_t>());
        }
    }
    if (area.contains("community"))
    {
        if (!area["community"].is_number_integer())
            return Error{ErrorCode::InvalidArgument, "area.community must be a community id"};
        filter.communityId = area["community"].get<std::int64_t>();
    }
    if (area.contains("polygon"))
    {
        auto polygon = polygonFromJson(area["polygon"]);
        if (!polygon)
            return polygon.error();
        filter.polygon = std::move(polygon.value());
    }
    return true;
}

Result<bool> readTimes(const Json& root, IncidentFilter& filter)
{
    for (const auto& [key, target] :
         {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}, std::pair{"asOf", &filter.asOf}})
    {
        if (!root.contains(key) || root[key].is_null())
            continue;
        *target = timeValue(root[key]);
        if (!*target)
            return Error{ErrorCode::InvalidArgument,
                         std::string(key) + " is not a date-time (ISO text or Unix seconds, years 1 to 9999)"};
    }
    return true;
}
} // namespace

std::string IncidentFilter::toJson() const
{
    Json root = Json::object();
    root["version"] = FilterFormatVersion;
    if (from)
        root["from"] = formatUtc(*from);
    if (to)
        root["to"] = formatUtc(*to);
    if (asOf)
        root["asOf"] = formatUtc(*asOf);
    if (!categories.empty())
        root["categories"] = categories;
    if (!sources.empty())
        root["sources"] = sources;
    if (!statuses.empty())
        root["statuses"] = statuses;
    if (overdueOnly)
        root["overdueOnly"] = true;
    if (!overdueHours.empty())
        root["overdueHours"] = overdueHours;
    Json area = Json::object();
    if (!gridIds.empty())
        area["grids"] = gridIds;
    if (communityId)
        area["community"] = *communityId;
    if (polygon)
        area["polygon"] = polygonJson(*polygon);
    if (!area.empty())
        root["area"] = std::move(area);
    return root.dump();
}

Result<IncidentFilter> IncidentFilter::fromJson(const std::string& json)
{
    const Json root = Json::parse(json, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return Error{ErrorCode::InvalidArgument, "a filter must be a JSON object"};
    // Compared as a double: get<int>() would wrap a large version (4294967297) round to 1.
    if (root.contains("version") &&
        (!root["version"].is_number_integer() || root["version"].get<double>() > FilterFormatVersion))
        return Error{ErrorCode::InvalidArgument, "the filter was written by a newer CityTwin"};
    IncidentFilter filter;
    if (auto times = readTimes(root, filter); !times)
        return times.error();
    for (const auto& [key, target] : {std::pair{"categories", &filter.categories},
                                      std::pair{"sources", &filter.sources}, std::pair{"statuses", &filter.statuses}})
    {
        auto list = stringList(root, key);
        if (!list)
            return list.error();
        *target = std::move(list.value());
    }
    if (root.contains("overdueOnly"))
    {
        if (!root["overdueOnly"].is_boolean())
            return Error{ErrorCode::InvalidArgument, "overdueOnly must be true or false"};
        filter.overdueOnly = root["overdueOnly"].get<bool>();
    }
    if (root.contains("overdueHours"))
    {
        if (!root["overdueHours"].is_object())
            return Error{ErrorCode::InvalidArgument, "overdueHours must map category codes to hours"};
        for (const auto& [code, hours] : root["overdueHours"].items())
        {
            if (!hours.is_number())
                return Error{ErrorCode::InvalidArgument, "overdueHours must map category codes to hours"};
            filter.overdueHours[code] = hours.get<double>();
        }
    }
    if (root.contains("area"))
        if (auto area = readArea(root["area"], filter); !area)
            return area.error();
    return filter;
}

IncidentMatcher::IncidentMatcher(const IncidentStore& store, const IncidentFilter& filter)
    : mStore(&store), mColumns(&store.columns())
{
    const IncidentCodes& codes = store.codes();
    constexpr std::int64_t Unbounded = std::numeric_limits<std::int64_t>::max();
    mFrom = filter.from.value_or(std::numeric_limits<std::int64_t>::min());
    mTo = filter.to.value_or(Unbounded);
    mAsOf = filter.asOf.value_or(nowSeconds());
    bool known = fillMask(mCategories, codes.categories, filter.categories);
    known = fillMask(mSources, codes.sources, filter.sources) && known;
    known = fillMask(mStatuses, codes.statuses, filter.statuses) && known;
    mLimits.fill(72 * 3600);
    for (std::size_t c = 0; c < codes.categories.size(); ++c)
    {
        const auto overridden = filter.overdueHours.find(codes.categories[c]);
        const double hours = overridden != filter.overdueHours.end()
                                 ? overridden->second
                                 : (c < codes.overdueHours.size() ? codes.overdueHours[c] : 72.0);
        mLimits[c] = static_cast<std::int64_t>(std::llround(hours * 3600.0));
    }
    mOverdueOnly = filter.overdueOnly;
    mUseGrids = !filter.gridIds.empty() || filter.communityId.has_value();
    if (mUseGrids)
    {
        // Grid and community restrictions intersect: a grid must be listed (when a list is given) and belong to
        // the community (when one is given).
        mGrids.assign(std::size_t{IncidentStore::NoIndex} + 1, 1);
        mGrids[IncidentStore::NoIndex] = 0;
        for (std::size_t g = codes.gridIds.size(); g < IncidentStore::NoIndex; ++g)
            mGrids[g] = 0;
        if (!filter.gridIds.empty())
        {
            std::vector<std::uint8_t> listed(mGrids.size(), 0);
            for (std::int64_t id : filter.gridIds)
                if (auto index = codes.gridIndex(id))
                    listed[*index] = 1;
            for (std::size_t g = 0; g < mGrids.size(); ++g)
                mGrids[g] &= listed[g];
        }
        if (filter.communityId)
        {
            const auto community = codes.communityIndex(*filter.communityId);
            for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
                if (!community || codes.gridCommunity[g] != *community)
                    mGrids[g] = 0;
        }
        known = std::find(mGrids.begin(), mGrids.end(), 1) != mGrids.end() && known;
    }
    if (filter.polygon)
    {
        mPolygon.emplace();
        mPolygon->add(0, *filter.polygon);
        mPolygon->build();
        known = !mPolygon->empty() && known;
    }
    mNothing = !known || mFrom >= mTo;
}

bool IncidentMatcher::insidePolygon(std::size_t i) const
{
    const Position p = mStore->position(i);
    // Incidents without a position (NaN) are in no polygon.
    return std::isfinite(p.x) && std::isfinite(p.y) && mPolygon->find(p.x, p.y).has_value();
}

std::vector<std::uint32_t> select(const IncidentStore& store, const IncidentFilter& filter)
{
    std::vector<std::uint32_t> indexes;
    const IncidentMatcher matcher(store, filter);
    if (matcher.matchesNothing())
        return indexes;
    for (std::size_t i = 0; i < store.size(); ++i)
        if (matcher.matches(i))
            indexes.push_back(static_cast<std::uint32_t>(i));
    return indexes;
}

} // namespace citytwin::data
