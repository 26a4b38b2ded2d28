#include "common/project_fixture.hpp"

#include "data/incidents/incident_import.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/incidents/store_cache.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/io/sqlite_database.hpp"

#include <filesystem>
#include <fstream>
#include <random>

#include <QTest>

using namespace citytwin;

namespace
{
constexpr double X0 = 601000.0;
constexpr double Y0 = 4391000.0;

/// Appends n incidents through SQL, as another program editing the project would; varied categories, sources,
/// cameras and times so that every column and dictionary has content.
bool appendRows(data::ProjectStore& project, int n, int seed)
{
    static const char* categories[] = {"noise", "street_vending", "illegal_parking", "garbage"};
    static const char* sources[] = {"hotline", "camera_ai", "grid_inspector"};
    auto insert = project.database().prepare(
        "INSERT INTO incidents(geom, source, category, status, reported_at, closed_at, grid_id, camera_id) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    auto transaction = data::Transaction::begin(project.database());
    if (!insert || !transaction)
        return false;
    std::mt19937 random(static_cast<unsigned>(seed));
    for (int i = 0; i < n; ++i)
    {
        const std::string blob = data::gpkg::encodePoint(X0 + random() % 3000, Y0 + random() % 3000, 4548);
        insert->bindBlob(1, blob.data(), blob.size());
        const bool closed = random() % 2 == 0;
        const int day = 1 + static_cast<int>(random() % 28);
        const std::string reported = "2025-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T08:00:00Z";
        const std::string closedAt = "2025-03-01T08:00:00Z";
        insert->bind(2, sources[random() % 3])
            .bind(3, categories[random() % 4])
            .bind(4, closed ? "closed" : "reported");
        insert->bind(5, reported);
        closed ? insert->bind(6, closedAt) : insert->bindNull(6);
        insert->bindOptional(7, std::optional<std::int64_t>(100 + random() % 50));
        insert->bindOptional(8, random() % 3 == 0 ? std::optional<std::int64_t>(random() % 20) : std::nullopt);
        if (!insert->run())
            return false;
    }
    return transaction.value()->commit().ok();
}

/// True when two stores hold the same incidents, columns and dictionaries.
bool sameStore(const data::IncidentStore& a, const data::IncidentStore& b)
{
    const auto& x = a.columns();
    const auto& y = b.columns();
    const auto& p = a.codes();
    const auto& q = b.codes();
    return a.size() == b.size() && a.skipped() == b.skipped() && x.x == y.x && x.y == y.y && x.reported == y.reported &&
           x.toDispatch == y.toDispatch && x.toHandle == y.toHandle && x.toClose == y.toClose && x.grid == y.grid &&
           x.camera == y.camera && x.category == y.category && x.source == y.source && x.status == y.status &&
           p.categories == q.categories && p.sources == q.sources && p.statuses == q.statuses &&
           p.overdueHours == q.overdueHours && p.gridIds == q.gridIds && p.gridCommunity == q.gridCommunity &&
           p.communityIds == q.communityIds && p.cameraIds == q.cameraIds && a.position(0).x == b.position(0).x &&
           a.position(0).y == b.position(0).y;
}

QByteArray readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return QByteArray::fromStdString(std::string(std::istreambuf_iterator<char>(in), {}));
}

void writeAll(const std::string& path, const QByteArray& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.constData(), bytes.size());
}
} // namespace

