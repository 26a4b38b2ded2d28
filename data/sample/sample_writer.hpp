#pragma once

#include "data/result.hpp"

#include <cstdint>
#include <string>

namespace citytwin::data::sample
{

struct SampleOptions
{
    std::uint64_t seed = 2257;
};

/// What was written, for the verb's summary and the tests.
struct SampleReport
{
    int grids = 0;
    int communities = 0;
    int streets = 0;
    double districtAreaSquareMetres = 0.0;
    std::int64_t population = 0;
};

/// Writes the sample district's administrative layers into a new project GeoPackage (EPSG:4548):
/// `district` (one polygon, 176 km²), `streets`, `communities` (175, with Chinese names, population,
/// households, elderly and children summing to the district's 785,000 residents) and `grids` (2,257 cells
/// tiling the communities exactly, each with its community, street and inspector). Fails if the file exists.
Result<SampleReport> writeSample(const std::string& path, const SampleOptions& options);

} // namespace citytwin::data::sample
