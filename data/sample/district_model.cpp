#include "district_model.hpp"

#include <cmath>
#include <map>
#include <string>

namespace citytwin::data::sample
{
namespace
{
std::string communityStem(const std::string& name)
{
    const std::string suffix = "社区";
    return name.size() > suffix.size() && name.ends_with(suffix) ? name.substr(0, name.size() - suffix.size()) : name;
}

/// The name of a building: its community's name or stem, its use and its running number n among the community's
/// buildings of that use.
std::string buildingName(const Community& community, BuildingUse use, int n)
{
    const std::string stem = communityStem(community.name);
    switch (use)
    {
    case BuildingUse::Residential:
        return community.name + std::to_string(n) + "号楼";
    case BuildingUse::School:
        return stem + (n % 2 ? "小学" : "中学");
    case BuildingUse::Market:
        return stem + "农贸市场";
    case BuildingUse::Shop:
        return stem + "商业楼" + std::to_string(n);
    case BuildingUse::Office:
        return stem + "大厦" + (n > 1 ? std::to_string(n) + "座" : "");
    case BuildingUse::Factory:
        return stem + "陶瓷厂" + std::to_string(n) + "号车间";
    case BuildingUse::Public:
        return stem + (n % 2 ? "卫生服务站" : "文化活动中心");
    }
    return stem;
}

/// Communities' residents by their homes' floor space (with some spread), exact sums.
Residents countResidents(const DistrictLayout& layout, const std::vector<Building>& buildings, Random& random)
{
    std::vector<double> weights(layout.communities.size(), 0.0);
    for (const Building& building : buildings)
        if (building.use == BuildingUse::Residential)
            weights[building.communityId - 1] += building.footprintArea * building.floors;
    for (double& weight : weights)
        weight *= random.uniform(0.85, 1.15);
    Residents residents;
    residents.people = apportion(DistrictPopulation, weights);
    for (std::int64_t people : residents.people)
    {
        residents.households.push_back(std::llround(static_cast<double>(people) / random.uniform(2.4, 2.9)));
        residents.elderly.push_back(std::llround(static_cast<double>(people) * random.uniform(0.15, 0.24)));
        residents.children.push_back(std::llround(static_cast<double>(people) * random.uniform(0.09, 0.15)));
    }
    return residents;
}

/// Names the buildings and shares each community's residents out over its homes by floor space.
void populate(const DistrictLayout& layout, std::vector<Building>& buildings, const Residents& residents)
{
    std::vector<std::vector<Building*>> homes(layout.communities.size());
    std::map<std::pair<std::int64_t, int>, int> numbers; // (community, use) -> running number
    for (Building& building : buildings)
    {
        const Community& community = layout.communities[building.communityId - 1];
        const int n = ++numbers[{community.id, static_cast<int>(building.use)}];
        building.name = buildingName(community, building.use, n);
        if (building.use == BuildingUse::Residential)
            homes[community.id - 1].push_back(&building);
    }
    for (std::size_t c = 0; c < homes.size(); ++c)
    {
        std::vector<double> weights;
        for (const Building* home : homes[c])
            weights.push_back(home->footprintArea * home->floors);
        const auto share = [&](std::int64_t total, std::int64_t Building::*field)
        {
            const std::vector<std::int64_t> parts = apportion(total, weights);
            for (std::size_t i = 0; i < parts.size(); ++i)
                homes[c][i]->*field = parts[i];
        };
        share(residents.people[c], &Building::population);
        share(residents.households[c], &Building::households);
        share(residents.elderly[c], &Building::elderly);
        share(residents.children[c], &Building::children);
    }
}
} // namespace

DistrictModel::DistrictModel(std::uint64_t seed, double scale, std::optional<std::int64_t> incidentCount)
    : layout(generateLayout(seed)), random(seed ^ 0x5A17E5EEDull), landscape(layout, random)
{
    buildings = placeBuildings(layout, landscape, scale, random);
    residents = countResidents(layout, buildings, random);
    populate(layout, buildings, residents);

    PolygonIndex gridIndex;
    for (const GridCell& cell : layout.grids)
        gridIndex.add(cell.id, Polygon{{cell.corners}});
    gridIndex.build();
    const ServiceTargets targets;
    stations = placeStations(layout, buildings, random);
    cameras = placeCameras(layout, landscape, buildings, targets, gridIndex, random);
    buildPartyOrganization(layout, buildings, targets, random, orgs, links);
    Random incidentRandom(seed ^ 0x1C1DE475ull);
    const auto count = incidentCount ? static_cast<std::size_t>(std::max<std::int64_t>(0, *incidentCount))
                                     : static_cast<std::size_t>(std::llround(IncidentsPerYear * scale));
    incidents = generateIncidents(layout, landscape, buildings, cameras, gridIndex, count, incidentRandom);
}

} // namespace citytwin::data::sample
