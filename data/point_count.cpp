#include "point_count.hpp"

#include "gpkg_geometry.hpp"
#include "sqlite_database.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

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
    auto bounds = database.prepare("SELECT min(rowid), max(rowid) FROM " + quoted(table));
    if (!bounds)
        return bounds.error();
    if (auto stepped = bounds->step(); !stepped)
        return stepped.error();
    info.firstFid = bounds->isNull(0) ? 0 : bounds->columnInt64(0);
    info.endFid = bounds->isNull(1) ? 0 : bounds->columnInt64(1) + 1;
    return info;
}

std::size_t gpkgHeaderSize(std::string_view blob)
{
    static constexpr std::size_t EnvelopeSizes[] = {0, 32, 48, 48, 64};
    const unsigned envelope = (static_cast<unsigned char>(blob[3]) >> 1) & 0x07;
    return envelope < 5 ? 8 + EnvelopeSizes[envelope] : blob.size();
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
            const std::size_t header = gpkgHeaderSize(blob);
            if (header >= blob.size())
                return;
            OGRGeometry* geometry = nullptr;
            if (OGRGeometryFactory::createFromWkb(blob.data() + header, nullptr, &geometry, blob.size() - header) !=
                    OGRERR_NONE ||
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

/// Runs `threads` threads over the fid range of a point table in chunks; each thread opens its own read-only
/// connection and calls visit(thread, chunk, blob) for every row of the chunks it takes. The visitor is inlined.
template <class Visit>
Result<bool> scanPointBlobs(const std::string& path, const std::string& table, const TableInfo& info, int threads,
                            std::int64_t chunks, Visit visit)
{
    const std::string sql =
        "SELECT " + quoted(info.geometryColumn) + " FROM " + quoted(table) + " WHERE rowid >= ? AND rowid < ?";
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
        // Reading through a memory map spares copying every page out of the page cache (a fifth of the time).
        database->exec("PRAGMA mmap_size = " + std::to_string(MmapBytes));
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(database->handle(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        {
            errors[static_cast<std::size_t>(thread)] = database->error(ErrorCode::StoreFailed, "cannot read points");
            return;
        }
        Statement owner(raw);
        const std::int64_t span = info.endFid - info.firstFid;
        for (std::int64_t chunk = next++; chunk < chunks; chunk = next++)
        {
            owner.bind(1, info.firstFid + span * chunk / chunks).bind(2, info.firstFid + span * (chunk + 1) / chunks);
            int status = SQLITE_ROW;
            while ((status = sqlite3_step(raw)) == SQLITE_ROW)
            {
                const void* blob = sqlite3_column_blob(raw, 0);
                const auto size = static_cast<std::size_t>(sqlite3_column_bytes(raw, 0));
                visit(thread, chunk, std::string_view(static_cast<const char*>(blob), blob ? size : 0));
            }
            if (status != SQLITE_DONE)
            {
                errors[static_cast<std::size_t>(thread)] =
                    database->error(ErrorCode::StoreFailed, "cannot read points");
                return;
            }
            owner.reset();
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

std::optional<Position> decodePointBlob(std::string_view blob)
{
    // Fast path: "GP", not empty, any envelope, then little-endian WKB point (2D, Z, M or ZM).
    if (blob.size() >= 29 && blob[0] == 'G' && blob[1] == 'P' && !(static_cast<unsigned char>(blob[3]) & 0x10))
    {
        const std::size_t offset = gpkgHeaderSize(blob);
        if (offset + 21 <= blob.size() && blob[offset] == 1)
        {
            std::uint32_t type = 0;
            std::memcpy(&type, blob.data() + offset + 1, 4);
            if (type % 1000 == 1)
            {
                double xy[2];
                std::memcpy(xy, blob.data() + offset + 5, sizeof(xy));
                if (std::isnan(xy[0]) || std::isnan(xy[1]))
                    return std::nullopt;
                return Position{xy[0], xy[1], 0.0};
            }
        }
    }
    return gpkg::decodePoint(blob);
}

Result<PolygonIndex> readPolygonIndex(const std::string& projectPath, const std::string& polygonsTable,
                                      const std::string& idField)
{
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    auto rows = readPolygonRows(database.value(), polygonsTable, idField);
    if (!rows)
        return rows.error();
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
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    auto rows = readPolygonRows(database.value(), polygonsTable, idField);
    if (!rows)
        return rows.error();
    auto info = tableInfo(database.value(), pointsTable);
    if (!info)
        return info.error();

    // The index is keyed by slot (position in the sorted unique ids), so that a hit is a plain array increment.
    PolygonCounts result;
    result.ids = rows->ids;
    std::sort(result.ids.begin(), result.ids.end());
    result.ids.erase(std::unique(result.ids.begin(), result.ids.end()), result.ids.end());
    PolygonIndex index;
    for (std::size_t i = 0; i < rows->ids.size(); ++i)
    {
        const auto slot = std::lower_bound(result.ids.begin(), result.ids.end(), rows->ids[i]) - result.ids.begin();
        for (const Polygon& polygon : rows->polygons[i])
            index.add(slot, polygon);
    }
    index.build();

    // Per thread: one counter per slot, then outside, then unreadable.
    const std::size_t slots = result.ids.size();
    std::vector<std::vector<std::uint64_t>> perThread(static_cast<std::size_t>(threads),
                                                      std::vector<std::uint64_t>(slots + 2, 0));
    auto scanned = scanPointBlobs(projectPath, pointsTable, info.value(), threads, ChunksPerThread * threads,
                                  [&](int thread, std::int64_t, std::string_view blob)
                                  {
                                      std::vector<std::uint64_t>& counts = perThread[static_cast<std::size_t>(thread)];
                                      const auto point = decodePointBlob(blob);
                                      if (!point)
                                      {
                                          ++counts[slots + 1];
                                          return;
                                      }
                                      const auto slot = index.find(point->x, point->y);
                                      ++counts[slot ? static_cast<std::size_t>(*slot) : slots];
                                  });
    if (!scanned)
        return scanned.error();
    result.counts.assign(slots, 0);
    for (const auto& counts : perThread)
    {
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
                                      if (const auto point = decodePointBlob(blob))
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
