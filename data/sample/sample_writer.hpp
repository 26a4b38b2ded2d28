#pragma once

#include "data/core/result.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace citytwin::data::sample
{

/// The most incidents a sample may have (`--incidents`): about 5 GB of project.
inline constexpr std::int64_t MaxIncidents = 100'000'000;

struct SampleOptions
{
    std::uint64_t seed = 2257;
    /// Multiplies buildings and incidents (benchmarks use 10); everything else keeps the district's figures.
    double scale = 1.0;
    /// The number of incidents, independently of the scale (0 to 100 million); about 330,000 x scale when absent.
    std::optional<std::int64_t> incidents;
    /// Writes the `dem` and `imagery` raster tables (tests of the vector layers may skip them).
    bool terrain = true;
    /// Called as each phase ends, with its name and seconds (for the verb's progress and the benchmark).
    std::function<void(const std::string& phase, double seconds)> progress;
};

/// What was written, for the verb's summary and the tests.
struct SampleReport
{
    int grids = 0;
    int communities = 0;
    int streets = 0;
    double districtAreaSquareMetres = 0.0;
    std::int64_t population = 0;
    std::int64_t buildings = 0;
    std::int64_t stations = 0;
    std::int64_t cameras = 0;
    std::int64_t partyOrgs = 0;
    std::int64_t partyLinks = 0;
    std::int64_t incidents = 0;
    int bookmarks = 0;
    std::vector<std::pair<std::string, double>> phases;
};

/// The names of the sample's five bookmarks.
const std::vector<std::string>& sampleBookmarkNames();

/// Writes the built-in sample district into a new project GeoPackage (EPSG:4548), deterministically per
/// seed: the administrative layers (`district`, `streets`, `communities`, `grids`), `roads`, `river`,
/// `buildings`, `stations`, `cameras`, `party_orgs`, `party_links`, a year of `incidents`, the rasters `dem`
/// and `imagery`, and five bookmarks. Fails, naming the file, if it exists or cannot be written; a failed
/// write leaves no file behind.
Result<SampleReport> writeSample(const std::string& path, const SampleOptions& options);

} // namespace citytwin::data::sample
