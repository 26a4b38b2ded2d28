#include "app/cli/stats_command.hpp"

#include "data/project/schema.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/analysis_inputs.hpp"
#include "app/common/error_text.hpp"
#include "app/common/hotspot_statements.hpp"
#include "app/common/sample_project.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/io/vector_source.hpp"
#include "data/project/project_store.hpp"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <tuple>

namespace citytwin::app
{
namespace
{
const QStringList Subjects = {QStringLiteral("incidents"), QStringLiteral("party"),    QStringLiteral("services"),
                              QStringLiteral("cameras"),   QStringLiteral("hotspots"), QStringLiteral("recurring"),
                              QStringLiteral("count")};

QStringList splitList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items << item.trimmed();
    return items;
}

/// One `citytwin stats` invocation: its options, the project, the incident filter, and the table it makes. Each
/// step returns the exit status when the verb stops there (its message printed), nothing to go on. Its messages
/// are the verb's (translation context StatsCommand).
class StatsRun
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::StatsCommand)
public:
    using Exit = std::optional<int>;

    int run(const QStringList& arguments);

private:
    void addOptions();
    Exit parse(const QStringList& arguments);
    Exit chooseOutput();
    Exit buildFilter();
    Exit readSavedFilter();
    Exit readTimes();
    Exit readArea();
    Exit readOverdueLimits();
    Exit runSubject();
    Exit runOnIncidents();
    Exit runHotspots(const data::IncidentStore& store);
    Exit runRecurring(const data::IncidentStore& store);
    Exit runParty();
    Exit runServices();
    Exit runCameras();
    Exit runCount();
    Exit writeTable();
    /// Reads the areas a gpkg output maps its rows onto (nothing when they cannot be read: an attribute table).
    void readAreas(const std::string& table);

    static int fail(const QString& message, int status);
    QString value(const char* option) const { return mParser.value(QLatin1String(option)); }
    bool isSet(const char* option) const { return mParser.isSet(QLatin1String(option)); }
    bool gpkg() const { return mFormat == QLatin1String("gpkg"); }
    data::AreaLevel level() const
    {
        return value("by") == QLatin1String("community") ? data::AreaLevel::Community : data::AreaLevel::Grid;
    }

    QCommandLineParser mParser;
    QString mSubject;
    QString mProject;
    std::string mPath;
    QString mFormat;
    QString mOut;
    std::vector<CategoryInfo> mCategories;
    data::IncidentFilter mFilter;
    data::StatsTable mTable;
    std::optional<data::VectorLayer> mAreas;
};

int StatsRun::fail(const QString& message, int status)
{
    printLine(stderr, tr("citytwin stats: %1").arg(message));
    return status;
}

int StatsRun::run(const QStringList& arguments)
{
    addOptions();
    if (const Exit exit = parse(arguments))
        return *exit;
    if (const Exit exit = chooseOutput())
        return *exit;
    if (const Exit exit = buildFilter())
        return *exit;
    QElapsedTimer timer;
    timer.start();
    if (const Exit exit = runSubject())
        return *exit;
    if (const Exit exit = writeTable())
        return *exit;
    printLine(stderr,
              tr("citytwin stats: %1 rows in %2 s").arg(mTable.rows.size()).arg(timer.elapsed() / 1000.0, 0, 'f', 2));
    return 0;
}

