#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/io/gdal_open.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data
{

/// How a vector source is read.
struct VectorReadOptions
{
    /// The CRS every coordinate is transformed into.
    std::string projectCrs = "EPSG:4548";
    /// When non-empty, only the layer of this name is read.
    std::string layerName;
    /// The CRS the user declares for the source ("EPSG:4326", WKT, "gcj02", "bd09"); it overrides the
    /// source's own. Empty: use the source's CRS.
    std::string sourceCrs;
    /// When the source has no CRS and none is declared: guess one from the coordinates (with a warning on
    /// the layer) if true, else fail with CrsMissing naming the guess for the user to confirm.
    bool allowCrsGuess = true;
    /// Layers of these names with more than deferAbove features are returned without their features
    /// (VectorLayer::deferredCount says how many): large layers a viewer shows only on demand.
    std::vector<std::string> deferredLayers;
    std::int64_t deferAbove = 20000;
    /// A point table's coordinate or geometry columns, when the guess by name is wrong.
    TableColumns columns;
};

/// The project CRS used when a project does not name one: CGCS2000 / 3-degree Gauss-Krueger CM 117E.
inline constexpr const char* DefaultProjectCrs = "EPSG:4548";

/// Reads every vector layer of a source GDAL can open (GeoPackage, Shapefile, GeoJSON, ...), read-only,
/// and transforms its coordinates into options.projectCrs. Fails with FileNotFound, OpenFailed, NotVector,
/// CrsUnknown or TransformFailed; the Error names the path.
Result<std::vector<VectorLayer>> readVectorSource(const std::string& path, const VectorReadOptions& options = {});

} // namespace citytwin::data
