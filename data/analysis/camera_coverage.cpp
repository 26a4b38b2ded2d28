#include "data/analysis/camera_coverage.hpp"

#include "data/core/field_values.hpp"
#include "data/geo/planar_geometry.hpp"
#include "data/geo/polygon_index.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>
#include <numeric>

namespace citytwin::data
{
namespace
{
constexpr double TwoPi = 2.0 * std::numbers::pi;
/// Rays at a corner's bearing and this far (radians) either side of it: 0.15 mm at 150 m, so a silhouette corner
/// leaves no visible gap, while rays stay distinguishable in double precision.
constexpr double CornerOffset = 1e-6;
/// Hits nearer than this (metres) are the camera touching a wall it looks away from, not a blocker.
constexpr double MinimumHit = 1e-6;
/// A camera this close (metres) to a wall stands on it.
constexpr double OnWall = 1e-6;
/// Edge buckets of this size (metres): footprint edges are 5-50 m long.
constexpr double EdgeBucketSize = 32.0;

double wrapAngle(double angle)
{
    angle = std::fmod(angle, TwoPi);
    return angle < 0.0 ? angle + TwoPi : angle;
}

/// The grid of raster cells: column c, row r covers [minX + c s, minX + (c + 1) s) x (maxY - (r + 1) s, maxY - r s].
struct RasterGeometry
{
    double minX = 0.0;
    double maxY = 0.0;
    double cellSize = 1.0;
    int columns = 0;
    int rows = 0;
};

/// One bit per raster cell, row by row, each row starting on a fresh 64-bit word.
class BitRaster
{
public:
    explicit BitRaster(const RasterGeometry& geometry)
        : mWordsPerRow((static_cast<std::size_t>(geometry.columns) + 63) / 64),
          mWords(mWordsPerRow * static_cast<std::size_t>(geometry.rows), 0)
    {
    }
    /// Sets the cells [c0, c1) of a row.
    void setSpan(int row, int c0, int c1)
    {
        forWords(row, c0, c1, [](std::uint64_t& word, std::uint64_t mask) { word |= mask; });
    }
    bool test(int row, int column) const
    {
        return (mWords[static_cast<std::size_t>(row) * mWordsPerRow + static_cast<std::size_t>(column) / 64] >>
                (column % 64)) &
               1U;
    }
    const std::uint64_t* row(int r) const { return &mWords[static_cast<std::size_t>(r) * mWordsPerRow]; }

