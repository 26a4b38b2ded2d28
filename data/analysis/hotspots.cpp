#include "data/analysis/hotspots.hpp"

#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace citytwin::data
{
namespace
{
constexpr double Infinity = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// Adjacency

struct Edge
{
    double x0, y0, x1, y1;
    std::uint32_t owner;
};

double edgeLength(const Edge& edge)
{
    return std::hypot(edge.x1 - edge.x0, edge.y1 - edge.y0);
}

/// True when the edges lie on one line (within tolerance) and overlap over more than tolerance. The longer edge
/// gives the line: its direction is the better defined one when the other edge is short.
bool shareSegment(const Edge& first, const Edge& second, double tolerance)
{
    const double firstLength = edgeLength(first);
    const double secondLength = edgeLength(second);
    const Edge& a = firstLength >= secondLength ? first : second;
    const Edge& b = firstLength >= secondLength ? second : first;
    const double length = std::max(firstLength, secondLength);
    const double ux = (a.x1 - a.x0) / length, uy = (a.y1 - a.y0) / length;
    const double distance0 = (b.x0 - a.x0) * -uy + (b.y0 - a.y0) * ux;
    const double distance1 = (b.x1 - a.x0) * -uy + (b.y1 - a.y0) * ux;
    if (std::abs(distance0) > tolerance || std::abs(distance1) > tolerance)
        return false;
    const double s0 = (b.x0 - a.x0) * ux + (b.y0 - a.y0) * uy;
    const double s1 = (b.x1 - a.x0) * ux + (b.y1 - a.y0) * uy;
    const double overlap = std::min(length, std::max(s0, s1)) - std::max(0.0, std::min(s0, s1));
    return overlap > tolerance;
}

std::int64_t featureId(const VectorLayer& layer, std::size_t feature, std::ptrdiff_t field)
{
    const auto fallback = static_cast<std::int64_t>(feature);
    if (field < 0)
        return fallback;
    const std::string& text = layer.features[feature].values.at(static_cast<std::size_t>(field));
    try
    {
        return text.empty() ? fallback : std::stoll(text);
    }
    catch (const std::exception&)
    {
        return fallback;
    }
}

std::vector<Edge> collectEdges(const VectorLayer& layer, double tolerance, Extent& extent)
{
    std::vector<Edge> edges;
    for (std::size_t f = 0; f < layer.features.size(); ++f)
        for (const Polygon& polygon : layer.features[f].polygons)
            for (const Ring& ring : polygon.rings)
                for (std::size_t i = 0; i < ring.size(); ++i)
                {
                    const Position& p = ring[i];
                    const Position& q = ring[(i + 1) % ring.size()];
                    const Edge edge{p.x, p.y, q.x, q.y, static_cast<std::uint32_t>(f)};
                    // An edge no longer than the tolerance cannot overlap another by more (this also drops the
                    // closing edge of rings that repeat their first vertex, and non-finite coordinates).
                    const double length = edgeLength(edge);
                    if (!(length > tolerance) || !std::isfinite(length))
                        continue;
                    extent.include(p.x, p.y);
                    extent.include(q.x, q.y);
                    edges.push_back(edge);
                }
    return edges;
}

/// Buckets of edge indices on a regular grid of cells (CSR), each edge in every cell its box (grown by the tolerance)
/// touches.
struct EdgeGrid
{
    double cellSize = 1.0;
    std::size_t columns = 1;
    std::size_t rows = 1;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> items;
};

EdgeGrid bucketEdges(const std::vector<Edge>& edges, const Extent& extent, double tolerance)
{
    EdgeGrid grid;
    std::vector<double> lengths;
    lengths.reserve(edges.size());
    for (const Edge& edge : edges)
        lengths.push_back(edgeLength(edge));
    std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2), lengths.end());
    const double width = extent.maxX - extent.minX, height = extent.maxY - extent.minY;
    // Cells about one typical edge wide; never more than a few cells per edge, so a layer of a few long edges
    // spread far apart does not allocate a huge grid.
    grid.cellSize = std::max({lengths[lengths.size() / 2], 10.0 * tolerance, 1e-9});
    const double maximumCells = 4.0 * static_cast<double>(edges.size()) + 1024.0;
    if ((width / grid.cellSize + 1.0) * (height / grid.cellSize + 1.0) > maximumCells)
        grid.cellSize = std::max(
            {grid.cellSize, std::sqrt(width * height / maximumCells) * 1.01 + 1e-9, (width + height) / maximumCells});
    grid.columns = static_cast<std::size_t>(width / grid.cellSize) + 1;
    grid.rows = static_cast<std::size_t>(height / grid.cellSize) + 1;

    const auto cellRange = [&](const Edge& edge, std::size_t& c0, std::size_t& c1, std::size_t& r0, std::size_t& r1)
    {
        const auto clampIndex = [](double value, std::size_t count)
        { return std::min(count - 1, static_cast<std::size_t>(std::max(0.0, value))); };
        c0 = clampIndex((std::min(edge.x0, edge.x1) - tolerance - extent.minX) / grid.cellSize, grid.columns);
        c1 = clampIndex((std::max(edge.x0, edge.x1) + tolerance - extent.minX) / grid.cellSize, grid.columns);
        r0 = clampIndex((std::min(edge.y0, edge.y1) - tolerance - extent.minY) / grid.cellSize, grid.rows);
        r1 = clampIndex((std::max(edge.y0, edge.y1) + tolerance - extent.minY) / grid.cellSize, grid.rows);
    };
    grid.offsets.assign(grid.columns * grid.rows + 1, 0);
    for (int pass = 0; pass < 2; ++pass)
    {
        for (std::uint32_t e = 0; e < edges.size(); ++e)
        {
            std::size_t c0, c1, r0, r1;
            cellRange(edges[e], c0, c1, r0, r1);
            for (std::size_t r = r0; r <= r1; ++r)
                for (std::size_t c = c0; c <= c1; ++c)
                {
                    if (pass == 0)
                        ++grid.offsets[r * grid.columns + c + 1];
                    else
                        grid.items[grid.offsets[r * grid.columns + c]++] = e;
                }
        }
        if (pass == 0)
        {
            std::partial_sum(grid.offsets.begin(), grid.offsets.end(), grid.offsets.begin());
            grid.items.resize(grid.offsets.back());
        }
    }
    // The fill pass advanced each offset to the next cell's start: shift back.
    std::copy_backward(grid.offsets.begin(), grid.offsets.end() - 1, grid.offsets.end());
    grid.offsets[0] = 0;
    return grid;
}

