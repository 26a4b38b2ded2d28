#pragma once

#include "data/io/gdal_open.hpp"
#include "data/core/height_field.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace citytwin::data
{

/// A raster GDAL reads (GeoTIFF, a GeoPackage raster table "GPKG:file.gpkg:dem", ...), seen in the project
/// CRS: a source in another CRS is warped on the fly. Reads windows at any resolution, from the overviews
/// where they exist, so that a tile of a huge orthophoto costs what the tile needs. Read-only; thread-safe
/// (one read at a time), for the scene's background tile loading.
class RasterSource
{
public:
    /// Opens a raster. Fails, naming it, when it cannot be read, has no georeferencing or no CRS.
    static Result<std::shared_ptr<RasterSource>> open(const std::string& path,
                                                      const std::string& projectCrs = "EPSG:4548");

    const std::string& path() const { return mPath; }
    /// The raster's extent in the project CRS.
    const Extent& extent() const { return mExtent; }
    int width() const { return mWidth; }
    int height() const { return mHeight; }
    int bandCount() const { return mBands; }
    /// Ground size of a full-resolution pixel, metres.
    double resolution() const { return mResolution; }
    /// Whether the first band holds measurements (elevations: Int16 ... Float64) rather than 8-bit colour.
    bool isElevation() const { return mElevation; }

    /// Samples the first band on an n x n grid of points from (minX, maxY) to (maxX, minY) inclusive (row 0
    /// north), bilinear, into values; no-data and outside points get noData. Reads the overview that fits.
    Result<bool> sampleGrid(const Extent& box, int n, std::vector<float>& values, float noData = 0.0f) const
    {
        return sampleGridRect(box, n, n, values, noData);
    }
    /// The same on a columns x rows grid of points.
    Result<bool> sampleGridRect(const Extent& box, int columns, int rows, std::vector<float>& values,
                                float noData = 0.0f) const;

    /// Reads the window box as an RGB image of width x height pixels (row 0 north), 8 bits per channel; a
    /// single-band raster is repeated in the three channels; pixels outside are black.
    Result<bool> readRgb(const Extent& box, int width, int height, std::vector<std::uint8_t>& rgb) const;

private:
    RasterSource() = default;
    /// type is a GDALDataType.
    Result<bool> read(const Extent& box, int width, int height, int bands, int type, void* buffer,
                      bool pointGrid) const;

    std::string mPath;
    GdalDatasetPtr mSource; ///< the file, when mDataset is a warped view of it (closed after it)
    GdalDatasetPtr mDataset;
    mutable std::mutex mMutex;
    Extent mExtent;
    double mTransform[6] = {};
    int mWidth = 0, mHeight = 0, mBands = 0;
    double mResolution = 0.0;
    bool mElevation = false;
};

/// The rasters of a source to show as terrain: its DEM (an elevation raster; in a GeoPackage the raster
/// table named `dem`, else the first elevation table) and its imagery (`imagery`, else the first 8-bit
/// table). Either may be empty; nothing for a source without rasters.
struct TerrainRasters
{
    std::string dem;
    std::string imagery;
    bool empty() const { return dem.empty() && imagery.empty(); }
};
TerrainRasters findTerrainRasters(const std::string& path);

/// Whether GDAL sees rasters in the source but no vector layer.
bool isRasterOnly(const std::string& path);

} // namespace citytwin::data
