// Analysis benchmark tool (run by run_analysis_bench.sh and compare_peers.sh). Modes, each printing one line of
// key=value pairs:
//   generate SAMPLE.gpkg OUT.gpkg N [--seed S] [--no-indexes] [--edge-points K]
//       a project-shaped GeoPackage: a new CityTwin project, the sample's grids copied in (GDAL CopyLayer), and N
//       random incidents inside the grids (60 % around 300 hot spots, 40 % spread out) written with sqlite3 and
//       GPKG blobs, with the R-tree filled after the load (and the project's incident indexes unless --no-indexes);
//       about K of them lie exactly on grid vertices (shared by several grids) to exercise the edge rules.
//   count PROJECT.gpkg [--csv OUT.csv] [--threads T]
//       countPointsInPolygons(incidents, grids, id) end to end from the file; --csv writes "id,count" lines.
//   load PROJECT.gpkg
//       IncidentStore::load: seconds, bytes per incident, the store's memory and the peak anonymous memory.
//   open PROJECT.gpkg
//       IncidentStore::open, what the window and the verbs call: from the column cache beside the project when it
//       matches (from_cache=1), else load and write the cache; seconds.
//   aggregate PROJECT.gpkg [RUNS]
//       loads, then re-aggregates after filter changes (time range + category) and runs each analysis; medians.
//   density PROJECT.gpkg OUT.tif
//       kernel density of the incidents at 10 m cells, end to end: read the points, data::kernelDensity with the
//       sigma of a 300 m quartic kernel (300 / sqrt(8) m), write a Float32 GeoTIFF.
#include "data/io/gdal_open.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/core/date_time.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/analysis/kernel_density.hpp"
#include "data/analysis/point_count.hpp"
#include "data/project/project_store.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace citytwin;