    /// Calls visit(word index in the row, mask) for the words covering [c0, c1).
    template <class Visit> static void forMasks(int c0, int c1, Visit&& visit)
    {
        for (int c = c0; c < c1;)
        {
            const int bit = c % 64, take = std::min(64 - bit, c1 - c);
            const std::uint64_t mask = (take == 64 ? ~std::uint64_t(0) : ((std::uint64_t(1) << take) - 1)) << bit;
            visit(static_cast<std::size_t>(c / 64), mask);
            c += take;
        }
    }

private:
    template <class Apply> void forWords(int row, int c0, int c1, Apply&& apply)
    {
        std::uint64_t* words = &mWords[static_cast<std::size_t>(row) * mWordsPerRow];
        forMasks(c0, c1, [&](std::size_t word, std::uint64_t mask) { apply(words[word], mask); });
    }
    std::size_t mWordsPerRow = 0;
    std::vector<std::uint64_t> mWords;
};

/// Calls span(row, c0, c1) for the runs of cells whose centres lie inside the rings (even-odd rule, so holes and
/// the parts of a multipolygon may be passed together).
template <class Span> void scanRings(const std::vector<const Ring*>& rings, const RasterGeometry& g, Span&& span)
{
    Extent box;
    for (const Ring* ring : rings)
        for (const Position& p : *ring)
            box.include(p.x, p.y);
    if (!box.isValid())
        return;
    // Rows whose centre y lies within the box.
    const int r0 = std::max(0, static_cast<int>(std::ceil((g.maxY - box.maxY) / g.cellSize - 0.5)));
    const int r1 = std::min(g.rows - 1, static_cast<int>(std::floor((g.maxY - box.minY) / g.cellSize - 0.5)));
    std::vector<double> crossings;
    for (int r = r0; r <= r1; ++r)
    {
        const double y = g.maxY - (r + 0.5) * g.cellSize;
        crossings.clear();
        for (const Ring* ring : rings)
            for (std::size_t i = 0, j = ring->size() - 1; i < ring->size(); j = i++)
            {
                const Position& a = (*ring)[j];
                const Position& b = (*ring)[i];
                if ((a.y > y) != (b.y > y))
                    crossings.push_back(edgeCrossingX(y, a.x, a.y, b.x, b.y));
            }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2)
        {
            // Cells whose centre x lies in [x0, x1).
            const int c0 = std::max(0, static_cast<int>(std::ceil((crossings[k] - g.minX) / g.cellSize - 0.5)));
            const int c1 =
                std::min(g.columns, static_cast<int>(std::ceil((crossings[k + 1] - g.minX) / g.cellSize - 0.5)));
            if (c0 < c1)
                span(r, c0, c1);
        }
    }
}

std::vector<const Ring*> ringsOf(const Feature& feature)
{
    std::vector<const Ring*> rings;
    for (const Polygon& polygon : feature.polygons)
        for (const Ring& ring : polygon.rings)
            if (ring.size() >= 3)
                rings.push_back(&ring);
    return rings;
}

/// The raster over the grids' extent; no columns when there are no grids. The cell size is raised where needed to
/// keep the raster under 2^32 cells (512 MB per bit layer).
RasterGeometry rasterOver(const VectorLayer& grids, double cellSize)
{
    RasterGeometry g;
    Extent extent;
    for (const Feature& feature : grids.features)
        for (const Ring* ring : ringsOf(feature))
            for (const Position& p : *ring)
                extent.include(p.x, p.y);
    if (!extent.isValid() || !(cellSize > 0.0))
        return g;
    const double width = extent.maxX - extent.minX, height = extent.maxY - extent.minY;
    g.minX = extent.minX;
    g.maxY = extent.maxY;
    g.cellSize = std::max(cellSize, std::sqrt(width * height / 4.0e9));
    g.columns = std::max(1, static_cast<int>(std::ceil(width / g.cellSize)));
    g.rows = std::max(1, static_cast<int>(std::ceil(height / g.cellSize)));
    return g;
}

/// Per grid feature: its open cells (not built) and those in view, as areas.
std::vector<GridViewShare> openGroundShares(const VectorLayer& grids, const RasterGeometry& g, const BitRaster& built,
                                            const BitRaster& visible)
{
    const auto ids = numericValues(grids, schema::grids::Id);
    std::vector<GridViewShare> shares(grids.features.size());
    for (std::size_t i = 0; i < shares.size(); ++i)
    {
        shares[i].gridId =
            std::isfinite(ids[i]) ? static_cast<std::int64_t>(std::llround(ids[i])) : static_cast<std::int64_t>(i);
        std::int64_t open = 0, seen = 0;
        scanRings(ringsOf(grids.features[i]), g,
                  [&](int r, int c0, int c1)
                  {
                      const std::uint64_t *b = built.row(r), *v = visible.row(r);
                      BitRaster::forMasks(c0, c1,
                                          [&](std::size_t w, std::uint64_t mask)
                                          {
                                              open += std::popcount(mask & ~b[w]);
                                              seen += std::popcount(mask & ~b[w] & v[w]);
                                          });
                  });
        shares[i].openArea = static_cast<double>(open) * g.cellSize * g.cellSize;
        shares[i].visibleOpenArea = static_cast<double>(seen) * g.cellSize * g.cellSize;
    }
    return shares;
}

/// Adds road length per grid: each segment sampled every half cell, a sample counting its length in the grid that
/// contains it (unless in a building), and as seen when its cell is in view.
void addStreetLengths(const VectorLayer& roads, const VectorLayer& grids, const RasterGeometry& g,
                      const BitRaster& built, const BitRaster& visible, std::vector<GridViewShare>& shares)
{
    PolygonIndex gridIndex;
    for (std::size_t i = 0; i < grids.features.size(); ++i)
        for (const Polygon& polygon : grids.features[i].polygons)
            gridIndex.add(static_cast<std::int64_t>(i), polygon);
    gridIndex.build();
    for (const Feature& feature : roads.features)
        for (const Ring& line : feature.lines)
            for (std::size_t i = 1; i < line.size(); ++i)
            {
                const double dx = line[i].x - line[i - 1].x, dy = line[i].y - line[i - 1].y;
                const double length = std::hypot(dx, dy);
                const int samples = std::max(1, static_cast<int>(std::ceil(length / (0.5 * g.cellSize))));
                for (int s = 0; s < samples; ++s)
                {
                    const double f = (s + 0.5) / samples, x = line[i - 1].x + f * dx, y = line[i - 1].y + f * dy;
                    const int c = static_cast<int>(std::floor((x - g.minX) / g.cellSize));
                    const int r = static_cast<int>(std::floor((g.maxY - y) / g.cellSize));
                    if (c < 0 || c >= g.columns || r < 0 || r >= g.rows || built.test(r, c))
                        continue;
                    const auto grid = gridIndex.find(x, y);
                    if (!grid)
                        continue;
                    GridViewShare& share = shares[static_cast<std::size_t>(*grid)];
                    share.streetLength += length / samples;
                    share.visibleStreetLength += visible.test(r, c) ? length / samples : 0.0;
                }
            }
}

void finishShares(GridViewShare& share)
{
    share.openShare = share.openArea > 0.0 ? share.visibleOpenArea / share.openArea : 0.0;
    share.streetShare = share.streetLength > 0.0 ? share.visibleStreetLength / share.streetLength : 0.0;
}
} // namespace