GridAdjacency fromPairs(std::vector<std::int64_t> ids, std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> both;
    both.reserve(pairs.size() * 2);
    for (const auto& [i, j] : pairs)
    {
        if (i == j || i >= ids.size() || j >= ids.size())
            continue;
        both.emplace_back(i, j);
        both.emplace_back(j, i);
    }
    std::sort(both.begin(), both.end());
    both.erase(std::unique(both.begin(), both.end()), both.end());
    GridAdjacency adjacency;
    adjacency.offsets.assign(ids.size() + 1, 0);
    for (const auto& [i, j] : both)
    {
        ++adjacency.offsets[i + 1];
        adjacency.neighbours.push_back(j);
    }
    std::partial_sum(adjacency.offsets.begin(), adjacency.offsets.end(), adjacency.offsets.begin());
    adjacency.ids = std::move(ids);
    return adjacency;
}

// Binomial tails

/// The log of the Binomial(n, p) probability of k.
struct LogBinomial
{
    std::int64_t n;
    double p;
    double logP = std::log(p);
    double logQ = std::log1p(-p);
    double logFactorialN = std::lgamma(static_cast<double>(n) + 1.0);

    double operator()(std::int64_t k) const
    {
        const auto kd = static_cast<double>(k), rest = static_cast<double>(n - k);
        return logFactorialN - std::lgamma(kd + 1.0) - std::lgamma(rest + 1.0) + kd * logP + rest * logQ;
    }
    /// The mode: probabilities rise on [0, mode] and fall on [mode, n].
    std::int64_t mode() const
    {
        return std::min(n, static_cast<std::int64_t>(std::floor(static_cast<double>(n + 1) * p)));
    }
};

