#pragma once

#include <functional>
#include <string>

namespace citytwin::test
{

/// Known figures of the fixture GeoPackage written by writeMixedGeoPackage().
namespace mixed
{
/// Footprint "A": a 40 m x 20 m rectangle in EPSG:4548, lower-left corner at (601000, 4391000), height 30 m.
inline constexpr double FootprintAMinX = 601000.0;
inline constexpr double FootprintAMinY = 4391000.0;
inline constexpr double FootprintAWidth = 40.0;
inline constexpr double FootprintADepth = 20.0;
inline constexpr double FootprintAHeight = 30.0;
/// Footprint "B" (name 路北区党群服务中心): 30 m x 30 m at (601100, 4391000), 6 floors -> 18 m.
inline constexpr double FootprintBMinX = 601100.0;
inline constexpr double FootprintBMinY = 4391000.0;
inline constexpr double FootprintBFloors = 6.0;
/// Footprint "C": 50 m x 50 m ground parcel at (601000, 4391100), no height: drawn as a fill.
inline constexpr double ParcelCMinX = 601000.0;
inline constexpr double ParcelCMinY = 4391100.0;
inline constexpr double ParcelCSize = 50.0;
/// The point of layer "stations" in EPSG:4326 and its EPSG:4548 position from cs2cs.
inline constexpr double StationLon = 118.18;
inline constexpr double StationLat = 39.65;
inline constexpr double StationEasting = 601278.6678;
inline constexpr double StationNorthing = 4391333.6145;
} // namespace mixed

/// Writes a GeoPackage with three layers: "footprints" (3 polygons, EPSG:4548, fields name/height/floors),
/// "roads" (2 lines, EPSG:4326) and "stations" (1 point, EPSG:4326, Chinese name). Returns false on failure.
bool writeMixedGeoPackage(const std::string& path);

/// Writes a shapefile without .prj whose coordinates are in degrees (one point).
bool writeShapefileWithoutCrs(const std::string& path);

/// Writes a shapefile whose DBF holds GBK bytes with no .cpg and no code page mark: one point at
/// (118.18, 39.65) in degrees (no .prj either), field 名称 (GBK) = 路北区 (GBK), field code = "130203".
bool writeGbkShapefile(const std::string& path);

/// Writes a 4 x 4 single-band GeoTIFF (a raster, not a vector source).
bool writeTinyGeoTiff(const std::string& path);

/// Writes a north-up GeoTIFF of width x height pixels in a CRS ("EPSG:4548"), top-left corner (x0, y0),
/// square pixels of the given size; band b of pixel (column, row) = value(b, column, row). Float32 for
/// one band, Byte for three (RGB).
bool writeGeoTiff(const std::string& path, int width, int height, int bands, const std::string& crs, double x0,
                  double y0, double pixelSize, const std::function<double(int band, int column, int row)>& value);

} // namespace citytwin::test
