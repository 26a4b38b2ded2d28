#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/io/sqlite_database.hpp"
#include "data/project/view_state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <cpl_string.h>

namespace citytwin::data
{

/// A named view saved in a project: the camera (project CRS metres, z up) and, for bookmarks saved from schema 2
/// on, what the view shows (layers, colouring, heat layer, filter, caption). A bookmark without a state only moves
/// the camera.
struct Bookmark
{
    std::string name;
    Position eye;
    Position center;
    Position up{0.0, 0.0, 1.0};
    std::optional<ViewState> state;
};

/// A tour: bookmarks shown one after the other, each for its duration (seconds), for briefings; each stop may
/// have its own caption (else its bookmark's) and presenter's notes, and the tour chooses its KPI tiles.
struct Tour
{
    struct Stop
    {
        std::string bookmark;
        double durationSeconds = 8.0;
        /// Shown to the audience; empty: the bookmark's caption.
        std::string caption;
        /// Shown to the presenter only (the presenter view).
        std::string notes;
    };
    std::string name;
    std::vector<Stop> stops;
    /// The KPI tiles shown while it plays, by key (see app/gui/briefing); empty: the default set.
    std::vector<std::string> kpis;
};

/// A CityTwin project: one GeoPackage file (readable by QGIS and ogrinfo) holding the project's layers as
/// feature tables in the project CRS, the indexed `incidents` point table, and our own tables
/// (`citytwin_meta`, bookmarks, tours, saved filters, field mappings, report settings, incident categories,
/// import log) with a schema version and migrations. WAL mode: one writer and many readers at once.
class ProjectStore
{
public:
    /// The schema version this build writes; older projects are migrated when opened read-write.
    static constexpr int CurrentSchemaVersion = 4;

    struct OpenOptions
    {
        /// Create the project when the file does not exist.
        bool create = true;
        /// The CRS of a new project.
        std::string projectCrs = "EPSG:4548";
        bool readOnly = false;
    };

    /// Opens (or creates) a project. Fails, naming the file, when it is not an SQLite database, not a
    /// GeoPackage, a GeoPackage that is not a CityTwin project, or made by a newer CityTwin.
    static Result<ProjectStore> open(const std::string& path, const OpenOptions& options);
    static Result<ProjectStore> open(const std::string& path) { return open(path, OpenOptions{}); }

    Database& database() { return mDatabase; }
    const std::string& path() const { return mDatabase.path(); }
    const std::string& projectCrs() const { return mProjectCrs; }
    int schemaVersion() const { return mSchemaVersion; }

    /// Returns the feature tables registered in gpkg_contents.
    std::vector<std::string> featureTables();
    bool hasFeatureTable(const std::string& name);
    /// Returns the GeoPackage srs_id of a feature table's geometry column.
    Result<std::int32_t> srsIdOf(const std::string& table);

    /// Reads and writes our key / value metadata.
    Result<std::string> meta(const std::string& key);
    Result<bool> setMeta(const std::string& key, const std::string& value);

    /// Saves (or replaces) a named field-mapping profile (JSON text).
    Result<bool> saveFieldMapping(const std::string& name, const std::string& json);
    /// Returns a saved field-mapping profile, or nothing when none has that name.
    Result<std::optional<std::string>> fieldMapping(const std::string& name);
    Result<std::vector<std::string>> fieldMappingNames();

    /// Returns the saved bookmarks, by name. One whose camera cannot be shown (coordinates that are not numbers or
    /// are out of range, eye on the centre, no up direction or up along the line of sight: a project from someone
    /// else) is left out, with a warning in the log; one whose saved state is broken keeps its camera.
    Result<std::vector<Bookmark>> bookmarks();
    /// Returns the bookmark of that name, or nothing; an error naming the problem when its camera cannot be shown.
    Result<std::optional<Bookmark>> bookmark(const std::string& name);
    /// Saves a bookmark (replacing one of the same name).
    Result<bool> saveBookmark(const Bookmark& bookmark);
    /// Saves (or replaces) a named incident filter (JSON text, see IncidentFilter::toJson).
    Result<bool> saveFilter(const std::string& name, const std::string& json);
    /// Returns the saved incident filters as (name, JSON text), by name.
    Result<std::vector<std::pair<std::string, std::string>>> filters();
    /// Deletes a saved filter; false when none has that name.
    Result<bool> deleteFilter(const std::string& name);

    /// Saves a report template (JSON, ReportTemplate::toJson) by name, replacing one of the same name.
    Result<bool> saveReportTemplate(const std::string& name, const std::string& json);
    /// Returns the project's report templates (name, JSON) by name; none in a project of schema 2 or older.
    Result<std::vector<std::pair<std::string, std::string>>> reportTemplates();
    /// Deletes a report template; false when none has that name.
    Result<bool> deleteReportTemplate(const std::string& name);

    /// Returns the saved tours, by name, with their stops in order.
    Result<std::vector<Tour>> tours();
    /// Saves a tour (replacing one of the same name); its bookmarks must exist.
    Result<bool> saveTour(const Tour& tour);
    /// Saves bookmarks (each replacing one of the same name) and a tour through them, all or nothing (a tour
    /// imported from a file).
    Result<bool> saveTourWithBookmarks(const Tour& tour, const std::vector<Bookmark>& bookmarks);
    /// Deletes a tour (its bookmarks stay); false when none has that name.
    Result<bool> deleteTour(const std::string& name);

private:
    /// bookmarks(), noting the names and problems of those left out when unusable is given.
    Result<std::vector<Bookmark>> readBookmarks(std::vector<std::pair<std::string, std::string>>* unusable);
    explicit ProjectStore(Database database) : mDatabase(std::move(database)) {}
    Result<bool> load();
    Result<bool> migrate();
    /// Deletes a tour and its stops inside the caller's transaction; false when there was none.
    Result<bool> removeTour(const std::string& name);
    /// Writes a tour (replacing one of the same name) inside the caller's transaction.
    Result<bool> insertTour(const Tour& tour);

    Database mDatabase;
    std::string mProjectCrs;
    int mSchemaVersion = 0;
    bool mReadOnly = false;
};

/// The UTC time now as the GeoPackage DATETIME text "YYYY-MM-DDTHH:MM:SS.000Z".
std::string utcNowText();

/// The GDAL creation options of a project's feature tables: the fid and geometry column names of schema.hpp, a
/// spatial index, and the description when one is given.
CPLStringList featureTableOptions(const char* description = nullptr);

} // namespace citytwin::data
