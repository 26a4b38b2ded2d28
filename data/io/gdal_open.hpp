#pragma once

#include <memory>
#include <string>

#include "data/core/result.hpp"

class GDALDataset;
class OGRLayer;
class OGRSpatialReference;

namespace citytwin::data
{

struct GdalDatasetCloser
{
    void operator()(GDALDataset* dataset) const;
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

/// Registers GDAL's drivers once (thread-safe).
void ensureGdalRegistered();

/// Returns true when the path is a GDAL connection string or virtual path rather than a file.
bool isConnectionString(const std::string& path);

/// Returns true for a shapefile (.shp / .dbf) that has no .cpg beside it.
bool isShapefileWithoutCodePage(const std::string& path);

/// Opens a source read-only with the open options that keep it untouched and its text raw where we detect
/// encodings ourselves: no recoding for shapefiles without .cpg, no .gfs written beside GML files.
/// flags are GDAL_OF_VECTOR and / or GDAL_OF_RASTER.
GdalDatasetPtr openReadOnly(const std::string& path, unsigned int flags);

/// An open vector source and the layer chosen in it.
struct OpenedLayer
{
    GdalDatasetPtr dataset;
    OGRLayer* layer = nullptr;
};

/// Opens a vector source read-only (as openReadOnly) and picks a layer: the named one, or the first when
/// layerName is empty. Errors (FileNotFound, OpenFailed, NoFeatures) name the file.
Result<OpenedLayer> openSourceLayer(const std::string& path, const std::string& layerName);

/// Returns a CRS as "AUTH:CODE" when it has one, else as WKT2; "" for none. The form PROJ and our
/// CoordinatePipeline take.
std::string crsDefinition(const OGRSpatialReference* srs);

} // namespace citytwin::data
