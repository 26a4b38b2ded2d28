#include "common/project_fixture.hpp"

#include "data/incidents/incident_import.hpp"
#include "data/incidents/incident_watcher.hpp"
#include "data/project/project_store.hpp"

#include <csignal>
#include <fstream>
#include <set>

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>

using namespace citytwin;

namespace
{
/// Writes n incident rows in WGS 84 around Lubei, external ids prefix-0 .. prefix-(n-1).
bool writeIncidentCsv(const QString& path, int rows, const QString& prefix)
{
    QByteArray text = "事件编号,发生时间,事件类型,事件来源,经度,纬度\n";
    text.reserve(rows * 64);
    for (int i = 0; i < rows; ++i)
    {
        text += QStringLiteral("%1-%2,2024-03-%3 %4:%5,占道经营,网格员,%6,%7\n")
                    .arg(prefix)
                    .arg(i)
                    .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                    .arg(i % 24, 2, 10, QLatin1Char('0'))
                    .arg(i % 60, 2, 10, QLatin1Char('0'))
                    .arg(118.10 + (i % 1000) * 0.0002, 0, 'f', 6)
                    .arg(39.58 + (i / 1000 % 700) * 0.0002, 0, 'f', 6)
                    .toUtf8();
    }
    return test::writeFile(path, text);
}

QStringList importArguments(const QString& project, const QString& source)
{
    return {QStringLiteral("import"),
            project,
            source,
            QStringLiteral("--as"),
            QStringLiteral("incidents"),
            QStringLiteral("--crs"),
            QStringLiteral("EPSG:4326"),
            QStringLiteral("--lang=en")};
}
} // namespace

/// The import verb as a separate process: killed half-way, and appending while a reader watches.
class TestImportProcess : public QObject
{
    Q_OBJECT
private slots:
    void killedImportLeavesTheProjectAsItWas()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gpkg"));
        const QString small = dir.filePath(QStringLiteral("small.csv"));
        const QString big = dir.filePath(QStringLiteral("big.csv"));
        QVERIFY(writeIncidentCsv(small, 10, QStringLiteral("S")));
        QVERIFY(writeIncidentCsv(big, 300000, QStringLiteral("B")));
        QCOMPARE(QProcess::execute(QStringLiteral(CITYTWIN_EXECUTABLE), importArguments(project, small)
                                                                            << QStringLiteral("--quiet")),
                 0);

