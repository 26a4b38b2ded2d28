#include "data/incidents/incident_time.hpp"

#include "data/core/date_time.hpp"

#include <cstring>

namespace citytwin::data
{
namespace
{
/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Reads n digits at text[at]; -1 when one is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t n)
{
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i)
    {
        const unsigned digit = static_cast<unsigned char>(text[i]) - static_cast<unsigned>('0');
        if (digit > 9)
            return -1;
        value = value * 10 + static_cast<int>(digit);
    }
    return value;
}

/// The date part of the fast path: "YYYY-MM-DD" followed by 'T' or ' ' and at least 8 more characters; the days
/// since the epoch.
std::optional<std::int64_t> isoDays(std::string_view text)
{
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' '))
        return std::nullopt;
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    static constexpr int MonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > MonthDays[month - 1] ||
        (month == 2 && day == 29 && !isLeapYear(year)))
        return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

/// The time part of the fast path, from character 11: "hh:mm:ss[.fff][Z|+hh:mm|-hh:mm]"; seconds after midnight
/// UTC (negative or past a day with a zone).
std::optional<std::int64_t> isoClock(std::string_view text)
{
    if (text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    std::size_t at = 19;
    if (at < text.size() && text[at] == '.')
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9';)
            ++at;
    int offsetMinutes = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z'))
        ++at;
    else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && text[at + 3] == ':')
    {
        const int hours = digits(text, at + 1, 2), minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0)
            return std::nullopt;
        offsetMinutes = (text[at] == '-' ? -1 : 1) * (hours * 60 + minutes);
        at += 6;
    }
    if (at != text.size())
        return std::nullopt;
    return hour * 3600 + minute * 60 + second - offsetMinutes * 60;
}

} // namespace

std::optional<std::int64_t> parseIncidentTime(std::string_view text)
{
    if (const auto days = isoDays(text))
        if (const auto clock = isoClock(text))
            return *days * 86400 + *clock;
    return parseDateTime(text, 0);
}

std::optional<std::int64_t> IncidentTimeParser::parse(std::string_view text)
{
    if (text.size() < 19)
        return parseIncidentTime(text);
    if (!mDays || std::memcmp(text.data(), mDate, sizeof(mDate)) != 0)
    {
        mDays = isoDays(text);
        if (!mDays)
            return parseIncidentTime(text);
        std::memcpy(mDate, text.data(), sizeof(mDate));
    }
    if (const auto clock = isoClock(text))
        return *mDays * 86400 + *clock;
    return parseIncidentTime(text);
}

} // namespace citytwin::data
