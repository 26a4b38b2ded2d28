#include "app/cli/sample_command.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/error_text.hpp"
#include "app/common/sample_project.hpp"

#include "data/sample/sample_writer.hpp"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace citytwin::app
{

int SampleCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the built-in sample district (a Lubei-sized twin, EPSG:4548) into a new project GeoPackage: "
           "the district, its streets, 175 communities, 2,257 grid cells, roads, the river, 6,000+ buildings, "
           "service stations, cameras, party organizations, a year of incidents, a DEM and an image to drape, and "
           "five bookmarks."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), tr("The project file to write (must not exist)."),
                                       tr("file"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        tr("Random seed; the same seed gives the same district."), tr("number"),
                                        QStringLiteral("2257"));
    const QCommandLineOption scaleOption(
        QStringLiteral("scale"),
        tr("Multiplies the buildings and incidents (10 gives 60,000+ buildings and 3M+ incidents)."), tr("factor"),
        QStringLiteral("1"));
    const QCommandLineOption incidentsOption(
        QStringLiteral("incidents"),
        tr("The number of incidents, whatever the scale (default: about 330,000 times the scale)."), tr("number"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    const QCommandLineOption ensureOption(
        QStringLiteral("ensure"),
        tr("Generates the sample into the user's data folder unless it is there already, and prints its path."));
    parser.addOption(outOption);
    parser.addOption(ensureOption);
    parser.addOption(seedOption);
    parser.addOption(scaleOption);
    parser.addOption(incidentsOption);
    parser.addOption(langOption);
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments))
    {
        printLine(stderr, tr("citytwin sample: %1").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                    QStringLiteral("citytwin sample")));
        return 0;
    }
    if (parser.isSet(ensureOption))
    {
        QString error;
        const auto path =
            SampleProject::ensure(&error, [](const QString& phase, double seconds)
                                  { printLine(stderr, tr("  %1: %2 s").arg(phase).arg(seconds, 0, 'f', 2)); });
        if (!path)
        {
            printLine(stderr, tr("citytwin sample: %1").arg(error));
            return 1;
        }
        printLine(stdout, *path);
        return 0;
    }
    bool seedOk = false;
    const qulonglong seed = parser.value(seedOption).toULongLong(&seedOk);
    bool scaleOk = false;
    const double scale = parser.value(scaleOption).toDouble(&scaleOk);
    if (!parser.isSet(outOption) || !seedOk || !scaleOk || !(scale > 0.0) || scale > 100.0)
    {
        printLine(stderr, tr("citytwin sample: --out FILE is required, --seed must be a whole number and --scale a "
                             "number above 0 and at most 100"));
        return 2;
    }
    data::sample::SampleOptions options;
    if (parser.isSet(incidentsOption))
    {
        bool incidentsOk = false;
        const qlonglong incidents = parser.value(incidentsOption).toLongLong(&incidentsOk);
        if (!incidentsOk || incidents < 0 || incidents > data::sample::MaxIncidents)
        {
            printLine(stderr, tr("citytwin sample: --incidents must be a whole number from 0 to 100000000"));
            return 2;
        }
        options.incidents = incidents;
    }
    QElapsedTimer timer;
    timer.start();
    options.seed = seed;
    options.scale = scale;
    options.progress = [](const std::string& phase, double seconds)
    { printLine(stderr, tr("  %1: %2 s").arg(QString::fromStdString(phase)).arg(seconds, 0, 'f', 2)); };
    auto report = data::sample::writeSample(parser.value(outOption).toStdString(), options);
    if (!report)
    {
        printLine(stderr, tr("citytwin sample: %1").arg(ErrorText::describe(report.error())));
        return 1;
    }
    printLine(stdout, tr("%1: district of %2 km², %3 streets, %4 communities, %5 grid cells, %6 residents (%7 s)")
                          .arg(parser.value(outOption))
                          .arg(report->districtAreaSquareMetres / 1e6, 0, 'f', 1)
                          .arg(report->streets)
                          .arg(report->communities)
                          .arg(report->grids)
                          .arg(report->population)
                          .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    printLine(stdout, tr("  %1 buildings, %2 stations, %3 cameras, %4 party organizations with %5 links, %6 "
                         "incidents, %7 bookmarks")
                          .arg(report->buildings)
                          .arg(report->stations)
                          .arg(report->cameras)
                          .arg(report->partyOrgs)
                          .arg(report->partyLinks)
                          .arg(report->incidents)
                          .arg(report->bookmarks));
    return 0;
}

} // namespace citytwin::app
