#include "common/compare.hpp"
#include "common/project_fixture.hpp"

#include "data/incidents/incident_analysis.hpp"
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
constexpr std::int64_t T0 = 1735689600; // 2025-01-01T00:00:00Z, a Wednesday
constexpr std::int64_t Hour = 3600;
constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

/// Eight incidents on three grids (1, 2 in community 10; 3 in community 20) and one without a grid. Categories
/// street_vending (A) and noise (B), both overdue after 24 h. Times in hours after T0; -1 = not reached.
///   #  cat src          grid  x,y       report dispatch handle close
///   1  A   camera_ai    1     10,10     0      1        2      10
///   2  A   hotline      1     20,20     1      2        4      30
///   3  B   camera_ai    1     100,50    2      3        6      50
///   4  B   citizen_app  2     150,50    25     4        -1     -1
///   5  A   camera_ai    2     160,60    26     -1       -1     -1
///   6  A   hotline      3     50,150    49     1        8      20
///   7  B   inspector    -     (none)    50     1        1      1
///   8  A   camera_ai    3     60,160    192    2        3      100
data::IncidentStore fixture()
{
    struct Row
    {
        const char* category;
        const char* source;
        std::optional<std::int64_t> grid;
        double x, y;
        std::int64_t report, dispatch, handle, close;
        std::optional<std::int64_t> camera;
    };
    const Row rows[] = {
        {"street_vending", "camera_ai", 1, 10, 10, 0, 1, 2, 10, 100},
        {"street_vending", "hotline", 1, 20, 20, 1, 2, 4, 30, {}},
        {"noise", "camera_ai", 1, 100, 50, 2, 3, 6, 50, 100},
        {"noise", "citizen_app", 2, 150, 50, 25, 4, -1, -1, {}},
        {"street_vending", "camera_ai", 2, 160, 60, 26, -1, -1, -1, 200},
        {"street_vending", "hotline", 3, 50, 150, 49, 1, 8, 20, {}},
        {"noise", "grid_inspector", std::nullopt, Nan, Nan, 50, 1, 1, 1, {}},
        {"street_vending", "camera_ai", 3, 60, 160, 192, 2, 3, 100, 100},
    };
    data::IncidentStore::Builder builder;
    builder.setOrigin(0, 0).addGrid(1, 10).addGrid(2, 10).addGrid(3, 20);
    builder.setOverdueHours("street_vending", 24).setOverdueHours("noise", 24);
    const auto at = [](std::int64_t report, std::int64_t hours)
    { return hours < 0 ? std::nullopt : std::optional<std::int64_t>(T0 + (report + hours) * Hour); };
    for (const Row& row : rows)
    {
        data::IncidentStore::Record record;
        record.x = row.x;
        record.y = row.y;
        record.reportedAt = T0 + row.report * Hour;
        record.dispatchedAt = at(row.report, row.dispatch);
        record.handledAt = at(row.report, row.handle);
        record.closedAt = at(row.report, row.close);
        record.gridId = row.grid;
        record.cameraId = row.camera;
        record.category = row.category;
        record.source = row.source;
        record.status = row.close >= 0 ? "closed" : (row.dispatch >= 0 ? "dispatched" : "reported");
        if (auto added = builder.add(record); !added)
            qFatal("cannot add a test incident: %s", added.error().message().c_str());
    }
    return builder.build();
}

std::vector<std::uint32_t> indexes(std::initializer_list<std::uint32_t> list)
{
    return list;
}
} // namespace

