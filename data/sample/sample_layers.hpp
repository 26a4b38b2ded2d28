#pragma once

#include "district_model.hpp"
#include "sample_writer.hpp"

#include "data/core/result.hpp"

#include <string>

namespace citytwin::data::sample
{

/// Writes the district's feature tables into the new project at path, through GDAL in one transaction: the
/// administrative areas (grids, communities, streets, district), roads, river, buildings, stations, cameras,
/// party_orgs and party_links, with the names of schema.hpp. Fills the report's counts, population and district
/// area. Draws the grid inspectors' names from the model's random source.
Result<bool> writeLayers(const std::string& path, DistrictModel& model, SampleReport& report);

} // namespace citytwin::data::sample
