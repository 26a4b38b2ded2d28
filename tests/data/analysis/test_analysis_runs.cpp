#include "data/analysis/analysis_runs.hpp"
#include "data/analysis/gpkg_records.hpp"
#include "data/sample/sample_writer.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sstream>

using namespace citytwin;

namespace
{
std::string csv(const data::StatsTable& table)
{
    std::ostringstream text;
    data::writeCsv(table, text);
    return text.str();
}

std::int64_t columnSum(const data::StatsTable& table, const std::string& column)
{
    const auto index = static_cast<std::size_t>(table.columnIndex(column));
    std::int64_t sum = 0;
    for (const auto& row : table.rows)
        sum += static_cast<std::int64_t>(data::StatsTable::number(row[index]));
    return sum;
}
} // namespace

/// The analyses of `citytwin stats` and the Analysis dock, end to end on a small sample district: each run reads its
/// inputs from the project and gives the table the underlying analysis gives for the same inputs.
class TestAnalysisRuns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mPath = mDir.filePath(QStringLiteral("sample.gpkg")).toStdString();
        auto report = data::sample::writeSample(mPath, {.scale = 0.05, .terrain = false});
        QVERIFY(report.ok());
        mReport = *report;
        auto store = data::IncidentStore::load(mPath);
        QVERIFY(store.ok());
        mStore = std::make_unique<data::IncidentStore>(std::move(store.value()));
    }

    void aProjectLayerIsReadByName()
    {
        auto grids = data::readProjectLayer(mPath, "grids");
        QVERIFY(grids.ok());
        QCOMPARE(static_cast<int>(grids->features.size()), mReport.grids);
        auto missing = data::readProjectLayer(mPath, "no_such_layer");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, data::ErrorCode::NoFeatures);
        QCOMPARE(missing.error().path, mPath);
    }

    void incidentsAreGroupedAsAsked()
    {
        const data::IncidentFilter all;
        QCOMPARE(data::runIncidents(*mStore, all, data::IncidentGrouping::Grid).columns.front(),
                 std::string("grid_id"));
        QCOMPARE(data::runIncidents(*mStore, all, data::IncidentGrouping::Community).columns.front(),
                 std::string("community_id"));
        const data::StatsTable categories = data::runIncidents(*mStore, all, data::IncidentGrouping::Category);
        QCOMPARE(categories.columns.front(), std::string("category"));
        QCOMPARE(columnSum(categories, "count"), mReport.incidents);
        QCOMPARE(csv(data::runIncidents(*mStore, all, data::IncidentGrouping::Grid)),
                 csv(data::incidentStatsTable(*mStore, all, data::AreaLevel::Grid)));
    }

    void hotSpotsHaveARowPerGrid()
    {
        data::HotspotOptions options;
        options.weekStart = 1749398400; // Monday 2025-06-09 00:00 Beijing time
        auto run = data::runHotspots(mPath, *mStore, {}, options);
        QVERIFY(run.ok());
        QCOMPARE(static_cast<int>(run->table.rows.size()), mReport.grids);
        QCOMPARE(static_cast<int>(run->grids.features.size()), mReport.grids);
        QVERIFY(run->table.columnIndex("gi_z") > 0);
        QVERIFY(
            !data::runHotspots(mDir.filePath(QStringLiteral("none.gpkg")).toStdString(), *mStore, {}, options).ok());
    }

    void recurringPlacesAddUpTheirIncidents()
    {
        data::RecurringOptions options;
        QVERIFY(data::validRecurringOptions(options));
        const data::RecurringRun run = data::runRecurring(*mStore, {}, options);
        QCOMPARE(run.incidents, columnSum(run.table, "count"));
        QCOMPARE(csv(run.table), csv(data::recurringStatsTable(*mStore, {}, options)));
        for (auto change :
             {+[](data::RecurringOptions& o) { o.distance = 0.0; }, +[](data::RecurringOptions& o) { o.window = -1; },
              +[](data::RecurringOptions& o) { o.minimumCount = 1; }})
        {
            data::RecurringOptions invalid;
            change(invalid);
            QVERIFY(!data::validRecurringOptions(invalid));
        }
    }

    void partyCoverageIsTheCoverageOfTheProjectsLayers()
    {
        auto run = data::runPartyCoverage(mPath, data::AreaLevel::Community);
        QVERIFY(run.ok());
        auto buildings = data::readBuildings(data::readProjectLayer(mPath, "buildings").value());
        auto orgs = data::readPartyOrgs(data::readProjectLayer(mPath, "party_orgs").value());
        auto links = data::readPartyLinks(data::readProjectLayer(mPath, "party_links").value());
        QVERIFY(buildings.ok() && orgs.ok() && links.ok());
        const data::PartyCoverage coverage = data::partyCoverage(*buildings, *orgs, *links);
        QCOMPARE(csv(run->table), csv(data::partyStatsTable(coverage, data::AreaLevel::Community)));
        QCOMPARE(run->coverage.district.households, coverage.district.households);
        QVERIFY(!data::runPartyCoverage(mDir.filePath(QStringLiteral("none.gpkg")).toStdString(), data::AreaLevel::Grid)
                     .ok());
    }

    void partyCoverageIsPairedWithHandlingTimes()
    {
        auto run = data::runPartyCoverage(mPath, data::AreaLevel::Grid);
        QVERIFY(run.ok());
        const data::PartyHandling handling = data::partyAgainstHandling(run->coverage, *mStore, {});
        QVERIFY(!handling.linkShare.empty());
        QCOMPARE(handling.linkShare.size(), handling.closeHours.size());
        for (std::size_t i = 0; i < handling.linkShare.size(); ++i)
        {
            QVERIFY(handling.linkShare[i] >= 0.0 && handling.linkShare[i] <= 1.0);
            QVERIFY(std::isfinite(handling.closeHours[i]));
        }
        QVERIFY(std::isnan(handling.pearson) || std::abs(handling.pearson) <= 1.0);
        QCOMPARE(handling.pearson, data::pearson(handling.linkShare, handling.closeHours));
    }

    void serviceCoverageIsTheCoverageOfTheProjectsTables()
    {
        auto inputs = data::readServiceInputs(mPath);
        QVERIFY(inputs.ok());
        QVERIFY(inputs->kinds().count("day_care"));
        data::ServiceRunOptions options;
        options.suggestions = 2;
        QVERIFY(data::validServiceDistances(options));
        auto run = data::runServiceCoverage(mPath, options);
        QVERIFY(run.ok());
        data::ServiceCoverageOptions coverageOptions;
        coverageOptions.kind = "day_care";
        const data::ServiceCoverage coverage =
            data::serviceCoverage(inputs->buildings, inputs->stations, coverageOptions);
        QCOMPARE(csv(run->table), csv(data::serviceStatsTable(coverage, inputs->stations)));
        QCOMPARE(run->coverage.levels.size(), std::size_t(2));
        QVERIFY(run->sites.size() <= 2);
        options.perStation = true;
        options.suggestions = 0;
        const data::ServiceRun perStation = data::runServiceCoverage(*inputs, options);
        QCOMPARE(perStation.table.columns.front(), std::string("station_id"));
        QVERIFY(perStation.sites.empty());
        options.distances = {500.0, 0.0};
        QVERIFY(!data::validServiceDistances(options));
    }

    void cameraCoverageHasARowPerGridAndTheSeenGround()
    {
        auto run = data::runCameraCoverage(mPath, mStore.get());
        QVERIFY(run.ok());
        QCOMPARE(static_cast<int>(run->table.rows.size()), mReport.grids);
        QCOMPARE(static_cast<int>(run->grids.features.size()), mReport.grids);
        QVERIFY(run->table.columnIndex("ai_detections") > 0);
        const data::VectorLayer seen = data::seenGroundLayer(run->coverage, mPath);
        QCOMPARE(seen.name, std::string("cameras (seen ground)"));
        QCOMPARE(seen.kind, data::GeometryKind::Polygon);
        std::size_t withView = 0;
        for (const data::CameraView& view : run->coverage.views)
            withView += view.polygon.size() >= 3 ? 1 : 0;
        QCOMPARE(seen.features.size(), withView);
        QVERIFY(withView > 0);
    }

    void pointsAreCountedIntoTheNamedAreas()
    {
        auto grids = data::runPointCount(mPath, "incidents", "grids");
        QVERIFY(grids.ok());
        QCOMPARE(grids->table.columns, (std::vector<std::string>{"grid_id", "count"}));
        QCOMPARE(static_cast<std::uint64_t>(columnSum(grids->table, "count")) + grids->outside, grids->points);
        QCOMPARE(grids->points + grids->unreadable, static_cast<std::uint64_t>(mReport.incidents));
        auto communities = data::runPointCount(mPath, "incidents", "communities");
        QVERIFY(communities.ok());
        QCOMPARE(communities->table.columns.front(), std::string("community_id"));
        auto buildings = data::runPointCount(mPath, "cameras", "buildings");
        QVERIFY(buildings.ok());
        QCOMPARE(buildings->table.columns.front(), std::string("id"));
        QVERIFY(!data::runPointCount(mPath, "incidents", "no_such_layer").ok());
    }

private:
    QTemporaryDir mDir;
    std::string mPath;
    data::sample::SampleReport mReport;
    std::unique_ptr<data::IncidentStore> mStore;
};

QTEST_GUILESS_MAIN(TestAnalysisRuns)
#include "test_analysis_runs.moc"
