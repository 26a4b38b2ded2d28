// libFuzzer target: GeoPackage geometry blobs (the `geom` column of any table a project or an imported GeoPackage
// holds) through the decoders: the WKB part, the point, the envelope and the polygon centroid.

#include "fuzz_common.hpp"

#include "data/analysis/gpkg_records.hpp"
#include "data/io/gpkg_geometry.hpp"

#include <cmath>

namespace citytwin::fuzz
{
Outcome gpkgGeometry(std::string_view blob)
{
    if (const auto wkb = data::gpkg::wkbOf(blob))
        check(wkb->data() >= blob.data() && wkb->data() + wkb->size() <= blob.data() + blob.size(),
              "the WKB lies inside the blob");
    const auto point = data::gpkg::decodePoint(blob);
    if (point)
        check(!std::isnan(point->x) && !std::isnan(point->y), "a decoded point has coordinates");
    const auto extent = data::gpkg::envelope(blob);
    double x = 0.0, y = 0.0, area = 0.0;
    (void)data::polygonCentroid(blob, x, y, area);
    return point || extent ? Outcome::Accepted : Outcome::Refused;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::gpkgGeometry)
