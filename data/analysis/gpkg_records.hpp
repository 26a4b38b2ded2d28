#pragma once

#include "data/analysis/coverage.hpp"
#include "data/core/result.hpp"
#include "data/project/schema.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace citytwin::data
{

/// Lean readers of a project's GeoPackage tables for analyses that need a few numbers per feature, not the
/// features: the rows are read with sqlite3 and the geometry blobs parsed in place (no OGR feature objects),
/// several times faster than readVectorSource + readBuildings on large tables. Coordinates are taken as stored
/// (the project CRS): nothing is reprojected.

/// Reads a buildings table (id, grid_id, community_id, households, population, elderly, children; the fields
/// that are missing read as -1 / 0) with each footprint's area-weighted centroid and area, as readBuildings() does.
Result<std::vector<BuildingRecord>> readBuildingRecords(const std::string& projectPath,
                                                        const std::string& table = schema::buildings::Table);
/// Reads a stations table (id, kind, community_id, capacity, daily_visits and the point).
Result<std::vector<StationRecord>> readStationRecords(const std::string& projectPath,
                                                      const std::string& table = schema::stations::Table);

/// Area-weighted centroid and area of a GeoPackage polygon or multipolygon blob (holes subtracted whatever their
/// orientation; Z and M ordinates skipped). False when the blob is not a readable (multi)polygon.
bool polygonCentroid(std::string_view blob, double& x, double& y, double& area);

} // namespace citytwin::data
