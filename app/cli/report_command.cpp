#include "app/cli/report_command.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/analysis_inputs.hpp"
#include "app/common/error_text.hpp"
#include "app/common/report/report_scene.hpp"
#include "app/common/report/report_writer.hpp"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <optional>

namespace citytwin::app
{
namespace
{
QStringList splitList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items << item.trimmed();
    return items;
}

int fail(const QString& message, int status)
{
    printLine(stderr, ReportCommand::tr("citytwin report: %1").arg(message));
    return status;
}

/// The verb's options, parsed into a request; an exit status when it stops there.
class ReportRun
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportCommand)
public:
    int run(const QStringList& arguments);

private:
    std::optional<int> parse(const QStringList& arguments);
    std::optional<int> readFilter(const ReportData& data);
    QString value(const char* name) const { return mParser.value(QLatin1String(name)); }
    bool isSet(const char* name) const { return mParser.isSet(QLatin1String(name)); }

    QCommandLineParser mParser;
    QString mProject;
    ReportRequest mRequest;
};

std::optional<int> ReportRun::parse(const QStringList& arguments)
{
    mParser.setApplicationDescription(
        tr("Makes a map report of a project without the window: PDF (vector maps, charts and tables, Chinese text "
           "with its fonts embedded), PNG (one file per page) or SVG (one page). Ready templates: %1; or one saved in "
           "the project. Prints each page as it is made. 3D map frames need an OpenGL display (xvfb-run -a).")
            .arg(readyTemplateNames().join(QStringLiteral(", "))));
    mParser.addHelpOption();
    mParser.addPositionalArgument(QStringLiteral("project"), tr("The project GeoPackage."));
    mParser.addOptions({
        {QStringLiteral("template"), tr("The report template (default weekly)."), tr("name"), QStringLiteral("weekly")},
        {QStringLiteral("out"), tr("The file to write (PNG: one file per page, numbered, when there are several)."),
         tr("file")},
        {QStringLiteral("atlas"), tr("One page per community, grid or street (overrides the template's)."),
         tr("level")},
        {QStringLiteral("area"), tr("Only these areas of the atlas (ids, comma-separated)."), tr("ids")},
        {QStringLiteral("from"), tr("Incidents reported from this day or time (district time)."), tr("time")},
        {QStringLiteral("to"), tr("Incidents reported up to this day (included) or time."), tr("time")},
        {QStringLiteral("filter"), tr("A filter saved in the project (Analysis dock)."), tr("name")},
        {QStringLiteral("category"), tr("Only these incident categories (codes or names)."), tr("categories")},
        {QStringLiteral("dpi"), tr("Resolution of pictures: PNG pages and 3D frames (default 300)."), tr("dpi"),
         QStringLiteral("300")},
        {QStringLiteral("format"), tr("pdf, png or svg (default: from the file name, else pdf)."), tr("format")},
        {QStringLiteral("lang"), tr("Language of the report and messages: zh_CN or en."), tr("language")},
    });
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!mParser.parse(verbArguments))
        return fail(mParser.errorText(), 2);
    if (isSet("help"))
    {
        printLine(stdout, mParser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                     QStringLiteral("citytwin report")));
        return 0;
    }
    if (mParser.positionalArguments().size() != 1)
        return fail(tr("give one project"), 2);
    mProject = mParser.positionalArguments().front();
    if (!isSet("out"))
        return fail(tr("--out FILE is required"), 2);
    mRequest.out = value("out");
    const QString suffix = QFileInfo(mRequest.out).suffix().toLower();
    mRequest.format = isSet("format") ? value("format").toLower()
                      : (suffix == QLatin1String("png") || suffix == QLatin1String("svg")) ? suffix
                                                                                           : QStringLiteral("pdf");
    if (!QStringList{QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("svg")}.contains(mRequest.format))
        return fail(tr("unknown --format '%1' (pdf, png or svg)").arg(value("format")), 2);
    bool ok = false;
    mRequest.dpi = value("dpi").toInt(&ok);
    if (!ok || mRequest.dpi < 36 || mRequest.dpi > 1200)
        return fail(tr("--dpi must be 36 to 1200"), 2);
    QString error;
    const auto layout = findTemplate(mProject.toStdString(), value("template"), error);
    if (!layout)
        return fail(error, 2);
    mRequest.layout = *layout;
    if (isSet("atlas") && !data::parseAtlasLevel(value("atlas").toStdString(), mRequest.layout.atlas))
        return fail(tr("unknown --atlas '%1' (community, grid or street)").arg(value("atlas")), 2);
    for (const QString& id : splitList(value("area")))
    {
        const qlonglong parsed = id.toLongLong(&ok);
        if (!ok)
            return fail(tr("--area: '%1' is not an area id").arg(id), 2);
        mRequest.areaIds.push_back(parsed);
    }
    return std::nullopt;
}

std::optional<int> ReportRun::readFilter(const ReportData& data)
{
    data::IncidentFilter& filter = mRequest.filter;
    if (isSet("filter"))
    {
        QString error;
        bool unknown = false;
        auto saved = AnalysisInputs::savedFilter(mProject.toStdString(), value("filter"), error, &unknown);
        if (!saved)
            return fail(error, unknown ? 2 : 1);
        filter = *saved;
    }
    for (const QString& name : splitList(value("category")))
    {
        const auto code = AnalysisInputs::categoryCode(data.categories(), name);
        if (!code)
            return fail(tr("%1: no such incident category in %2").arg(name, mProject), 2);
        filter.categories.push_back(*code);
    }
    auto option = [this](const char* name) { return isSet(name) ? std::optional(value(name)) : std::nullopt; };
    if (const QString error = AnalysisInputs::readTimes({option("from"), option("to"), std::nullopt}, filter);
        !error.isEmpty())
        return fail(error, 2);
    return std::nullopt;
}

int ReportRun::run(const QStringList& arguments)
{
    if (const auto status = parse(arguments))
        return *status;
    QElapsedTimer timer;
    timer.start();
    auto data = ReportData::load(mProject.toStdString());
    if (!data)
        return fail(ErrorText::describe(data.error()), 1);
    if (const auto status = readFilter(*data.value()))
        return *status;
    ReportWriter writer(*data.value());
    ReportScene scene(mProject);
    writer.setSceneRenderer([&scene](const std::string& bookmark, QSize pixels, double scale)
                            {
                                QString error;
                                auto frame = scene.render(bookmark, pixels, scale, error);
                                if (!frame)
                                    printLine(stderr, ReportCommand::tr("citytwin report: warning: %1; the frame "
                                                                        "is drawn as a top-down map")
                                                          .arg(error));
                                return frame;
                            });
    const ReportOutcome outcome = writer.write(mRequest,
                                               [](int done, int total)
                                               {
                                                   printLine(stderr, ReportCommand::tr("page %1 of %2").arg(done).arg(total));
                                                   return true;
                                               });
    if (!outcome.ok)
        return fail(outcome.error, 1);
    for (const QString& file : outcome.files)
        printLine(stdout, file);
    printLine(stderr, tr("%n page(s) in %1 s", nullptr, outcome.pages).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return 0;
}
} // namespace

int ReportCommand::run(const QStringList& arguments)
{
    ReportRun run;
    return run.run(arguments);
}

} // namespace citytwin::app