void StatsRun::addOptions()
{
    mParser.setApplicationDescription(
        tr("Analyses a project and writes one table: a header row, then one row per area (first column the area id) "
           "or item.\n"
           "Subjects:\n"
           "  incidents  per grid or community: count, open, overdue, ai_share, median / p90 hours to dispatch, handle "
           "and close\n"
           "  party      party-organization coverage per grid or community\n"
           "  services   share of residents (elderly, children) within walking distance of a kind of station\n"
           "  cameras    share of each grid's open ground and streets in view of a camera, blind spots\n"
           "  hotspots   a week against the weeks before per grid, with Getis-Ord Gi* and plain-word statements\n"
           "  recurring  places where incidents of one category keep recurring\n"
           "  count      points counted into polygons straight from the project file (the fast spatial join)\n"
           "Times without a zone are Beijing time; --to DATE includes that day."));
    mParser.addHelpOption();
    mParser.addPositionalArgument(QStringLiteral("subject"), tr("What to analyse (see above)."));
    mParser.addPositionalArgument(QStringLiteral("project"), tr("The project file (default: the built-in sample)."),
                                  QStringLiteral("[project]"));
    const QCommandLineOption byOption(
        QStringLiteral("by"),
        tr("Areas: grid or community; incidents also by category, services by station (its load)."), tr("area"),
        QStringLiteral("grid"));
    const QCommandLineOption categoryOption(QStringLiteral("category"),
                                            tr("Incident categories (code or name, comma-separated)."), tr("list"));
    const QCommandLineOption sourceOption(
        QStringLiteral("source"), tr("Incident sources: camera_ai, grid_inspector, hotline, citizen_app."), tr("list"));
    const QCommandLineOption statusOption(QStringLiteral("status"),
                                          tr("Incident statuses: reported, dispatched, handled, closed."), tr("list"));
    const QCommandLineOption fromOption(QStringLiteral("from"), tr("Reported at or after this date or time."),
                                        tr("time"));
    const QCommandLineOption toOption(QStringLiteral("to"), tr("Reported before this time (a date: to its end)."),
                                      tr("time"));
    const QCommandLineOption asOfOption(
        QStringLiteral("as-of"), tr("The moment open and overdue cases are judged at (default: now)."), tr("time"));
    const QCommandLineOption overdueOption(QStringLiteral("overdue"), tr("Only overdue incidents."));
    const QCommandLineOption filterOption(QStringLiteral("filter"),
                                          tr("Start from a filter saved in the project (the other options add to it)."),
                                          tr("name"));
    const QCommandLineOption gridOption(QStringLiteral("grid"), tr("Only incidents of these grid cells (ids)."),
                                        tr("list"));
    const QCommandLineOption communityOption(QStringLiteral("community"),
                                             tr("Only incidents of the grid cells of this community (id)."), tr("id"));
    const QCommandLineOption withinOption(QStringLiteral("within"),
                                          tr("Only incidents inside the polygons of this file (any vector source)."),
                                          tr("file"));
    const QCommandLineOption limitsOption(
        QStringLiteral("overdue-hours"),
        tr("Overdue limits instead of the project's, hours per category: street_vending=12,noise=48."), tr("list"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), tr("Station kind for services (e.g. day_care)."),
                                        tr("kind"), QStringLiteral("day_care"));
    const QCommandLineOption distanceOption(QStringLiteral("distance"),
                                            tr("Walking distances in metres (services), or the linking distance of "
                                               "recurring places."),
                                            tr("metres"));
    const QCommandLineOption suggestOption(QStringLiteral("suggest"),
                                           tr("Services: print N suggested sites for new stations (to standard "
                                              "error)."),
                                           tr("N"), QStringLiteral("0"));
    const QCommandLineOption weekOption(QStringLiteral("week"), tr("Hotspots: the week, by any day in it."),
                                        tr("date"));
    const QCommandLineOption weeksBeforeOption(QStringLiteral("weeks-before"),
                                               tr("Hotspots: weeks compared against (default 4)."), tr("N"),
                                               QStringLiteral("4"));
    const QCommandLineOption daysOption(QStringLiteral("days"), tr("Recurring places: time window in days."),
                                        tr("days"), QStringLiteral("30"));
    const QCommandLineOption minimumOption(QStringLiteral("min"), tr("Recurring places: fewest incidents."), tr("N"),
                                           QStringLiteral("3"));
    const QCommandLineOption pointsOption(QStringLiteral("points"), tr("Count: the point table."), tr("table"),
                                          QString::fromLatin1(data::schema::incidents::Table));
    const QCommandLineOption polygonsOption(QStringLiteral("polygons"), tr("Count: the polygon table."), tr("table"),
                                            QString::fromLatin1(data::schema::grids::Table));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output: csv, json or gpkg."), tr("format"));
    const QCommandLineOption outOption(QStringLiteral("out"), tr("Write to this file instead of standard output."),
                                       tr("file"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    for (const auto* option : {&byOption,      &categoryOption,  &sourceOption,      &statusOption, &fromOption,
                               &toOption,      &asOfOption,      &overdueOption,     &filterOption, &limitsOption,
                               &gridOption,    &communityOption, &withinOption,      &kindOption,   &distanceOption,
                               &suggestOption, &weekOption,      &weeksBeforeOption, &daysOption,   &minimumOption,
                               &pointsOption,  &polygonsOption,  &formatOption,      &outOption,    &langOption})
        mParser.addOption(*option);
}

StatsRun::Exit StatsRun::parse(const QStringList& arguments)
{
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!mParser.parse(verbArguments))
        return fail(mParser.errorText(), 2);
    if (mParser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, mParser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                     QStringLiteral("citytwin stats")));
        return 0;
    }
    const QStringList positional = mParser.positionalArguments();
    mSubject = positional.value(0);
    if (!Subjects.contains(mSubject))
        return fail(tr("say what to analyse: %1 (citytwin stats --help)").arg(Subjects.join(QStringLiteral(", "))), 2);

    // The project, or the built-in sample.
    mProject = positional.value(1);
    if (mProject.isEmpty())
    {
        QString error;
        const auto sample = SampleProject::ensure(&error);
        if (!sample)
            return fail(error, 1);
        mProject = *sample;
        printLine(stderr, tr("citytwin stats: no project given; using the built-in sample district %1").arg(mProject));
    }
    if (!QFileInfo::exists(mProject))
        return fail(tr("%1: no such file").arg(mProject), 1);
    mPath = mProject.toStdString();
    return std::nullopt;
}

