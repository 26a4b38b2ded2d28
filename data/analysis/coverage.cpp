#include "data/analysis/coverage.hpp"

#include "data/core/field_values.hpp"
#include "data/geo/planar_geometry.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace citytwin::data
{
namespace
{
bool hasField(const VectorLayer& layer, const std::string& field)
{
    return std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field) != layer.fieldNames.end();
}

Error missingField(const VectorLayer& layer, const std::string& field)
{
    return Error{ErrorCode::InvalidArgument, "layer '" + layer.name + "' has no field '" + field + "'",
                 layer.sourcePath};
}

/// The integer value of a number read by numericValues(), or fallback for NaN.
std::int64_t toInteger(double value, std::int64_t fallback)
{
    return std::isfinite(value) ? static_cast<std::int64_t>(std::llround(value)) : fallback;
}

/// Area-weighted centroid and area of a feature's polygons (holes subtracted whatever their orientation);
/// the mean vertex for degenerate footprints and the first point for points.
void centroidOf(const Feature& feature, double& x, double& y, double& area)
{
    RingSums total; // the rings' sums, holes subtracted
    double meanX = 0.0, meanY = 0.0;
    std::size_t vertices = 0;
    // Coordinates are relative to the first vertex: 4.4e6 m northings squared would lose centimetres.
    double originX = 0.0, originY = 0.0;
    bool haveOrigin = false;
    for (const Polygon& polygon : feature.polygons)
        for (std::size_t r = 0; r < polygon.rings.size(); ++r)
        {
            const Ring& ring = polygon.rings[r];
            if (ring.empty())
                continue;
            if (!haveOrigin)
            {
                originX = ring.front().x;
                originY = ring.front().y;
                haveOrigin = true;
            }
            const RingSums sums = ringSums(ring, originX, originY);
            for (const Position& p : ring)
            {
                meanX += p.x - originX;
                meanY += p.y - originY;
            }
            vertices += ring.size();
            // The outer ring counts positive, holes negative, whichever way they wind.
            const double sign = ((sums.twiceArea >= 0.0) == (r == 0)) ? 1.0 : -1.0;
            total.twiceArea += sign * sums.twiceArea;
            total.momentX += sign * sums.momentX;
            total.momentY += sign * sums.momentY;
        }
    area = 0.5 * std::abs(total.twiceArea);
    if (std::abs(total.twiceArea) > 1e-9)
    {
        const Position center = total.centroid(originX, originY);
        x = center.x;
        y = center.y;
    }
    else if (vertices > 0)
    {
        x = originX + meanX / static_cast<double>(vertices);
        y = originY + meanY / static_cast<double>(vertices);
    }
    else if (!feature.points.empty())
    {
        x = feature.points.front().x;
        y = feature.points.front().y;
    }
}

PartyLevel parseLevel(const std::string& text)
{
    if (text == "committee")
        return PartyLevel::Committee;
    if (text == "branch")
        return PartyLevel::Branch;
    if (text == "group")
        return PartyLevel::Group;
    if (text == "member" || text == "household")
        return PartyLevel::Member;
    return PartyLevel::Unknown;
}

/// A uniform bucket grid over points, stored compactly (bucket starts + points sorted by bucket).
class PointHash
{
public:
    PointHash(std::span<const double> xs, std::span<const double> ys, double cellSize)
    {
        Extent extent;
        for (std::size_t i = 0; i < xs.size(); ++i)
            extent.include(xs[i], ys[i]);
        if (!extent.isValid())
            return;
        mMinX = extent.minX;
        mMinY = extent.minY;
        // Never more than about four buckets per point, whatever the cell size asked.
        const double area = (extent.maxX - extent.minX + 1.0) * (extent.maxY - extent.minY + 1.0);
        mCellSize = std::max({cellSize, 1e-3, std::sqrt(area / (4.0 * static_cast<double>(xs.size()) + 64.0))});
        mColumns = static_cast<int>((extent.maxX - mMinX) / mCellSize) + 1;
        mRows = static_cast<int>((extent.maxY - mMinY) / mCellSize) + 1;
        std::vector<std::uint32_t> bucketOf(xs.size());
        mStart.assign(static_cast<std::size_t>(mColumns) * mRows + 1, 0);
        for (std::size_t i = 0; i < xs.size(); ++i)
        {
            bucketOf[i] = bucket(column(xs[i]), row(ys[i]));
            ++mStart[bucketOf[i] + 1];
        }
        std::partial_sum(mStart.begin(), mStart.end(), mStart.begin());
        std::vector<std::uint32_t> fill(mStart.begin(), mStart.end() - 1);
        mItems.resize(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i)
            mItems[fill[bucketOf[i]]++] = {xs[i], ys[i], static_cast<std::uint32_t>(i)};
    }

    /// Calls visit(index, squaredDistance) for every point within radius of (x, y) (distance <= radius).
    template <class Visit> void forEachWithin(double x, double y, double radius, Visit&& visit) const
    {
        scan(x, y, radius, [&visit](std::uint32_t, const Item& item, double d2) { visit(item.index, d2); });
    }
    /// Calls visit(slot) for every point within radius of (x, y): slots number the points in bucket order, so
    /// values kept per slot are read in memory order.
    template <class Visit> void forEachSlotWithin(double x, double y, double radius, Visit&& visit) const
    {
        scan(x, y, radius, [&visit](std::uint32_t slot, const Item&, double) { visit(slot); });
    }
    /// Returns the point (input index) in a slot.
    std::uint32_t indexAt(std::size_t slot) const { return mItems[slot].index; }
    std::size_t size() const { return mItems.size(); }

private:
    struct Item
    {
        double x = 0.0;
        double y = 0.0;
        std::uint32_t index = 0;
    };
    template <class Visit> void scan(double x, double y, double radius, Visit&& visit) const
    {
        if (mItems.empty())
            return;
        const double radius2 = radius * radius;
        const int c0 = std::max(0, column(x - radius)), c1 = std::min(mColumns - 1, column(x + radius));
        const int r0 = std::max(0, row(y - radius)), r1 = std::min(mRows - 1, row(y + radius));
        for (int r = r0; r <= r1; ++r)
        {
            const std::uint32_t begin = mStart[bucket(c0, r)], end = mStart[bucket(c1, r) + 1];
            for (std::uint32_t k = begin; k < end; ++k)
            {
                const Item& item = mItems[k];
                const double dx = item.x - x, dy = item.y - y, d2 = dx * dx + dy * dy;
                if (d2 <= radius2)
                    visit(k, item, d2);
            }
        }
    }
    int column(double x) const
    {
        return static_cast<int>(std::clamp(std::floor((x - mMinX) / mCellSize), -1.0, double(mColumns)));
    }
    int row(double y) const
    {
        return static_cast<int>(std::clamp(std::floor((y - mMinY) / mCellSize), -1.0, double(mRows)));
    }
    std::uint32_t bucket(int c, int r) const { return static_cast<std::uint32_t>(r * mColumns + c); }

    double mMinX = 0.0;
    double mMinY = 0.0;
    double mCellSize = 1.0;
    int mColumns = 0;
    int mRows = 0;
    std::vector<std::uint32_t> mStart; ///< row-major buckets: a row's buckets are contiguous in mItems
    std::vector<Item> mItems;
};

PointHash buildingHash(std::span<const BuildingRecord> buildings, double cellSize)
{
    std::vector<double> xs(buildings.size()), ys(buildings.size());
    for (std::size_t i = 0; i < buildings.size(); ++i)
    {
        xs[i] = buildings[i].x;
        ys[i] = buildings[i].y;
    }
    return PointHash(xs, ys, cellSize);
}

/// Uncovered people summed per square bucket (prefix sums along each row), for an upper bound of a site's gain.
class WeightBuckets
{
public:
    WeightBuckets(std::span<const BuildingRecord> buildings, const std::vector<std::int64_t>& weight, double radius)
        : mRadius(radius)
    {
        Extent extent;
        for (const BuildingRecord& building : buildings)
            extent.include(building.x, building.y);
        if (!extent.isValid())
            return;
        mMinX = extent.minX;
        mMinY = extent.minY;
        // Buckets of a sixteenth of the radius: the buckets a circle touches cover about 1.15 times its area, so few
        // bounds exceed the best gain; never more than about four buckets per building.
        const double area = (extent.maxX - extent.minX + 1.0) * (extent.maxY - extent.minY + 1.0);
        mCellSize =
            std::max({radius / 16.0, 1e-3, std::sqrt(area / (4.0 * static_cast<double>(buildings.size()) + 64.0))});
        mColumns = static_cast<int>((extent.maxX - mMinX) / mCellSize) + 1;
        mRows = static_cast<int>((extent.maxY - mMinY) / mCellSize) + 1;
        mPrefix.assign(static_cast<std::size_t>(mColumns + 1) * mRows, 0);
        for (std::size_t i = 0; i < buildings.size(); ++i)
            mPrefix[offset(row(buildings[i].y)) + column(buildings[i].x) + 1] += weight[i];
        for (int r = 0; r < mRows; ++r)
            std::partial_sum(mPrefix.begin() + offset(r), mPrefix.begin() + offset(r) + mColumns + 1,
                             mPrefix.begin() + offset(r));
    }

    /// Returns the people in the buckets whose nearest point lies within the radius of (x, y): at least the people
    /// living within the radius. O(rows the circle spans).
    std::int64_t bound(double x, double y) const
    {
        if (mPrefix.empty())
            return 0;
        std::int64_t sum = 0;
        const int r0 = row(y - mRadius), r1 = row(y + mRadius);
        for (int r = r0; r <= r1; ++r)
        {
            const double y0 = mMinY + r * mCellSize, dy = std::max({0.0, y0 - y, y - (y0 + mCellSize)});
            if (dy > mRadius)
                continue;
            // The buckets of this row within the radius form one run: those reaching [x - w, x + w].
            const double w = std::sqrt(mRadius * mRadius - dy * dy);
            sum += mPrefix[offset(r) + column(x + w) + 1] - mPrefix[offset(r) + column(x - w)];
        }
        return sum;
    }

private:
    int column(double x) const
    {
        return static_cast<int>(std::clamp(std::floor((x - mMinX) / mCellSize), 0.0, double(mColumns - 1)));
    }
    int row(double y) const
    {
        return static_cast<int>(std::clamp(std::floor((y - mMinY) / mCellSize), 0.0, double(mRows - 1)));
    }
    std::size_t offset(int r) const { return static_cast<std::size_t>(r) * (mColumns + 1); }

    double mRadius = 0.0;
    double mMinX = 0.0;
    double mMinY = 0.0;
    double mCellSize = 1.0;
    int mColumns = 0;
    int mRows = 0;
    std::vector<std::int64_t> mPrefix; ///< per row: columns + 1 running sums
};

/// The building positions allowed as sites: all, or those of the given ids in that order.
std::vector<std::size_t> candidateIndices(std::span<const BuildingRecord> buildings,
                                          const std::vector<std::int64_t>& ids)
{
    std::vector<std::size_t> candidates;
    if (ids.empty())
    {
        candidates.resize(buildings.size());
        std::iota(candidates.begin(), candidates.end(), 0);
        return candidates;
    }
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < buildings.size(); ++i)
        index.emplace(buildings[i].id, i);
    for (std::int64_t id : ids)
        if (const auto found = index.find(id); found != index.end())
            candidates.push_back(found->second);
    return candidates;
}

