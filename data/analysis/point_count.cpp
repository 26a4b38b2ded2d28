#include "data/analysis/point_count.hpp"

#include "data/geo/planar_geometry.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/io/sqlite_database.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

#include <ogr_geometry.h>
#include <sqlite3.h>

namespace citytwin::data
{
namespace
{
/// Chunks per thread: small enough to balance uneven fid ranges, large enough that rebinding costs nothing.
constexpr std::int64_t ChunksPerThread = 8;
/// The memory map SQLite may use per connection (address space only; pages stay in the shared page cache).
constexpr std::int64_t MmapBytes = std::int64_t{1} << 36;

std::string quoted(const std::string& identifier)
{
    std::string text = "\"";
    for (char c : identifier)
        text += c == '"' ? std::string("\"\"") : std::string(1, c);
    return text + "\"";
}

/// The geometry column and fid range of a GeoPackage feature table.
struct TableInfo
{
    std::string geometryColumn;
    std::int64_t firstFid = 0;
    std::int64_t endFid = 0;
};

Result<TableInfo> tableInfo(Database& database, const std::string& table)
{
    auto column = database.prepare("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?");
    if (!column)
        return column.error();
    column->bind(1, table);
    auto row = column->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::InvalidArgument, "no GeoPackage feature table named '" + table + "'", database.path()};
    TableInfo info;
    info.geometryColumn = column->columnText(0);
    // Two subqueries: SQLite answers a lone min() or max() of the rowid from the b-tree's ends, but scans the whole
    // table for "min(rowid), max(rowid)".
    auto bounds = database.prepare("SELECT (SELECT min(rowid) FROM " + quoted(table) + "), (SELECT max(rowid) FROM " +
                                   quoted(table) + ")");
    if (!bounds)
        return bounds.error();
    if (auto stepped = bounds->step(); !stepped)
        return stepped.error();
    info.firstFid = bounds->isNull(0) ? 0 : bounds->columnInt64(0);
    info.endFid = bounds->isNull(1) ? 0 : bounds->columnInt64(1) + 1;
    return info;
}

/// Appends the polygons of an OGR geometry (polygon, multipolygon, curved or not) as data::Polygons.
void appendPolygons(const OGRGeometry& geometry, std::vector<Polygon>& polygons)
{
    if (geometry.hasCurveGeometry())
    {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear)
            appendPolygons(*linear, polygons);
        return;
    }
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon)
    {
        Polygon polygon;
        for (const OGRLinearRing* ring : *geometry.toPolygon())
        {
            Ring points;
            for (const OGRPoint& point : *ring)
                points.push_back({point.getX(), point.getY(), 0.0});
            // OGR rings repeat the first point at the end; data::Polygon rings do not.
            if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y)
                points.pop_back();
            if (points.size() >= 3)
                polygon.rings.push_back(std::move(points));
        }
        if (!polygon.rings.empty())
            polygons.push_back(std::move(polygon));
    }
    else if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection))
    {
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            appendPolygons(*part, polygons);
    }
}

/// The polygons of a table, one entry per feature with a readable (multi)polygon.
struct PolygonRows
{
    std::vector<std::int64_t> ids;
    std::vector<std::vector<Polygon>> polygons;
};

