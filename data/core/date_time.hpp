#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace citytwin::data
{

/// The district's time zone in minutes east of UTC (China Standard Time, +08:00): the local time of times written
/// without a zone, and of the days and weeks that analyses and charts count in.
constexpr int DistrictUtcOffsetMinutes = 8 * 60;

/// Parses the date-time texts found in incident exports into seconds since 1970-01-01 UTC:
/// "2024-03-05 14:23[:05]", "2024/3/5 14:23", "2024-03-05T14:23:05[.sss][Z|+08:00]", "20240305142305",
/// "2024年3月5日 14时23分[05秒]" (also "14:23"), a date alone (midnight), and Unix epoch seconds (10 digits)
/// or milliseconds (13 digits). Texts without a zone are local time at utcOffsetMinutes (China: +480).
/// Nothing when the text is not a valid date-time (month 13, February 30, ...).
std::optional<std::int64_t> parseDateTime(std::string_view text, int utcOffsetMinutes);

/// Formats seconds since the epoch as the GeoPackage DATETIME text "YYYY-MM-DDTHH:MM:SS.000Z" (UTC; GeoPackage's form,
/// whole seconds).
std::string formatUtc(std::int64_t secondsSinceEpoch);

/// Formats seconds since the epoch as ISO 8601 UTC without fractions ("2025-06-02T00:00:00Z"), as result tables
/// write times.
std::string isoUtc(std::int64_t secondsSinceEpoch);

/// Parses "+08:00", "+0800", "-05:00", "UTC", "Z" into minutes east of UTC.
std::optional<int> parseUtcOffset(std::string_view text);

} // namespace citytwin::data
