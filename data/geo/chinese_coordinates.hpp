#pragma once

#include <span>

namespace citytwin::data
{

/// Longitude / latitude in degrees.
struct LonLat
{
    double lon = 0.0;
    double lat = 0.0;
};

/// The offset datums of Chinese web maps, which PROJ does not know.
/// GCJ-02 ("Mars coordinates") is WGS 84 shifted by a published obfuscation formula inside China;
/// BD-09 (Baidu) is GCJ-02 shifted again. Outside China's bounding box both equal WGS 84.
namespace chinese
{

/// Returns true when the point lies outside the box in which GCJ-02 differs from WGS 84.
bool outsideChina(LonLat p);

LonLat wgs84ToGcj02(LonLat wgs);
/// Inverts wgs84ToGcj02 by fixed-point iteration to 1e-10 degrees (about 0.01 mm).
LonLat gcj02ToWgs84(LonLat gcj);
LonLat gcj02ToBd09(LonLat gcj);
/// Inverts gcj02ToBd09 by fixed-point iteration to 1e-10 degrees.
LonLat bd09ToGcj02(LonLat bd);
LonLat wgs84ToBd09(LonLat wgs);
LonLat bd09ToWgs84(LonLat bd);

/// Converts arrays of GCJ-02 / BD-09 longitudes and latitudes to WGS 84 in place.
void gcj02ToWgs84(std::span<double> lons, std::span<double> lats);
void bd09ToWgs84(std::span<double> lons, std::span<double> lats);

} // namespace chinese
} // namespace citytwin::data