/// Returns log P(X >= from) for from >= mode (terms fall as k grows), or log P(X <= from) for from <= mode when
/// downward: the sum runs outward from `from` relative to its term, so no term overflows and tiny tails keep
/// their exponent. The ratio of consecutive terms is exact up to rounding, so only one lgamma is needed.
double logTail(const LogBinomial& binomial, std::int64_t from, bool downward)
{
    const double odds = binomial.p / (1.0 - binomial.p);
    double term = 1.0, sum = 1.0;
    for (std::int64_t k = from;;)
    {
        if (downward)
        {
            if (k == 0)
                break;
            term *= static_cast<double>(k) / static_cast<double>(binomial.n - k + 1) / odds;
            --k;
        }
        else
        {
            if (k == binomial.n)
                break;
            term *= static_cast<double>(binomial.n - k) / static_cast<double>(k + 1) * odds;
            ++k;
        }
        sum += term;
        if (term < 1e-17 * sum)
            break;
    }
    return binomial(from) + std::log(sum);
}

double logAddExp(double a, double b)
{
    if (a == -Infinity)
        return b;
    if (b == -Infinity)
        return a;
    const double high = std::max(a, b);
    return high + std::log1p(std::exp(std::min(a, b) - high));
}

/// Returns the first k in [low, high] where predicate(k) holds, given that it holds from some k on (high + 1 if never).
template <class Predicate> std::int64_t firstWhere(std::int64_t low, std::int64_t high, Predicate predicate)
{
    ++high;
    while (low < high)
    {
        const std::int64_t middle = low + (high - low) / 2;
        if (predicate(middle))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

// Recurring places

class UnionFind
{
public:
    explicit UnionFind(std::size_t count) : mParent(count), mSize(count, 1)
    {
        std::iota(mParent.begin(), mParent.end(), 0u);
    }
    std::uint32_t find(std::uint32_t i)
    {
        while (mParent[i] != i)
        {
            mParent[i] = mParent[mParent[i]];
            i = mParent[i];
        }
        return i;
    }
    void unite(std::uint32_t a, std::uint32_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (mSize[a] < mSize[b])
            std::swap(a, b);
        mParent[b] = a;
        mSize[a] += mSize[b];
    }

private:
    std::vector<std::uint32_t> mParent;
    std::vector<std::uint32_t> mSize;
};

constexpr int CellBits = 28;
constexpr std::int64_t CellLimit = std::int64_t{1} << CellBits;

/// Packs (category, column, row) so that keys sort by category, then column, then row.
std::uint64_t cellKey(std::uint64_t category, std::int64_t column, std::int64_t row)
{
    return (category << (2 * CellBits)) | (static_cast<std::uint64_t>(column) << CellBits) |
           static_cast<std::uint64_t>(row);
}

/// The incidents grouped by (category, cell), cells in key order, each cell's incidents by (time, index).
struct Cells
{
    std::vector<std::uint32_t> incidents;
    std::vector<std::uint64_t> keys;   ///< per cell
    std::vector<std::uint32_t> begins; ///< per cell, plus the end
};

/// Links the incidents of cell `from` to those of the neighbouring cell `to` seen before them (times within the
/// window back). The incidents of `to` inside one window are pairwise linked already (one cell is narrower than the
/// distance, see recurringPlaces), so one link per incident and window is enough: the newest one within distance.
template <class T> struct CellLinker
{
    std::span<const T> xs, ys;
    std::span<const std::int64_t> times;
    const Cells& cells;
    double distanceSquared;
    std::int64_t window;
    UnionFind& components;

    void linkOwn(std::size_t cell) const
    {
        for (std::uint32_t p = cells.begins[cell] + 1; p < cells.begins[cell + 1]; ++p)
            if (times[cells.incidents[p]] - times[cells.incidents[p - 1]] <= window)
                components.unite(cells.incidents[p], cells.incidents[p - 1]);
    }

    void link(std::size_t from, std::size_t to) const
    {
        const std::uint32_t toBegin = cells.begins[to], toEnd = cells.begins[to + 1];
        std::uint32_t seen = toBegin; // the incidents of `to` at or before the current time: [toBegin, seen)
        for (std::uint32_t p = cells.begins[from]; p < cells.begins[from + 1]; ++p)
        {
            const std::uint32_t i = cells.incidents[p];
            while (seen < toEnd && times[cells.incidents[seen]] <= times[i])
                ++seen;
            const double x = xs[i], y = ys[i];
            for (std::uint32_t q = seen; q > toBegin; --q)
            {
                const std::uint32_t j = cells.incidents[q - 1];
                if (times[i] - times[j] > window)
                    break;
                const double dx = static_cast<double>(xs[j]) - x, dy = static_cast<double>(ys[j]) - y;
                if (dx * dx + dy * dy <= distanceSquared)
                {
                    components.unite(i, j);
                    break;
                }
            }
        }
    }
};

/// Groups the components of at least minimumCount incidents into places, largest first, members by time.
template <class T>
RecurringPlaces collectPlaces(std::span<const T> xs, std::span<const T> ys, std::span<const std::int64_t> times,
                              std::span<const std::uint8_t> categories, const std::vector<std::uint32_t>& valid,
                              UnionFind& components, std::size_t minimumCount, double originX, double originY)
{
    std::vector<std::uint32_t> sizes(xs.size(), 0);
    for (std::uint32_t i : valid)
        ++sizes[components.find(i)];
    constexpr std::uint32_t None = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> placeOf(xs.size(), None);
    std::vector<RecurringPlace> places;
    std::vector<std::vector<std::uint32_t>> members;
    for (std::uint32_t i : valid)
    {
        const std::uint32_t root = components.find(i);
        if (sizes[root] < std::max<std::size_t>(minimumCount, 1))
            continue;
        if (placeOf[root] == None)
        {
            placeOf[root] = static_cast<std::uint32_t>(places.size());
            places.push_back({categories[i], 0, 0.0, 0.0, times[i], times[i], 0.0, 0});
            members.emplace_back().reserve(sizes[root]);
        }
        RecurringPlace& place = places[placeOf[root]];
        ++place.count;
        place.firstTime = std::min(place.firstTime, times[i]);
        place.lastTime = std::max(place.lastTime, times[i]);
        // Sums relative to an origin inside the data keep the centroid exact for coordinates in the millions.
        place.centerX += static_cast<double>(xs[i]) - originX;
        place.centerY += static_cast<double>(ys[i]) - originY;
        members[placeOf[root]].push_back(i);
    }
    for (std::size_t k = 0; k < places.size(); ++k)
    {
        RecurringPlace& place = places[k];
        place.centerX = place.centerX / place.count + originX;
        place.centerY = place.centerY / place.count + originY;
        for (std::uint32_t i : members[k])
            place.radius = std::max(place.radius, std::hypot(static_cast<double>(xs[i]) - place.centerX,
                                                             static_cast<double>(ys[i]) - place.centerY));
        std::sort(members[k].begin(), members[k].end(),
                  [times](std::uint32_t a, std::uint32_t b)
                  { return times[a] != times[b] ? times[a] < times[b] : a < b; });
    }

    std::vector<std::uint32_t> order(places.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&places](std::uint32_t a, std::uint32_t b)
              {
                  const RecurringPlace &p = places[a], &q = places[b];
                  if (p.count != q.count)
                      return p.count > q.count;
                  if (p.category != q.category)
                      return p.category < q.category;
                  return p.firstTime < q.firstTime;
              });
    RecurringPlaces result;
    result.members.reserve(std::accumulate(sizes.begin(), sizes.end(), std::size_t{0}));
    for (std::uint32_t k : order)
    {
        RecurringPlace place = places[k];
        place.memberOffset = static_cast<std::uint32_t>(result.members.size());
        result.members.insert(result.members.end(), members[k].begin(), members[k].end());
        result.places.push_back(place);
    }
    return result;
}

template <class T>
RecurringPlaces findRecurringPlaces(std::span<const T> xs, std::span<const T> ys, std::span<const std::int64_t> times,
                                    std::span<const std::uint8_t> categories, const RecurringOptions& options)
{
    const std::size_t count = xs.size();
    if (ys.size() != count || times.size() != count || categories.size() != count)
        throw std::invalid_argument("recurringPlaces: x, y, times and categories differ in size");
    if (!(options.distance > 0.0) || !std::isfinite(options.distance) || options.window < 0)
        throw std::invalid_argument("recurringPlaces: distance must be positive and finite, window not negative");
    if (count >= std::numeric_limits<std::uint32_t>::max())
        throw std::invalid_argument("recurringPlaces: too many incidents");

    std::vector<std::uint32_t> valid;
    valid.reserve(count);
    Extent extent;
    for (std::uint32_t i = 0; i < count; ++i)
    {
        const double x = xs[i], y = ys[i];
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        valid.push_back(i);
        extent.include(x, y);
    }
    if (valid.empty())
        return {};

    // Cells a little under distance / sqrt(2) wide: any two incidents of one cell are within distance of each other.
    const double cellSize = options.distance / std::sqrt(2.0) * (1.0 - 1e-9);
    if ((extent.maxX - extent.minX) / cellSize >= static_cast<double>(CellLimit - 3) ||
        (extent.maxY - extent.minY) / cellSize >= static_cast<double>(CellLimit - 3))
        throw std::invalid_argument("recurringPlaces: the extent spans too many cells of the distance");
    std::vector<std::uint64_t> keys(count, 0);
    for (std::uint32_t i : valid)
        keys[i] = cellKey(categories[i], static_cast<std::int64_t>((xs[i] - extent.minX) / cellSize),
                          static_cast<std::int64_t>((ys[i] - extent.minY) / cellSize));
    Cells cells;
    cells.incidents = valid;
    std::sort(cells.incidents.begin(), cells.incidents.end(),
              [&keys, times](std::uint32_t a, std::uint32_t b)
              {
                  if (keys[a] != keys[b])
                      return keys[a] < keys[b];
                  return times[a] != times[b] ? times[a] < times[b] : a < b;
              });
    for (std::uint32_t p = 0; p < cells.incidents.size(); ++p)
        if (p == 0 || keys[cells.incidents[p]] != keys[cells.incidents[p - 1]])
        {
            cells.keys.push_back(keys[cells.incidents[p]]);
            cells.begins.push_back(p);
        }
    cells.begins.push_back(static_cast<std::uint32_t>(cells.incidents.size()));

    // Components are the same whatever order links are made in, so the cells are visited in key order: the
    // neighbours of a cell in column c + dc (rows r - 2 .. r + 2, all within distance for cells this size) are a run
    // of keys, found by a cursor per dc that only moves forward. Each pair of incidents is linked when the later one's
    // cell looks back at the earlier one's.
    UnionFind components(count);
    const CellLinker<T> linker{xs, ys, times, cells, options.distance * options.distance, options.window, components};
    constexpr std::uint64_t Mask = CellLimit - 1;
    std::size_t cursors[5] = {0, 0, 0, 0, 0};
    for (std::size_t cell = 0; cell < cells.keys.size(); ++cell)
    {
        linker.linkOwn(cell);
        const std::uint64_t category = cells.keys[cell] >> (2 * CellBits);
        const auto column = static_cast<std::int64_t>((cells.keys[cell] >> CellBits) & Mask);
        const auto row = static_cast<std::int64_t>(cells.keys[cell] & Mask);
        for (int dc = -2; dc <= 2; ++dc)
        {
            if (column + dc < 0)
                continue;
            const std::uint64_t low = cellKey(category, column + dc, std::max<std::int64_t>(0, row - 2));
            const std::uint64_t high = cellKey(category, column + dc, row + 2);
            std::size_t& cursor = cursors[dc + 2];
            while (cursor < cells.keys.size() && cells.keys[cursor] < low)
                ++cursor;
            for (std::size_t other = cursor; other < cells.keys.size() && cells.keys[other] <= high; ++other)
                if (other != cell)
                    linker.link(cell, other);
        }
    }
    return collectPlaces(xs, ys, times, categories, valid, components, options.minimumCount, extent.minX, extent.minY);
}

std::string formatCount(double value)
{
    char text[32];
    if (value == std::floor(value) && std::abs(value) < 1e15)
        std::snprintf(text, sizeof text, "%.0f", value);
    else
        std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

} // namespace

GridAdjacency gridAdjacency(const VectorLayer& grids, const std::string& idField, double tolerance)
{
    tolerance = std::isfinite(tolerance) ? std::max(0.0, tolerance) : 0.0;
    const auto found = std::find(grids.fieldNames.begin(), grids.fieldNames.end(), idField);
    const std::ptrdiff_t field = found == grids.fieldNames.end() ? -1 : found - grids.fieldNames.begin();
    std::vector<std::int64_t> ids;
    ids.reserve(grids.features.size());
    for (std::size_t f = 0; f < grids.features.size(); ++f)
        ids.push_back(featureId(grids, f, field));

    Extent extent;
    const std::vector<Edge> edges = collectEdges(grids, tolerance, extent);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    if (!edges.empty())
    {
        const EdgeGrid grid = bucketEdges(edges, extent, tolerance);
        for (std::size_t cell = 0; cell + 1 < grid.offsets.size(); ++cell)
            for (std::uint32_t a = grid.offsets[cell]; a < grid.offsets[cell + 1]; ++a)
                for (std::uint32_t b = a + 1; b < grid.offsets[cell + 1]; ++b)
                {
                    const Edge& first = edges[grid.items[a]];
                    const Edge& second = edges[grid.items[b]];
                    if (first.owner != second.owner && shareSegment(first, second, tolerance))
                        pairs.emplace_back(std::min(first.owner, second.owner), std::max(first.owner, second.owner));
                }
    }
    return fromPairs(std::move(ids), std::move(pairs));
}

GridAdjacency adjacencyFromLists(std::vector<std::int64_t> ids, const std::vector<std::vector<std::uint32_t>>& lists)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t i = 0; i < lists.size(); ++i)
        for (std::uint32_t j : lists[i])
            pairs.emplace_back(static_cast<std::uint32_t>(i), j);
    return fromPairs(std::move(ids), std::move(pairs));
}