bool kindMatches(const StationRecord& station, const std::string& kind)
{
    return kind.empty() || station.kind == kind;
}

/// Per building, the squared distance to the nearest station of the kind within radius (+inf beyond).
std::vector<double> nearestSquared(std::span<const BuildingRecord> buildings, std::span<const StationRecord> stations,
                                   const std::string& kind, double radius, const PointHash& hash)
{
    std::vector<double> nearest(buildings.size(), std::numeric_limits<double>::infinity());
    for (const StationRecord& station : stations)
        if (kindMatches(station, kind))
            hash.forEachWithin(station.x, station.y, radius,
                               [&nearest](std::uint32_t i, double d2) { nearest[i] = std::min(nearest[i], d2); });
    return nearest;
}

void finishShare(CoverageShare& share)
{
    share.share = share.people > 0 ? static_cast<double>(share.covered) / static_cast<double>(share.people) : 0.0;
}

void finishPartyRow(PartyCoverageRow& row)
{
    row.groupShare =
        row.residentialBuildings > 0 ? static_cast<double>(row.residentialWithGroup) / row.residentialBuildings : 0.0;
    row.linkShare =
        row.households > 0 ? std::min(1.0, static_cast<double>(row.linkedHouseholds) / row.households) : 0.0;
}

/// The rows by id, with their ids and shares set.
std::vector<PartyCoverageRow> finishPartyRows(std::map<std::int64_t, PartyCoverageRow>& rows)
{
    std::vector<PartyCoverageRow> finished;
    finished.reserve(rows.size());
    for (auto& [id, row] : rows)
    {
        row.id = id;
        finishPartyRow(row);
        finished.push_back(row);
    }
    return finished;
}

