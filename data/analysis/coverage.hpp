#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace citytwin::data
{

/// Party-organisation and service coverage of residents (issue "coverage"). Inputs are plain records read once
/// from the layers the app already holds; every function here is pure and may run on any thread.

/// A building as the coverage analyses see it (project CRS, metres). Missing numbers read as 0, missing ids as -1.
struct BuildingRecord
{
    std::int64_t id = -1;
    std::int64_t gridId = -1;
    std::int64_t communityId = -1;
    /// Area-weighted centroid of the footprint (holes subtracted); the first point for point layers.
    double x = 0.0;
    double y = 0.0;
    /// Footprint area in square metres.
    double footprintArea = 0.0;
    std::int64_t households = 0;
    std::int64_t population = 0;
    std::int64_t elderly = 0;
    std::int64_t children = 0;
};

/// A service station (point) of some kind ("day_care", "canteen", ...).
struct StationRecord
{
    std::int64_t id = -1;
    std::string kind;
    std::int64_t communityId = -1;
    double x = 0.0;
    double y = 0.0;
    double capacity = 0.0;
    double dailyVisits = 0.0;
};

/// The four levels of the party organisation. `member` rows are member households ("household" in the sample).
enum class PartyLevel
{
    Committee,
    Branch,
    Group,
    Member,
    Unknown,
};

/// One row of the party_orgs table.
struct PartyOrgRecord
{
    std::int64_t id = -1;
    PartyLevel level = PartyLevel::Unknown;
    std::int64_t communityId = -1;
    std::int64_t gridId = -1;
    std::int64_t buildingId = -1;
};

/// One "1+10" link from a member household to a linked household (id = building id * 1000 + flat).
struct PartyLinkRecord
{
    std::int64_t householdId = -1;
    std::int64_t linkedHouseholdId = -1;
    /// The linked household's building; -1 when unknown (then taken as linkedHouseholdId / 1000).
    std::int64_t linkedBuildingId = -1;
};

/// Reads buildings (fields id, grid_id, community_id, households, population, elderly, children; only `id` is
/// required). Fails with InvalidArgument when there is no `id` field.
Result<std::vector<BuildingRecord>> readBuildings(const VectorLayer& buildings);
/// Reads station points (fields id, kind, community_id, capacity, daily_visits; `kind` is required).
Result<std::vector<StationRecord>> readStations(const VectorLayer& stations);
/// Reads party_orgs rows (fields id, level, community_id, grid_id, building_id; `level` is required).
Result<std::vector<PartyOrgRecord>> readPartyOrgs(const VectorLayer& partyOrgs);
/// Reads party_links rows (household_id, linked_household_id, linked_building_id; `linked_household_id` is required).
Result<std::vector<PartyLinkRecord>> readPartyLinks(const VectorLayer& partyLinks);

/// Party coverage of one grid, one community or the whole district.
struct PartyCoverageRow
{
    std::int64_t id = -1; ///< grid or community id; -1 for the district
    int branches = 0;     ///< branch rows with this grid_id (community_id for communities)
    int buildings = 0;
    int residentialBuildings = 0;      ///< buildings with households > 0
    int residentialWithGroup = 0;      ///< of those, the ones with a `group` row naming the building
    double groupShare = 0.0;           ///< residentialWithGroup / residentialBuildings; 0 without residential buildings
    std::int64_t households = 0;       ///< sum of the buildings' households
    std::int64_t population = 0;       ///< sum of the buildings' population
    int memberHouseholds = 0;          ///< member-level rows with this grid_id (community_id)
    std::int64_t linkedHouseholds = 0; ///< distinct linked households living in the area's buildings
    double linkShare = 0.0;            ///< linkedHouseholds / households, at most 1; 0 without households

    bool hasBranch() const { return branches > 0; }
};

/// Party coverage per grid, per community and for the district, with the gap lists.
struct PartyCoverage
{
    std::vector<PartyCoverageRow> grids;       ///< every grid id met in buildings or party rows, by id
    std::vector<PartyCoverageRow> communities; ///< every community id met, by id
    PartyCoverageRow district;
    std::vector<std::int64_t> gridsWithoutBranch;    ///< populated grids (households > 0) with no branch
    std::vector<std::int64_t> buildingsWithoutGroup; ///< residential buildings with no building group
};

/// Computes party coverage. Links to households whose building is unknown are ignored (they have no area and
/// no household count to be a share of).
PartyCoverage partyCoverage(std::span<const BuildingRecord> buildings, std::span<const PartyOrgRecord> orgs,
                            std::span<const PartyLinkRecord> links);

/// What a coverage gap list is measured on.
enum class PartyMeasure
{
    GroupShare, ///< residential buildings with a building group
    LinkShare,  ///< households reached by a "1+10" link
};

/// Returns the ids of the rows (communities or grids) with households whose share is below threshold.
std::vector<std::int64_t> rowsBelow(std::span<const PartyCoverageRow> rows, PartyMeasure measure, double threshold);

/// Returns the Pearson correlation of the pairs (x[i], y[i]) where both are finite, or NaN with fewer than two
/// such pairs or a constant side. x and y must have the same size (extra values of the longer one are ignored).
double pearson(std::span<const double> x, std::span<const double> y);
/// Returns the Spearman rank correlation (Pearson of the ranks, ties given their average rank) of the finite pairs.
double spearman(std::span<const double> x, std::span<const double> y);

/// The people a station kind serves.
enum class TargetGroup
{
    Residents,
    Elderly,
    Children,
};

/// Returns the group served by a station kind: Elderly for day_care, canteen and elderly_home, Children for
/// after_school and childcare, Residents for every other kind.
TargetGroup targetGroupOf(std::string_view kind);
/// Returns how many people of the group live in a building.
std::int64_t groupCount(const BuildingRecord& building, TargetGroup group);

/// What serviceCoverage() computes.
struct ServiceCoverageOptions
{
    /// The station kind; empty: stations of every kind.
    std::string kind;
    /// Distances in metres (straight line from the building centroid to the station, standing in for walking
    /// distance, which is longer in practice).
    std::vector<double> distances = {500.0, 1000.0};
    /// The people counted; nothing: targetGroupOf(kind).
    std::optional<TargetGroup> group;
};

/// People of the target group and how many of them live within the distance of a station.
struct CoverageShare
{
    std::int64_t id = -1; ///< community id; -1 for the district
    std::int64_t people = 0;
    std::int64_t covered = 0;
    double share = 0.0; ///< covered / people; 0 when people is 0
};

/// A building whose people of the target group have no station within the distance.
struct UncoveredBuilding
{
    std::int64_t id = -1;
    std::int64_t people = 0; ///< people of the target group
};

/// Coverage at one distance.
struct ServiceLevel
{
    double distance = 0.0;
    CoverageShare district;
    std::vector<CoverageShare> communities;   ///< every community with buildings, by id
    std::vector<UncoveredBuilding> uncovered; ///< buildings with people of the group, most people first
};

/// A station's load: daily visits per place.
struct StationLoad
{
    std::int64_t id = -1;
    double capacity = 0.0;
    double dailyVisits = 0.0;
    double load = 0.0; ///< dailyVisits / capacity; NaN when the capacity is not positive
};

/// Service coverage of one station kind.
struct ServiceCoverage
{
    std::string kind;
    TargetGroup group = TargetGroup::Residents;
    std::vector<ServiceLevel> levels; ///< one per distance, in the options' order
    /// Per building (input order): the distance to the nearest station of the kind, or +infinity beyond the
    /// largest distance asked.
    std::vector<double> nearestDistance;
    std::vector<StationLoad> loads; ///< stations of the kind, input order
};

/// Computes the share of the target group living within each distance of a station of the kind, using a spatial
/// hash of building centroids (cost about stations x buildings within the largest distance).
ServiceCoverage serviceCoverage(std::span<const BuildingRecord> buildings, std::span<const StationRecord> stations,
                                const ServiceCoverageOptions& options);

/// What suggestSites() looks for.
struct SiteSuggestionOptions
{
    std::string kind;
    double distance = 500.0;
    std::optional<TargetGroup> group;
    /// How many sites to suggest.
    int count = 3;
    /// Building ids allowed as sites; empty: every building.
    std::vector<std::int64_t> candidates;
};

/// One suggested site for a new station, at a building's centroid.
struct SiteSuggestion
{
    std::int64_t buildingId = -1;
    double x = 0.0;
    double y = 0.0;
    std::int64_t peopleGained = 0; ///< people of the group newly within the distance
    double shareAfter = 0.0;       ///< district share covered once this and the earlier suggestions are built
};

/// Suggests where to put the next stations: greedy maximal coverage, each pick covering the most people of the
/// group not yet within the distance of an existing or already suggested station (ties: the earlier candidate).
/// Stops early when no candidate gains anyone. Gains are evaluated lazily (CELF, from bucket upper bounds), with the
/// same picks as evaluating every candidate: about 1.5 ms on the sample, about 1 s for 500k buildings.
std::vector<SiteSuggestion> suggestSites(std::span<const BuildingRecord> buildings,
                                         std::span<const StationRecord> stations, const SiteSuggestionOptions& options);

} // namespace citytwin::data
