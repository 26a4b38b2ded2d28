#pragma once

#include "data/analysis/analysis_tables.hpp"
#include "data/analysis/camera_coverage.hpp"
#include "data/analysis/coverage.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/analysis/stats_table.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace citytwin::data
{

/// The analyses of `citytwin stats` and of the Analysis dock, one function per subject, end to end: the inputs
/// read from the project file, the records built, the computation, and the result table with the figures the
/// callers summarise. The verb and the dock call the same function, so a table is the same whichever asks.
/// Every function may run on any thread (the dock runs them on a worker): each opens the project itself, and
/// stores are only read. Coordinates are in the project CRS (metres).

/// Reads one layer of a project (in the project CRS); NoFeatures when the project has no such layer.
Result<VectorLayer> readProjectLayer(const std::string& projectPath, const std::string& name);

/// What incidents are counted per.
enum class IncidentGrouping
{
    Grid,
    Community,
    Category,
};

/// Incidents following a filter, per grid or community (incidentStatsTable) or per category
/// (categoryStatsTable).
StatsTable runIncidents(const IncidentStore& store, const IncidentFilter& filter, IncidentGrouping grouping);

/// Hot spots of a week, and the grids their neighbours were taken from.
struct HotspotRun
{
    StatsTable table;  ///< hotspotStatsTable, one row per grid
    VectorLayer grids; ///< the project's grids layer
};

/// Weekly hot spots per grid (hotspotStatsTable over the adjacency of the project's grids). Fails with the read
/// error when the project has no readable grids layer.
Result<HotspotRun> runHotspots(const std::string& projectPath, const IncidentStore& store, const IncidentFilter& filter,
                               const HotspotOptions& options);

/// Recurring places and how many incidents they hold together.
struct RecurringRun
{
    StatsTable table;           ///< recurringStatsTable, the largest place first
    std::int64_t incidents = 0; ///< the sum of the places' counts
};

/// Returns whether recurring places can be looked for with these options: a distance above 0, a window of at least
/// 0 seconds and at least 2 incidents a place.
bool validRecurringOptions(const RecurringOptions& options);

/// Places where incidents of one category keep recurring (recurringStatsTable).
RecurringRun runRecurring(const IncidentStore& store, const IncidentFilter& filter, const RecurringOptions& options);

/// Party coverage and its table.
struct PartyRun
{
    PartyCoverage coverage;
    StatsTable table; ///< partyStatsTable at the level asked
};

/// Party coverage from the project's buildings, party_orgs and party_links layers. Fails with the first read error
/// (layers in that order, then their records).
Result<PartyRun> runPartyCoverage(const std::string& projectPath, AreaLevel level);

/// Each populated grid's share of households reached by a 1+10 link against the median hours its incidents took to
/// close, with the correlations: whether party coverage goes with faster handling.
struct PartyHandling
{
    std::vector<double> linkShare;  ///< per grid, 0 to 1
    std::vector<double> closeHours; ///< per grid, the same order
    double pearson = 0.0;
    double spearman = 0.0;
};

/// Pairs the grids of a party coverage with the incidents (following the filter) of the same grid; grids without
/// households or without a closed incident are left out.
PartyHandling partyAgainstHandling(const PartyCoverage& coverage, const IncidentStore& store,
                                   const IncidentFilter& filter);

/// A project's buildings and stations as the service analysis reads them (the lean GeoPackage readers).
struct ServiceInputs
{
    std::vector<BuildingRecord> buildings;
    std::vector<StationRecord> stations;

    /// Returns the station kinds the project has, sorted.
    std::set<std::string> kinds() const;
};

/// Reads the buildings and stations tables of a project (readBuildingRecords, readStationRecords).
Result<ServiceInputs> readServiceInputs(const std::string& projectPath);

/// What a service analysis computes.
struct ServiceRunOptions
{
    std::string kind = "day_care";
    /// Walking distances in metres (ServiceCoverageOptions's).
    std::vector<double> distances = ServiceCoverageOptions().distances;
    /// One row per station of the kind (its load) instead of one per community and distance.
    bool perStation = false;
    /// How many sites to suggest for new stations (at the first distance); 0: none.
    int suggestions = 0;
};

/// Returns whether every distance is above 0 metres.
bool validServiceDistances(const ServiceRunOptions& options);

/// Service coverage, its table and the suggested sites.
struct ServiceRun
{
    ServiceCoverage coverage;
    StatsTable table; ///< serviceStatsTable, or stationLoadTable per station
    std::vector<SiteSuggestion> sites;
};

/// Service coverage of one station kind over inputs already read.
ServiceRun runServiceCoverage(const ServiceInputs& inputs, const ServiceRunOptions& options);
/// Reads a project's inputs, then the service coverage of one station kind.
Result<ServiceRun> runServiceCoverage(const std::string& projectPath, const ServiceRunOptions& options);

/// Camera coverage, its table and the grids it was measured on.
struct CameraRun
{
    CameraCoverage coverage;
    StatsTable table;  ///< cameraStatsTable, one row per grid
    VectorLayer grids; ///< the project's grids layer
};

/// Camera coverage from the project's cameras, buildings, grids and (when present) roads layers; with a store, the
/// table counts each grid's camera-AI detections. Fails with the first read error (cameras, buildings, grids, then
/// the camera records).
Result<CameraRun> runCameraCoverage(const std::string& projectPath, const IncidentStore* store);

/// The ground the cameras see as a polygon layer ("cameras (seen ground)": one feature per camera with a view,
/// fields camera_id and area_m2), to draw on the map.
VectorLayer seenGroundLayer(const CameraCoverage& coverage, const std::string& projectPath);

/// Points counted into polygons and what could not be counted.
struct PointCountRun
{
    StatsTable table;             ///< the polygon id (grid_id, community_id or id) and count, by id
    std::uint64_t points = 0;     ///< rows with a readable point
    std::uint64_t outside = 0;    ///< readable points in no polygon
    std::uint64_t unreadable = 0; ///< rows without a readable point
};

/// Counts the points of one table of the project into the polygons of another (countPointsInPolygons, keyed by
/// the polygons' `id`).
Result<PointCountRun> runPointCount(const std::string& projectPath, const std::string& pointsTable,
                                    const std::string& polygonsTable);

} // namespace citytwin::data
