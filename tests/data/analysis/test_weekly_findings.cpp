#include "common/compare.hpp"

#include "data/analysis/hotspots.hpp"
#include "data/analysis/weekly_findings.hpp"
#include "data/incidents/incident_store.hpp"

#include <cmath>
#include <vector>

#include <QTest>

using namespace citytwin::data;

namespace
{
constexpr std::int64_t Hour = 3600;
constexpr std::int64_t Day = 86400;
constexpr std::int64_t Week = 7 * Day;
/// 2025-06-16T00:00+08:00, a Monday in the district (2025-06-15T16:00:00Z): the week looked at.
constexpr std::int64_t Monday = 1750003200;

/// A 3 x 3 grid of 100 m squares, ids 1 ... 9 row by row from the south-west (grid 5 is the middle one).
VectorLayer squareGrids()
{
    VectorLayer layer;
    layer.kind = GeometryKind::Polygon;
    layer.fieldNames = {"id"};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
        {
            const double x = c * 100.0, y = r * 100.0;
            Feature feature;
            feature.polygons.push_back(
                Polygon{{Ring{{x, y, 0}, {x + 100, y, 0}, {x + 100, y + 100, 0}, {x, y + 100, 0}}}});
            feature.values.push_back(std::to_string(r * 3 + c + 1));
            layer.features.push_back(std::move(feature));
        }
    return layer;
}

/// Adds count incidents of one grid and category reported at `at`, closed after closeHours (open when negative).
void add(IncidentStore::Builder& builder, std::int64_t grid, const char* category, std::int64_t at, int count,
         int closeHours)
{
    for (int k = 0; k < count; ++k)
    {
        IncidentStore::Record record;
        record.reportedAt = at + k * 60;
        if (closeHours >= 0)
            record.closedAt = record.reportedAt + closeHours * Hour;
        record.gridId = grid;
        record.category = category;
        record.source = "grid_inspector";
        record.status = closeHours >= 0 ? "closed" : "dispatched";
        if (auto added = builder.add(record); !added)
            qFatal("cannot add a test incident: %s", added.error().message().c_str());
    }
}

/// The quiet district: in every grid, two noise cases a week (Tuesday 10:00 and Friday 15:00, closed in 2 h) over
/// the week looked at and the weeks before from firstWeek on (the default: five, so that the four compared against
/// are whole weeks of records). Limits: noise 48 h, repair 168 h, street vending 24 h.
IncidentStore::Builder quietDistrict(std::int64_t firstWeek = -5)
{
    IncidentStore::Builder builder;
    builder.setOrigin(0, 0);
    for (std::int64_t grid = 1; grid <= 9; ++grid)
        builder.addGrid(grid, 1);
    builder.setOverdueHours("noise", 48).setOverdueHours("repair", 168).setOverdueHours("street_vending", 24);
    for (std::int64_t week = firstWeek; week <= 0; ++week)
        for (std::int64_t grid = 1; grid <= 9; ++grid)
        {
            add(builder, grid, "noise", Monday + week * Week + 1 * Day + 10 * Hour, 1, 2);
            add(builder, grid, "noise", Monday + week * Week + 4 * Day + 15 * Hour, 1, 2);
        }
    return builder;
}

/// The quiet district plus what happened (each grid's counts: this week against the 4 weeks before in all (the quiet
/// district's week -5 is not compared against); the
/// exact Poisson test with share 1/5 for a week against four, two-sided as in R's binom.test):
///   grid 5: 10 street vending cases on Wednesday (none before, closed in 1 h): the category 10 against 0, p = 0.2^10
///           = 1.02e-7 (strength 6.99); the grid 12 against 8, p = 1.02e-4 (3.99)
///   grid 2: 5 more noise cases on Thursday: 7 against 8, p = 0.018: significant at 95 % only, no finding
///   grid 7: 6 repair cases the Wednesday before (open; 110 h old on Monday, 278 h at the week's end): the overdue
///           backlog 0 -> 6, a finding with p = 0.5^6 = 0.0156 (1.81); its week falls (2 against 14), no rise
///   grid 3: 4 such repair cases: backlog 0 -> 4, under the 5 cases of growth
///   grid 9: 12 repair cases three weeks before (overdue on Monday already) and 5 the Wednesday before: backlog
///           12 -> 17, 5 more but under +50 %
IncidentStore eventfulDistrict()
{
    IncidentStore::Builder builder = quietDistrict();
    add(builder, 5, "street_vending", Monday + 2 * Day + 9 * Hour, 10, 1);
    add(builder, 2, "noise", Monday + 3 * Day + 11 * Hour, 5, 2);
    add(builder, 7, "repair", Monday - 5 * Day + 10 * Hour, 6, -1);
    add(builder, 3, "repair", Monday - 5 * Day + 10 * Hour, 4, -1);
    add(builder, 9, "repair", Monday - 19 * Day + 10 * Hour, 12, -1);
    add(builder, 9, "repair", Monday - 5 * Day + 10 * Hour, 5, -1);
    return builder.build();
}
} // namespace