Result<std::vector<CameraRecord>> readCameras(const VectorLayer& cameras)
{
    if (std::find(cameras.fieldNames.begin(), cameras.fieldNames.end(), schema::cameras::Heading) ==
        cameras.fieldNames.end())
        return Error{ErrorCode::InvalidArgument,
                     "layer '" + cameras.name + "' has no field '" + schema::cameras::Heading + "'",
                     cameras.sourcePath};
    const auto ids = numericValues(cameras, schema::cameras::Id),
               headings = numericValues(cameras, schema::cameras::Heading);
    const auto fovs = numericValues(cameras, schema::cameras::FieldOfView),
               ranges = numericValues(cameras, schema::cameras::RangeMetres);
    std::vector<CameraRecord> records;
    records.reserve(cameras.features.size());
    for (std::size_t i = 0; i < cameras.features.size(); ++i)
    {
        const Feature& feature = cameras.features[i];
        if (feature.points.empty())
            continue;
        CameraRecord record;
        record.id = std::isfinite(ids[i]) ? static_cast<std::int64_t>(std::llround(ids[i])) : feature.fid;
        record.x = feature.points.front().x;
        record.y = feature.points.front().y;
        record.heading = std::isfinite(headings[i]) ? headings[i] : 0.0;
        record.fov = std::isfinite(fovs[i]) ? fovs[i] : 60.0;
        record.range = std::isfinite(ranges[i]) ? ranges[i] : 50.0;
        records.push_back(record);
    }
    return records;
}

struct ViewshedCaster::Index
{
    struct Edge
    {
        double ax = 0.0;
        double ay = 0.0;
        double bx = 0.0;
        double by = 0.0;
        std::uint32_t building = 0;
    };
    std::vector<Edge> edges;
    PolygonIndex footprints; ///< ids are feature positions, to find the building a camera stands in
    Extent extent;
    int columns = 0;
    int rows = 0;
    std::vector<std::uint32_t> start; ///< CSR buckets of edge ids
    std::vector<std::uint32_t> items;
    double rayStep = std::numbers::pi / 180.0;

    /// An edge and the bearings it covers, as offsets from the cone's left edge: [from, from + width] (radians).
    struct Span
    {
        std::uint32_t edge = 0;
        double from = 0.0;
        double width = 0.0;
    };
    /// The rays of one view, by increasing offset, with their unit directions.
    struct Rays
    {
        std::vector<double> offsets;
        std::vector<double> x;
        std::vector<double> y;
    };

