#pragma once

#include "data/geo/polygon_index.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/project/schema.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data
{

/// Points counted per polygon id.
struct PolygonCounts
{
    std::vector<std::int64_t> ids;     ///< the polygons' ids, ascending, each once
    std::vector<std::uint64_t> counts; ///< points inside each id's polygons, same order as ids
    std::uint64_t points = 0;          ///< rows with a readable point
    std::uint64_t outside = 0;         ///< readable points in no polygon
    std::uint64_t unreadable = 0;      ///< rows whose geometry is NULL, empty or not a point

    /// Returns the count of one id (0 when the id is not among the polygons).
    std::uint64_t countOf(std::int64_t id) const;
};

/// Counts the points of a GeoPackage point table inside the polygons of another table of the same file, end to
/// end from the file: the point blobs are read with sqlite3 (no OGR feature objects) by `threads` threads, each on
/// its own read-only connection and its own fid chunks (handed over from inside SQLite by an aggregate function),
/// and joined as they are read: a raster of the polygons answers for points whose cell no edge comes near, the
/// PolygonIndex for the others, so the result is exactly the PolygonIndex's.
/// Polygons are read through OGR (curves linearised), keyed by the integer value of idField (the fid when NULL);
/// several features with one id add up. Both tables must be in the same CRS (nothing is reprojected).
///
/// Edge rule (PolygonIndex's): a point on an edge shared by two polygons is counted once, in the polygon to its
/// right (its left edge) or above it (its bottom edge); a point on the outer boundary's right or top edge counts
/// nowhere. SpatiaLite's ST_Intersects counts shared-edge points in both polygons, QGIS in neither.
Result<PolygonCounts> countPointsInPolygons(const std::string& projectPath, const std::string& pointsTable,
                                            const std::string& polygonsTable,
                                            const std::string& idField = schema::StableId, int threads = 2);

/// Reads the polygons of a GeoPackage feature table into a built PolygonIndex under the integer value of idField
/// (the fid when NULL).
Result<PolygonIndex> readPolygonIndex(const std::string& projectPath, const std::string& polygonsTable,
                                      const std::string& idField = schema::StableId);

/// Reads every point of a GeoPackage point table, in fid order (rows without a readable point are left out),
/// with two threads. Holds up to twice the result's memory while reading.
Result<std::vector<Position>> readPoints(const std::string& projectPath, const std::string& pointsTable);

} // namespace citytwin::data
