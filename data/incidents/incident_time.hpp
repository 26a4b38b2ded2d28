#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace citytwin::data
{

/// Parses a GeoPackage DATETIME text ("2025-01-01T10:34:40.000Z"; also without the fraction, with a space for the
/// T, or with a "+08:00" zone) into seconds since 1970-01-01 UTC, fast; any other form goes through parseDateTime
/// with texts without a zone taken as UTC. Nothing when the text is not a date-time.
std::optional<std::int64_t> parseIncidentTime(std::string_view text);

/// parseIncidentTime remembering the last date: the times of consecutive rows mostly share it, so its digits are
/// compared instead of parsed again. One per thread.
class IncidentTimeParser
{
public:
    std::optional<std::int64_t> parse(std::string_view text);

private:
    char mDate[11] = {};
    std::optional<std::int64_t> mDays;
};

} // namespace citytwin::data
