#pragma once

#include "district_world.hpp"

#include "data/core/result.hpp"

#include <string>
#include <vector>

namespace citytwin::data::sample
{

struct TerrainReport
{
    int demWidth = 0, demHeight = 0;
    double demResolution = 0.0;
    int imageryWidth = 0, imageryHeight = 0;
    double imageryResolution = 0.0;
};

/// Writes the sample's rasters into the project as GeoPackage raster tables with overviews:
/// `dem` (Float32 elevations, 10 m, with the hill and the river valley) and `imagery` (RGB, 5 m, an
/// orthophoto-like picture of fields, the hill's woods, the river, the streets and the roofs, hill-shaded).
/// The extent is the district's plus a margin.
Result<TerrainReport> writeTerrain(const std::string& path, const DistrictLayout& layout, const Landscape& landscape,
                                   const std::vector<Building>& buildings);

} // namespace citytwin::data::sample