    /// Returns the building the camera is mounted on (stands inside, not on a wall of), or -1.
    std::int64_t mountBuilding(const CameraRecord& camera, const std::vector<std::uint32_t>& candidates) const;
    /// Adds the spans of the candidate edges that may block the camera, and rays around the corners in range.
    void collect(const CameraRecord& camera, double start, double fov, const std::vector<std::uint32_t>& candidates,
                 std::vector<double>& offsets, std::vector<Span>& spans) const;
    /// Shortens each ray's reach to its nearest hit.
    void cast(const CameraRecord& camera, const std::vector<Span>& spans, const Rays& rays,
              std::vector<double>& reach) const;

    /// Returns the distance from (x, y) to the edge.
    static double distance(const Edge& edge, double x, double y)
    {
        const double ex = edge.bx - edge.ax, ey = edge.by - edge.ay, length2 = ex * ex + ey * ey;
        const double f =
            length2 > 0.0 ? std::clamp(((x - edge.ax) * ex + (y - edge.ay) * ey) / length2, 0.0, 1.0) : 0.0;
        return std::hypot(edge.ax + f * ex - x, edge.ay + f * ey - y);
    }
    int column(double x) const { return static_cast<int>(std::floor((x - extent.minX) / EdgeBucketSize)); }
    int row(double y) const { return static_cast<int>(std::floor((y - extent.minY) / EdgeBucketSize)); }

