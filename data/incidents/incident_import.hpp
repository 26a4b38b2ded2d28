#pragma once

#include "data/incidents/field_mapping.hpp"
#include "data/core/result.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace citytwin::data
{
class ProjectStore;

/// Why a source row was not imported.
enum class RejectReason
{
    BadDate,         ///< reported_at missing or unreadable, or another time unreadable
    TimesOutOfOrder, ///< e.g. closed before reported
    BadLocation,     ///< no coordinates, unreadable, or not transformable
    OutsideDistrict, ///< outside the project's district (or far outside the project CRS's area)
    UnknownCategory,
    UnknownSource,
    UnknownStatus,
    Duplicate, ///< the same source and external id are already in the project
};

/// Returns a stable English code for a reason ("bad_date", ...), used in reports.
const char* rejectReasonCode(RejectReason reason);

struct Rejection
{
    std::int64_t row = 0; ///< 1-based data row in the source (CSV: line number minus the header)
    RejectReason reason = RejectReason::BadDate;
    std::string detail; ///< the offending value, in technical English
};

/// What an incident import did.
struct ImportReport
{
    std::string source;
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::vector<Rejection> rejections;
    /// Rows the spatial join placed in a grid / community (when the project has those layers).
    std::int64_t rowsWithGrid = 0;
    std::int64_t rowsWithCommunity = 0;
    /// The mapping actually used (guessed or given).
    FieldMapping mapping;
    std::string crsUsed;
    /// False when nothing was written: --strict met a rejection (the rejections say why).
    bool committed = false;

    std::map<RejectReason, std::int64_t> countsByReason() const;
};

/// How to import incidents.
struct IncidentImportOptions
{
    /// The source layer (default: the first).
    std::string layerName;
    /// The mapping; when empty (no columns), one is guessed from the column names.
    FieldMapping mapping;
    /// Overrides the mapping's CRS ("EPSG:xxxx", "gcj02", "bd09").
    std::string crs;
    /// Refuse the whole import (write nothing, report committed = false) when any row is rejected.
    bool strict = false;
    /// Called now and then with (phase, rows done); phase is "read" or "write".
    std::function<void(const char* phase, std::int64_t rows)> progress;
    /// Set to true from another thread to cancel: the import rolls back.
    const std::atomic<bool>* cancel = nullptr;
};

/// Imports incidents from any GDAL-readable table (CSV, XLSX, ODS, GeoPackage, Shapefile, ...) into the
/// project's `incidents` table in one transaction: every accepted row or none. Rows that cannot be imported
/// are reported with the reason, not silently dropped. Grid and community ids are filled by a spatial join
/// with the project's `grids` and `communities` layers when it has them; points outside its `district`
/// layer are rejected. Coordinates without a declared CRS are refused (CrsMissing names the likely CRS).
Result<ImportReport> importIncidents(ProjectStore& project, const std::string& sourcePath,
                                     const IncidentImportOptions& options);

/// Returns the column names of a source layer (decoded to UTF-8), and up to previewRows rows of values,
/// for mapping dialogs.
struct SourcePreview
{
    std::string layerName;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    bool hasPointGeometry = false;
    std::string crs; ///< the layer's CRS when it has one
    /// The names of every layer (sheet) of the source, without reading their rows.
    std::vector<std::string> layers;
};
Result<SourcePreview> previewSource(const std::string& sourcePath, const std::string& layerName, int previewRows);

} // namespace citytwin::data
