#include "common/compare.hpp"

#include "data/analysis/briefing_kpis.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_store.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include <QTest>

using namespace citytwin;

namespace
{
constexpr std::int64_t Hour = 3600;
constexpr std::int64_t Day = 86400;
/// 2025-06-10T00:00+08:00, the district-local midnight of the reference day (2025-06-09T16:00:00Z).
constexpr std::int64_t Day0 = 1749484800;
/// 14:00 local on Day0: the reference moment of most cases.
constexpr std::int64_t AsOf = Day0 + 14 * Hour;
constexpr std::int64_t Open = -1;

/// Nineteen incidents around AsOf. Categories street_vending (V, overdue after 24 h) and noise (N, 48 h); grids 1
/// and 2. Report times relative to Day0 (local midnight); "close" is hours from report to closing.
///   #   report        cat src        grid close   what it tests
///   1   +1 h          V   camera_ai  1    2       today; closed in time
///   2   +13 h         N   hotline    2    open    today
///   3   +14 h = AsOf  V   hotline    1    open    today: a report at asOf itself counts
///   4   +15 h         V   camera_ai  1    open    after asOf: counts nowhere (but is the latest report)
///   5   -1 s          N   camera_ai  1    5       23:59:59 local = 15:59:59 UTC: yesterday, after its same hours
///   6   0 (midnight)  V   hotline    2    open    16:00:00 UTC = 00:00 local: today
///   7   -20 h         N   camera_ai  2    30      yesterday's same hours; closed in time (N: 48 h)
///   8   -10 h         V   hotline    1    20      yesterday 14:00: the end of its same hours, included
///   9   -10 h         V   hotline    1    open    24 h old at asOf: exactly at its limit, not overdue yet
///  10   -72 h         V   camera_ai  1    30      closed late (V: 24 h)
///  11   -150 h        V   hotline    2    10      last of the week (which is (-154 h, +14 h])
///  12   -154 h        V   camera_ai  1    open    exactly a week before asOf: the previous week; overdue now
///  13   -160 h        N   hotline    2    open    previous week; overdue now, not yet a week ago
///  14   -220 h        N   hotline    1    100     closed 20 h after the previous moment: overdue a week ago only
///  15   -250 h        V   camera_ai  2    4       previous week, closed in time
///  16   -300 h        V   hotline    1    40      previous week, closed late
///  17   -310 h        N   camera_ai  2    10      previous week, closed in time
///  18   -696 h        V   hotline    1    open    the first of the 30 days (Day0 - 29 d); overdue both times
///  19   -696 h - 1 s  V   hotline    2    1       just before the 30 days
data::IncidentStore fixture()
{
    struct Row
    {
        std::int64_t report; // seconds after Day0
        const char* category;
        const char* source;
        std::int64_t grid;
        std::int64_t closeHours; // or Open
    };
    const Row rows[] = {
        {1 * Hour, "street_vending", "camera_ai", 1, 2},       // 1
        {13 * Hour, "noise", "hotline", 2, Open},              // 2
        {14 * Hour, "street_vending", "hotline", 1, Open},     // 3
        {15 * Hour, "street_vending", "camera_ai", 1, Open},   // 4
        {-1, "noise", "camera_ai", 1, 5},                      // 5
        {0, "street_vending", "hotline", 2, Open},             // 6
        {-20 * Hour, "noise", "camera_ai", 2, 30},             // 7
        {-10 * Hour, "street_vending", "hotline", 1, 20},      // 8
        {-10 * Hour, "street_vending", "hotline", 1, Open},    // 9
        {-72 * Hour, "street_vending", "camera_ai", 1, 30},    // 10
        {-150 * Hour, "street_vending", "hotline", 2, 10},     // 11
        {-154 * Hour, "street_vending", "camera_ai", 1, Open}, // 12
        {-160 * Hour, "noise", "hotline", 2, Open},            // 13
        {-220 * Hour, "noise", "hotline", 1, 100},             // 14
        {-250 * Hour, "street_vending", "camera_ai", 2, 4},    // 15
        {-300 * Hour, "street_vending", "hotline", 1, 40},     // 16
        {-310 * Hour, "noise", "camera_ai", 2, 10},            // 17
        {-696 * Hour, "street_vending", "hotline", 1, Open},   // 18
        {-696 * Hour - 1, "street_vending", "hotline", 2, 1},  // 19
    };
    data::IncidentStore::Builder builder;
    builder.setOrigin(0, 0).addGrid(1, 10).addGrid(2, 10);
    builder.setOverdueHours("street_vending", 24).setOverdueHours("noise", 48);
    for (const Row& row : rows)
    {
        data::IncidentStore::Record record;
        record.reportedAt = Day0 + row.report;
        if (row.closeHours != Open)
            record.closedAt = record.reportedAt + row.closeHours * Hour;
        record.gridId = row.grid;
        record.category = row.category;
        record.source = row.source;
        record.status = row.closeHours != Open ? "closed" : "reported";
        if (auto added = builder.add(record); !added)
            qFatal("cannot add a test incident: %s", added.error().message().c_str());
    }
    return builder.build();
}

/// Thirty zeros with the given days (index, count) set.
std::vector<std::uint32_t> days(std::initializer_list<std::pair<std::size_t, std::uint32_t>> counts)
{
    std::vector<std::uint32_t> daily(30, 0);
    for (const auto& [index, count] : counts)
        daily[index] = count;
    return daily;
}

bool isNan(const data::KpiValue& kpi)
{
    return std::isnan(kpi.value) && std::isnan(kpi.previous);
}
} // namespace

