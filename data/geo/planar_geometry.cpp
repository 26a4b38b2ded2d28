#include "data/geo/planar_geometry.hpp"

namespace citytwin::data
{

bool pointInRing(const Ring& ring, double x, double y)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if (crossesRayRight(x, y, ring[i].x, ring[i].y, ring[j].x, ring[j].y))
            inside = !inside;
    return inside;
}

RingSums ringSums(const Ring& ring, double originX, double originY)
{
    RingSums sums;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        sums.addEdge(ring[j].x - originX, ring[j].y - originY, ring[i].x - originX, ring[i].y - originY);
    return sums;
}

double signedArea(const Ring& ring)
{
    if (ring.size() < 3)
        return 0.0;
    return signedArea(ring, ring.front().x, ring.front().y);
}

double signedArea(const Ring& ring, double originX, double originY)
{
    if (ring.size() < 3)
        return 0.0;
    return 0.5 * ringSums(ring, originX, originY).twiceArea;
}

std::optional<Position> ringCentroid(const Ring& ring)
{
    if (ring.size() < 3)
        return std::nullopt;
    const RingSums sums = ringSums(ring, ring.front().x, ring.front().y);
    if (sums.twiceArea == 0.0)
        return std::nullopt;
    return sums.centroid(ring.front().x, ring.front().y);
}

} // namespace citytwin::data
