#pragma once

#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace citytwin::data
{

/// Finds which polygon contains a point, fast, for spatial joins (incident -> grid, community).
///
/// Edge rule: a point on an edge shared by two polygons belongs to exactly one of them (the crossing test
/// is half-open: left and bottom edges are inside, right and top edges outside), so counts per polygon
/// add up to the number of points inside the union.
class PolygonIndex
{
public:
    /// Adds a polygon (with holes) under an id; an id may own several polygons (multipolygons).
    void add(std::int64_t id, const Polygon& polygon);
    /// Builds the bucket grid; call after the last add and before find.
    void build();
    /// Returns the id of the polygon containing (x, y), or nothing.
    std::optional<std::int64_t> find(double x, double y) const;

    std::size_t size() const { return mEntries.size(); }
    bool empty() const { return mEntries.empty(); }
    /// Returns the union of the polygons' extents.
    const Extent& extent() const { return mExtent; }

    /// Builds an index from a layer: each feature's polygons under the integer value of field idField
    /// (or its position when the field is missing or not a number).
    static PolygonIndex fromLayer(const VectorLayer& layer, const std::string& idField = "id");

private:
    struct Entry
    {
        std::int64_t id = 0;
        Extent box;
        std::vector<std::vector<double>> rings; ///< x0, y0, x1, y1, ... per ring
    };
    static bool contains(const Entry& entry, double x, double y);

    std::vector<Entry> mEntries;
    std::vector<std::vector<std::uint32_t>> mCells;
    Extent mExtent;
    double mCellSize = 1.0;
    int mColumns = 0;
    int mRows = 0;
};

} // namespace citytwin::data
