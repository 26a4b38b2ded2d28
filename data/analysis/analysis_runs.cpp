#include "data/analysis/analysis_runs.hpp"

#include "data/project/schema.hpp"

#include "data/analysis/gpkg_records.hpp"
#include "data/analysis/hotspots.hpp"
#include "data/analysis/point_count.hpp"
#include "data/io/vector_source.hpp"

#include <cmath>
#include <map>

namespace citytwin::data
{

Result<VectorLayer> readProjectLayer(const std::string& projectPath, const std::string& name)
{
    VectorReadOptions options;
    options.layerName = name;
    auto layers = readVectorSource(projectPath, options);
    if (!layers)
        return layers.error();
    if (layers->empty())
        return Error{ErrorCode::NoFeatures, "the project has no layer " + name, projectPath};
    return std::move(layers->front());
}

StatsTable runIncidents(const IncidentStore& store, const IncidentFilter& filter, IncidentGrouping grouping)
{
    if (grouping == IncidentGrouping::Category)
        return categoryStatsTable(store, filter);
    return incidentStatsTable(store, filter,
                              grouping == IncidentGrouping::Grid ? AreaLevel::Grid : AreaLevel::Community);
}

Result<HotspotRun> runHotspots(const std::string& projectPath, const IncidentStore& store, const IncidentFilter& filter,
                               const HotspotOptions& options)
{
    auto grids = readProjectLayer(projectPath, schema::grids::Table);
    if (!grids)
        return grids.error();
    HotspotRun run;
    run.grids = std::move(grids.value());
    run.table = hotspotStatsTable(store, filter, gridAdjacency(run.grids), options);
    return run;
}

bool validRecurringOptions(const RecurringOptions& options)
{
    return options.distance > 0.0 && options.window >= 0 && options.minimumCount >= 2;
}

RecurringRun runRecurring(const IncidentStore& store, const IncidentFilter& filter, const RecurringOptions& options)
{
    RecurringRun run;
    run.table = recurringStatsTable(store, filter, options);
    const int count = run.table.columnIndex("count");
    for (const auto& row : run.table.rows)
        run.incidents += static_cast<std::int64_t>(StatsTable::number(row[static_cast<std::size_t>(count)]));
    return run;
}

Result<PartyRun> runPartyCoverage(const std::string& projectPath, AreaLevel level)
{
    // Every layer is read before the first failure is reported, as the verb always did.
    auto buildings = readProjectLayer(projectPath, schema::buildings::Table);
    auto orgs = readProjectLayer(projectPath, schema::party_orgs::Table);
    auto links = readProjectLayer(projectPath, schema::party_links::Table);
    for (const auto* layer : {&buildings, &orgs, &links})
        if (!*layer)
            return layer->error();
    auto buildingRecords = readBuildings(*buildings);
    auto orgRecords = readPartyOrgs(*orgs);
    auto linkRecords = readPartyLinks(*links);
    if (!buildingRecords)
        return buildingRecords.error();
    if (!orgRecords)
        return orgRecords.error();
    if (!linkRecords)
        return linkRecords.error();
    PartyRun run;
    run.coverage = partyCoverage(*buildingRecords, *orgRecords, *linkRecords);
    run.table = partyStatsTable(run.coverage, level);
    return run;
}

PartyHandling partyAgainstHandling(const PartyCoverage& coverage, const IncidentStore& store,
                                   const IncidentFilter& filter)
{
    const StatsTable perGrid = partyStatsTable(coverage, AreaLevel::Grid);
    const StatsTable incidents = incidentStatsTable(store, filter, AreaLevel::Grid);
    std::map<std::int64_t, double> closeHours;
    const auto close = static_cast<std::size_t>(incidents.columnIndex("median_close_h"));
    for (const auto& row : incidents.rows)
        closeHours[static_cast<std::int64_t>(StatsTable::number(row[0]))] = StatsTable::number(row[close]);
    PartyHandling handling;
    const auto share = static_cast<std::size_t>(perGrid.columnIndex("link_share"));
    const auto households = static_cast<std::size_t>(perGrid.columnIndex("households"));
    for (const auto& row : perGrid.rows)
    {
        const auto found = closeHours.find(static_cast<std::int64_t>(StatsTable::number(row[0])));
        if (found == closeHours.end() || !std::isfinite(found->second) || StatsTable::number(row[households]) <= 0)
            continue;
        handling.linkShare.push_back(StatsTable::number(row[share]));
        handling.closeHours.push_back(found->second);
    }
    handling.pearson = pearson(handling.linkShare, handling.closeHours);
    handling.spearman = spearman(handling.linkShare, handling.closeHours);
    return handling;
}

std::set<std::string> ServiceInputs::kinds() const
{
    std::set<std::string> present;
    for (const StationRecord& station : stations)
        present.insert(station.kind);
    return present;
}

Result<ServiceInputs> readServiceInputs(const std::string& projectPath)
{
    auto buildings = readBuildingRecords(projectPath);
    auto stations = readStationRecords(projectPath);
    if (!buildings)
        return buildings.error();
    if (!stations)
        return stations.error();
    return ServiceInputs{std::move(buildings.value()), std::move(stations.value())};
}

bool validServiceDistances(const ServiceRunOptions& options)
{
    for (double distance : options.distances)
        if (!(distance > 0.0))
            return false;
    return true;
}

ServiceRun runServiceCoverage(const ServiceInputs& inputs, const ServiceRunOptions& options)
{
    ServiceCoverageOptions coverageOptions;
    coverageOptions.kind = options.kind;
    coverageOptions.distances = options.distances;
    ServiceRun run;
    run.coverage = serviceCoverage(inputs.buildings, inputs.stations, coverageOptions);
    run.table = options.perStation ? stationLoadTable(run.coverage, inputs.stations)
                                   : serviceStatsTable(run.coverage, inputs.stations);
    if (options.suggestions > 0 && !options.distances.empty())
    {
        SiteSuggestionOptions siteOptions;
        siteOptions.kind = options.kind;
        siteOptions.distance = options.distances.front();
        siteOptions.count = options.suggestions;
        run.sites = suggestSites(inputs.buildings, inputs.stations, siteOptions);
    }
    return run;
}

Result<ServiceRun> runServiceCoverage(const std::string& projectPath, const ServiceRunOptions& options)
{
    auto inputs = readServiceInputs(projectPath);
    if (!inputs)
        return inputs.error();
    return runServiceCoverage(*inputs, options);
}

Result<CameraRun> runCameraCoverage(const std::string& projectPath, const IncidentStore* store)
{
    auto cameras = readProjectLayer(projectPath, schema::cameras::Table);
    auto buildings = readProjectLayer(projectPath, schema::buildings::Table);
    auto grids = readProjectLayer(projectPath, schema::grids::Table);
    for (const auto* layer : {&cameras, &buildings, &grids})
        if (!*layer)
            return layer->error();
    // Roads are optional: without them, street shares are 0.
    auto roads = readProjectLayer(projectPath, schema::roads::Table);
    auto records = readCameras(*cameras);
    if (!records)
        return records.error();
    CameraRun run;
    run.coverage = cameraCoverage(*records, *buildings, *grids, roads ? &roads.value() : nullptr, {});
    run.table = cameraStatsTable(run.coverage, *records, *cameras, store);
    run.grids = std::move(grids.value());
    return run;
}

VectorLayer seenGroundLayer(const CameraCoverage& coverage, const std::string& projectPath)
{
    VectorLayer views;
    views.name = "cameras (seen ground)";
    views.role = LayerRole::SeenGround;
    views.derivedFrom.sourceLayer = schema::cameras::Table;
    views.sourcePath = projectPath;
    views.kind = GeometryKind::Polygon;
    views.fieldNames = {"camera_id", "area_m2"};
    for (const CameraView& view : coverage.views)
    {
        if (view.polygon.size() < 3)
            continue;
        Feature feature;
        feature.fid = view.cameraId;
        feature.polygons.push_back({{view.polygon}});
        feature.values = {std::to_string(view.cameraId), std::to_string(view.area)};
        for (const Position& point : view.polygon)
            views.extent.include(point.x, point.y);
        views.features.push_back(std::move(feature));
    }
    return views;
}

Result<PointCountRun> runPointCount(const std::string& projectPath, const std::string& pointsTable,
                                    const std::string& polygonsTable)
{
    auto counts = countPointsInPolygons(projectPath, pointsTable, polygonsTable, "id");
    if (!counts)
        return counts.error();
    PointCountRun run;
    // The id column is named after the areas it counts into, when they are the project's grids or communities.
    const char* idColumn = polygonsTable == schema::grids::Table         ? "grid_id"
                           : polygonsTable == schema::communities::Table ? "community_id"
                                                                         : "id";
    run.table.columns = {idColumn, "count"};
    for (std::size_t i = 0; i < counts->ids.size(); ++i)
        run.table.rows.push_back({counts->ids[i], static_cast<std::int64_t>(counts->counts[i])});
    run.points = counts->points;
    run.outside = counts->outside;
    run.unreadable = counts->unreadable;
    return run;
}

} // namespace citytwin::data
