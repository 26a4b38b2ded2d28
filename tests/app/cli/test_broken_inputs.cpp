#include "common/broken_corpus.hpp"

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
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},)"
                   R"("geometry":{"type":"Point","coordinates":[500050,4390050]}}]})");
        file.close();
        QCOMPARE(run({QStringLiteral("import"), project, source, QStringLiteral("--crs"), QStringLiteral("EPSG:4548")})
                     .exitCode,
                 0);
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

private:
    test::BrokenCorpus mCorpus;
};

QTEST_GUILESS_MAIN(TestBrokenInputs)
#include "test_broken_inputs.moc"
