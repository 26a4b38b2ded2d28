#include "data/analysis/gpkg_records.hpp"

#include "data/geo/planar_geometry.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/io/sqlite_database.hpp"

#include <cmath>
#include <functional>
#include <initializer_list>
#include <cstdint>

namespace citytwin::data
{
namespace
{
/// Adds one polygon's rings (outer positive, holes negative) to the area-weighted sums.
bool addPolygon(gpkg::WkbReader& reader, std::uint32_t dimensions, double& sumArea, double& sumX, double& sumY)
{
    std::uint32_t rings = 0;
    if (!reader.readUint(rings))
        return false;
    for (std::uint32_t r = 0; r < rings; ++r)
    {
        std::uint32_t points = 0;
        if (!reader.readUint(points))
            return false;
        // WKB rings repeat their first point: the fan from it covers every edge. Relative to the first point: no
        // loss of precision with large projected coordinates.
        RingSums sums;
        double firstX = 0.0, firstY = 0.0, previousX = 0.0, previousY = 0.0;
        for (std::uint32_t p = 0; p < points; ++p)
        {
            double x = 0.0, y = 0.0;
            if (!reader.readPoint(dimensions, x, y))
                return false;
            if (p == 0)
            {
                firstX = x;
                firstY = y;
            }
            else
                sums.addEdge(previousX - firstX, previousY - firstY, x - firstX, y - firstY);
            previousX = x;
            previousY = y;
        }
        if (sums.twiceArea == 0.0)
            continue;
        const double area = std::abs(sums.twiceArea) / 2.0;
        const Position center = sums.centroid(firstX, firstY);
        const double sign = r == 0 ? 1.0 : -1.0;
        sumArea += sign * area;
        sumX += sign * area * center.x;
        sumY += sign * area * center.y;
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
    gpkg::WkbReader reader(*wkb);
    gpkg::WkbType type;
    if (!reader.readType(type))
        return false;
    double sumArea = 0.0, sumX = 0.0, sumY = 0.0;
    if (type.base == 3)
    {
        if (!addPolygon(reader, type.dimensions, sumArea, sumX, sumY))
            return false;
    }
    else if (type.base == 6)
    {
        std::uint32_t parts = 0;
        if (!reader.readUint(parts))
            return false;
        for (std::uint32_t p = 0; p < parts; ++p)
        {
            gpkg::WkbType part;
            if (!reader.readType(part) || part.base != 3 || !addPolygon(reader, part.dimensions, sumArea, sumX, sumY))
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
    namespace buildings = schema::buildings;
    auto read = forEachTableRow(projectPath, table, buildings::Id,
                                {{buildings::Id, "-1"},
                                 {buildings::GridId, "-1"},
                                 {buildings::CommunityId, "-1"},
                                 {buildings::Households, "0"},
                                 {buildings::Population, "0"},
                                 {buildings::Elderly, "0"},
                                 {buildings::Children, "0"}},
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
    namespace stations = schema::stations;
    std::vector<StationRecord> records;
    auto read = forEachTableRow(projectPath, table, stations::Kind,
                                {{stations::Id, "-1"},
                                 {stations::Kind, "''"},
                                 {stations::CommunityId, "-1"},
                                 {stations::Capacity, "0"},
                                 {stations::DailyVisits, "0"}},
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
