#include "district_services.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>
#include <set>

namespace citytwin::data::sample
{
namespace
{
struct KindSpec
{
    const char* kind;
    const char* nameZh;
    int count;
    int capacityLow;
    int capacityHigh;
};

/// Counts from the domain notes; `perCommunity` kinds are spread one per community with gaps and doubles.
constexpr KindSpec Kinds[] = {
    {"day_care", "日间照料站", 175, 20, 60},
    {"warm_station", "暖心驿站", 175, 10, 30},
    {"social_work", "社工站", 0, 40, 100}, // one per street
    {"civilization_practice", "新时代文明实践站", 175, 50, 200},
    {"elderly_home", "养老院", 13, 80, 300},
    {"canteen", "老年食堂", 52, 60, 200},
    {"after_school", "四点半课堂", 113, 30, 120},
    {"childcare", "托育中心", 38, 20, 80},
    {"service_center", "社区综合服务中心", 175, 100, 400},
};

/// Picks an index with probability proportional to its weight.
std::size_t weightedPick(const std::vector<double>& cumulative, Random& random)
{
    const double target = random.uniform() * cumulative.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), target) -
                                    cumulative.begin());
}

std::vector<double> cumulativeOf(const std::vector<double>& weights)
{
    std::vector<double> cumulative(weights.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        cumulative[i] = (sum += weights[i]);
    return cumulative;
}

double floorArea(const Building& building)
{
    return building.footprintArea * building.floors;
}

/// A point inside a building's footprint.
Position insideFootprint(const Building& building, Random& random)
{
    return bilinear(building.footprint, random.uniform(0.15, 0.85), random.uniform(0.15, 0.85));
}
} // namespace

std::vector<Station> placeStations(const DistrictLayout& layout, const std::vector<Building>& buildings, Random& random)
{
    std::vector<std::vector<const Building*>> byCommunity(layout.communities.size());
    for (const Building& building : buildings)
        byCommunity[building.communityId - 1].push_back(&building);
    std::vector<double> communityWeight(layout.communities.size(), 0.0);
    for (const Building& building : buildings)
        if (building.use == BuildingUse::Residential)
            communityWeight[building.communityId - 1] += floorArea(building);
    const std::vector<double> cumulative = cumulativeOf(communityWeight);

    std::vector<Station> stations;
    std::map<std::int64_t, int> perBuilding;
    auto place = [&](const KindSpec& spec, std::int64_t communityId, const std::string& name)
    {
        const auto& candidates = byCommunity[communityId - 1];
        // Stations prefer public buildings and shops, then homes; any building of the community will do.
        std::vector<const Building*> preferred;
        for (const Building* building : candidates)
            if (building->use == BuildingUse::Public || building->use == BuildingUse::Shop ||
                building->use == BuildingUse::Residential)
                preferred.push_back(building);
        const auto& pool = preferred.empty() ? candidates : preferred;
        if (pool.empty())
            return;
        const Building& building = *pool[random.below(pool.size())];
        Station station;
        station.id = static_cast<std::int64_t>(stations.size()) + 1;
        station.kind = spec.kind;
        station.name = name;
        station.communityId = communityId;
        station.gridId = building.gridId;
        station.buildingId = building.id;
        // Several stations in one building stand a few metres apart, so that each can be picked.
        const int already = perBuilding[building.id]++;
        const double angle = already * 2.4;
        station.x = building.centerX + (already ? 4.0 * std::cos(angle) : 0.0);
        station.y = building.centerY + (already ? 4.0 * std::sin(angle) : 0.0);
        station.capacity =
            spec.capacityLow + static_cast<std::int64_t>(
                                   random.below(static_cast<std::uint64_t>(spec.capacityHigh - spec.capacityLow + 1)));
        const double load = std::clamp(0.7 * std::exp(random.uniform(-0.9, 0.65)), 0.1, 1.45);
        station.dailyVisits = std::llround(station.capacity * load);
        stations.push_back(std::move(station));
    };

    const auto communityCount = static_cast<std::int64_t>(layout.communities.size());
    for (const KindSpec& spec : Kinds)
    {
        const std::string kind = spec.kind;
        if (kind == "social_work")
        {
            for (const Street& street : layout.streets)
            {
                const std::int64_t communityId = street.communityIds[random.below(street.communityIds.size())];
                place(spec, communityId, street.name + spec.nameZh);
            }
            continue;
        }
        std::vector<int> perCommunity(layout.communities.size(), 0);
        if (kind == "civilization_practice" || kind == "service_center")
        {
            std::fill(perCommunity.begin(), perCommunity.end(), 1);
        }
        else if (spec.count == communityCount)
        {
            // One each, except that a few communities have none and as many others have two.
            std::fill(perCommunity.begin(), perCommunity.end(), 1);
            const int moved = static_cast<int>(communityCount / 12);
            for (int k = 0; k < moved; ++k)
            {
                std::size_t from = random.below(perCommunity.size());
                while (perCommunity[from] != 1)
                    from = (from + 1) % perCommunity.size();
                perCommunity[from] = 0;
                std::size_t to = weightedPick(cumulative, random);
                while (perCommunity[to] != 1)
                    to = (to + 1) % perCommunity.size();
                perCommunity[to] = 2;
            }
        }
        else
        {
            // Spread over the communities by their residential floor space; at most one per community.
            for (int k = 0; k < spec.count; ++k)
            {
                std::size_t at = weightedPick(cumulative, random);
                while (perCommunity[at] != 0)
                    at = (at + 1) % perCommunity.size();
                perCommunity[at] = 1;
            }
        }
        for (std::size_t c = 0; c < perCommunity.size(); ++c)
            for (int k = 0; k < perCommunity[c]; ++k)
                place(spec, static_cast<std::int64_t>(c) + 1,
                      layout.communities[c].name + spec.nameZh + (k ? std::string("（二）") : std::string()));
    }
    return stations;
}