Confidence confidenceOf(double pValue)
{
    if (pValue <= 0.01)
        return Confidence::Percent99;
    if (pValue <= 0.05)
        return Confidence::Percent95;
    if (pValue <= 0.10)
        return Confidence::Percent90;
    return Confidence::None;
}

std::vector<GiStar> getisOrdGiStar(std::span<const double> values, const GridAdjacency& adjacency)
{
    if (values.size() != adjacency.size())
        throw std::invalid_argument("getisOrdGiStar: one value per area expected");
    double sum = 0.0, minimum = Infinity, maximum = -Infinity;
    std::size_t count = 0;
    for (double value : values)
    {
        if (!std::isfinite(value))
            continue;
        sum += value;
        minimum = std::min(minimum, value);
        maximum = std::max(maximum, value);
        ++count;
    }
    const double n = static_cast<double>(count);
    const double mean = count > 0 ? sum / n : 0.0;
    double squares = 0.0;
    for (double value : values)
        if (std::isfinite(value))
            squares += (value - mean) * (value - mean);
    // All values equal: the deviation is 0 exactly (rounding in the mean would otherwise leave a tiny one).
    const double deviation = count > 0 && maximum > minimum ? std::sqrt(squares / n) : 0.0;

    std::vector<GiStar> result(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        GiStar& gi = result[i];
        if (!std::isfinite(values[i]))
        {
            gi = {NaN, NaN, HotSpotClass::NotSignificant, NaN};
            continue;
        }
        double local = values[i], weights = 1.0;
        for (std::uint32_t j : adjacency.neighboursOf(i))
            if (std::isfinite(values[j]))
            {
                local += values[j];
                weights += 1.0;
            }
        gi.localSum = local;
        const double denominator =
            count > 1 ? deviation * std::sqrt(std::max(0.0, (n * weights - weights * weights) / (n - 1.0))) : 0.0;
        if (!(denominator > 0.0))
            continue;
        gi.z = (local - mean * weights) / denominator;
        gi.pValue = std::erfc(std::abs(gi.z) / std::sqrt(2.0));
        // HotSpotClass lists Cold99 .. Hot99 symmetrically around NotSignificant, Confidence None .. Percent99.
        const int steps = static_cast<int>(confidenceOf(gi.pValue));
        gi.hotSpotClass =
            static_cast<HotSpotClass>(static_cast<int>(HotSpotClass::NotSignificant) + (gi.z > 0 ? steps : -steps));
    }
    return result;
}