namespace
{
using Clock = std::chrono::steady_clock;

/// Stops the benchmark with the error when a step of writing its data set failed (its figures would be wrong).
template <class T> void mustSucceed(const data::Result<T>& result)
{
    if (result)
        return;
    std::fprintf(stderr, "bench_analysis: %s\n", result.error().message().c_str());
    std::exit(1);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

int fail(const data::Error& error)
{
    std::fprintf(stderr, "error: %s\n", error.message().c_str());
    return 1;
}

/// Reads one "Key:   value kB" line of /proc/self/status, in MiB.
double statusMiB(const char* key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::size_t length = std::strlen(key);
    while (std::getline(status, line))
        if (line.compare(0, length, key) == 0)
            return std::atof(line.c_str() + length + 1) / 1024.0;
    return 0.0;
}

/// Samples the anonymous resident memory every 2 ms while alive and keeps the peak (VmHWM would count the mapped
/// database pages and libraries too).
class AnonymousPeak
{
public:
    AnonymousPeak()
        : mThread(
              [this](std::stop_token stop)
              {
                  while (!stop.stop_requested())
                  {
                      const double now = statusMiB("RssAnon:");
                      double seen = mPeak.load();
                      while (now > seen && !mPeak.compare_exchange_weak(seen, now))
                          ;
                      std::this_thread::sleep_for(std::chrono::milliseconds(2));
                  }
              })
    {
    }
    double peak() const { return mPeak.load(); }

private:
    std::atomic<double> mPeak{0.0};
    std::jthread mThread;
};

// ---------------------------------------------------------------------------------------------------------------
// generate

struct Category
{
    const char* code;
    double weight;
};
constexpr Category Categories[] = {
    {"street_vending", 14},
    {"unlicensed_vendor", 6},
    {"exposed_garbage", 12},
    {"illegal_parking", 16},
    {"non_motor_parking", 8},
    {"overflowing_bin", 7},
    {"outdoor_advertising", 3},
    {"stacked_materials", 5},
    {"laundry_on_street", 2},
    {"road_damage", 4},
    {"manhole_cover", 1},
    {"illegal_construction", 2},
    {"noise", 5},
    {"water_supply", 3},
    {"heating", 3},
    {"greening", 2},
    {"street_light", 3},
    {"property_dispute", 2},
    {"safety_hazard", 1},
    {"other", 1},
};

/// Copies the sample's grids into the project and returns every vertex of their rings (for edge points).
data::Result<std::vector<std::pair<double, double>>> copyGrids(const std::string& sample, const std::string& out)
{
    data::ensureGdalRegistered();
    data::GdalDatasetPtr source(data::openReadOnly(sample, GDAL_OF_VECTOR));
    if (!source || !source->GetLayerByName("grids"))
        return data::Error{data::ErrorCode::OpenFailed, "no grids layer", sample};
    data::GdalDatasetPtr target(
        GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    OGRLayer* grids = source->GetLayerByName("grids");
    if (!target || !target->CopyLayer(grids, "grids"))
        return data::Error{data::ErrorCode::StoreFailed, "cannot copy the grids", out};
    std::vector<std::pair<double, double>> vertices;
    grids->ResetReading();
    while (std::unique_ptr<OGRFeature> feature{grids->GetNextFeature()})
    {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbMultiPolygon)
            continue;
        for (const OGRPolygon* polygon : *geometry->toMultiPolygon())
            for (const OGRPoint& point : *polygon->getExteriorRing())
                vertices.emplace_back(point.getX(), point.getY());
    }
    return vertices;
}

/// The position of (x, y) (each in [0, 65536)) along a Hilbert curve: R-tree inserts in this order touch few nodes.
std::uint64_t hilbertKey(std::uint32_t x, std::uint32_t y)
{
    std::uint64_t key = 0;
    for (std::uint32_t s = 1u << 15; s > 0; s >>= 1)
    {
        const std::uint32_t rx = (x & s) ? 1 : 0, ry = (y & s) ? 1 : 0;
        key += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0)
        {
            if (rx == 1)
            {
                x = s - 1 - (x & (s - 1));
                y = s - 1 - (y & (s - 1));
            }
            std::swap(x, y);
        }
        x &= s - 1;
        y &= s - 1;
    }
    return key;
}

/// Fills the incident R-tree in Hilbert order (SQLite's R-tree inserts are several times faster in spatial order).
void fillRtree(data::Database& db, std::vector<std::tuple<std::uint64_t, std::int64_t, double, double>>& entries)
{
    std::sort(entries.begin(), entries.end());
    auto insert = db.prepare("INSERT INTO rtree_incidents_geom VALUES(?, ?, ?, ?, ?)");
    mustSucceed(db.exec("BEGIN"));
    for (const auto& [key, fid, x, y] : entries)
        mustSucceed(insert->bind(1, fid).bind(2, x).bind(3, x).bind(4, y).bind(5, y).run());
    mustSucceed(db.exec("COMMIT"));
}

/// Writes "YYYY-MM-DDTHH:MM:SS.000Z" into text (24 characters).
void formatTime(std::int64_t seconds, char* text)
{
    const std::string formatted = data::formatUtc(seconds);
    std::memcpy(text, formatted.data(), 24);
}

/// Random incidents inside the grids: 60 % around 300 hot spots (120 m spread), 40 % anywhere; every
/// (n / edgePoints)-th exactly on a grid vertex, as snapped positions are in real data (the peers' edge rules then
/// differ from ours). Lifecycle delays are exponential; 0.5 % of the incidents stop at an earlier stage.
class IncidentGenerator
{
public:
    struct Row
    {
        double x = 0.0;
        double y = 0.0;
        std::int64_t grid = 0;
        const char* source = "";
        const char* category = "";
        int stages = 3;             ///< 0 reported ... 3 closed
        std::int64_t times[4] = {}; ///< reported, dispatched, handled, closed
        std::optional<std::int64_t> camera;
    };

    IncidentGenerator(const data::PolygonIndex& grids, std::vector<std::pair<double, double>> vertices, unsigned seed,
                      long long every)
        : mGrids(grids), mVertices(std::move(vertices)), mRandom(seed), mEvery(every)
    {
        while (mHotSpots.size() < 300)
            if (const auto [x, y] = anywhere(); grids.find(x, y))
                mHotSpots.emplace_back(x, y);
        std::vector<double> weights;
        for (const Category& category : Categories)
            weights.push_back(category.weight);
        mCategory = std::discrete_distribution<int>(weights.begin(), weights.end());
    }

