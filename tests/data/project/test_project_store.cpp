#include "common/mixed_geopackage.hpp"
#include "common/project_fixture.hpp"

#include "data/incidents/field_mapping.hpp"
#include "data/project/project_store.hpp"
#include "data/project/tour_file.hpp"

#include <QCryptographicHash>
#include <QProcess>
#include <QTest>

using namespace citytwin;

class TestProjectStore : public QObject
{
    Q_OBJECT
private slots:
    void createsAGeoPackageOthersCanRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.gpkg"));
        auto project = data::ProjectStore::open(path.toStdString());
        QVERIFY2(project.ok(), project.ok() ? "" : project.error().message().c_str());
        QCOMPARE(project->schemaVersion(), data::ProjectStore::CurrentSchemaVersion);
        QCOMPARE(project->projectCrs(), std::string("EPSG:4548"));
        QVERIFY(project->hasFeatureTable("incidents"));
        QCOMPARE(project->srsIdOf("incidents").value(), 4548);
        auto mode = project->database().prepare("PRAGMA journal_mode");
        QVERIFY(mode.ok() && mode->step().value());
        QCOMPARE(mode->columnText(0), std::string("wal"));
        QVERIFY(test::queryInt(project.value(), "SELECT count(*) FROM citytwin_incident_categories") >= 20);
        QVERIFY(!QFile::exists(path + QStringLiteral(".creating.gpkg")));