double poissonRateTest(std::int64_t current, std::int64_t before, double share, ChangeTest test)
{
    if (!(share > 0.0 && share < 1.0) || current < 0 || before < 0)
        return NaN;
    const std::int64_t n = current + before;
    if (n == 0 || (test == ChangeTest::Increase && current == 0))
        return 1.0;
    const LogBinomial binomial{n, share};
    const std::int64_t mode = binomial.mode();
    if (test == ChangeTest::Increase)
    {
        if (current >= mode)
            return std::min(1.0, std::exp(logTail(binomial, current, false)));
        // Below the mode the upper tail is large: 1 - P(X <= current - 1) loses nothing.
        return std::clamp(1.0 - std::exp(logTail(binomial, current - 1, true)), 0.0, 1.0);
    }
    if (current == mode)
        return 1.0;
    // R's binom.test: every outcome whose probability is at most the observed one's (relative slack 1e-7 for ties).
    const double threshold = binomial(current) + std::log1p(1e-7);
    double logP = -Infinity;
    if (current < mode)
    {
        logP = logTail(binomial, current, true);
        const std::int64_t first = firstWhere(mode, n, [&](std::int64_t k) { return binomial(k) <= threshold; });
        if (first <= n)
            logP = logAddExp(logP, logTail(binomial, first, false));
    }
    else
    {
        logP = logTail(binomial, current, false);
        // On [0, mode] probabilities rise: find the last k whose probability is at most the threshold.
        const std::int64_t last = firstWhere(0, mode, [&](std::int64_t k) { return binomial(k) > threshold; }) - 1;
        if (last >= 0)
            logP = logAddExp(logP, logTail(binomial, last, true));
    }
    return std::min(1.0, std::exp(logP));
}

