#include "app/cli/make_tour_command.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/analysis_inputs.hpp"
#include "app/common/error_text.hpp"
#include "app/common/weekly_tour.hpp"

#include "data/core/date_time.hpp"
#include "data/incidents/incident_store.hpp"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QTimeZone>

namespace citytwin::app
{

namespace
{
/// What the verb was asked for.
struct MakeTourOptions
{
    QString project;
    QDate week; ///< a day of the week, district time
    QString name;
};

/// Prints the composed tour: the week, each stop's caption, and where it was saved.
void printTour(const WeeklyTour& composed, const QString& project)
{
    const QTimeZone districtZone(data::DistrictUtcOffsetMinutes * 60);
    const QDate monday = QDateTime::fromSecsSinceEpoch(composed.weekStart, districtZone).date();
    printLine(stdout, MakeTourCommand::tr("Week of %1 to %2: %3 findings")
                          .arg(monday.toString(Qt::ISODate), monday.addDays(6).toString(Qt::ISODate))
                          .arg(composed.findings.size()));
    for (std::size_t i = 0; i < composed.bookmarks.size(); ++i)
        printLine(stdout, QStringLiteral("%1. %2").arg(i + 1, 2).arg(
                              QString::fromStdString(composed.bookmarks[i].state->caption)));
    if (composed.weekIncidents == 0)
        printLine(stderr, MakeTourCommand::tr("citytwin make-tour: no incidents that week: the tour has the district "
                                              "overview only"));
    else if (composed.findings.empty())
        printLine(stderr, MakeTourCommand::tr("citytwin make-tour: no significant change that week: the tour has the "
                                              "district overview only"));
    printLine(stdout, MakeTourCommand::tr("Saved the tour '%1' (%2 stops) in %3")
                          .arg(QString::fromStdString(composed.tour.name))
                          .arg(composed.tour.stops.size())
                          .arg(project));
}
} // namespace

int MakeTourCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Composes the week's briefing and saves it in the project as a tour: one stop per significant change of the "
           "week (a grid or a category in a grid well above the weeks before, an overdue backlog that grew), "
           "strongest first, each showing its grid with the week's incidents and a plain-word caption, then the "
           "district overview with the week's figures. Edit it in the tour editor before the meeting."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), tr("The project GeoPackage."));
    const QCommandLineOption weekOption(QStringLiteral("week"), tr("The week, by any day in it (district time)."),
                                        tr("DATE"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("The tour's name (default: week-MONDAY)."),
                                        tr("NAME"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages and captions: zh_CN or en."),
                                        tr("language"));
    parser.addOptions({weekOption, nameOption, langOption});
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments))
    {
        printLine(stderr, tr("citytwin make-tour: %1").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                    QStringLiteral("citytwin make-tour")));
        return 0;
    }
    MakeTourOptions options;
    options.project = parser.positionalArguments().value(0);
    options.name = parser.value(nameOption).trimmed();
    if (parser.positionalArguments().size() != 1 || !parser.isSet(weekOption) ||
        (parser.isSet(nameOption) && options.name.isEmpty()))
    {
        printLine(stderr, tr("citytwin make-tour: give one PROJECT, --week DATE and, if any, a --name that is not "
                             "empty"));
        return 2;
    }
    const auto day = AnalysisInputs::parseUserTime(parser.value(weekOption), false);
    if (!day)
    {
        printLine(stderr, tr("citytwin make-tour: --week: %1 is not a date").arg(parser.value(weekOption)));
        return 2;
    }
    options.week = QDateTime::fromSecsSinceEpoch(*day, QTimeZone(data::DistrictUtcOffsetMinutes * 60)).date();
    if (!QFileInfo::exists(options.project))
    {
        printLine(stderr, tr("citytwin make-tour: %1: no such file").arg(options.project));
        return 1;
    }
    const std::string path = options.project.toStdString();
    auto store = data::IncidentStore::open(path);
    if (!store)
    {
        printLine(stderr, tr("citytwin make-tour: %1").arg(ErrorText::describe(store.error())));
        return 1;
    }
    auto composed = composeWeeklyTour(path, store.value(), options.week, options.name);
    if (!composed)
    {
        printLine(stderr, tr("citytwin make-tour: %1").arg(ErrorText::describe(composed.error())));
        return 1;
    }
    printTour(composed.value(), options.project);
    return 0;
}

} // namespace citytwin::app
