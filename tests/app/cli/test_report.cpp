#include "common/required_data.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/core/field_values.hpp"
#include "data/project/project_store.hpp"
#include "data/project/report_template.hpp"
#include "data/project/schema.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

namespace data = citytwin::data;

/// `citytwin report`, as a script or a clerk making the month's atlas would call it, checked with poppler's tools
/// (pdfinfo, pdffonts, pdftotext) the way a reader of the files would see them.
class TestReport : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// Runs a program with the display removed (the verb paints off-screen) and the language fixed.
    static Run execute(const QString& program, const QStringList& arguments, int timeoutMs = 300000,
                       bool withDisplay = false)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!withDisplay)
        {
            environment.remove(QStringLiteral("DISPLAY"));
            environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        }
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs))
        {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static Run citytwin(const QStringList& arguments) { return execute(QStringLiteral(CITYTWIN_EXECUTABLE), arguments); }

    static bool hasTool(const char* name) { return !QStandardPaths::findExecutable(QLatin1String(name)).isEmpty(); }

    /// The text of one page of a PDF (pdftotext).
    static QString pageText(const QString& pdf, int page)
    {
        // -raw: the text in the order it was drawn (each KPI's label, then its value).
        return execute(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                                     QString::number(page), pdf, QStringLiteral("-")})
            .out;
    }

    /// `citytwin stats incidents --by community` of the sample: the row of each community by id.
    std::map<qint64, QStringList> statsByCommunity()
    {
        const Run stats =
            citytwin({QStringLiteral("stats"), QStringLiteral("incidents"), mSample, QStringLiteral("--by"),
                      QStringLiteral("community")});
        std::map<qint64, QStringList> rows;
        const QStringList lines = stats.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (int i = 1; i < lines.size(); ++i)
        {
            const QStringList cells = lines[i].split(QLatin1Char(','));
            rows[cells.front().toLongLong()] = cells;
        }
        return rows;
    }

    QTemporaryDir mDir;
    QString mSample;
    QString mAtlas;

