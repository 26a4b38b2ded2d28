#include "data/analysis/kernel_density.hpp"

#include <algorithm>
#include <cmath>

namespace citytwin::data
{
namespace
{
/// One box-blur pass of radius r along a line of n values with the given stride, into out.
void boxBlurLine(const float* in, float* out, int n, int stride, int r)
{
    const float scale = 1.0f / static_cast<float>(2 * r + 1);
    double sum = 0.0;
    for (int i = -r; i <= r; ++i)
        if (i >= 0 && i < n)
            sum += in[static_cast<std::ptrdiff_t>(i) * stride];
    for (int i = 0; i < n; ++i)
    {
        out[static_cast<std::ptrdiff_t>(i) * stride] = static_cast<float>(sum) * scale;
        const int add = i + r + 1, remove = i - r;
        if (add < n)
            sum += in[static_cast<std::ptrdiff_t>(add) * stride];
        if (remove >= 0)
            sum -= in[static_cast<std::ptrdiff_t>(remove) * stride];
    }
}
} // namespace

std::vector<Position> layerPoints(const VectorLayer& layer)
{
    std::vector<Position> points;
    for (const Feature& feature : layer.features)
        points.insert(points.end(), feature.points.begin(), feature.points.end());
    return points;
}

DensityGrid kernelDensity(const std::vector<Position>& points, const Extent& extent, double cellSize, double sigma)
{
    DensityGrid grid;
    if (!extent.isValid() || cellSize <= 0.0)
        return grid;
    grid.extent = extent;
    grid.cellSize = cellSize;
    grid.columns = std::max(1, static_cast<int>(std::ceil((extent.maxX - extent.minX) / cellSize)));
    grid.rows = std::max(1, static_cast<int>(std::ceil((extent.maxY - extent.minY) / cellSize)));
    grid.extent.maxX = extent.minX + grid.columns * cellSize;
    grid.extent.minY = extent.maxY - grid.rows * cellSize;
    const auto cells = static_cast<std::size_t>(grid.columns) * grid.rows;
    std::vector<float> counts(cells, 0.0f), scratch(cells, 0.0f);
    for (const Position& p : points)
    {
        const int column = static_cast<int>((p.x - grid.extent.minX) / cellSize);
        const int row = static_cast<int>((grid.extent.maxY - p.y) / cellSize);
        if (column >= 0 && column < grid.columns && row >= 0 && row < grid.rows)
            counts[static_cast<std::size_t>(row) * grid.columns + column] += 1.0f;
    }
    // Three box passes of width w have variance 3 (w^2 - 1) / 12 cells^2: choose w for sigma.
    const double sigmaCells = sigma / cellSize;
    const int radius =
        std::max(0, static_cast<int>(std::lround((std::sqrt(4.0 * sigmaCells * sigmaCells + 1.0) - 1.0) / 2.0)));
    if (radius > 0)
    {
        for (int pass = 0; pass < 3; ++pass)
        {
            for (int row = 0; row < grid.rows; ++row)
            {
                const std::size_t start = static_cast<std::size_t>(row) * grid.columns;
                boxBlurLine(&counts[start], &scratch[start], grid.columns, 1, radius);
            }
            for (int column = 0; column < grid.columns; ++column)
                boxBlurLine(&scratch[static_cast<std::size_t>(column)], &counts[static_cast<std::size_t>(column)],
                            grid.rows, grid.columns, radius);
        }
    }
    // Points per cell -> points per square kilometre.
    const auto perSquareKilometre = static_cast<float>(1.0e6 / (cellSize * cellSize));
    for (float& value : counts)
        value *= perSquareKilometre;
    grid.maximum = counts.empty() ? 0.0f : *std::max_element(counts.begin(), counts.end());
    grid.values = std::move(counts);
    return grid;
}

} // namespace citytwin::data
