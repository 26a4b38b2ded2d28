#include "common/required_data.hpp"
#include "common/project_fixture.hpp"

#include "data/io/gdal_open.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/analysis/point_count.hpp"

#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QTest>

using namespace citytwin;

namespace
{
constexpr double X0 = 500000.0;
constexpr double Y0 = 4400000.0;
constexpr std::int64_t T0 = 1735689600; // 2025-01-01T00:00:00Z

/// Adds a polygon feature table "grids" (id, community_id) of four 100 m squares in a 2 x 2 block at (X0, Y0):
/// grid 1 bottom left, 2 bottom right (community 10), 3 top left, 4 top right (community 20).
bool addGrids(const std::string& path)
{
    data::ensureGdalRegistered();
    data::GdalDatasetPtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    if (!dataset)
        return false;
    OGRSpatialReference srs;
    srs.importFromEPSG(4548);
    OGRLayer* layer = dataset->CreateLayer("grids", &srs, wkbMultiPolygon, nullptr);
    if (!layer)
        return false;
    OGRFieldDefn id("id", OFTInteger64), community("community_id", OFTInteger64);
    layer->CreateField(&id);
    layer->CreateField(&community);
    const int squares[4][3] = {{1, 0, 0}, {2, 1, 0}, {3, 0, 1}, {4, 1, 1}};
    for (const auto& square : squares)
    {
        const double x = X0 + square[1] * 100.0, y = Y0 + square[2] * 100.0;
        const std::string wkt = "MULTIPOLYGON(((" + std::to_string(x) + " " + std::to_string(y) + "," +
                                std::to_string(x + 100) + " " + std::to_string(y) + "," + std::to_string(x + 100) +
                                " " + std::to_string(y + 100) + "," + std::to_string(x) + " " +
                                std::to_string(y + 100) + "," + std::to_string(x) + " " + std::to_string(y) + ")))";
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("id", square[0]);
        feature.SetField("community_id", square[2] == 0 ? 10 : 20);
        OGRGeometry* geometry = nullptr;
        OGRGeometryFactory::createFromWkt(wkt.c_str(), &srs, &geometry);
        feature.SetGeometryDirectly(geometry);
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            return false;
    }
    return true;
}

/// One incident row of the fixture; a NaN x leaves the geometry NULL.
struct Row
{
    double x;
    double y;
    const char* reported;
    const char* closed;
    std::optional<std::int64_t> grid;
    const char* category;
    const char* source;
    std::optional<std::int64_t> camera;
};

bool insertIncidents(data::ProjectStore& project, const std::vector<Row>& rows)
{
    auto insert = project.database().prepare(
        "INSERT INTO incidents(geom, source, category, status, reported_at, dispatched_at, closed_at, grid_id, "
        "camera_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto transaction = data::Transaction::begin(project.database());
    if (!insert || !transaction)
        return false;
    for (const Row& row : rows)
    {
        if (std::isnan(row.x))
            insert->bindNull(1);
        else
        {
            const std::string blob = data::gpkg::encodePoint(row.x, row.y, 4548);
            insert->bindBlob(1, blob.data(), blob.size());
        }
        insert->bind(2, row.source).bind(3, row.category).bind(4, row.closed ? "closed" : "reported");
        insert->bind(5, row.reported).bindNull(6);
        row.closed ? insert->bind(7, row.closed) : insert->bindNull(7);
        insert->bindOptional(8, row.grid).bindOptional(9, row.camera);
        if (!insert->run())
            return false;
    }
    return transaction.value()->commit().ok();
}

/// Points on the fixture's grids, with the expected grid under PolygonIndex's edge rule in the comment.
std::vector<Row> fixtureRows()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {
        {X0 + 10, Y0 + 10, "2025-01-01T00:00:00.000Z", "2025-01-01T10:00:00.000Z", 1, "noise", "hotline", {}}, // 1
        {X0 + 100, Y0 + 50, "2025-01-01T01:00:00Z", nullptr, 1, "noise", "camera_ai", 7},            // shared: 2
        {X0 + 50, Y0 + 100, "2025-01-01 02:00:00", nullptr, 3, "street_vending", "camera_ai", 7},    // shared: 3
        {X0 + 100, Y0 + 100, "bad time", nullptr, 4, "noise", "hotline", {}},                        // skipped; 4
        {X0 + 150, Y0 + 150, "2025-01-01T11:00:00+08:00", nullptr, 4, "noise", "hotline", 9},        // 4
        {X0 + 200, Y0 + 50, "2025-01-02T00:00:00.000Z", nullptr, 99, "noise", "hotline", {}},        // right edge: none
        {X0 + 150, Y0 + 200, "2025-01-02T00:00:00.000Z", nullptr, std::nullopt, "other", "app", {}}, // top: none
        {X0 - 5, Y0 + 50, "2025-01-02T00:00:00.000Z", nullptr, std::nullopt, "noise", "hotline", {}}, // none
        {nan, nan, "2025-01-03T00:00:00.000Z", nullptr, 2, "noise", "hotline", {}},                   // no geometry
        {X0 + 150, Y0 + 50, "2025-01-03T00:00:00.000Z", "2025-01-02T00:00:00.000Z", 2, "noise", "hotline", {}}, // 2
    };
}
} // namespace

