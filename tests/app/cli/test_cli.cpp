#include <QDateTime>
#include <QTimeZone>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "common/mixed_geopackage.hpp"

#include "data/io/gdal_open.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/project/project_store.hpp"
#include "data/io/sqlite_database.hpp"

#include <algorithm>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace data = citytwin::data;

/// The citytwin executable's verbs, as a script would call them.
class TestCli : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList& arguments, bool withDisplay = true, const QString& dataHome = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!dataHome.isEmpty())
            environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        if (!withDisplay)
        {
            environment.remove(QStringLiteral("DISPLAY"));
            environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        }
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CITYTWIN_EXECUTABLE), arguments);
        // Sanitizer builds run several times slower: scripts/asan-tests.sh sets CITYTWIN_TEST_TIME_FACTOR.
        const int factor = std::max(1, qEnvironmentVariableIntValue("CITYTWIN_TEST_TIME_FACTOR"));
        if (!process.waitForFinished(120000 * factor))
        {
            process.kill();
            process.waitForFinished(5000);
            return {-1, {}, QStringLiteral("timed out after %1 s").arg(120 * factor)};
        }
        return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardOutput()),
                QString::fromLocal8Bit(process.readAllStandardError())};
    }

    static int lineCount(const QString& text) { return static_cast<int>(text.trimmed().split('\n').size()); }