StatsRun::Exit StatsRun::chooseOutput()
{
    // The output format, from --format or the extension of --out.
    mFormat = value("format").toLower();
    mOut = value("out");
    if (mFormat.isEmpty())
        mFormat = mOut.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)   ? QStringLiteral("json")
                  : mOut.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive) ? QStringLiteral("gpkg")
                                                                                : QStringLiteral("csv");
    if (mFormat != QLatin1String("csv") && mFormat != QLatin1String("json") && !gpkg())
        return fail(tr("--format must be csv, json or gpkg"), 2);
    if (gpkg() && mOut.isEmpty())
        return fail(tr("--format gpkg needs --out FILE"), 2);
    if (!mOut.isEmpty() && QFileInfo(mOut).exists() &&
        QFileInfo(mOut).canonicalFilePath() == QFileInfo(mProject).canonicalFilePath())
        return fail(tr("%1: will not write results into the project itself; choose another --out file").arg(mOut), 2);

    const QString by = value("by");
    if (by != QLatin1String("grid") && by != QLatin1String("community") &&
        !(by == QLatin1String("category") && mSubject == QLatin1String("incidents")) &&
        !(by == QLatin1String("station") && mSubject == QLatin1String("services")))
        return fail(tr("--by must be grid or community (category for incidents, station for services)"), 2);
    return std::nullopt;
}

StatsRun::Exit StatsRun::buildFilter()
{
    mCategories = AnalysisInputs::readCategories(mPath);
    if (isSet("filter"))
        if (const Exit exit = readSavedFilter())
            return exit;
    for (const QString& name : splitList(value("category")))
    {
        const auto code = AnalysisInputs::categoryCode(mCategories, name);
        if (!code)
            return fail(tr("%1: no such incident category in %2").arg(name, mProject), 2);
        mFilter.categories.push_back(*code);
    }
    for (const QString& source : splitList(value("source")))
        mFilter.sources.push_back(source.toStdString());
    for (const QString& status : splitList(value("status")))
        mFilter.statuses.push_back(status.toStdString());
    if (const Exit exit = readTimes())
        return exit;
    mFilter.overdueOnly = isSet("overdue");
    for (const QString& id : splitList(value("grid")))
        mFilter.gridIds.push_back(id.toLongLong());
    if (isSet("community"))
        mFilter.communityId = value("community").toLongLong();
    if (isSet("within"))
        if (const Exit exit = readArea())
            return exit;
    return readOverdueLimits();
}

