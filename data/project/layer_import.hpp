#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/io/gdal_open.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace citytwin::data
{
class ProjectStore;

/// How to copy a vector layer into a project.
struct LayerImportOptions
{
    /// The source layer (default: the first).
    std::string layerName;
    /// The table name in the project (default: the source layer's name).
    std::string targetName;
    /// Declares the source CRS ("EPSG:xxxx", "gcj02", "bd09"), overriding the source's own.
    std::string crs;
    /// Replace a table of the same name (else importing onto an existing name fails).
    bool replace = false;
    /// Import nothing when a feature has no geometry or a geometry is skipped (the report says how many).
    bool strict = false;
    /// A point table's coordinate or geometry columns, when the guess by name is wrong.
    TableColumns columns;
    std::function<void(std::int64_t features)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

/// What a layer import did.
struct LayerImportReport
{
    std::string table;
    std::int64_t featuresRead = 0;
    std::int64_t featuresWritten = 0;
    /// Invalid geometries repaired (GEOS MakeValid) and geometries skipped (unrepairable or unreadable).
    std::int64_t geometriesRepaired = 0;
    std::int64_t geometriesSkipped = 0;
    /// Features written without a geometry (none in the source, or none GDAL could read).
    std::int64_t featuresWithoutGeometry = 0;
    /// When the source's own `id` column is not unique whole numbers: the name it is kept under (the table's `id`
    /// then numbers the features); empty otherwise.
    std::string sourceIdRenamedTo;
    /// Set when strict refused the import (nothing was written).
    bool refused = false;
    std::string crsUsed;
    std::string encoding = "UTF-8";
    /// What reading the source took (a bare GeoJSON array, GBK text, a CRS named in words, DataV's GCJ-02, the
    /// columns a table's points came from), for the user.
    std::vector<LayerWarning> notes;
};

/// Copies a vector layer into the project as a GeoPackage feature table in the project CRS, with its
/// attribute fields (text decoded to UTF-8, GBK detected), an integer `id` field (the source's when its values are
/// unique whole numbers, else numbered with the source's kept as `source_id`),
/// and a spatial index. One transaction: the table appears complete or not at all. Never writes to the source.
Result<LayerImportReport> importLayer(ProjectStore& project, const std::string& sourcePath,
                                      const LayerImportOptions& options);

} // namespace citytwin::data