std::vector<ChangeResult> periodChanges(std::span<const ChangeCounts> counts, const ChangeOptions& options)
{
    if (!(options.beforePeriods > 0.0) || !std::isfinite(options.beforePeriods))
        throw std::invalid_argument("periodChanges: beforePeriods must be positive");
    const double share = 1.0 / (1.0 + options.beforePeriods);
    std::vector<ChangeResult> results;
    for (const ChangeCounts& row : counts)
    {
        if (row.current + row.before <= 0)
            continue;
        ChangeResult result;
        result.areaId = row.areaId;
        result.category = row.category;
        result.current = row.current;
        result.before = row.before;
        result.expected = static_cast<double>(row.before) / options.beforePeriods;
        const auto current = static_cast<double>(row.current);
        result.ratio = result.expected > 0.0 ? current / result.expected : Infinity;
        result.direction = current > result.expected   ? ChangeDirection::Up
                           : current < result.expected ? ChangeDirection::Down
                                                       : ChangeDirection::Same;
        result.pValue = poissonRateTest(row.current, row.before, share, options.test);
        result.level = confidenceOf(result.pValue);
        results.push_back(result);
    }
    std::sort(results.begin(), results.end(),
              [](const ChangeResult& a, const ChangeResult& b)
              {
                  if (a.level != b.level)
                      return a.level > b.level;
                  const double excessA = std::abs(static_cast<double>(a.current) - a.expected);
                  const double excessB = std::abs(static_cast<double>(b.current) - b.expected);
                  if (excessA != excessB)
                      return excessA > excessB;
                  if (a.pValue != b.pValue)
                      return a.pValue < b.pValue;
                  return a.areaId != b.areaId ? a.areaId < b.areaId : a.category < b.category;
              });
    return results;
}

