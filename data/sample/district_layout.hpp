#pragma once

#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data::sample
{

/// A deterministic pseudo-random source whose sequence is the same on every platform and standard library
/// (std:: distributions are not): splitmix64.
class Random
{
public:
    explicit Random(std::uint64_t seed) : mState(seed) {}
    std::uint64_t next();
    /// Uniform in [0, 1).
    double uniform();
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    /// Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t mState;
};

/// One management grid cell: a quadrilateral of the jittered lattice (shares its corners with its neighbours,
/// so cells tile exactly), its community and its lattice position.
struct GridCell
{
    std::int64_t id = 0;
    std::int64_t communityId = 0;
    int column = 0;
    int row = 0;
    Ring corners; ///< 4 corners, counter-clockwise, project CRS metres
    double centerX = 0.0;
    double centerY = 0.0;
};

struct Community
{
    std::int64_t id = 0;
    std::int64_t streetId = 0;
    std::string name;
    std::vector<std::int64_t> gridIds;
};

struct Street
{
    std::int64_t id = 0;
    std::string name;
    std::vector<std::int64_t> communityIds;
};

/// The administrative geometry of the sample district: grid cells tiling communities tiling streets tiling
/// the district, in EPSG:4548 around Lubei (118.18 E, 39.65 N).
struct DistrictLayout
{
    std::vector<GridCell> grids;
    std::vector<Community> communities;
    std::vector<Street> streets;
    double centerX = 0.0;
    double centerY = 0.0;
};

/// The figures of the sample (domain.md): the district's area and how many cells, communities and streets.
struct LayoutTargets
{
    double areaSquareMetres = 176.0e6;
    int gridCount = 2257;
    int communityCount = 175;
    int streetCount = 10;
};

/// Generates the layout: a jittered lattice of quadrilateral cells, the gridCount cells nearest the centre
/// relative to an irregular (star-shaped) outline are the district, scaled so that its area is exact; the
/// cells are grown into contiguous communities of nearly equal size, and those into streets.
DistrictLayout generateLayout(std::uint64_t seed, const LayoutTargets& targets = {});

/// Whether edge k of a cell (from corner k to corner k + 1) lies on a main road: every fourth lattice line.
bool isMainRoadEdge(const GridCell& cell, int edge);

} // namespace citytwin::data::sample
