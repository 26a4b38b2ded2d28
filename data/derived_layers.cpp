#include "derived_layers.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

namespace citytwin::data
{
namespace
{
constexpr int RingSides = 48;
constexpr int ArcSteps = 16;

std::optional<double> fieldNumber(const VectorLayer& layer, const Feature& feature, const char* name)
{
    const auto found = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), name);
    if (found == layer.fieldNames.end())
        return std::nullopt;
    const auto index = static_cast<std::size_t>(found - layer.fieldNames.begin());
    if (index >= feature.values.size() || feature.values[index].empty())
        return std::nullopt;
    try
    {
        return std::stod(feature.values[index]);
    }
    catch (...)
    {
        return std::nullopt;
    }
}

/// A copy of the layer's description with polygons instead of points.
VectorLayer derivedFrom(const VectorLayer& source, std::string name)
{
    VectorLayer layer;
    layer.name = std::move(name);
    layer.sourcePath = source.sourcePath;
    layer.sourceCrs = source.sourceCrs;
    layer.effectiveCrs = source.effectiveCrs;
    layer.encoding = source.encoding;
    layer.kind = GeometryKind::Polygon;
    layer.fieldNames = source.fieldNames;
    return layer;
}
} // namespace

VectorLayer serviceAreas(const VectorLayer& points, double radiusMetres, const std::string& kind)
{
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, " (%.0f m)", radiusMetres);
    VectorLayer layer = derivedFrom(points, points.name + (kind.empty() ? "" : " " + kind) + suffix);
    const auto kindField = std::find(points.fieldNames.begin(), points.fieldNames.end(), "kind");
    const auto kindIndex = static_cast<std::size_t>(kindField - points.fieldNames.begin());
    for (const Feature& source : points.features)
    {
        Feature feature;
        feature.fid = source.fid;
        feature.values = source.values;
        const bool wanted = kind.empty() || (kindField != points.fieldNames.end() && kindIndex < source.values.size() &&
                                             source.values[kindIndex] == kind);
        for (const Position& centre : wanted ? source.points : std::vector<Position>{})
        {
            Ring ring;
            for (int k = 0; k < RingSides; ++k)
            {
                const double angle = 2.0 * std::numbers::pi * k / RingSides;
                ring.push_back(
                    {centre.x + radiusMetres * std::cos(angle), centre.y + radiusMetres * std::sin(angle), 0.0});
                layer.extent.include(ring.back().x, ring.back().y);
            }
            feature.polygons.push_back({{std::move(ring)}});
        }
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

VectorLayer viewCones(const VectorLayer& cameras)
{
    VectorLayer layer = derivedFrom(cameras, cameras.name + " (view)");
    for (const Feature& source : cameras.features)
    {
        Feature feature;
        feature.fid = source.fid;
        feature.values = source.values;
        const double heading = fieldNumber(cameras, source, "heading").value_or(0.0);
        const double fov = std::clamp(fieldNumber(cameras, source, "fov").value_or(60.0), 1.0, 359.0);
        const double range = std::max(1.0, fieldNumber(cameras, source, "range_m").value_or(50.0));
        for (const Position& apex : source.points)
        {
            Ring ring{{apex.x, apex.y, 0.0}};
            for (int k = 0; k <= ArcSteps; ++k)
            {
                // Bearings clockwise from north: east = sin, north = cos.
                const double bearing = (heading - fov / 2.0 + fov * k / ArcSteps) * std::numbers::pi / 180.0;
                ring.push_back({apex.x + range * std::sin(bearing), apex.y + range * std::cos(bearing), 0.0});
            }
            for (const Position& p : ring)
                layer.extent.include(p.x, p.y);
            feature.polygons.push_back({{std::move(ring)}});
        }
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

VectorLayer valueColumns(const VectorLayer& areas, const std::string& field, double maxHeight)
{
    VectorLayer layer = derivedFrom(areas, areas.name + " (columns)");
    layer.extent = areas.extent;
    double largest = 0.0;
    std::vector<std::optional<double>> values;
    for (const Feature& feature : areas.features)
    {
        values.push_back(fieldNumber(areas, feature, field.c_str()));
        if (values.back())
            largest = std::max(largest, *values.back());
    }
    for (std::size_t i = 0; i < areas.features.size(); ++i)
    {
        Feature feature = areas.features[i];
        feature.height = values[i] && largest > 0.0 && *values[i] > 0.0
                             ? std::optional<double>(std::max(1.0, *values[i] / largest * maxHeight))
                             : std::nullopt;
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

} // namespace citytwin::data
