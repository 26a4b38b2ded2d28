// Coverage benchmark tool, run by run_coverage_bench.sh:
//   bench_coverage generate SAMPLE.gpkg OUT.gpkg N [SEED]   writes N buildings (the sample's, then copies of them
//                                                          shifted by up to 250 m) and the sample's stations
//   bench_coverage service FILE.gpkg KIND DISTANCE RUNS     reads buildings + stations, then times serviceCoverage()
//   bench_coverage coverage FILE.gpkg KIND DISTANCE         the same once, end to end (for whole-process timing)
//   bench_coverage camera SAMPLE.gpkg RUNS                  times cameraCoverage() over the sample's cameras
//   bench_coverage party SAMPLE.gpkg RUNS                   times partyCoverage()
// Times are printed in milliseconds; the last line of `service` is "buildings N population P" (the buildings whose
// centroid lies within DISTANCE of a station of KIND), to check against the SpatiaLite query.
#include "data/analysis/camera_coverage.hpp"
#include "data/analysis/coverage.hpp"
#include "data/analysis/gpkg_records.hpp"
#include "data/io/vector_source.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace citytwin;

namespace
{
double since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// Runs work runs times and returns the median time in milliseconds.
double medianOf(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int run = 0; run < std::max(1, runs); ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(since(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

data::VectorLayer readLayer(const std::string& path, const std::string& name)
{
    data::VectorReadOptions options;
    options.layerName = name;
    auto layers = data::readVectorSource(path, options);
    if (!layers.ok() || layers->empty())
    {
        std::fprintf(stderr, "cannot read %s from %s: %s\n", name.c_str(), path.c_str(),
                     layers.ok() ? "no such layer" : layers.error().message().c_str());
        std::exit(1);
    }
    return std::move(layers->front());
}

template <class T> T valueOrExit(data::Result<T> result)
{
    if (!result.ok())
    {
        std::fprintf(stderr, "%s\n", result.error().message().c_str());
        std::exit(1);
    }
    return std::move(result).value();
}

std::string fieldOf(const data::VectorLayer& layer, const data::Feature& feature, const std::string& name)
{
    const auto found = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), name);
    const auto index = static_cast<std::size_t>(found - layer.fieldNames.begin());
    return found == layer.fieldNames.end() || index >= feature.values.size() ? std::string() : feature.values[index];
}

OGRLayer* createLayer(GDALDataset& dataset, const char* name, OGRwkbGeometryType type,
                      const std::vector<std::pair<const char*, OGRFieldType>>& fields)
{
    OGRSpatialReference srs;
    srs.importFromEPSG(4548);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = dataset.CreateLayer(name, &srs, type, nullptr);
    if (layer == nullptr)
    {
        std::fprintf(stderr, "cannot create layer %s\n", name);
        std::exit(1);
    }
    for (const auto& [field, fieldType] : fields)
    {
        OGRFieldDefn definition(field, fieldType);
        if (layer->CreateField(&definition) != OGRERR_NONE)
        {
            std::fprintf(stderr, "cannot create field %s\n", field);
            std::exit(1);
        }
    }
    return layer;
}

int generate(const std::string& samplePath, const std::string& outPath, long count, unsigned seed)
{
    const data::VectorLayer buildings = readLayer(samplePath, "buildings");
    const data::VectorLayer stations = readLayer(samplePath, "stations");
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* dataset = driver->Create(outPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (dataset == nullptr)
        return 1;
    const std::vector<std::pair<const char*, OGRFieldType>> buildingFields = {
        {"id", OFTInteger64},         {"grid_id", OFTInteger64},    {"community_id", OFTInteger64},
        {"households", OFTInteger64}, {"population", OFTInteger64}, {"elderly", OFTInteger64},
        {"children", OFTInteger64}};
    OGRLayer* out = createLayer(*dataset, "buildings", wkbMultiPolygon, buildingFields);
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> shift(-250.0, 250.0);
    dataset->StartTransaction();
    const long sampleCount = static_cast<long>(buildings.features.size());
    for (long i = 0; i < count; ++i)
    {
        const data::Feature& source = buildings.features[static_cast<std::size_t>(i % sampleCount)];
        const double dx = i < sampleCount ? 0.0 : shift(random), dy = i < sampleCount ? 0.0 : shift(random);
        OGRFeature feature(out->GetLayerDefn());
        feature.SetField("id", static_cast<GIntBig>(i + 1));
        for (const char* field : {"grid_id", "community_id", "households", "population", "elderly", "children"})
            feature.SetField(field, std::atoll(fieldOf(buildings, source, field).c_str()));
        OGRMultiPolygon multi;
        for (const data::Polygon& polygon : source.polygons)
        {
            OGRPolygon part;
            for (const data::Ring& ring : polygon.rings)
            {
                OGRLinearRing linear;
                for (const data::Position& p : ring)
                    linear.addPoint(p.x + dx, p.y + dy);
                linear.closeRings();
                part.addRing(&linear);
            }
            multi.addGeometry(&part);
        }
        feature.SetGeometry(&multi);
        if (out->CreateFeature(&feature) != OGRERR_NONE)
        {
            std::fprintf(stderr, "cannot write building %ld to %s\n", i + 1, outPath.c_str());
            return 1;
        }
    }
    OGRLayer* stationLayer = createLayer(*dataset, "stations", wkbPoint,
                                         {{"id", OFTInteger64},
                                          {"kind", OFTString},
                                          {"community_id", OFTInteger64},
                                          {"capacity", OFTReal},
                                          {"daily_visits", OFTReal}});
    for (const data::Feature& source : stations.features)
    {
        OGRFeature feature(stationLayer->GetLayerDefn());
        for (const char* field : {"id", "kind", "community_id", "capacity", "daily_visits"})
            feature.SetField(field, fieldOf(stations, source, field).c_str());
        OGRPoint point(source.points.front().x, source.points.front().y);
        feature.SetGeometry(&point);
        if (stationLayer->CreateFeature(&feature) != OGRERR_NONE)
        {
            std::fprintf(stderr, "cannot write a station to %s\n", outPath.c_str());
            return 1;
        }
    }
    dataset->CommitTransaction();
    GDALClose(dataset);
    std::printf("wrote %ld buildings and %zu stations to %s\n", count, stations.features.size(), outPath.c_str());
    return 0;
}

int service(const std::string& path, const std::string& kind, double distance, int runs)
{
    const auto start = std::chrono::steady_clock::now();
    const data::VectorLayer buildingLayer = readLayer(path, "buildings");
    const data::VectorLayer stationLayer = readLayer(path, "stations");
    const double readMs = since(start);
    std::vector<data::BuildingRecord> buildings;
    std::vector<data::StationRecord> stations;
    const double recordsMs = medianOf(runs,
                                      [&]
                                      {
                                          buildings = valueOrExit(data::readBuildings(buildingLayer));
                                          stations = valueOrExit(data::readStations(stationLayer));
                                      });
    data::ServiceCoverageOptions options;
    options.kind = kind;
    options.distances = {distance};
    options.group = data::TargetGroup::Residents;
    data::ServiceCoverage coverage;
    const double kernelMs = medianOf(runs, [&] { coverage = data::serviceCoverage(buildings, stations, options); });
    long covered = 0;
    for (double d : coverage.nearestDistance)
        covered += d <= distance ? 1 : 0;
    options.distances = {500.0, 1000.0};
    options.group.reset();
    data::ServiceCoverage own;
    const double bothMs = medianOf(runs, [&] { own = data::serviceCoverage(buildings, stations, options); });
    std::printf("%s, its own group: district share %.3f within 500 m, %.3f within 1000 m; %zu buildings uncovered at "
                "500 m\n",
                kind.c_str(), own.levels[0].district.share, own.levels[1].district.share,
                own.levels[0].uncovered.size());
    data::SiteSuggestionOptions siteOptions;
    siteOptions.kind = kind;
    siteOptions.distance = distance;
    const double sitesMs = medianOf(std::min(runs, 3), [&] { data::suggestSites(buildings, stations, siteOptions); });
    std::printf(
        "read layers %.1f ms, records %.1f ms (median), coverage at %.0f m %.3f ms (median of %d), at 500 + 1000 m "
        "%.3f ms, 3 site suggestions %.1f ms\n",
        readMs, recordsMs, distance, kernelMs, runs, bothMs, sitesMs);
    std::printf("kernel_ms %.3f\n", kernelMs);
    std::printf("inmemory_ms %.3f\n", recordsMs + kernelMs);
    std::printf("buildings %ld population %lld\n", covered,
                static_cast<long long>(coverage.levels.front().district.covered));
    return 0;
}

/// End to end as a user would run it once: read both layers from the file, make the records, compute once.
int coverageOnce(const std::string& path, const std::string& kind, double distance)
{
    // The lean GeoPackage readers (sqlite3 rows, blobs parsed in place), as `citytwin stats services` reads.
    const auto buildings = valueOrExit(data::readBuildingRecords(path));
    const auto stations = valueOrExit(data::readStationRecords(path));
    data::ServiceCoverageOptions options;
    options.kind = kind;
    options.distances = {distance};
    options.group = data::TargetGroup::Residents;
    const data::ServiceCoverage coverage = data::serviceCoverage(buildings, stations, options);
    const auto covered = std::count_if(coverage.nearestDistance.begin(), coverage.nearestDistance.end(),
                                       [distance](double d) { return d <= distance; });
    std::printf("buildings %ld population %lld\n", static_cast<long>(covered),
                static_cast<long long>(coverage.levels.front().district.covered));
    return 0;
}

int camera(const std::string& path, int runs)
{
    const auto start = std::chrono::steady_clock::now();
    const data::VectorLayer buildings = readLayer(path, "buildings");
    const data::VectorLayer grids = readLayer(path, "grids");
    const data::VectorLayer roads = readLayer(path, "roads");
    const auto cameras = valueOrExit(data::readCameras(readLayer(path, "cameras")));
    const double readMs = since(start);
    data::CameraCoverage coverage;
    const double viewsMs = medianOf(runs,
                                    [&]
                                    {
                                        const data::ViewshedCaster caster(buildings);
                                        for (const data::CameraRecord& c : cameras)
                                            caster.view(c);
                                    });
    for (double cell : {2.0, 1.0})
    {
        data::CameraCoverageOptions options;
        options.cellSize = cell;
        const double totalMs =
            medianOf(runs, [&] { coverage = data::cameraCoverage(cameras, buildings, grids, &roads, options); });
        std::printf("%zu cameras: read layers %.0f ms, views alone %.0f ms, coverage with %.0f m cells %.0f ms "
                    "(median of %d); open ground in view %.2f %%, streets %.2f %%, %zu blind grids\n",
                    cameras.size(), readMs, viewsMs, cell, totalMs, runs, 100.0 * coverage.district.openShare,
                    100.0 * coverage.district.streetShare, coverage.blindSpotGrids.size());
    }
    return 0;
}

int party(const std::string& path, int runs)
{
    const auto start = std::chrono::steady_clock::now();
    const auto buildings = valueOrExit(data::readBuildings(readLayer(path, "buildings")));
    const auto orgs = valueOrExit(data::readPartyOrgs(readLayer(path, "party_orgs")));
    const auto links = valueOrExit(data::readPartyLinks(readLayer(path, "party_links")));
    const double readMs = since(start);
    data::PartyCoverage coverage;
    const double ms = medianOf(runs, [&] { coverage = data::partyCoverage(buildings, orgs, links); });
    std::printf("party coverage: read layers %.0f ms, compute %.2f ms (median of %d); %zu grids (%zu populated "
                "without branch), %zu communities, %zu homes without group; district group share %.3f, link share "
                "%.3f\n",
                readMs, ms, runs, coverage.grids.size(), coverage.gridsWithoutBranch.size(),
                coverage.communities.size(), coverage.buildingsWithoutGroup.size(), coverage.district.groupShare,
                coverage.district.linkShare);
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "generate" && argc >= 5)
        return generate(argv[2], argv[3], std::atol(argv[4]),
                        argc > 5 ? static_cast<unsigned>(std::atoi(argv[5])) : 7U);
    if (mode == "service" && argc == 6)
        return service(argv[2], argv[3], std::atof(argv[4]), std::atoi(argv[5]));
    if (mode == "coverage" && argc == 5)
        return coverageOnce(argv[2], argv[3], std::atof(argv[4]));
    if (mode == "camera" && argc == 4)
        return camera(argv[2], std::atoi(argv[3]));
    if (mode == "party" && argc == 4)
        return party(argv[2], std::atoi(argv[3]));
    std::fprintf(stderr,
                 "usage: %s generate SAMPLE.gpkg OUT.gpkg N [SEED] | service FILE.gpkg KIND DISTANCE RUNS | "
                 "coverage FILE.gpkg KIND DISTANCE | "
                 "camera SAMPLE.gpkg RUNS | party SAMPLE.gpkg RUNS\n",
                 argv[0]);
    return 2;
}
