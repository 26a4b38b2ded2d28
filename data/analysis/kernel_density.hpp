#pragma once

#include "data/core/vector_layer.hpp"

#include <vector>

namespace citytwin::data
{

/// A density surface on a regular grid (row 0 north): points per square kilometre.
struct DensityGrid
{
    Extent extent;
    int columns = 0;
    int rows = 0;
    double cellSize = 0.0;
    std::vector<float> values;
    float maximum = 0.0f;
};

/// Kernel density of points on cells of cellSize metres over extent: the points are counted per cell, then
/// smoothed by three box-blur passes in each direction, which approximates a Gaussian kernel of standard
/// deviation sigma (metres) at a cost that does not grow with sigma (O(cells + points)).
DensityGrid kernelDensity(const std::vector<Position>& points, const Extent& extent, double cellSize, double sigma);

/// The points of a layer (every point of every feature).
std::vector<Position> layerPoints(const VectorLayer& layer);

} // namespace citytwin::data
