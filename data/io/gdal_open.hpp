#pragma once

#include <memory>
#include <optional>
#include <string>

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <vector>

class GDALDataset;
class OGRLayer;
class OGRSpatialReference;

namespace citytwin::data
{

/// Removes a folder of memory files (/vsimem/.../) and what it holds.
void removeMemoryFolder(const std::string& folder);

/// Closes a dataset, and removes the memory file it was read from (a rewritten GeoJSON), or the memory folder
/// (ending in '/': a shapefile copied to rebuild its index), if any.
struct GdalDatasetCloser
{
    std::string memoryFile;
    void operator()(GDALDataset* dataset) const;
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

/// Registers GDAL's drivers once (thread-safe).
void ensureGdalRegistered();

/// Returns true when the path is a GDAL connection string or virtual path rather than a file.
bool isConnectionString(const std::string& path);

/// Returns true for a shapefile (.shp / .dbf) that has no .cpg beside it.
bool isShapefileWithoutCodePage(const std::string& path);

/// The columns of a table (CSV, TSV, XLSX, ODS) its points are made from, named by the user when the guess by
/// name is wrong: an x (longitude / easting) and a y column, or one geometry column (WKT or GeoJSON).
struct TableColumns
{
    std::string x;
    std::string y;
    std::string geometry;
    bool empty() const { return x.empty() && y.empty() && geometry.empty(); }
};

/// Opens a source read-only with the open options that keep it untouched and its text raw where we detect
/// encodings ourselves: no recoding for shapefiles without .cpg, no .gfs written beside GML files.
/// flags are GDAL_OF_VECTOR and / or GDAL_OF_RASTER. Besides:
/// - a point table (CSV, TSV, XLSX, ODS) gets points from its coordinate or geometry columns (columns, else
///   found by name; pointsFromColumns), only the CSV driver may take a .csv / .tsv;
/// - a GeoJSON file is read as published (adaptGeoJson: bare arrays, GBK, CRS names GDAL ignores);
/// what was done is noted on each layer (layerNotes, layerCrs). Null when it cannot be opened, with GDAL's
/// last error set (also for a named column that is missing).
GdalDatasetPtr openReadOnly(const std::string& path, unsigned int flags, const TableColumns& columns = {});

/// Notes what reading the layer took (warnings for the user), kept with the open layer.
void attachNotes(OGRLayer& layer, const std::vector<LayerWarning>& notes);
/// The notes attached to the layer when it was opened.
std::vector<LayerWarning> layerNotes(OGRLayer& layer);
/// The CRS of an open layer: one the source names in words GDAL ignores (noted when opened), else the layer's own
/// (crsDefinition); "" for none. guessed is set when it is only a likely guess (DataV's GCJ-02).
std::string layerCrs(OGRLayer& layer, bool* guessed = nullptr);

/// An open vector source and the layer chosen in it.
struct OpenedLayer
{
    GdalDatasetPtr dataset;
    OGRLayer* layer = nullptr;
};

/// The code page a shapefile's .cpg names when no converter knows it (GDAL then reads the text as it is), else
/// nothing (not a shapefile, no .cpg, or a known one: "UTF-8", "936", "GBK", "8859-1", ...).
std::optional<std::string> unknownShapefileCodePage(const std::string& path);

/// Opens a vector source read-only (as openReadOnly) and picks a layer: the named one, or the first when
/// layerName is empty. Errors (FileNotFound, OpenFailed, NoFeatures) name the file.
Result<OpenedLayer> openSourceLayer(const std::string& path, const std::string& layerName,
                                    const TableColumns& columns = {});

/// Returns a CRS as "AUTH:CODE" when it has one, else as WKT2; "" for none. The form PROJ and our
/// CoordinatePipeline take.
std::string crsDefinition(const OGRSpatialReference* srs);

} // namespace citytwin::data