/// True when the table has the column (SQLite would take an unknown double-quoted name for a string literal).
bool hasColumn(Database& database, const std::string& table, const std::string& column)
{
    auto statement = database.prepare("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    if (!statement)
        return false;
    statement->bind(1, table).bind(2, column);
    auto row = statement->step();
    return row.ok() && row.value() && statement->columnInt64(0) > 0;
}

Result<PolygonRows> readPolygonRows(Database& database, const std::string& table, const std::string& idField)
{
    auto info = tableInfo(database, table);
    if (!info)
        return info.error();
    if (!hasColumn(database, table, idField))
        return Error{ErrorCode::InvalidArgument, "table '" + table + "' has no field '" + idField + "'",
                     database.path()};
    auto statement = database.prepare("SELECT rowid, " + quoted(idField) + ", " + quoted(info->geometryColumn) +
                                      " FROM " + quoted(table));
    if (!statement)
        return statement.error();
    PolygonRows rows;
    auto listed = statement->forEachRow(
        [&rows](const Statement& row)
        {
            const std::string_view blob = row.columnBlob(2);
            if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P')
                return;
            const auto wkb = gpkg::wkbOf(blob);
            if (!wkb || wkb->empty())
                return;
            OGRGeometry* geometry = nullptr;
            if (OGRGeometryFactory::createFromWkb(wkb->data(), nullptr, &geometry, wkb->size()) != OGRERR_NONE ||
                !geometry)
                return;
            std::unique_ptr<OGRGeometry> owned(geometry);
            std::vector<Polygon> polygons;
            appendPolygons(*owned, polygons);
            if (polygons.empty())
                return;
            rows.ids.push_back(row.isNull(1) ? row.columnInt64(0) : row.columnInt64(1));
            rows.polygons.push_back(std::move(polygons));
        });
    if (!listed)
        return listed.error();
    return rows;
}

/// Points collected for one batched lookup.
struct PointBatch
{
    static constexpr std::size_t Capacity = 32;
    double x[Capacity];
    double y[Capacity];
    std::size_t size = 0;

    /// Adds a point; true when the batch is full.
    bool add(double px, double py)
    {
        x[size] = px;
        y[size] = py;
        return ++size == Capacity;
    }
};

/// A raster over the polygons whose cells either lie wholly inside one polygon or outside all of them, so that a
/// point there needs no polygon test, or lie near an edge ("mixed"): only those points go to the PolygonIndex.
/// It answers exactly as the index does: a cell is only trusted when no edge comes within a small margin of it, so
/// every point that falls in it (rounding included) is on the same side of every edge as the cell's centre.
class CellLookup
{
public:
    CellLookup(const PolygonIndex& index, const std::vector<std::vector<const Polygon*>>& polygonsPerSlot)
        : mIndex(index)
    {
        const Extent& extent = index.extent();
        if (!extent.isValid() || polygonsPerSlot.empty())
            return;
        // About CellsPerPolygon cells per polygon, two bytes each: small enough to stay in the L2 cache.
        const double width = extent.maxX - extent.minX, height = extent.maxY - extent.minY;
        mCellSize = std::sqrt(std::max(width * height, 1e-12) /
                              (CellsPerPolygon * static_cast<double>(polygonsPerSlot.size())));
        mColumns = static_cast<int>(std::ceil(width / mCellSize)) + 1;
        mRows = static_cast<int>(std::ceil(height / mCellSize)) + 1;
        if (static_cast<double>(mColumns) * mRows > 64e6 || polygonsPerSlot.size() >= Mixed - 1)
            return; // a degenerate extent or too many polygons for two-byte cells: the index alone
        mMinX = extent.minX;
        mMinY = extent.minY;
        mCells.assign(static_cast<std::size_t>(mColumns) * mRows, None);
        const double margin = 1e-9 * (std::abs(extent.maxX) + std::abs(extent.maxY) + width + height);
        for (const auto& polygons : polygonsPerSlot)
            for (const Polygon* polygon : polygons)
                markEdges(*polygon, margin);
        for (std::size_t slot = 0; slot < polygonsPerSlot.size(); ++slot)
            for (const Polygon* polygon : polygonsPerSlot[slot])
                fill(*polygon, static_cast<std::uint16_t>(slot));
    }

    /// Returns the slot of the polygon containing (x, y), as PolygonIndex::find does.
    std::optional<std::int64_t> find(double x, double y) const
    {
        const std::size_t index = cellOf(x, y);
        const std::uint16_t cell = index == Outside ? Mixed : mCells[index];
        if (cell == None)
            return std::nullopt;
        return cell != Mixed ? std::optional<std::int64_t>(cell) : mIndex.find(x, y);
    }

    /// Calls onResult(find(x, y)) for each point of the batch, in order, after prefetching all their cells (random
    /// points miss the cache one after the other otherwise); empties the batch.
    template <class OnResult> void findBatch(PointBatch& batch, OnResult onResult) const
    {
        std::size_t cells[PointBatch::Capacity];
        for (std::size_t i = 0; i < batch.size; ++i)
        {
            cells[i] = cellOf(batch.x[i], batch.y[i]);
            if (cells[i] != Outside)
                __builtin_prefetch(&mCells[cells[i]]);
        }
        for (std::size_t i = 0; i < batch.size; ++i)
        {
            const std::uint16_t cell = cells[i] == Outside ? Mixed : mCells[cells[i]];
            onResult(cell == None    ? std::nullopt
                     : cell != Mixed ? std::optional<std::int64_t>(cell)
                                     : mIndex.find(batch.x[i], batch.y[i]));
        }
        batch.size = 0;
    }

private:
    static constexpr std::size_t Outside = static_cast<std::size_t>(-1);

    /// Returns the index of the cell holding (x, y), or Outside.
    std::size_t cellOf(double x, double y) const
    {
        const double column = (x - mMinX) / mCellSize, row = (y - mMinY) / mCellSize;
        if (column >= 0.0 && row >= 0.0 && column < mColumns && row < mRows && !mCells.empty())
            return static_cast<std::size_t>(row) * static_cast<std::size_t>(mColumns) +
                   static_cast<std::size_t>(column);
        return Outside;
    }

    static constexpr double CellsPerPolygon = 128.0;
    static constexpr std::uint16_t None = 0xFFFE;
    static constexpr std::uint16_t Mixed = 0xFFFF;

    /// Marks every cell within margin of an edge as mixed: each edge is cut into pieces no longer than a cell and
    /// each piece marks the cells its (widened) box touches.
    void markEdges(const Polygon& polygon, double margin)
    {
        for (const Ring& ring : polygon.rings)
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            {
                const Position& a = ring[j];
                const Position& b = ring[i];
                const int pieces = 1 + static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / mCellSize);
                for (int k = 0; k < pieces; ++k)
                {
                    const double t0 = static_cast<double>(k) / pieces, t1 = static_cast<double>(k + 1) / pieces;
                    const double x0 = a.x + (b.x - a.x) * t0, x1 = a.x + (b.x - a.x) * t1;
                    const double y0 = a.y + (b.y - a.y) * t0, y1 = a.y + (b.y - a.y) * t1;
                    markBox(std::min(x0, x1) - margin, std::min(y0, y1) - margin, std::max(x0, x1) + margin,
                            std::max(y0, y1) + margin);
                }
            }
    }

    void markBox(double minX, double minY, double maxX, double maxY)
    {
        const auto index = [this](double value, double origin, int count)
        { return std::clamp(static_cast<int>(std::floor((value - origin) / mCellSize)), 0, count - 1); };
        for (int r = index(minY, mMinY, mRows); r <= index(maxY, mMinY, mRows); ++r)
            for (int c = index(minX, mMinX, mColumns); c <= index(maxX, mMinX, mColumns); ++c)
                mCells[static_cast<std::size_t>(r) * mColumns + c] = Mixed;
    }

    /// Gives the polygon's slot to the unmixed cells whose centre it contains (even-odd scanlines over all rings,
    /// as the index's crossing test); a cell that two polygons claim (overlapping polygons) is left to the index.
    void fill(const Polygon& polygon, std::uint16_t slot)
    {
        Extent box;
        for (const Position& p : polygon.rings.front())
            box.include(p.x, p.y);
        const int r0 = std::max(0, static_cast<int>(std::floor((box.minY - mMinY) / mCellSize)));
        const int r1 = std::min(mRows - 1, static_cast<int>(std::floor((box.maxY - mMinY) / mCellSize)));
        std::vector<double> crossings;
        for (int r = r0; r <= r1; ++r)
        {
            const double y = mMinY + (r + 0.5) * mCellSize;
            crossings.clear();
            for (const Ring& ring : polygon.rings)
                for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
                    if ((ring[i].y > y) != (ring[j].y > y))
                        crossings.push_back(edgeCrossingX(y, ring[i].x, ring[i].y, ring[j].x, ring[j].y));
            std::sort(crossings.begin(), crossings.end());
            for (std::size_t k = 0; k + 1 < crossings.size(); k += 2)
            {
                // Cells whose centre x lies in [crossings[k], crossings[k + 1]).
                const int c0 = std::max(0, static_cast<int>(std::ceil((crossings[k] - mMinX) / mCellSize - 0.5)));
                const int c1 = std::min(mColumns - 1,
                                        static_cast<int>(std::ceil((crossings[k + 1] - mMinX) / mCellSize - 0.5)) - 1);
                for (int c = c0; c <= c1; ++c)
                {
                    std::uint16_t& cell = mCells[static_cast<std::size_t>(r) * mColumns + c];
                    cell = cell == None ? slot : Mixed;
                }
            }
        }
    }

    const PolygonIndex& mIndex;
    std::vector<std::uint16_t> mCells;
    double mMinX = 0.0;
    double mMinY = 0.0;
    double mCellSize = 1.0;
    int mColumns = 0;
    int mRows = 0;
};