/// The in-memory incident store: time parsing, building, loading from a project, memory per incident, and the
/// fast spatial count from the project file.
class TestIncidentStore : public QObject
{
    Q_OBJECT
private slots:
    void parsesGeoPackageTimes()
    {
        QCOMPARE(data::parseIncidentTime("2025-01-01T10:34:40.000Z").value(), T0 + 38080);
        QCOMPARE(data::parseIncidentTime("2025-01-01T10:34:40Z").value(), T0 + 38080);
        QCOMPARE(data::parseIncidentTime("2025-01-01 10:34:40").value(), T0 + 38080);
        QCOMPARE(data::parseIncidentTime("2025-01-01T18:34:40.5+08:00").value(), T0 + 38080);
        QCOMPARE(data::parseIncidentTime("2024-02-29T00:00:00Z").value(), std::int64_t{1709164800});
        QCOMPARE(data::parseIncidentTime("1970-01-01T00:00:00Z").value(), std::int64_t{0});
        // Other forms go through parseDateTime, as UTC.
        QCOMPARE(data::parseIncidentTime("2025/1/1 10:34").value(), T0 + 38040);
        QVERIFY(!data::parseIncidentTime("2025-02-29T00:00:00Z"));
        QVERIFY(!data::parseIncidentTime("2025-13-01T00:00:00Z"));
        QVERIFY(!data::parseIncidentTime("bad time"));
        QVERIFY(!data::parseIncidentTime(""));
    }

    void buildsColumnsAndDictionaries()
    {
        data::IncidentStore::Builder builder;
        builder.addGrid(5, 50).addGrid(6, std::nullopt).setOverdueHours("noise", 12);
        data::IncidentStore::Record record;
        record.x = 601234.5;
        record.y = 4391234.25;
        record.reportedAt = T0;
        record.dispatchedAt = T0 + 60;
        record.closedAt = T0 - 5; // before the report: clamped to 0
        record.gridId = 6;
        record.cameraId = 1234;
        record.category = "street_vending";
        record.source = "camera_ai";
        record.status = "closed";
        QVERIFY(builder.add(record).ok());
        record.gridId = 7; // not declared: added without a community
        record.cameraId.reset();
        record.dispatchedAt.reset();
        record.category = "noise";
        QVERIFY(builder.add(record).ok());
        record.reportedAt = -1;
        QVERIFY(!builder.add(record).ok());
        const data::IncidentStore store = builder.build();

        QCOMPARE(store.size(), std::size_t{2});
        const auto& c = store.columns();
        const auto& codes = store.codes();
        QCOMPARE(store.origin().x, 601000.0);
        QCOMPARE(store.origin().y, 4391000.0);
        QCOMPARE(store.position(0).x, 601234.5);
        QCOMPARE(store.position(0).y, 4391234.25);
        QCOMPARE(c.reported[0], std::uint32_t(T0));
        QCOMPARE(c.toDispatch[0], 60u);
        QCOMPARE(c.toHandle[0], data::IncidentStore::NotYet);
        QCOMPARE(c.toClose[0], 0u);
        QCOMPARE(c.toDispatch[1], data::IncidentStore::NotYet);
        QCOMPARE(codes.categories, (std::vector<std::string>{"noise", "street_vending"}));
        QCOMPARE(c.category[0], std::uint8_t(1));
        QCOMPARE(c.category[1], std::uint8_t(0));
        QCOMPARE(codes.overdueHours, (std::vector<double>{12.0, 72.0}));
        QCOMPARE(codes.gridIds, (std::vector<std::int64_t>{5, 6, 7}));
        QCOMPARE(codes.communityIds, (std::vector<std::int64_t>{50}));
        QCOMPARE(codes.gridCommunity,
                 (std::vector<std::uint16_t>{0, data::IncidentStore::NoIndex, data::IncidentStore::NoIndex}));
        QCOMPARE(c.grid[0], std::uint16_t(1));
        QCOMPARE(c.grid[1], std::uint16_t(2));
        QCOMPARE(codes.cameraIds, (std::vector<std::int64_t>{1234}));
        QCOMPARE(c.camera[1], data::IncidentStore::NoIndex);
        QCOMPARE(codes.gridIndex(7).value(), std::uint16_t(2));
        QVERIFY(!codes.gridIndex(8));
    }

