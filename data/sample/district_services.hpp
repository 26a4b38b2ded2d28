#pragma once

#include "district_world.hpp"

#include "data/geo/polygon_index.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data::sample
{

/// A service station (the `stations` layer), placed in a building.
struct Station
{
    std::int64_t id = 0;
    std::string kind; ///< day_care, warm_station, social_work, civilization_practice, elderly_home, ...
    std::string name;
    std::int64_t communityId = 0;
    std::int64_t gridId = 0;
    std::int64_t buildingId = 0;
    double x = 0.0, y = 0.0;
    std::int64_t capacity = 0;
    std::int64_t dailyVisits = 0;
};

/// A camera (the `cameras` layer): `community` cameras watch residential compounds, `public_security`
/// cameras watch streets and crossings.
struct Camera
{
    std::int64_t id = 0;
    std::string network;
    std::int64_t gridId = 0;
    std::int64_t communityId = 0;
    double x = 0.0, y = 0.0;
    double heading = 0.0;      ///< degrees clockwise from north
    double fieldOfView = 60.0; ///< degrees
    double range = 50.0;       ///< metres
    double mountHeight = 4.0;
};

/// One organization of the four-level party tree (the `party_orgs` layer).
struct PartyOrg
{
    std::int64_t id = 0;
    std::string level;         ///< committee, branch, group, household
    std::int64_t parentId = 0; ///< 0 for committees
    std::string name;
    std::int64_t communityId = 0;
    std::int64_t gridId = 0;
    std::int64_t buildingId = 0;
    double x = 0.0, y = 0.0;
    int members = 0;
};

/// A "1+10" link from a member household to a neighbouring resident household (the `party_links` layer).
/// Resident households are numbered per building: linked_household_id = building id x 1000 + flat number.
struct PartyLink
{
    std::int64_t id = 0;
    std::int64_t householdId = 0; ///< party_orgs id of the member household
    std::int64_t linkedHouseholdId = 0;
    std::int64_t linkedBuildingId = 0;
    double fromX = 0.0, fromY = 0.0, toX = 0.0, toY = 0.0;
};

/// The district's figures for services and organizations (domain.md).
struct ServiceTargets
{
    int communityCameras = 4137;
    int publicSecurityCameras = 3666;
    int branches = 915;
    int groups = 1241;
    int households = 9760;
};

/// Places the stations of every kind (counts in the issue), in buildings of their communities; some
/// communities get two of a kind and some none, so that coverage has real gaps.
std::vector<Station> placeStations(const DistrictLayout& layout, const std::vector<Building>& buildings,
                                   Random& random);

/// Places the cameras: community cameras at the corners of residential buildings, public-security cameras
/// along the streets (cell edges) and at crossings, never on the water; each with its grid and community.
std::vector<Camera> placeCameras(const DistrictLayout& layout, const Landscape& landscape,
                                 const std::vector<Building>& buildings, const ServiceTargets& targets,
                                 const PolygonIndex& grids, Random& random);

/// Builds the party tree: a committee per community, branches in the most populous grids (some populous
/// grids have none), building groups in the tallest residential buildings of a branch's grid, member
/// households in those buildings, and their "1+10" links to neighbouring households.
void buildPartyOrganization(const DistrictLayout& layout, const std::vector<Building>& buildings,
                            const ServiceTargets& targets, Random& random, std::vector<PartyOrg>& orgs,
                            std::vector<PartyLink>& links);

} // namespace citytwin::data::sample