/// What the SQL visitor function needs: the visitor, the thread and the chunk being read.
template <class Visit> struct VisitContext
{
    Visit* visit = nullptr;
    int thread = 0;
    std::int64_t chunk = 0;
};

/// The step of the aggregate SQL function citytwin_visit(blob): hands each row's blob to the visitor without
/// returning to the caller per row (a third less work per point than stepping through result rows).
template <class Visit> void visitStep(sqlite3_context* context, int, sqlite3_value** arguments)
{
    const auto* visiting = static_cast<const VisitContext<Visit>*>(sqlite3_user_data(context));
    const void* blob = sqlite3_value_blob(arguments[0]);
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(arguments[0]));
    (*visiting->visit)(visiting->thread, visiting->chunk,
                       std::string_view(static_cast<const char*>(blob), blob ? size : 0));
}

void visitFinal(sqlite3_context* context)
{
    sqlite3_result_null(context);
}

/// Runs `threads` threads over the fid range of a point table in chunks; each thread opens its own read-only
/// connection and calls visit(thread, chunk, blob) for every row of the chunks it takes, from inside SQLite
/// (through an aggregate function registered on its connection).
template <class Visit>
Result<bool> scanPointBlobs(const std::string& path, const std::string& table, const TableInfo& info, int threads,
                            std::int64_t chunks, Visit visit)
{
    const std::string sql = "SELECT citytwin_visit(" + quoted(info.geometryColumn) + ") FROM " + quoted(table) +
                            " WHERE rowid >= ? AND rowid < ?";
    std::atomic<std::int64_t> next{0};
    std::vector<std::optional<Error>> errors(static_cast<std::size_t>(threads));
    auto work = [&](int thread)
    {
        auto database = Database::open(path, Database::Mode::ReadOnly);
        if (!database)
        {
            errors[static_cast<std::size_t>(thread)] = database.error();
            return;
        }
        // Reading through a memory map spares copying every page out of the page cache.
        database->tune("PRAGMA mmap_size = " + std::to_string(MmapBytes));
        VisitContext<Visit> context{&visit, thread, 0};
        sqlite3_create_function_v2(database->handle(), "citytwin_visit", 1, SQLITE_UTF8, &context, nullptr,
                                   visitStep<Visit>, visitFinal, nullptr);
        auto statement = database->prepare(sql);
        if (!statement)
        {
            errors[static_cast<std::size_t>(thread)] = statement.error();
            return;
        }
        const std::int64_t span = info.endFid - info.firstFid;
        for (std::int64_t chunk = next++; chunk < chunks; chunk = next++)
        {
            context.chunk = chunk;
            statement->bind(1, info.firstFid + span * chunk / chunks)
                .bind(2, info.firstFid + span * (chunk + 1) / chunks);
            if (auto done = statement->run(); !done)
            {
                errors[static_cast<std::size_t>(thread)] = done.error();
                return;
            }
        }
    };
    {
        std::vector<std::jthread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(work, t);
        work(0);
    }
    for (const auto& error : errors)
        if (error)
            return *error;
    return true;
}
} // namespace

