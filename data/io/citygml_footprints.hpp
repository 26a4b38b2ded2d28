#pragma once

#include "data/core/result.hpp"
#include "data/io/gdal_open.hpp"

#include <string>

namespace citytwin::data
{
struct CityGmlModel;

/// Returns an in-memory GDAL dataset with one layer, named after the file (its stem), of one multipolygon per building
/// (its parts included) in the model's CRS (none when it has none): the building's ground surfaces, else the base of
/// its solid (the polygons lying at its lowest height), else the convex hull of its vertices. Fields: gml_id,
/// height (metres, buildingHeight()), height_source ("measuredHeight" or "geometry"), footprint_source
/// ("GroundSurface", "base" or "hull"), address, then one text field per attribute name met in the file (with
/// "_attribute" appended where it would take one of those names).
/// Fails (naming the file) with NoFeatures when the model has no building.
Result<GdalDatasetPtr> cityGmlFootprints(const CityGmlModel& model);

} // namespace citytwin::data
