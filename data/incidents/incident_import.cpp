#include "data/incidents/incident_import.hpp"

#include "data/geo/coordinate_pipeline.hpp"
#include "data/geo/crs_transformer.hpp"
#include "data/core/date_time.hpp"
#include "data/io/gdal_open.hpp"
#include "data/incidents/incident_bulk.hpp"
#include "data/incidents/incident_rows.hpp"
#include "data/core/log.hpp"
#include "data/geo/polygon_index.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"
#include "data/io/text_encoding.hpp"
#include "data/io/vector_source.hpp"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
namespace incidents = schema::incidents;

constexpr std::int64_t ProgressEvery = 50000;

/// Logs how long each phase of an import took (debug level: QT_LOGGING_RULES="citytwin.*=true").
class PhaseTimer
{
public:
    void mark(const char* phase)
    {
        const auto now = std::chrono::steady_clock::now();
        log(LogLevel::Debug, "data.import",
            std::string(phase) + ": " +
                std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now - mLast).count()) + " ms");
        mLast = now;
    }

private:
    std::chrono::steady_clock::time_point mLast = std::chrono::steady_clock::now();
};
constexpr std::size_t BulkThreshold = 20000;

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c)
                   { return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c); });
    return text;
}

std::string trimmed(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

/// Text of a field as UTF-8 (GBK bytes decoded), trimmed.
std::string fieldText(const OGRFeature& feature, int index)
{
    if (index < 0 || !feature.IsFieldSetAndNotNull(index))
        return {};
    std::string text = feature.GetFieldAsString(index);
    if (!isValidUtf8(text))
        text = gbkToUtf8(text).value_or(std::string());
    return trimmed(std::move(text));
}

std::optional<double> parseNumber(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    double value = 0.0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || stop != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/// Maps source, category and status values onto our codes: the mapping's own table first, then our codes,
/// then the names we know (Chinese and English).
class ValueResolver
{
public:
    ValueResolver(const FieldMapping& mapping, Database& database) : mMapping(mapping)
    {
        mKnown[incidents::Source] = {{"citizen_app", "citizen_app"},
                                     {"app", "citizen_app"},
                                     {"市民app", "citizen_app"},
                                     {"居民上报", "citizen_app"},
                                     {"群众上报", "citizen_app"},
                                     {"随手拍", "citizen_app"},
                                     {"grid_inspector", "grid_inspector"},
                                     {"inspector", "grid_inspector"},
                                     {"网格员", "grid_inspector"},
                                     {"网格员上报", "grid_inspector"},
                                     {"网格巡查", "grid_inspector"},
                                     {"camera_ai", "camera_ai"},
                                     {"camera", "camera_ai"},
                                     {"ai", "camera_ai"},
                                     {"视频ai", "camera_ai"},
                                     {"ai识别", "camera_ai"},
                                     {"智能识别", "camera_ai"},
                                     {"摄像头", "camera_ai"},
                                     {"hotline", "hotline"},
                                     {"12345", "hotline"},
                                     {"热线", "hotline"},
                                     {"12345热线", "hotline"},
                                     {"市民热线", "hotline"}};
        mKnown[incidents::Status] = {
            {"reported", "reported"}, {"new", "reported"},     {"open", "reported"},     {"已上报", "reported"},
            {"上报", "reported"},     {"待派遣", "reported"},  {"待受理", "reported"},   {"dispatched", "dispatched"},
            {"已派遣", "dispatched"}, {"派遣", "dispatched"},  {"处置中", "dispatched"}, {"handled", "handled"},
            {"已处置", "handled"},    {"处置完成", "handled"}, {"已处理", "handled"},    {"closed", "closed"},
            {"已结案", "closed"},     {"结案", "closed"},      {"办结", "closed"},       {"已办结", "closed"}};
        auto statement = database.prepare("SELECT code, name_zh, name_en FROM citytwin_incident_categories");
        if (statement)
        {
            auto read = statement->forEachRow(
                [this](const Statement& row)
                {
                    const std::string code = row.columnText(0);
                    mKnown[incidents::Category][lowerAscii(code)] = code;
                    mKnown[incidents::Category][row.columnText(1)] = code;
                    mKnown[incidents::Category][lowerAscii(row.columnText(2))] = code;
                });
            // Without the project's names, categories are still recognised by their codes.
            if (!read)
                log(LogLevel::Warning, "data.import", "cannot read the category names: " + read.error().message());
        }
    }

    /// Returns our code for a value of a target field, or nothing.
    std::optional<std::string> resolve(const std::string& target, const std::string& value) const
    {
        if (const auto table = mMapping.values.find(target); table != mMapping.values.end())
        {
            if (const auto found = table->second.find(value); found != table->second.end())
                return found->second;
        }
        const auto& known = mKnown.at(target);
        if (const auto found = known.find(lowerAscii(value)); found != known.end())
            return found->second;
        return std::nullopt;
    }

private:
    const FieldMapping& mMapping;
    std::map<std::string, std::map<std::string, std::string>> mKnown;
};

/// One accepted row waiting to be written.
struct PendingIncident
{
    std::int64_t row = 0;
    std::string externalId;
    std::string source;
    std::string category;
    std::string status;
    std::int64_t reportedAt = 0;
    std::optional<std::int64_t> dispatchedAt, handledAt, closedAt;
    std::optional<std::int64_t> cameraId;
    std::string address;
    std::string description;
    double x = 0.0;
    double y = 0.0;
    std::optional<std::int64_t> gridId, communityId;
};

/// The incident as the row written, with its fid.
IncidentRow rowOf(const PendingIncident& incident, std::int64_t fid)
{
    return {.x = incident.x,
            .y = incident.y,
            .externalId = incident.externalId,
            .source = incident.source,
            .category = incident.category,
            .status = incident.status,
            .reportedAt = incident.reportedAt,
            .dispatchedAt = incident.dispatchedAt,
            .handledAt = incident.handledAt,
            .closedAt = incident.closedAt,
            .gridId = incident.gridId,
            .communityId = incident.communityId,
            .cameraId = incident.cameraId,
            .address = incident.address,
            .description = incident.description,
            .fid = fid};
}

struct Columns
{
    std::map<std::string, int> index;
    int of(const std::string& target) const
    {
        const auto found = index.find(target);
        return found == index.end() ? -1 : found->second;
    }
};

std::vector<std::string> columnNames(OGRLayer& layer)
{
    std::vector<std::string> names;
    const OGRFeatureDefn& definition = *layer.GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
    {
        std::string name = definition.GetFieldDefn(i)->GetNameRef();
        if (!isValidUtf8(name))
            name = gbkToUtf8(name).value_or(name);
        names.push_back(std::move(name));
    }
    return names;
}

/// Resolves the mapping's column names to field indexes; fails naming a column that does not exist.
Result<Columns> resolveColumns(const FieldMapping& mapping, const std::vector<std::string>& names,
                               const std::string& path)
{
    Columns columns;
    for (const auto& [target, column] : mapping.columns)
    {
        auto found = std::find(names.begin(), names.end(), column);
        if (found == names.end())
        {
            // A named copy: lambdas cannot capture structured bindings before clang 16 (the fuzz build's clang-14).
            const std::string wanted = lowerAscii(column);
            found = std::find_if(names.begin(), names.end(),
                                 [&wanted](const std::string& name) { return lowerAscii(name) == wanted; });
        }
        if (found == names.end())
            return Error{ErrorCode::InvalidArgument,
                         "the mapping names column '" + column + "' for " + target + ", which the source does not have",
                         path};
        columns.index[target] = static_cast<int>(found - names.begin());
    }
    return columns;
}

/// Reads the polygons of a project layer into an index under their idField (empty when the project has no such
/// layer).
PolygonIndex projectIndex(ProjectStore& project, const std::string& table, const std::string& idField)
{
    if (!project.hasFeatureTable(table))
        return {};
    auto layers = readVectorSource(project.path(), {.projectCrs = project.projectCrs(), .layerName = table});
    return layers ? PolygonIndex::fromLayer(layers->front(), idField) : PolygonIndex{};
}

/// The project-CRS box inside which points are plausible when the project has no district layer: the
/// project CRS's area of use.
std::optional<Extent> plausibleArea(const std::string& projectCrs)
{
    const auto area = areaOfUse(projectCrs);
    auto transformer = CrsTransformer::create("EPSG:4326", projectCrs);
    if (!area || !transformer)
        return std::nullopt;
    Extent box;
    for (const auto& [lon, lat] : {std::pair{area->minX, area->minY}, std::pair{area->maxX, area->minY},
                                   std::pair{area->minX, area->maxY}, std::pair{area->maxX, area->maxY},
                                   std::pair{area->centerX(), area->minY}, std::pair{area->centerX(), area->maxY}})
    {
        double x = lon, y = lat;
        if (transformer->transform(x, y))
            box.include(x, y);
    }
    return box.isValid() ? std::optional<Extent>(box) : std::nullopt;
}

std::optional<std::int64_t> parseInteger(const std::string& text)
{
    std::int64_t value = 0;
    const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && stop == text.data() + text.size() ? std::optional(value) : std::nullopt;
}

class RowReader
{
public:
    RowReader(const FieldMapping& mapping, const Columns& columns, const ValueResolver& resolver)
        : mMapping(mapping), mColumns(columns), mResolver(resolver)
    {
    }

    /// Fills an incident from a feature (coordinates still in the source CRS); a rejection when it cannot.
    std::optional<Rejection> read(const OGRFeature& feature, std::int64_t row, PendingIncident& incident) const
    {
        incident.row = row;
        const std::string reported = text(feature, incidents::ReportedAt);
        const auto reportedAt = parseDateTime(reported, mMapping.utcOffsetMinutes);
        if (!reportedAt)
            return Rejection{row, RejectReason::BadDate, std::string(incidents::ReportedAt) + " '" + reported + "'"};
        incident.reportedAt = *reportedAt;
        for (const auto& [target, slot] :
             {std::pair{incidents::DispatchedAt, &incident.dispatchedAt},
              std::pair{incidents::HandledAt, &incident.handledAt}, std::pair{incidents::ClosedAt, &incident.closedAt}})
        {
            const std::string value = text(feature, target);
            if (value.empty())
                continue;
            *slot = parseDateTime(value, mMapping.utcOffsetMinutes);
            if (!*slot)
                return Rejection{row, RejectReason::BadDate, std::string(target) + " '" + value + "'"};
            if (**slot < incident.reportedAt)
                return Rejection{row, RejectReason::TimesOutOfOrder,
                                 std::string(target) + " '" + value + "' is before " + incidents::ReportedAt};
        }

        for (const auto& [target, reason, slot] :
             {std::tuple{incidents::Category, RejectReason::UnknownCategory, &incident.category},
              std::tuple{incidents::Source, RejectReason::UnknownSource, &incident.source},
              std::tuple{incidents::Status, RejectReason::UnknownStatus, &incident.status}})
        {
            const std::string value = text(feature, target);
            if (value.empty() && std::string(target) == incidents::Status)
            {
                *slot = incident.closedAt       ? "closed"
                        : incident.handledAt    ? "handled"
                        : incident.dispatchedAt ? "dispatched"
                                                : "reported";
                continue;
            }
            const auto code = mResolver.resolve(target, value);
            if (!code)
                return Rejection{row, reason, std::string(target) + " '" + value + "'"};
            *slot = *code;
        }

        incident.externalId = text(feature, incidents::ExternalId);
        incident.cameraId = parseInteger(text(feature, incidents::CameraId));
        incident.address = text(feature, incidents::Address);
        incident.description = text(feature, incidents::Description);

        if (mColumns.of("x") >= 0 || mColumns.of("y") >= 0)
        {
            const std::string xText = text(feature, "x"), yText = text(feature, "y");
            const auto x = parseNumber(xText), y = parseNumber(yText);
            if (!x || !y)
                return Rejection{row, RejectReason::BadLocation, "coordinates '" + xText + "', '" + yText + "'"};
            incident.x = *x;
            incident.y = *y;
            return std::nullopt;
        }
        const OGRGeometry* geometry = feature.GetGeometryRef();
        if (!geometry || geometry->IsEmpty() || wkbFlatten(geometry->getGeometryType()) != wkbPoint)
            return Rejection{row, RejectReason::BadLocation, "no point geometry and no x / y columns"};
        incident.x = geometry->toPoint()->getX();
        incident.y = geometry->toPoint()->getY();
        return std::nullopt;
    }

private:
    /// The value of a target field: its column, else the mapping's default.
    std::string text(const OGRFeature& feature, const std::string& target) const
    {
        std::string value = fieldText(feature, mColumns.of(target));
        if (value.empty())
        {
            if (const auto found = mMapping.defaults.find(target); found != mMapping.defaults.end())
                return found->second;
        }
        return value;
    }

    const FieldMapping& mMapping;
    const Columns& mColumns;
    const ValueResolver& mResolver;
};

bool cancelled(const IncidentImportOptions& options)
{
    return options.cancel && options.cancel->load();
}

/// Decides the CRS of the coordinates: the option, the mapping, the layer's own; else refuses, naming a guess.
Result<std::string> coordinateCrs(const IncidentImportOptions& options, const FieldMapping& mapping, OGRLayer& layer,
                                  bool fromColumns, const std::vector<PendingIncident>& pending,
                                  const std::string& path, const std::string& projectCrs)
{
    if (!options.crs.empty())
        return options.crs;
    if (!mapping.crs.empty())
        return mapping.crs;
    if (!fromColumns && layer.GetSpatialRef())
        return crsDefinition(layer.GetSpatialRef());
    Extent raw;
    for (const PendingIncident& incident : pending)
        raw.include(incident.x, incident.y);
    return undeclaredCrsError("the table", raw, projectCrs, path);
}

Result<std::int64_t> writeIncidents(ProjectStore& project, std::vector<PendingIncident>& pending, ImportReport& report,
                                    const IncidentImportOptions& options, const Extent& newExtent)
{
    Database& database = project.database();
    auto srsId = project.srsIdOf(incidents::Table);
    if (!srsId)
        return srsId.error();
    PhaseTimer timer;
    auto transaction = Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto firstFid = database.queryInt64("SELECT coalesce(max(fid), 0) FROM incidents");
    if (!firstFid)
        return firstFid.error();
    auto existing = database.queryInt64("SELECT count(*) FROM incidents");
    if (!existing)
        return existing.error();
    // A large import into a smaller table builds the secondary indexes and the R-tree in bulk afterwards,
    // which is several times faster than maintaining them row by row. It stays one transaction.
    std::optional<BulkIndexes> bulk;
    if (pending.size() >= BulkThreshold && static_cast<std::int64_t>(pending.size()) >= existing.value())
    {
        auto suspended = BulkIndexes::suspend(database);
        if (!suspended)
            return suspended.error();
        bulk = std::move(suspended.value());
    }
    auto insert = IncidentInserter::prepare(database, srsId.value(), IncidentInserter::OnDuplicate::Ignore);
    if (!insert)
        return insert.error();
    // Fids are given explicitly (this transaction holds the write lock), so that the stable integer id can
    // be written with the row instead of by a second pass. AUTOINCREMENT's sequence follows them.
    auto sequence =
        database.queryInt64("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'incidents'), 0)");
    std::int64_t nextFid = std::max(firstFid.value(), sequence ? sequence.value() : 0) + 1;
    std::int64_t written = 0;
    for (const PendingIncident& incident : pending)
    {
        if ((written & 1023) == 0 && cancelled(options))
            return Error{ErrorCode::ImportRejected, "cancelled", project.path()};
        if (auto done = insert->insert(rowOf(incident, nextFid)); !done)
            return done.error();
        if (database.changes() == 0)
        {
            report.rejections.push_back(
                {incident.row, RejectReason::Duplicate, "external_id '" + incident.externalId + "'"});
        }
        else
        {
            ++written;
            ++nextFid;
        }
        if (options.progress && written % ProgressEvery == 0 && written > 0)
            options.progress("write", written);
    }
    if (options.strict && !report.rejections.empty())
        return std::int64_t{-1}; // the transaction rolls back: nothing is written
    timer.mark("insert rows");
    if (bulk)
    {
        if (auto rebuilt = bulk->restore(database, firstFid.value()); !rebuilt)
            return rebuilt.error();
        timer.mark("fill the R-tree, rebuild the indexes");
    }
    auto contents = database.prepare(
        "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
        "min_x = min(coalesce(min_x, ?1), ?1), min_y = min(coalesce(min_y, ?2), ?2), "
        "max_x = max(coalesce(max_x, ?3), ?3), max_y = max(coalesce(max_y, ?4), ?4) WHERE table_name = 'incidents'");
    if (!contents)
        return contents.error();
    if (newExtent.isValid())
        if (auto updated = contents->bind(1, newExtent.minX)
                               .bind(2, newExtent.minY)
                               .bind(3, newExtent.maxX)
                               .bind(4, newExtent.maxY)
                               .run();
            !updated)
            return updated.error();
    auto log = database.prepare("INSERT INTO citytwin_imports(started_at, finished_at, source, target, rows_read, "
                                "rows_imported, rows_rejected, "
                                "mapping) VALUES(?, ?, ?, 'incidents', ?, ?, ?, ?)");
    if (!log)
        return log.error();
    if (auto logged = log->bind(1, utcNowText())
                          .bind(2, utcNowText())
                          .bind(3, report.source)
                          .bind(4, report.rowsRead)
                          .bind(5, written)
                          .bind(6, static_cast<std::int64_t>(report.rejections.size()))
                          .bind(7, toJson(report.mapping))
                          .run();
        !logged)
        return logged.error();
    if (auto committed = transaction.value()->commit(); !committed)
        return committed.error();
    timer.mark("commit");
    return written;
}
} // namespace

const char* rejectReasonCode(RejectReason reason)
{
    switch (reason)
    {
    case RejectReason::BadDate:
        return "bad_date";
    case RejectReason::TimesOutOfOrder:
        return "times_out_of_order";
    case RejectReason::BadLocation:
        return "bad_location";
    case RejectReason::OutsideDistrict:
        return "outside_district";
    case RejectReason::UnknownCategory:
        return "unknown_category";
    case RejectReason::UnknownSource:
        return "unknown_source";
    case RejectReason::UnknownStatus:
        return "unknown_status";
    case RejectReason::Duplicate:
        return "duplicate";
    }
    return "?";
}

std::map<RejectReason, std::int64_t> ImportReport::countsByReason() const
{
    std::map<RejectReason, std::int64_t> counts;
    for (const Rejection& rejection : rejections)
        ++counts[rejection.reason];
    return counts;
}

Result<SourcePreview> previewSource(const std::string& sourcePath, const std::string& layerName, int previewRows)
{
    auto opened = openSourceLayer(sourcePath, layerName);
    if (!opened)
        return opened.error();
    OGRLayer* layer = opened->layer;
    SourcePreview preview;
    preview.layerName = layer->GetName();
    for (int i = 0; i < opened->dataset->GetLayerCount(); ++i)
        preview.layers.push_back(opened->dataset->GetLayer(i)->GetName());
    preview.columns = columnNames(*layer);
    preview.hasPointGeometry = wkbFlatten(layer->GetGeomType()) == wkbPoint;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && srs->GetAuthorityCode(nullptr))
        preview.crs = std::string(srs->GetAuthorityName(nullptr)) + ":" + srs->GetAuthorityCode(nullptr);
    layer->ResetReading();
    for (auto& feature : *layer)
    {
        if (static_cast<int>(preview.rows.size()) >= previewRows)
            break;
        std::vector<std::string> values;
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            values.push_back(fieldText(*feature, i));
        preview.rows.push_back(std::move(values));
    }
    return preview;
}