/// The incident column cache beside a project (PROJECT.citytwin-store): a project opens from it exactly as from
/// its table; any change to the incidents, grids, communities or category limits, by CityTwin or another
/// program, makes it stale; a damaged, truncated or foreign cache is refused and rebuilt, never trusted.
class TestStoreCache : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        mProject = std::make_unique<test::TemporaryProject>();
        QVERIFY(mProject->ok());
        QVERIFY(appendRows(mProject->store(), 500, 1));
        mPath = mProject->store().path();
        mCache = data::IncidentStoreCache::pathFor(mPath);
    }

    void cleanup() { mProject.reset(); }

    void secondOpenReadsTheCacheAndEqualsTheTable()
    {
        data::IncidentStore::OpenReport first, second;
        auto built = data::IncidentStore::open(mPath, &first);
        QVERIFY2(built.ok(), built.ok() ? "" : built.error().message().c_str());
        QVERIFY(!first.fromCache);
        QVERIFY(first.cacheWritten);
        QVERIFY(std::filesystem::exists(mCache));
        auto cached = data::IncidentStore::open(mPath, &second);
        QVERIFY(cached.ok());
        QVERIFY2(second.fromCache, second.cacheNote.c_str());
        auto table = data::IncidentStore::load(mPath);
        QVERIFY(table.ok());
        QCOMPARE(cached->size(), std::size_t{500});
        QVERIFY(sameStore(cached.value(), table.value()));
        QVERIFY(sameStore(built.value(), table.value()));
    }

    void everyChangeMakesTheCacheStale()
    {
        const std::vector<std::pair<const char*, std::string>> changes = {
            {"append", ""},
            {"update a category", "UPDATE incidents SET category = 'noise' WHERE fid = 3 AND category <> 'noise'; "
                                  "UPDATE incidents SET category = 'garbage' WHERE fid = 3 AND changes() = 0"},
            {"close a case",
             "UPDATE incidents SET status = 'closed', closed_at = '2025-04-01T00:00:00Z' WHERE fid = 5"},
            {"delete the last row", "DELETE FROM incidents WHERE fid = (SELECT max(fid) FROM incidents)"},
            {"delete and append (same count)", "DELETE FROM incidents WHERE fid = 1"},
            {"change an overdue limit",
             "UPDATE citytwin_incident_categories SET overdue_hours = 1 WHERE code = 'noise'"},
        };
        data::IncidentStore::OpenReport report;
        QVERIFY(data::IncidentStore::open(mPath, &report).ok());
        for (const auto& [what, sql] : changes)
        {
            QVERIFY2(data::IncidentStore::open(mPath, &report).ok() && report.fromCache, what);
            if (sql.empty() || std::string(what).find("append") != std::string::npos)
                QVERIFY(appendRows(mProject->store(), 1, 7));
            if (!sql.empty())
                QVERIFY2(mProject->store().database().exec(sql).ok(), what);
            auto reopened = data::IncidentStore::open(mPath, &report);
            QVERIFY(reopened.ok());
            QVERIFY2(!report.fromCache, what);
            QVERIFY2(report.cacheNote.find("stale") != std::string::npos, report.cacheNote.c_str());
            QVERIFY2(report.cacheWritten, what);
            auto table = data::IncidentStore::load(mPath);
            QVERIFY2(sameStore(reopened.value(), table.value()), what);
        }
    }

    void anImportMakesTheCacheStale()
    {
        data::IncidentStore::OpenReport report;
        QVERIFY(data::IncidentStore::open(mPath, &report).ok());
        const QString csv = mProject->filePath(QStringLiteral("more.csv"));
        QVERIFY(test::writeFile(csv, "事件编号,发生时间,事件类型,事件来源,经度,纬度,地址\n"
                                     "C1,2025-03-05 14:23,占道经营,网格员,118.18,39.65,\n"
                                     "C2,2025-03-05 15:00,噪音扰民,12345热线,118.19,39.66,\n"));
        data::IncidentImportOptions options;
        options.crs = "EPSG:4326";
        auto imported = data::importIncidents(mProject->store(), csv.toStdString(), options);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message().c_str());
        QCOMPARE(imported->rowsImported, std::int64_t{2});
        auto reopened = data::IncidentStore::open(mPath, &report);
        QVERIFY(reopened.ok());
        QVERIFY(!report.fromCache);
        QCOMPARE(reopened->size(), std::size_t{502});
    }

    void aProjectWithoutTheTriggersKeepsNoCache()
    {
        QVERIFY(mProject->store().database().exec("DROP TRIGGER citytwin_incidents_changed_update").ok());
        opensFromTheTableKeepingNothing();
        QVERIFY(!std::filesystem::exists(mCache));
    }

    void aDamagedCacheIsRefusedAndRebuilt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty") << "empty";
        QTest::newRow("header only, cut") << "cut:40";
        QTest::newRow("half") << "half";
        QTest::newRow("last byte missing") << "short";
        QTest::newRow("byte appended") << "long";
        QTest::newRow("not a cache") << "garbage";
        QTest::newRow("another version") << "version";
        QTest::newRow("count enlarged") << "count";
        QTest::newRow("bit in a column") << "column";
        QTest::newRow("bit in the dictionaries") << "codes";
    }

    void aDamagedCacheIsRefusedAndRebuilt()
    {
        QFETCH(QString, damage);
        QVERIFY(data::IncidentStore::open(mPath).ok());
        QByteArray bytes = readAll(mCache);
        QVERIFY(bytes.size() > 1000);
        if (damage == "empty")
            bytes.clear();
        else if (damage == "cut:40")
            bytes.truncate(40);
        else if (damage == "half")
            bytes.truncate(bytes.size() / 2);
        else if (damage == "short")
            bytes.chop(1);
        else if (damage == "long")
            bytes.append('\0');
        else if (damage == "garbage")
            bytes.fill('x');
        else if (damage == "version")
            bytes[8] = static_cast<char>(bytes[8] + 1); // the version follows the 8-byte magic
        else if (damage == "count")
            bytes[8 + 4 + 4 + 32] = static_cast<char>(bytes[48] + 1); // the incident count after the stamp
        else if (damage == "column")
            bytes[bytes.size() - 3] = static_cast<char>(bytes[bytes.size() - 3] ^ 0x10);
        else if (damage == "codes")
            bytes[200] = static_cast<char>(bytes[200] ^ 0x01);
        writeAll(mCache, bytes);

        data::IncidentStore::OpenReport report;
        auto opened = data::IncidentStore::open(mPath, &report);
        QVERIFY(opened.ok());
        QVERIFY2(!report.fromCache, qPrintable(damage));
        QVERIFY2(report.cacheNote.find(mCache) != std::string::npos, report.cacheNote.c_str());
        QVERIFY(report.cacheWritten);
        QVERIFY(sameStore(opened.value(), data::IncidentStore::load(mPath).value()));
        QVERIFY(data::IncidentStore::open(mPath, &report).ok() && report.fromCache);
    }

    /// Random bit flips and cuts: each cache is either refused or, where the flip fell in padding, read back equal.
    void randomDamageNeverCrashesNorMisleads()
    {
        QVERIFY(data::IncidentStore::open(mPath).ok());
        const QByteArray good = readAll(mCache);
        auto table = data::IncidentStore::load(mPath);
        QVERIFY(table.ok());
        auto stamp = [this]
        {
            auto database = data::Database::open(mPath, data::Database::Mode::ReadOnly);
            return data::IncidentStoreCache::stamp(database.value()).value().value();
        }();
        std::mt19937 random(42);
        int refused = 0;
        for (int trial = 0; trial < 300; ++trial)
        {
            QByteArray bytes = good;
            const int flips = 1 + static_cast<int>(random() % 4);
            for (int f = 0; f < flips; ++f)
            {
                const auto at = static_cast<qsizetype>(random() % static_cast<unsigned>(bytes.size()));
                bytes[at] = static_cast<char>(bytes[at] ^ (1 << (random() % 8)));
            }
            if (trial % 10 == 0)
                bytes.truncate(static_cast<qsizetype>(random() % static_cast<unsigned>(bytes.size())));
            writeAll(mCache, bytes);
            auto read = data::IncidentStoreCache::read(mCache, stamp);
            if (!read)
            {
                ++refused;
                QVERIFY(read.error().message().find(mCache) != std::string::npos);
            }
            else
                QVERIFY2(sameStore(read.value(), table.value()), "a damaged cache was read as different data");
        }
        qInfo("%d of 300 damaged caches refused; the rest differed only in padding", refused);
        QVERIFY(refused > 250);
    }

    void anUnwritableCacheStillOpens()
    {
        // A folder where the cache file should be: writing fails, opening still works and says nothing was kept.
        std::filesystem::create_directory(mCache);
        opensFromTheTableKeepingNothing();
        if (QTest::currentTestFailed())
            return;
        // Nothing left behind: no temporary file beside the project.
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(mPath).parent_path()))
            QVERIFY2(entry.path().filename().string().find(".tmp") == std::string::npos, entry.path().string().c_str());
    }

    void aMissingProjectFailsWithoutACache()
    {
        data::IncidentStore::OpenReport report;
        auto opened = data::IncidentStore::open("/nonexistent/p.gpkg", &report);
        QVERIFY(!opened.ok());
        QVERIFY(!report.cacheWritten);
        QVERIFY(!std::filesystem::exists("/nonexistent/p.gpkg.citytwin-store"));
    }

private:
    /// Opens the project: all 500 incidents, read from the table, no cache written.
    void opensFromTheTableKeepingNothing()
    {
        data::IncidentStore::OpenReport report;
        auto opened = data::IncidentStore::open(mPath, &report);
        QVERIFY(opened.ok());
        QCOMPARE(opened->size(), std::size_t{500});
        QVERIFY(!report.fromCache);
        QVERIFY(!report.cacheWritten);
    }

    std::unique_ptr<test::TemporaryProject> mProject;
    std::string mPath;
    std::string mCache;
};

QTEST_GUILESS_MAIN(TestStoreCache)
#include "test_store_cache.moc"
