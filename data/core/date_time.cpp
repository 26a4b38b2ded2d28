#include "data/core/date_time.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

namespace citytwin::data
{
namespace
{
std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool validCivil(int year, int month, int day, int hour, int minute, int second)
{
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                              std::chrono::day(static_cast<unsigned>(day))};
    return year >= 1900 && year <= 2200 && date.ok() && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 &&
           second >= 0 && second <= 60;
}

std::int64_t toEpoch(int year, int month, int day, int hour, int minute, int second)
{
    using namespace std::chrono;
    const sys_days days{std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                        std::chrono::day(static_cast<unsigned>(day))};
    return static_cast<std::int64_t>(days.time_since_epoch().count()) * 86400 + hour * 3600 + minute * 60 + second;
}
} // namespace

std::optional<int> parseUtcOffset(std::string_view text)
{
    text = trim(text);
    if (text == "Z" || text == "UTC" || text == "GMT" || text == "z")
        return 0;
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-'))
        return std::nullopt;
    const int sign = text[0] == '-' ? -1 : 1;
    std::string digits;
    for (char c : text.substr(1))
    {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits.push_back(c);
        else if (c != ':')
            return std::nullopt;
    }
    if (digits.size() != 2 && digits.size() != 4)
        return std::nullopt;
    const int hours = std::stoi(digits.substr(0, 2));
    const int minutes = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 60 + minutes);
}

std::optional<std::int64_t> parseDateTime(std::string_view text, int utcOffsetMinutes)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    // A trailing zone: Z, or +hh[:mm] / -hh[:mm] after the time part.
    std::optional<int> zone;
    if (text.back() == 'Z' || text.back() == 'z')
    {
        zone = 0;
        text.remove_suffix(1);
    }
    else if (text.size() > 10)
    {
        const auto sign = text.find_last_of("+-");
        if (sign != std::string_view::npos && sign > 10)
        {
            zone = parseUtcOffset(text.substr(sign));
            if (!zone)
                return std::nullopt;
            text = text.substr(0, sign);
        }
    }

    std::vector<std::int64_t> numbers;
    std::vector<std::size_t> lengths;
    std::size_t i = 0;
    while (i < text.size())
    {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isdigit(c))
        {
            std::int64_t value = 0;
            std::size_t length = 0;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && length < 18)
            {
                value = value * 10 + (text[i] - '0');
                ++i;
                ++length;
            }
            // A fraction of a second: ".123" after the seconds is dropped.
            if (!numbers.empty() && numbers.size() == 6 && i - length > 0 && text[i - length - 1] == '.')
                continue;
            numbers.push_back(value);
            lengths.push_back(length);
            continue;
        }
        // Separators allowed between numbers: - / : . T space and the Chinese 年 月 日 时 分 秒 点 (UTF-8).
        if (c == '-' || c == '/' || c == ':' || c == '.' || c == 'T' || c == ' ' || c == '\t')
        {
            ++i;
            continue;
        }
        if (c >= 0x80)
        {
            const std::string_view rest = text.substr(i);
            bool known = false;
            for (const std::string_view unit : {"年", "月", "日", "时", "時", "分", "秒", "点", "号"})
            {
                if (rest.substr(0, unit.size()) == unit)
                {
                    i += unit.size();
                    known = true;
                    break;
                }
            }
            if (known)
                continue;
        }
        return std::nullopt;
    }

    // Epoch seconds or milliseconds, or a compact YYYYMMDD[HHMM[SS]].
    if (numbers.size() == 1)
    {
        const std::int64_t n = numbers[0];
        if (lengths[0] == 10 && !zone)
            return n;
        if (lengths[0] == 13 && !zone)
            return n / 1000;
        if (lengths[0] != 8 && lengths[0] != 12 && lengths[0] != 14)
            return std::nullopt;
        std::int64_t rest = n;
        std::array<int, 6> parts{0, 1, 1, 0, 0, 0};
        if (lengths[0] == 14)
        {
            parts[5] = static_cast<int>(rest % 100);
            rest /= 100;
        }
        if (lengths[0] >= 12)
        {
            parts[4] = static_cast<int>(rest % 100);
            rest /= 100;
            parts[3] = static_cast<int>(rest % 100);
            rest /= 100;
        }
        parts[2] = static_cast<int>(rest % 100);
        rest /= 100;
        parts[1] = static_cast<int>(rest % 100);
        parts[0] = static_cast<int>(rest / 100);
        numbers.assign(parts.begin(), parts.end());
        lengths.assign(6, 2);
        lengths[0] = 4;
    }
    if (numbers.size() != 3 && numbers.size() != 5 && numbers.size() != 6)
        return std::nullopt;
    if (lengths[0] != 4)
        return std::nullopt;
    const int year = static_cast<int>(numbers[0]);
    const int month = static_cast<int>(numbers[1]);
    const int day = static_cast<int>(numbers[2]);
    const int hour = numbers.size() > 3 ? static_cast<int>(numbers[3]) : 0;
    const int minute = numbers.size() > 4 ? static_cast<int>(numbers[4]) : 0;
    const int second = numbers.size() > 5 ? static_cast<int>(numbers[5]) : 0;
    if (!validCivil(year, month, day, hour, minute, second))
        return std::nullopt;
    return toEpoch(year, month, day, hour, minute, second) -
           static_cast<std::int64_t>(zone.value_or(utcOffsetMinutes)) * 60;
}

std::string formatUtc(std::int64_t secondsSinceEpoch)
{
    using namespace std::chrono;
    const sys_seconds time{seconds(secondsSinceEpoch)};
    const sys_days days = floor<std::chrono::days>(time);
    const year_month_day date{days};
    const hh_mm_ss clock{time - days};
    char text[32];
    std::snprintf(text, sizeof(text), "%04d-%02u-%02uT%02d:%02d:%02d.000Z", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return text;
}

std::string isoUtc(std::int64_t secondsSinceEpoch)
{
    const std::time_t time = static_cast<std::time_t>(secondsSinceEpoch);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

} // namespace citytwin::data
