#include "data/analysis/briefing_kpis.hpp"

#include "data/core/date_time.hpp"
#include "data/incidents/incident_analysis.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>

namespace citytwin::data
{
namespace
{
constexpr std::int64_t Day = 86400;
constexpr std::int64_t Week = 7 * Day;
/// The days of BriefingKpis::dailyCounts: a month, the span a briefing's sparkline looks back over.
constexpr std::int64_t DailyDays = 30;
constexpr std::int64_t DistrictOffsetSeconds = std::int64_t{DistrictUtcOffsetMinutes} * 60;
constexpr std::string_view AiSource = "camera_ai";
constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

/// Returns the start (Unix s) of the district-local day holding t.
std::int64_t localDayStart(std::int64_t t)
{
    const std::int64_t local = t + DistrictOffsetSeconds;
    const std::int64_t day = local >= 0 ? local / Day : (local - Day + 1) / Day;
    return day * Day - DistrictOffsetSeconds;
}

/// The week figures at one moment, added up incident by incident during the one scan.
struct WeekTally
{
    std::int64_t begin = 0; ///< the week's first report second
    std::int64_t end = 0;   ///< reports before this second count
    std::int64_t at = 0;    ///< the moment open and closed are judged at
    std::uint64_t incidents = 0;
    std::uint64_t ai = 0;
    std::uint64_t onTime = 0;
    std::uint64_t overdue = 0;
    std::vector<std::uint32_t> closeSeconds; ///< of the week's incidents closed by at

    /// Adds one matching incident (report second, seconds to close or NotYet, its category's limit in seconds).
    void add(std::int64_t reported, std::uint32_t toClose, std::int64_t limit, bool fromAi)
    {
        // Closed at exactly t counts as closed, as in IncidentMatcher::openAt.
        const bool closed = toClose != IncidentStore::NotYet && reported + toClose <= at;
        if (reported <= at && !closed && at - reported > limit)
            ++overdue;
        if (reported < begin || reported >= end)
            return;
        ++incidents;
        ai += fromAi;
        if (closed)
        {
            closeSeconds.push_back(toClose);
            onTime += toClose <= limit;
        }
    }

    double aiShare() const { return incidents == 0 ? Nan : static_cast<double>(ai) / static_cast<double>(incidents); }
    double onTimeShare() const
    {
        return closeSeconds.empty() ? Nan : static_cast<double>(onTime) / static_cast<double>(closeSeconds.size());
    }
    double medianHours()
    {
        return closeSeconds.empty() ? Nan : percentile(closeSeconds.data(), closeSeconds.size(), 0.5) / 3600.0;
    }
};

/// Counts the reports of one window [begin, end).
struct WindowCount
{
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::uint64_t count = 0;

    void add(std::int64_t reported) { count += reported >= begin && reported < end; }
};

/// Everything the one scan adds up: this week and the one before, today and yesterday, the daily counts.
struct Tallies
{
    WeekTally week;
    WeekTally previousWeek;
    WindowCount today;
    WindowCount yesterday;
    std::int64_t firstDay = 0;
    std::int64_t end = 0;
    std::vector<std::uint32_t> daily;
};

/// Sets the windows of a reference moment whose reports end (exclusive) at end.
Tallies windows(std::int64_t asOf, std::int64_t end)
{
    Tallies t;
    t.end = end;
    t.week = {.begin = end - Week, .end = end, .at = asOf};
    t.previousWeek = {.begin = end - 2 * Week, .end = end - Week, .at = asOf - Week};
    // The day of the last second that counts: a filter ending at local midnight makes the day before "today".
    const std::int64_t dayStart = localDayStart(end - 1);
    t.today = {.begin = dayStart, .end = end};
    t.yesterday = {.begin = dayStart - Day, .end = end - Day};
    t.firstDay = dayStart - (DailyDays - 1) * Day;
    t.daily.assign(static_cast<std::size_t>(DailyDays), 0);
    return t;
}

/// The one pass: every matching incident reported before the end feeds every tally.
void scan(const IncidentStore& store, const IncidentMatcher& matcher, Tallies& t)
{
    const IncidentColumns& c = store.columns();
    const auto aiCode = IncidentCodes::find(store.codes().sources, AiSource);
    const int ai = aiCode ? *aiCode : -1;
    for (std::size_t i = 0; i < store.size(); ++i)
    {
        if (!matcher.matches(i))
            continue;
        const std::int64_t reported = c.reported[i];
        const std::int64_t limit = matcher.limitSeconds(c.category[i]);
        const bool fromAi = c.source[i] == ai;
        t.week.add(reported, c.toClose[i], limit, fromAi);
        t.previousWeek.add(reported, c.toClose[i], limit, fromAi);
        t.today.add(reported);
        t.yesterday.add(reported);
        if (reported >= t.firstDay)
            ++t.daily[static_cast<std::size_t>((reported - t.firstDay) / Day)];
    }
}

KpiValue kpi(double value, double previous)
{
    return {value, previous};
}

KpiValue kpi(std::uint64_t value, std::uint64_t previous)
{
    return {static_cast<double>(value), static_cast<double>(previous)};
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
} // namespace

std::optional<std::int64_t> latestReport(const IncidentStore& store)
{
    const auto& reported = store.columns().reported;
    if (reported.empty())
        return std::nullopt;
    return *std::max_element(reported.begin(), reported.end());
}

BriefingKpis briefingKpis(const IncidentStore& store, const IncidentFilter& filter, std::optional<std::int64_t> asOf)
{
    BriefingKpis kpis;
    kpis.asOf = filter.to ? *filter.to : (asOf ? *asOf : latestReport(store).value_or(nowSeconds()));
    // A filter's `to` is exclusive everywhere; a moment given otherwise includes the reports at that second.
    const std::int64_t end = filter.to ? *filter.to : kpis.asOf + 1;
    Tallies t = windows(kpis.asOf, end);

    // Every window is cut from one unbounded filter (the overdue counts need all older incidents), and open
    // incidents are judged at each tally's own moment, not at the matcher's asOf.
    IncidentFilter scope = filter;
    scope.from.reset();
    scope.to = end;
    scope.asOf = kpis.asOf;
    scope.overdueOnly = false;
    const IncidentMatcher matcher(store, scope);
    if (!matcher.matchesNothing())
        scan(store, matcher, t);

    kpis.incidentsToday = kpi(t.today.count, t.yesterday.count);
    kpis.incidentsWeek = kpi(t.week.incidents, t.previousWeek.incidents);
    kpis.closedOnTimeShare = kpi(t.week.onTimeShare(), t.previousWeek.onTimeShare());
    kpis.medianHoursToClose = kpi(t.week.medianHours(), t.previousWeek.medianHours());
    kpis.overdueNow = kpi(t.week.overdue, t.previousWeek.overdue);
    kpis.cameraAiShare = kpi(t.week.aiShare(), t.previousWeek.aiShare());
    kpis.dailyCounts = std::move(t.daily);
    kpis.firstDay = t.firstDay;
    return kpis;
}

std::string privateCount(std::uint64_t count, int minimum)
{
    if (count == 0 || minimum <= 1 || count >= static_cast<std::uint64_t>(minimum))
        return std::to_string(count);
    return "<" + std::to_string(minimum);
}

} // namespace citytwin::data