std::vector<ChangeCounts> tallyChangeCounts(std::span<const std::int64_t> areaIds,
                                            std::span<const std::int32_t> areaOfIncident,
                                            std::span<const std::int64_t> times,
                                            std::span<const std::uint8_t> categories, std::int64_t periodStart,
                                            std::int64_t periodSeconds, int beforePeriods, bool byCategory)
{
    if (areaOfIncident.size() != times.size() || categories.size() != times.size())
        throw std::invalid_argument("tallyChangeCounts: areaOfIncident, times and categories differ in size");
    std::size_t categoryCount = 1;
    if (byCategory)
        for (std::uint8_t category : categories)
            categoryCount = std::max<std::size_t>(categoryCount, std::size_t{category} + 1);
    std::vector<ChangeCounts> rows(areaIds.size() * categoryCount);
    for (std::size_t area = 0; area < areaIds.size(); ++area)
        for (std::size_t category = 0; category < categoryCount; ++category)
        {
            ChangeCounts& row = rows[area * categoryCount + category];
            row.areaId = areaIds[area];
            row.category = byCategory ? static_cast<int>(category) : -1;
        }
    const std::int64_t periodEnd = periodStart + periodSeconds;
    const std::int64_t beforeStart = periodStart - std::int64_t{std::max(0, beforePeriods)} * periodSeconds;
    for (std::size_t i = 0; i < times.size(); ++i)
    {
        const std::int32_t area = areaOfIncident[i];
        if (area < 0 || static_cast<std::size_t>(area) >= areaIds.size())
            continue;
        ChangeCounts& row = rows[static_cast<std::size_t>(area) * categoryCount + (byCategory ? categories[i] : 0)];
        if (times[i] >= periodStart && times[i] < periodEnd)
            ++row.current;
        else if (times[i] >= beforeStart && times[i] < periodStart)
            ++row.before;
    }
    return rows;
}