        // Kill the big import once it reports rows written: it is inside its write transaction then.
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(CITYTWIN_EXECUTABLE), importArguments(project, big));
        QVERIFY(process.waitForStarted());
        QByteArray progress;
        QElapsedTimer timer;
        timer.start();
        while (!progress.contains("rows written") && timer.elapsed() < 120000 && process.state() == QProcess::Running)
        {
            process.waitForReadyRead(100);
            progress += process.readAllStandardError();
        }
        QVERIFY2(progress.contains("rows written"), progress.constData());
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        auto store = data::ProjectStore::open(project.toStdString(), {.create = false});
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message().c_str());
        QCOMPARE(test::queryInt(store.value(), "SELECT count(*) FROM incidents"), 10);
        QCOMPARE(test::queryInt(store.value(), "SELECT count(*) FROM rtree_incidents_geom"), 10);
        auto check = store->database().prepare("PRAGMA integrity_check");
        QVERIFY(check.ok() && check->step().value());
        QCOMPARE(check->columnText(0), std::string("ok"));
        QCOMPARE(test::queryInt(store.value(), "SELECT count(*) FROM citytwin_imports"), 1);
        // And it still takes imports.
        QCOMPARE(QProcess::execute(QStringLiteral(CITYTWIN_EXECUTABLE), importArguments(project, small)
                                                                            << QStringLiteral("--quiet")),
                 0);
    }

    void readerSeesEveryAppendedRowExactlyOnce()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gpkg"));
        QVERIFY(data::ProjectStore::open(project.toStdString()).ok());
        auto watcher = data::IncidentWatcher::open(project.toStdString());
        QVERIFY(watcher.ok());
        QVERIFY(watcher->poll().value().empty());

        constexpr int Batches = 6;
        constexpr int RowsPerBatch = 400;
        for (int b = 0; b < Batches; ++b)
            QVERIFY(writeIncidentCsv(dir.filePath(QStringLiteral("batch%1.csv").arg(b)), RowsPerBatch,
                                     QStringLiteral("T%1").arg(b)));

        std::vector<std::int64_t> seen;
        int polls = 0;
        for (int b = 0; b < Batches; ++b)
        {
            // Each batch is appended by another process while this one keeps polling.
            QProcess writer;
            writer.start(QStringLiteral(CITYTWIN_EXECUTABLE),
                         importArguments(project, dir.filePath(QStringLiteral("batch%1.csv").arg(b)))
                             << QStringLiteral("--quiet"));
            QVERIFY(writer.waitForStarted());
            while (writer.state() != QProcess::NotRunning)
            {
                writer.waitForFinished(15);
                auto rows = watcher->poll();
                QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message().c_str());
                for (const auto& row : rows.value())
                    seen.push_back(row.fid);
                ++polls;
            }
            QCOMPARE(writer.exitCode(), 0);
        }
        auto last = watcher->poll();
        QVERIFY(last.ok());
        for (const auto& row : last.value())
            seen.push_back(row.fid);

        QCOMPARE(seen.size(), std::size_t(Batches * RowsPerBatch));
        const std::set<std::int64_t> unique(seen.begin(), seen.end());
        QCOMPARE(unique.size(), seen.size());
        auto store = data::ProjectStore::open(project.toStdString(), {.create = false});
        QCOMPARE(test::queryInt(store.value(), "SELECT count(*) FROM incidents"),
                 static_cast<std::int64_t>(seen.size()));
        QCOMPARE(*unique.rbegin(), test::queryInt(store.value(), "SELECT max(fid) FROM incidents"));
        qInfo("%d polls", polls);
    }

    /// The stale snapshot the window once saw, by its mechanism: any open and close of the project file in this
    /// process outside SQLite (GDAL's driver probing does it) drops the process's POSIX locks on it; another
    /// process's connection, closing last as far as it can tell, then checkpoints and deletes the -wal and -shm
    /// files under the watcher's connection. The watcher must still see the rows appended.
    void watcherSeesRowsAfterTheLogIsResetUnderIt()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gpkg"));
        QVERIFY(projectWithTwoBatches(dir, project, 50, 70));
        auto watcher = data::IncidentWatcher::open(project.toStdString());
        QVERIFY(watcher.ok());
        QCOMPARE(watcher->poll().value().size(), std::size_t(50));
        const std::uint64_t walBefore = identity(project + QStringLiteral("-wal"));
        {
            std::ifstream probe(project.toStdString(), std::ios::binary); // open and close: the locks are gone
            char byte = 0;
            probe.read(&byte, 1);
        }
        QCOMPARE(QProcess::execute(QStringLiteral(CITYTWIN_EXECUTABLE),
                                   importArguments(project, dir.filePath(QStringLiteral("second.csv")))
                                       << QStringLiteral("--quiet")),
                 0);
        // The other process could delete the log: the situation this test is about really arose.
        QVERIFY(identity(project + QStringLiteral("-wal")) != walBefore);
        // And this process appends too (the window's import dialog), through a connection of its own.
        QVERIFY(writeIncidentCsv(dir.filePath(QStringLiteral("third.csv")), 30, QStringLiteral("H")));
        {
            auto store = data::ProjectStore::open(project.toStdString(), {.create = false});
            QVERIFY(store.ok());
            data::IncidentImportOptions options;
            options.crs = "EPSG:4326";
            auto report = data::importIncidents(store.value(), dir.filePath(QStringLiteral("third.csv")).toStdString(),
                                                options);
            QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        }
        auto rows = watcher->poll();
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message().c_str());
        QCOMPARE(rows->size(), std::size_t(100));
        QCOMPARE(rows->back().fid, watcher->lastFid());
        auto store = data::ProjectStore::open(project.toStdString(), {.create = false, .readOnly = true});
        QVERIFY(store.ok());
        QCOMPARE(test::queryInt(store.value(), "SELECT count(*) FROM incidents"), std::int64_t(150));
        auto check = store->database().prepare("PRAGMA integrity_check");
        QVERIFY(check.ok() && check->step().value());
        QCOMPARE(check->columnText(0), std::string("ok"));
    }

    /// The window marks the rows present when it opens a project as seen without reading them (they come with the
    /// layers): only rows committed later are news, each once.
    void watcherSkipsTheRowsPresentWhenItOpens()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gpkg"));
        QVERIFY(projectWithTwoBatches(dir, project, 40, 25));
        auto watcher = data::IncidentWatcher::open(project.toStdString());
        QVERIFY(watcher.ok());
        auto highest = watcher->skipExisting();
        QVERIFY(highest.ok());
        QCOMPARE(highest.value(), std::int64_t(40));
        QVERIFY(watcher->poll().value().empty());
        QCOMPARE(QProcess::execute(QStringLiteral(CITYTWIN_EXECUTABLE),
                                   importArguments(project, dir.filePath(QStringLiteral("second.csv")))
                                       << QStringLiteral("--quiet")),
                 0);
        auto rows = watcher->poll();
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message().c_str());
        QCOMPARE(rows->size(), std::size_t(25));
        QCOMPARE(rows->front().fid, std::int64_t(41));
        QVERIFY(watcher->poll().value().empty());
    }

private:
    /// Makes a project, writes first.csv and second.csv of first and second rows into dir and imports first.csv
    /// with the import verb in another process.
    static bool projectWithTwoBatches(const QTemporaryDir& dir, const QString& project, int first, int second)
    {
        return data::ProjectStore::open(project.toStdString()).ok() &&
               writeIncidentCsv(dir.filePath(QStringLiteral("first.csv")), first, QStringLiteral("F")) &&
               writeIncidentCsv(dir.filePath(QStringLiteral("second.csv")), second, QStringLiteral("G")) &&
               QProcess::execute(QStringLiteral(CITYTWIN_EXECUTABLE),
                                 importArguments(project, dir.filePath(QStringLiteral("first.csv")))
                                     << QStringLiteral("--quiet")) == 0;
    }

    static std::uint64_t identity(const QString& path)
    {
        struct stat status
        {
        };
        return ::stat(path.toLocal8Bit().constData(), &status) == 0 ? static_cast<std::uint64_t>(status.st_ino) : 0;
    }
};

QTEST_GUILESS_MAIN(TestImportProcess)
#include "test_import_process.moc"
