#include "data/geo/chinese_coordinates.hpp"

#include <cmath>
#include <numbers>

namespace citytwin::data::chinese
{
namespace
{
// Krasovsky 1940 ellipsoid, as the GCJ-02 formula uses it.
constexpr double SemiMajorAxis = 6378245.0;
constexpr double EccentricitySquared = 0.00669342162296594323;
constexpr double Pi = std::numbers::pi;
constexpr double BaiduRotation = Pi * 3000.0 / 180.0;
constexpr double Tolerance = 1e-10;
constexpr int MaximumIterations = 30;

/// The published polynomial-plus-sines offsets, in metres-like units, of (lon - 105, lat - 35).
double latitudeOffset(double x, double y)
{
    double offset = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    offset += (20.0 * std::sin(6.0 * x * Pi) + 20.0 * std::sin(2.0 * x * Pi)) * 2.0 / 3.0;
    offset += (20.0 * std::sin(y * Pi) + 40.0 * std::sin(y / 3.0 * Pi)) * 2.0 / 3.0;
    offset += (160.0 * std::sin(y / 12.0 * Pi) + 320.0 * std::sin(y * Pi / 30.0)) * 2.0 / 3.0;
    return offset;
}

double longitudeOffset(double x, double y)
{
    double offset = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    offset += (20.0 * std::sin(6.0 * x * Pi) + 20.0 * std::sin(2.0 * x * Pi)) * 2.0 / 3.0;
    offset += (20.0 * std::sin(x * Pi) + 40.0 * std::sin(x / 3.0 * Pi)) * 2.0 / 3.0;
    offset += (150.0 * std::sin(x / 12.0 * Pi) + 300.0 * std::sin(x / 30.0 * Pi)) * 2.0 / 3.0;
    return offset;
}

/// Solves forward(result) == target for result, starting from target (the offsets are small and smooth).
template <class Forward> LonLat invert(LonLat target, Forward forward)
{
    LonLat estimate = target;
    for (int i = 0; i < MaximumIterations; ++i)
    {
        const LonLat image = forward(estimate);
        const double dLon = target.lon - image.lon;
        const double dLat = target.lat - image.lat;
        estimate.lon += dLon;
        estimate.lat += dLat;
        if (std::abs(dLon) < Tolerance && std::abs(dLat) < Tolerance)
            break;
    }
    return estimate;
}
} // namespace

bool outsideChina(LonLat p)
{
    return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

LonLat wgs84ToGcj02(LonLat wgs)
{
    if (outsideChina(wgs))
        return wgs;
    const double x = wgs.lon - 105.0;
    const double y = wgs.lat - 35.0;
    const double radLat = wgs.lat / 180.0 * Pi;
    const double sinLat = std::sin(radLat);
    const double w = 1.0 - EccentricitySquared * sinLat * sinLat;
    const double sqrtW = std::sqrt(w);
    const double dLat =
        latitudeOffset(x, y) * 180.0 / ((SemiMajorAxis * (1.0 - EccentricitySquared)) / (w * sqrtW) * Pi);
    const double dLon = longitudeOffset(x, y) * 180.0 / (SemiMajorAxis / sqrtW * std::cos(radLat) * Pi);
    return {wgs.lon + dLon, wgs.lat + dLat};
}

LonLat gcj02ToWgs84(LonLat gcj)
{
    if (outsideChina(gcj))
        return gcj;
    return invert(gcj, wgs84ToGcj02);
}

LonLat gcj02ToBd09(LonLat gcj)
{
    const double x = gcj.lon;
    const double y = gcj.lat;
    const double radius = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * BaiduRotation);
    const double angle = std::atan2(y, x) + 0.000003 * std::cos(x * BaiduRotation);
    return {radius * std::cos(angle) + 0.0065, radius * std::sin(angle) + 0.006};
}

LonLat bd09ToGcj02(LonLat bd)
{
    return invert(bd, gcj02ToBd09);
}

LonLat wgs84ToBd09(LonLat wgs)
{
    return gcj02ToBd09(wgs84ToGcj02(wgs));
}

LonLat bd09ToWgs84(LonLat bd)
{
    return gcj02ToWgs84(bd09ToGcj02(bd));
}

void gcj02ToWgs84(std::span<double> lons, std::span<double> lats)
{
    for (std::size_t i = 0; i < lons.size() && i < lats.size(); ++i)
    {
        const LonLat wgs = gcj02ToWgs84(LonLat{lons[i], lats[i]});
        lons[i] = wgs.lon;
        lats[i] = wgs.lat;
    }
}

void bd09ToWgs84(std::span<double> lons, std::span<double> lats)
{
    for (std::size_t i = 0; i < lons.size() && i < lats.size(); ++i)
    {
        const LonLat wgs = bd09ToWgs84(LonLat{lons[i], lats[i]});
        lons[i] = wgs.lon;
        lats[i] = wgs.lat;
    }
}

} // namespace citytwin::data::chinese