std::string describe(const ChangeResult& result, std::span<const std::string> categoryNames,
                     const std::string& areaKind)
{
    std::string text = areaKind + " " + std::to_string(result.areaId) + ":";
    if (result.category >= 0)
    {
        const auto category = static_cast<std::size_t>(result.category);
        text += " " + (category < categoryNames.size() ? categoryNames[category]
                                                       : "category " + std::to_string(result.category));
    }
    char ratio[64];
    if (result.direction == ChangeDirection::Up && std::isinf(result.ratio))
        std::snprintf(ratio, sizeof ratio, " new");
    else if (result.direction == ChangeDirection::Up)
        std::snprintf(ratio, sizeof ratio, " up %.1fx", result.ratio);
    else if (result.direction == ChangeDirection::Down)
        std::snprintf(ratio, sizeof ratio, " down to %.2fx", result.ratio);
    else
        std::snprintf(ratio, sizeof ratio, " unchanged");
    text += ratio;
    text += " (" + std::to_string(result.current) + " vs " + formatCount(result.expected) + "), ";
    switch (result.level)
    {
    case Confidence::Percent99:
        return text + "significant at 99%";
    case Confidence::Percent95:
        return text + "significant at 95%";
    case Confidence::Percent90:
        return text + "significant at 90%";
    case Confidence::None:
        break;
    }
    char p[48];
    std::snprintf(p, sizeof p, "not significant (p = %.2g)", result.pValue);
    return text + p;
}

RecurringPlaces recurringPlaces(std::span<const double> x, std::span<const double> y,
                                std::span<const std::int64_t> times, std::span<const std::uint8_t> categories,
                                const RecurringOptions& options)
{
    return findRecurringPlaces(x, y, times, categories, options);
}

RecurringPlaces recurringPlaces(std::span<const float> x, std::span<const float> y, std::span<const std::int64_t> times,
                                std::span<const std::uint8_t> categories, const RecurringOptions& options)
{
    return findRecurringPlaces(x, y, times, categories, options);
}

} // namespace citytwin::data