private slots:
    void initTestCase()
    {
        mSample = citytwin::test::testSamplePath();
        CITYTWIN_REQUIRE_DATA(!mSample.isEmpty(), "the sample district");
        CITYTWIN_REQUIRE_DATA(hasTool("pdfinfo") && hasTool("pdffonts") && hasTool("pdftotext"),
                              "poppler-utils (pdfinfo, pdffonts, pdftotext)");
        QVERIFY(mDir.isValid());
        // The whole community atlas in Chinese, as the issue's reader gets it.
        mAtlas = mDir.filePath(QStringLiteral("atlas.pdf"));
        const Run made = citytwin({QStringLiteral("report"), mSample, QStringLiteral("--template"),
                                   QStringLiteral("incidents-atlas"), QStringLiteral("--out"), mAtlas,
                                   QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(made.out.trimmed() == mAtlas, qPrintable(made.out));
        QVERIFY2(made.err.contains(QStringLiteral("177")), qPrintable(made.err.right(200)));
    }

    void atlasHasCoverContentsAndAPagePerCommunity()
    {
        const Run info = execute(QStringLiteral("pdfinfo"), {mAtlas});
        QVERIFY2(info.out.contains(QRegularExpression(QStringLiteral("Pages:\\s+177\\n"))), qPrintable(info.out));
        QVERIFY(info.out.contains(QStringLiteral("A4")));
        // The contents page lists every community with its page number.
        const QString contents = pageText(mAtlas, 2);
        QVERIFY2(contents.contains(QStringLiteral("目录")), qPrintable(contents.left(200)));
        QVERIFY(contents.contains(QStringLiteral("177")));
    }

    void everyFontIsEmbedded()
    {
        const Run fonts = execute(QStringLiteral("pdffonts"), {mAtlas});
        const QStringList lines = fonts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 3, qPrintable(fonts.out));
        for (int i = 2; i < lines.size(); ++i)
        {
            // name, type, encoding, then emb: the first "yes"/"no" after the encoding.
            const QStringList cells = lines[i].simplified().split(QLatin1Char(' '));
            const int emb = static_cast<int>(cells.indexOf(QRegularExpression(QStringLiteral("^(yes|no)$"))));
            QVERIFY2(emb > 0 && cells[emb] == QLatin1String("yes"), qPrintable(lines[i]));
        }
    }

    void pagesNameTheirCommunityWithTheFiguresOfStats()
    {
        auto communities = data::readProjectLayer(mSample.toStdString(), data::schema::communities::Table);
        QVERIFY(communities.ok());
        // Pages follow the communities by id, after the cover and contents.
        std::vector<std::pair<qint64, QString>> ordered;
        const std::vector<double> ids = data::numericValues(*communities, data::schema::StableId);
        const std::vector<std::string> names = data::textValues(*communities, data::schema::FeatureName);
        for (std::size_t i = 0; i < ids.size(); ++i)
            ordered.emplace_back(static_cast<qint64>(ids[i]), QString::fromStdString(names[i]));
        std::sort(ordered.begin(), ordered.end());
        QCOMPARE(ordered.size(), std::size_t(175));
        const std::map<qint64, QStringList> stats = statsByCommunity();
        for (const std::size_t index : {std::size_t(0), std::size_t(57), std::size_t(120), std::size_t(174)})
        {
            const auto& [id, name] = ordered[index];
            const int page = static_cast<int>(index) + 3;
            const QString text = pageText(mAtlas, page);
            QVERIFY2(text.contains(name), qPrintable(QStringLiteral("page %1 lacks %2").arg(page).arg(name)));
            QVERIFY2(text.contains(QStringLiteral("第 %1 页").arg(page)), qPrintable(text.right(120)));
            // count, open, overdue (columns 1 to 3) in the KPI boxes, under their labels.
            const QStringList& row = stats.at(id);
            for (const auto& [label, column] : {std::pair{QStringLiteral("事件数"), 1}, {QStringLiteral("未结案"), 2},
                                                {QStringLiteral("超期"), 3}})
            {
                const QRegularExpression pattern(QRegularExpression::escape(label) + QStringLiteral("\\s+") +
                                                 row[column] + QStringLiteral("\\b"));
                QVERIFY2(text.contains(pattern), qPrintable(QStringLiteral("page %1 (%2): %3 should be %4\n%5")
                                                                .arg(page)
                                                                .arg(name, label, row[column], text.left(600))));
            }
        }
    }

    void madeWithTheNetworkOff()
    {
        if (execute(QStringLiteral("unshare"), {QStringLiteral("-n"), QStringLiteral("true")}).exitCode != 0)
            QSKIP("unshare -n is not allowed here (needs root or user namespaces)");
        const QString out = mDir.filePath(QStringLiteral("offline.pdf"));
        const Run made = execute(QStringLiteral("unshare"),
                                 {QStringLiteral("-n"), QStringLiteral(CITYTWIN_EXECUTABLE), QStringLiteral("report"),
                                  mSample, QStringLiteral("--template"), QStringLiteral("incidents-atlas"),
                                  QStringLiteral("--area"), QStringLiteral("1,2"), QStringLiteral("--out"), out});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(QFileInfo(out).size() > 10000);
    }

    void weeklyAsPngAndSvg()
    {
        const QString png = mDir.filePath(QStringLiteral("weekly.png"));
        const Run image = citytwin({QStringLiteral("report"), mSample, QStringLiteral("--template"),
                                    QStringLiteral("weekly"), QStringLiteral("--out"), png, QStringLiteral("--dpi"),
                                    QStringLiteral("100")});
        QVERIFY2(image.exitCode == 0, qPrintable(image.err));
        const QImage page(png);
        // A4 landscape at 100 dpi.
        QCOMPARE(page.size(), QSize(1169, 827));
        const QString svg = mDir.filePath(QStringLiteral("weekly.svg"));
        const Run vector = citytwin({QStringLiteral("report"), mSample, QStringLiteral("--template"),
                                     QStringLiteral("weekly"), QStringLiteral("--out"), svg, QStringLiteral("--lang"),
                                     QStringLiteral("zh_CN")});
        QVERIFY2(vector.exitCode == 0, qPrintable(vector.err));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("<svg")));
        QVERIFY2(text.contains(QStringLiteral("事件简报")), "the Chinese title is text in the SVG");
    }

    void badInputGetsAClearErrorAndNoFile()
    {
        const QString out = mDir.filePath(QStringLiteral("bad.pdf"));
        const Run missing = citytwin({QStringLiteral("report"), mDir.filePath(QStringLiteral("nowhere.gpkg")),
                                      QStringLiteral("--out"), out});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("nowhere.gpkg")), qPrintable(missing.err));
        const Run unknown = citytwin(
            {QStringLiteral("report"), mSample, QStringLiteral("--template"), QStringLiteral("nope"), QStringLiteral("--out"), out});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("incidents-atlas")), qPrintable(unknown.err));
        const Run format = citytwin({QStringLiteral("report"), mSample, QStringLiteral("--out"), out,
                                     QStringLiteral("--format"), QStringLiteral("docx")});
        QCOMPARE(format.exitCode, 2);
        const Run folder = citytwin({QStringLiteral("report"), mSample, QStringLiteral("--out"),
                                     mDir.filePath(QStringLiteral("no/such/folder/r.pdf"))});
        QCOMPARE(folder.exitCode, 1);
        QVERIFY2(folder.err.contains(QStringLiteral("no/such/folder")), qPrintable(folder.err));
        QVERIFY(!QFileInfo::exists(out));
        // A project of buildings only: no incidents table, no communities. The district page is made (empty
        // figures); an atlas has no areas and says which layer it lacks.
        const QString buildingsOnly = mDir.filePath(QStringLiteral("buildings-only.gpkg"));
        QCOMPARE(execute(QStringLiteral("ogr2ogr"), {QStringLiteral("-f"), QStringLiteral("GPKG"), buildingsOnly, mSample,
                                                     QStringLiteral("buildings")})
                     .exitCode,
                 0);
        const Run district = citytwin({QStringLiteral("report"), buildingsOnly, QStringLiteral("--out"), out});
        QVERIFY2(district.exitCode == 0, qPrintable(district.err));
        QVERIFY(QFileInfo::exists(out));
        const QString atlasOut = mDir.filePath(QStringLiteral("no-areas.pdf"));
        const Run atlas = citytwin({QStringLiteral("report"), buildingsOnly, QStringLiteral("--template"),
                                    QStringLiteral("incidents-atlas"), QStringLiteral("--out"), atlasOut});
        QCOMPARE(atlas.exitCode, 1);
        QVERIFY2(atlas.err.contains(QStringLiteral("communities")) && atlas.err.contains(buildingsOnly),
                 qPrintable(atlas.err));
        QVERIFY(!QFileInfo::exists(atlasOut));
    }

    void interruptedLeavesNothingUnderTheFinalName()
    {
        // The grid atlas takes a while: killed after its first pages, it must leave no file of that name.
        const QString out = mDir.filePath(QStringLiteral("grids.pdf"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        process.setProcessEnvironment(environment);
        process.setReadChannel(QProcess::StandardError); // the progress lines
        process.start(QStringLiteral(CITYTWIN_EXECUTABLE),
                      {QStringLiteral("report"), mSample, QStringLiteral("--template"),
                       QStringLiteral("incidents-atlas"), QStringLiteral("--atlas"), QStringLiteral("grid"),
                       QStringLiteral("--out"), out, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(process.waitForStarted());
        QByteArray progress;
        while (!progress.contains("page 20 ") && process.waitForReadyRead(60000))
            progress += process.readAllStandardError();
        QVERIFY2(progress.contains("page 20 "), progress.right(200).constData());
        process.kill();
        process.waitForFinished();
        QVERIFY(!QFileInfo::exists(out));
        // What it was writing was not under the final name either: no PDF of that name, nothing but temporary files.
        for (const QFileInfo& left : QDir(mDir.path()).entryInfoList({QStringLiteral("grids*")}, QDir::Files))
            QVERIFY2(!left.fileName().endsWith(QLatin1String(".pdf")), qPrintable(left.fileName()));
    }

    void threeDFrameFromABookmarkIsRenderedAtTheDpi()
    {
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            QSKIP("a 3D frame needs an OpenGL display (run the suite under xvfb-run)");
        // The project's own template, saved in a copy of the sample: a landscape page with the overview bookmark.
        const QString project = mDir.filePath(QStringLiteral("three-d.gpkg"));
        QVERIFY(QFile::copy(mSample, project));
        data::ReportTemplate layout;
        layout.name = "three-d";
        layout.title = "{district}";
        layout.landscape = true;
        data::ReportItem map;
        map.kind = "map";
        map.source = "bookmark:overview";
        map.rect = {0.0, 0.0, 0.5, 0.5};
        data::ReportItem legend;
        legend.kind = "legend";
        legend.rect = {0.6, 0.0, 0.4, 0.5};
        layout.items = {map, legend};
        {
            auto store = data::ProjectStore::open(project.toStdString());
            QVERIFY(store.ok());
            QVERIFY(store->saveReportTemplate(layout.name, layout.toJson()).ok());
        }
        const QString out = mDir.filePath(QStringLiteral("three-d.pdf"));
        const Run made = execute(QStringLiteral(CITYTWIN_EXECUTABLE),
                                 {QStringLiteral("report"), project, QStringLiteral("--template"),
                                  QStringLiteral("three-d"), QStringLiteral("--out"), out, QStringLiteral("--dpi"),
                                  QStringLiteral("100"), QStringLiteral("--lang"), QStringLiteral("zh_CN")},
                                 300000, true);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(!made.err.contains(QStringLiteral("警告")), qPrintable(made.err));
        // One picture, as many pixels as half the printable width at 100 dpi: (297 - 24) / 2 mm.
        const Run images = execute(QStringLiteral("pdfimages"), {QStringLiteral("-list"), out});
        const QStringList lines = images.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList cells = lines[2].simplified().split(QLatin1Char(' '));
        QVERIFY2(std::abs(cells[3].toInt() - qRound(273.0 / 2.0 / 25.4 * 100.0)) <= 1, qPrintable(lines[2]));
        // The legend lists what the view shows, as text.
        QVERIFY2(pageText(out, 1).contains(QStringLiteral("建筑")), qPrintable(pageText(out, 1)));
    }

    void templatesRoundTripAsJson()
    {
        data::ReportTemplate layout;
        layout.name = "mine";
        layout.title = "{area} 月报";
        layout.atlas = data::AtlasLevel::Street;
        layout.landscape = true;
        data::ReportItem map;
        map.kind = "map";
        map.rect = {0.0, 0.1, 0.6, 0.9};
        map.source = "top-down";
        map.layers = {"communities", "roads"};
        layout.items.push_back(map);
        const auto back = data::ReportTemplate::fromJson(layout.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->toJson(), layout.toJson());
        QCOMPARE(back->pageMillimetres().first, 297.0);
        for (const char* broken :
             {"[]", "{}", R"({"name":"x","page":{"size":"A5"}})", R"({"name":"x","atlas":"town"})",
              R"({"name":"x","items":[{"type":"map","rect":[0,0,2,1]}]})",
              R"({"name":"x","items":[{"type":"pie","rect":[0,0,1,1]}]})",
              R"({"name":"x","items":[{"type":"map","rect":[0,0,1,1],"source":"street-view"}]})",
              R"({"name":"x","items":[{"type":"text","rect":"all"}]})", "not json"})
        {
            const auto read = data::ReportTemplate::fromJson(broken, "t.json");
            QVERIFY2(!read.ok(), broken);
            QCOMPARE(read.error().path, std::string("t.json"));
        }
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
