#include "data/analysis/gpkg_records.hpp"

#include "data/io/gpkg_geometry.hpp"
#include "data/io/sqlite_database.hpp"

#include <cmath>
#include <functional>
#include <initializer_list>
#include <cstdint>
#include <cstring>

namespace citytwin::data
{
namespace
{
/// Reads WKB numbers in the blob's byte order, bounds-checked.
class WkbReader
{
public:
    explicit WkbReader(std::string_view bytes) : mBytes(bytes) {}

    bool byteOrder()
    {
        if (mOffset >= mBytes.size())
            return false;
        mLittle = mBytes[mOffset++] == 1;
        return true;
    }
    bool uint32(std::uint32_t& value)
    {
        if (mOffset + 4 > mBytes.size())
            return false;
        std::uint8_t b[4];
        std::memcpy(b, mBytes.data() + mOffset, 4);
        mOffset += 4;
        value = mLittle ? (b[0] | b[1] << 8 | b[2] << 16 | static_cast<std::uint32_t>(b[3]) << 24)
                        : (b[3] | b[2] << 8 | b[1] << 16 | static_cast<std::uint32_t>(b[0]) << 24);
        return true;
    }
    bool float64(double& value)
    {
        if (mOffset + 8 > mBytes.size())
            return false;
        std::uint8_t b[8];
        std::memcpy(b, mBytes.data() + mOffset, 8);
        mOffset += 8;
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= static_cast<std::uint64_t>(b[mLittle ? i : 7 - i]) << (8 * i);
        std::memcpy(&value, &bits, 8);
        return true;
    }
    bool skip(std::size_t bytes)
    {
        if (mOffset + bytes > mBytes.size())
            return false;
        mOffset += bytes;
        return true;
    }

private:
    std::string_view mBytes;
    std::size_t mOffset = 0;
    bool mLittle = true;
};

/// Splits a WKB type into the base type (3 polygon, 6 multipolygon) and the number of ordinates per point.
void decodeType(std::uint32_t type, std::uint32_t& base, int& dimensions)
{
    const bool isoZ = (type % 10000) / 1000 == 1 || (type % 10000) / 1000 == 3;
    const bool isoM = (type % 10000) / 1000 == 2 || (type % 10000) / 1000 == 3;
    const bool ewkbZ = (type & 0x80000000u) != 0, ewkbM = (type & 0x40000000u) != 0;
    base = (type & 0x0FFFFFFFu) % 1000;
    dimensions = 2 + ((isoZ || ewkbZ) ? 1 : 0) + ((isoM || ewkbM) ? 1 : 0);
}

/// Adds one polygon's rings (outer positive, holes negative) to the area-weighted sums.
bool addPolygon(WkbReader& reader, int dimensions, double& sumArea, double& sumX, double& sumY)
{
    std::uint32_t rings = 0;
    if (!reader.uint32(rings))
        return false;
    for (std::uint32_t r = 0; r < rings; ++r)
    {
        std::uint32_t points = 0;
        if (!reader.uint32(points))
            return false;
        double twiceArea = 0.0, cx = 0.0, cy = 0.0, firstX = 0.0, firstY = 0.0, previousX = 0.0, previousY = 0.0;
        for (std::uint32_t p = 0; p < points; ++p)
        {
            double x = 0.0, y = 0.0;
            if (!reader.float64(x) || !reader.float64(y) || !reader.skip(8 * static_cast<std::size_t>(dimensions - 2)))
                return false;
            if (p == 0)
            {
                firstX = x;
                firstY = y;
            }
            else
            {
                // Relative to the first point: no loss of precision with large projected coordinates.
                const double ax = previousX - firstX, ay = previousY - firstY, bx = x - firstX, by = y - firstY;
                const double cross = ax * by - bx * ay;
                twiceArea += cross;
                cx += (ax + bx) * cross;
                cy += (ay + by) * cross;
            }
            previousX = x;
            previousY = y;
        }
        if (twiceArea == 0.0)
            continue;
        const double area = std::abs(twiceArea) / 2.0;
        const double ringX = firstX + cx / (3.0 * twiceArea), ringY = firstY + cy / (3.0 * twiceArea);
        const double sign = r == 0 ? 1.0 : -1.0;
        sumArea += sign * area;
        sumX += sign * area * ringX;
        sumY += sign * area * ringY;
    }
    return true;
}

/// Returns the index of a column in a table, or -1.
int columnOf(Database& database, const std::string& table, const std::string& column)
{
    auto query = database.prepare("SELECT cid FROM pragma_table_info(?) WHERE name = ?");
    if (!query)
        return -1;
    query->bind(1, table).bind(2, column);
    auto row = query->step();
    return row && row.value() ? static_cast<int>(query->columnInt64(0)) : -1;
}

/// "column" when the table has it, else the given default SQL value.
std::string columnOr(Database& database, const std::string& table, const std::string& column, const char* fallback)
{
    return columnOf(database, table, column) >= 0 ? "\"" + column + "\"" : std::string(fallback);
}

Result<std::string> geometryColumn(Database& database, const std::string& table)
{
    auto query = database.prepare("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?");
    if (!query)
        return query.error();
    query->bind(1, table);
    auto row = query->step();
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::NotVector, "no feature table " + table, database.path()};
    return query->columnText(0);
}

/// A column to read: its name, or the SQL value to read instead when the table lacks it.
struct Column
{
    const char* name;
    const char* fallback;
};

/// Reads the given columns and then the geometry blob of every row of a feature table (which must have the
/// required field), calling onRow for each.
Result<bool> forEachTableRow(const std::string& projectPath, const std::string& table, const std::string& required,
                             std::initializer_list<Column> columns, const std::function<void(const Statement&)>& onRow)
{
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    auto geometry = geometryColumn(*database, table);
    if (!geometry)
        return geometry.error();
    if (columnOf(*database, table, required) < 0)
        return Error{ErrorCode::InvalidArgument, table + " has no " + required + " field", projectPath};
    std::string sql = "SELECT ";
    for (const Column& column : columns)
        sql += columnOr(*database, table, column.name, column.fallback) + ", ";
    sql += "\"" + *geometry + "\" FROM \"" + table + "\"";
    auto query = database->prepare(sql);
    if (!query)
        return query.error();
    return query->forEachRow(onRow);
}
} // namespace