Result<ImportReport> importIncidents(ProjectStore& project, const std::string& sourcePath,
                                     const IncidentImportOptions& options)
{
    ImportReport report;
    report.source = sourcePath;
    auto opened = openSourceLayer(sourcePath, options.layerName);
    if (!opened)
        return opened.error();
    OGRLayer* layer = opened->layer;

    const std::vector<std::string> names = columnNames(*layer);
    report.mapping = options.mapping;
    if (report.mapping.columns.empty())
        report.mapping.columns = guessFieldMapping(names).columns;
    if (report.mapping.column(incidents::ReportedAt).empty() || report.mapping.column(incidents::Category).empty())
    {
        std::string list;
        for (const std::string& name : names)
            list += (list.empty() ? "" : ", ") + name;
        return Error{ErrorCode::InvalidArgument,
                     "cannot tell which columns hold the report time and the category (columns: " + list +
                         "); give a mapping profile",
                     sourcePath};
    }
    auto columns = resolveColumns(report.mapping, names, sourcePath);
    if (!columns)
        return columns.error();
    const bool fromColumns = columns->of("x") >= 0 || columns->of("y") >= 0;

    PhaseTimer timer;
    // 1. Read and check every row.
    ValueResolver resolver(report.mapping, project.database());
    RowReader reader(report.mapping, columns.value(), resolver);
    std::vector<PendingIncident> pending;
    layer->ResetReading();
    for (auto& feature : *layer)
    {
        ++report.rowsRead;
        if ((report.rowsRead & 1023) == 0 && cancelled(options))
            return Error{ErrorCode::ImportRejected, "cancelled", sourcePath};
        PendingIncident incident;
        if (auto rejection = reader.read(*feature, report.rowsRead, incident))
            report.rejections.push_back(std::move(*rejection));
        else
            pending.push_back(std::move(incident));
        if (options.progress && report.rowsRead % ProgressEvery == 0)
            options.progress("read", report.rowsRead);
    }

    timer.mark("read and check rows");
    // 2. Coordinates into the project CRS, in one batch.
    auto pipeline = pipelineFromSource(
        coordinateCrs(options, report.mapping, *layer, fromColumns, pending, sourcePath, project.projectCrs()),
        project.projectCrs(), sourcePath, report.crsUsed);
    if (!pipeline)
        return pipeline.error();
    std::vector<double> xs(pending.size()), ys(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i)
    {
        xs[i] = pending[i].x;
        ys[i] = pending[i].y;
    }
    // Points PROJ cannot transform come back as infinity: those rows are rejected below, one by one.
    (void)pipeline->transform(xs, ys);

    timer.mark("transform coordinates");
    // 3. District check and spatial join.
    const PolygonIndex district = projectIndex(project, schema::district::Table, schema::district::Id);
    const PolygonIndex grids = projectIndex(project, schema::grids::Table, schema::grids::Id);
    const PolygonIndex communities = projectIndex(project, schema::communities::Table, schema::communities::Id);
    const std::optional<Extent> plausible = district.empty() ? plausibleArea(project.projectCrs()) : std::nullopt;
    std::vector<PendingIncident> accepted;
    accepted.reserve(pending.size());
    Extent newExtent;
    for (std::size_t i = 0; i < pending.size(); ++i)
    {
        PendingIncident& incident = pending[i];
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]))
        {
            report.rejections.push_back(
                {incident.row, RejectReason::BadLocation, "cannot be transformed into the project CRS"});
            continue;
        }
        incident.x = xs[i];
        incident.y = ys[i];
        const bool inside = district.empty()
                                ? (!plausible || (incident.x >= plausible->minX && incident.x <= plausible->maxX &&
                                                  incident.y >= plausible->minY && incident.y <= plausible->maxY))
                                : district.find(incident.x, incident.y).has_value();
        if (!inside)
        {
            report.rejections.push_back({incident.row, RejectReason::OutsideDistrict,
                                         "at " + std::to_string(incident.x) + ", " + std::to_string(incident.y)});
            continue;
        }
        incident.gridId = grids.find(incident.x, incident.y);
        incident.communityId = communities.find(incident.x, incident.y);
        report.rowsWithGrid += incident.gridId ? 1 : 0;
        report.rowsWithCommunity += incident.communityId ? 1 : 0;
        newExtent.include(incident.x, incident.y);
        accepted.push_back(std::move(incident));
    }
    timer.mark("district check and spatial join");
    // 4. One transaction (none at all when --strict meets a rejection).
    const auto byRow = [](const Rejection& a, const Rejection& b) { return a.row < b.row; };
    if (options.strict && !report.rejections.empty())
    {
        std::sort(report.rejections.begin(), report.rejections.end(), byRow);
        return report;
    }
    auto written = writeIncidents(project, accepted, report, options, newExtent);
    if (!written)
        return written.error();
    report.committed = written.value() >= 0;
    report.rowsImported = std::max<std::int64_t>(0, written.value());
    std::sort(report.rejections.begin(), report.rejections.end(), byRow);
    return report;
}

} // namespace citytwin::data
