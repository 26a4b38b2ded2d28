#include "common/gl_test_main.hpp"

#include "app/gui/analysis/analysis_dock.hpp"
#include "app/common/language.hpp"
#include "app/gui/main_window.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/sample/sample_writer.hpp"
#include "data/io/sqlite_database.hpp"
#include "scene/scene_model.hpp"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXYSeries>

#include <map>

using namespace citytwin;

namespace
{
/// Incidents per grid as SQL counts them from the stored grid_id, for a WHERE clause.
std::map<std::int64_t, std::int64_t> sqlCounts(const QString& path, const std::string& where)
{
    std::map<std::int64_t, std::int64_t> counts;
    auto database = data::Database::open(path.toStdString(), data::Database::Mode::ReadOnly);
    auto query = database->prepare("SELECT grid_id, count(*) FROM incidents WHERE " + where + " GROUP BY grid_id");
    // A failed read leaves no counts: the comparisons with the dock's table then fail.
    if (!query->forEachRow([&counts](const data::Statement& row) { counts[row.columnInt64(0)] = row.columnInt64(1); }))
        counts.clear();
    return counts;
}

std::map<std::int64_t, std::int64_t> tableCounts(const data::StatsTable& table)
{
    std::map<std::int64_t, std::int64_t> counts;
    const int count = table.columnIndex("count");
    for (const auto& row : table.rows)
        if (const auto n = static_cast<std::int64_t>(data::StatsTable::number(row[static_cast<std::size_t>(count)])))
            counts[static_cast<std::int64_t>(data::StatsTable::number(row[0]))] = n;
    return counts;
}

std::string isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
        .toStdString();
}
} // namespace