    void holdsAtMost32BytesPerIncident()
    {
        data::IncidentStore::Builder builder;
        data::IncidentStore::Record record;
        const char* categories[] = {"noise", "street_vending", "illegal_parking", "other"};
        for (int i = 0; i < 100000; ++i)
        {
            record.x = 600000.0 + i % 1000;
            record.y = 4390000.0 + i / 100;
            record.reportedAt = T0 + i * 60;
            record.closedAt = T0 + i * 60 + 3600;
            record.gridId = i % 2000;
            record.cameraId = i % 7000;
            record.category = categories[i % 4];
            record.source = i % 3 ? "hotline" : "camera_ai";
            record.status = "closed";
            QVERIFY(builder.add(record).ok());
        }
        const data::IncidentStore store = builder.build();
        qInfo("builder store: %.2f bytes per incident", store.bytesPerIncident());
        QVERIFY(store.bytesPerIncident() <= 32.0);
        QVERIFY(store.bytesPerIncident() >= 31.0);
    }

    void loadsAProject()
    {
        test::TemporaryProject project;
        QVERIFY(project.ok());
        const std::string path = project.store().path();
        QVERIFY(addGrids(path));
        QVERIFY(insertIncidents(project.store(), fixtureRows()));
        auto loaded = data::IncidentStore::load(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
        const data::IncidentStore& store = loaded.value();
        const auto& c = store.columns();
        const auto& codes = store.codes();

        // Row 4 has no readable time: skipped, the rows after it move up (two reading threads, then compaction).
        QCOMPARE(store.size(), std::size_t{9});
        QCOMPARE(store.skipped(), std::size_t{1});
        QCOMPARE(codes.gridIds, (std::vector<std::int64_t>{1, 2, 3, 4, 99}));
        QCOMPARE(codes.communityIds, (std::vector<std::int64_t>{10, 20}));
        QCOMPARE(codes.gridCommunity, (std::vector<std::uint16_t>{0, 0, 1, 1, data::IncidentStore::NoIndex}));
        QVERIFY(codes.categories.size() >= 20); // the project's category table comes first
        QCOMPARE(codes.overdueHours[*data::IncidentCodes::find(codes.categories, "noise")], 24.0);
        QCOMPARE(codes.overdueHours[*data::IncidentCodes::find(codes.categories, "illegal_parking")], 12.0);
        QCOMPARE(codes.categories[c.category[5]], std::string("other"));
        QCOMPARE(codes.sources[c.source[1]], std::string("camera_ai"));
        QCOMPARE(codes.statuses[c.status[0]], std::string("closed"));

        QCOMPARE(c.reported[0], std::uint32_t(T0));
        QCOMPARE(c.reported[1], std::uint32_t(T0 + 3600));
        QCOMPARE(c.reported[2], std::uint32_t(T0 + 7200));
        QCOMPARE(c.reported[3], std::uint32_t(T0 + 3 * 3600)); // 11:00 at +08:00
        QCOMPARE(c.toClose[0], 36000u);
        QCOMPARE(c.toClose[1], data::IncidentStore::NotYet);
        QCOMPARE(c.toClose[8], 0u); // closed before reported: clamped
        QCOMPARE(c.toDispatch[0], data::IncidentStore::NotYet);
        QCOMPARE(codes.gridIds[c.grid[0]], std::int64_t{1});
        QCOMPARE(codes.gridIds[c.grid[4]], std::int64_t{99});
        QCOMPARE(c.grid[5], data::IncidentStore::NoIndex);
        QCOMPARE(codes.cameraIds, (std::vector<std::int64_t>{7, 9}));
        QCOMPARE(c.camera[0], data::IncidentStore::NoIndex);
        QCOMPARE(c.camera[2], std::uint16_t(0));
        QCOMPARE(c.camera[3], std::uint16_t(1));
        QCOMPARE(store.position(1).x, X0 + 100);
        QCOMPARE(store.position(1).y, Y0 + 50);
        QVERIFY(std::isnan(store.position(7).x));

        const data::AreaCounts counts = data::countByArea(store, {});
        QCOMPARE(counts.perGrid, (std::vector<std::uint32_t>{2, 2, 1, 1, 1}));
        QCOMPARE(counts.perCommunity, (std::vector<std::uint32_t>{4, 2}));
        QCOMPARE(counts.withoutGrid, 2u);
    }

    void failsOnAMissingProject()
    {
        auto loaded = data::IncidentStore::load("/nonexistent/p.gpkg");
        QVERIFY(!loaded.ok());
        auto counted = data::countPointsInPolygons("/nonexistent/p.gpkg", "incidents", "grids");
        QVERIFY(!counted.ok());
    }

    void countsPointsInPolygonsWithTheEdgeRule()
    {
        test::TemporaryProject project;
        QVERIFY(project.ok());
        const std::string path = project.store().path();
        QVERIFY(addGrids(path));
        QVERIFY(insertIncidents(project.store(), fixtureRows()));
        for (int threads : {1, 2})
        {
            auto counted = data::countPointsInPolygons(path, "incidents", "grids", "id", threads);
            QVERIFY2(counted.ok(), counted.ok() ? "" : counted.error().message().c_str());
            // Grid 1: (10, 10). Grid 2: the shared edge x = 100 (its left edge) and (150, 50). Grid 3: the shared
            // edge y = 100 (its bottom edge). Grid 4: the shared corner (100, 100) and (150, 150). Outside: the
            // outer right edge, the outer top edge and (-5, 50). One row has no geometry.
            QCOMPARE(counted->ids, (std::vector<std::int64_t>{1, 2, 3, 4}));
            QCOMPARE(counted->counts, (std::vector<std::uint64_t>{1, 2, 1, 2}));
            QCOMPARE(counted->outside, std::uint64_t{3});
            QCOMPARE(counted->unreadable, std::uint64_t{1});
            QCOMPARE(counted->points, std::uint64_t{9});
            QCOMPARE(counted->countOf(4), std::uint64_t{2});
            QCOMPARE(counted->countOf(77), std::uint64_t{0});
        }
        QVERIFY(!data::countPointsInPolygons(path, "incidents", "nope").ok());
        QVERIFY(!data::countPointsInPolygons(path, "incidents", "grids", "no_such_field").ok());
        auto points = data::readPoints(path, "incidents");
        QVERIFY(points.ok());
        QCOMPARE(points->size(), std::size_t{9});
        QCOMPARE(points->front().x, X0 + 10);
        QCOMPARE(points->back().x, X0 + 150);
        auto index = data::readPolygonIndex(path, "grids");
        QVERIFY(index.ok());
        QCOMPARE(index->find(X0 + 100, Y0 + 100).value(), std::int64_t{4});
    }

    void spatialCountAgreesWithThePolygonIndex()
    {
        // A 6 x 6 block of jittered quadrilaterals sharing their vertices, 20,000 random points plus every vertex
        // and every edge midpoint: the count's cell raster must answer exactly as PolygonIndex::find.
        test::TemporaryProject project;
        QVERIFY(project.ok());
        const std::string path = project.store().path();
        data::ensureGdalRegistered();
        std::mt19937 random(11);
        std::uniform_real_distribution<double> jitter(-20.0, 20.0);
        double vx[7][7], vy[7][7];
        for (int i = 0; i <= 6; ++i)
            for (int j = 0; j <= 6; ++j)
            {
                const bool border = i == 0 || j == 0 || i == 6 || j == 6;
                vx[i][j] = X0 + i * 100.0 + (border ? 0.0 : jitter(random));
                vy[i][j] = Y0 + j * 100.0 + (border ? 0.0 : jitter(random));
            }
        {
            data::GdalDatasetPtr dataset(
                GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
            QVERIFY(dataset);
            OGRSpatialReference srs;
            srs.importFromEPSG(4548);
            OGRLayer* layer = dataset->CreateLayer("quads", &srs, wkbPolygon, nullptr);
            OGRFieldDefn id("id", OFTInteger64);
            layer->CreateField(&id);
            for (int i = 0; i < 6; ++i)
                for (int j = 0; j < 6; ++j)
                {
                    OGRLinearRing ring;
                    ring.addPoint(vx[i][j], vy[i][j]);
                    ring.addPoint(vx[i + 1][j], vy[i + 1][j]);
                    ring.addPoint(vx[i + 1][j + 1], vy[i + 1][j + 1]);
                    ring.addPoint(vx[i][j + 1], vy[i][j + 1]);
                    ring.closeRings();
                    OGRPolygon polygon;
                    polygon.addRing(&ring);
                    OGRFeature feature(layer->GetLayerDefn());
                    feature.SetField("id", i * 6 + j + 100);
                    feature.SetGeometry(&polygon);
                    QCOMPARE(layer->CreateFeature(&feature), OGRERR_NONE);
                }
        }
        std::vector<Row> rows;
        std::uniform_real_distribution<double> inside(-10.0, 610.0);
        for (int k = 0; k < 20000; ++k)
            rows.push_back({X0 + inside(random),
                            Y0 + inside(random),
                            "2025-01-01T00:00:00Z",
                            nullptr,
                            {},
                            "noise",
                            "hotline",
                            {}});
        for (int i = 0; i <= 6; ++i)
            for (int j = 0; j <= 6; ++j)
            {
                rows.push_back({vx[i][j], vy[i][j], "2025-01-01T00:00:00Z", nullptr, {}, "noise", "hotline", {}});
                if (i < 6)
                    rows.push_back({(vx[i][j] + vx[i + 1][j]) / 2,
                                    (vy[i][j] + vy[i + 1][j]) / 2,
                                    "2025-01-01T00:00:00Z",
                                    nullptr,
                                    {},
                                    "noise",
                                    "hotline",
                                    {}});
                if (j < 6)
                    rows.push_back({(vx[i][j] + vx[i][j + 1]) / 2,
                                    (vy[i][j] + vy[i][j + 1]) / 2,
                                    "2025-01-01T00:00:00Z",
                                    nullptr,
                                    {},
                                    "noise",
                                    "hotline",
                                    {}});
            }
        QVERIFY(insertIncidents(project.store(), rows));

        auto index = data::readPolygonIndex(path, "quads");
        QVERIFY(index.ok());
        std::map<std::int64_t, std::uint64_t> expected;
        std::uint64_t outside = 0;
        for (const Row& row : rows)
        {
            const auto id = index->find(row.x, row.y);
            id ? ++expected[*id] : ++outside;
        }
        auto counted = data::countPointsInPolygons(path, "incidents", "quads");
        QVERIFY2(counted.ok(), counted.ok() ? "" : counted.error().message().c_str());
        QCOMPARE(counted->ids.size(), std::size_t{36});
        for (std::size_t k = 0; k < counted->ids.size(); ++k)
            QCOMPARE(counted->counts[k], expected[counted->ids[k]]);
        QCOMPARE(counted->outside, outside);
        QCOMPARE(counted->points, std::uint64_t(rows.size()));
    }

    void sampleStoreMatchesSql()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(test::testSamplePath()), "the sample project");
        const std::string path = test::testSamplePath().toStdString();
        const auto start = std::chrono::steady_clock::now();
        auto loaded = data::IncidentStore::load(path);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
        const data::IncidentStore& store = loaded.value();
        qInfo("sample: %zu incidents loaded in %.3f s, %.2f bytes per incident", store.size(), seconds,
              store.bytesPerIncident());
        QVERIFY(store.bytesPerIncident() <= 32.0);
        QCOMPARE(store.skipped(), std::size_t{0});

        auto database = data::Database::open(path, data::Database::Mode::ReadOnly);
        QVERIFY(database.ok());
        QCOMPARE(static_cast<std::int64_t>(store.size()),
                 database->queryInt64("SELECT count(*) FROM incidents").value());
        std::map<std::int64_t, std::int64_t> expected;
        auto query = database->prepare("SELECT grid_id, count(*) FROM incidents GROUP BY grid_id");
        QVERIFY(query.ok());
        QVERIFY(query
                    ->forEachRow([&expected](const data::Statement& row)
                                 { expected[row.isNull(0) ? -1 : row.columnInt64(0)] = row.columnInt64(1); })
                    .ok());
        const data::AreaCounts counts = data::countByArea(store, {});
        QCOMPARE(store.codes().gridIds.size(), std::size_t{2257});
        for (std::size_t g = 0; g < counts.perGrid.size(); ++g)
        {
            const auto found = expected.find(store.codes().gridIds[g]);
            QCOMPARE(std::int64_t{counts.perGrid[g]}, found == expected.end() ? 0 : found->second);
        }
        QCOMPARE(std::int64_t{counts.withoutGrid}, expected.count(-1) ? expected[-1] : 0);

        // Per community: the stored community_id agrees with the grid's community.
        std::map<std::int64_t, std::int64_t> perCommunity;
        auto communities = database->prepare("SELECT community_id, count(*) FROM incidents GROUP BY community_id");
        QVERIFY(communities
                    ->forEachRow([&perCommunity](const data::Statement& row)
                                 { perCommunity[row.columnInt64(0)] = row.columnInt64(1); })
                    .ok());
        for (std::size_t k = 0; k < counts.perCommunity.size(); ++k)
            QCOMPARE(std::int64_t{counts.perCommunity[k]}, perCommunity[store.codes().communityIds[k]]);

        // AI detections per camera equal SQL's.
        const auto perCamera = data::countPerCamera(store, {.sources = {"camera_ai"}});
        auto cameras = database->prepare(
            "SELECT camera_id, count(*) FROM incidents WHERE source = 'camera_ai' AND camera_id IS NOT NULL "
            "GROUP BY camera_id ORDER BY 2 DESC LIMIT 5");
        const auto read = cameras->forEachRow(
            [&](const data::Statement& row)
            {
                const auto& ids = store.codes().cameraIds;
                const auto index = std::find(ids.begin(), ids.end(), row.columnInt64(0)) - ids.begin();
                QCOMPARE(std::int64_t{perCamera[static_cast<std::size_t>(index)]}, row.columnInt64(1));
            });
        QVERIFY(read.ok());
    }

