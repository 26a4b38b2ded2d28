#include "data/io/gdal_open.hpp"
#include "data/geo/polygon_index.hpp"
#include "data/project/project_store.hpp"
#include "data/sample/sample_writer.hpp"
#include "data/io/sqlite_database.hpp"

#include <algorithm>
#include <cmath>
#include <array>
#include <map>
#include <set>

#include <QCryptographicHash>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace citytwin::data;

namespace
{
/// Reads a layer's geometries (as WKB) and field values into a hash, in fid order.
QByteArray layerHash(const std::string& path, const char* layerName)
{
    GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_VECTOR);
    OGRLayer* layer = dataset ? dataset->GetLayerByName(layerName) : nullptr;
    if (!layer)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto& feature : *layer)
    {
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            hash.addData(QByteArray(feature->GetFieldAsString(i)));
        if (const OGRGeometry* geometry = feature->GetGeometryRef())
        {
            QByteArray wkb(static_cast<int>(geometry->WkbSize()), '\0');
            geometry->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
            hash.addData(wkb);
        }
    }
    return hash.result();
}

double area(const OGRGeometry* geometry)
{
    return OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(geometry)));
}

/// Reads one integer answer of an SQL query on the project.
std::int64_t queryInt(Database& database, const std::string& sql)
{
    auto value = database.queryInt64(sql);
    if (!value)
        qFatal("%s: %s", sql.c_str(), value.error().message().c_str());
    return value.value();
}

const char* const AllTables[] = {"district",  "streets",  "communities", "grids",      "roads",       "river",
                                 "buildings", "stations", "cameras",     "party_orgs", "party_links", "incidents"};
} // namespace