std::vector<Camera> placeCameras(const DistrictLayout& layout, const Landscape& landscape,
                                 const std::vector<Building>& buildings, const ServiceTargets& targets,
                                 const PolygonIndex& grids, Random& random)
{
    std::vector<Camera> cameras;
    auto headingOf = [](double dx, double dy)
    {
        double degrees = std::atan2(dx, dy) * 180.0 / std::numbers::pi;
        return degrees < 0.0 ? degrees + 360.0 : degrees;
    };
    // Headings in [0, 360), to a tenth of a degree.
    auto wrap = [](double degrees)
    {
        const double rounded = std::round(std::fmod(std::fmod(degrees, 360.0) + 360.0, 360.0) * 10.0) / 10.0;
        return rounded >= 360.0 ? 0.0 : rounded;
    };
    // A camera belongs to the grid cell it stands in; one that would stand outside the district is not placed.
    auto locate = [&](Camera& camera)
    {
        const auto grid = grids.find(camera.x, camera.y);
        if (!grid)
            return false;
        camera.gridId = *grid;
        camera.communityId = layout.grids[static_cast<std::size_t>(*grid - 1)].communityId;
        return true;
    };

    // Community cameras: at residential building corners, looking out over the compound.
    std::vector<const Building*> homes;
    std::vector<double> homeWeight;
    for (const Building& building : buildings)
        if (building.use == BuildingUse::Residential)
        {
            homes.push_back(&building);
            homeWeight.push_back(std::sqrt(floorArea(building)));
        }
    const std::vector<double> homeCumulative = cumulativeOf(homeWeight);
    while (static_cast<int>(cameras.size()) < targets.communityCameras && !homes.empty())
    {
        const Building& building = *homes[weightedPick(homeCumulative, random)];
        const Position& corner = building.footprint[random.below(4)];
        const double dx = corner.x - building.centerX, dy = corner.y - building.centerY;
        const double length = std::hypot(dx, dy);
        Camera camera;
        camera.network = "community";
        camera.x = corner.x + 3.0 * dx / length;
        camera.y = corner.y + 3.0 * dy / length;
        camera.heading = wrap(headingOf(dx, dy) + random.uniform(-40.0, 40.0));
        camera.fieldOfView = std::round(random.uniform(70.0, 110.0));
        camera.range = std::round(random.uniform(25.0, 50.0));
        camera.mountHeight = std::round(random.uniform(3.0, 6.0) * 10.0) / 10.0;
        if (!locate(camera))
            continue;
        cameras.push_back(camera);
    }

    // Public-security cameras: on the streets (cell edges), denser in the city, a third at crossings.
    std::vector<double> cellWeight;
    for (const GridCell& cell : layout.grids)
        cellWeight.push_back(0.05 + landscape.urbanDensity(cell.centerX, cell.centerY));
    const std::vector<double> cellCumulative = cumulativeOf(cellWeight);
    int placed = 0;
    while (placed < targets.publicSecurityCameras)
    {
        const GridCell& cell = layout.grids[weightedPick(cellCumulative, random)];
        const std::size_t edge = random.below(4);
        const Position& a = cell.corners[edge];
        const Position& b = cell.corners[(edge + 1) % 4];
        const double t = random.uniform() < 0.33 ? 0.0 : random.uniform(0.15, 0.85);
        const double ex = b.x - a.x, ey = b.y - a.y;
        const double length = std::hypot(ex, ey);
        // On the inner side of the street, 6 m from its axis.
        const double x = a.x + t * ex - 6.0 * ey / length, y = a.y + t * ey + 6.0 * ex / length;
        if (landscape.riverDistance(x, y) < Landscape::RiverHalfWidth + 3.0)
            continue;
        Camera camera;
        camera.network = "public_security";
        camera.x = x;
        camera.y = y;
        const bool along = random.uniform() < 0.5;
        camera.heading = wrap(headingOf(along ? ex : -ex, along ? ey : -ey) + random.uniform(-15.0, 15.0));
        camera.fieldOfView = std::round(random.uniform(40.0, 70.0));
        camera.range = std::round(random.uniform(80.0, 150.0));
        camera.mountHeight = std::round(random.uniform(6.0, 10.0) * 10.0) / 10.0;
        if (!locate(camera))
            continue;
        cameras.push_back(camera);
        ++placed;
    }
    for (std::size_t i = 0; i < cameras.size(); ++i)
        cameras[i].id = static_cast<std::int64_t>(i) + 1;
    return cameras;
}