    void sampleSpatialCountMatchesStoredGrids()
    {
        CITYTWIN_REQUIRE_DATA(QFile::exists(test::testSamplePath()), "the sample project");
        const std::string path = test::testSamplePath().toStdString();
        const auto start = std::chrono::steady_clock::now();
        auto counted = data::countPointsInPolygons(path, "incidents", "grids");
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(counted.ok(), counted.ok() ? "" : counted.error().message().c_str());
        qInfo("sample: %llu points into %zu grids in %.3f s", static_cast<unsigned long long>(counted->points),
              counted->ids.size(), seconds);
        QCOMPARE(counted->ids.size(), std::size_t{2257});
        auto database = data::Database::open(path, data::Database::Mode::ReadOnly);
        std::map<std::int64_t, std::uint64_t> expected;
        QVERIFY(database->prepare("SELECT grid_id, count(*) FROM incidents WHERE grid_id IS NOT NULL GROUP BY grid_id")
                    ->forEachRow([&expected](const data::Statement& row)
                                 { expected[row.columnInt64(0)] = static_cast<std::uint64_t>(row.columnInt64(1)); })
                    .ok());
        int agreeing = 0;
        for (std::size_t i = 0; i < counted->ids.size(); ++i)
            agreeing += counted->counts[i] == expected[counted->ids[i]];
        QCOMPARE(agreeing, 2257);
        QCOMPARE(counted->outside, std::uint64_t{0});
    }
};

QTEST_GUILESS_MAIN(TestIncidentStore)
#include "test_incident_store.moc"