/// Weekly findings (the stops of a composed weekly briefing) on a hand-built district where it is known which grid
/// and category rose and whose backlog grew.
class TestWeeklyFindings : public QObject
{
    Q_OBJECT
private slots:
    void weeksStartOnDistrictMonday()
    {
        QCOMPARE(districtWeekStart(Monday), Monday);
        QCOMPARE(districtWeekStart(Monday + 3 * Day + 12 * Hour), Monday);
        QCOMPARE(districtWeekStart(Monday + Week - 1), Monday); // Sunday 23:59:59 local
        QCOMPARE(districtWeekStart(Monday - 1), Monday - Week);
        // Monday 00:00 local is Sunday 16:00 UTC: a UTC Monday morning is still the same district week.
        QCOMPARE(districtWeekStart(Monday + 8 * Hour), Monday);
        QCOMPARE(districtWeekStart(0), std::int64_t{-3 * Day - 8 * Hour}); // 1969-12-29, a Monday
    }

    void findsExactlyTheRisesAndTheBacklog()
    {
        const IncidentStore store = eventfulDistrict();
        const std::vector<WeeklyFinding> findings = weeklyFindings(squareGrids(), store, Monday);
        QCOMPARE(findings.size(), std::size_t{3});

        const WeeklyFinding& vending = findings[0];
        QCOMPARE(vending.kind, FindingKind::CategoryRise);
        QCOMPARE(vending.gridId, std::int64_t{5});
        QCOMPARE(vending.category, std::string("street_vending"));
        QCOMPARE(vending.current, std::int64_t{10});
        QCOMPARE(vending.before, std::int64_t{0});
        QCOMPARE(vending.expected, 0.0);
        QCOMPARE(vending.weeksBefore, 4);
        CITYTWIN_COMPARE_NEAR(vending.pValue, std::pow(0.2, 10), 1e-15);
        CITYTWIN_COMPARE_NEAR(vending.strength, 6.98970, 1e-4);
        CITYTWIN_COMPARE_NEAR(vending.area.centerX(), 150.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(vending.area.centerY(), 150.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(vending.area.maxX - vending.area.minX, 100.0, 1e-9);

        const WeeklyFinding& grid = findings[1];
        QCOMPARE(grid.kind, FindingKind::GridRise);
        QCOMPARE(grid.gridId, std::int64_t{5});
        QVERIFY(grid.category.empty());
        QCOMPARE(grid.current, std::int64_t{12});
        QCOMPARE(grid.before, std::int64_t{8});
        QCOMPARE(grid.expected, 2.0);
        CITYTWIN_COMPARE_NEAR(grid.pValue, poissonRateTest(12, 8, 0.2), 1e-15);
        CITYTWIN_COMPARE_NEAR(grid.strength, 3.99256, 1e-4);

        const WeeklyFinding& backlog = findings[2];
        QCOMPARE(backlog.kind, FindingKind::BacklogGrowth);
        QCOMPARE(backlog.gridId, std::int64_t{7});
        QCOMPARE(backlog.current, std::int64_t{6});
        QCOMPARE(backlog.before, std::int64_t{0});
        CITYTWIN_COMPARE_NEAR(backlog.pValue, 1.0 / 64.0, 1e-12);
        CITYTWIN_COMPARE_NEAR(backlog.area.centerX(), 50.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(backlog.area.centerY(), 250.0, 1e-9);
    }

    void looserLevelsAndLowerThresholdsFindMore()
    {
        const IncidentStore store = eventfulDistrict();
        WeeklyFindingOptions options;
        options.significance = 0.05; // grid 2's 7 against 8 (p = 0.018), as a grid and as its noise
        options.backlogGrowth = 4;   // grid 3's 0 -> 4
        options.backlogShare = 0.4;  // grid 9's 12 -> 17 (+42 %)
        const std::vector<WeeklyFinding> findings = weeklyFindings(squareGrids(), store, Monday, options);
        QCOMPARE(findings.size(), std::size_t{7});
        std::vector<std::pair<FindingKind, std::int64_t>> seen;
        for (const WeeklyFinding& finding : findings)
            seen.emplace_back(finding.kind, finding.gridId);
        // Grid 9's backlog: P(X >= 17 | 29, 1/2) = 0.229 (0.64); grid 3's: 1/16 (1.20); grid 2: 0.018 (1.74), as a
        // grid and as its noise (the same counts: the grid first).
        const std::vector<std::pair<FindingKind, std::int64_t>> expected = {
            {FindingKind::CategoryRise, 5}, {FindingKind::GridRise, 5},     {FindingKind::BacklogGrowth, 7},
            {FindingKind::GridRise, 2},     {FindingKind::CategoryRise, 2}, {FindingKind::BacklogGrowth, 3},
            {FindingKind::BacklogGrowth, 9}};
        QCOMPARE(seen, expected);
        for (std::size_t i = 1; i < findings.size(); ++i)
            QVERIFY(findings[i - 1].strength >= findings[i].strength);
    }

    void capsTheStrongest()
    {
        WeeklyFindingOptions options;
        options.maximum = 2;
        const std::vector<WeeklyFinding> findings = weeklyFindings(squareGrids(), eventfulDistrict(), Monday, options);
        QCOMPARE(findings.size(), std::size_t{2});
        QCOMPARE(findings[0].kind, FindingKind::CategoryRise);
        QCOMPARE(findings[1].kind, FindingKind::GridRise);
    }

    void quietWeeksHaveNone()
    {
        IncidentStore::Builder quiet = quietDistrict();
        QVERIFY(weeklyFindings(squareGrids(), quiet.build(), Monday).empty());
        // The week after the eventful one has no incidents at all: every grid falls, the backlogs stay.
        QVERIFY(weeklyFindings(squareGrids(), eventfulDistrict(), Monday + Week).empty());
        // Nothing at all.
        QVERIFY(weeklyFindings(squareGrids(), IncidentStore(), Monday).empty());
    }

    void comparesOnlyWeeksWithRecords()
    {
        // Records from Tuesday of the week before: not one whole week before the week, so no rises at all.
        IncidentStore::Builder partial = quietDistrict(-1);
        add(partial, 5, "street_vending", Monday + 2 * Day + 9 * Hour, 10, 1);
        QVERIFY(weeklyFindings(squareGrids(), partial.build(), Monday).empty());
        // From Monday of the week before: that one week. Grid 5's vending 10 against 0 at share 1/2: p = 2 x 0.5^10
        // (two-sided: 0 against 10 is as unlikely); the grid's 12 against 2, p = 0.013, is not a rise at 1 %.
        IncidentStore::Builder oneWeek = quietDistrict(-1);
        add(oneWeek, 5, "street_vending", Monday + 2 * Day + 9 * Hour, 10, 1);
        add(oneWeek, 1, "noise", Monday - Week, 1, 2);
        const std::vector<WeeklyFinding> findings = weeklyFindings(squareGrids(), oneWeek.build(), Monday);
        QCOMPARE(findings.size(), std::size_t{1});
        QCOMPARE(findings[0].kind, FindingKind::CategoryRise);
        QCOMPARE(findings[0].gridId, std::int64_t{5});
        QCOMPARE(findings[0].weeksBefore, 1);
        CITYTWIN_COMPARE_NEAR(findings[0].pValue, 2 * std::pow(0.5, 10), 1e-15);
    }

    void gridsMissingFromTheLayerAreLeftOut()
    {
        VectorLayer grids = squareGrids();
        grids.features.erase(grids.features.begin() + 4); // grid 5
        const std::vector<WeeklyFinding> findings = weeklyFindings(grids, eventfulDistrict(), Monday);
        QCOMPARE(findings.size(), std::size_t{1});
        QCOMPARE(findings[0].gridId, std::int64_t{7});
    }
};

QTEST_GUILESS_MAIN(TestWeeklyFindings)
#include "test_weekly_findings.moc"