private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        mGpkg = mFixture.path();
    }

    void helpListsTheVerbs()
    {
        const Run result = run({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")}, false);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("render")));
        const Run render = run({QStringLiteral("render"), QStringLiteral("--help"), QStringLiteral("--lang=en")});
        QCOMPARE(render.exitCode, 0);
        QVERIFY(render.out.contains(QStringLiteral("--out")));
        QVERIFY(render.out.contains(QStringLiteral("--size")));
    }

    void helpIsInChineseWhenAsked()
    {
        const Run render = run({QStringLiteral("render"), QStringLiteral("--help"), QStringLiteral("--lang=zh_CN")});
        QCOMPARE(render.exitCode, 0);
        QVERIFY2(render.out.contains(QStringLiteral("图像")), qPrintable(render.out));
    }

    void badOptionIsOneLineAndNonZero()
    {
        const Run result = run({QStringLiteral("render"), QStringLiteral("--bogus"), QStringLiteral("--lang=en")});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(lineCount(result.err), 1);
        QVERIFY(result.err.contains(QStringLiteral("bogus")));
    }

    void badSizeIsRefused()
    {
        const Run result = run({QStringLiteral("render"), mGpkg, QStringLiteral("--out"), mFixture.filePath("x.png"),
                                QStringLiteral("--size"), QStringLiteral("huge"), QStringLiteral("--lang=en")});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(lineCount(result.err), 1);
    }

    void unreadableFileNamesThePath()
    {
        const QString missing = mFixture.filePath(QStringLiteral("missing.gpkg"));
        const Run result = run({QStringLiteral("render"), missing, QStringLiteral("--out"), mFixture.filePath("x.png"),
                                QStringLiteral("--lang=en")});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(lineCount(result.err), 1);
        QVERIFY(result.err.contains(missing));
        QVERIFY(!QFile::exists(mFixture.filePath("x.png")));
    }

    void rendersAnImageOfTheRequestedSize()
    {
        const QString out = mFixture.filePath(QStringLiteral("shot.png"));
        const Run result = run({QStringLiteral("render"), mGpkg, QStringLiteral("--out"), out, QStringLiteral("--size"),
                                QStringLiteral("320x240")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QImage image(out);
        QCOMPARE(image.size(), QSize(320, 240));
        // Not a blank picture: the centre shows the layers, not only the background.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 3, qPrintable(QString::number(colours.size())));
    }

    void infoPrintsLayersAsJson()
    {
        const Run result = run({QStringLiteral("info"), mGpkg, QStringLiteral("--json")}, false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonObject source = QJsonDocument::fromJson(result.out.toUtf8()).object();
        const QJsonArray layers = source.value(QStringLiteral("layers")).toArray();
        QCOMPARE(layers.size(), 3);
        QCOMPARE(layers.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("footprints"));
        QCOMPARE(layers.at(0).toObject().value(QStringLiteral("feature_count")).toInt(), 3);
        QCOMPARE(layers.at(2).toObject().value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:4326"));
    }

    void infoInChineseAndOnMissingFiles()
    {
        const Run result = run({QStringLiteral("info"), mGpkg, QStringLiteral("--lang=zh_CN")}, false);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("要素数")), qPrintable(result.out));
        const Run missing =
            run({QStringLiteral("info"), mFixture.filePath("nope.shp"), QStringLiteral("--lang=en")}, false);
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(lineCount(missing.err), 1);
        QVERIFY(missing.err.contains(QStringLiteral("nope.shp")));
    }

    void sampleVerbWritesAFreshProjectOnly()
    {
        const QString out = mFixture.filePath(QStringLiteral("small-sample.gpkg"));
        const Run result = run({QStringLiteral("sample"), QStringLiteral("--out"), out, QStringLiteral("--scale"),
                                QStringLiteral("0.1"), QStringLiteral("--lang=en")},
                               false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QStringLiteral("2257 grid cells")), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("33000 incidents")), qPrintable(result.out));
        const Run again =
            run({QStringLiteral("sample"), QStringLiteral("--out"), out, QStringLiteral("--lang=en")}, false);
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(lineCount(again.err), 1);
        QVERIFY(again.err.contains(out));
        const Run badScale = run({QStringLiteral("sample"), QStringLiteral("--out"), out + QStringLiteral("2"),
                                  QStringLiteral("--scale"), QStringLiteral("zero"), QStringLiteral("--lang=en")},
                                 false);
        QCOMPARE(badScale.exitCode, 2);
    }

    void rendersABookmarkOfTheSample()
    {
        const QString project = mFixture.filePath(QStringLiteral("small-sample.gpkg"));
        QVERIFY(QFileInfo::exists(project));
        const QString out = mFixture.filePath(QStringLiteral("hill.png"));
        const Run result = run({QStringLiteral("render"), project, QStringLiteral("--bookmark"), QStringLiteral("hill"),
                                QStringLiteral("--out"), out, QStringLiteral("--size"), QStringLiteral("480x300")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(QImage(out).size(), QSize(480, 300));
        const Run missing = run({QStringLiteral("render"), project, QStringLiteral("--bookmark"),
                                 QStringLiteral("nowhere"), QStringLiteral("--out"), out, QStringLiteral("--lang=en")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(lineCount(missing.err), 1);
        QVERIFY(missing.err.contains(QStringLiteral("nowhere")));
    }

    void statsIncidentsAgreeWithSql()
    {
        const QString project = mFixture.filePath(QStringLiteral("small-sample.gpkg"));
        QVERIFY(QFileInfo::exists(project));
        // The command: street vending (by its Chinese name) in June, Beijing time, per grid.
        const Run result = run({QStringLiteral("stats"), QStringLiteral("incidents"), project, QStringLiteral("--by"),
                                QStringLiteral("grid"), QStringLiteral("--category"), QStringLiteral("占道经营"),
                                QStringLiteral("--from"), QStringLiteral("2025-06-01"), QStringLiteral("--to"),
                                QStringLiteral("2025-06-30"), QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--lang=en")},
                               false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList lines = result.out.trimmed().split('\n');
        QVERIFY(lines.front().startsWith(QStringLiteral("grid_id,count,open,overdue,ai_share,median_dispatch_h")));
        QCOMPARE(lines.size(), 1 + 2257);
        std::map<qint64, qint64> counted;
        for (qsizetype i = 1; i < lines.size(); ++i)
        {
            const QStringList cells = lines[i].split(',');
            if (cells[1].toLongLong() > 0)
                counted[cells[0].toLongLong()] = cells[1].toLongLong();
        }
        std::map<qint64, qint64> expected;
        auto database = data::Database::open(project.toStdString(), data::Database::Mode::ReadOnly);
        QVERIFY(database.ok());
        auto query = database->prepare(
            "SELECT grid_id, count(*) FROM incidents WHERE category = 'street_vending' AND reported_at >= "
            "'2025-05-31T16:00:00' AND reported_at < '2025-06-30T16:00:00' GROUP BY grid_id");
        QVERIFY(query.ok());
        QVERIFY(query
                    ->forEachRow([&expected](const data::Statement& row)
                                 { expected[row.columnInt64(0)] = row.columnInt64(1); })
                    .ok());
        QVERIFY(!expected.empty());
        QCOMPARE(counted, expected);

        // The same from a filter saved in the project (as the Analysis dock saves it).
        {
            auto store = data::ProjectStore::open(project.toStdString(), {.create = false});
            QVERIFY(store.ok());
            data::IncidentFilter filter;
            filter.categories = {"street_vending"};
            filter.from = QDateTime(QDate(2025, 6, 1), QTime(0, 0), QTimeZone(8 * 3600)).toSecsSinceEpoch();
            filter.to = QDateTime(QDate(2025, 7, 1), QTime(0, 0), QTimeZone(8 * 3600)).toSecsSinceEpoch();
            QVERIFY(store->saveFilter("vending in June", filter.toJson()).ok());
        }
        const Run saved =
            run({QStringLiteral("stats"), QStringLiteral("incidents"), project, QStringLiteral("--filter"),
                 QStringLiteral("vending in June"), QStringLiteral("--lang=en")},
                false);
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        QCOMPARE(saved.out, result.out);
    }

    void statsOtherSubjectsAndFormats()
    {
        const QString project = mFixture.filePath(QStringLiteral("small-sample.gpkg"));
        const Run party = run({QStringLiteral("stats"), QStringLiteral("party"), project, QStringLiteral("--by"),
                               QStringLiteral("community"), QStringLiteral("--lang=en")},
                              false);
        QVERIFY2(party.exitCode == 0, qPrintable(party.err));
        QVERIFY(party.out.startsWith(QStringLiteral("community_id,has_branch,")));
        QVERIFY(party.err.contains(QStringLiteral("residential buildings have a building group")));
        const Run services =
            run({QStringLiteral("stats"), QStringLiteral("services"), project, QStringLiteral("--kind"),
                 QStringLiteral("day_care"), QStringLiteral("--distance"), QStringLiteral("500"),
                 QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--lang=en")},
                false);
        QVERIFY2(services.exitCode == 0, qPrintable(services.err));
        const QJsonDocument json = QJsonDocument::fromJson(services.out.toUtf8());
        QVERIFY(json.isArray());
        QCOMPARE(json.array().size(), 175);
        QCOMPARE(json.array().first().toObject().value(QStringLiteral("distance_m")).toDouble(), 500.0);
        const Run hotspots = run({QStringLiteral("stats"), QStringLiteral("hotspots"), project,
                                  QStringLiteral("--week"), QStringLiteral("2025-06-18"), QStringLiteral("--lang=en")},
                                 false);
        QVERIFY2(hotspots.exitCode == 0, qPrintable(hotspots.err));
        QVERIFY(hotspots.out.section('\n', 0, 0).endsWith(QStringLiteral(",statement")));
        QVERIFY(hotspots.err.contains(QStringLiteral("week of 2025-06-16")));
        // A GeoPackage of grid polygons with their counts, for QGIS; never into the project itself.
        const QString out = mFixture.filePath(QStringLiteral("counts.gpkg"));
        const Run gpkg = run({QStringLiteral("stats"), QStringLiteral("count"), project, QStringLiteral("--out"), out,
                              QStringLiteral("--lang=en")},
                             false);
        QVERIFY2(gpkg.exitCode == 0, qPrintable(gpkg.err));
        data::GdalDatasetPtr dataset = data::openReadOnly(out.toStdString(), GDAL_OF_VECTOR);
        QVERIFY(dataset);
        QCOMPARE(dataset->GetLayerByName("count")->GetFeatureCount(), GIntBig(2257));
        QCOMPARE(dataset->GetLayerByName("count")->GetGeomType(), wkbMultiPolygon);
        const Run intoProject = run({QStringLiteral("stats"), QStringLiteral("count"), project, QStringLiteral("--out"),
                                     project, QStringLiteral("--lang=en")},
                                    false);
        QCOMPARE(intoProject.exitCode, 2);
        QCOMPARE(lineCount(intoProject.err), 1);
        const Run unknown =
            run({QStringLiteral("stats"), QStringLiteral("incidents"), project, QStringLiteral("--category"),
                 QStringLiteral("no such thing"), QStringLiteral("--lang=en")},
                false);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("no such thing")));
    }

    void simulateLiveAppendsRealisticIncidents()
    {
        const QString project = mFixture.filePath(QStringLiteral("live.gpkg"));
        QVERIFY(QFile::copy(mFixture.filePath(QStringLiteral("small-sample.gpkg")), project));
        auto database = data::Database::open(project.toStdString(), data::Database::Mode::ReadOnly);
        QVERIFY(database.ok());
        const std::int64_t before = database->queryInt64("SELECT count(*) FROM incidents").value_or(-1);
        const qint64 started = QDateTime::currentSecsSinceEpoch();
        // 240 a minute for 3 seconds: 12 new cases.
        const Run result = run({QStringLiteral("simulate-live"), project, QStringLiteral("--rate"),
                                QStringLiteral("240"), QStringLiteral("--duration"), QStringLiteral("3"),
                                QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--lang=en")},
                               false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QStringLiteral("new incidents")), qPrintable(result.out));
        QCOMPARE(database->queryInt64("SELECT count(*) FROM incidents").value_or(-1), before + 12);
        // The new cases: just reported, not yet dispatched, in a grid cell, of a known category, on the R-tree.
        const std::string recent = "reported_at >= '" +
                                   QDateTime::fromSecsSinceEpoch(started - 1, Qt::UTC)
                                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                                       .toStdString() +
                                   "'";
        QCOMPARE(database
                     ->queryInt64("SELECT count(*) FROM incidents WHERE " + recent +
                                  " AND status = 'reported' AND dispatched_at IS NULL AND grid_id IS NOT NULL "
                                  "AND category IN (SELECT code FROM citytwin_incident_categories)")
                     .value_or(-1),
                 std::int64_t{12});
        QCOMPARE(database
                     ->queryInt64("SELECT count(*) FROM rtree_incidents_geom r JOIN incidents i ON r.id = i.fid "
                                  "WHERE i." +
                                  recent)
                     .value_or(-1),
                 std::int64_t{12});
        const Run badRate = run({QStringLiteral("simulate-live"), project, QStringLiteral("--rate"),
                                 QStringLiteral("zero"), QStringLiteral("--lang=en")},
                                false);
        QCOMPARE(badRate.exitCode, 2);
        QCOMPARE(lineCount(badRate.err), 1);
        const Run missing = run({QStringLiteral("simulate-live"), mFixture.filePath(QStringLiteral("nope.gpkg")),
                                 QStringLiteral("--rate"), QStringLiteral("6"), QStringLiteral("--lang=en")},
                                false);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("nope.gpkg")));
    }

    /// `citytwin make-tour` on the sample: a week the hot-spot statements flag becomes a tour of its findings, each
    /// stop on the week's incidents with a caption, ending on the district overview; saved in the project and
    /// replaced when made again.
    void makeTourComposesTheWeek()
    {
        const QString project = mFixture.filePath(QStringLiteral("tour.gpkg"));
        QVERIFY(QFile::copy(mFixture.filePath(QStringLiteral("small-sample.gpkg")), project));
        const QString week = QStringLiteral("2025-06-18"); // a Wednesday: six findings on the sample
        const QString monday = QStringLiteral("2025-06-16");
        const qint64 weekStart =
            QDateTime(QDate::fromString(monday, Qt::ISODate), QTime(0, 0), QTimeZone(8 * 3600)).toSecsSinceEpoch();
        const qint64 weekEnd = weekStart + 7 * 86400;
        const Run result = run(
            {QStringLiteral("make-tour"), project, QStringLiteral("--week"), week, QStringLiteral("--lang=en")}, false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString name = QStringLiteral("week-") + monday;
        QVERIFY2(result.out.contains(QStringLiteral("Saved the tour '%1'").arg(name)), qPrintable(result.out));

        // The grids the hot-spot statements speak of that week.
        const Run hotspots =
            run({QStringLiteral("stats"), QStringLiteral("hotspots"), project, QStringLiteral("--week"), week,
                 QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--lang=en")},
                false);
        QVERIFY2(hotspots.exitCode == 0, qPrintable(hotspots.err));
        QSet<qint64> stated;
        for (const QJsonValue row : QJsonDocument::fromJson(hotspots.out.toUtf8()).array())
            if (!row.toObject().value(QStringLiteral("statement")).toString().isEmpty())
                stated.insert(row.toObject().value(QStringLiteral("grid_id")).toInteger());
        QVERIFY(!stated.isEmpty());

        auto store = data::ProjectStore::open(project.toStdString(), {.create = false});
        QVERIFY(store.ok());
        auto tours = store->tours();
        QVERIFY(tours.ok());
        const auto tour = std::find_if(tours->begin(), tours->end(),
                                       [&name](const data::Tour& t) { return t.name == name.toStdString(); });
        QVERIFY(tour != tours->end());
        QVERIFY(tour->stops.size() > 1);
        QCOMPARE(lineCount(result.out), static_cast<int>(tour->stops.size()) + 2);
        for (std::size_t i = 0; i < tour->stops.size(); ++i)
        {
            const data::Tour::Stop& stop = tour->stops[i];
            QCOMPARE(stop.bookmark, name.toStdString() + "-" + std::to_string(i + 1));
            auto bookmark = store->bookmark(stop.bookmark);
            QVERIFY(bookmark.ok() && bookmark.value());
            QVERIFY(bookmark.value()->state);
            const data::ViewState& state = *bookmark.value()->state;
            QVERIFY(state.heat);
            QVERIFY(!state.caption.empty());
            QVERIFY(std::find(state.shownLayers.begin(), state.shownLayers.end(), "grids") != state.shownLayers.end());
            auto filter = data::IncidentFilter::fromJson(state.filterJson);
            QVERIFY(filter.ok());
            QCOMPARE(filter->to.value_or(0), weekEnd);
            // A backlog's stop also shows the cases reported before the week that became overdue in it.
            QVERIFY(filter->overdueOnly ? filter->from.value_or(0) < weekStart : filter->from.value_or(0) == weekStart);
            const QString caption = QString::fromStdString(state.caption);
            QVERIFY2(result.out.contains(caption), qPrintable(caption));
            if (i + 1 == tour->stops.size())
            {
                // The overview: the whole week, every category, from high above.
                QVERIFY2(caption.startsWith(QStringLiteral("This week in the district: ")), qPrintable(caption));
                QVERIFY(filter->categories.empty() && !filter->overdueOnly);
                QVERIFY(bookmark.value()->eye.z - bookmark.value()->center.z > 10000.0);
                continue;
            }
            QVERIFY2(caption.startsWith(QStringLiteral("Grid ")), qPrintable(caption));
            QVERIFY(bookmark.value()->eye.z - bookmark.value()->center.z < 5000.0);
            // A rise is one the hot-spot statements of the week speak of too.
            if (!filter->overdueOnly)
            {
                const qint64 grid =
                    caption.section(QLatin1Char(' '), 1, 1).section(QLatin1Char(':'), 0, 0).toLongLong();
                QVERIFY2(stated.contains(grid), qPrintable(caption));
            }
        }

        // Made again: the same tour replaced, not a second one; another name is another tour.
        const Run again = run(
            {QStringLiteral("make-tour"), project, QStringLiteral("--week"), week, QStringLiteral("--lang=en")}, false);
        QCOMPARE(again.exitCode, 0);
        const Run named = run({QStringLiteral("make-tour"), project, QStringLiteral("--week"), monday,
                               QStringLiteral("--name"), QStringLiteral("Monday meeting"), QStringLiteral("--lang=en")},
                              false);
        QCOMPARE(named.exitCode, 0);
        auto after = store->tours();
        QVERIFY(after.ok());
        QCOMPARE(after->size(), tours->size() + 1);
        QVERIFY(store->bookmark("Monday meeting-1").value_or(std::nullopt).has_value());

        // A week without incidents still gets the overview, and says so.
        const Run empty = run({QStringLiteral("make-tour"), project, QStringLiteral("--week"),
                               QStringLiteral("2030-01-09"), QStringLiteral("--lang=en")},
                              false);
        QVERIFY2(empty.exitCode == 0, qPrintable(empty.err));
        QVERIFY2(empty.err.contains(QStringLiteral("no incidents that week")), qPrintable(empty.err));
        QVERIFY(empty.out.contains(QStringLiteral("This week in the district: no incidents")));
        auto emptyTours = store->tours();
        QVERIFY(emptyTours.ok());
        const auto emptyTour = std::find_if(emptyTours->begin(), emptyTours->end(),
                                            [](const data::Tour& t) { return t.name == "week-2030-01-07"; });
        QVERIFY(emptyTour != emptyTours->end());
        QCOMPARE(emptyTour->stops.size(), std::size_t{1});

        // Bad arguments: exit 2; a missing project: exit 1; one line each.
        const Run badDate = run({QStringLiteral("make-tour"), project, QStringLiteral("--week"),
                                 QStringLiteral("the 40th"), QStringLiteral("--lang=en")},
                                false);
        QCOMPARE(badDate.exitCode, 2);
        QCOMPARE(lineCount(badDate.err), 1);
        QVERIFY(badDate.err.contains(QStringLiteral("the 40th")));
        const Run noWeek = run({QStringLiteral("make-tour"), project, QStringLiteral("--lang=en")}, false);
        QCOMPARE(noWeek.exitCode, 2);
        QCOMPARE(lineCount(noWeek.err), 1);
        const Run missing = run({QStringLiteral("make-tour"), mFixture.filePath(QStringLiteral("nope.gpkg")),
                                 QStringLiteral("--week"), week, QStringLiteral("--lang=en")},
                                false);
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(lineCount(missing.err), 1);
        QVERIFY(missing.err.contains(QStringLiteral("nope.gpkg")));
    }

    /// `citytwin shot --mode briefing` writes the briefing screen at the size asked, on the stop asked; a wrong
    /// stop or tour is one line on stderr and exit 2.
    void shotCapturesTheBriefingScreen()
    {
        const QString project = mFixture.filePath(QStringLiteral("small-sample.gpkg"));
        const QString out = mFixture.filePath(QStringLiteral("briefing-shot.png"));
        const Run result = run({QStringLiteral("shot"), project, QStringLiteral("--mode"), QStringLiteral("briefing"),
                                QStringLiteral("--tour"), QStringLiteral("briefing"), QStringLiteral("--stop"),
                                QStringLiteral("5"), QStringLiteral("--size"), QStringLiteral("1200x500"),
                                QStringLiteral("--out"), out, QStringLiteral("--lang=en")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QImage picture(out);
        QCOMPARE(picture.size(), QSize(1200, 500));
        // The 3D view fills it (no menu bar, no docks): many colours everywhere, the tiles' dark panels top right.
        QSet<QRgb> colours;
        for (int y = 0; y < picture.height(); y += 5)
            for (int x = 0; x < picture.width(); x += 5)
                colours.insert(picture.pixel(x, y));
        QVERIFY(colours.size() > 50);
        const Run badStop = run({QStringLiteral("shot"), project, QStringLiteral("--tour"), QStringLiteral("briefing"),
                                 QStringLiteral("--stop"), QStringLiteral("99"), QStringLiteral("--out"), out,
                                 QStringLiteral("--lang=en")});
        QCOMPARE(badStop.exitCode, 2);
        // Ours is one line (Qt may add its own notice about the runtime folder under Xvfb).
        QStringList ours = badStop.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        ours.removeIf([](const QString& line) { return line.startsWith(QLatin1String("QStandardPaths")); });
        QCOMPARE(ours.size(), 1);
        QVERIFY(badStop.err.contains(QStringLiteral("99")));
        const Run badTour = run({QStringLiteral("shot"), project, QStringLiteral("--tour"), QStringLiteral("nope"),
                                 QStringLiteral("--out"), out, QStringLiteral("--lang=en")});
        QCOMPARE(badTour.exitCode, 2);
        QVERIFY(badTour.err.contains(QStringLiteral("nope")));
    }

    void ensureGeneratesTheSampleOnceIntoTheDataFolder()
    {
        QTemporaryDir dataHome;
        const Run first = run({QStringLiteral("sample"), QStringLiteral("--ensure")}, false, dataHome.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString path = first.out.trimmed();
        QVERIFY2(path.startsWith(dataHome.path()) && path.endsWith(QStringLiteral(".gpkg")), qPrintable(path));
        QVERIFY(QFileInfo::exists(path));
        // Nothing partial is left beside it, and a second call reuses it.
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files).size(), 1);
        const QDateTime written = QFileInfo(path).lastModified();
        const Run second = run({QStringLiteral("sample"), QStringLiteral("--ensure")}, false, dataHome.path());
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out.trimmed(), path);
        QCOMPARE(QFileInfo(path).lastModified(), written);
    }

    void failedImportIntoANewProjectLeavesNoFile()
    {
        // A table with no coordinates: --strict refuses it, and the project the import was creating is gone again.
        QTemporaryDir dir;
        const QString table = dir.filePath(QStringLiteral("plain.csv"));
        QFile file(table);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("code,name\n1,a\n");
        file.close();
        const QString project = dir.filePath(QStringLiteral("new.gpkg"));
        const Run refused = run({QStringLiteral("import"), project, table, QStringLiteral("--strict"),
                                 QStringLiteral("--crs"), QStringLiteral("EPSG:4326")});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains(QStringLiteral("plain.csv")), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(project));
        const Run missing = run({QStringLiteral("import"), project, dir.filePath(QStringLiteral("nowhere.csv"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFileInfo::exists(project));
    }

    void desktopWithoutDisplaySaysSoInOneLine()
    {
        const Run result = run({mGpkg, QStringLiteral("--lang=en")}, false);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(lineCount(result.err), 1);
        QVERIFY(result.err.contains(QStringLiteral("no display")));
    }

private:
    citytwin::test::MixedGeoPackage mFixture;
    QString mGpkg;
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
