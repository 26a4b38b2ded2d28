#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <memory>
#include <vector>

namespace citytwin::data
{

class RasterSource;

/// The ground heights of a DEM held in memory for sampling vector vertices (at most maxSize pixels a side:
/// a larger DEM is read from its overviews).
class HeightField
{
public:
    HeightField() = default;
    static Result<std::shared_ptr<const HeightField>> load(const RasterSource& dem, int maxSize = 4096);

    /// Bilinear height at a project-CRS position; the nearest edge value outside the extent.
    double heightAt(double x, double y) const;
    const Extent& extent() const { return mExtent; }
    float minimum() const { return mMinimum; }
    float maximum() const { return mMaximum; }

private:
    Extent mExtent;
    int mWidth = 0, mHeight = 0;
    std::vector<float> mHeights; ///< row 0 north; samples at the grid points spanning the extent
    float mMinimum = 0.0f, mMaximum = 0.0f;
};

} // namespace citytwin::data