/// Ranks of the values (1-based, ties averaged).
std::vector<double> ranks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&values](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> result(values.size());
    for (std::size_t i = 0; i < order.size();)
    {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        const double rank = 0.5 * static_cast<double>(i + j) + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            result[order[k]] = rank;
        i = j + 1;
    }
    return result;
}

/// The finite pairs of x and y.
void finitePairs(std::span<const double> x, std::span<const double> y, std::vector<double>& a, std::vector<double>& b)
{
    const std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
        {
            a.push_back(x[i]);
            b.push_back(y[i]);
        }
}

double pearsonOfFinite(const std::vector<double>& a, const std::vector<double>& b)
{
    const std::size_t n = a.size();
    if (n < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const double meanA = std::accumulate(a.begin(), a.end(), 0.0) / static_cast<double>(n);
    const double meanB = std::accumulate(b.begin(), b.end(), 0.0) / static_cast<double>(n);
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (std::size_t i = 0; i < n; ++i)
    {
        sab += (a[i] - meanA) * (b[i] - meanB);
        saa += (a[i] - meanA) * (a[i] - meanA);
        sbb += (b[i] - meanB) * (b[i] - meanB);
    }
    if (saa <= 0.0 || sbb <= 0.0)
        return std::numeric_limits<double>::quiet_NaN();
    return std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
}
} // namespace