namespace
{
/// Builds the party tree level by level. Every step draws from the one random source, in the order the sample has
/// always drawn, so that a seed gives the same tree.
class PartyTreeBuilder
{
public:
    using Group = std::pair<std::int64_t, const Building*>; ///< group id, its building

    PartyTreeBuilder(const DistrictLayout& layout, const std::vector<Building>& buildings, Random& random,
                     std::vector<PartyOrg>& orgs, std::vector<PartyLink>& links)
        : mLayout(layout), mRandom(random), mOrgs(orgs), mLinks(links), mHomesByGrid(layout.grids.size()),
          mGridFloorArea(layout.grids.size(), 0.0)
    {
        for (const Building& building : buildings)
            if (building.use == BuildingUse::Residential && building.households > 0)
                mHomesByGrid[building.gridId - 1].push_back(&building);
        for (auto& homes : mHomesByGrid)
            std::sort(homes.begin(), homes.end(),
                      [](const Building* a, const Building* b)
                      { return floorArea(*a) != floorArea(*b) ? floorArea(*a) > floorArea(*b) : a->id < b->id; });
        for (std::size_t g = 0; g < mHomesByGrid.size(); ++g)
            for (const Building* building : mHomesByGrid[g])
                mGridFloorArea[g] += floorArea(*building);
    }

    /// Committees: one per community, in the building nearest the community's middle.
    void placeCommittees()
    {
        mCommitteeOf.assign(mLayout.communities.size(), 0);
        for (const Community& community : mLayout.communities)
        {
            double cx = 0.0, cy = 0.0;
            for (std::int64_t gridId : community.gridIds)
            {
                cx += mLayout.grids[gridId - 1].centerX / static_cast<double>(community.gridIds.size());
                cy += mLayout.grids[gridId - 1].centerY / static_cast<double>(community.gridIds.size());
            }
            const Building* nearest = nullptr;
            for (std::int64_t gridId : community.gridIds)
                for (const Building* building : mHomesByGrid[gridId - 1])
                    if (!nearest || std::hypot(building->centerX - cx, building->centerY - cy) <
                                        std::hypot(nearest->centerX - cx, nearest->centerY - cy))
                        nearest = building;
            PartyOrg committee;
            committee.level = "committee";
            committee.name = community.name + "党委";
            committee.communityId = community.id;
            committee.gridId = nearest ? nearest->gridId : community.gridIds.front();
            committee.buildingId = nearest ? nearest->id : 0;
            committee.x = nearest ? nearest->centerX : cx;
            committee.y = nearest ? nearest->centerY : cy;
            committee.members = 5 + static_cast<int>(mRandom.below(5));
            mCommitteeOf[community.id - 1] = add(std::move(committee));
        }
    }