bool polygonCentroid(std::string_view blob, double& x, double& y, double& area)
{
    const auto wkb = gpkg::wkbOf(blob);
    if (!wkb || wkb->empty())
        return false; // not a GeoPackage geometry, or an empty one
    WkbReader reader(*wkb);
    std::uint32_t type = 0, base = 0;
    int dimensions = 2;
    if (!reader.byteOrder() || !reader.uint32(type))
        return false;
    decodeType(type, base, dimensions);
    double sumArea = 0.0, sumX = 0.0, sumY = 0.0;
    if (base == 3)
    {
        if (!addPolygon(reader, dimensions, sumArea, sumX, sumY))
            return false;
    }
    else if (base == 6)
    {
        std::uint32_t parts = 0;
        if (!reader.uint32(parts))
            return false;
        for (std::uint32_t p = 0; p < parts; ++p)
        {
            std::uint32_t partType = 0, partBase = 0;
            int partDimensions = 2;
            if (!reader.byteOrder() || !reader.uint32(partType))
                return false;
            decodeType(partType, partBase, partDimensions);
            if (partBase != 3 || !addPolygon(reader, partDimensions, sumArea, sumX, sumY))
                return false;
        }
    }
    else
        return false;
    if (!(sumArea > 0.0))
        return false;
    x = sumX / sumArea;
    y = sumY / sumArea;
    area = sumArea;
    return true;
}

Result<std::vector<BuildingRecord>> readBuildingRecords(const std::string& projectPath, const std::string& table)
{
    std::vector<BuildingRecord> records;
    auto read = forEachTableRow(projectPath, table, "id",
                                {{"id", "-1"},
                                 {"grid_id", "-1"},
                                 {"community_id", "-1"},
                                 {"households", "0"},
                                 {"population", "0"},
                                 {"elderly", "0"},
                                 {"children", "0"}},
                                [&records](const Statement& row)
                                {
                                    BuildingRecord record;
                                    record.id = row.isNull(0) ? -1 : row.columnInt64(0);
                                    record.gridId = row.isNull(1) ? -1 : row.columnInt64(1);
                                    record.communityId = row.isNull(2) ? -1 : row.columnInt64(2);
                                    record.households = row.columnInt64(3);
                                    record.population = row.columnInt64(4);
                                    record.elderly = row.columnInt64(5);
                                    record.children = row.columnInt64(6);
                                    if (!polygonCentroid(row.columnBlob(7), record.x, record.y, record.footprintArea))
                                    {
                                        // A point or an unreadable footprint: its point, or its envelope's centre.
                                        if (const auto point = gpkg::decodePoint(row.columnBlob(7)))
                                        {
                                            record.x = point->x;
                                            record.y = point->y;
                                        }
                                        else if (const auto box = gpkg::envelope(row.columnBlob(7)))
                                        {
                                            record.x = box->centerX();
                                            record.y = box->centerY();
                                        }
                                        else
                                            return;
                                    }
                                    records.push_back(record);
                                });
    if (!read)
        return read.error();
    return records;
}

Result<std::vector<StationRecord>> readStationRecords(const std::string& projectPath, const std::string& table)
{
    std::vector<StationRecord> records;
    auto read = forEachTableRow(
        projectPath, table, "kind",
        {{"id", "-1"}, {"kind", "''"}, {"community_id", "-1"}, {"capacity", "0"}, {"daily_visits", "0"}},
        [&records](const Statement& row)
        {
            const auto point = gpkg::decodePoint(row.columnBlob(5));
            if (!point)
                return;
            StationRecord record;
            record.id = row.isNull(0) ? -1 : row.columnInt64(0);
            record.kind = row.columnText(1);
            record.communityId = row.isNull(2) ? -1 : row.columnInt64(2);
            record.capacity = row.columnDouble(3);
            record.dailyVisits = row.columnDouble(4);
            record.x = point->x;
            record.y = point->y;
            records.push_back(std::move(record));
        });
    if (!read)
        return read.error();
    return records;
}

} // namespace citytwin::data