std::uint64_t PolygonCounts::countOf(std::int64_t id) const
{
    const auto found = std::lower_bound(ids.begin(), ids.end(), id);
    return found != ids.end() && *found == id ? counts[static_cast<std::size_t>(found - ids.begin())] : 0;
}

/// A project opened read-only with the polygons of one of its tables (the connection reads its points next).
struct ProjectPolygons
{
    Database database;
    PolygonRows rows;
};

Result<ProjectPolygons> openWithPolygons(const std::string& projectPath, const std::string& polygonsTable,
                                         const std::string& idField)
{
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    auto rows = readPolygonRows(database.value(), polygonsTable, idField);
    if (!rows)
        return rows.error();
    return ProjectPolygons{std::move(database.value()), std::move(rows.value())};
}

Result<PolygonIndex> readPolygonIndex(const std::string& projectPath, const std::string& polygonsTable,
                                      const std::string& idField)
{
    auto project = openWithPolygons(projectPath, polygonsTable, idField);
    if (!project)
        return project.error();
    const PolygonRows* rows = &project->rows;
    PolygonIndex index;
    for (std::size_t i = 0; i < rows->ids.size(); ++i)
        for (const Polygon& polygon : rows->polygons[i])
            index.add(rows->ids[i], polygon);
    index.build();
    return index;
}

