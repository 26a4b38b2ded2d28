#include "data/geo/polygon_index.hpp"

#include "data/geo/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace citytwin::data
{

void PolygonIndex::add(std::int64_t id, const Polygon& polygon)
{
    Entry entry;
    entry.id = id;
    for (const Ring& ring : polygon.rings)
    {
        std::vector<double> flat;
        flat.reserve(ring.size() * 2);
        for (const Position& p : ring)
        {
            flat.push_back(p.x);
            flat.push_back(p.y);
            entry.box.include(p.x, p.y);
        }
        entry.rings.push_back(std::move(flat));
    }
    if (!entry.box.isValid())
        return;
    // A polygon whose extent, or whose extent with the others, is not finite (NaN, or coordinates so far apart that
    // their difference overflows) cannot be put in cells: it is left out, as an empty one is.
    Extent extent = mExtent;
    extent.include(entry.box);
    if (!std::isfinite(extent.maxX - extent.minX) || !std::isfinite(extent.maxY - extent.minY))
        return;
    mExtent = extent;
    mEntries.push_back(std::move(entry));
}

void PolygonIndex::build()
{
    mCells.clear();
    if (mEntries.empty())
        return;
    // About two polygons per cell on average.
    const double width = mExtent.maxX - mExtent.minX;
    const double height = mExtent.maxY - mExtent.minY;
    const double area = std::max(1.0, width * height);
    mCellSize = std::max(1.0, std::sqrt(area / std::max<std::size_t>(1, mEntries.size() / 2)));
    // But never more than about four cells per polygon: a long, thin extent (a filter's sliver polygon, a stray
    // far-away vertex) would otherwise ask for billions of cells along its long side, past int and memory.
    const double maximumCells = 4.0 * static_cast<double>(mEntries.size()) + 16.0;
    while ((width / mCellSize + 2.0) * (height / mCellSize + 2.0) > maximumCells)
        mCellSize *= 2.0;
    mColumns = std::max(1, static_cast<int>(std::ceil((mExtent.maxX - mExtent.minX) / mCellSize)) + 1);
    mRows = std::max(1, static_cast<int>(std::ceil((mExtent.maxY - mExtent.minY) / mCellSize)) + 1);
    mCells.assign(static_cast<std::size_t>(mColumns) * mRows, {});
    for (std::uint32_t i = 0; i < mEntries.size(); ++i)
    {
        const Extent& box = mEntries[i].box;
        const int c0 = static_cast<int>((box.minX - mExtent.minX) / mCellSize);
        const int c1 = static_cast<int>((box.maxX - mExtent.minX) / mCellSize);
        const int r0 = static_cast<int>((box.minY - mExtent.minY) / mCellSize);
        const int r1 = static_cast<int>((box.maxY - mExtent.minY) / mCellSize);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                mCells[static_cast<std::size_t>(r) * mColumns + c].push_back(i);
    }
}

bool PolygonIndex::contains(const Entry& entry, double x, double y)
{
    if (x < entry.box.minX || x > entry.box.maxX || y < entry.box.minY || y > entry.box.maxY)
        return false;
    bool inside = false;
    for (const auto& ring : entry.rings)
    {
        const std::size_t n = ring.size() / 2;
        for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        {
            const double xi = ring[2 * i], yi = ring[2 * i + 1];
            const double xj = ring[2 * j], yj = ring[2 * j + 1];
            // Half-open in y, strict in x: the shared-edge rule documented in the header.
            if (crossesRayRight(x, y, xi, yi, xj, yj))
                inside = !inside;
        }
    }
    return inside;
}

std::optional<std::int64_t> PolygonIndex::find(double x, double y) const
{
    // Written so that NaN coordinates fail too.
    if (mCells.empty() || !(x >= mExtent.minX && x <= mExtent.maxX && y >= mExtent.minY && y <= mExtent.maxY))
        return std::nullopt;
    const int c = static_cast<int>((x - mExtent.minX) / mCellSize);
    const int r = static_cast<int>((y - mExtent.minY) / mCellSize);
    for (std::uint32_t index : mCells[static_cast<std::size_t>(r) * mColumns + c])
    {
        if (contains(mEntries[index], x, y))
            return mEntries[index].id;
    }
    return std::nullopt;
}

PolygonIndex PolygonIndex::fromLayer(const VectorLayer& layer, const std::string& idField)
{
    PolygonIndex index;
    const auto field = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), idField);
    for (std::size_t i = 0; i < layer.features.size(); ++i)
    {
        const Feature& feature = layer.features[i];
        std::int64_t id = static_cast<std::int64_t>(i);
        if (field != layer.fieldNames.end())
        {
            const std::string& text = feature.values.at(field - layer.fieldNames.begin());
            try
            {
                id = text.empty() ? id : std::stoll(text);
            }
            catch (const std::exception&)
            {
            }
        }
        for (const Polygon& polygon : feature.polygons)
            index.add(id, polygon);
    }
    index.build();
    return index;
}

} // namespace citytwin::data
