#pragma once

/// The names of a project's tables and of their columns: the one contract between the code that writes a project
/// (ProjectStore, the importers, the sample writer) and every reader (analyses, scene, app). A project is one
/// GeoPackage: the feature tables are the district's layers and `incidents`, the `citytwin_*` tables are ours.
/// Each table's namespace names the table (`Table`) and its columns, and lists the columns in `Columns` (in the
/// order they are created; the key and geometry columns of feature tables are not listed).
namespace citytwin::data::schema
{

/// The integer primary key and the geometry column of every feature table CityTwin creates (GDAL's FID and
/// GEOMETRY_NAME layer options).
constexpr const char* FeatureId = "fid";
constexpr const char* Geometry = "geom";
/// The stable integer id of the features of every layer, by which analyses, filters and the scene name them
/// (imported layers get the column when they have none).
constexpr const char* StableId = "id";
/// The name of a feature, shown as its label, in every layer that names its features.
constexpr const char* FeatureName = "name";
/// The prefix of our own tables: layers may not be named with it.
constexpr const char* OwnTablePrefix = "citytwin_";

// ---- the district's layers (feature tables in the project CRS; areas in square metres) --------------------------

/// Management grid cells (multipolygons).
namespace grids
{
constexpr const char* Table = "grids";
constexpr const char* Id = StableId;
constexpr const char* CommunityId = "community_id";
constexpr const char* StreetId = "street_id";
constexpr const char* Name = FeatureName;
constexpr const char* Inspector = "inspector";
constexpr const char* AreaSquareMetres = "area_m2";
constexpr const char* Columns[] = {Id, CommunityId, StreetId, Name, Inspector, AreaSquareMetres};
} // namespace grids

/// Communities (社区, multipolygons), with their residents.
namespace communities
{
constexpr const char* Table = "communities";
constexpr const char* Id = StableId;
constexpr const char* StreetId = "street_id";
constexpr const char* Name = FeatureName;
constexpr const char* Population = "population";
constexpr const char* Households = "households";
constexpr const char* Elderly = "elderly";
constexpr const char* Children = "children";
constexpr const char* AreaSquareMetres = "area_m2";
constexpr const char* Columns[] = {Id, StreetId, Name, Population, Households, Elderly, Children, AreaSquareMetres};
} // namespace communities

/// Streets (街道, multipolygons), grouping the communities.
namespace streets
{
constexpr const char* Table = "streets";
constexpr const char* Id = StableId;
constexpr const char* Name = FeatureName;
constexpr const char* Population = "population";
constexpr const char* AreaSquareMetres = "area_m2";
constexpr const char* Columns[] = {Id, Name, Population, AreaSquareMetres};
} // namespace streets

/// The district boundary (one multipolygon).
namespace district
{
constexpr const char* Table = "district";
constexpr const char* Id = StableId;
constexpr const char* Name = FeatureName;
constexpr const char* Population = "population";
constexpr const char* AreaSquareMetres = "area_m2";
constexpr const char* Columns[] = {Id, Name, Population, AreaSquareMetres};
} // namespace district

/// Roads (lines); class is "main" or "local".
namespace roads
{
constexpr const char* Table = "roads";
constexpr const char* Id = StableId;
constexpr const char* Class = "class";
constexpr const char* Name = FeatureName;
constexpr const char* Columns[] = {Id, Class, Name};
} // namespace roads

/// The river (multipolygon).
namespace river
{
constexpr const char* Table = "river";
constexpr const char* Id = StableId;
constexpr const char* Name = FeatureName;
constexpr const char* Columns[] = {Id, Name};
} // namespace river

/// Building footprints (multipolygons); height in metres.
namespace buildings
{
constexpr const char* Table = "buildings";
constexpr const char* Id = StableId;
constexpr const char* GridId = "grid_id";
constexpr const char* CommunityId = "community_id";
constexpr const char* Name = FeatureName;
constexpr const char* Use = "use";
constexpr const char* Floors = "floors";
constexpr const char* Height = "height";
constexpr const char* Households = "households";
constexpr const char* Population = "population";
constexpr const char* Elderly = "elderly";
constexpr const char* Children = "children";
constexpr const char* FootprintSquareMetres = "footprint_m2";
constexpr const char* Columns[] = {Id,     GridId,     CommunityId, Name,    Use,      Floors,
                                   Height, Households, Population,  Elderly, Children, FootprintSquareMetres};
} // namespace buildings

/// Service stations (points); kind is a station kind code ("day_care", "canteen", ...).
namespace stations
{
constexpr const char* Table = "stations";
constexpr const char* Id = StableId;
constexpr const char* Kind = "kind";
constexpr const char* Name = FeatureName;
constexpr const char* CommunityId = "community_id";
constexpr const char* GridId = "grid_id";
constexpr const char* BuildingId = "building_id";
constexpr const char* Capacity = "capacity";
constexpr const char* DailyVisits = "daily_visits";
constexpr const char* Columns[] = {Id, Kind, Name, CommunityId, GridId, BuildingId, Capacity, DailyVisits};
} // namespace stations

/// Cameras (points) with their view: heading clockwise from north and field of view in degrees, range and mount
/// height in metres, ai_enabled 0 / 1.
namespace cameras
{
constexpr const char* Table = "cameras";
constexpr const char* Id = StableId;
constexpr const char* Network = "network";
constexpr const char* Name = FeatureName;
constexpr const char* CommunityId = "community_id";
constexpr const char* GridId = "grid_id";
constexpr const char* Heading = "heading";
constexpr const char* FieldOfView = "fov";
constexpr const char* RangeMetres = "range_m";
constexpr const char* MountHeightMetres = "mount_height_m";
constexpr const char* AiEnabled = "ai_enabled";
constexpr const char* Columns[] = {Id,      Network,     Name,        CommunityId,       GridId,
                                   Heading, FieldOfView, RangeMetres, MountHeightMetres, AiEnabled};
} // namespace cameras

/// Party organizations (points); level is "committee", "branch", "group" or "household".
namespace party_orgs
{
constexpr const char* Table = "party_orgs";
constexpr const char* Id = StableId;
constexpr const char* Level = "level";
constexpr const char* ParentId = "parent_id";
constexpr const char* Name = FeatureName;
constexpr const char* CommunityId = "community_id";
constexpr const char* GridId = "grid_id";
constexpr const char* BuildingId = "building_id";
constexpr const char* Members = "members";
constexpr const char* Columns[] = {Id, Level, ParentId, Name, CommunityId, GridId, BuildingId, Members};
} // namespace party_orgs

/// "1+10" links (lines) from a member household to a resident household (building id x 1000 + flat).
namespace party_links
{
constexpr const char* Table = "party_links";
constexpr const char* Id = StableId;
constexpr const char* HouseholdId = "household_id";
constexpr const char* LinkedHouseholdId = "linked_household_id";
constexpr const char* LinkedBuildingId = "linked_building_id";
constexpr const char* Columns[] = {Id, HouseholdId, LinkedHouseholdId, LinkedBuildingId};
} // namespace party_links

/// Incidents (points). Times are GeoPackage DATETIME text (ISO 8601, UTC); source, category and status are codes.
namespace incidents
{
constexpr const char* Table = "incidents";
constexpr const char* Id = StableId;
constexpr const char* ExternalId = "external_id";
constexpr const char* Source = "source";
constexpr const char* Category = "category";
constexpr const char* Status = "status";
constexpr const char* ReportedAt = "reported_at";
constexpr const char* DispatchedAt = "dispatched_at";
constexpr const char* HandledAt = "handled_at";
constexpr const char* ClosedAt = "closed_at";
constexpr const char* GridId = "grid_id";
constexpr const char* CommunityId = "community_id";
constexpr const char* CameraId = "camera_id";
constexpr const char* Address = "address";
constexpr const char* Description = "description";
constexpr const char* Columns[] = {Id,        ExternalId, Source, Category,    Status,   ReportedAt, DispatchedAt,
                                   HandledAt, ClosedAt,   GridId, CommunityId, CameraId, Address,    Description};
} // namespace incidents

/// The terrain written by the sample: GeoPackage tiled-raster tables (elevations in metres, and RGB imagery).
namespace rasters
{
constexpr const char* Elevation = "dem";
constexpr const char* Imagery = "imagery";
} // namespace rasters

// ---- our own tables (plain SQLite tables; times are ISO 8601 UTC text) --------------------------------------------

/// Key / value metadata of the project (project CRS, schema version, ...).
namespace citytwin_meta
{
constexpr const char* Table = "citytwin_meta";
constexpr const char* Key = "key";
constexpr const char* Value = "value";
constexpr const char* Columns[] = {Key, Value};
} // namespace citytwin_meta

/// Saved views: the camera (project CRS metres, z up) and, from schema 2, what the view shows (ViewState JSON; NULL
/// for a camera-only bookmark).
namespace citytwin_bookmarks
{
constexpr const char* Table = "citytwin_bookmarks";
constexpr const char* Id = "id";
constexpr const char* Name = "name";
constexpr const char* EyeX = "eye_x";
constexpr const char* EyeY = "eye_y";
constexpr const char* EyeZ = "eye_z";
constexpr const char* CenterX = "center_x";
constexpr const char* CenterY = "center_y";
constexpr const char* CenterZ = "center_z";
constexpr const char* UpX = "up_x";
constexpr const char* UpY = "up_y";
constexpr const char* UpZ = "up_z";
constexpr const char* CreatedAt = "created_at";
constexpr const char* State = "state";
constexpr const char* Columns[] = {Id,      Name, EyeX, EyeY, EyeZ,      CenterX, CenterY,
                                   CenterZ, UpX,  UpY,  UpZ,  CreatedAt, State};
} // namespace citytwin_bookmarks

/// Tours: bookmarks shown one after the other.
namespace citytwin_tours
{
constexpr const char* Table = "citytwin_tours";
constexpr const char* Id = "id";
constexpr const char* Name = "name";
constexpr const char* CreatedAt = "created_at";
/// The KPI tiles shown while it plays: keys separated by commas (empty or NULL: the default set).
constexpr const char* Kpis = "kpis";
constexpr const char* Columns[] = {Id, Name, CreatedAt, Kpis};
} // namespace citytwin_tours

/// The stops of the tours, in position order; durations in seconds.
namespace citytwin_tour_stops
{
constexpr const char* Table = "citytwin_tour_stops";
constexpr const char* TourId = "tour_id";
constexpr const char* Position = "position";
constexpr const char* BookmarkId = "bookmark_id";
constexpr const char* DurationSeconds = "duration_s";
constexpr const char* Caption = "caption";
constexpr const char* Notes = "notes";
constexpr const char* Columns[] = {TourId, Position, BookmarkId, DurationSeconds, Caption, Notes};
} // namespace citytwin_tour_stops

/// Saved incident filters (JSON definitions).
namespace citytwin_filters
{
constexpr const char* Table = "citytwin_filters";
constexpr const char* Id = "id";
constexpr const char* Name = "name";
constexpr const char* Definition = "definition";
constexpr const char* UpdatedAt = "updated_at";
constexpr const char* Columns[] = {Id, Name, Definition, UpdatedAt};
} // namespace citytwin_filters

/// Saved field-mapping profiles of the incident import (JSON definitions).
namespace citytwin_field_mappings
{
constexpr const char* Table = "citytwin_field_mappings";
constexpr const char* Id = "id";
constexpr const char* Name = "name";
constexpr const char* Definition = "definition";
constexpr const char* UpdatedAt = "updated_at";
constexpr const char* Columns[] = {Id, Name, Definition, UpdatedAt};
} // namespace citytwin_field_mappings

/// Key / value settings of the reports.
namespace citytwin_report_settings
{
constexpr const char* Table = "citytwin_report_settings";
constexpr const char* Key = "key";
constexpr const char* Value = "value";
constexpr const char* Columns[] = {Key, Value};
} // namespace citytwin_report_settings

/// Report templates by name: the definition is ReportTemplate's JSON (data/project/report_template.hpp).
namespace citytwin_report_templates
{
constexpr const char* Table = "citytwin_report_templates";
constexpr const char* Id = "id";
constexpr const char* Name = "name";
constexpr const char* Definition = "definition";
constexpr const char* UpdatedAt = "updated_at";
constexpr const char* Columns[] = {Id, Name, Definition, UpdatedAt};
} // namespace citytwin_report_templates

/// The incident categories: code, names, the hours after which an open incident is overdue, and whether camera AI
/// finds it (0 / 1).
namespace citytwin_incident_categories
{
constexpr const char* Table = "citytwin_incident_categories";
constexpr const char* Code = "code";
constexpr const char* NameZh = "name_zh";
constexpr const char* NameEn = "name_en";
constexpr const char* OverdueHours = "overdue_hours";
constexpr const char* CameraAi = "camera_ai";
constexpr const char* Columns[] = {Code, NameZh, NameEn, OverdueHours, CameraAi};
} // namespace citytwin_incident_categories

/// The import log: one row per committed import.
namespace citytwin_imports
{
constexpr const char* Table = "citytwin_imports";
constexpr const char* Id = "id";
constexpr const char* StartedAt = "started_at";
constexpr const char* FinishedAt = "finished_at";
constexpr const char* Source = "source";
constexpr const char* Target = "target";
constexpr const char* RowsRead = "rows_read";
constexpr const char* RowsImported = "rows_imported";
constexpr const char* RowsRejected = "rows_rejected";
constexpr const char* Mapping = "mapping";
constexpr const char* Columns[] = {Id,       StartedAt,    FinishedAt,   Source, Target,
                                   RowsRead, RowsImported, RowsRejected, Mapping};
} // namespace citytwin_imports

} // namespace citytwin::data::schema