/// Filters and aggregations on a hand-computed fixture, saved filters, and the re-aggregation speed.
class TestIncidentAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void selectsByEachPartOfTheFilter()
    {
        const data::IncidentStore store = fixture();
        QCOMPARE(data::select(store, {}), indexes({0, 1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(data::select(store, {.categories = {"noise"}}), indexes({2, 3, 6}));
        QCOMPARE(data::select(store, {.from = T0 + Hour, .to = T0 + 26 * Hour}), indexes({1, 2, 3}));
        QCOMPARE(data::select(store, {.sources = {"camera_ai"}, .statuses = {"closed"}}), indexes({0, 2, 7}));
        QCOMPARE(data::select(store, {.communityId = 20}), indexes({5, 7}));
        QCOMPARE(data::select(store, {.gridIds = {1, 2}}), indexes({0, 1, 2, 3, 4}));
        QCOMPARE(data::select(store, {.gridIds = {1}, .communityId = 20}), indexes({}));
        // The square [0, 100]²: (100, 50) lies on its right edge, which is outside (PolygonIndex's rule).
        data::Polygon square{{{{0, 0, 0}, {100, 0, 0}, {100, 100, 0}, {0, 100, 0}}}};
        QCOMPARE(data::select(store, {.polygon = square}), indexes({0, 1}));
        QCOMPARE(data::select(store, {.overdueOnly = true, .asOf = T0 + 240 * Hour}), indexes({1, 2, 3, 4, 7}));
        const data::IncidentFilter unknown{.categories = {"nope"}};
        QVERIFY(data::IncidentMatcher(store, unknown).matchesNothing());
        QCOMPARE(data::select(store, unknown), indexes({}));
        QVERIFY(data::IncidentMatcher(store, {.communityId = 99}).matchesNothing());
    }

    void countsPerAreaAndTopGrids()
    {
        const data::IncidentStore store = fixture();
        const data::AreaCounts counts = data::countByArea(store, {});
        QCOMPARE(counts.perGrid, (std::vector<std::uint32_t>{3, 2, 2}));
        QCOMPARE(counts.perCommunity, (std::vector<std::uint32_t>{5, 2}));
        QCOMPARE(counts.withoutGrid, 1u);
        QCOMPARE(counts.total, std::uint64_t{8});
        const auto top = data::topGrids(store, counts, 2);
        QCOMPARE(top.size(), std::size_t{2});
        QCOMPARE(top[0].gridId, std::int64_t{1});
        QCOMPARE(top[0].count, 3u);
        QCOMPARE(top[1].gridId, std::int64_t{2}); // ties with grid 3: the smaller id first
        const data::AreaCounts vending = data::countByArea(store, {.categories = {"street_vending"}});
        QCOMPARE(vending.perGrid, (std::vector<std::uint32_t>{2, 1, 2}));
        QCOMPARE(vending.total, std::uint64_t{5});
    }

    void lifecycleMediansAndNinetiethPercentiles()
    {
        const data::IncidentStore store = fixture();
        const data::LifecycleByArea life = data::lifecycle(store, {});
        QCOMPARE(life.overall.incidents, 8u);
        // Dispatch hours 1 1 1 2 2 3 4; handling 1 2 3 4 6 8; closing 1 10 20 30 50 100.
        QCOMPARE(life.overall.toDispatch.count, 7u);
        QCOMPARE(life.overall.toDispatch.medianHours, 2.0);
        CITYTWIN_COMPARE_NEAR(life.overall.toDispatch.p90Hours, 3.4, 1e-9);
        QCOMPARE(life.overall.toHandle.count, 6u);
        QCOMPARE(life.overall.toHandle.medianHours, 3.5);
        QCOMPARE(life.overall.toHandle.p90Hours, 7.0);
        QCOMPARE(life.overall.toClose.count, 6u);
        QCOMPARE(life.overall.toClose.medianHours, 25.0);
        QCOMPARE(life.overall.toClose.p90Hours, 75.0);
        // Grid 1: dispatch 1 2 3, closing 10 30 50.
        QCOMPARE(life.perGrid[0].incidents, 3u);
        QCOMPARE(life.perGrid[0].toDispatch.medianHours, 2.0);
        CITYTWIN_COMPARE_NEAR(life.perGrid[0].toDispatch.p90Hours, 2.8, 1e-9);
        QCOMPARE(life.perGrid[0].toClose.medianHours, 30.0);
        CITYTWIN_COMPARE_NEAR(life.perGrid[0].toClose.p90Hours, 46.0, 1e-9);
        // Grid 2: one dispatch (4 h), nothing handled or closed.
        QCOMPARE(life.perGrid[1].toDispatch.count, 1u);
        QCOMPARE(life.perGrid[1].toDispatch.medianHours, 4.0);
        QCOMPARE(life.perGrid[1].toClose.count, 0u);
        QVERIFY(std::isnan(life.perGrid[1].toClose.medianHours));
        // Community 10 (grids 1 and 2): dispatch 1 2 3 4. Community 20 (grid 3): dispatch 1 2, closing 20 100.
        QCOMPARE(life.perCommunity[0].incidents, 5u);
        QCOMPARE(life.perCommunity[0].toDispatch.medianHours, 2.5);
        CITYTWIN_COMPARE_NEAR(life.perCommunity[0].toDispatch.p90Hours, 3.7, 1e-9);
        QCOMPARE(life.perCommunity[0].toClose.medianHours, 30.0);
        QCOMPARE(life.perCommunity[1].toDispatch.medianHours, 1.5);
        CITYTWIN_COMPARE_NEAR(life.perCommunity[1].toDispatch.p90Hours, 1.9, 1e-9);
        QCOMPARE(life.perCommunity[1].toClose.medianHours, 60.0);
        CITYTWIN_COMPARE_NEAR(life.perCommunity[1].toClose.p90Hours, 92.0, 1e-9);
    }

    void backlogAtAMomentAndOverTime()
    {
        const data::IncidentStore store = fixture();
        const data::Backlog backlog = data::backlogAt(store, {}, T0 + 26 * Hour + 1800);
        QCOMPARE(backlog.total, std::uint64_t{4}); // 2 and 3 not closed yet, 4 and 5 never closed
        QCOMPARE(backlog.perGrid, (std::vector<std::uint32_t>{2, 2, 0}));
        QCOMPARE(backlog.perCommunity, (std::vector<std::uint32_t>{4, 0}));
        // Closed exactly at t counts as closed; reported exactly at t as open.
        QCOMPARE(data::backlogAt(store, {}, T0 + 10 * Hour).total, std::uint64_t{2});
        QCOMPARE(data::backlogAt(store, {}, T0).total, std::uint64_t{1});
        QCOMPARE(data::backlogSeries(store, {}, T0, 12 * Hour, 5), (std::vector<std::uint32_t>{1, 2, 2, 3, 3}));
        QCOMPARE(data::backlogSeries(store, {.categories = {"noise"}}, T0, 12 * Hour, 5),
                 (std::vector<std::uint32_t>{0, 1, 1, 2, 2}));
    }

    void overdueAgainstCategoryLimits()
    {
        const data::IncidentStore store = fixture();
        const data::OverdueCounts late = data::overdueCounts(store, {.asOf = T0 + 240 * Hour});
        QCOMPARE(late.total, std::uint64_t{5});
        QCOMPARE(late.perGrid, (std::vector<std::uint32_t>{2, 2, 1}));
        QCOMPARE(late.perCommunity, (std::vector<std::uint32_t>{4, 1}));
        QCOMPARE(late.perCategory, (std::vector<std::uint32_t>{3, 2})); // street_vending, noise
        // At 30 h: 2 and 3 are open and older than 24 h; 4 and 5 are still young; 8 is not reported yet.
        QCOMPARE(data::overdueCounts(store, {.asOf = T0 + 30 * Hour}).total, std::uint64_t{2});
        // A longer limit for noise: 3 (closed after 50 h) is in time, 4 (open 215 h) is still late.
        QCOMPARE(data::overdueCounts(store, {.asOf = T0 + 240 * Hour, .overdueHours = {{"noise", 100.0}}}).total,
                 std::uint64_t{4});
    }

    void cameraAiShares()
    {
        const data::IncidentStore store = fixture();
        const data::AiShare share = data::cameraAiShare(store, {});
        QCOMPARE(share.total, std::uint64_t{8});
        QCOMPARE(share.ai, std::uint64_t{4});
        QCOMPARE(share.perGrid.total, (std::vector<std::uint32_t>{3, 2, 2}));
        QCOMPARE(share.perGrid.ai, (std::vector<std::uint32_t>{2, 1, 1}));
        CITYTWIN_COMPARE_NEAR(share.perGrid.share(0), 2.0 / 3.0, 1e-12);
        QCOMPARE(share.perCategory.total, (std::vector<std::uint32_t>{5, 3}));
        QCOMPARE(share.perCategory.ai, (std::vector<std::uint32_t>{3, 1}));
        QCOMPARE(share.perCategory.share(0), 0.6);
        QVERIFY(std::isnan(data::cameraAiShare(store, {.categories = {"nope"}}).perGrid.share(0)));
        const auto perCamera = data::countPerCamera(store, {.sources = {"camera_ai"}});
        QCOMPARE(store.codes().cameraIds, (std::vector<std::int64_t>{100, 200}));
        QCOMPARE(perCamera, (std::vector<std::uint32_t>{3, 1}));
    }

    void timeSeriesBuckets()
    {
        const data::IncidentStore store = fixture();
        const data::TimeSeries days = data::timeSeries(store, {}, data::TimeBucket::Day, data::SeriesSplit::Category);
        QCOMPARE(days.start, T0);
        QCOMPARE(days.bucketSeconds, std::int64_t{86400});
        QCOMPARE(days.names, (std::vector<std::string>{"street_vending", "noise"}));
        QCOMPARE(days.counts[0], (std::vector<std::uint32_t>{2, 1, 1, 0, 0, 0, 0, 0, 1}));
        QCOMPARE(days.counts[1], (std::vector<std::uint32_t>{1, 1, 1, 0, 0, 0, 0, 0, 0}));
        // Local days in China start at 16:00 UTC the day before.
        const data::TimeSeries china = data::timeSeries(store, {}, data::TimeBucket::Day, data::SeriesSplit::None, 480);
        QCOMPARE(china.start, T0 - 8 * Hour);
        QCOMPARE(china.counts[0], (std::vector<std::uint32_t>{3, 2, 2, 0, 0, 0, 0, 0, 1}));
        // Weeks start on Monday: 2024-12-30.
        const data::TimeSeries weeks = data::timeSeries(store, {}, data::TimeBucket::Week, data::SeriesSplit::None);
        QCOMPARE(weeks.start, T0 - 2 * 86400);
        QCOMPARE(weeks.counts[0], (std::vector<std::uint32_t>{7, 1}));
        const data::TimeSeries hours = data::timeSeries(store, {.from = T0, .to = T0 + 3 * Hour},
                                                        data::TimeBucket::Hour, data::SeriesSplit::Source);
        QCOMPARE(hours.names, (std::vector<std::string>{"camera_ai", "hotline", "citizen_app", "grid_inspector"}));
        QCOMPARE(hours.counts[0], (std::vector<std::uint32_t>{1, 0, 1}));
        QCOMPARE(hours.counts[1], (std::vector<std::uint32_t>{0, 1, 0}));
    }

    void closeTimeHistogram()
    {
        const data::IncidentStore store = fixture();
        const data::Histogram histogram = data::closeTimeHistogram(store, {}, {0, 12, 24, 48, 72});
        // Closing hours 10, 30, 50, 20, 1, 100.
        QCOMPARE(histogram.counts, (std::vector<std::uint32_t>{2, 1, 1, 1}));
        QCOMPARE(histogram.below, 0u);
        QCOMPARE(histogram.above, 1u);
        const data::Histogram edge = data::closeTimeHistogram(store, {}, {10, 30});
        QCOMPARE(edge.counts, (std::vector<std::uint32_t>{2})); // 10 and 20: [10, 30)
        QCOMPARE(edge.below, 1u);
        QCOMPARE(edge.above, 3u); // 30, 50, 100
    }

    void filterJsonRoundTrip()
    {
        data::IncidentFilter filter;
        filter.from = T0;
        filter.to = T0 + 86400;
        filter.asOf = T0 + 3600;
        filter.categories = {"street_vending", "noise"};
        filter.sources = {"camera_ai"};
        filter.statuses = {"closed"};
        filter.overdueOnly = true;
        filter.overdueHours = {{"noise", 6.5}};
        filter.gridIds = {1, 2};
        filter.communityId = 10;
        filter.polygon = data::Polygon{{{{0, 0, 0}, {100.25, 0, 0}, {100, 100, 0}}}};
        const std::string json = filter.toJson();
        QVERIFY2(json.find("2025-01-01T00:00:00.000Z") != std::string::npos, json.c_str());
        auto back = data::IncidentFilter::fromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message().c_str());
        QCOMPARE(back->from, filter.from);
        QCOMPARE(back->to, filter.to);
        QCOMPARE(back->asOf, filter.asOf);
        QCOMPARE(back->categories, filter.categories);
        QCOMPARE(back->sources, filter.sources);
        QCOMPARE(back->statuses, filter.statuses);
        QCOMPARE(back->overdueOnly, true);
        QCOMPARE(back->overdueHours, filter.overdueHours);
        QCOMPARE(back->gridIds, filter.gridIds);
        QCOMPARE(back->communityId, filter.communityId);
        QCOMPARE(back->polygon->rings[0].size(), std::size_t{3});
        QCOMPARE(back->polygon->rings[0][1].x, 100.25);
        QCOMPARE(back->toJson(), json);
        QCOMPARE(data::IncidentFilter::fromJson("{}")->toJson(), data::IncidentFilter{}.toJson());

        auto seconds = data::IncidentFilter::fromJson(R"({"from": 1735689600, "to": "2025-01-02T00:00:00Z"})");
        QVERIFY(seconds.ok());
        QCOMPARE(seconds->from.value(), T0);
        QCOMPARE(seconds->to.value(), T0 + 86400);
        QVERIFY(!data::IncidentFilter::fromJson("not json").ok());
        QVERIFY(!data::IncidentFilter::fromJson(R"({"categories": "noise"})").ok());
        QVERIFY(!data::IncidentFilter::fromJson(R"({"from": "yesterday"})").ok());
        QVERIFY(!data::IncidentFilter::fromJson(R"({"version": 99})").ok());
        QVERIFY(!data::IncidentFilter::fromJson(R"({"area": {"polygon": [[[1]]]}})").ok());
    }

    void savesFiltersInTheProject()
    {
        test::TemporaryProject project;
        QVERIFY(project.ok());
        const std::string vending = data::IncidentFilter{.categories = {"street_vending"}}.toJson();
        const std::string noise = data::IncidentFilter{.categories = {"noise"}}.toJson();
        QVERIFY(project.store().saveFilter("占道经营", vending).ok());
        QVERIFY(project.store().saveFilter("b", vending).ok());
        QVERIFY(project.store().saveFilter("b", noise).ok()); // replaces
        auto saved = project.store().filters();
        QVERIFY(saved.ok());
        QCOMPARE(saved->size(), std::size_t{2});
        QCOMPARE(saved->at(0).first, std::string("b"));
        QCOMPARE(saved->at(0).second, noise);
        QCOMPARE(saved->at(1).first, std::string("占道经营"));
        QCOMPARE(data::IncidentFilter::fromJson(saved->at(1).second)->categories,
                 (std::vector<std::string>{"street_vending"}));
        QCOMPARE(project.store().deleteFilter("b").value(), true);
        QCOMPARE(project.store().deleteFilter("b").value(), false);
        QCOMPARE(project.store().filters()->size(), std::size_t{1});
    }

    void parallelScansAgreeWithASingleThread()
    {
        // 300,000 incidents: above the two-thread threshold. Every figure must equal a plain loop's.
        data::IncidentStore::Builder builder;
        builder.setOrigin(0, 0);
        for (int g = 0; g < 50; ++g)
            builder.addGrid(g, g / 10);
        std::mt19937 random(7);
        std::vector<data::IncidentStore::Record> records;
        const char* categories[] = {"a", "b", "c"};
        for (int i = 0; i < 300000; ++i)
        {
            data::IncidentStore::Record record;
            record.x = random() % 1000;
            record.y = random() % 1000;
            record.reportedAt = T0 + static_cast<std::int64_t>(random() % (30 * 86400));
            if (random() % 10)
                record.closedAt = record.reportedAt + static_cast<std::int64_t>(random() % (100 * Hour));
            record.gridId = static_cast<std::int64_t>(random() % 50);
            record.category = categories[random() % 3];
            record.source = random() % 3 ? "hotline" : "camera_ai";
            record.status = "x";
            QVERIFY(builder.add(record).ok());
            records.push_back(record);
        }
        const data::IncidentStore store = builder.build();
        const data::IncidentFilter filter{.from = T0 + 86400, .to = T0 + 20 * 86400, .categories = {"a", "c"}};
        std::vector<std::uint32_t> perGrid(50, 0), open(50, 0);
        std::vector<std::uint32_t> closeSeconds;
        const std::int64_t t = T0 + 10 * 86400;
        for (const auto& r : records)
            if (r.reportedAt >= *filter.from && r.reportedAt < *filter.to && r.category != "b")
            {
                ++perGrid[static_cast<std::size_t>(*r.gridId)];
                open[static_cast<std::size_t>(*r.gridId)] += r.reportedAt <= t && (!r.closedAt || *r.closedAt > t);
                if (r.closedAt)
                    closeSeconds.push_back(static_cast<std::uint32_t>(*r.closedAt - r.reportedAt));
            }
        QCOMPARE(data::countByArea(store, filter).perGrid, perGrid);
        QCOMPARE(data::backlogAt(store, filter, t).perGrid, open);
        std::sort(closeSeconds.begin(), closeSeconds.end());
        const double h = (static_cast<double>(closeSeconds.size()) - 1) * 0.5;
        const auto k = static_cast<std::size_t>(h);
        const double median = closeSeconds[k] + (h - static_cast<double>(k)) * (closeSeconds[k + 1] - closeSeconds[k]);
        CITYTWIN_COMPARE_NEAR(data::lifecycle(store, filter).overall.toClose.medianHours, median / 3600.0, 1e-9);
        const auto series = data::timeSeries(store, filter, data::TimeBucket::Day, data::SeriesSplit::None);
        QCOMPARE(series.counts[0].size(), std::size_t{19});
        QCOMPARE(std::accumulate(series.counts[0].begin(), series.counts[0].end(), std::uint64_t{0}),
                 data::countByArea(store, filter).total);
    }

    void reaggregatesAMillionIncidentsQuickly()
    {
        data::IncidentStore::Builder builder;
        builder.setOrigin(0, 0);
        for (int g = 0; g < 2257; ++g)
            builder.addGrid(g, g / 13);
        const char* categories[] = {"street_vending", "noise", "illegal_parking", "exposed_garbage", "other"};
        data::IncidentStore::Record record;
        record.status = "closed";
        for (std::int64_t i = 0; i < 1000000; ++i)
        {
            record.reportedAt = T0 + (i * 31) % (365 * 86400);
            record.closedAt = record.reportedAt + (i % 97) * 600;
            record.gridId = (i * 7919) % 2257;
            record.category = categories[i % 5];
            record.source = i % 3 ? "hotline" : "camera_ai";
            QVERIFY(builder.add(record).ok());
        }
        const data::IncidentStore store = builder.build();
        std::vector<double> times;
        for (int month = 0; month < 12; ++month)
        {
            const data::IncidentFilter filter{.from = T0 + month * 30 * 86400,
                                              .to = T0 + (month + 3) * 30 * 86400,
                                              .categories = {categories[month % 5]}};
            const auto start = std::chrono::steady_clock::now();
            const data::AreaCounts counts = data::countByArea(store, filter);
            times.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            QVERIFY(counts.total > 0);
        }
        std::sort(times.begin(), times.end());
        qInfo("re-aggregation of 1M incidents (time range + category): median %.2f ms", times[times.size() / 2]);
    }
};

QTEST_GUILESS_MAIN(TestIncidentAnalysis)
#include "test_incident_analysis.moc"