/// The briefing's KPI tiles on a hand-computed fixture, checked the way a user reading the tiles would, against a
/// plain loop on random incidents, and for speed.
class TestBriefingKpis : public QObject
{
    Q_OBJECT
private slots:
    void countsTodayAgainstYesterdayAtTheSameHours()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {}, AsOf);
        QCOMPARE(kpis.asOf, AsOf);
        // Today [00:00, 14:00]: 1, 2, 3 (at 14:00 itself) and 6 (at midnight); not 4 (15:00), not 5 (23:59:59
        // yesterday). Yesterday [00:00, 14:00]: 7, 8 and 9 (both at 14:00).
        QCOMPARE(kpis.incidentsToday.value, 4.0);
        QCOMPARE(kpis.incidentsToday.previous, 3.0);
    }

    void weekAgainstThePreviousWeek()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {}, AsOf);
        // Week (-154 h, +14 h]: 1-3, 5-11. Previous (-322 h, -154 h]: 12-17.
        QCOMPARE(kpis.incidentsWeek.value, 10.0);
        QCOMPARE(kpis.incidentsWeek.previous, 6.0);
        // Camera AI: 1, 5, 7, 10 of 10; 12, 15, 17 of 6.
        QCOMPARE(kpis.cameraAiShare.value, 0.4);
        QCOMPARE(kpis.cameraAiShare.previous, 0.5);
    }

    void onTimeShareAndMedianOfTheWeeksClosedIncidents()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {}, AsOf);
        // Closed by asOf: 1 (2 h), 5 (5 h), 7 (30 h, noise), 8 (20 h), 10 (30 h, late), 11 (10 h): 5 of 6 in time.
        CITYTWIN_COMPARE_NEAR(kpis.closedOnTimeShare.value, 5.0 / 6.0, 1e-12);
        // 2 5 10 20 30 30: an even count, the mean of the middle two.
        QCOMPARE(kpis.medianHoursToClose.value, 15.0);
        // A week earlier (at -154 h): 15 (4 h), 16 (40 h, late), 17 (10 h) were closed; 14 closed only at -120 h.
        CITYTWIN_COMPARE_NEAR(kpis.closedOnTimeShare.previous, 2.0 / 3.0, 1e-12);
        QCOMPARE(kpis.medianHoursToClose.previous, 10.0);
    }

    void overdueNowAndAWeekAgo()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {}, AsOf);
        // At asOf: 12 (168 h), 13 (174 h, noise), 18; 9 is exactly 24 h old, 14 was closed at -120 h.
        QCOMPARE(kpis.overdueNow.value, 3.0);
        // At -154 h: 14 (66 h old, open until -120 h) and 18; 12 was just reported, 13 only 6 h old.
        QCOMPARE(kpis.overdueNow.previous, 2.0);
        // A longer noise limit clears 13 now (174 h < 200 h) and 14 a week ago: limits follow the filter.
        const data::BriefingKpis longer = data::briefingKpis(fixture(), {.overdueHours = {{"noise", 200.0}}}, AsOf);
        QCOMPARE(longer.overdueNow.value, 2.0);
        QCOMPARE(longer.overdueNow.previous, 1.0);
    }

    void thirtyDailyCountsWithLocalMidnight()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {}, AsOf);
        // Local days start at 16:00 UTC: Day0 is one, and 29 days before it is dailyCounts[0].
        QCOMPARE(Day0 % Day, 16 * Hour);
        QCOMPARE(kpis.firstDay, Day0 - 29 * Day);
        // Day 29 (today, up to asOf): 1, 2, 3, 6. Day 28: 5 (23:59:59), 7, 8, 9. Day 26: 10 (-72 h). Day 22
        // [-168 h, -144 h): 11, 12, 13. Day 19: 14. Day 18: 15. Day 16 [-312 h, -288 h): 16, 17. Day 0: 18 (19 is
        // a second earlier, and 4 is after asOf).
        QCOMPARE(kpis.dailyCounts, days({{0, 1}, {16, 2}, {18, 1}, {19, 1}, {22, 3}, {26, 1}, {28, 4}, {29, 4}}));
        QCOMPARE(static_cast<double>(kpis.dailyCounts.back()), kpis.incidentsToday.value);
    }

    void filterByCategoryAppliesToBothPeriods()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {.categories = {"noise"}}, AsOf);
        // Noise: 2, 5, 7 this week; 13, 14, 17 the week before.
        QCOMPARE(kpis.incidentsToday.value, 1.0);    // 2
        QCOMPARE(kpis.incidentsToday.previous, 1.0); // 7
        QCOMPARE(kpis.incidentsWeek.value, 3.0);
        QCOMPARE(kpis.incidentsWeek.previous, 3.0);
        CITYTWIN_COMPARE_NEAR(kpis.cameraAiShare.value, 2.0 / 3.0, 1e-12);    // 5, 7
        CITYTWIN_COMPARE_NEAR(kpis.cameraAiShare.previous, 1.0 / 3.0, 1e-12); // 17
        QCOMPARE(kpis.closedOnTimeShare.value, 1.0);                          // 5 (5 h), 7 (30 h)
        QCOMPARE(kpis.closedOnTimeShare.previous, 1.0);                       // 17 (10 h)
        QCOMPARE(kpis.medianHoursToClose.value, 17.5);
        QCOMPARE(kpis.medianHoursToClose.previous, 10.0);
        QCOMPARE(kpis.overdueNow.value, 1.0);    // 13
        QCOMPARE(kpis.overdueNow.previous, 1.0); // 14
        QCOMPARE(kpis.dailyCounts, days({{16, 1}, {19, 1}, {22, 1}, {28, 2}, {29, 1}}));
    }

    void filterByGridAppliesToBothPeriods()
    {
        const data::BriefingKpis kpis = data::briefingKpis(fixture(), {.gridIds = {2}}, AsOf);
        // Grid 2: 2, 6, 7, 11 this week; 13, 15, 17 the week before; 19 before the 30 days.
        QCOMPARE(kpis.incidentsToday.value, 2.0);    // 2, 6
        QCOMPARE(kpis.incidentsToday.previous, 1.0); // 7
        QCOMPARE(kpis.incidentsWeek.value, 4.0);
        QCOMPARE(kpis.incidentsWeek.previous, 3.0);
        QCOMPARE(kpis.cameraAiShare.value, 0.25); // 7
        CITYTWIN_COMPARE_NEAR(kpis.cameraAiShare.previous, 2.0 / 3.0, 1e-12);
        QCOMPARE(kpis.closedOnTimeShare.value, 1.0);
        QCOMPARE(kpis.medianHoursToClose.value, 20.0);   // 7 (30 h), 11 (10 h)
        QCOMPARE(kpis.medianHoursToClose.previous, 7.0); // 15 (4 h), 17 (10 h)
        QCOMPARE(kpis.overdueNow.value, 1.0);            // 13
        QCOMPARE(kpis.overdueNow.previous, 0.0);
        QCOMPARE(kpis.dailyCounts, days({{16, 1}, {18, 1}, {22, 2}, {28, 1}, {29, 2}}));
    }

    void theFiltersToIsTheReferenceMomentAndItsFromIsIgnored()
    {
        const data::IncidentStore store = fixture();
        // to = 15:00, from = today's midnight: the previous periods are not cut away, and the report at 15:00
        // itself is out ("reported before to", as everywhere), the given asOf is overruled.
        const data::BriefingKpis kpis = data::briefingKpis(store, {.from = Day0, .to = Day0 + 15 * Hour}, AsOf);
        QCOMPARE(kpis.asOf, Day0 + 15 * Hour);
        QCOMPARE(kpis.incidentsToday.value, 4.0);    // 1, 2, 3, 6
        QCOMPARE(kpis.incidentsToday.previous, 3.0); // 7, 8, 9
        QCOMPARE(kpis.incidentsWeek.value, 10.0);    // [-153 h, +15 h): as at 14:00
        QCOMPARE(kpis.incidentsWeek.previous, 6.0);  // [-321 h, -153 h)
        // At 15:00, 9 is 25 h old: overdue with 12, 13 and 18. At -153 h: 14 and 18.
        QCOMPARE(kpis.overdueNow.value, 4.0);
        QCOMPARE(kpis.overdueNow.previous, 2.0);
        // A `to` at local midnight (a date picker's "up to June 10"): today is the day that ends there.
        const data::BriefingKpis midnight = data::briefingKpis(store, {.to = Day0});
        QCOMPARE(midnight.asOf, Day0);
        QCOMPARE(midnight.incidentsToday.value, 4.0);    // 5, 7, 8, 9
        QCOMPARE(midnight.incidentsToday.previous, 0.0); // nothing on June 8
        QCOMPARE(midnight.firstDay, Day0 - 30 * Day);
        QCOMPARE(midnight.dailyCounts.back(), 4u);
    }

    void latestReportDecidesWhenNoMomentIsGiven()
    {
        const data::IncidentStore store = fixture();
        QCOMPARE(data::latestReport(store), std::optional<std::int64_t>(Day0 + 15 * Hour));
        const data::BriefingKpis kpis = data::briefingKpis(store, {});
        QCOMPARE(kpis.asOf, Day0 + 15 * Hour);
        QCOMPARE(kpis.incidentsToday.value, 5.0); // 1, 2, 3, 4 (the latest itself), 6
        QCOMPARE(kpis.dailyCounts.back(), 5u);
    }

    void emptyStoreAndNoMatchGiveZeroCountsAndNanShares()
    {
        const data::IncidentStore empty;
        QVERIFY(!data::latestReport(empty).has_value());
        const auto now =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        QVERIFY(std::abs(data::briefingKpis(empty, {}).asOf - now) < 60);
        for (const data::BriefingKpis& kpis :
             {data::briefingKpis(empty, {}, AsOf), data::briefingKpis(fixture(), {.categories = {"nope"}}, AsOf),
              data::briefingKpis(fixture(), {.gridIds = {99}}, AsOf)})
        {
            QCOMPARE(kpis.incidentsToday.value, 0.0);
            QCOMPARE(kpis.incidentsToday.previous, 0.0);
            QCOMPARE(kpis.incidentsWeek.value, 0.0);
            QCOMPARE(kpis.incidentsWeek.previous, 0.0);
            QCOMPARE(kpis.overdueNow.value, 0.0);
            QCOMPARE(kpis.overdueNow.previous, 0.0);
            QVERIFY(isNan(kpis.closedOnTimeShare));
            QVERIFY(isNan(kpis.medianHoursToClose));
            QVERIFY(isNan(kpis.cameraAiShare));
            QCOMPARE(kpis.dailyCounts, std::vector<std::uint32_t>(30, 0));
            QCOMPARE(kpis.firstDay, Day0 - 29 * Day);
        }
        // Incidents but none closed: the share of nothing is NaN, the AI share is not.
        const data::BriefingKpis open = data::briefingKpis(fixture(), {.statuses = {"reported"}}, AsOf);
        QVERIFY(std::isnan(open.closedOnTimeShare.value));
        QVERIFY(std::isnan(open.medianHoursToClose.value));
        QCOMPARE(open.cameraAiShare.value, 0.0); // 2, 3, 6, 9: none from camera AI
    }

    void privateCounts()
    {
        QCOMPARE(data::privateCount(0), std::string("0"));
        QCOMPARE(data::privateCount(1), std::string("<5"));
        QCOMPARE(data::privateCount(3), std::string("<5"));
        QCOMPARE(data::privateCount(4), std::string("<5"));
        QCOMPARE(data::privateCount(5), std::string("5"));
        QCOMPARE(data::privateCount(12, 10), std::string("12"));
        QCOMPARE(data::privateCount(9, 10), std::string("<10"));
        QCOMPARE(data::privateCount(10, 10), std::string("10"));
        QCOMPARE(data::privateCount(1, 1), std::string("1"));
    }

    void agreesWithAPlainLoop()
    {
        // 20,000 random incidents over 60 days, 20 % open; every figure recomputed from the records.
        data::IncidentStore::Builder builder;
        builder.setOrigin(0, 0);
        for (int g = 0; g < 10; ++g)
            builder.addGrid(g, g / 5);
        builder.setOverdueHours("a", 24).setOverdueHours("b", 72);
        std::mt19937 random(11);
        std::vector<data::IncidentStore::Record> records;
        for (int i = 0; i < 20000; ++i)
        {
            data::IncidentStore::Record record;
            record.reportedAt = Day0 - 50 * Day + static_cast<std::int64_t>(random() % (60 * Day));
            if (random() % 5)
                record.closedAt = record.reportedAt + static_cast<std::int64_t>(random() % (120 * Hour));
            record.gridId = static_cast<std::int64_t>(random() % 10);
            record.category = random() % 2 ? "a" : "b";
            record.source = random() % 3 ? "hotline" : "camera_ai";
            record.status = record.closedAt ? "closed" : "open";
            QVERIFY(builder.add(record).ok());
            records.push_back(record);
        }
        const data::IncidentStore store = builder.build();
        const std::int64_t asOf = Day0 + 9 * Hour + 1234;
        const data::BriefingKpis kpis = data::briefingKpis(store, {.gridIds = {1, 2, 3, 7}}, asOf);

        // Week w (0: this one, 1: the one before) ends at asOf - 7 w days, inclusive.
        struct Week
        {
            std::uint64_t incidents = 0, ai = 0, onTime = 0, overdue = 0;
            std::vector<double> hours;
        } weeks[2];
        std::uint64_t today = 0, yesterday = 0;
        std::vector<std::uint32_t> daily(30, 0);
        for (const auto& r : records)
        {
            if (*r.gridId != 1 && *r.gridId != 2 && *r.gridId != 3 && *r.gridId != 7)
                continue;
            const std::int64_t limit = (r.category == "a" ? 24 : 72) * Hour;
            for (int w = 0; w < 2; ++w)
            {
                const std::int64_t at = asOf - w * 7 * Day;
                const bool closed = r.closedAt && *r.closedAt <= at;
                weeks[w].overdue += r.reportedAt <= at && !closed && at - r.reportedAt > limit;
                if (r.reportedAt <= at - 7 * Day || r.reportedAt > at)
                    continue;
                ++weeks[w].incidents;
                weeks[w].ai += r.source == "camera_ai";
                if (closed)
                {
                    weeks[w].hours.push_back(static_cast<double>(*r.closedAt - r.reportedAt) / Hour);
                    weeks[w].onTime += *r.closedAt - r.reportedAt <= limit;
                }
            }
            today += r.reportedAt >= Day0 && r.reportedAt <= asOf;
            yesterday += r.reportedAt >= Day0 - Day && r.reportedAt <= asOf - Day;
            if (r.reportedAt >= Day0 - 29 * Day && r.reportedAt <= asOf)
                ++daily[static_cast<std::size_t>((r.reportedAt - (Day0 - 29 * Day)) / Day)];
        }
        const auto median = [](std::vector<double> values)
        {
            std::sort(values.begin(), values.end());
            const std::size_t n = values.size();
            return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        };
        QCOMPARE(kpis.incidentsToday.value, static_cast<double>(today));
        QCOMPARE(kpis.incidentsToday.previous, static_cast<double>(yesterday));
        QCOMPARE(kpis.dailyCounts, daily);
        const data::KpiValue* values[] = {&kpis.incidentsWeek, &kpis.cameraAiShare, &kpis.closedOnTimeShare,
                                          &kpis.medianHoursToClose, &kpis.overdueNow};
        for (int w = 0; w < 2; ++w)
        {
            const Week& week = weeks[w];
            const auto pick = [w](const data::KpiValue* kpi) { return w == 0 ? kpi->value : kpi->previous; };
            QVERIFY(week.incidents > 100 && week.overdue > 10 && week.hours.size() > 50);
            QCOMPARE(pick(values[0]), static_cast<double>(week.incidents));
            CITYTWIN_COMPARE_NEAR(pick(values[1]), static_cast<double>(week.ai) / week.incidents, 1e-12);
            CITYTWIN_COMPARE_NEAR(pick(values[2]), static_cast<double>(week.onTime) / week.hours.size(), 1e-12);
            CITYTWIN_COMPARE_NEAR(pick(values[3]), median(week.hours), 1e-9);
            QCOMPARE(pick(values[4]), static_cast<double>(week.overdue));
        }
    }
};

QTEST_GUILESS_MAIN(TestBriefingKpis)
#include "test_briefing_kpis.moc"
