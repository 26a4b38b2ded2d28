#include "data/project/project_store.hpp"

#include "data/project/schema.hpp"

#include "data/io/gdal_open.hpp"
#include "data/core/log.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace citytwin::data
{
namespace
{
constexpr std::int64_t GeoPackageApplicationId = 0x47504B47; // "GPKG"

/// The incident table's attribute columns, as created through GDAL (so that every GeoPackage reader
/// understands the table); times are GeoPackage DATETIME (ISO 8601, UTC).
struct FieldSpec
{
    const char* name;
    OGRFieldType type;
};
namespace incidents = schema::incidents;
constexpr FieldSpec IncidentFields[] = {
    {incidents::Id, OFTInteger64},          {incidents::ExternalId, OFTString},
    {incidents::Source, OFTString},         {incidents::Category, OFTString},
    {incidents::Status, OFTString},         {incidents::ReportedAt, OFTDateTime},
    {incidents::DispatchedAt, OFTDateTime}, {incidents::HandledAt, OFTDateTime},
    {incidents::ClosedAt, OFTDateTime},     {incidents::GridId, OFTInteger64},
    {incidents::CommunityId, OFTInteger64}, {incidents::CameraId, OFTInteger64},
    {incidents::Address, OFTString},        {incidents::Description, OFTString},
};
static_assert(std::size(IncidentFields) == std::size(incidents::Columns));

/// Creates an empty GeoPackage with the incident table through GDAL.
Result<bool> createGeoPackage(const std::string& path, const std::string& projectCrs)
{
    ensureGdalRegistered();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return Error{ErrorCode::StoreFailed, "GDAL has no GeoPackage driver", path};
    CPLErrorReset();
    GdalDatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        return Error{ErrorCode::StoreFailed, std::string("cannot create the project: ") + CPLGetLastErrorMsg(), path};
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(projectCrs.c_str()) != OGRERR_NONE)
        return Error{ErrorCode::CrsUnknown, "unknown project CRS '" + projectCrs + "'", path};
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer =
        dataset->CreateLayer(incidents::Table, &srs, wkbPoint, featureTableOptions("CityTwin incidents").List());
    if (!layer)
        return Error{ErrorCode::StoreFailed, std::string("cannot create the incident table: ") + CPLGetLastErrorMsg(),
                     path};
    for (const FieldSpec& spec : IncidentFields)
    {
        OGRFieldDefn field(spec.name, spec.type);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return Error{ErrorCode::StoreFailed, std::string("cannot create field ") + spec.name, path};
    }
    // Force the table and its R-tree into the file before GDAL closes it.
    layer->SyncToDisk();
    return true;
}

/// Schema migrations, one entry per version: entry i takes a project from version i to i + 1.
const char* const Migrations[] = {
    // 0 -> 1: our tables, the incident indexes, the category list.
    R"sql(
CREATE TABLE IF NOT EXISTS citytwin_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citytwin_bookmarks(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    eye_x REAL NOT NULL, eye_y REAL NOT NULL, eye_z REAL NOT NULL,
    center_x REAL NOT NULL, center_y REAL NOT NULL, center_z REAL NOT NULL,
    up_x REAL NOT NULL DEFAULT 0, up_y REAL NOT NULL DEFAULT 0, up_z REAL NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citytwin_tours(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citytwin_tour_stops(
    tour_id INTEGER NOT NULL REFERENCES citytwin_tours(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    bookmark_id INTEGER NOT NULL REFERENCES citytwin_bookmarks(id),
    duration_s REAL NOT NULL DEFAULT 5,
    PRIMARY KEY(tour_id, position));
CREATE TABLE IF NOT EXISTS citytwin_filters(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citytwin_field_mappings(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citytwin_report_settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS citytwin_incident_categories(
    code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
    overdue_hours REAL NOT NULL DEFAULT 72, camera_ai INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS citytwin_imports(
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, source TEXT NOT NULL,
    target TEXT NOT NULL, rows_read INTEGER NOT NULL, rows_imported INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
    mapping TEXT);
CREATE INDEX IF NOT EXISTS incidents_category_time ON incidents(category, reported_at, grid_id);
CREATE INDEX IF NOT EXISTS incidents_time ON incidents(reported_at);
CREATE INDEX IF NOT EXISTS incidents_status_time ON incidents(status, reported_at);
CREATE INDEX IF NOT EXISTS incidents_grid_time ON incidents(grid_id, reported_at);
CREATE UNIQUE INDEX IF NOT EXISTS incidents_external_id ON incidents(source, external_id) WHERE external_id IS NOT NULL;
INSERT OR IGNORE INTO citytwin_incident_categories(code, name_zh, name_en, overdue_hours, camera_ai) VALUES
    ('street_vending', '占道经营', 'Street vending on the road', 24, 1),
    ('unlicensed_vendor', '无照摊贩', 'Unlicensed vendor', 24, 1),
    ('exposed_garbage', '垃圾暴露', 'Exposed garbage', 24, 1),
    ('illegal_parking', '机动车乱停乱放', 'Illegal parking', 12, 1),
    ('non_motor_parking', '非机动车乱停放', 'Bicycles parked in the way', 24, 1),
    ('overflowing_bin', '垃圾满溢', 'Overflowing bin', 12, 1),
    ('outdoor_advertising', '违规户外广告', 'Unauthorised outdoor advertising', 72, 1),
    ('stacked_materials', '乱堆物料', 'Materials stacked in public space', 48, 1),
    ('laundry_on_street', '沿街晾挂', 'Laundry hung along the street', 48, 1),
    ('road_damage', '道路破损', 'Road damage', 72, 1),
    ('manhole_cover', '井盖缺失', 'Missing or broken manhole cover', 12, 1),
    ('illegal_construction', '违章建筑', 'Illegal construction', 168, 0),
    ('noise', '噪音扰民', 'Noise nuisance', 24, 0),
    ('water_supply', '供水问题', 'Water supply problem', 24, 0),
    ('heating', '供暖问题', 'Heating problem', 24, 0),
    ('greening', '绿化损坏', 'Damaged greenery', 72, 0),
    ('street_light', '路灯故障', 'Street light out', 48, 0),
    ('property_dispute', '物业纠纷', 'Property management dispute', 168, 0),
    ('safety_hazard', '安全隐患', 'Safety hazard', 12, 0),
    ('other', '其他', 'Other', 72, 0);
)sql",
    // 1 -> 2: columns only (AddedColumns).
    "",
    // 2 -> 3: report templates.
    R"sql(
CREATE TABLE IF NOT EXISTS citytwin_report_templates(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL, updated_at TEXT NOT NULL);
)sql",
    // 3 -> 4: the incident change counter the column cache beside the project is checked against (bulk imports
    // suspend the insert trigger and bump the counter once).
    R"sql(
CREATE TABLE IF NOT EXISTS citytwin_incident_changes(id INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL);
INSERT OR IGNORE INTO citytwin_incident_changes(id, changes) VALUES (1, 0);
UPDATE citytwin_incident_changes SET changes = changes + 1 WHERE id = 1;
CREATE TRIGGER IF NOT EXISTS citytwin_incidents_changed_insert AFTER INSERT ON incidents
    BEGIN UPDATE citytwin_incident_changes SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS citytwin_incidents_changed_update AFTER UPDATE ON incidents
    BEGIN UPDATE citytwin_incident_changes SET changes = changes + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS citytwin_incidents_changed_delete AFTER DELETE ON incidents
    BEGIN UPDATE citytwin_incident_changes SET changes = changes + 1 WHERE id = 1; END;
)sql",
};
static_assert(std::size(Migrations) == ProjectStore::CurrentSchemaVersion);

/// Columns a migration adds (ALTER TABLE has no IF NOT EXISTS: each is added only where it is missing).
struct AddedColumn
{
    int toVersion;
    const char* table;
    const char* column;
};
const AddedColumn AddedColumns[] = {
    // 1 -> 2: bookmarks carry what the view shows; tour stops a caption and notes; tours their KPI tiles.
    {2, "citytwin_bookmarks", "state"},
    {2, "citytwin_tour_stops", "caption"},
    {2, "citytwin_tour_stops", "notes"},
    {2, "citytwin_tours", "kpis"},
};
} // namespace

CPLStringList featureTableOptions(const char* description)
{
    CPLStringList options;
    options.AddNameValue("FID", schema::FeatureId);
    options.AddNameValue("GEOMETRY_NAME", schema::Geometry);
    options.AddNameValue("SPATIAL_INDEX", "YES");
    if (description)
        options.AddNameValue("DESCRIPTION", description);
    return options;
}

std::string utcNowText()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S.000Z", &utc);
    return text;
}

Result<ProjectStore> ProjectStore::open(const std::string& path, const OpenOptions& options)
{
    const bool exists = std::filesystem::exists(path);
    if (!exists && !options.create)
        return Error{ErrorCode::FileNotFound, "no such project", path};
    if (!exists)
    {
        // Build the new project beside its final name and rename it at the end: an interrupted creation
        // leaves no half-made project behind.
        const std::string building = path + ".creating.gpkg";
        std::filesystem::remove(building);
        if (auto created = createGeoPackage(building, options.projectCrs); !created)
        {
            std::filesystem::remove(building);
            return Error{created.error().code, created.error().detail, path};
        }
        {
            auto database = Database::open(building, Database::Mode::ReadWrite);
            if (!database)
                return database.error();
            ProjectStore store(std::move(database.value()));
            if (auto wal = store.mDatabase.exec("PRAGMA journal_mode=WAL"); !wal)
                return wal.error();
            if (auto migrated = store.migrate(); !migrated)
                return migrated.error();
            if (auto crs = store.setMeta("project_crs", options.projectCrs); !crs)
                return crs.error();
            if (auto created = store.setMeta("created_at", utcNowText()); !created)
                return created.error();
        }
        std::error_code renameError;
        std::filesystem::rename(building, path, renameError);
        std::filesystem::remove(building + "-wal");
        std::filesystem::remove(building + "-shm");
        if (renameError)
            return Error{ErrorCode::StoreFailed, "cannot move the new project into place: " + renameError.message(),
                         path};
    }

    auto database = Database::open(path, options.readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
    if (!database)
        return database.error();
    ProjectStore store(std::move(database.value()));
    store.mReadOnly = options.readOnly;
    // Large imports run in one transaction: keep its pages (up to 256 MiB) and statement journals in memory
    // instead of spilling them to disk a page at a time.
    store.mDatabase.tune("PRAGMA cache_size = -262144");
    store.mDatabase.tune("PRAGMA temp_store = MEMORY");
    if (auto loaded = store.load(); !loaded)
        return loaded.error();
    return store;
}

Result<bool> ProjectStore::load()
{
    auto applicationId = mDatabase.queryInt64("PRAGMA application_id");
    auto hasContents = mDatabase.queryInt64("SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_contents'");
    if (!applicationId || !hasContents ||
        (applicationId.value() != GeoPackageApplicationId && hasContents.value() == 0))
        return Error{ErrorCode::OpenFailed, "not a GeoPackage", path()};
    auto hasMeta = mDatabase.queryInt64("SELECT count(*) FROM sqlite_master WHERE name = 'citytwin_meta'");
    if (!hasMeta || hasMeta.value() == 0)
        return Error{ErrorCode::OpenFailed,
                     "a GeoPackage but not a CityTwin project (import it into a project instead)", path()};
    auto version = meta("schema_version");
    mSchemaVersion = version.ok() && !version->empty() ? std::stoi(version.value()) : 0;
    if (mSchemaVersion > CurrentSchemaVersion)
        return Error{ErrorCode::OpenFailed,
                     "made by a newer CityTwin (schema " + std::to_string(mSchemaVersion) + ", this one knows " +
                         std::to_string(CurrentSchemaVersion) + ")",
                     path()};
    // A project opened read-only is read as the schema it has (the readers know every older one).
    if (mSchemaVersion < CurrentSchemaVersion && !mReadOnly)
    {
        if (auto migrated = migrate(); !migrated)
            return migrated.error();
    }
    auto crs = meta("project_crs");
    mProjectCrs = crs.ok() && !crs->empty() ? crs.value() : std::string("EPSG:4548");
    return true;
}

Result<bool> ProjectStore::migrate()
{
    auto transaction = Transaction::begin(mDatabase);
    if (!transaction)
        return transaction.error();
    // The meta table may not exist yet (version 0): read the version defensively.
    auto hasMeta = mDatabase.queryInt64("SELECT count(*) FROM sqlite_master WHERE name = 'citytwin_meta'");
    int version = 0;
    if (hasMeta.ok() && hasMeta.value() > 0)
    {
        auto text = meta("schema_version");
        version = text.ok() && !text->empty() ? std::stoi(text.value()) : 0;
    }
    for (int v = version; v < CurrentSchemaVersion; ++v)
    {
        log(LogLevel::Info, "data.project",
            path() + ": migrating schema " + std::to_string(v) + " -> " + std::to_string(v + 1));
        if (auto done = mDatabase.exec(Migrations[v]); !done)
            return done.error();
        for (const AddedColumn& added : AddedColumns)
        {
            if (added.toVersion != v + 1)
                continue;
            auto present = mDatabase.queryInt64(std::string("SELECT count(*) FROM pragma_table_info('") + added.table +
                                                "') WHERE name = '" + added.column + "'");
            if (!present)
                return present.error();
            if (present.value() == 0)
                if (auto done = mDatabase.exec(std::string("ALTER TABLE ") + added.table + " ADD COLUMN " +
                                               added.column + " TEXT");
                    !done)
                    return done.error();
        }
    }
    if (auto set = setMeta("schema_version", std::to_string(CurrentSchemaVersion)); !set)
        return set.error();
    if (auto committed = transaction.value()->commit(); !committed)
        return committed.error();
    mSchemaVersion = CurrentSchemaVersion;
    return true;
}

std::vector<std::string> ProjectStore::featureTables()
{
    std::vector<std::string> tables;
    auto statement =
        mDatabase.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name");
    if (!statement)
        return tables;
    if (auto read = statement->forEachRow([&tables](const Statement& row) { tables.push_back(row.columnText(0)); });
        !read)
        log(LogLevel::Warning, "data.project", "cannot list the feature tables: " + read.error().message());
    return tables;
}

bool ProjectStore::hasFeatureTable(const std::string& name)
{
    auto statement =
        mDatabase.prepare("SELECT count(*) FROM gpkg_contents WHERE data_type = 'features' AND table_name = ?");
    if (!statement)
        return false;
    statement->bind(1, name);
    auto row = statement->step();
    return row.ok() && row.value() && statement->columnInt64(0) > 0;
}

Result<std::int32_t> ProjectStore::srsIdOf(const std::string& table)
{
    auto statement = mDatabase.prepare("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, table);
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::StoreFailed, "no geometry column registered for table '" + table + "'", path()};
    return static_cast<std::int32_t>(statement->columnInt64(0));
}

Result<std::string> ProjectStore::meta(const std::string& key)
{
    auto statement = mDatabase.prepare("SELECT value FROM citytwin_meta WHERE key = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    auto row = statement->step();
    if (!row)
        return row.error();
    return row.value() ? statement->columnText(0) : std::string();
}

Result<bool> ProjectStore::setMeta(const std::string& key, const std::string& value)
{
    auto statement = mDatabase.prepare("INSERT INTO citytwin_meta(key, value) VALUES(?, ?) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!statement)
        return statement.error();
    return statement->bind(1, key).bind(2, value).run();
}

Result<bool> ProjectStore::saveFieldMapping(const std::string& name, const std::string& json)
{
    auto statement = mDatabase.prepare(
        "INSERT INTO citytwin_field_mappings(name, definition, updated_at) VALUES(?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at");
    if (!statement)
        return statement.error();
    return statement->bind(1, name).bind(2, json).bind(3, utcNowText()).run();
}

Result<std::optional<std::string>> ProjectStore::fieldMapping(const std::string& name)
{
    auto statement = mDatabase.prepare("SELECT definition FROM citytwin_field_mappings WHERE name = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, name);
    auto row = statement->step();
    if (!row)
        return row.error();
    return row.value() ? std::optional<std::string>(statement->columnText(0)) : std::nullopt;
}

namespace
{
/// Why a bookmark's camera cannot be shown (values from another program, or edited by hand), or nothing.
std::optional<std::string> cameraProblem(const Bookmark& bookmark)
{
    // Beyond any projected CRS's metres: no place on Earth.
    constexpr double Far = 1e9;
    for (const Position* p : {&bookmark.eye, &bookmark.center, &bookmark.up})
        if (!std::isfinite(p->x) || !std::isfinite(p->y) || !std::isfinite(p->z) || std::abs(p->x) > Far ||
            std::abs(p->y) > Far || std::abs(p->z) > Far)
            return "its camera has coordinates that are not numbers or out of range";
    const double dx = bookmark.center.x - bookmark.eye.x, dy = bookmark.center.y - bookmark.eye.y,
                 dz = bookmark.center.z - bookmark.eye.z;
    const double sight = std::sqrt(dx * dx + dy * dy + dz * dz);
    if (sight < 1e-6)
        return "its camera looks from a point at the same point";
    const double upLength = std::sqrt(bookmark.up.x * bookmark.up.x + bookmark.up.y * bookmark.up.y +
                                      bookmark.up.z * bookmark.up.z);
    if (upLength < 1e-9)
        return "its camera has no up direction";
    // Up along the line of sight leaves the camera's roll undefined.
    const double cx = dy * bookmark.up.z - dz * bookmark.up.y, cy = dz * bookmark.up.x - dx * bookmark.up.z,
                 cz = dx * bookmark.up.y - dy * bookmark.up.x;
    if (std::sqrt(cx * cx + cy * cy + cz * cz) < 1e-9 * sight * upLength)
        return "its camera's up direction is along its line of sight";
    return std::nullopt;
}
} // namespace

Result<std::vector<Bookmark>> ProjectStore::bookmarks()
{
    return readBookmarks(nullptr);
}

Result<std::vector<Bookmark>> ProjectStore::readBookmarks(std::vector<std::pair<std::string, std::string>>* unusable)
{
    const std::string state = mSchemaVersion >= 2 ? "state" : "NULL";
    auto statement = mDatabase.prepare("SELECT name, eye_x, eye_y, eye_z, center_x, center_y, center_z, up_x, up_y, "
                                       "up_z, " +
                                       state + " FROM citytwin_bookmarks ORDER BY name");
    if (!statement)
        return statement.error();
    std::vector<Bookmark> list;
    std::optional<Error> broken;
    auto listed = statement->forEachRow(
        [&list, &broken, unusable, this](const Statement& row)
        {
            Bookmark bookmark{row.columnText(0),
                              {row.columnDouble(1), row.columnDouble(2), row.columnDouble(3)},
                              {row.columnDouble(4), row.columnDouble(5), row.columnDouble(6)},
                              {row.columnDouble(7), row.columnDouble(8), row.columnDouble(9)},
                              std::nullopt};
            if (const auto problem = cameraProblem(bookmark))
            {
                // Left out (a tour skips its stop); asked for by name, the problem is said (bookmark()).
                log(LogLevel::Warning, "data.project",
                    path() + ": bookmark '" + bookmark.name + "' left out: " + *problem);
                if (unusable)
                    unusable->emplace_back(bookmark.name, *problem);
                return;
            }
            if (!row.isNull(10))
            {
                auto read = ViewState::fromJson(row.columnText(10), path());
                if (read)
                    bookmark.state = std::move(read.value());
                else if (!broken)
                    broken =
                        Error{read.error().code, "bookmark '" + bookmark.name + "': " + read.error().detail, path()};
            }
            list.push_back(std::move(bookmark));
        });
    if (!listed)
        return listed.error();
    if (broken)
    {
        // One bad state does not hide the other bookmarks: its camera still works.
        log(LogLevel::Warning, "data.project", broken->message());
    }
    return list;
}

Result<std::optional<Bookmark>> ProjectStore::bookmark(const std::string& name)
{
    std::vector<std::pair<std::string, std::string>> unusable;
    auto list = readBookmarks(&unusable);
    if (!list)
        return list.error();
    for (const auto& [left, problem] : unusable)
        if (left == name)
            return Error{ErrorCode::InvalidArgument, "bookmark '" + name + "' cannot be shown: " + problem, path()};
    for (Bookmark& bookmark : list.value())
        if (bookmark.name == name)
            return std::optional<Bookmark>(std::move(bookmark));
    return std::optional<Bookmark>();
}

Result<bool> ProjectStore::saveBookmark(const Bookmark& bookmark)
{
    auto insert = mDatabase.prepare(
        "INSERT INTO citytwin_bookmarks(name, eye_x, eye_y, eye_z, center_x, center_y, center_z, up_x, up_y, up_z, "
        "created_at, state) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
        "eye_x = excluded.eye_x, eye_y = excluded.eye_y, eye_z = excluded.eye_z, center_x = excluded.center_x, "
        "center_y = excluded.center_y, center_z = excluded.center_z, up_x = excluded.up_x, up_y = excluded.up_y, "
        "up_z = excluded.up_z, state = excluded.state");
    if (!insert)
        return insert.error();
    insert->bind(1, bookmark.name)
        .bind(2, bookmark.eye.x)
        .bind(3, bookmark.eye.y)
        .bind(4, bookmark.eye.z)
        .bind(5, bookmark.center.x)
        .bind(6, bookmark.center.y)
        .bind(7, bookmark.center.z)
        .bind(8, bookmark.up.x)
        .bind(9, bookmark.up.y)
        .bind(10, bookmark.up.z)
        .bind(11, utcNowText());
    if (bookmark.state)
        insert->bind(12, bookmark.state->toJson());
    else
        insert->bindNull(12);
    return insert->run();
}

Result<std::vector<Tour>> ProjectStore::tours()
{
    const std::string extra = mSchemaVersion >= 2 ? "s.caption, s.notes, t.kpis" : "NULL, NULL, NULL";
    auto statement = mDatabase.prepare("SELECT t.name, b.name, s.duration_s, " + extra +
                                       " FROM citytwin_tours t JOIN citytwin_tour_stops s ON s.tour_id = t.id "
                                       "JOIN citytwin_bookmarks b ON b.id = s.bookmark_id ORDER BY t.name, s.position");
    if (!statement)
        return statement.error();
    std::vector<Tour> list;
    auto listed = statement->forEachRow(
        [&list](const Statement& row)
        {
            if (list.empty() || list.back().name != row.columnText(0))
            {
                list.push_back({row.columnText(0), {}, {}});
                std::string kpis = row.isNull(5) ? std::string() : row.columnText(5);
                for (std::size_t start = 0; start < kpis.size();)
                {
                    const std::size_t comma = std::min(kpis.find(',', start), kpis.size());
                    if (comma > start)
                        list.back().kpis.push_back(kpis.substr(start, comma - start));
                    start = comma + 1;
                }
            }
            // A duration from someone else's project is kept within what a briefing can show: 1 s to an hour
            // (negative, infinite or absurd ones would overflow the player's timer).
            const double seconds = row.columnDouble(2);
            const double duration = std::isfinite(seconds) ? std::clamp(seconds, 1.0, 3600.0) : 8.0;
            list.back().stops.push_back({row.columnText(1), duration,
                                         row.isNull(3) ? std::string() : row.columnText(3),
                                         row.isNull(4) ? std::string() : row.columnText(4)});
        });
    if (!listed)
        return listed.error();
    return list;
}

Result<bool> ProjectStore::saveTour(const Tour& tour)
{
    auto transaction = Transaction::begin(mDatabase);
    if (!transaction)
        return transaction.error();
    if (auto inserted = insertTour(tour); !inserted)
        return inserted.error();
    return transaction.value()->commit();
}

Result<bool> ProjectStore::saveTourWithBookmarks(const Tour& tour, const std::vector<Bookmark>& bookmarks)
{
    auto transaction = Transaction::begin(mDatabase);
    if (!transaction)
        return transaction.error();
    for (const Bookmark& bookmark : bookmarks)
        if (auto saved = saveBookmark(bookmark); !saved)
            return saved.error();
    if (auto inserted = insertTour(tour); !inserted)
        return inserted.error();
    return transaction.value()->commit();
}

Result<bool> ProjectStore::insertTour(const Tour& tour)
{
    if (auto removed = removeTour(tour.name); !removed)
        return removed.error();
    if (tour.name.empty())
        return Error{ErrorCode::InvalidArgument, "a tour needs a name", path()};
    if (tour.stops.empty())
        return Error{ErrorCode::InvalidArgument, "the tour '" + tour.name + "' has no stops", path()};
    std::string kpis;
    for (const std::string& key : tour.kpis)
    {
        if (key.empty() || key.find(',') != std::string::npos)
            return Error{ErrorCode::InvalidArgument, "not a KPI tile: '" + key + "'", path()};
        kpis += (kpis.empty() ? "" : ",") + key;
    }
    auto insert = mDatabase.prepare("INSERT INTO citytwin_tours(name, created_at, kpis) VALUES(?, ?, ?)");
    if (!insert)
        return insert.error();
    if (auto done = insert->bind(1, tour.name).bind(2, utcNowText()).bind(3, kpis).run(); !done)
        return done.error();
    auto id = mDatabase.queryInt64("SELECT last_insert_rowid()");
    if (!id)
        return id.error();
    auto stop =
        mDatabase.prepare("INSERT INTO citytwin_tour_stops(tour_id, position, bookmark_id, duration_s, caption, "
                          "notes) SELECT ?, ?, id, ?, ?, ? FROM citytwin_bookmarks WHERE name = ?");
    if (!stop)
        return stop.error();
    for (std::size_t i = 0; i < tour.stops.size(); ++i)
    {
        if (auto done = stop->bind(1, id.value())
                            .bind(2, static_cast<std::int64_t>(i))
                            .bind(3, tour.stops[i].durationSeconds)
                            .bind(4, tour.stops[i].caption)
                            .bind(5, tour.stops[i].notes)
                            .bind(6, tour.stops[i].bookmark)
                            .run();
            !done)
            return done.error();
        if (mDatabase.changes() == 0)
            return Error{ErrorCode::InvalidArgument,
                         "the tour names a bookmark that does not exist: '" + tour.stops[i].bookmark + "'", path()};
    }
    return true;
}

Result<bool> ProjectStore::deleteTour(const std::string& name)
{
    auto transaction = Transaction::begin(mDatabase);
    if (!transaction)
        return transaction.error();
    auto removed = removeTour(name);
    if (!removed)
        return removed.error();
    if (auto committed = transaction.value()->commit(); !committed)
        return committed.error();
    return removed.value();
}

Result<bool> ProjectStore::removeTour(const std::string& name)
{
    for (const char* sql :
         {"DELETE FROM citytwin_tour_stops WHERE tour_id IN (SELECT id FROM citytwin_tours WHERE name = ?)",
          "DELETE FROM citytwin_tours WHERE name = ?"})
    {
        auto remove = mDatabase.prepare(sql);
        if (!remove)
            return remove.error();
        if (auto done = remove->bind(1, name).run(); !done)
            return done.error();
    }
    return mDatabase.changes() > 0;
}

Result<bool> ProjectStore::saveFilter(const std::string& name, const std::string& json)
{
    auto statement = mDatabase.prepare(
        "INSERT INTO citytwin_filters(name, definition, updated_at) VALUES(?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at");
    if (!statement)
        return statement.error();
    return statement->bind(1, name).bind(2, json).bind(3, utcNowText()).run();
}

Result<std::vector<std::pair<std::string, std::string>>> ProjectStore::filters()
{
    auto statement = mDatabase.prepare("SELECT name, definition FROM citytwin_filters ORDER BY name");
    if (!statement)
        return statement.error();
    std::vector<std::pair<std::string, std::string>> list;
    if (auto listed = statement->forEachRow([&list](const Statement& row)
                                            { list.emplace_back(row.columnText(0), row.columnText(1)); });
        !listed)
        return listed.error();
    return list;
}

Result<bool> ProjectStore::saveReportTemplate(const std::string& name, const std::string& json)
{
    auto statement = mDatabase.prepare(
        "INSERT INTO citytwin_report_templates(name, definition, updated_at) VALUES(?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at");
    if (!statement)
        return statement.error();
    return statement->bind(1, name).bind(2, json).bind(3, utcNowText()).run();
}

Result<std::vector<std::pair<std::string, std::string>>> ProjectStore::reportTemplates()
{
    std::vector<std::pair<std::string, std::string>> list;
    if (mSchemaVersion < 3)
        return list; // a project opened read-only before its migration has none
    auto statement = mDatabase.prepare("SELECT name, definition FROM citytwin_report_templates ORDER BY name");
    if (!statement)
        return statement.error();
    if (auto listed = statement->forEachRow([&list](const Statement& row)
                                            { list.emplace_back(row.columnText(0), row.columnText(1)); });
        !listed)
        return listed.error();
    return list;
}

Result<bool> ProjectStore::deleteReportTemplate(const std::string& name)
{
    auto statement = mDatabase.prepare("DELETE FROM citytwin_report_templates WHERE name = ?");
    if (!statement)
        return statement.error();
    if (auto done = statement->bind(1, name).run(); !done)
        return done.error();
    return mDatabase.changes() > 0;
}

Result<bool> ProjectStore::deleteFilter(const std::string& name)
{
    auto statement = mDatabase.prepare("DELETE FROM citytwin_filters WHERE name = ?");
    if (!statement)
        return statement.error();
    if (auto done = statement->bind(1, name).run(); !done)
        return done.error();
    return mDatabase.changes() > 0;
}

Result<std::vector<std::string>> ProjectStore::fieldMappingNames()
{
    auto statement = mDatabase.prepare("SELECT name FROM citytwin_field_mappings ORDER BY name");
    if (!statement)
        return statement.error();
    std::vector<std::string> names;
    if (auto listed = statement->forEachRow([&names](const Statement& row) { names.push_back(row.columnText(0)); });
        !listed)
        return listed.error();
    return names;
}

} // namespace citytwin::data
