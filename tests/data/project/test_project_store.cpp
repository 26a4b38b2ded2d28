#include "common/mixed_geopackage.hpp"
#include "common/project_fixture.hpp"

#include "data/incidents/field_mapping.hpp"
#include "data/project/project_store.hpp"

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
        QCOMPARE(migrated->schemaVersion(), 1);
        QVERIFY(test::queryInt(migrated.value(), "SELECT count(*) FROM citytwin_incident_categories") >= 20);
        QCOMPARE(migrated->meta("schema_version").value(), std::string("1"));
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
