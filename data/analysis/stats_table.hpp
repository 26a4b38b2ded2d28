#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/project/schema.hpp"

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace citytwin::data
{

/// One result table of an analysis, as `citytwin stats` writes it and the app shows it: named columns, the
/// first being the area id (`grid_id`, `community_id`, ...), one row per area or item.
struct StatsTable
{
    /// A cell: empty (no value, written as an empty CSV field / JSON null), an integer, a number or text.
    using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;

    /// Returns the index of a column, or -1.
    int columnIndex(const std::string& name) const;
    /// Returns a cell as a number (integers and numbers; NaN for empty cells and text).
    static double number(const Value& value);
    /// Returns a cell as text ("" for empty cells; numbers with up to 6 significant decimals, no exponent).
    static std::string text(const Value& value);
};

/// Makes a number cell, or an empty one for NaN / infinity (a median of nothing).
inline StatsTable::Value numberOrEmpty(double value)
{
    return std::isfinite(value) ? StatsTable::Value(value) : StatsTable::Value();
}

/// Writes CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or newline), UTF-8.
void writeCsv(const StatsTable& table, std::ostream& out);
/// Writes JSON: an array of objects, one per row, keys in column order, numbers as numbers.
void writeJson(const StatsTable& table, std::ostream& out);
/// Writes a GeoPackage layer (created or replaced) named `layerName`; when `areas` is given, each row gets
/// the geometry of the area feature whose `areaIdField` equals the row's first column (in the areas' CRS
/// `crs`, e.g. "EPSG:4548"), so that QGIS can map it; otherwise an attribute table.
Result<bool> writeGeoPackage(const StatsTable& table, const std::string& path, const std::string& layerName,
                             const VectorLayer* areas = nullptr, const std::string& areaIdField = schema::StableId,
                             const std::string& crs = "EPSG:4548");

} // namespace citytwin::data