    /// The grids with a branch, ascending: first the most populous grid of each community, then the most populous
    /// of the rest up to `branches`, with some populous grids passed over (the gaps the analysis should find).
    std::vector<std::int64_t> chooseBranchGrids(int branches)
    {
        std::vector<std::int64_t> branchGrids;
        std::set<std::int64_t> chosen;
        for (const Community& community : mLayout.communities)
        {
            std::int64_t best = 0;
            for (std::int64_t gridId : community.gridIds)
                if (!mHomesByGrid[gridId - 1].empty() &&
                    (best == 0 || mGridFloorArea[gridId - 1] > mGridFloorArea[best - 1]))
                    best = gridId;
            if (best != 0)
            {
                branchGrids.push_back(best);
                chosen.insert(best);
            }
        }
        std::vector<std::pair<double, std::int64_t>> ranked;
        for (const GridCell& cell : mLayout.grids)
            if (!mHomesByGrid[cell.id - 1].empty() && !chosen.contains(cell.id))
                ranked.push_back({mGridFloorArea[cell.id - 1] * mRandom.uniform(0.6, 1.4), cell.id});
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto& a, const auto& b)
                  { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (const auto& [weight, gridId] : ranked)
        {
            if (static_cast<int>(branchGrids.size()) >= branches)
                break;
            if (mRandom.uniform() < 0.12)
                continue;
            branchGrids.push_back(gridId);
        }
        std::sort(branchGrids.begin(), branchGrids.end());
        return branchGrids;
    }

    /// Places a branch in the largest home of each grid; returns their ids, in the grids' order.
    std::vector<std::int64_t> placeBranches(const std::vector<std::int64_t>& branchGrids)
    {
        std::vector<std::int64_t> branchIds;
        for (std::int64_t gridId : branchGrids)
        {
            const GridCell& cell = mLayout.grids[gridId - 1];
            const Building& home = *mHomesByGrid[gridId - 1].front();
            PartyOrg branch;
            branch.level = "branch";
            branch.parentId = mCommitteeOf[cell.communityId - 1];
            branch.name = "网格" + std::to_string(10000 + gridId).substr(1) + "党支部";
            branch.communityId = cell.communityId;
            branch.gridId = gridId;
            branch.buildingId = home.id;
            branch.x = home.centerX;
            branch.y = home.centerY;
            branch.members = 8 + static_cast<int>(mRandom.below(25));
            branchIds.push_back(add(std::move(branch)));
        }
        return branchIds;
    }

    /// Building groups: `groups` shared out over the branches, each in one of its grid's largest homes.
    std::vector<Group> placeGroups(const std::vector<std::int64_t>& branchGrids,
                                   const std::vector<std::int64_t>& branchIds, int groups)
    {
        const std::vector<std::int64_t> perBranch = groupsPerBranch(branchGrids, groups);
        std::vector<Group> placed;
        for (std::size_t b = 0; b < branchGrids.size(); ++b)
        {
            const auto& homes = mHomesByGrid[branchGrids[b] - 1];
            for (std::int64_t k = 0; k < perBranch[b]; ++k)
            {
                const Building& home = *homes[static_cast<std::size_t>(k)];
                PartyOrg group;
                group.level = "group";
                group.parentId = branchIds[b];
                group.name = home.name + "党小组";
                group.communityId = home.communityId;
                group.gridId = home.gridId;
                group.buildingId = home.id;
                group.x = home.centerX;
                group.y = home.centerY;
                group.members = 3 + static_cast<int>(mRandom.below(6));
                placed.push_back({add(std::move(group)), &home});
            }
        }
        return placed;
    }

    /// Member households: `households` shared out over the groups by their building's households; each links to up
    /// to ten neighbouring resident households, in its building first and then in others of its grid.
    void placeMemberHouseholds(const std::vector<Group>& groups, int households)
    {
        std::vector<double> groupWeight;
        for (const auto& [groupId, home] : groups)
            groupWeight.push_back(static_cast<double>(home->households));
        const std::vector<std::int64_t> householdsPerGroup = apportion(households, groupWeight);
        for (std::size_t g = 0; g < groups.size(); ++g)
        {
            const auto& [groupId, home] = groups[g];
            for (std::int64_t k = 0; k < householdsPerGroup[g]; ++k)
            {
                const Position at = insideFootprint(*home, mRandom);
                PartyOrg household;
                household.level = "household";
                household.parentId = groupId;
                household.communityId = home->communityId;
                household.gridId = home->gridId;
                household.buildingId = home->id;
                household.x = at.x;
                household.y = at.y;
                household.members = 1 + static_cast<int>(mRandom.below(3));
                const std::int64_t flat =
                    1 + static_cast<std::int64_t>(
                            mRandom.below(static_cast<std::uint64_t>(std::max<std::int64_t>(1, home->households))));
                household.name = home->name + std::to_string(flat) + "户";
                mUsedFlats[home->id].insert(flat);
                const std::int64_t householdId = add(std::move(household));
                linkNeighbours(householdId, at, *home, g);
            }
        }
    }

private:
    std::int64_t add(PartyOrg org)
    {
        org.id = static_cast<std::int64_t>(mOrgs.size()) + 1;
        mOrgs.push_back(std::move(org));
        return mOrgs.back().id;
    }

