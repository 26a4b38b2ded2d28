#pragma once

#include "data/core/vector_layer.hpp"

#include <optional>

namespace citytwin::data
{

/// Plane geometry of rings (project CRS metres, x east, y north): the even-odd point test, signed areas and
/// centroids. One implementation for the spatial joins, the analyses, the sample and the scene, so that they agree
/// to the last bit. Rings are not closed twice (the closing edge from the last vertex to the first is implied).

/// Returns the x at which the edge from a to b crosses the horizontal line at y (the edge must cross it).
inline double edgeCrossingX(double y, double ax, double ay, double bx, double by)
{
    return (bx - ax) * (y - ay) / (by - ay) + ax;
}

/// True when the edge from a to b crosses the ray from (x, y) to the right: one step of the even-odd test.
/// Half-open in y and strict in x, so that a point on an edge shared by two rings is inside exactly one of them
/// (left and bottom edges are inside, right and top edges outside).
inline bool crossesRayRight(double x, double y, double ax, double ay, double bx, double by)
{
    return (ay > y) != (by > y) && x < edgeCrossingX(y, ax, ay, bx, by);
}

/// True when (x, y) lies inside the ring (even-odd crossings; the edge rule of crossesRayRight).
bool pointInRing(const Ring& ring, double x, double y);

/// The shoelace sums over a ring's edges, with coordinates taken relative to an origin: twice the signed area
/// (positive when anticlockwise) and the first moments, from which the centroid follows.
struct RingSums
{
    double twiceArea = 0.0;
    double momentX = 0.0; ///< sum of (ax + bx) * cross over the edges: 6 x area x centroid x
    double momentY = 0.0;

    /// Adds the edge from a to b (relative coordinates).
    void addEdge(double ax, double ay, double bx, double by)
    {
        const double cross = ax * by - bx * ay;
        twiceArea += cross;
        momentX += (ax + bx) * cross;
        momentY += (ay + by) * cross;
    }

    /// The centroid, back in absolute coordinates; only meaningful when twiceArea is not 0.
    Position centroid(double originX, double originY) const
    {
        return {originX + momentX / (3.0 * twiceArea), originY + momentY / (3.0 * twiceArea), 0.0};
    }
};

/// Returns the sums over every edge of a ring, closing edge first, relative to (originX, originY).
RingSums ringSums(const Ring& ring, double originX, double originY);

/// Returns the signed area of a ring (square metres, positive when anticlockwise), computed relative to its first
/// vertex, which keeps the precision at projected coordinates in the millions. 0 for fewer than three vertices.
double signedArea(const Ring& ring);

/// Returns the signed area of a ring computed relative to (originX, originY); the sample's layout passes (0, 0).
double signedArea(const Ring& ring, double originX, double originY);

/// Returns the area-weighted centroid of a ring (relative to its first vertex); nothing for fewer than three
/// vertices or a ring of zero area.
std::optional<Position> ringCentroid(const Ring& ring);

} // namespace citytwin::data
