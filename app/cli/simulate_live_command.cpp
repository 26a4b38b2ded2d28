#include "app/cli/simulate_live_command.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/error_text.hpp"

#include "data/incidents/live_simulator.hpp"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <cmath>
#include <limits>

namespace citytwin::app
{

namespace
{
/// What the verb was asked for.
struct LiveOptions
{
    QString project;
    double perMinute = 0.0;
    double seconds = std::numeric_limits<double>::infinity(); ///< until interrupted unless --duration
    std::uint32_t seed = 0;
};
} // namespace

int SimulateLiveCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Appends realistic new incidents to a project as a live reporting system would: each modelled on a past "
           "incident (its category, source, grid cell and place, moved a few metres), reported now and not yet "
           "dispatched. For briefing demos and tests; viewers of the project show them as they arrive."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), tr("The project GeoPackage to append to."));
    const QCommandLineOption rateOption(QStringLiteral("rate"), tr("New incidents a minute (e.g. 6, or 0.5)."),
                                        tr("N"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            tr("Stop after this many seconds (default: run until interrupted)."),
                                            tr("seconds"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), tr("Random seed (default: from the clock)."),
                                        tr("number"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    parser.addOptions({rateOption, durationOption, seedOption, langOption});
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments))
    {
        printLine(stderr, tr("citytwin simulate-live: %1").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                    QStringLiteral("citytwin simulate-live")));
        return 0;
    }
    LiveOptions options;
    options.project = parser.positionalArguments().value(0);
    bool rateOk = false, durationOk = true, seedOk = true;
    options.perMinute = parser.value(rateOption).toDouble(&rateOk);
    if (parser.isSet(durationOption))
        options.seconds = parser.value(durationOption).toDouble(&durationOk);
    options.seed = parser.isSet(seedOption) ? parser.value(seedOption).toUInt(&seedOk)
                                            : static_cast<std::uint32_t>(QDateTime::currentMSecsSinceEpoch());
    if (parser.positionalArguments().size() != 1 || !rateOk || !(options.perMinute > 0.0) ||
        options.perMinute > 60000.0 || !durationOk || (parser.isSet(durationOption) && !(options.seconds > 0.0)) ||
        !seedOk)
    {
        printLine(stderr, tr("citytwin simulate-live: give one PROJECT, --rate as incidents a minute above 0 (at most "
                             "60000) and --duration as seconds above 0"));
        return 2;
    }
    if (!QFileInfo::exists(options.project))
    {
        printLine(stderr, tr("citytwin simulate-live: %1: no such file").arg(options.project));
        return 1;
    }
    auto simulator = data::LiveIncidentSimulator::open(options.project.toStdString(), options.seed);
    if (!simulator)
    {
        printLine(stderr, tr("citytwin simulate-live: %1").arg(ErrorText::describe(simulator.error())));
        return 1;
    }
    // Once a second, the cases due by then (fractions carried over, so 0.5 a minute gives one every two minutes).
    QElapsedTimer clock;
    clock.start();
    std::int64_t appended = 0;
    while (clock.elapsed() < options.seconds * 1000.0)
    {
        QThread::msleep(static_cast<unsigned long>(1000 - clock.elapsed() % 1000));
        const double elapsedSeconds = std::min(clock.elapsed() / 1000.0, options.seconds);
        const auto due = static_cast<std::int64_t>(std::floor(elapsedSeconds * options.perMinute / 60.0));
        if (due <= appended)
            continue;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto total = simulator->append(static_cast<int>(due - appended), now.toSecsSinceEpoch());
        if (!total)
        {
            printLine(stderr, tr("citytwin simulate-live: %1").arg(ErrorText::describe(total.error())));
            return 1;
        }
        printLine(stdout, tr("%1 +%2 new incidents (%3 in the project)")
                              .arg(now.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                              .arg(due - appended)
                              .arg(total.value()));
        appended = due;
    }
    return 0;
}

} // namespace citytwin::app