StatsRun::Exit StatsRun::readSavedFilter()
{
    // A filter saved from the Analysis dock (citytwin_filters).
    QString error;
    bool unknown = false;
    auto read = AnalysisInputs::savedFilter(mPath, value("filter"), error, &unknown);
    if (!read)
        return fail(error, unknown ? 2 : 1);
    mFilter = std::move(*read);
    return std::nullopt;
}

StatsRun::Exit StatsRun::readTimes()
{
    auto option = [this](const char* name) { return isSet(name) ? std::optional(value(name)) : std::nullopt; };
    if (const QString error = AnalysisInputs::readTimes({option("from"), option("to"), option("as-of")}, mFilter);
        !error.isEmpty())
        return fail(error, 2);
    return std::nullopt;
}

StatsRun::Exit StatsRun::readArea()
{
    // The area from a file: its polygons, in the project CRS.
    auto layers = data::readVectorSource(value("within").toStdString());
    if (!layers)
        return fail(ErrorText::describe(layers.error()), 1);
    data::Polygon area;
    for (const data::VectorLayer& layer : *layers)
        for (const data::Feature& feature : layer.features)
            for (const data::Polygon& polygon : feature.polygons)
                area.rings.insert(area.rings.end(), polygon.rings.begin(), polygon.rings.end());
    if (area.rings.empty())
        return fail(tr("%1: no polygon to take as the area").arg(value("within")), 1);
    mFilter.polygon = area;
    return std::nullopt;
}

StatsRun::Exit StatsRun::readOverdueLimits()
{
    for (const QString& item : splitList(value("overdue-hours")))
    {
        const auto code = AnalysisInputs::categoryCode(mCategories, item.section(QLatin1Char('='), 0, 0));
        bool ok = false;
        const double hours = item.section(QLatin1Char('='), 1).toDouble(&ok);
        if (!code || !ok || !(hours > 0.0))
            return fail(tr("--overdue-hours: %1 is not CATEGORY=HOURS with a known category").arg(item), 2);
        mFilter.overdueHours[*code] = hours;
    }
    return std::nullopt;
}

void StatsRun::readAreas(const std::string& table)
{
    auto layer = data::readProjectLayer(mPath, table);
    if (layer)
        mAreas = std::move(layer.value());
}

StatsRun::Exit StatsRun::runSubject()
{
    if (mSubject == QLatin1String("incidents") || mSubject == QLatin1String("hotspots") ||
        mSubject == QLatin1String("recurring"))
        return runOnIncidents();
    if (mSubject == QLatin1String("party"))
        return runParty();
    if (mSubject == QLatin1String("services"))
        return runServices();
    if (mSubject == QLatin1String("cameras"))
        return runCameras();
    return runCount();
}

StatsRun::Exit StatsRun::runOnIncidents()
{
    auto store = data::IncidentStore::open(mPath);
    if (!store)
        return fail(ErrorText::describe(store.error()), 1);
    if (mSubject == QLatin1String("hotspots"))
        return runHotspots(*store);
    if (mSubject == QLatin1String("recurring"))
        return runRecurring(*store);
    const bool byCategory = value("by") == QLatin1String("category");
    mTable = data::runIncidents(*store, mFilter,
                                byCategory                              ? data::IncidentGrouping::Category
                                : level() == data::AreaLevel::Community ? data::IncidentGrouping::Community
                                                                        : data::IncidentGrouping::Grid);
    if (gpkg() && !byCategory)
        readAreas(level() == data::AreaLevel::Grid ? data::schema::grids::Table : data::schema::communities::Table);
    return std::nullopt;
}

