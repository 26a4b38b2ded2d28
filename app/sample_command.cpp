#include "sample_command.hpp"

#include "cli_output.hpp"
#include "error_text.hpp"

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
           "the district, its streets, 175 communities and 2,257 grid cells."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), tr("The project file to write (must not exist)."),
                                       tr("file"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        tr("Random seed; the same seed gives the same district."), tr("number"),
                                        QStringLiteral("2257"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    parser.addOption(outOption);
    parser.addOption(seedOption);
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
    bool seedOk = false;
    const qulonglong seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!parser.isSet(outOption) || !seedOk)
    {
        printLine(stderr, tr("citytwin sample: --out FILE is required and --seed must be a whole number"));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto report = data::sample::writeSample(parser.value(outOption).toStdString(), {.seed = seed});
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
    return 0;
}

} // namespace citytwin::app
