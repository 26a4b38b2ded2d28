#pragma once

#include "data/core/date_time.hpp"
#include "data/core/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// How the columns of an incident export map onto the incident table.
///
/// Saved in the project (`citytwin_field_mappings`) and as JSON files:
/// ```json
/// { "name": "12345 hotline", "crs": "gcj02", "utc_offset": "+08:00",
///   "columns": { "reported_at": "发生时间", "category": "事件类型", "x": "经度", "y": "纬度", ... },
///   "values": { "category": { "占道": "street_vending" }, "source": { "12345": "hotline" } },
///   "defaults": { "source": "hotline" } }
/// ```
/// Target fields: external_id, source, category, status, reported_at, dispatched_at, handled_at, closed_at,
/// camera_id, address, description, x, y (x / y: longitude / latitude or easting / northing; without them the
/// source's point geometry is used).
struct FieldMapping
{
    std::string name;
    /// The CRS of the coordinates ("EPSG:4326", "gcj02", "bd09", ...); empty: the source's own, if any.
    std::string crs;
    /// Minutes east of UTC of times written without a zone (the district's: +480).
    int utcOffsetMinutes = DistrictUtcOffsetMinutes;
    /// Target field -> source column.
    std::map<std::string, std::string> columns;
    /// Target field -> (source value -> our code), for source, category and status.
    std::map<std::string, std::map<std::string, std::string>> values;
    /// Target field -> value used when the column is absent or empty.
    std::map<std::string, std::string> defaults;

    /// Returns the source column of a target field, or "".
    std::string column(const std::string& target) const;
};

/// The target fields a mapping may name, in table order.
const std::vector<std::string>& incidentTargetFields();

/// Parses a mapping profile from JSON text; fails with InvalidArgument and the reason.
Result<FieldMapping> parseFieldMapping(const std::string& json);
/// Writes a mapping profile as JSON text (2-space indented).
std::string toJson(const FieldMapping& mapping);

/// Proposes a mapping for the given source columns from the names commonly seen in exports
/// (English and Chinese: 发生时间, 事件类型, 经度, 纬度, ...). Unrecognised columns are left unmapped.
FieldMapping guessFieldMapping(const std::vector<std::string>& sourceColumns);

} // namespace citytwin::data