    /// The ids of the edges whose bucket touches the square of half-side radius around (x, y), sorted, unique.
    void gather(double x, double y, double radius, std::vector<std::uint32_t>& out) const
    {
        out.clear();
        if (columns == 0)
            return;
        const int c0 = std::max(0, column(x - radius)), c1 = std::min(columns - 1, column(x + radius));
        const int r0 = std::max(0, row(y - radius)), r1 = std::min(rows - 1, row(y + radius));
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
            {
                const std::size_t b = static_cast<std::size_t>(r) * columns + c;
                out.insert(out.end(), items.begin() + start[b], items.begin() + start[b + 1]);
            }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
};

ViewshedCaster::ViewshedCaster(const VectorLayer& buildings, double rayStepDegrees) : mIndex(std::make_unique<Index>())
{
    Index& index = *mIndex;
    if (rayStepDegrees > 0.0)
        index.rayStep = rayStepDegrees * std::numbers::pi / 180.0;
    for (std::size_t f = 0; f < buildings.features.size(); ++f)
        for (const Polygon& polygon : buildings.features[f].polygons)
        {
            index.footprints.add(static_cast<std::int64_t>(f), polygon);
            for (std::size_t r = 0; r < polygon.rings.size(); ++r)
            {
                const Ring& ring = polygon.rings[r];
                // Edges run with the building on their left: outer rings anticlockwise, holes clockwise.
                const bool reverse = (signedArea(ring) > 0.0) != (r == 0);
                for (std::size_t i = 0, j = ring.size() - 1; ring.size() >= 2 && i < ring.size(); j = i++)
                {
                    const Position& a = reverse ? ring[i] : ring[j];
                    const Position& b = reverse ? ring[j] : ring[i];
                    index.edges.push_back({a.x, a.y, b.x, b.y, static_cast<std::uint32_t>(f)});
                    index.extent.include(ring[i].x, ring[i].y);
                }
            }
        }
    index.footprints.build();
    if (index.edges.empty())
        return;
    index.columns = index.column(index.extent.maxX) + 1;
    index.rows = index.row(index.extent.maxY) + 1;
    const std::size_t buckets = static_cast<std::size_t>(index.columns) * index.rows;
    index.start.assign(buckets + 1, 0);
    // Two passes (count, then fill) over the buckets each edge's box touches.
    for (int pass = 0; pass < 2; ++pass)
    {
        std::vector<std::uint32_t> fill(index.start.begin(), index.start.end() - 1);
        for (std::uint32_t e = 0; e < index.edges.size(); ++e)
        {
            const Index::Edge& edge = index.edges[e];
            const int c0 = index.column(std::min(edge.ax, edge.bx)), c1 = index.column(std::max(edge.ax, edge.bx));
            const int r0 = index.row(std::min(edge.ay, edge.by)), r1 = index.row(std::max(edge.ay, edge.by));
            for (int r = r0; r <= r1; ++r)
                for (int c = c0; c <= c1; ++c)
                {
                    const std::size_t b = static_cast<std::size_t>(r) * index.columns + c;
                    if (pass == 0)
                        ++index.start[b + 1];
                    else
                        index.items[fill[b]++] = e;
                }
        }
        if (pass == 0)
        {
            std::partial_sum(index.start.begin(), index.start.end(), index.start.begin());
            index.items.resize(index.start.back());
        }
    }
}

ViewshedCaster::~ViewshedCaster() = default;
ViewshedCaster::ViewshedCaster(ViewshedCaster&&) noexcept = default;
ViewshedCaster& ViewshedCaster::operator=(ViewshedCaster&&) noexcept = default;

std::int64_t ViewshedCaster::Index::mountBuilding(const CameraRecord& camera,
                                                  const std::vector<std::uint32_t>& candidates) const
{
    const std::int64_t own = footprints.find(camera.x, camera.y).value_or(-1);
    // A camera on a wall of the footprint it was found in is outside it, like on any other wall.
    const bool onWall = own >= 0 && std::any_of(candidates.begin(), candidates.end(),
                                                [&](std::uint32_t e) {
                                                    return static_cast<std::int64_t>(edges[e].building) == own &&
                                                           distance(edges[e], camera.x, camera.y) <= OnWall;
                                                });
    return onWall ? -1 : own;
}

void ViewshedCaster::Index::collect(const CameraRecord& camera, double start, double fov,
                                    const std::vector<std::uint32_t>& candidates, std::vector<double>& offsets,
                                    std::vector<Span>& spans) const
{
    const std::int64_t own = mountBuilding(camera, candidates);
    const double range = camera.range;
    for (std::uint32_t e : candidates)
    {
        const Edge& edge = edges[e];
        const double gap = distance(edge, camera.x, camera.y);
        if (static_cast<std::int64_t>(edge.building) == own || gap > range)
            continue;
        // A wall the camera stands on may block any ray (those into the building).
        if (gap <= OnWall)
        {
            spans.push_back({e, 0.0, TwoPi});
            continue;
        }
        const double ax = edge.ax - camera.x, ay = edge.ay - camera.y, bx = edge.bx - camera.x, by = edge.by - camera.y;
        const double a = std::atan2(ax, ay), b = std::atan2(bx, by);
        // Each corner is the start of exactly one edge: rays just before, at and just after its bearing.
        if (ax * ax + ay * ay <= range * range)
        {
            const double offset = wrapAngle(a - start);
            for (double o : {offset - CornerOffset, offset, offset + CornerOffset})
                if (o >= 0.0 && o <= fov)
                    offsets.push_back(o);
        }
        // The bearings the edge covers: the shorter arc from a to b (an edge not through the camera spans < 180°).
        double width = b - a;
        width = width > std::numbers::pi ? width - TwoPi : (width < -std::numbers::pi ? width + TwoPi : width);
        spans.push_back({e, wrapAngle((width >= 0.0 ? a : b) - start), std::abs(width)});
    }
}

void ViewshedCaster::Index::cast(const CameraRecord& camera, const std::vector<Span>& spans, const Rays& rays,
                                 std::vector<double>& reach) const
{
    // Edge-major: each edge is tested only against the rays inside its arc (with a little slack either side).
    constexpr double Slack = 1e-7;
    for (const Span& span : spans)
    {
        const Edge& edge = edges[span.edge];
        const double wx = edge.ax - camera.x, wy = edge.ay - camera.y;
        const double ex = edge.bx - edge.ax, ey = edge.by - edge.ay;
        for (double shift : {0.0, -TwoPi})
        {
            const double lo = span.from + shift - Slack, hi = span.from + span.width + shift + Slack;
            auto k = static_cast<std::size_t>(std::lower_bound(rays.offsets.begin(), rays.offsets.end(), lo) -
                                              rays.offsets.begin());
            for (; k < rays.offsets.size() && rays.offsets[k] <= hi; ++k)
            {
                // camera + t d = a + u e: t = (w x e) / (d x e), u = (w x d) / (d x e).
                const double denominator = rays.x[k] * ey - rays.y[k] * ex;
                if (std::abs(denominator) < 1e-12)
                    continue;
                const double t = (wx * ey - wy * ex) / denominator;
                const double u = (wx * rays.y[k] - wy * rays.x[k]) / denominator;
                if (t > MinimumHit && t < reach[k] && u >= -1e-9 && u <= 1.0 + 1e-9)
                    reach[k] = t;
                // On the wall itself: blocked when looking into the building (to the edge's left); corners
                // (u = 0 or 1) are left to the neighbouring edges' hits.
                else if (std::abs(t) <= MinimumHit && u > 1e-9 && u < 1.0 - 1e-9 && denominator < 0.0)
                    reach[k] = 0.0;
            }
        }
    }
}

CameraView ViewshedCaster::view(const CameraRecord& camera) const
{
    CameraView view;
    view.cameraId = camera.id;
    const double fov = std::min(camera.fov, 360.0) * std::numbers::pi / 180.0;
    if (!(fov > 0.0) || !(camera.range > 0.0))
        return view;
    const Index& index = *mIndex;
    // Bearings are measured from the cone's left edge, clockwise: offset o points along (sin(s + o), cos(s + o)).
    const double start = camera.heading * std::numbers::pi / 180.0 - 0.5 * fov;
    std::vector<std::uint32_t> candidates;
    index.gather(camera.x, camera.y, camera.range, candidates);

    Index::Rays rays;
    const int steps = std::max(1, static_cast<int>(std::ceil(fov / index.rayStep - 1e-9)));
    for (int i = 0; i <= steps; ++i)
        rays.offsets.push_back(fov * i / steps);
    std::vector<Index::Span> spans;
    index.collect(camera, start, fov, candidates, rays.offsets, spans);
    std::sort(rays.offsets.begin(), rays.offsets.end());
    rays.offsets.erase(std::unique(rays.offsets.begin(), rays.offsets.end()), rays.offsets.end());
    for (double offset : rays.offsets)
    {
        rays.x.push_back(std::sin(start + offset));
        rays.y.push_back(std::cos(start + offset));
    }
    std::vector<double> reach(rays.offsets.size(), camera.range);
    index.cast(camera, spans, rays, reach);

    view.polygon.reserve(reach.size() + 1);
    view.polygon.push_back({camera.x, camera.y, 0.0});
    for (std::size_t k = 0; k < reach.size(); ++k)
        view.polygon.push_back({camera.x + reach[k] * rays.x[k], camera.y + reach[k] * rays.y[k], 0.0});
    view.area = std::abs(signedArea(view.polygon));
    return view;
}

CameraCoverage cameraCoverage(std::span<const CameraRecord> cameras, const VectorLayer& buildings,
                              const VectorLayer& grids, const VectorLayer* roads, const CameraCoverageOptions& options)
{
    CameraCoverage result;
    const ViewshedCaster caster(buildings, options.rayStepDegrees);
    result.views.reserve(cameras.size());
    for (const CameraRecord& camera : cameras)
        result.views.push_back(caster.view(camera));
    const RasterGeometry g = rasterOver(grids, options.cellSize);
    if (g.columns == 0)
        return result;

    BitRaster built(g), visible(g);
    for (const Feature& feature : buildings.features)
        scanRings(ringsOf(feature), g, [&built](int r, int c0, int c1) { built.setSpan(r, c0, c1); });
    for (const CameraView& view : result.views)
        if (view.polygon.size() >= 3)
            scanRings({&view.polygon}, g, [&visible](int r, int c0, int c1) { visible.setSpan(r, c0, c1); });

    result.grids = openGroundShares(grids, g, built, visible);
    if (roads != nullptr)
        addStreetLengths(*roads, grids, g, built, visible, result.grids);
    for (GridViewShare& share : result.grids)
    {
        finishShares(share);
        if (share.openArea > 0.0 && share.openShare < options.blindSpotThreshold)
            result.blindSpotGrids.push_back(share.gridId);
        result.district.openArea += share.openArea;
        result.district.visibleOpenArea += share.visibleOpenArea;
        result.district.streetLength += share.streetLength;
        result.district.visibleStreetLength += share.visibleStreetLength;
    }
    finishShares(result.district);
    return result;
}

} // namespace citytwin::data
