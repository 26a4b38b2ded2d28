#include "common/broken_corpus.hpp"

#include "data/project/project_store.hpp"

#include <algorithm>

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace citytwin;

/// Issue 15: the corpus of broken and hostile inputs through the command-line entry points users use
/// (`citytwin info`, `citytwin import`, `citytwin render`). For every input and verb: the process ends by itself
/// (no crash, no hang), an input that must fail is refused with a message naming the file, a refused import
/// leaves no project behind, and nothing is written beside the input or changed in its folder.
class TestBrokenInputs : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        bool finished = false;
        QProcess::ExitStatus status = QProcess::CrashExit;
        int exitCode = -1;
        QString out;
        QString err;
        qint64 milliseconds = 0;
    };

    static Run run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(CITYTWIN_EXECUTABLE), arguments);
        Run result;
        result.finished = process.waitForFinished(90000);
        if (!result.finished)
        {
            process.kill();
            process.waitForFinished(5000);
        }
        result.milliseconds = clock.elapsed();
        result.status = process.exitStatus();
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    /// The verb's own lines on stderr ("citytwin info: ..."), not the log's.
    static QStringList verbLines(const QString& text, const QString& verb)
    {
        QStringList lines;
        for (const QString& line : text.split(QLatin1Char('\n')))
            if (line.startsWith(QStringLiteral("citytwin %1:").arg(verb)))
                lines << line;
        return lines;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!mCorpus.inputs().empty(), qPrintable(mCorpus.error()));
        QVERIFY2(mCorpus.inputs().size() >= 40, "the corpus has fewer than 40 inputs");
    }

    void eachInputThroughEachVerb_data()
    {
        QTest::addColumn<int>("input");
        QTest::addColumn<QString>("verb");
        for (std::size_t i = 0; i < mCorpus.inputs().size(); ++i)
            for (const char* verb : {"info", "import", "render"})
                QTest::newRow(qPrintable(mCorpus.inputs()[i].name + QLatin1Char(' ') + QLatin1String(verb)))
                    << static_cast<int>(i) << QString::fromLatin1(verb);
    }

    void eachInputThroughEachVerb()
    {
        QFETCH(int, input);
        QFETCH(QString, verb);
        const test::BrokenInput& broken = mCorpus.inputs()[static_cast<std::size_t>(input)];
        const QString folder = QFileInfo(broken.path).absolutePath();
        const auto before = test::BrokenCorpus::snapshot(folder);
        const QString project = mCorpus.scratch(QStringLiteral("out-%1.gpkg").arg(input));
        const QString image = mCorpus.scratch(QStringLiteral("out-%1.png").arg(input));
        QStringList arguments{verb, QStringLiteral("--lang"), QStringLiteral("en")};
        if (verb == QLatin1String("import"))
            arguments << project << broken.path;
        else if (verb == QLatin1String("render"))
            arguments << broken.path << QStringLiteral("-o") << image << QStringLiteral("--size")
                      << QStringLiteral("320x240");
        else
            arguments << broken.path;

        const Run result = run(arguments);
        const QString context = QStringLiteral("%1 (%2): exit %3 after %4 ms\nstdout: %5\nstderr: %6")
                                    .arg(broken.name, broken.problem)
                                    .arg(result.exitCode)
                                    .arg(result.milliseconds)
                                    .arg(result.out.left(600), result.err.left(1500));
        QVERIFY2(result.finished, qPrintable(QStringLiteral("hung: ") + context));
        QVERIFY2(result.status == QProcess::NormalExit && result.exitCode < 64,
                 qPrintable(QStringLiteral("crashed: ") + context));
        const QString fileName = QFileInfo(broken.path).fileName();
        const QStringList lines = verbLines(result.err, verb);
        if (result.exitCode != 0)
        {
            // One clear error naming the file (a second line may say what to do about it).
            QVERIFY2(!lines.isEmpty() && lines.size() <= 2, qPrintable(QStringLiteral("no one-line error: ") + context));
            QVERIFY2(lines.front().contains(fileName) || lines.front().contains(folder),
                     qPrintable(QStringLiteral("the error does not name the file: ") + context));
        }
        else if (broken.mustFail)
        {
            // An import must refuse it (nothing half-read gets into a project). info may describe it and render
            // may show what there is, but each must then say what is wrong: info in a note or warning, render in a
            // warning naming the file.
            QVERIFY2(verb != QLatin1String("import"), qPrintable(QStringLiteral("imported: ") + context));
            if (verb == QLatin1String("info"))
                QVERIFY2(result.out.contains(QStringLiteral("Note:")) ||
                             result.out.contains(QStringLiteral("Warning:")) ||
                             result.out.contains(QStringLiteral("Nothing to show")),
                         qPrintable(QStringLiteral("described without a word on the problem: ") + context));
            else
                QVERIFY2(result.err.contains(fileName) || result.err.contains(folder),
                         qPrintable(QStringLiteral("rendered without a word on the problem: ") + context));
        }
        if (verb == QLatin1String("import") && result.exitCode != 0)
            QVERIFY2(!QFile::exists(project), qPrintable(QStringLiteral("a refused import left a project: ") + context));
        QFile::remove(project);
        QFile::remove(image);
        QCOMPARE(test::BrokenCorpus::snapshot(folder), before);
    }

    /// A project from someone else may carry a saved filter, report template and field mapping with wrong JSON,
    /// or with SQL in their strings: each is only parsed (never executed), a wrong one is refused naming it, and
    /// the project is unchanged.
    void hostileProjectDefinitionsAreParsedNeverRun()
    {
        const QString project = mCorpus.scratch(QStringLiteral("hostile.gpkg"));
        const QString source = mCorpus.scratch(QStringLiteral("blocks.geojson"));
        QVERIFY(projectOfOneFeature(project, source, R"({"type":"Point","coordinates":[500050,4390050]})"));
        const QString insert = QStringLiteral(
            "import sqlite3, sys\n"
            "db = sqlite3.connect(sys.argv[1])\n"
            "rows = [('citytwin_filters', 'bad', '{\"categories\": [1,'),\n"
            "        ('citytwin_filters', 'hostile', '{\"categories\": [\"x\\' OR 1=1; DROP TABLE blocks; --\"]}'),\n"
            "        ('citytwin_report_templates', 'bad', '{\"pages\": [{\"frames\": 3}'),\n"
            "        ('citytwin_field_mappings', 'bad', '[[[')]\n"
            "for table, name, definition in rows:\n"
            "    db.execute('INSERT INTO ' + table + '(name, definition, updated_at) VALUES (?, ?, ?)',\n"
            "               (name, definition, '2026-12-01T00:00:00Z'))\n"
            "db.commit()\n");
        QCOMPARE(QProcess::execute(QStringLiteral("python3"), {QStringLiteral("-c"), insert, project}), 0);
        const auto tablesBefore = QProcess::execute(QStringLiteral("python3"),
                                                    {QStringLiteral("-c"),
                                                     QStringLiteral("import sqlite3,sys; sqlite3.connect(sys.argv[1])"
                                                                    ".execute('SELECT count(*) FROM blocks')"),
                                                     project});
        QCOMPARE(tablesBefore, 0);

        Run filter = run({QStringLiteral("stats"), QStringLiteral("incidents"), project, QStringLiteral("--filter"),
                          QStringLiteral("bad"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(filter.exitCode != 0 && filter.err.contains(QStringLiteral("bad")) && filter.err.contains(project),
                 qPrintable(filter.err));
        const QString pdf = mCorpus.scratch(QStringLiteral("hostile.pdf"));
        Run report = run({QStringLiteral("report"), project, QStringLiteral("--template"), QStringLiteral("bad"),
                          QStringLiteral("--out"), pdf, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(report.exitCode != 0 && report.err.contains(QStringLiteral("'bad'")), qPrintable(report.err));
        QVERIFY(!QFile::exists(pdf));
        Run mapping = run({QStringLiteral("import"), project, source, QStringLiteral("--as"),
                           QStringLiteral("incidents"), QStringLiteral("--mapping"), QStringLiteral("bad"),
                           QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(mapping.exitCode != 0 && mapping.err.contains(QStringLiteral("'bad'")), qPrintable(mapping.err));
        Run hostile = run({QStringLiteral("stats"), QStringLiteral("incidents"), project, QStringLiteral("--filter"),
                           QStringLiteral("hostile"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(hostile.finished && hostile.status == QProcess::NormalExit, qPrintable(hostile.err));
        // The SQL in the filter's strings never ran: the table is still there.
        QCOMPARE(QProcess::execute(QStringLiteral("python3"),
                                   {QStringLiteral("-c"),
                                    QStringLiteral("import sqlite3,sys; sqlite3.connect(sys.argv[1])"
                                                   ".execute('SELECT count(*) FROM blocks')"),
                                    project}),
                 0);
    }

    /// A .cpg naming a code page nobody knows: the layer loads, and info says which code page and what was done.
    void unknownCodePageIsNamed()
    {
        const auto found = std::find_if(mCorpus.inputs().begin(), mCorpus.inputs().end(),
                                        [](const test::BrokenInput& input)
                                        { return input.name == QLatin1String("shp-cpg-unknown"); });
        QVERIFY(found != mCorpus.inputs().end());
        const Run info = run({QStringLiteral("info"), found->path, QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2((info.out + info.err).contains(QStringLiteral("KLINGON-42")), qPrintable(info.out + info.err));
    }

    /// A shapefile without its .shx is read from a copy in memory with the index rebuilt: its points load, and
    /// nothing is written beside it.
    void shapefileWithoutIndexIsReadFromACopy()
    {
        const auto found = std::find_if(mCorpus.inputs().begin(), mCorpus.inputs().end(),
                                        [](const test::BrokenInput& input)
                                        { return input.name == QLatin1String("shp-no-shx"); });
        QVERIFY(found != mCorpus.inputs().end());
        const QString folder = QFileInfo(found->path).absolutePath();
        const auto before = test::BrokenCorpus::snapshot(folder);
        const Run info = run({QStringLiteral("info"), found->path, QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains(QStringLiteral("Features: 2")), qPrintable(info.out + info.err));
        const QString project = mCorpus.scratch(QStringLiteral("no-shx.gpkg"));
        const Run import = run({QStringLiteral("import"), project, found->path, QStringLiteral("--lang"),
                                QStringLiteral("en")});
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
        QCOMPARE(test::BrokenCorpus::snapshot(folder), before);
    }

    /// Bookmarks and tours from someone else's project: cameras that are not numbers, out of range or degenerate
    /// are refused by name (the rest of the project works), a broken saved state keeps its camera, and tours
    /// pointing at them or at nothing load without them.
    void hostileBookmarksAndToursAreRefusedByName()
    {
        const QString project = mCorpus.scratch(QStringLiteral("hostile-views.gpkg"));
        const QString source = mCorpus.scratch(QStringLiteral("views.geojson"));
        QVERIFY(projectOfOneFeature(project, source,
                                    R"({"type":"Polygon","coordinates":[[[500000,4390000],[500100,4390000],)"
                                    R"([500100,4390100],[500000,4390000]]]})"));
        const QString insert = QStringLiteral(
            "import sqlite3, sys\n"
            "db = sqlite3.connect(sys.argv[1])\n"
            "ok = (500050, 4389500, 800, 500050, 4390050, 0, 0, 0, 1)\n"
            "rows = [('infinite', (float('inf'),) + ok[1:]), ('huge', (1e300,) + ok[1:]),\n"
            "        ('text', ('abc', 'def', 'ghi', 'abc', 'def', 'ghi', 0, 0, 1)),\n"
            "        ('same point', (1, 2, 3, 1, 2, 3, 0, 0, 1)), ('no up', ok[:6] + (0, 0, 0)),\n"
            "        ('up along sight', (500050, 4390050, 800, 500050, 4390050, 0, 0, 0, 1)),\n"
            "        ('good', ok)]\n"
            "for name, v in rows:\n"
            "    db.execute('INSERT INTO citytwin_bookmarks(name, eye_x, eye_y, eye_z, center_x, center_y, center_z, '\n"
            "               'up_x, up_y, up_z, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)', (name,) + v + ('x',))\n"
            "db.execute(\"INSERT INTO citytwin_bookmarks(name, eye_x, eye_y, eye_z, center_x, center_y, center_z, \"\n"
            "           \"up_x, up_y, up_z, created_at, state) VALUES ('bad state', 500050, 4389500, 800, 500050, \"\n"
            "           \"4390050, 0, 0, 0, 1, 'x', '{\\\"layers\\\": [[[')\")\n"
            "db.execute(\"INSERT INTO citytwin_tours(id, name, created_at, kpis) VALUES (7, 'hostile', 'x', ',;DROP TABLE blocks')\")\n"
            "ids = [r[0] for r in db.execute('SELECT id FROM citytwin_bookmarks ORDER BY id')] + [99999]\n"
            "for position, bookmark in enumerate(ids):\n"
            "    db.execute('INSERT INTO citytwin_tour_stops(tour_id, position, bookmark_id, duration_s) '\n"
            "               'VALUES (7, ?, ?, ?)', (position, bookmark, -5 if position % 2 else 1e308))\n"
            "db.commit()\n");
        QCOMPARE(QProcess::execute(QStringLiteral("python3"), {QStringLiteral("-c"), insert, project}), 0);
        const QString png = mCorpus.scratch(QStringLiteral("view.png"));
        for (const QString& name : {QStringLiteral("infinite"), QStringLiteral("huge"), QStringLiteral("text"),
                                    QStringLiteral("same point"), QStringLiteral("no up"),
                                    QStringLiteral("up along sight")})
        {
            Run render = run({QStringLiteral("render"), project, QStringLiteral("--bookmark"), name,
                              QStringLiteral("--out"), png, QStringLiteral("--lang"), QStringLiteral("en")});
            QVERIFY2(render.finished && render.status == QProcess::NormalExit, qPrintable(name));
            QVERIFY2(render.exitCode != 0 && render.err.contains(QStringLiteral("'%1'").arg(name)) &&
                         render.err.contains(QStringLiteral("cannot be shown")),
                     qPrintable(name + QStringLiteral(": ") + render.err));
            QVERIFY(!QFile::exists(png));
        }
        // A broken saved state keeps the bookmark's camera; the good one renders.
        for (const QString& name : {QStringLiteral("bad state"), QStringLiteral("good")})
        {
            Run render = run({QStringLiteral("render"), project, QStringLiteral("--bookmark"), name,
                              QStringLiteral("--out"), png, QStringLiteral("--lang"), QStringLiteral("en")});
            QVERIFY2(render.exitCode == 0 && QFile::exists(png), qPrintable(name + QStringLiteral(": ") + render.err));
            QVERIFY(QFile::remove(png));
        }
        // The tour loads with the usable stops only.
        auto store = data::ProjectStore::open(project.toStdString(), {.create = false, .readOnly = true});
        QVERIFY(store.ok());
        auto bookmarks = store->bookmarks();
        QVERIFY(bookmarks.ok());
        QCOMPARE(bookmarks->size(), std::size_t(2));
        auto tours = store->tours();
        QVERIFY2(tours.ok(), tours.ok() ? "" : tours.error().message().c_str());
        QCOMPARE(tours->size(), std::size_t(1));
        for (const data::Tour::Stop& stop : tours->front().stops)
            QVERIFY(stop.durationSeconds >= 1.0 && stop.durationSeconds <= 3600.0);
    }

private:
    /// Writes a GeoJSON layer of one feature with that geometry (EPSG:4548 metres) at source and imports
    /// it into a new project.
    bool projectOfOneFeature(const QString& project, const QString& source, const char* geometry)
    {
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},)"
                   R"("geometry":)");
        file.write(geometry);
        file.write("}]}");
        file.close();
        return run({QStringLiteral("import"), project, source, QStringLiteral("--crs"), QStringLiteral("EPSG:4548")})
                   .exitCode == 0;
    }

    test::BrokenCorpus mCorpus;
};

QTEST_GUILESS_MAIN(TestBrokenInputs)
#include "test_broken_inputs.moc"