    /// Groups per branch: one in each branch's largest home, the rest by floor space, at most one per home.
    std::vector<std::int64_t> groupsPerBranch(const std::vector<std::int64_t>& branchGrids, int groups) const
    {
        std::vector<double> branchWeight;
        for (std::int64_t gridId : branchGrids)
            branchWeight.push_back(mGridFloorArea[gridId - 1]);
        std::vector<std::int64_t> perBranch(branchGrids.size(), 1);
        const std::vector<std::int64_t> extra =
            apportion(std::max<std::int64_t>(0, groups - static_cast<std::int64_t>(branchGrids.size())), branchWeight);
        std::int64_t leftover = 0;
        for (std::size_t b = 0; b < branchGrids.size(); ++b)
        {
            const auto homes = static_cast<std::int64_t>(mHomesByGrid[branchGrids[b] - 1].size());
            perBranch[b] += extra[b];
            leftover += std::max<std::int64_t>(0, perBranch[b] - homes);
            perBranch[b] = std::min(perBranch[b], homes);
        }
        for (std::size_t b = 0; leftover > 0 && b < branchGrids.size(); ++b)
        {
            const auto spare = static_cast<std::int64_t>(mHomesByGrid[branchGrids[b] - 1].size()) - perBranch[b];
            const std::int64_t given = std::min(spare, leftover);
            perBranch[b] += given;
            leftover -= given;
        }
        return perBranch;
    }

    /// Links a member household (at `at`, in home, of group g) to its wanted number of resident households: in its
    /// own building first, then in the other homes of its grid (from the g-th on), never one flat twice.
    void linkNeighbours(std::int64_t householdId, const Position& at, const Building& home, std::size_t g)
    {
        const auto& neighbours = mHomesByGrid[home.gridId - 1];
        const double draw = mRandom.uniform();
        const int wanted = draw < 0.03 ? 0 : draw < 0.7 ? 10 : 4 + static_cast<int>(mRandom.below(6));
        int made = 0;
        for (std::size_t n = 0; n <= neighbours.size() && made < wanted; ++n)
        {
            const Building& target = n == 0 ? home : *neighbours[(n - 1 + g) % neighbours.size()];
            auto& used = mUsedFlats[target.id];
            while (made < wanted && static_cast<std::int64_t>(used.size()) < target.households)
            {
                std::int64_t linked =
                    1 + static_cast<std::int64_t>(mRandom.below(static_cast<std::uint64_t>(target.households)));
                while (used.contains(linked))
                    linked = linked % target.households + 1;
                used.insert(linked);
                const Position to = insideFootprint(target, mRandom);
                PartyLink link;
                link.id = static_cast<std::int64_t>(mLinks.size()) + 1;
                link.householdId = householdId;
                link.linkedHouseholdId = target.id * 1000 + linked;
                link.linkedBuildingId = target.id;
                link.fromX = at.x;
                link.fromY = at.y;
                link.toX = to.x;
                link.toY = to.y;
                if (std::hypot(to.x - at.x, to.y - at.y) < 0.5)
                    link.toX += 1.0;
                mLinks.push_back(link);
                ++made;
            }
        }
    }

    const DistrictLayout& mLayout;
    Random& mRandom;
    std::vector<PartyOrg>& mOrgs;
    std::vector<PartyLink>& mLinks;
    std::vector<std::vector<const Building*>> mHomesByGrid;    ///< residential buildings per grid, largest first
    std::vector<double> mGridFloorArea;                        ///< their floor space per grid
    std::vector<std::int64_t> mCommitteeOf;                    ///< the committee's id per community
    std::map<std::int64_t, std::set<std::int64_t>> mUsedFlats; ///< building id -> flats already linked
};
} // namespace

void buildPartyOrganization(const DistrictLayout& layout, const std::vector<Building>& buildings,
                            const ServiceTargets& targets, Random& random, std::vector<PartyOrg>& orgs,
                            std::vector<PartyLink>& links)
{
    PartyTreeBuilder builder(layout, buildings, random, orgs, links);
    builder.placeCommittees();
    const std::vector<std::int64_t> branchGrids = builder.chooseBranchGrids(targets.branches);
    const std::vector<std::int64_t> branchIds = builder.placeBranches(branchGrids);
    const std::vector<PartyTreeBuilder::Group> groups = builder.placeGroups(branchGrids, branchIds, targets.groups);
    builder.placeMemberHouseholds(groups, targets.households);
}

} // namespace citytwin::data::sample