    void next(long long i, Row& row)
    {
        std::optional<std::int64_t> grid;
        do
        {
            std::tie(row.x, row.y) = mUnit(mRandom) < 0.6 ? nearHotSpot() : anywhere();
            if (mEvery > 0 && i % mEvery == 0 && !mVertices.empty())
                std::tie(row.x, row.y) = mVertices[mRandom() % mVertices.size()];
            grid = mGrids.find(row.x, row.y);
        } while (!grid);
        row.grid = *grid;
        const double sourceDraw = mUnit(mRandom);
        row.source = sourceDraw < 0.30   ? "camera_ai"
                     : sourceDraw < 0.64 ? "grid_inspector"
                     : sourceDraw < 0.84 ? "citizen_app"
                                         : "hotline";
        row.camera = sourceDraw < 0.30 ? std::optional<std::int64_t>(1 + mRandom() % 7803) : std::nullopt;
        row.category = Categories[mCategory(mRandom)].code;
        constexpr std::int64_t YearStart = 1735660800; // 2025-01-01T00:00:00+08:00
        row.times[0] = YearStart + static_cast<std::int64_t>(mUnit(mRandom) * 365 * 86400);
        row.times[1] = row.times[0] + static_cast<std::int64_t>(mToDispatch(mRandom));
        row.times[2] = row.times[1] + static_cast<std::int64_t>(mToHandle(mRandom));
        row.times[3] = row.times[2] + static_cast<std::int64_t>(mToClose(mRandom));
        const double stageDraw = mUnit(mRandom);
        row.stages = stageDraw < 0.001 ? 0 : stageDraw < 0.003 ? 1 : stageDraw < 0.005 ? 2 : 3;
    }

private:
    std::pair<double, double> anywhere()
    {
        const data::Extent& e = mGrids.extent();
        return {e.minX + mUnit(mRandom) * (e.maxX - e.minX), e.minY + mUnit(mRandom) * (e.maxY - e.minY)};
    }
    std::pair<double, double> nearHotSpot()
    {
        const auto& spot = mHotSpots[mRandom() % mHotSpots.size()];
        return {spot.first + mSpread(mRandom), spot.second + mSpread(mRandom)};
    }

    const data::PolygonIndex& mGrids;
    std::vector<std::pair<double, double>> mVertices;
    std::vector<std::pair<double, double>> mHotSpots;
    std::mt19937_64 mRandom;
    long long mEvery;
    std::uniform_real_distribution<double> mUnit{0.0, 1.0};
    std::normal_distribution<double> mSpread{0.0, 120.0};
    std::discrete_distribution<int> mCategory;
    std::exponential_distribution<double> mToDispatch{1.0 / 1200.0};
    std::exponential_distribution<double> mToHandle{1.0 / 10800.0};
    std::exponential_distribution<double> mToClose{1.0 / 43200.0};
};

/// Drops the incident table's R-tree trigger, feature-count trigger and indexes for a bulk load; returns them
/// (name, sql) for recreation.
std::vector<std::pair<std::string, std::string>> suspendBulkObjects(data::Database& db)
{
    mustSucceed(db.exec("PRAGMA journal_mode=OFF"));
    mustSucceed(db.exec("PRAGMA synchronous=OFF"));
    mustSucceed(db.exec("PRAGMA cache_size=-262144"));
    std::vector<std::pair<std::string, std::string>> dropped;
    mustSucceed(
        db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'incidents' AND sql IS NOT NULL AND "
                   "(name IN ('rtree_incidents_geom_insert', 'trigger_insert_feature_count_incidents') OR "
                   "(type = 'index' AND name IN ('incidents_category_time', 'incidents_time', 'incidents_status_time', "
                   "'incidents_grid_time')))")
            ->forEachRow([&dropped](const data::Statement& row)
                         { dropped.emplace_back(row.columnText(0), row.columnText(1)); }));
    for (const auto& [name, sql] : dropped)
        mustSucceed(db.exec((sql.rfind("CREATE INDEX", 0) == 0 ? "DROP INDEX \"" : "DROP TRIGGER \"") + name + "\""));
    return dropped;
}

