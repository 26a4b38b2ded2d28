#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// A position in the project CRS, metres (z up, 0 when the source has none).
struct Position
{
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

using Ring = std::vector<Position>;

/// A polygon: the first ring is the outer boundary, the others are holes. Rings are not closed twice
/// (the last position differs from the first).
struct Polygon
{
    std::vector<Ring> rings;
};

/// Axis-aligned extent in the project CRS.
struct Extent
{
    double minX = std::numeric_limits<double>::max();
    double minY = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = std::numeric_limits<double>::lowest();

    bool isValid() const { return minX <= maxX && minY <= maxY; }
    void include(double x, double y)
    {
        minX = x < minX ? x : minX;
        minY = y < minY ? y : minY;
        maxX = x > maxX ? x : maxX;
        maxY = y > maxY ? y : maxY;
    }
    void include(const Extent& other)
    {
        if (other.isValid())
        {
            include(other.minX, other.minY);
            include(other.maxX, other.maxY);
        }
    }
    double centerX() const { return 0.5 * (minX + maxX); }
    double centerY() const { return 0.5 * (minY + maxY); }
};

/// The dominant geometry of a layer, which decides how it is drawn.
enum class GeometryKind
{
    None,
    Point,
    Line,
    Polygon,
};

/// One feature: its source id, its geometry parts in the project CRS, and its attribute values as text.
struct Feature
{
    std::int64_t fid = -1;
    std::vector<Position> points;
    std::vector<Ring> lines;
    std::vector<Polygon> polygons;
    /// One value per field of the layer, in field order; empty for NULL.
    std::vector<std::string> values;
    /// Extrusion height in metres, from `height`, `height_m` or `floors` x 3 m; absent when none.
    std::optional<double> height;
};

/// A vector layer read from a source and transformed into the project CRS.
struct VectorLayer
{
    std::string name;
    std::string sourcePath;
    /// The source CRS as found ("EPSG:4326" when identified, else WKT), or "" when the source had none.
    std::string sourceCrs;
    GeometryKind kind = GeometryKind::None;
    std::vector<std::string> fieldNames;
    std::vector<Feature> features;
    Extent extent;
    /// Non-fatal problems met while reading (technical English), shown to the user by the app.
    std::vector<std::string> warnings;
};

} // namespace citytwin::data
