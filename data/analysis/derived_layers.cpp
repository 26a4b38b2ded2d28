#include "data/analysis/derived_layers.hpp"

#include "data/core/field_values.hpp"

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

/// A copy of the layer's description with polygons instead of points, in its role.
VectorLayer derivedFrom(const VectorLayer& source, std::string name, LayerRole role)
{
    VectorLayer layer;
    layer.name = std::move(name);
    layer.role = role;
    layer.derivedFrom.sourceLayer = source.name;
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
    VectorLayer layer =
        derivedFrom(points, points.name + (kind.empty() ? "" : " " + kind) + suffix, LayerRole::ServiceRings);
    layer.derivedFrom.stationKind = kind;
    layer.derivedFrom.radiusMetres = radiusMetres;
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
    VectorLayer layer = derivedFrom(cameras, cameras.name + " (view)", LayerRole::ViewCones);
    const std::vector<double> headings = numericValues(cameras, "heading"), fovs = numericValues(cameras, "fov"),
                              ranges = numericValues(cameras, "range_m");
    auto valueOr = [](double value, double fallback) { return std::isnan(value) ? fallback : value; };
    for (std::size_t i = 0; i < cameras.features.size(); ++i)
    {
        const Feature& source = cameras.features[i];
        Feature feature;
        feature.fid = source.fid;
        feature.values = source.values;
        const double heading = valueOr(headings[i], 0.0);
        const double fov = std::clamp(valueOr(fovs[i], 60.0), 1.0, 359.0);
        const double range = std::max(1.0, valueOr(ranges[i], 50.0));
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
    VectorLayer layer = derivedFrom(areas, areas.name + " (columns)", LayerRole::Columns);
    layer.extent = areas.extent;
    const std::vector<double> values = numericValues(areas, field);
    double largest = 0.0;
    for (double value : values)
        if (!std::isnan(value))
            largest = std::max(largest, value);
    for (std::size_t i = 0; i < areas.features.size(); ++i)
    {
        Feature feature = areas.features[i];
        feature.height = largest > 0.0 && values[i] > 0.0 // false for NaN
                             ? std::optional<double>(std::max(1.0, values[i] / largest * maxHeight))
                             : std::nullopt;
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

} // namespace citytwin::data