Result<std::vector<BuildingRecord>> readBuildings(const VectorLayer& buildings)
{
    if (!hasField(buildings, schema::buildings::Id))
        return missingField(buildings, schema::buildings::Id);
    const auto ids = numericValues(buildings, schema::buildings::Id),
               grids = numericValues(buildings, schema::buildings::GridId);
    const auto communities = numericValues(buildings, schema::buildings::CommunityId);
    const auto households = numericValues(buildings, schema::buildings::Households),
               population = numericValues(buildings, schema::buildings::Population);
    const auto elderly = numericValues(buildings, schema::buildings::Elderly),
               children = numericValues(buildings, schema::buildings::Children);
    std::vector<BuildingRecord> records(buildings.features.size());
    for (std::size_t i = 0; i < records.size(); ++i)
    {
        BuildingRecord& record = records[i];
        record.id = toInteger(ids[i], -1);
        record.gridId = toInteger(grids[i], -1);
        record.communityId = toInteger(communities[i], -1);
        record.households = toInteger(households[i], 0);
        record.population = toInteger(population[i], 0);
        record.elderly = toInteger(elderly[i], 0);
        record.children = toInteger(children[i], 0);
        centroidOf(buildings.features[i], record.x, record.y, record.footprintArea);
    }
    return records;
}

Result<std::vector<StationRecord>> readStations(const VectorLayer& stations)
{
    if (!hasField(stations, schema::stations::Kind))
        return missingField(stations, schema::stations::Kind);
    const auto ids = numericValues(stations, schema::stations::Id),
               communities = numericValues(stations, schema::stations::CommunityId);
    const auto capacity = numericValues(stations, schema::stations::Capacity),
               visits = numericValues(stations, schema::stations::DailyVisits);
    auto kinds = textValues(stations, schema::stations::Kind);
    std::vector<StationRecord> records;
    records.reserve(stations.features.size());
    for (std::size_t i = 0; i < stations.features.size(); ++i)
    {
        const Feature& feature = stations.features[i];
        if (feature.points.empty())
            continue;
        StationRecord record;
        record.id = toInteger(ids[i], feature.fid);
        record.kind = std::move(kinds[i]);
        record.communityId = toInteger(communities[i], -1);
        record.x = feature.points.front().x;
        record.y = feature.points.front().y;
        record.capacity = std::isfinite(capacity[i]) ? capacity[i] : 0.0;
        record.dailyVisits = std::isfinite(visits[i]) ? visits[i] : 0.0;
        records.push_back(std::move(record));
    }
    return records;
}