StatsRun::Exit StatsRun::runHotspots(const data::IncidentStore& store)
{
    if (!isSet("week"))
        return fail(tr("hotspots needs --week DATE (any day of the week)"), 2);
    const auto day = AnalysisInputs::parseUserTime(value("week"), false);
    if (!day)
        return fail(tr("--week: %1 is not a date").arg(value("week")), 2);
    // Weeks run Monday 00:00 to Monday 00:00, Beijing time.
    const std::int64_t local = *day + data::DistrictUtcOffsetMinutes * 60;
    const std::int64_t daysSinceMonday = ((local / 86400) + 3) % 7; // 1970-01-01 was a Thursday
    data::HotspotOptions options;
    options.weekStart = (local / 86400 - daysSinceMonday) * 86400 - data::DistrictUtcOffsetMinutes * 60;
    options.weeksBefore = value("weeks-before").toInt();
    if (options.weeksBefore < 1 || options.weeksBefore > 52)
        return fail(tr("--weeks-before must be 1 to 52"), 2);
    auto hotspots = data::runHotspots(mPath, store, mFilter, options);
    if (!hotspots)
        return fail(tr("%1 has no grids layer").arg(mProject), 1);
    mTable = std::move(hotspots->table);
    mAreas = std::move(hotspots->grids);
    HotspotStatements::add(mTable,
                           [this](const std::string& code) { return AnalysisInputs::categoryName(mCategories, code); });
    printLine(stderr, tr("citytwin stats: week of %1 against the %2 weeks before")
                          .arg(AnalysisInputs::formatLocal(options.weekStart).left(10))
                          .arg(options.weeksBefore));
    return std::nullopt;
}

StatsRun::Exit StatsRun::runRecurring(const data::IncidentStore& store)
{
    data::RecurringOptions options;
    if (isSet("distance"))
        options.distance = value("distance").toDouble();
    options.window = static_cast<std::int64_t>(value("days").toDouble() * 86400.0);
    options.minimumCount = value("min").toUInt();
    if (!data::validRecurringOptions(options))
        return fail(tr("recurring needs --distance above 0, --days at least 0 and --min at least 2"), 2);
    mTable = data::runRecurring(store, mFilter, options).table;
    return std::nullopt;
}

StatsRun::Exit StatsRun::runParty()
{
    auto party = data::runPartyCoverage(mPath, level());
    if (!party)
        return fail(ErrorText::describe(party.error()), 1);
    const data::PartyCoverage& coverage = party->coverage;
    mTable = std::move(party->table);
    printLine(stderr, tr("citytwin stats: district: %1 of %2 residential buildings have a building group (%3%), "
                         "%4% of households reached by a 1+10 link; %5 populated grids without a branch")
                          .arg(coverage.district.residentialWithGroup)
                          .arg(coverage.district.residentialBuildings)
                          .arg(coverage.district.groupShare * 100.0, 0, 'f', 1)
                          .arg(coverage.district.linkShare * 100.0, 0, 'f', 1)
                          .arg(coverage.gridsWithoutBranch.size()));
    if (gpkg())
        readAreas(level() == data::AreaLevel::Grid ? data::schema::grids::Table : data::schema::communities::Table);
    return std::nullopt;
}