        // ogrinfo (GDAL, as QGIS uses it) reads the incident table as a point layer in EPSG:4548.
        QProcess ogrinfo;
        ogrinfo.start(QStringLiteral("ogrinfo"),
                      {QStringLiteral("-ro"), QStringLiteral("-so"), path, QStringLiteral("incidents")});
        QVERIFY(ogrinfo.waitForFinished(30000));
        const QString out = QString::fromUtf8(ogrinfo.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Geometry: Point")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("EPSG\",4548")) || out.contains(QStringLiteral("CM 117E")),
                 qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("reported_at: DateTime")));
    }

    void reopensAndKeepsItsData()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p.gpkg")).toStdString();
        {
            auto project = data::ProjectStore::open(path);
            QVERIFY(project.ok());
            QVERIFY(project->setMeta("note", "路北区").ok());
        }
        auto again = data::ProjectStore::open(path, {.create = false});
        QVERIFY(again.ok());
        QCOMPARE(QString::fromStdString(again->meta("note").value()), QStringLiteral("路北区"));
    }

    void migratesAnOlderSchema()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p.gpkg")).toStdString();
        {
            auto project = data::ProjectStore::open(path);
            QVERIFY(project.ok());
            // Pretend it was written by schema 0: no categories, version 0.
            QVERIFY(project->database().exec("DELETE FROM citytwin_incident_categories").ok());
            QVERIFY(project->setMeta("schema_version", "0").ok());
        }
        auto migrated = data::ProjectStore::open(path);
        QVERIFY(migrated.ok());
        QCOMPARE(migrated->schemaVersion(), data::ProjectStore::CurrentSchemaVersion);
        QVERIFY(test::queryInt(migrated.value(), "SELECT count(*) FROM citytwin_incident_categories") >= 20);
        QCOMPARE(migrated->meta("schema_version").value(), std::to_string(data::ProjectStore::CurrentSchemaVersion));
    }

    /// A schema-1 project (bookmarks with a camera only): read-only it is read as it is, its bookmarks and tours
    /// listed without states; opened read-write it is migrated and its bookmarks can carry states.
    void aSchemaOneProjectKeepsItsBookmarks()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p.gpkg")).toStdString();
        {
            auto project = data::ProjectStore::open(path);
            QVERIFY(project.ok());
            QVERIFY(project->saveBookmark({"old", {1, 2, 3}, {4, 5, 6}, {0, 0, 1}, std::nullopt}).ok());
            QVERIFY(project->saveTour({"t", {{"old", 6.0, {}, {}}}, {}}).ok());
            // Make it a schema-1 file as version 1 wrote it: without the columns schema 2 added.
            for (const char* sql :
                 {"ALTER TABLE citytwin_bookmarks DROP COLUMN state",
                  "ALTER TABLE citytwin_tour_stops DROP COLUMN caption",
                  "ALTER TABLE citytwin_tour_stops DROP COLUMN notes", "ALTER TABLE citytwin_tours DROP COLUMN kpis"})
                QVERIFY2(project->database().exec(sql).ok(), sql);
            QVERIFY(project->setMeta("schema_version", "1").ok());
        }
        {
            auto readOnly = data::ProjectStore::open(path, {.create = false, .readOnly = true});
            QVERIFY2(readOnly.ok(), readOnly.ok() ? "" : readOnly.error().message().c_str());
            QCOMPARE(readOnly->schemaVersion(), 1);
            const auto bookmarks = readOnly->bookmarks();
            QVERIFY(bookmarks.ok());
            QCOMPARE(bookmarks->size(), std::size_t(1));
            QCOMPARE(bookmarks->front().eye.z, 3.0);
            QVERIFY(!bookmarks->front().state.has_value());
            const auto tours = readOnly->tours();
            QVERIFY(tours.ok());
            QCOMPARE(tours->size(), std::size_t(1));
            QCOMPARE(tours->front().stops.front().durationSeconds, 6.0);
        }
        auto migrated = data::ProjectStore::open(path);
        QVERIFY(migrated.ok());
        QCOMPARE(migrated->schemaVersion(), data::ProjectStore::CurrentSchemaVersion);
        QVERIFY(!migrated->bookmark("old").value()->state.has_value());
        data::ViewState state;
        state.heat = true;
        QVERIFY(migrated->saveBookmark({"new", {1, 2, 3}, {4, 5, 6}, {0, 0, 1}, state}).ok());
        QVERIFY(migrated->bookmark("new").value()->state->heat);
    }

    /// A bookmark saved with what its view shows gets all of it back; one saved without gets none.
    void bookmarksCarryTheirViewState()
    {
        test::TemporaryProject project;
        QVERIFY(project.ok());
        data::ViewState state;
        state.shownLayers = {"grids", "buildings"};
        state.coloring = data::LayerColoring{"grids", "population", true};
        state.heat = true;
        state.filterJson = R"({"categories":["street_vending"],"version":1})";
        state.caption = "近30天占道经营热力";
        QVERIFY(project.store().saveBookmark({"heat", {10, 20, 30}, {1, 2, 0}, {0, 0, 1}, state}).ok());
        QVERIFY(project.store().saveBookmark({"plain", {10, 20, 30}, {1, 2, 0}, {0, 0, 1}, std::nullopt}).ok());
        const auto heat = project.store().bookmark("heat").value();
        QVERIFY(heat.has_value() && heat->state.has_value());
        QCOMPARE(heat->state.value(), state);
        QVERIFY(!project.store().bookmark("plain").value()->state.has_value());
        // Saving again under the same name replaces the state too (here: removes it).
        QVERIFY(project.store().saveBookmark({"heat", {10, 20, 30}, {1, 2, 0}, {0, 0, 1}, std::nullopt}).ok());
        QVERIFY(!project.store().bookmark("heat").value()->state.has_value());
    }

    void aBrokenViewStateIsAClearErrorAndKeepsTheCamera()
    {
        QVERIFY(!data::ViewState::fromJson("{", "p.gpkg").ok());
        const auto wrong = data::ViewState::fromJson(R"({"layers":"grids"})", "p.gpkg");
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message().find("p.gpkg") == 0);
        QVERIFY(wrong.error().detail.find("layers") != std::string::npos);
        QVERIFY(!data::ViewState::fromJson(R"({"heat":"yes"})").ok());
        QVERIFY(!data::ViewState::fromJson(R"({"coloring":{"layer":"grids"}})").ok());
        test::TemporaryProject project;
        QVERIFY(project.store().saveBookmark({"b", {1, 2, 3}, {0, 0, 0}, {0, 0, 1}, std::nullopt}).ok());
        QVERIFY(project.store().database().exec("UPDATE citytwin_bookmarks SET state = '[1,2' WHERE name = 'b'").ok());
        const auto bookmarks = project.store().bookmarks();
        QVERIFY(bookmarks.ok());
        QCOMPARE(bookmarks->size(), std::size_t(1));
        QCOMPARE(bookmarks->front().eye.x, 1.0);
        QVERIFY(!bookmarks->front().state.has_value());
    }

    void tourStopsCarryCaptionsNotesAndTiles()
    {
        test::TemporaryProject project;
        for (const char* name : {"a", "b"})
            QVERIFY(project.store().saveBookmark({name, {1, 2, 3}, {0, 0, 0}, {0, 0, 1}, std::nullopt}).ok());
        const data::Tour tour{"周报",
                              {{"a", 5.0, "全区概况", "先讲总数"}, {"b", 12.5, {}, {}}, {"a", 3.0, {}, {}}},
                              {"today", "overdue", "trend"}};
        QVERIFY(project.store().saveTour(tour).ok());
        const auto tours = project.store().tours().value();
        QCOMPARE(tours.size(), std::size_t(1));
        QCOMPARE(tours[0].name, tour.name);
        QCOMPARE(tours[0].kpis, tour.kpis);
        QCOMPARE(tours[0].stops.size(), std::size_t(3));
        QCOMPARE(tours[0].stops[0].caption, std::string("全区概况"));
        QCOMPARE(tours[0].stops[0].notes, std::string("先讲总数"));
        QCOMPARE(tours[0].stops[1].durationSeconds, 12.5);
        QCOMPARE(tours[0].stops[2].bookmark, std::string("a"));
        QVERIFY(!project.store().saveTour({"empty", {}, {}}).ok());
        QVERIFY(!project.store().saveTour({"missing", {{"nope", 5.0, {}, {}}}, {}}).ok());
        QCOMPARE(project.store().tours()->size(), std::size_t(1)); // the failed saves left nothing
        QVERIFY(project.store().deleteTour("周报").value());
        QVERIFY(!project.store().deleteTour("周报").value());
        QVERIFY(project.store().tours()->empty());
    }

    /// A tour exported to JSON and imported into another project brings its bookmarks (with their states), stops,
    /// captions, notes and tiles; broken files are refused with the file's name and nothing is written.
    void toursTravelAsJsonFiles()
    {
        test::TemporaryProject from, to;
        data::ViewState state;
        state.heat = true;
        state.caption = "热力";
        QVERIFY(from.store().saveBookmark({"heat", {10, 20, 30}, {1, 2, 0}, {0, 0, 1}, state}).ok());
        QVERIFY(from.store().saveBookmark({"plain", {5, 6, 7}, {1, 2, 0}, {0, 0, 1}, std::nullopt}).ok());
        QVERIFY(from.store()
                    .saveTour({"briefing", {{"plain", 4.0, "开场", "notes"}, {"heat", 9.0, {}, {}}}, {"week"}})
                    .ok());
        const std::string file = from.filePath(QStringLiteral("briefing.tour.json")).toStdString();
        QVERIFY(data::exportTour(from.store(), "briefing", file).ok());
        QVERIFY(!data::exportTour(from.store(), "nope", file).ok());

        auto imported = data::importTour(to.store(), file, "简报");
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message().c_str());
        const auto tours = to.store().tours().value();
        QCOMPARE(tours.size(), std::size_t(1));
        QCOMPARE(tours[0].name, std::string("简报"));
        QCOMPARE(tours[0].kpis, std::vector<std::string>{"week"});
        QCOMPARE(tours[0].stops.size(), std::size_t(2));
        QCOMPARE(tours[0].stops[0].caption, std::string("开场"));
        QCOMPARE(tours[0].stops[1].durationSeconds, 9.0);
        const auto heat = to.store().bookmark("heat").value();
        QVERIFY(heat && heat->state && heat->state->heat);
        QCOMPARE(heat->state->caption, std::string("热力"));
        QCOMPARE(to.store().bookmark("plain").value()->eye.z, 7.0);

        // Broken files: a clear error naming the file; the project is unchanged.
        const std::pair<const char*, QByteArray> broken[] = {
            {"not-json.json", "{\"citytwin_tour\": 1, "},
            {"no-version.json", R"({"name":"x","stops":[]})"},
            {"newer.json", R"({"citytwin_tour":9,"name":"x","stops":[]})"},
            {"no-stops.json", R"({"citytwin_tour":1,"name":"x","stops":[]})"},
            {"bad-camera.json",
             R"({"citytwin_tour":1,"name":"x","stops":[{"bookmark":{"name":"b","eye":[1,2],"center":[0,0,0]}}]})"},
            {"bad-duration.json",
             R"({"citytwin_tour":1,"name":"x","stops":[{"bookmark":{"name":"b","eye":[1,2,3],"center":[0,0,0]},"duration_s":-1}]})"},
            {"bad-state.json",
             R"({"citytwin_tour":1,"name":"x","stops":[{"bookmark":{"name":"b","eye":[1,2,3],"center":[0,0,0],"state":{"heat":3}}}]})"},
            {"other-crs.json",
             R"({"citytwin_tour":1,"name":"x","crs":"EPSG:4326","stops":[{"bookmark":{"name":"b","eye":[1,2,3],"center":[0,0,0]}}]})"},
        };
        for (const auto& [name, bytes] : broken)
        {
            const QString path = to.filePath(QString::fromLatin1(name));
            QVERIFY(test::writeFile(path, bytes));
            const auto result = data::importTour(to.store(), path.toStdString());
            QVERIFY2(!result.ok(), name);
            QVERIFY2(result.error().message().find(path.toStdString()) == 0, result.error().message().c_str());
        }
        QVERIFY(!data::importTour(to.store(), to.filePath(QStringLiteral("missing.json")).toStdString()).ok());
        QCOMPARE(to.store().tours()->size(), std::size_t(1));
        QCOMPARE(to.store().bookmarks()->size(), std::size_t(2));
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p.gpkg")).toStdString();
        {
            auto project = data::ProjectStore::open(path);
            QVERIFY(project->setMeta("schema_version", "99").ok());
        }
        auto newer = data::ProjectStore::open(path);
        QVERIFY(!newer.ok());
        QVERIFY(newer.error().detail.find("newer") != std::string::npos);
    }

    void aFileThatIsNotADatabaseIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fake.gpkg"));
        QVERIFY(test::writeFile(path, QByteArray("this is not a database\n").repeated(200)));
        auto project = data::ProjectStore::open(path.toStdString());
        QVERIFY(!project.ok());
        QCOMPARE(project.error().code, data::ErrorCode::OpenFailed);
        QCOMPARE(project.error().path, path.toStdString());
        QVERIFY(project.error().detail.find("not an SQLite database") != std::string::npos);
    }

    void aPlainGeoPackageIsLeftAlone()
    {
        test::MixedGeoPackage fixture;
        QVERIFY(fixture.ok());
        QFile file(fixture.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        file.close();
        auto project = data::ProjectStore::open(fixture.pathString());
        QVERIFY(!project.ok());
        QVERIFY(project.error().detail.find("not a CityTwin project") != std::string::npos);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
    }

    void missingProjectWithoutCreateIsAnError()
    {
        auto project = data::ProjectStore::open("/nonexistent/dir/p.gpkg", {.create = false});
        QVERIFY(!project.ok());
        QCOMPARE(project.error().code, data::ErrorCode::FileNotFound);
    }

    void unwritableFolderIsAnError()
    {
        auto project = data::ProjectStore::open("/proc/citytwin-cannot-write-here.gpkg");
        QVERIFY(!project.ok());
        QVERIFY(!project.error().path.empty());
    }

    void savesFieldMappings()
    {
        QTemporaryDir dir;
        auto project = data::ProjectStore::open(dir.filePath(QStringLiteral("p.gpkg")).toStdString());
        data::FieldMapping mapping = data::guessFieldMapping({"事件编号", "发生时间", "事件类型", "经度", "纬度"});
        mapping.name = "12345 热线";
        mapping.crs = "gcj02";
        QVERIFY(project->saveFieldMapping(mapping.name, data::toJson(mapping)).ok());
        QVERIFY(project->saveFieldMapping(mapping.name, data::toJson(mapping)).ok()); // replace, not duplicate
        const auto names = project->fieldMappingNames().value();
        QCOMPARE(names.size(), std::size_t(1));
        const auto saved = project->fieldMapping("12345 热线").value();
        QVERIFY(saved.has_value());
        const auto parsed = data::parseFieldMapping(*saved);
        QVERIFY(parsed.ok());
        QCOMPARE(QString::fromStdString(parsed->column("reported_at")), QStringLiteral("发生时间"));
        QCOMPARE(QString::fromStdString(parsed->column("x")), QStringLiteral("经度"));
        QCOMPARE(parsed->crs, std::string("gcj02"));
        QCOMPARE(parsed->utcOffsetMinutes, 480);
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "test_project_store.moc"