/// The built-in sample district (issue 4): every figure of domain.md, valid geometry, believable patterns.
class TestSampleDistrict : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mPath = mDir.filePath(QStringLiteral("sample.gpkg")).toStdString();
        auto report = sample::writeSample(mPath, {});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        mReport = report.value();
        double total = 0.0;
        for (const auto& [phase, seconds] : mReport.phases)
            total += seconds;
        qInfo("sample written in %.1f s", total);
        mDataset = openReadOnly(mPath, GDAL_OF_VECTOR);
        QVERIFY(mDataset);
        auto project = ProjectStore::open(mPath, {.create = false, .readOnly = true});
        QVERIFY(project.ok());
        mProject = std::make_unique<ProjectStore>(std::move(project.value()));
    }

    void administrativeCounts()
    {
        QCOMPARE(mReport.grids, 2257);
        QCOMPARE(mReport.communities, 175);
        QCOMPARE(mReport.population, 785000);
        QCOMPARE(mDataset->GetLayerByName("grids")->GetFeatureCount(), 2257);
        QCOMPARE(mDataset->GetLayerByName("communities")->GetFeatureCount(), 175);
        QCOMPARE(mDataset->GetLayerByName("district")->GetFeatureCount(), 1);
        QCOMPARE(mDataset->GetLayerByName("streets")->GetFeatureCount(), 10);
        Database& db = mProject->database();
        QCOMPARE(queryInt(db, "SELECT sum(population) FROM communities"), 785000);
        QCOMPARE(queryInt(db, "SELECT sum(population) FROM streets"), 785000);
        for (auto& street : *mDataset->GetLayerByName("streets"))
            QVERIFY(street->GetGeometryRef()->IsValid());
        // Every community has at least one grid.
        QCOMPARE(queryInt(db, "SELECT count(DISTINCT community_id) FROM grids"), 175);
    }

    void everyTableHasAnIdAndAGeomColumn()
    {
        Database& db = mProject->database();
        for (const char* table : AllTables)
        {
            const std::string name = table;
            QVERIFY2(queryInt(db, "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = '" + name +
                                      "' AND column_name = 'geom'") == 1,
                     table);
            QVERIFY2(queryInt(db, "SELECT count(*) FROM " + name) ==
                         queryInt(db, "SELECT count(DISTINCT id) FROM " + name),
                     table);
            QVERIFY2(queryInt(db, "SELECT count(*) FROM " + name + " WHERE id IS NULL OR geom IS NULL") == 0, table);
        }
    }

    void districtIsOneValidPolygonOf176SquareKilometres()
    {
        OGRLayer* district = mDataset->GetLayerByName("district");
        district->ResetReading();
        std::unique_ptr<OGRFeature> feature(district->GetNextFeature());
        const OGRGeometry* geometry = feature->GetGeometryRef();
        QVERIFY(geometry->IsValid());
        QCOMPARE(geometry->toMultiPolygon()->getNumGeometries(), 1);
        QCOMPARE(geometry->toMultiPolygon()->getGeometryRef(0)->getNumInteriorRings(), 0);
        QVERIFY2(std::abs(area(geometry) - 176.0e6) < 0.01 * 176.0e6, qPrintable(QString::number(area(geometry))));
        // Centred near 118.18 E, 39.65 N (EPSG:4548 601279, 4391334).
        OGREnvelope box;
        geometry->getEnvelope(&box);
        QVERIFY(std::abs(0.5 * (box.MinX + box.MaxX) - 601279.0) < 3000.0);
        QVERIFY(std::abs(0.5 * (box.MinY + box.MaxY) - 4391334.0) < 3000.0);
    }

    void gridsTileTheirCommunitiesExactly()
    {
        std::map<std::int64_t, double> gridArea;
        std::map<std::int64_t, std::unique_ptr<OGRGeometry>> communities;
        for (auto& community : *mDataset->GetLayerByName("communities"))
        {
            QVERIFY(community->GetGeometryRef()->IsValid());
            communities[community->GetFieldAsInteger64("id")].reset(community->GetGeometryRef()->clone());
        }
        double total = 0.0;
        for (auto& grid : *mDataset->GetLayerByName("grids"))
        {
            const OGRGeometry* shape = grid->GetGeometryRef();
            QVERIFY(shape->IsValid());
            QVERIFY(area(shape) > 0.0);
            const std::int64_t community = grid->GetFieldAsInteger64("community_id");
            gridArea[community] += area(shape);
            total += area(shape);
            OGRPoint centre;
            shape->Centroid(&centre);
            QVERIFY(communities.at(community)->Contains(&centre));
        }
        for (const auto& [id, shape] : communities)
            QVERIFY2(std::abs(area(shape.get()) - gridArea[id]) < 1e-6 * area(shape.get()),
                     qPrintable(QStringLiteral("community %1").arg(id)));
        // The grids' areas add up to the district's: with the union equal to the district, no two overlap.
        QVERIFY2(std::abs(total - mReport.districtAreaSquareMetres) < 1e-6 * total, qPrintable(QString::number(total)));
    }

    void buildingsAreValidInsideTheirGridAndApart()
    {
        OGRLayer* buildings = mDataset->GetLayerByName("buildings");
        QVERIFY(buildings->GetFeatureCount() >= 6000);
        QCOMPARE(buildings->GetFeatureCount(), mReport.buildings);
        std::map<std::int64_t, std::unique_ptr<OGRGeometry>> grids;
        for (auto& grid : *mDataset->GetLayerByName("grids"))
            grids[grid->GetFieldAsInteger64("id")].reset(grid->GetGeometryRef()->clone());
        std::unique_ptr<OGRGeometry> river;
        for (auto& feature : *mDataset->GetLayerByName("river"))
            river.reset(feature->GetGeometryRef()->clone());
        QVERIFY(river && river->IsValid() && area(river.get()) > 1.0e6);
        std::map<std::int64_t, std::vector<std::unique_ptr<OGRGeometry>>> byGrid;
        std::set<std::string> uses;
        for (auto& building : *buildings)
        {
            const OGRGeometry* shape = building->GetGeometryRef();
            QVERIFY(shape->IsValid());
            QVERIFY(area(shape) > 20.0);
            QVERIFY(grids.at(building->GetFieldAsInteger64("grid_id"))->Contains(shape));
            QVERIFY2(!shape->Intersects(river.get()), building->GetFieldAsString("name"));
            QVERIFY(building->GetFieldAsInteger("floors") >= 1);
            QVERIFY(building->GetFieldAsDouble("height") >= 3.0);
            uses.insert(building->GetFieldAsString("use"));
            byGrid[building->GetFieldAsInteger64("grid_id")].emplace_back(shape->clone());
        }
        // Buildings are inside their own cells, so only those of one cell could overlap.
        for (const auto& [grid, shapes] : byGrid)
            for (std::size_t i = 0; i < shapes.size(); ++i)
                for (std::size_t j = i + 1; j < shapes.size(); ++j)
                    QVERIFY2(!shapes[i]->Intersects(shapes[j].get()), qPrintable(QStringLiteral("grid %1").arg(grid)));
        for (const char* use : {"residential", "school", "shop", "market", "office", "factory", "public"})
            QVERIFY2(uses.contains(use), use);
    }

    void buildingsHouseEveryResident()
    {
        Database& db = mProject->database();
        QCOMPARE(queryInt(db, "SELECT sum(population) FROM buildings"), 785000);
        // Per community, the buildings' residents, households, elderly and children add up to its figures.
        QCOMPARE(queryInt(db, "SELECT count(*) FROM communities c WHERE population <> (SELECT sum(population) FROM "
                              "buildings b WHERE b.community_id = c.id) OR households <> (SELECT sum(households) FROM "
                              "buildings b WHERE b.community_id = c.id) OR elderly <> (SELECT sum(elderly) FROM "
                              "buildings b WHERE b.community_id = c.id) OR children <> (SELECT sum(children) FROM "
                              "buildings b WHERE b.community_id = c.id)"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM buildings WHERE use <> 'residential' AND population > 0"), 0);
        // Dense in the centre, sparse in the outskirts: the busiest cell has many times the median.
        const std::int64_t busiest =
            queryInt(db, "SELECT max(n) FROM (SELECT count(*) AS n FROM buildings GROUP BY grid_id)");
        QVERIFY(busiest >= 12);
        QVERIFY(queryInt(db, "SELECT count(*) FROM grids WHERE id NOT IN (SELECT grid_id FROM buildings)") > 100);
    }

    void nothingIsBuiltOnTheHill()
    {
        // The DEM's highest point is the hill's top; the hill is a park.
        GdalDatasetPtr dem = openReadOnly("GPKG:" + mPath + ":dem", GDAL_OF_RASTER);
        QVERIFY(dem);
        GDALRasterBand* band = dem->GetRasterBand(1);
        const int width = dem->GetRasterXSize(), height = dem->GetRasterYSize();
        std::vector<float> values(static_cast<std::size_t>(width) * height);
        QCOMPARE(band->RasterIO(GF_Read, 0, 0, width, height, values.data(), width, height, GDT_Float32, 0, 0),
                 CE_None);
        const auto top = std::max_element(values.begin(), values.end()) - values.begin();
        double transform[6];
        dem->GetGeoTransform(transform);
        const double topX = transform[0] + (static_cast<double>(top % width) + 0.5) * transform[1];
        const double topY = transform[3] + (static_cast<double>(top / width) + 0.5) * transform[5];
        OGRLayer* buildings = mDataset->GetLayerByName("buildings");
        buildings->SetSpatialFilterRect(topX - 200.0, topY - 200.0, topX + 200.0, topY + 200.0);
        QCOMPARE(buildings->GetFeatureCount(), 0);
        buildings->SetSpatialFilter(nullptr);
    }

    void terrainRasters()
    {
        GdalDatasetPtr dem = openReadOnly("GPKG:" + mPath + ":dem", GDAL_OF_RASTER);
        GdalDatasetPtr imagery = openReadOnly("GPKG:" + mPath + ":imagery", GDAL_OF_RASTER);
        QVERIFY(dem && imagery);
        double transform[6];
        dem->GetGeoTransform(transform);
        QVERIFY(transform[1] <= 10.0);
        QCOMPARE(dem->GetRasterBand(1)->GetRasterDataType(), GDT_Float32);
        QVERIFY(imagery->GetRasterCount() >= 3); // GeoPackage tiles read as RGBA
        QVERIFY(dem->GetRasterBand(1)->GetOverviewCount() >= 2);
        // The DEM covers the district.
        OGREnvelope district;
        QCOMPARE(mDataset->GetLayerByName("district")->GetExtent(&district), OGRERR_NONE);
        QVERIFY(transform[0] <= district.MinX && transform[3] >= district.MaxY);
        QVERIFY(transform[0] + dem->GetRasterXSize() * transform[1] >= district.MaxX);
        QVERIFY(transform[3] + dem->GetRasterYSize() * transform[5] <= district.MinY);
        double range[2];
        QCOMPARE(dem->GetRasterBand(1)->ComputeRasterMinMax(FALSE, range), CE_None);
        QVERIFY2(range[1] - range[0] > 50.0, qPrintable(QStringLiteral("%1 .. %2").arg(range[0]).arg(range[1])));
        const OGRSpatialReference* srs = dem->GetSpatialRef();
        QVERIFY(srs && srs->GetAuthorityCode(nullptr) && QByteArray(srs->GetAuthorityCode(nullptr)) == "4548");
    }

    void stationsOfEveryKind()
    {
        Database& db = mProject->database();
        const std::map<std::string, std::int64_t> expected = {
            {"day_care", 175},      {"warm_station", 175}, {"social_work", 10},   {"civilization_practice", 175},
            {"elderly_home", 13},   {"canteen", 52},       {"after_school", 113}, {"childcare", 38},
            {"service_center", 175}};
        for (const auto& [kind, count] : expected)
            QVERIFY2(queryInt(db, "SELECT count(*) FROM stations WHERE kind = '" + kind + "'") == count, kind.c_str());
        QCOMPARE(queryInt(db, "SELECT count(*) FROM stations"), mReport.stations);
        QCOMPARE(queryInt(db, "SELECT count(DISTINCT community_id) FROM stations WHERE kind = 'civilization_practice'"),
                 175);
        // In buildings of their community, with capacity and visits.
        QCOMPARE(queryInt(db, "SELECT count(*) FROM stations s JOIN buildings b ON b.id = s.building_id WHERE "
                              "b.community_id = s.community_id AND b.grid_id = s.grid_id"),
                 mReport.stations);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM stations WHERE capacity <= 0 OR daily_visits <= 0 OR name = ''"),
                 0);
        // Real gaps: some communities have no day-care station, and as many have two.
        const std::int64_t without = queryInt(
            db, "SELECT count(*) FROM communities WHERE id NOT IN (SELECT community_id FROM stations WHERE kind = "
                "'day_care')");
        QVERIFY(without >= 5);
    }

    void cameras()
    {
        Database& db = mProject->database();
        QCOMPARE(queryInt(db, "SELECT count(*) FROM cameras WHERE network = 'community'"), 4137);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM cameras WHERE network = 'public_security'"), 3666);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM cameras WHERE heading < 0 OR heading >= 360 OR fov <= 0 OR "
                              "range_m <= 0 OR ai_enabled <> 1 OR grid_id NOT IN (SELECT id FROM grids)"),
                 0);
    }

    void partyOrganizationTree()
    {
        Database& db = mProject->database();
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_orgs WHERE level = 'committee'"), 175);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_orgs WHERE level = 'branch'"), 915);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_orgs WHERE level = 'group'"), 1241);
        QVERIFY(queryInt(db, "SELECT count(*) FROM party_orgs WHERE level = 'household'") >= 9700);
        // Parents one level up; committees have none.
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_orgs WHERE level = 'committee' AND parent_id IS NOT NULL"),
                 0);
        for (const auto& [child, parent] :
             {std::pair{"branch", "committee"}, std::pair{"group", "branch"}, std::pair{"household", "group"}})
        {
            QVERIFY2(queryInt(db, std::string("SELECT count(*) FROM party_orgs c LEFT JOIN party_orgs p ON p.id = "
                                              "c.parent_id WHERE c.level = '") +
                                      child + "' AND (p.level IS NULL OR p.level <> '" + parent + "')") == 0,
                     child);
        }
        // Households live in their group's building; groups are in residential buildings.
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_orgs h JOIN party_orgs g ON g.id = h.parent_id WHERE "
                              "h.level = 'household' AND h.building_id <> g.building_id"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_orgs g JOIN buildings b ON b.id = g.building_id WHERE "
                              "g.level = 'group' AND b.use <> 'residential'"),
                 0);
        // "1+10": at most ten links per household, to households that exist, none linked twice.
        QCOMPARE(queryInt(db, "SELECT count(*) FROM (SELECT household_id FROM party_links GROUP BY household_id "
                              "HAVING count(*) > 10)"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_links l LEFT JOIN party_orgs h ON h.id = l.household_id "
                              "WHERE h.level IS NOT 'household'"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_links l JOIN buildings b ON b.id = l.linked_building_id "
                              "WHERE l.linked_household_id / 1000 <> b.id OR l.linked_household_id % 1000 < 1 OR "
                              "l.linked_household_id % 1000 > b.households"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) - count(DISTINCT linked_household_id) FROM party_links"), 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM party_links"), mReport.partyLinks);
        // Gaps for the analysis: populated grids without a branch, residential buildings without a group.
        QVERIFY(queryInt(db, "SELECT count(*) FROM grids WHERE id IN (SELECT grid_id FROM buildings WHERE "
                             "population > 0) AND id NOT IN (SELECT grid_id FROM party_orgs WHERE level = 'branch')") >
                100);
        QVERIFY(queryInt(db, "SELECT count(*) FROM buildings WHERE population > 0 AND id NOT IN (SELECT building_id "
                             "FROM party_orgs WHERE level = 'group')") > 1000);
    }

    void aYearOfIncidents()
    {
        Database& db = mProject->database();
        const std::int64_t total = queryInt(db, "SELECT count(*) FROM incidents");
        QVERIFY(total >= 300000);
        QCOMPARE(total, mReport.incidents);
        for (const char* source : {"citizen_app", "grid_inspector", "camera_ai", "hotline"})
            QVERIFY2(queryInt(db, std::string("SELECT count(*) FROM incidents WHERE source = '") + source + "'") >
                         total / 10,
                     source);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM incidents WHERE reported_at < '2024-12-31T16:00:00' OR "
                              "reported_at >= '2025-12-31T16:00:00'"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM incidents WHERE category NOT IN (SELECT code FROM "
                              "citytwin_incident_categories)"),
                 0);
        // Camera AI reports only its violation types (10+), each with its camera.
        QVERIFY(queryInt(db, "SELECT count(DISTINCT category) FROM incidents WHERE source = 'camera_ai'") >= 10);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM incidents i JOIN citytwin_incident_categories c ON c.code = "
                              "i.category WHERE i.source = 'camera_ai' AND (c.camera_ai = 0 OR i.camera_id IS NULL)"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM incidents WHERE source <> 'camera_ai' AND camera_id IS NOT NULL"),
                 0);
    }

    void cameraCasesLieInTheirCamerasView()
    {
        std::map<std::int64_t, std::array<double, 5>> cameras; // x, y, heading, fov, range
        for (auto& camera : *mDataset->GetLayerByName("cameras"))
        {
            const OGRPoint* p = camera->GetGeometryRef()->toPoint();
            cameras[camera->GetFieldAsInteger64("id")] = {p->getX(), p->getY(), camera->GetFieldAsDouble("heading"),
                                                          camera->GetFieldAsDouble("fov"),
                                                          camera->GetFieldAsDouble("range_m")};
        }
        auto statement = mProject->database().prepare(
            "SELECT camera_id, ST_MinX(geom), ST_MinY(geom) FROM incidents WHERE source = 'camera_ai'");
        QVERIFY(statement.ok());
        int outside = 0, checked = 0;
        const auto read = statement->forEachRow(
            [&](const Statement& row)
            {
                const auto& c = cameras.at(row.columnInt64(0));
                const double dx = row.columnDouble(1) - c[0], dy = row.columnDouble(2) - c[1];
                const double bearing = std::atan2(dx, dy) * 180.0 / M_PI;
                const double off = std::abs(std::remainder(bearing - c[2], 360.0));
                if (std::hypot(dx, dy) > c[4] + 0.01 || off > c[3] / 2.0 + 0.01)
                    ++outside;
                ++checked;
            });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY(checked > 10000);
        QCOMPARE(outside, 0);
    }

    void incidentGridsAgreeWithTheirLocation()
    {
        PolygonIndex index;
        for (auto& grid : *mDataset->GetLayerByName("grids"))
        {
            const OGRPolygon* polygon = grid->GetGeometryRef()->toMultiPolygon()->getGeometryRef(0);
            Polygon shape;
            shape.rings.emplace_back();
            const OGRLinearRing* ring = polygon->getExteriorRing();
            for (int i = 0; i + 1 < ring->getNumPoints(); ++i)
                shape.rings.back().push_back({ring->getX(i), ring->getY(i), 0.0});
            index.add(grid->GetFieldAsInteger64("id"), shape);
        }
        index.build();
        auto statement = mProject->database().prepare(
            "SELECT i.grid_id, ST_MinX(i.geom), ST_MinY(i.geom), i.community_id, g.community_id FROM incidents i "
            "JOIN grids g ON g.id = i.grid_id");
        QVERIFY(statement.ok());
        std::int64_t wrong = 0, rows = 0;
        const auto read = statement->forEachRow(
            [&](const Statement& row)
            {
                const auto found = index.find(row.columnDouble(1), row.columnDouble(2));
                if (!found || *found != row.columnInt64(0) || row.columnInt64(3) != row.columnInt64(4))
                    ++wrong;
                ++rows;
            });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QCOMPARE(rows, mReport.incidents);
        QCOMPARE(wrong, std::int64_t{0});
    }

    void incidentRhythmsAndSeasons()
    {
        Database& db = mProject->database();
        // Beijing time = UTC + 8 h. Inspectors work days; hardly anything from them between 01:00 and 05:00.
        const auto hourShare = [&db](const std::string& where, int fromHour, int toHour)
        {
            const std::int64_t all = queryInt(db, "SELECT count(*) FROM incidents WHERE " + where);
            const std::int64_t some =
                queryInt(db, "SELECT count(*) FROM incidents WHERE " + where +
                                 " AND (CAST(strftime('%H', reported_at, '+8 hours') AS INTEGER) BETWEEN " +
                                 std::to_string(fromHour) + " AND " + std::to_string(toHour) + ")");
            return static_cast<double>(some) / static_cast<double>(all);
        };
        QVERIFY(hourShare("source = 'grid_inspector'", 1, 4) < 0.01);
        QVERIFY(hourShare("source = 'grid_inspector'", 8, 17) > 0.8);
        // Weekends are quiet for inspectors (strftime %w: 0 = Sunday, 6 = Saturday).
        const std::int64_t weekend = queryInt(db, "SELECT count(*) FROM incidents WHERE source = 'grid_inspector' AND "
                                                  "strftime('%w', reported_at, '+8 hours') IN ('0', '6')");
        const std::int64_t inspector = queryInt(db, "SELECT count(*) FROM incidents WHERE source = 'grid_inspector'");
        QVERIFY(static_cast<double>(weekend) / static_cast<double>(inspector) < 0.2);
        // Heating complaints belong to the heating season (15 November to 15 March).
        const std::int64_t summerHeating =
            queryInt(db, "SELECT count(*) FROM incidents WHERE category = 'heating' AND strftime('%m', reported_at, "
                         "'+8 hours') IN ('05', '06', '07', '08', '09')");
        const std::int64_t heating = queryInt(db, "SELECT count(*) FROM incidents WHERE category = 'heating'");
        QVERIFY(heating > 1000);
        QVERIFY(static_cast<double>(summerHeating) / static_cast<double>(heating) < 0.05);
    }

    void incidentLifecycles()
    {
        Database& db = mProject->database();
        QCOMPARE(queryInt(db, "SELECT count(*) FROM incidents WHERE dispatched_at < reported_at OR handled_at < "
                              "dispatched_at OR closed_at < handled_at"),
                 0);
        QCOMPARE(queryInt(db, "SELECT count(*) FROM incidents WHERE (status = 'closed') <> (closed_at IS NOT NULL) OR "
                              "(status = 'reported' AND dispatched_at IS NOT NULL) OR (status = 'handled' AND "
                              "(handled_at IS NULL OR closed_at IS NOT NULL))"),
                 0);
        // Some cases are still open at the snapshot; some took longer than their category's limit.
        QVERIFY(queryInt(db, "SELECT count(*) FROM incidents WHERE status <> 'closed'") > 100);
        const std::int64_t overdue = queryInt(
            db, "SELECT count(*) FROM incidents i JOIN citytwin_incident_categories c ON c.code = i.category WHERE "
                "(julianday(i.closed_at) - julianday(i.reported_at)) * 24 > c.overdue_hours");
        QVERIFY(overdue > 3000 && overdue < mReport.incidents / 2);
        // Grids differ: the slowest tenth of grids takes far longer than the fastest tenth.
        auto statement = db.prepare("SELECT avg(julianday(closed_at) - julianday(reported_at)) AS d FROM incidents "
                                    "WHERE closed_at IS NOT NULL GROUP BY grid_id HAVING count(*) >= 30 ORDER BY d");
        QVERIFY(statement.ok());
        std::vector<double> means;
        const auto read =
            statement->forEachRow([&means](const Statement& row) { means.push_back(row.columnDouble(0)); });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        QVERIFY(means.size() > 500);
        QVERIFY(means[means.size() * 9 / 10] > 2.0 * means[means.size() / 10]);
        // Places recur: some 20 m squares collect many cases of one category.
        QVERIFY(queryInt(db, "SELECT max(n) FROM (SELECT count(*) AS n FROM incidents WHERE source <> 'camera_ai' "
                             "GROUP BY category, CAST(ST_MinX(geom) / 20 AS INTEGER), CAST(ST_MinY(geom) / 20 AS "
                             "INTEGER))") >= 20);
    }

    void hotSpotsAroundMarkets()
    {
        // Street vending within 200 m of a market is several times denser than in the district on average.
        Database& db = mProject->database();
        const std::int64_t vending = queryInt(db, "SELECT count(*) FROM incidents WHERE category = 'street_vending'");
        const std::int64_t markets = queryInt(db, "SELECT count(*) FROM buildings WHERE use = 'market'");
        QVERIFY(markets > 20);
        std::vector<std::pair<double, double>> centres;
        for (auto& building : *mDataset->GetLayerByName("buildings"))
            if (std::string(building->GetFieldAsString("use")) == "market")
            {
                OGRPoint centre;
                building->GetGeometryRef()->Centroid(&centre);
                centres.push_back({centre.getX(), centre.getY()});
            }
        auto statement = db.prepare("SELECT ST_MinX(geom), ST_MinY(geom) FROM incidents WHERE category = "
                                    "'street_vending'");
        QVERIFY(statement.ok());
        std::int64_t near = 0;
        const auto read = statement->forEachRow(
            [&](const Statement& row)
            {
                for (const auto& [x, y] : centres)
                    if (std::hypot(row.columnDouble(0) - x, row.columnDouble(1) - y) < 200.0)
                    {
                        ++near;
                        break;
                    }
            });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message().c_str());
        const double nearArea = static_cast<double>(centres.size()) * M_PI * 200.0 * 200.0;
        const double nearDensity = static_cast<double>(near) / nearArea;
        const double averageDensity = static_cast<double>(vending) / mReport.districtAreaSquareMetres;
        QVERIFY2(nearDensity > 4.0 * averageDensity, qPrintable(QString::number(nearDensity / averageDensity)));
    }

    void fiveBookmarks()
    {
        auto bookmarks = mProject->bookmarks();
        QVERIFY(bookmarks.ok());
        std::set<std::string> names;
        for (const Bookmark& bookmark : bookmarks.value())
        {
            names.insert(bookmark.name);
            QVERIFY(bookmark.eye.z > bookmark.center.z);
        }
        QCOMPARE(names,
                 (std::set<std::string>{"overview", "dense-block", "hill", "community-stations", "incident-heat"}));
    }

    void sameSeedSameDistrict()
    {
        // A small scale keeps the test quick; it runs every generator.
        const std::string one = mDir.filePath(QStringLiteral("one.gpkg")).toStdString();
        const std::string again = mDir.filePath(QStringLiteral("again.gpkg")).toStdString();
        const std::string other = mDir.filePath(QStringLiteral("other.gpkg")).toStdString();
        QVERIFY(sample::writeSample(one, {.scale = 0.1, .terrain = false}).ok());
        QVERIFY(sample::writeSample(again, {.scale = 0.1, .terrain = false}).ok());
        QVERIFY(sample::writeSample(other, {.seed = 7, .scale = 0.1, .terrain = false}).ok());
        for (const char* layer : AllTables)
        {
            QVERIFY2(!layerHash(one, layer).isEmpty(), layer);
            QVERIFY2(layerHash(again, layer) == layerHash(one, layer), layer);
            QVERIFY2(layerHash(other, layer) != layerHash(one, layer), layer);
        }
    }

    void scaleMultipliesBuildingsAndIncidents()
    {
        const std::string small = mDir.filePath(QStringLiteral("one.gpkg")).toStdString();
        GdalDatasetPtr dataset = openReadOnly(small, GDAL_OF_VECTOR);
        QVERIFY(dataset);
        QCOMPARE(dataset->GetLayerByName("incidents")->GetFeatureCount(), 33000);
        const double ratio = static_cast<double>(dataset->GetLayerByName("buildings")->GetFeatureCount()) /
                             static_cast<double>(mReport.buildings);
        QVERIFY2(ratio > 0.05 && ratio < 0.25, qPrintable(QString::number(ratio)));
        // The district's figures do not scale.
        QCOMPARE(dataset->GetLayerByName("grids")->GetFeatureCount(), 2257);
        QCOMPARE(dataset->GetLayerByName("cameras")->GetFeatureCount(), 4137 + 3666);
    }

    void incidentsAreSetIndependentlyOfTheScale()
    {
        const std::string path = mDir.filePath(QStringLiteral("few-incidents.gpkg")).toStdString();
        auto report = sample::writeSample(path, {.scale = 0.1, .incidents = 2500, .terrain = false});
        QVERIFY(report.ok());
        QCOMPARE(report->incidents, 2500);
        GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_VECTOR);
        QVERIFY(dataset);
        QCOMPARE(dataset->GetLayerByName("incidents")->GetFeatureCount(), 2500);
        // The buildings follow the scale as before (the same as the scale-0.1 sample of the same seed).
        GdalDatasetPtr scaled = openReadOnly(mDir.filePath(QStringLiteral("one.gpkg")).toStdString(), GDAL_OF_VECTOR);
        QVERIFY(scaled);
        QCOMPARE(dataset->GetLayerByName("buildings")->GetFeatureCount(),
                 scaled->GetLayerByName("buildings")->GetFeatureCount());
        QVERIFY(!sample::writeSample(mDir.filePath(QStringLiteral("bad-count.gpkg")).toStdString(),
                                     {.incidents = -1, .terrain = false})
                     .ok());
    }

    void refusesToOverwriteAndBadScales()
    {
        auto again = sample::writeSample(mPath, {});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().path, mPath);
        const std::string path = mDir.filePath(QStringLiteral("bad.gpkg")).toStdString();
        QVERIFY(!sample::writeSample(path, {.scale = 0.0}).ok());
        QVERIFY(!sample::writeSample(path, {.scale = 1000.0}).ok());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(path)));
    }

private:
    QTemporaryDir mDir;
    std::string mPath;
    sample::SampleReport mReport;
    GdalDatasetPtr mDataset;
    std::unique_ptr<ProjectStore> mProject;
};

QTEST_GUILESS_MAIN(TestSampleDistrict)
#include "test_sample_district.moc"