StatsRun::Exit StatsRun::runServices()
{
    auto inputs = data::readServiceInputs(mPath);
    if (!inputs)
        return fail(ErrorText::describe(inputs.error()), 1);
    data::ServiceRunOptions options;
    options.kind = value("kind").toStdString();
    if (const std::set<std::string> kinds = inputs->kinds(); !kinds.count(options.kind))
    {
        QStringList present;
        for (const std::string& kind : kinds)
            present << QString::fromStdString(kind);
        return fail(tr("%1 has no stations of kind %2 (it has: %3)")
                        .arg(mProject, value("kind"), present.join(QStringLiteral(", "))),
                    2);
    }
    if (isSet("distance"))
    {
        options.distances.clear();
        for (const QString& item : splitList(value("distance")))
            options.distances.push_back(item.toDouble());
    }
    if (!data::validServiceDistances(options))
        return fail(tr("--distance must be metres above 0 (e.g. 500 or 500,1000)"), 2);
    options.perStation = value("by") == QLatin1String("station");
    options.suggestions = std::max(0, value("suggest").toInt());
    data::ServiceRun services = data::runServiceCoverage(*inputs, options);
    mTable = std::move(services.table);
    for (const data::ServiceLevel& serviceLevel : services.coverage.levels)
        printLine(stderr, tr("citytwin stats: district: %1 of %2 people (%3%) within %4 m of a %5 station")
                              .arg(serviceLevel.district.covered)
                              .arg(serviceLevel.district.people)
                              .arg(serviceLevel.district.share * 100.0, 0, 'f', 1)
                              .arg(serviceLevel.distance)
                              .arg(value("kind")));
    for (const data::SiteSuggestion& site : services.sites)
        printLine(stderr, tr("  suggested site: building %1 (%2, %3): +%4 people, %5% covered after it")
                              .arg(site.buildingId)
                              .arg(site.x, 0, 'f', 1)
                              .arg(site.y, 0, 'f', 1)
                              .arg(site.peopleGained)
                              .arg(site.shareAfter * 100.0, 0, 'f', 1));
    if (gpkg())
        readAreas(data::schema::communities::Table);
    return std::nullopt;
}

StatsRun::Exit StatsRun::runCameras()
{
    // The camera-AI detections per grid when the incidents can be read; the coverage without them otherwise.
    auto store = data::IncidentStore::open(mPath);
    auto cameras = data::runCameraCoverage(mPath, store ? &store.value() : nullptr);
    if (!cameras)
        return fail(ErrorText::describe(cameras.error()), 1);
    const data::CameraCoverage& coverage = cameras->coverage;
    mTable = std::move(cameras->table);
    printLine(stderr, tr("citytwin stats: %1% of open ground and %2% of streets in view; %3 grids with blind "
                         "spots")
                          .arg(coverage.district.openShare * 100.0, 0, 'f', 1)
                          .arg(coverage.district.streetShare * 100.0, 0, 'f', 1)
                          .arg(coverage.blindSpotGrids.size()));
    if (gpkg())
        mAreas = std::move(cameras->grids);
    return std::nullopt;
}

StatsRun::Exit StatsRun::runCount()
{
    const std::string polygons = value("polygons").toStdString();
    auto counts = data::runPointCount(mPath, value("points").toStdString(), polygons);
    if (!counts)
        return fail(ErrorText::describe(counts.error()), 1);
    mTable = std::move(counts->table);
    printLine(stderr, tr("citytwin stats: %1 points, %2 outside every polygon, %3 without a readable point")
                          .arg(counts->points)
                          .arg(counts->outside)
                          .arg(counts->unreadable));
    if (gpkg())
        readAreas(polygons);
    return std::nullopt;
}

StatsRun::Exit StatsRun::writeTable()
{
    if (gpkg())
    {
        auto written = data::writeGeoPackage(mTable, mOut.toStdString(), mSubject.toStdString(),
                                             mAreas ? &mAreas.value() : nullptr);
        if (!written)
            return fail(ErrorText::describe(written.error()), 1);
        return std::nullopt;
    }
    std::ostringstream text;
    if (mFormat == QLatin1String("json"))
        data::writeJson(mTable, text);
    else
        data::writeCsv(mTable, text);
    if (mOut.isEmpty())
    {
        std::cout << text.str() << std::flush;
        return std::nullopt;
    }
    std::ofstream file(mOut.toStdString(), std::ios::binary | std::ios::trunc);
    file << text.str();
    if (!file)
        return fail(tr("%1: cannot write the file").arg(mOut), 1);
    return std::nullopt;
}

} // namespace

int StatsCommand::run(const QStringList& arguments)
{
    StatsRun run;
    return run.run(arguments);
}

} // namespace citytwin::app
