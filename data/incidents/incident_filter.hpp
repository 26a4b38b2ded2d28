#pragma once

#include "data/incidents/incident_store.hpp"
#include "data/geo/polygon_index.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// Which incidents an analysis looks at. Every part that is set must hold (an empty list means "all").
/// Times are Unix seconds (UTC).
struct IncidentFilter
{
    std::optional<std::int64_t> from;    ///< reported at or after
    std::optional<std::int64_t> to;      ///< reported before
    std::vector<std::string> categories; ///< raw category codes ("street_vending")
    std::vector<std::string> sources;    ///< raw source codes ("camera_ai")
    std::vector<std::string> statuses;   ///< raw status codes ("closed")
    /// Only incidents overdue at asOf: closed later than their category's limit after the report, or still open
    /// at asOf and reported longer than the limit before it.
    bool overdueOnly = false;
    /// The moment open incidents are judged at (overdue, open); the current time when absent.
    std::optional<std::int64_t> asOf;
    /// Overdue limits in hours per category code, overriding the project's citytwin_incident_categories.
    std::map<std::string, double> overdueHours;
    std::vector<std::int64_t> gridIds;       ///< area: incidents of these grids
    std::optional<std::int64_t> communityId; ///< area: incidents of the grids of this community
    std::optional<Polygon> polygon;          ///< area: incidents inside this polygon (project CRS, PolygonIndex edges)

    /// Returns the filter as JSON text (times as ISO 8601 UTC), for citytwin_filters.definition.
    std::string toJson() const;
    /// Reads a filter written by toJson (times as ISO text or Unix seconds); an Error naming what is wrong.
    static Result<IncidentFilter> fromJson(const std::string& json);
};

/// A filter prepared against one store: codes turned into masks, grids into a lookup table and limits into seconds,
/// so that testing one incident costs a few nanoseconds. Keeps a reference to the store. Thread-safe to use.
class IncidentMatcher
{
public:
    IncidentMatcher(const IncidentStore& store, const IncidentFilter& filter);

    /// Returns true when incident i passes the whole filter.
    bool matches(std::size_t i) const
    {
        const IncidentColumns& c = *mColumns;
        const std::int64_t reported = c.reported[i];
        if (reported < mFrom || reported >= mTo)
            return false;
        if (!mCategories[c.category[i]] || !mSources[c.source[i]] || !mStatuses[c.status[i]])
            return false;
        if (mUseGrids && !mGrids[c.grid[i]])
            return false;
        if (mOverdueOnly && !overdue(i))
            return false;
        return !mPolygon || insidePolygon(i);
    }

    /// Returns true when incident i is overdue at asOf (whatever the rest of the filter says).
    bool overdue(std::size_t i) const
    {
        const IncidentColumns& c = *mColumns;
        const std::int64_t age = mAsOf - static_cast<std::int64_t>(c.reported[i]);
        const std::uint32_t toClose = c.toClose[i];
        const std::int64_t elapsed = toClose == IncidentStore::NotYet ? age : std::min<std::int64_t>(toClose, age);
        return elapsed > mLimits[c.category[i]];
    }

    /// Returns true when incident i is open at t: reported at or before t and not closed by t.
    bool openAt(std::size_t i, std::int64_t t) const
    {
        const IncidentColumns& c = *mColumns;
        const std::int64_t reported = c.reported[i];
        return reported <= t && (c.toClose[i] == IncidentStore::NotYet || reported + c.toClose[i] > t);
    }

    /// Returns the moment open incidents are judged at (the filter's asOf or the time of construction).
    std::int64_t asOf() const { return mAsOf; }
    /// Returns the overdue limit of a category code, in seconds.
    std::int64_t limitSeconds(std::uint8_t category) const { return mLimits[category]; }
    /// Returns true when no incident can match (an unknown category, grid or community was asked for).
    bool matchesNothing() const { return mNothing; }

private:
    bool insidePolygon(std::size_t i) const;

    const IncidentStore* mStore;
    const IncidentColumns* mColumns;
    std::int64_t mFrom = 0;
    std::int64_t mTo = 0;
    std::int64_t mAsOf = 0;
    std::array<bool, 256> mCategories{};
    std::array<bool, 256> mSources{};
    std::array<bool, 256> mStatuses{};
    std::array<std::int64_t, 256> mLimits{};
    std::vector<std::uint8_t> mGrids; ///< 1 for the grids of the area, indexed by grid index (NoIndex included)
    bool mUseGrids = false;
    bool mOverdueOnly = false;
    bool mNothing = false;
    std::optional<PolygonIndex> mPolygon;
};

/// Returns the indexes of the incidents that pass the filter, ascending.
std::vector<std::uint32_t> select(const IncidentStore& store, const IncidentFilter& filter);

} // namespace citytwin::data