/// Writes n generated incidents in one transaction; collects the R-tree entries (Hilbert key over the grids'
/// extent, fid, x, y) and the incidents' extent.
data::Result<bool> writeIncidents(data::Database& db, IncidentGenerator& generator, long long n,
                                  const data::Extent& extent,
                                  std::vector<std::tuple<std::uint64_t, std::int64_t, double, double>>& rtree,
                                  data::Extent& written)
{
    std::unordered_map<std::int64_t, std::int64_t> communityOf;
    mustSucceed(db.prepare("SELECT id, community_id FROM grids")
                    ->forEachRow([&communityOf](const data::Statement& row)
                                 { communityOf[row.columnInt64(0)] = row.columnInt64(1); }));
    auto insert = db.prepare("INSERT INTO incidents(fid, geom, id, source, category, status, reported_at, "
                             "dispatched_at, handled_at, closed_at, grid_id, community_id, camera_id) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    static const char* const Statuses[] = {"reported", "dispatched", "handled", "closed"};
    const auto quantise = [](double v, double low, double high)
    { return static_cast<std::uint32_t>(std::clamp((v - low) / (high - low) * 65535.0, 0.0, 65535.0)); };
    mustSucceed(db.exec("BEGIN"));
    IncidentGenerator::Row row;
    char times[4][24];
    for (long long i = 0; i < n; ++i)
    {
        generator.next(i, row);
        written.include(row.x, row.y);
        rtree.emplace_back(
            hilbertKey(quantise(row.x, extent.minX, extent.maxX), quantise(row.y, extent.minY, extent.maxY)), i + 1,
            row.x, row.y);
        const std::string blob = data::gpkg::encodePoint(row.x, row.y, 4548);
        for (int stage = 0; stage < 4; ++stage)
            formatTime(row.times[stage], times[stage]);
        insert->bind(1, static_cast<std::int64_t>(i + 1))
            .bindBlob(2, blob.data(), blob.size())
            .bind(3, static_cast<std::int64_t>(i + 1))
            .bind(4, row.source)
            .bind(5, row.category)
            .bind(6, Statuses[row.stages])
            .bind(7, std::string_view(times[0], 24))
            .bind(11, row.grid)
            .bind(12, communityOf[row.grid])
            .bindOptional(13, row.camera);
        for (int stage = 1; stage <= 3; ++stage)
            stage <= row.stages ? insert->bind(7 + stage, std::string_view(times[stage], 24))
                                : insert->bindNull(7 + stage);
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return db.exec("COMMIT");
}

int generate(int argc, char** argv)
{
    if (argc < 5)
        return 2;
    const std::string sample = argv[2], out = argv[3];
    const long long n = std::atoll(argv[4]);
    unsigned seed = 1;
    bool indexes = true;
    long long edgePoints = 0;
    for (int i = 5; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--no-indexes") == 0)
            indexes = false;
        else if (std::strcmp(argv[i], "--edge-points") == 0 && i + 1 < argc)
            edgePoints = std::atoll(argv[++i]);
    }
    const auto start = Clock::now();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(out + suffix);
    if (auto project = data::ProjectStore::open(out); !project)
        return fail(project.error());
    auto vertices = copyGrids(sample, out);
    if (!vertices)
        return fail(vertices.error());
    auto grids = data::readPolygonIndex(out, "grids");
    if (!grids)
        return fail(grids.error());
    auto database = data::Database::open(out, data::Database::Mode::ReadWrite);
    if (!database)
        return fail(database.error());
    data::Database& db = database.value();

    const auto dropped = suspendBulkObjects(db);
    IncidentGenerator generator(grids.value(), std::move(vertices.value()), seed,
                                edgePoints > 0 ? std::max(1LL, n / edgePoints) : 0);
    std::vector<std::tuple<std::uint64_t, std::int64_t, double, double>> rtree;
    rtree.reserve(static_cast<std::size_t>(n));
    data::Extent written;
    if (auto done = writeIncidents(db, generator, n, grids->extent(), rtree, written); !done)
        return fail(done.error());
    const double rowsSeconds = secondsSince(start);
    const auto rtreeStart = Clock::now();
    fillRtree(db, rtree);
    const double rtreeSeconds = secondsSince(rtreeStart);
    std::vector<std::tuple<std::uint64_t, std::int64_t, double, double>>().swap(rtree);
    for (const auto& [name, sql] : dropped)
        if (indexes || sql.rfind("CREATE INDEX", 0) != 0)
            mustSucceed(db.exec(sql));
    mustSucceed(db.exec("UPDATE gpkg_ogr_contents SET feature_count = " + std::to_string(n) +
                        " WHERE table_name = 'incidents'"));
    mustSucceed(
        db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = 'incidents'")
            ->bind(1, written.minX)
            .bind(2, written.minY)
            .bind(3, written.maxX)
            .bind(4, written.maxY)
            .run());
    auto journal = db.prepare("PRAGMA journal_mode=WAL");
    const std::string journalMode = journal && journal->step().value_or(false) ? journal->columnText(0) : "?";
    journal = data::Error{};
    std::printf("generated=%lld rows_s=%.1f rtree_s=%.1f total_s=%.1f file_mb=%.0f journal=%s\n", n, rowsSeconds,
                rtreeSeconds, secondsSince(start), static_cast<double>(std::filesystem::file_size(out)) / 1048576.0,
                journalMode.c_str());
    return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// count, load, aggregate, density

int count(int argc, char** argv)
{
    std::string csv;
    int threads = 2;
    for (int i = 3; i + 1 < argc; ++i)
    {
        if (std::strcmp(argv[i], "--csv") == 0)
            csv = argv[++i];
        else if (std::strcmp(argv[i], "--threads") == 0)
            threads = std::atoi(argv[++i]);
    }
    const auto start = Clock::now();
    auto counted = data::countPointsInPolygons(argv[2], "incidents", "grids", "id", threads);
    const double seconds = secondsSince(start);
    if (!counted)
        return fail(counted.error());
    if (!csv.empty())
    {
        std::ofstream file(csv);
        file << "id,count\n";
        for (std::size_t i = 0; i < counted->ids.size(); ++i)
            file << counted->ids[i] << ',' << counted->counts[i] << '\n';
    }
    std::printf("count_s=%.3f points=%llu grids=%zu outside=%llu unreadable=%llu threads=%d\n", seconds,
                static_cast<unsigned long long>(counted->points), counted->ids.size(),
                static_cast<unsigned long long>(counted->outside), static_cast<unsigned long long>(counted->unreadable),
                threads);
    return 0;
}

int load(int, char** argv)
{
    const double before = statusMiB("RssAnon:");
    double peak = 0.0, seconds = 0.0;
    data::Result<data::IncidentStore> loaded = data::Error{};
    {
        AnonymousPeak sampler;
        const auto start = Clock::now();
        loaded = data::IncidentStore::load(argv[2]);
        seconds = secondsSince(start);
        peak = sampler.peak();
    }
    if (!loaded)
        return fail(loaded.error());
    const double storeMiB = loaded->bytesPerIncident() * static_cast<double>(loaded->size()) / 1048576.0;
    std::printf("load_s=%.3f incidents=%zu bytes_per_incident=%.2f store_mb=%.1f peak_anon_mb=%.1f "
                "peak_over_store=%.2f\n",
                seconds, loaded->size(), loaded->bytesPerIncident(), storeMiB, peak - before,
                storeMiB > 0 ? (peak - before) / storeMiB : 0.0);
    return 0;
}

int open(int, char** argv)
{
    data::IncidentStore::OpenReport report;
    const auto start = Clock::now();
    auto opened = data::IncidentStore::open(argv[2], &report);
    const double seconds = secondsSince(start);
    if (!opened)
        return fail(opened.error());
    std::printf("open_s=%.3f incidents=%zu from_cache=%d cache_written=%d\n", seconds, opened->size(),
                report.fromCache ? 1 : 0, report.cacheWritten ? 1 : 0);
    return 0;
}

int aggregate(int argc, char** argv)
{
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    auto loaded = data::IncidentStore::load(argv[2]);
    if (!loaded)
        return fail(loaded.error());
    const data::IncidentStore& store = loaded.value();
    const std::vector<std::string> categories = {"street_vending", "illegal_parking", "exposed_garbage",
                                                 "noise",          "overflowing_bin", "road_damage"};
    const std::int64_t yearStart = 1735660800;
    std::map<std::string, std::vector<double>> times;
    std::uint64_t checksum = 0;
    const auto timed = [&times](const char* name, const std::function<void()>& work)
    {
        const auto start = Clock::now();
        work();
        times[name].push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    };
    for (int run = 0; run < runs; ++run)
        for (int month = 0; month < 12; ++month)
        {
            // A filter change: a three-month window and one category, as a user clicks through the months.
            data::IncidentFilter filter;
            filter.from = yearStart + month * 30 * 86400;
            filter.to = *filter.from + 90 * 86400;
            filter.categories = {categories[static_cast<std::size_t>(month) % categories.size()]};
            filter.asOf = yearStart + 365 * 86400;
            timed("count", [&] { checksum += data::countByArea(store, filter).total; });
            timed("count_all_categories",
                  [&]
                  {
                      data::IncidentFilter wide = filter;
                      wide.categories.clear();
                      checksum += data::countByArea(store, wide).total;
                  });
            timed("lifecycle", [&] { checksum += data::lifecycle(store, filter).overall.incidents; });
            timed("overdue", [&] { checksum += data::overdueCounts(store, filter).total; });
            timed("backlog", [&] { checksum += data::backlogAt(store, filter, *filter.from + 45 * 86400).total; });
            timed("ai_share", [&] { checksum += data::cameraAiShare(store, filter).ai; });
            timed(
                "series_day_by_source",
                [&] {
                    checksum +=
                        data::timeSeries(store, filter, data::TimeBucket::Day, data::SeriesSplit::Source).counts.size();
                });
            timed("close_histogram",
                  [&] {
                      checksum += data::closeTimeHistogram(store, filter, {0, 1, 2, 4, 8, 24, 72}).above;
                  });
            timed("select", [&] { checksum += data::select(store, filter).size(); });
        }
    std::printf("incidents=%zu runs=%d", store.size(), runs * 12);
    for (const auto& [name, values] : times)
        std::printf(" %s_ms=%.2f", name.c_str(), median(values));
    std::printf(" checksum=%llu\n", static_cast<unsigned long long>(checksum));
    return 0;
}

int density(int, char** argv)
{
    const auto start = Clock::now();
    auto points = data::readPoints(argv[2], "incidents");
    if (!points)
        return fail(points.error());
    const double readSeconds = secondsSince(start);
    data::Extent extent;
    for (const data::Position& p : points.value())
        extent.include(p.x, p.y);
    const auto kernelStart = Clock::now();
    const data::DensityGrid grid = data::kernelDensity(points.value(), extent, 10.0, 300.0 / std::sqrt(8.0));
    const double kernelSeconds = secondsSince(kernelStart);
    data::ensureGdalRegistered();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    data::GdalDatasetPtr tiff(driver->Create(argv[3], grid.columns, grid.rows, 1, GDT_Float32, nullptr));
    double transform[6] = {grid.extent.minX, grid.cellSize, 0, grid.extent.maxY, 0, -grid.cellSize};
    tiff->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(4548);
    tiff->SetSpatialRef(&srs);
    if (tiff->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, grid.columns, grid.rows,
                                         const_cast<float*>(grid.values.data()), grid.columns, grid.rows, GDT_Float32,
                                         0, 0, nullptr) != CE_None)
        return 1;
    tiff.reset();
    std::printf("density_total_s=%.3f read_s=%.3f kernel_s=%.3f points=%zu cells=%dx%d\n", secondsSince(start),
                readSeconds, kernelSeconds, points->size(), grid.columns, grid.rows);
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 2 ? argv[1] : "";
    int result = 2;
    if (mode == "generate")
        result = generate(argc, argv);
    else if (mode == "count")
        result = count(argc, argv);
    else if (mode == "load")
        result = load(argc, argv);
    else if (mode == "open")
        result = open(argc, argv);
    else if (mode == "aggregate")
        result = aggregate(argc, argv);
    else if (mode == "density" && argc > 3)
        result = density(argc, argv);
    if (result == 2)
        std::fprintf(
            stderr,
            "usage: %s generate SAMPLE OUT N [--seed S] [--no-indexes] [--edge-points K] | count PROJECT [--csv OUT] "
            "[--threads T] | load PROJECT | aggregate PROJECT [RUNS] | density PROJECT OUT.tif\n",
            argv[0]);
    return result;
}