/// The Analysis dock on the sample district: every table and chart follows the filter, the map follows the table.
class TestAnalysisWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mPath = mDir.filePath(QStringLiteral("sample.gpkg"));
        QVERIFY(data::sample::writeSample(mPath.toStdString(), {.scale = 0.1, .terrain = true}).ok());
        QVERIFY(mLanguage.install(QStringLiteral("en")));
        mWindow = std::make_unique<app::MainWindow>(mLanguage);
        mWindow->resize(1400, 900);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        QSignalSpy loaded(mWindow->analysisDock(), &app::AnalysisDock::incidentsLoaded);
        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        mWindow->openProject(mPath);
        QVERIFY(loaded.wait(60000) || loaded.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(60000));
        mWindow->analysisDock()->raise();
        mDock = mWindow->analysisDock();
        QVERIFY(shown());
    }

    void cleanupTestCase() { mWindow.reset(); }

    void theWholeRangeCountsEveryIncidentPerGrid()
    {
        QCOMPARE(mDock->store()->size(), std::size_t(33000));
        QCOMPARE(tableCounts(mDock->incidentTable()), sqlCounts(mPath, "1"));
        QVERIFY(mDock->kpiText().contains(QStringLiteral("<b>33000</b> incidents")));
    }

    void aCategoryFilterIsFollowedByTableAndMap()
    {
        auto* list = mDock->findChild<QListWidget*>(QStringLiteral("categories"));
        QVERIFY(list);
        auto* showOnMap = mDock->findChild<QCheckBox*>(QStringLiteral("showOnMap"));
        QVERIFY(showOnMap && !showOnMap->isChecked()); // the map keeps its look until asked
        showOnMap->setChecked(true);
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("street_vending"))
                list->item(i)->setCheckState(Qt::Checked);
        QVERIFY(shown());
        QCOMPARE(tableCounts(mDock->incidentTable()), sqlCounts(mPath, "category = 'street_vending'"));
        // The grids are coloured by the count, with a legend.
        const scene::SceneModel& model = mWindow->sceneModel();
        int grids = -1;
        for (int i = 0; i < model.layerCount(); ++i)
            if (model.layer(i).name == "grids")
                grids = i;
        QVERIFY(grids >= 0);
        QVERIFY(model.isLayerVisible(grids));
    }

    void anAreaDrawnOnTheMapFiltersTheIncidents()
    {
        // A 2 km square around the store's centre, drawn corner by corner, then a double-click.
        auto* draw = mDock->findChild<QPushButton*>(QStringLiteral("drawArea"));
        QVERIFY(draw);
        draw->click();
        QVERIFY(mWindow->viewport()->isDrawing());
        data::Extent all;
        const std::vector<data::Position> points = mDock->filteredPositions(&all);
        const double x0 = all.centerX() - 1000, x1 = all.centerX() + 1000, y0 = all.centerY() - 1000,
                     y1 = all.centerY() + 1000;
        for (const auto& [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}})
            emit mWindow->viewport()->groundClicked(x, y);
        emit mWindow->viewport()->drawingFinished();
        QVERIFY(!mWindow->viewport()->isDrawing());
        const data::IncidentFilter filter = mDock->currentFilter();
        QVERIFY(filter.polygon.has_value());
        std::size_t inside = 0;
        for (const data::Position& p : points)
            inside += p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1 ? 1 : 0;
        QVERIFY(inside > 100);
        QCOMPARE(mDock->filteredPositions().size(), inside);
        QVERIFY(shown());
        std::int64_t counted = 0;
        for (const auto& [grid, n] : tableCounts(mDock->incidentTable()))
            counted += n;
        QCOMPARE(counted, static_cast<std::int64_t>(inside));
        // The drawn outline is on the map.
        bool drawn = false;
        for (int i = 0; i < mWindow->sceneModel().layerCount(); ++i)
            drawn = drawn || mWindow->sceneModel().layer(i).name == "drawn area";
        QVERIFY(drawn);
        // Back to the whole district.
        mDock->findChild<QComboBox*>(QStringLiteral("area"))->setCurrentIndex(0);
        QCOMPARE(mDock->filteredPositions().size(), points.size());
    }

    void theTimeSliderStepsThroughWeeks()
    {
        auto* slider = mDock->findChild<QSlider*>(QStringLiteral("timeSlider"));
        QVERIFY(slider && slider->maximum() >= 52);
        QVERIFY(mDock->stepTime());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(mDock->stepTime()); // the second week: table, KPIs, charts and the grids recoloured
        QVERIFY(shown());
        qInfo("one step of the time slider (33,000 incidents, 2,257 grid cells on the map): %lld ms", timer.elapsed());
        const data::IncidentFilter filter = mDock->currentFilter();
        QCOMPARE(*filter.to - *filter.from, std::int64_t(7 * 86400));
        QCOMPARE(tableCounts(mDock->incidentTable()),
                 sqlCounts(mPath, "category = 'street_vending' AND reported_at >= '" + isoUtc(*filter.from) +
                                      "' AND reported_at < '" + isoUtc(*filter.to) + "'"));
        slider->setValue(0);
        auto* list = mDock->findChild<QListWidget*>(QStringLiteral("categories"));
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(Qt::Unchecked);
        QVERIFY(shown());
    }

    void theHeatMapFollowsTheFilter()
    {
        auto* heat = mWindow->findChild<QAction*>(QStringLiteral("heatAction"));
        QVERIFY(heat);
        heat->setChecked(true);
        QVERIFY(mWindow->sceneModel().heatLayer() != nullptr);
        data::Extent extent;
        const std::size_t all = mDock->filteredPositions(&extent).size();
        QCOMPARE(all, std::size_t(33000));
        auto* list = mDock->findChild<QListWidget*>(QStringLiteral("categories"));
        list->item(0)->setCheckState(Qt::Checked);
        QVERIFY(mDock->filteredPositions().size() < all / 4);
        QTest::qWait(300);
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        mWindow->viewport()->grabFramebuffer().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-heat.png"));
        list->item(0)->setCheckState(Qt::Unchecked);
        heat->setChecked(false);
        QVERIFY(shown());
    }

    void chartsFollowTheFilter()
    {
        const QChart* time = mDock->chart(QStringLiteral("time"))->chart();
        QVERIFY(!time->series().isEmpty());
        QVERIFY(time->series().size() <= 6);
        qreal plotted = 0;
        for (QAbstractSeries* series : time->series())
            for (const QPointF& point : static_cast<QXYSeries*>(series)->points())
                plotted += point.y();
        QVERIFY(plotted > 10000); // the six largest of 20 categories over the year
        QVERIFY(!mDock->chart(QStringLiteral("response"))->chart()->series().isEmpty());
        // By source: the four sources, adding up to the same incidents.
        auto* split = mDock->findChild<QComboBox*>(QStringLiteral("timeSplit"));
        split->setCurrentIndex(1);
        QVERIFY(shown());
        const QChart* bySource = mDock->chart(QStringLiteral("time"))->chart();
        QCOMPARE(bySource->series().size(), 4);
        qreal all = 0;
        for (QAbstractSeries* series : bySource->series())
            for (const QPointF& point : static_cast<QXYSeries*>(series)->points())
                all += point.y();
        QCOMPARE(static_cast<int>(all), 33000);
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        mDock->chart(QStringLiteral("time"))
            ->grab()
            .save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-chart-source.png"));
        split->setCurrentIndex(0);
        QVERIFY(shown());
        QVERIFY(!mDock->chart(QStringLiteral("top"))->chart()->series().isEmpty());
    }

    void hotSpotsSpeakPlainWords()
    {
        QVERIFY(runTab(QStringLiteral("hotspots")));
        const data::StatsTable& table = mDock->tableOf(QStringLiteral("hotspots"));
        QCOMPARE(table.rows.size(), std::size_t(2257));
        QVERIFY(table.columnIndex("gi_z") > 0 && table.columnIndex("statement") > 0);
    }

    void partyCoverageWithTheScatterOfHandlingTime()
    {
        QVERIFY(runTab(QStringLiteral("party")));
        const data::StatsTable& table = mDock->tableOf(QStringLiteral("party"));
        QVERIFY(table.rows.size() > 300); // the grids with buildings or party rows (a tenth of the buildings here)
        const QChart* scatter = mDock->chart(QStringLiteral("scatter"))->chart();
        QCOMPARE(scatter->series().size(), 1);
        QVERIFY(static_cast<QXYSeries*>(scatter->series().front())->count() > 100);
        QVERIFY(scatter->title().contains(QStringLiteral("Pearson r =")));
    }

    void serviceCoveragePerCommunity()
    {
        QVERIFY(runTab(QStringLiteral("services")));
        const data::StatsTable& table = mDock->tableOf(QStringLiteral("services"));
        QCOMPARE(table.columns.front(), std::string("community_id"));
        QCOMPARE(table.rows.size(), std::size_t(175));
        for (const auto& row : table.rows)
        {
            const double share = data::StatsTable::number(row[static_cast<std::size_t>(table.columnIndex("coverage"))]);
            QVERIFY(share >= 0.0 && share <= 1.0);
        }
    }

    void recurringPlacesAreListedAndDrawn()
    {
        QVERIFY(runTab(QStringLiteral("recurring")));
        const data::StatsTable& table = mDock->tableOf(QStringLiteral("recurring"));
        QVERIFY(!table.rows.empty());
        // The largest first, each of at least three incidents of one category.
        for (std::size_t i = 0; i < table.rows.size(); ++i)
        {
            const double count = data::StatsTable::number(table.rows[i][2]);
            QVERIFY(count >= 3);
            if (i > 0)
                QVERIFY(count <= data::StatsTable::number(table.rows[i - 1][2]));
        }
        const scene::SceneModel& model = mWindow->sceneModel();
        int places = -1;
        for (int i = 0; i < model.layerCount(); ++i)
            if (model.layer(i).name == "incidents (recurring places)")
                places = i;
        QVERIFY(places >= 0);
        QCOMPARE(model.layer(places).features.size(), table.rows.size());
    }

    void cameraCoverageDrawsTheSeenGround()
    {
        QVERIFY(runTab(QStringLiteral("cameras")));
        const data::StatsTable& table = mDock->tableOf(QStringLiteral("cameras"));
        QCOMPARE(table.rows.size(), std::size_t(2257));
        const scene::SceneModel& model = mWindow->sceneModel();
        int seen = -1;
        for (int i = 0; i < model.layerCount(); ++i)
            if (model.layer(i).name == "cameras (seen ground)")
                seen = i;
        QVERIFY(seen >= 0);
        QVERIFY(model.layer(seen).features.size() > 7000);
        QVERIFY(model.isLayerVisible(seen));
        // Drill down to one grid cell and look at the seen ground there.
        mWindow->zoomToArea(QStringLiteral("grids"), 1142);
        QTest::qWait(2500);
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        QVERIFY(mWindow->viewport()->grabFramebuffer().save(
            QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-cameras-close.png")));
        mWindow->viewport()->goHome(false);
    }

    void looksRight()
    {
        QTest::qWait(300);
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        QVERIFY(mDock->grab().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-dock.png")));
        auto* tabs = mDock->findChild<QTabWidget*>(QStringLiteral("analysisTabs"));
        for (int t = 1; t < tabs->count(); ++t)
        {
            tabs->setCurrentIndex(t);
            QTest::qWait(50);
            QVERIFY(mDock->grab().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-dock-tab%1.png").arg(t)));
        }
        tabs->setCurrentIndex(0);
        for (const char* name : {"time", "response", "top", "scatter"})
        {
            QChartView* view = mDock->chart(QLatin1String(name));
            view->resize(640, 360);
            QVERIFY(view->grab().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-chart-%1.png").arg(name)));
        }
        QVERIFY(
            mWindow->viewport()->grabFramebuffer().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/analysis-map.png")));
    }

private:
    /// Waits until the Incidents tab shows the current filter (it is recomputed in the background).
    bool shown()
    {
        QElapsedTimer waited;
        waited.start();
        while (mDock->isRefreshing() && waited.elapsed() < 60000)
            QTest::qWait(10);
        return !mDock->isRefreshing();
    }

    /// Runs an analysis tab as its button does and waits until its results are shown (it runs in the background).
    bool runTab(const QString& key)
    {
        QSignalSpy finished(mDock, &app::AnalysisDock::analysisFinished);
        mDock->runTab(key);
        if (!finished.wait(120000))
            return false;
        // Layers it draws are put into the scene after their nodes are built on the thread pool.
        QElapsedTimer waited;
        waited.start();
        while (mWindow->isPlacingLayers() && waited.elapsed() < 60000)
            QTest::qWait(10);
        return !mWindow->isPlacingLayers();
    }

    QTemporaryDir mDir;
    QString mPath;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
    app::AnalysisDock* mDock = nullptr;
};

CITYTWIN_GL_TEST_MAIN(TestAnalysisWindow)
#include "test_analysis_window.moc"