Result<PolygonCounts> countPointsInPolygons(const std::string& projectPath, const std::string& pointsTable,
                                            const std::string& polygonsTable, const std::string& idField, int threads)
{
    threads = std::max(1, threads);
    auto project = openWithPolygons(projectPath, polygonsTable, idField);
    if (!project)
        return project.error();
    const PolygonRows* rows = &project->rows;
    auto info = tableInfo(project->database, pointsTable);
    if (!info)
        return info.error();

    // The index is keyed by slot (position in the sorted unique ids), so that a hit is a plain array increment.
    PolygonCounts result;
    result.ids = rows->ids;
    std::sort(result.ids.begin(), result.ids.end());
    result.ids.erase(std::unique(result.ids.begin(), result.ids.end()), result.ids.end());
    PolygonIndex index;
    std::vector<std::vector<const Polygon*>> polygonsPerSlot(result.ids.size());
    for (std::size_t i = 0; i < rows->ids.size(); ++i)
    {
        const auto slot = std::lower_bound(result.ids.begin(), result.ids.end(), rows->ids[i]) - result.ids.begin();
        for (const Polygon& polygon : rows->polygons[i])
        {
            index.add(slot, polygon);
            polygonsPerSlot[static_cast<std::size_t>(slot)].push_back(&polygon);
        }
    }
    index.build();
    const CellLookup lookup(index, polygonsPerSlot);

    // Per thread: one counter per slot, then outside, then unreadable; and a batch of points, looked up together
    // so that their cells are fetched from memory in parallel.
    const std::size_t slots = result.ids.size();
    struct ThreadState
    {
        std::vector<std::uint64_t> counts;
        PointBatch batch;
    };
    std::vector<ThreadState> perThread(static_cast<std::size_t>(threads));
    for (ThreadState& state : perThread)
        state.counts.assign(slots + 2, 0);
    const auto flush = [&](ThreadState& state)
    {
        lookup.findBatch(state.batch, [&state, slots](std::optional<std::int64_t> slot)
                         { ++state.counts[slot ? static_cast<std::size_t>(*slot) : slots]; });
    };
    auto scanned = scanPointBlobs(projectPath, pointsTable, info.value(), threads, ChunksPerThread * threads,
                                  [&](int thread, std::int64_t, std::string_view blob)
                                  {
                                      ThreadState& state = perThread[static_cast<std::size_t>(thread)];
                                      const auto point = gpkg::decodePoint(blob);
                                      if (!point)
                                          ++state.counts[slots + 1];
                                      else if (state.batch.add(point->x, point->y))
                                          flush(state);
                                  });
    for (ThreadState& state : perThread)
        flush(state);
    if (!scanned)
        return scanned.error();
    result.counts.assign(slots, 0);
    for (const ThreadState& state : perThread)
    {
        const std::vector<std::uint64_t>& counts = state.counts;
        for (std::size_t s = 0; s < slots; ++s)
            result.counts[s] += counts[s];
        result.outside += counts[slots];
        result.unreadable += counts[slots + 1];
    }
    for (std::uint64_t count : result.counts)
        result.points += count;
    result.points += result.outside;
    return result;
}

Result<std::vector<Position>> readPoints(const std::string& projectPath, const std::string& pointsTable)
{
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    auto info = tableInfo(database.value(), pointsTable);
    if (!info)
        return info.error();
    constexpr int Threads = 2;
    const std::int64_t chunks = ChunksPerThread * Threads;
    std::vector<std::vector<Position>> parts(static_cast<std::size_t>(chunks));
    auto scanned = scanPointBlobs(projectPath, pointsTable, info.value(), Threads, chunks,
                                  [&parts](int, std::int64_t chunk, std::string_view blob)
                                  {
                                      if (const auto point = gpkg::decodePoint(blob))
                                          parts[static_cast<std::size_t>(chunk)].push_back(*point);
                                  });
    if (!scanned)
        return scanned.error();
    std::size_t total = 0;
    for (const auto& part : parts)
        total += part.size();
    std::vector<Position> points;
    points.reserve(total);
    for (auto& part : parts)
    {
        points.insert(points.end(), part.begin(), part.end());
        std::vector<Position>().swap(part);
    }
    return points;
}

} // namespace citytwin::data