Result<std::vector<PartyOrgRecord>> readPartyOrgs(const VectorLayer& partyOrgs)
{
    if (!hasField(partyOrgs, schema::party_orgs::Level))
        return missingField(partyOrgs, schema::party_orgs::Level);
    const auto ids = numericValues(partyOrgs, schema::party_orgs::Id),
               communities = numericValues(partyOrgs, schema::party_orgs::CommunityId);
    const auto grids = numericValues(partyOrgs, schema::party_orgs::GridId),
               buildings = numericValues(partyOrgs, schema::party_orgs::BuildingId);
    const auto levels = textValues(partyOrgs, schema::party_orgs::Level);
    std::vector<PartyOrgRecord> records(partyOrgs.features.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        records[i] = {toInteger(ids[i], partyOrgs.features[i].fid), parseLevel(levels[i]),
                      toInteger(communities[i], -1), toInteger(grids[i], -1), toInteger(buildings[i], -1)};
    return records;
}

Result<std::vector<PartyLinkRecord>> readPartyLinks(const VectorLayer& partyLinks)
{
    if (!hasField(partyLinks, schema::party_links::LinkedHouseholdId))
        return missingField(partyLinks, schema::party_links::LinkedHouseholdId);
    const auto households = numericValues(partyLinks, schema::party_links::HouseholdId);
    const auto linked = numericValues(partyLinks, schema::party_links::LinkedHouseholdId);
    const auto buildings = numericValues(partyLinks, schema::party_links::LinkedBuildingId);
    std::vector<PartyLinkRecord> records(partyLinks.features.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        records[i] = {toInteger(households[i], -1), toInteger(linked[i], -1), toInteger(buildings[i], -1)};
    return records;
}

PartyCoverage partyCoverage(std::span<const BuildingRecord> buildings, std::span<const PartyOrgRecord> orgs,
                            std::span<const PartyLinkRecord> links)
{
    std::map<std::int64_t, PartyCoverageRow> grids, communities;
    PartyCoverage result;
    // The rows an item counts in: its grid (when known), its community (when known) and the district.
    const auto forRows = [&](std::int64_t gridId, std::int64_t communityId, auto&& update)
    {
        if (gridId >= 0)
            update(grids[gridId]);
        if (communityId >= 0)
            update(communities[communityId]);
        update(result.district);
    };

    std::unordered_set<std::int64_t> withGroup;
    for (const PartyOrgRecord& org : orgs)
    {
        if (org.level == PartyLevel::Group && org.buildingId >= 0)
            withGroup.insert(org.buildingId);
        if (org.level == PartyLevel::Branch)
            forRows(org.gridId, org.communityId, [](PartyCoverageRow& row) { ++row.branches; });
        else if (org.level == PartyLevel::Member)
            forRows(org.gridId, org.communityId, [](PartyCoverageRow& row) { ++row.memberHouseholds; });
    }

    std::unordered_map<std::int64_t, std::size_t> buildingIndex;
    buildingIndex.reserve(buildings.size());
    for (std::size_t i = 0; i < buildings.size(); ++i)
    {
        const BuildingRecord& building = buildings[i];
        buildingIndex.emplace(building.id, i);
        const bool residential = building.households > 0;
        const bool grouped = residential && withGroup.count(building.id) > 0;
        if (residential && !grouped)
            result.buildingsWithoutGroup.push_back(building.id);
        forRows(building.gridId, building.communityId,
                [&](PartyCoverageRow& row)
                {
                    ++row.buildings;
                    row.residentialBuildings += residential ? 1 : 0;
                    row.residentialWithGroup += grouped ? 1 : 0;
                    row.households += building.households;
                    row.population += building.population;
                });
    }

    std::unordered_set<std::int64_t> seen;
    seen.reserve(links.size());
    for (const PartyLinkRecord& link : links)
    {
        if (link.linkedHouseholdId < 0 || !seen.insert(link.linkedHouseholdId).second)
            continue;
        const std::int64_t buildingId =
            link.linkedBuildingId >= 0 ? link.linkedBuildingId : link.linkedHouseholdId / 1000;
        const auto found = buildingIndex.find(buildingId);
        if (found == buildingIndex.end())
            continue;
        const BuildingRecord& building = buildings[found->second];
        forRows(building.gridId, building.communityId, [](PartyCoverageRow& row) { ++row.linkedHouseholds; });
    }

    result.grids = finishPartyRows(grids);
    for (const PartyCoverageRow& row : result.grids)
        if (row.households > 0 && !row.hasBranch())
            result.gridsWithoutBranch.push_back(row.id);
    result.communities = finishPartyRows(communities);
    finishPartyRow(result.district);
    return result;
}

std::vector<std::int64_t> rowsBelow(std::span<const PartyCoverageRow> rows, PartyMeasure measure, double threshold)
{
    std::vector<std::int64_t> ids;
    for (const PartyCoverageRow& row : rows)
    {
        const bool counted = measure == PartyMeasure::GroupShare ? row.residentialBuildings > 0 : row.households > 0;
        const double share = measure == PartyMeasure::GroupShare ? row.groupShare : row.linkShare;
        if (counted && share < threshold)
            ids.push_back(row.id);
    }
    return ids;
}

double pearson(std::span<const double> x, std::span<const double> y)
{
    std::vector<double> a, b;
    finitePairs(x, y, a, b);
    return pearsonOfFinite(a, b);
}

double spearman(std::span<const double> x, std::span<const double> y)
{
    std::vector<double> a, b;
    finitePairs(x, y, a, b);
    return pearsonOfFinite(ranks(a), ranks(b));
}

TargetGroup targetGroupOf(std::string_view kind)
{
    if (kind == "day_care" || kind == "canteen" || kind == "elderly_home")
        return TargetGroup::Elderly;
    if (kind == "after_school" || kind == "childcare")
        return TargetGroup::Children;
    return TargetGroup::Residents;
}

std::int64_t groupCount(const BuildingRecord& building, TargetGroup group)
{
    switch (group)
    {
    case TargetGroup::Elderly:
        return building.elderly;
    case TargetGroup::Children:
        return building.children;
    case TargetGroup::Residents:
        break;
    }
    return building.population;
}

ServiceCoverage serviceCoverage(std::span<const BuildingRecord> buildings, std::span<const StationRecord> stations,
                                const ServiceCoverageOptions& options)
{
    ServiceCoverage result;
    result.kind = options.kind;
    result.group = options.group.value_or(targetGroupOf(options.kind));
    double radius = 0.0;
    for (double distance : options.distances)
        if (std::isfinite(distance))
            radius = std::max(radius, distance);
    // Buckets of half the radius: a query visits about 25 buckets for a circle covering 12.5 of them.
    const PointHash hash = buildingHash(buildings, 0.5 * radius);
    const std::vector<double> nearest = nearestSquared(buildings, stations, options.kind, radius, hash);
    result.nearestDistance.resize(nearest.size());
    std::transform(nearest.begin(), nearest.end(), result.nearestDistance.begin(),
                   [](double d2) { return std::sqrt(d2); });

    for (double distance : options.distances)
    {
        ServiceLevel level;
        level.distance = distance;
        const double distance2 = distance * distance;
        std::map<std::int64_t, CoverageShare> communities;
        for (std::size_t i = 0; i < buildings.size(); ++i)
        {
            const std::int64_t people = groupCount(buildings[i], result.group);
            const bool covered = nearest[i] <= distance2;
            CoverageShare* community = buildings[i].communityId >= 0 ? &communities[buildings[i].communityId] : nullptr;
            for (CoverageShare* share : {&level.district, community})
                if (share != nullptr)
                {
                    share->people += people;
                    share->covered += covered ? people : 0;
                }
            if (!covered && people > 0)
                level.uncovered.push_back({buildings[i].id, people});
        }
        finishShare(level.district);
        for (auto& [id, share] : communities)
        {
            share.id = id;
            finishShare(share);
            level.communities.push_back(share);
        }
        std::sort(level.uncovered.begin(), level.uncovered.end(),
                  [](const UncoveredBuilding& a, const UncoveredBuilding& b)
                  { return a.people != b.people ? a.people > b.people : a.id < b.id; });
        result.levels.push_back(std::move(level));
    }

    for (const StationRecord& station : stations)
        if (kindMatches(station, options.kind))
            result.loads.push_back({station.id, station.capacity, station.dailyVisits,
                                    station.capacity > 0.0 ? station.dailyVisits / station.capacity
                                                           : std::numeric_limits<double>::quiet_NaN()});
    return result;
}

std::vector<SiteSuggestion> suggestSites(std::span<const BuildingRecord> buildings,
                                         std::span<const StationRecord> stations, const SiteSuggestionOptions& options)
{
    std::vector<SiteSuggestion> suggestions;
    if (!(options.distance >= 0.0) || options.count <= 0)
        return suggestions;
    const TargetGroup group = options.group.value_or(targetGroupOf(options.kind));
    const double radius = options.distance;
    const PointHash hash = buildingHash(buildings, 0.5 * radius);
    const std::vector<double> nearest = nearestSquared(buildings, stations, options.kind, radius, hash);

    // The people still uncovered per building; the total and the covered count for the shares.
    std::vector<std::int64_t> weight(buildings.size(), 0);
    std::int64_t total = 0, covered = 0;
    for (std::size_t i = 0; i < buildings.size(); ++i)
    {
        const std::int64_t people = groupCount(buildings[i], group);
        total += people;
        (std::isfinite(nearest[i]) ? covered : weight[i]) += people;
    }
    const std::vector<std::size_t> candidates = candidateIndices(buildings, options.candidates);

    // Lazy greedy (CELF): gains only shrink as buildings get covered, so a gain computed in an earlier round is an
    // upper bound now. Candidates start from a cheap bound (the uncovered people in the buckets their circle
    // touches); the best bound is made exact, and taken once it is exact for this round and still on top.
    const WeightBuckets buckets(buildings, weight, radius);
    std::vector<std::int64_t> slotWeight(hash.size());
    for (std::size_t k = 0; k < slotWeight.size(); ++k)
        slotWeight[k] = weight[hash.indexAt(k)];
    struct Entry
    {
        std::int64_t gain;
        std::size_t candidate; ///< position in candidates: ties go to the earlier one
        int round;             ///< the round the gain is exact for; -1 for a bound
        bool operator<(const Entry& other) const
        {
            return gain != other.gain ? gain < other.gain : candidate > other.candidate;
        }
    };
    std::vector<Entry> heap;
    heap.reserve(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c)
        if (const std::int64_t bound = buckets.bound(buildings[candidates[c]].x, buildings[candidates[c]].y); bound > 0)
            heap.push_back({bound, c, -1});
    std::make_heap(heap.begin(), heap.end());

    int round = 0;
    while (round < options.count && !heap.empty())
    {
        std::pop_heap(heap.begin(), heap.end());
        Entry top = heap.back();
        heap.pop_back();
        const BuildingRecord& site = buildings[candidates[top.candidate]];
        if (top.round != round)
        {
            top.gain = 0;
            hash.forEachSlotWithin(site.x, site.y, radius, [&](std::uint32_t k) { top.gain += slotWeight[k]; });
            top.round = round;
            if (top.gain > 0)
            {
                heap.push_back(top);
                std::push_heap(heap.begin(), heap.end());
            }
            continue;
        }
        SiteSuggestion suggestion{site.id, site.x, site.y, top.gain, 0.0};
        hash.forEachSlotWithin(site.x, site.y, radius, [&slotWeight](std::uint32_t k) { slotWeight[k] = 0; });
        covered += suggestion.peopleGained;
        suggestion.shareAfter = total > 0 ? static_cast<double>(covered) / static_cast<double>(total) : 0.0;
        suggestions.push_back(suggestion);
        ++round;
    }
    return suggestions;
}

} // namespace citytwin::data
