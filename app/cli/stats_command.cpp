#include "app/cli/stats_command.hpp"

#include "app/common/analysis_inputs.hpp"
#include "app/cli/cli_output.hpp"
#include "app/common/error_text.hpp"
#include "app/common/sample_project.hpp"

#include "data/analysis/analysis_tables.hpp"
#include "data/analysis/gpkg_records.hpp"
#include "data/analysis/point_count.hpp"
#include "data/project/project_store.hpp"
#include "data/io/vector_source.hpp"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <fstream>
#include <set>
#include <iostream>
#include <sstream>

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
} // namespace

void StatsCommand::addHotspotStatements(data::StatsTable& table,
                                        const std::function<QString(const std::string&)>& categoryName)
{
    const int id = table.columnIndex("grid_id"), count = table.columnIndex("count"),
              expected = table.columnIndex("expected"), change = table.columnIndex("change"),
              direction = table.columnIndex("direction"), hot = table.columnIndex("hot_spot"),
              top = table.columnIndex("top_category"), topCount = table.columnIndex("top_category_count"),
              topExpected = table.columnIndex("top_category_expected"),
              topChange = table.columnIndex("top_category_change");
    table.columns.push_back("statement");
    for (auto& row : table.rows)
    {
        QStringList parts;
        const QString grid = tr("Grid %1").arg(QString::fromStdString(data::StatsTable::text(row[id])));
        // The strongest rise of one category, then the whole grid's change, then a Gi* hot spot.
        // Statements are for strong signals only (with 2,257 grids and 20 categories, a 95% level would flag
        // dozens of grids by chance every week): a category's rise at 99%, the grid's change at 95% or more, with
        // a Gi* hot or cold spot at 99% as context. The columns keep every level.
        if (!std::holds_alternative<std::monostate>(row[top]) && data::StatsTable::number(row[topChange]) >= 99)
        {
            const double c = data::StatsTable::number(row[topCount]), e = data::StatsTable::number(row[topExpected]);
            parts << (e > 0.0 ? tr("%1 up %2× (%3 this week, %4 a week before), significant at %5%")
                                    .arg(categoryName(std::get<std::string>(row[top])))
                                    .arg(c / e, 0, 'f', 1)
                                    .arg(c)
                                    .arg(e, 0, 'f', 1)
                                    .arg(data::StatsTable::text(row[topChange]).c_str())
                              : tr("%1: %2 this week after none before, significant at %3%")
                                    .arg(categoryName(std::get<std::string>(row[top])))
                                    .arg(c)
                                    .arg(data::StatsTable::text(row[topChange]).c_str()));
        }
        if (data::StatsTable::number(row[change]) >= 95)
        {
            const double c = data::StatsTable::number(row[count]), e = data::StatsTable::number(row[expected]);
            const bool up = data::StatsTable::text(row[direction]) == "up";
            parts << (up ? tr("all incidents up from %1 to %2 a week (significant at %3%)")
                         : tr("all incidents down from %1 to %2 a week (significant at %3%)"))
                         .arg(e, 0, 'f', 1)
                         .arg(c)
                         .arg(data::StatsTable::text(row[change]).c_str());
        }
        // Gi* hot spots are mostly the dense, busy centre every week: said only as context to a change.
        const std::string spot = data::StatsTable::text(row[hot]);
        if (parts.isEmpty())
            ;
        else if (spot == "hot99")
            parts << tr("a hot spot with its neighbours (Getis-Ord Gi*, %1%)").arg(spot.substr(3).c_str());
        else if (spot == "cold99")
            parts << tr("a cold spot with its neighbours (Getis-Ord Gi*, %1%)").arg(spot.substr(4).c_str());
        row.push_back(parts.isEmpty()
                          ? data::StatsTable::Value()
                          : data::StatsTable::Value((grid + tr(": ") + parts.join(tr("; "))).toStdString()));
    }
}

int StatsCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
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
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("subject"), tr("What to analyse (see above)."));
    parser.addPositionalArgument(QStringLiteral("project"), tr("The project file (default: the built-in sample)."),
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
                                          QStringLiteral("incidents"));
    const QCommandLineOption polygonsOption(QStringLiteral("polygons"), tr("Count: the polygon table."), tr("table"),
                                            QStringLiteral("grids"));
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
        parser.addOption(*option);
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    auto fail = [](const QString& message, int status)
    {
        printLine(stderr, tr("citytwin stats: %1").arg(message));
        return status;
    };
    if (!parser.parse(verbArguments))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout,
                  parser.helpText().replace(QCoreApplication::applicationFilePath(), QStringLiteral("citytwin stats")));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString subject = positional.value(0);
    if (!Subjects.contains(subject))
        return fail(tr("say what to analyse: %1 (citytwin stats --help)").arg(Subjects.join(QStringLiteral(", "))), 2);

    // The project, or the built-in sample.
    QString project = positional.value(1);
    if (project.isEmpty())
    {
        QString error;
        const auto sample = SampleProject::ensure(&error);
        if (!sample)
            return fail(error, 1);
        project = *sample;
        printLine(stderr, tr("citytwin stats: no project given; using the built-in sample district %1").arg(project));
    }
    if (!QFileInfo::exists(project))
        return fail(tr("%1: no such file").arg(project), 1);
    const std::string path = project.toStdString();

    // The output format, from --format or the extension of --out.
    QString format = parser.value(formatOption).toLower();
    const QString out = parser.value(outOption);
    if (format.isEmpty())
        format = out.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)   ? QStringLiteral("json")
                 : out.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive) ? QStringLiteral("gpkg")
                                                                              : QStringLiteral("csv");
    if (format != QLatin1String("csv") && format != QLatin1String("json") && format != QLatin1String("gpkg"))
        return fail(tr("--format must be csv, json or gpkg"), 2);
    if (format == QLatin1String("gpkg") && out.isEmpty())
        return fail(tr("--format gpkg needs --out FILE"), 2);
    if (!out.isEmpty() && QFileInfo(out).exists() &&
        QFileInfo(out).canonicalFilePath() == QFileInfo(project).canonicalFilePath())
        return fail(tr("%1: will not write results into the project itself; choose another --out file").arg(out), 2);

    const data::AreaLevel level =
        parser.value(byOption) == QLatin1String("community") ? data::AreaLevel::Community : data::AreaLevel::Grid;
    const bool byCategory = parser.value(byOption) == QLatin1String("category");
    if (parser.value(byOption) != QLatin1String("grid") && parser.value(byOption) != QLatin1String("community") &&
        !(byCategory && subject == QLatin1String("incidents")) &&
        !(parser.value(byOption) == QLatin1String("station") && subject == QLatin1String("services")))
        return fail(tr("--by must be grid or community (category for incidents, station for services)"), 2);

    // The incident filter.
    const std::vector<CategoryInfo> categories = AnalysisInputs::readCategories(path);
    data::IncidentFilter filter;
    if (parser.isSet(filterOption))
    {
        // A filter saved from the Analysis dock (citytwin_filters).
        auto store = data::ProjectStore::open(path, {.create = false, .readOnly = true});
        if (!store)
            return fail(ErrorText::describe(store.error()), 1);
        auto saved = store->filters();
        if (!saved)
            return fail(ErrorText::describe(saved.error()), 1);
        const auto found =
            std::find_if(saved->begin(), saved->end(),
                         [&](const auto& entry) { return entry.first == parser.value(filterOption).toStdString(); });
        if (found == saved->end())
            return fail(tr("%1 has no saved filter named %2").arg(project, parser.value(filterOption)), 2);
        auto read = data::IncidentFilter::fromJson(found->second);
        if (!read)
            return fail(ErrorText::describe(read.error()), 1);
        filter = std::move(read.value());
    }
    for (const QString& name : splitList(parser.value(categoryOption)))
    {
        const auto code = AnalysisInputs::categoryCode(categories, name);
        if (!code)
            return fail(tr("%1: no such incident category in %2").arg(name, project), 2);
        filter.categories.push_back(*code);
    }
    for (const QString& source : splitList(parser.value(sourceOption)))
        filter.sources.push_back(source.toStdString());
    for (const QString& status : splitList(parser.value(statusOption)))
        filter.statuses.push_back(status.toStdString());
    for (const auto& [option, target, endOfDay] :
         {std::tuple{&fromOption, &filter.from, false}, std::tuple{&toOption, &filter.to, true},
          std::tuple{&asOfOption, &filter.asOf, false}})
        if (parser.isSet(*option))
        {
            *target = AnalysisInputs::parseUserTime(parser.value(*option), endOfDay);
            if (!*target)
                return fail(tr("--%1: %2 is not a date or time (2025-06-01, 2025-06-01 08:30)")
                                .arg(option->names().front(), parser.value(*option)),
                            2);
        }
    filter.overdueOnly = parser.isSet(overdueOption);
    for (const QString& id : splitList(parser.value(gridOption)))
        filter.gridIds.push_back(id.toLongLong());
    if (parser.isSet(communityOption))
        filter.communityId = parser.value(communityOption).toLongLong();
    if (parser.isSet(withinOption))
    {
        // The area from a file: its polygons, in the project CRS.
        auto layers = data::readVectorSource(parser.value(withinOption).toStdString());
        if (!layers)
            return fail(ErrorText::describe(layers.error()), 1);
        data::Polygon area;
        for (const data::VectorLayer& layer : *layers)
            for (const data::Feature& feature : layer.features)
                for (const data::Polygon& polygon : feature.polygons)
                    area.rings.insert(area.rings.end(), polygon.rings.begin(), polygon.rings.end());
        if (area.rings.empty())
            return fail(tr("%1: no polygon to take as the area").arg(parser.value(withinOption)), 1);
        filter.polygon = area;
    }
    for (const QString& item : splitList(parser.value(limitsOption)))
    {
        const auto code = AnalysisInputs::categoryCode(categories, item.section(QLatin1Char('='), 0, 0));
        bool ok = false;
        const double hours = item.section(QLatin1Char('='), 1).toDouble(&ok);
        if (!code || !ok || !(hours > 0.0))
            return fail(tr("--overdue-hours: %1 is not CATEGORY=HOURS with a known category").arg(item), 2);
        filter.overdueHours[*code] = hours;
    }

    QElapsedTimer timer;
    timer.start();
    data::StatsTable table;
    const data::VectorLayer* areasForGeometry = nullptr;
    data::VectorLayer areas;
    auto loadStore = [&]() -> data::Result<data::IncidentStore> { return data::IncidentStore::load(path); };
    auto readAreas = [&](const std::string& name) -> bool
    {
        auto layer = AnalysisInputs::readLayer(path, name);
        if (!layer)
            return false;
        areas = std::move(layer.value());
        areasForGeometry = &areas;
        return true;
    };

    if (subject == QLatin1String("incidents") || subject == QLatin1String("hotspots") ||
        subject == QLatin1String("recurring"))
    {
        auto store = loadStore();
        if (!store)
            return fail(ErrorText::describe(store.error()), 1);
        if (subject == QLatin1String("incidents"))
        {
            table =
                byCategory ? data::categoryStatsTable(*store, filter) : data::incidentStatsTable(*store, filter, level);
            if (format == QLatin1String("gpkg") && !byCategory)
                readAreas(level == data::AreaLevel::Grid ? "grids" : "communities");
        }
        else if (subject == QLatin1String("hotspots"))
        {
            if (!parser.isSet(weekOption))
                return fail(tr("hotspots needs --week DATE (any day of the week)"), 2);
            const auto day = AnalysisInputs::parseUserTime(parser.value(weekOption), false);
            if (!day)
                return fail(tr("--week: %1 is not a date").arg(parser.value(weekOption)), 2);
            // Weeks run Monday 00:00 to Monday 00:00, Beijing time.
            const std::int64_t local = *day + AnalysisInputs::DistrictUtcOffsetMinutes * 60;
            const std::int64_t daysSinceMonday = ((local / 86400) + 3) % 7; // 1970-01-01 was a Thursday
            data::HotspotOptions options;
            options.weekStart =
                (local / 86400 - daysSinceMonday) * 86400 - AnalysisInputs::DistrictUtcOffsetMinutes * 60;
            options.weeksBefore = parser.value(weeksBeforeOption).toInt();
            if (options.weeksBefore < 1 || options.weeksBefore > 52)
                return fail(tr("--weeks-before must be 1 to 52"), 2);
            if (!readAreas("grids"))
                return fail(tr("%1 has no grids layer").arg(project), 1);
            const data::GridAdjacency adjacency = data::gridAdjacency(areas);
            table = data::hotspotStatsTable(*store, filter, adjacency, options);
            addHotspotStatements(table, [&categories](const std::string& code)
                                 { return AnalysisInputs::categoryName(categories, code); });
            printLine(stderr, tr("citytwin stats: week of %1 against the %2 weeks before")
                                  .arg(AnalysisInputs::formatLocal(options.weekStart).left(10))
                                  .arg(options.weeksBefore));
        }
        else
        {
            data::RecurringOptions options;
            if (parser.isSet(distanceOption))
                options.distance = parser.value(distanceOption).toDouble();
            options.window = static_cast<std::int64_t>(parser.value(daysOption).toDouble() * 86400.0);
            options.minimumCount = parser.value(minimumOption).toUInt();
            if (!(options.distance > 0.0) || options.window < 0 || options.minimumCount < 2)
                return fail(tr("recurring needs --distance above 0, --days at least 0 and --min at least 2"), 2);
            table = data::recurringStatsTable(*store, filter, options);
        }
    }
    else if (subject == QLatin1String("party"))
    {
        auto buildings = AnalysisInputs::readLayer(path, "buildings");
        auto orgs = AnalysisInputs::readLayer(path, "party_orgs");
        auto links = AnalysisInputs::readLayer(path, "party_links");
        for (const auto* layer : {&buildings, &orgs, &links})
            if (!*layer)
                return fail(ErrorText::describe(layer->error()), 1);
        auto buildingRecords = data::readBuildings(*buildings);
        auto orgRecords = data::readPartyOrgs(*orgs);
        auto linkRecords = data::readPartyLinks(*links);
        if (!buildingRecords || !orgRecords || !linkRecords)
            return fail(ErrorText::describe(!buildingRecords ? buildingRecords.error()
                                            : !orgRecords    ? orgRecords.error()
                                                             : linkRecords.error()),
                        1);
        const data::PartyCoverage coverage = data::partyCoverage(*buildingRecords, *orgRecords, *linkRecords);
        table = data::partyStatsTable(coverage, level);
        printLine(stderr, tr("citytwin stats: district: %1 of %2 residential buildings have a building group (%3%), "
                             "%4% of households reached by a 1+10 link; %5 populated grids without a branch")
                              .arg(coverage.district.residentialWithGroup)
                              .arg(coverage.district.residentialBuildings)
                              .arg(coverage.district.groupShare * 100.0, 0, 'f', 1)
                              .arg(coverage.district.linkShare * 100.0, 0, 'f', 1)
                              .arg(coverage.gridsWithoutBranch.size()));
        if (format == QLatin1String("gpkg"))
            readAreas(level == data::AreaLevel::Grid ? "grids" : "communities");
    }
    else if (subject == QLatin1String("services"))
    {
        // The lean readers: rows and footprint blobs straight from the GeoPackage.
        auto buildingRecords = data::readBuildingRecords(path);
        auto stationRecords = data::readStationRecords(path);
        if (!buildingRecords || !stationRecords)
            return fail(ErrorText::describe(!buildingRecords ? buildingRecords.error() : stationRecords.error()), 1);
        data::ServiceCoverageOptions options;
        options.kind = parser.value(kindOption).toStdString();
        std::set<std::string> kinds;
        for (const data::StationRecord& station : *stationRecords)
            kinds.insert(station.kind);
        if (!kinds.count(options.kind))
        {
            QStringList present;
            for (const std::string& kind : kinds)
                present << QString::fromStdString(kind);
            return fail(tr("%1 has no stations of kind %2 (it has: %3)")
                            .arg(project, parser.value(kindOption), present.join(QStringLiteral(", "))),
                        2);
        }
        if (parser.isSet(distanceOption))
        {
            options.distances.clear();
            for (const QString& item : splitList(parser.value(distanceOption)))
                options.distances.push_back(item.toDouble());
        }
        for (double distance : options.distances)
            if (!(distance > 0.0))
                return fail(tr("--distance must be metres above 0 (e.g. 500 or 500,1000)"), 2);
        const data::ServiceCoverage coverage = data::serviceCoverage(*buildingRecords, *stationRecords, options);
        table = parser.value(byOption) == QLatin1String("station") ? data::stationLoadTable(coverage, *stationRecords)
                                                                   : data::serviceStatsTable(coverage, *stationRecords);
        for (const data::ServiceLevel& serviceLevel : coverage.levels)
            printLine(stderr, tr("citytwin stats: district: %1 of %2 people (%3%) within %4 m of a %5 station")
                                  .arg(serviceLevel.district.covered)
                                  .arg(serviceLevel.district.people)
                                  .arg(serviceLevel.district.share * 100.0, 0, 'f', 1)
                                  .arg(serviceLevel.distance)
                                  .arg(parser.value(kindOption)));
        if (const int suggest = parser.value(suggestOption).toInt(); suggest > 0)
        {
            data::SiteSuggestionOptions siteOptions;
            siteOptions.kind = options.kind;
            siteOptions.distance = options.distances.front();
            siteOptions.count = suggest;
            for (const data::SiteSuggestion& site : data::suggestSites(*buildingRecords, *stationRecords, siteOptions))
                printLine(stderr, tr("  suggested site: building %1 (%2, %3): +%4 people, %5% covered after it")
                                      .arg(site.buildingId)
                                      .arg(site.x, 0, 'f', 1)
                                      .arg(site.y, 0, 'f', 1)
                                      .arg(site.peopleGained)
                                      .arg(site.shareAfter * 100.0, 0, 'f', 1));
        }
        if (format == QLatin1String("gpkg"))
            readAreas("communities");
    }
    else if (subject == QLatin1String("cameras"))
    {
        auto cameras = AnalysisInputs::readLayer(path, "cameras");
        auto buildings = AnalysisInputs::readLayer(path, "buildings");
        auto grids = AnalysisInputs::readLayer(path, "grids");
        if (!cameras || !buildings || !grids)
            return fail(ErrorText::describe(!cameras     ? cameras.error()
                                            : !buildings ? buildings.error()
                                                         : grids.error()),
                        1);
        auto roads = AnalysisInputs::readLayer(path, "roads");
        auto records = data::readCameras(*cameras);
        if (!records)
            return fail(ErrorText::describe(records.error()), 1);
        const data::CameraCoverage coverage =
            data::cameraCoverage(*records, *buildings, *grids, roads ? &roads.value() : nullptr, {});
        auto store = loadStore();
        table = data::cameraStatsTable(coverage, *records, *cameras, store ? &store.value() : nullptr);
        printLine(stderr, tr("citytwin stats: %1% of open ground and %2% of streets in view; %3 grids with blind "
                             "spots")
                              .arg(coverage.district.openShare * 100.0, 0, 'f', 1)
                              .arg(coverage.district.streetShare * 100.0, 0, 'f', 1)
                              .arg(coverage.blindSpotGrids.size()));
        if (format == QLatin1String("gpkg"))
        {
            areas = std::move(grids.value());
            areasForGeometry = &areas;
        }
    }
    else // count
    {
        auto counts = data::countPointsInPolygons(path, parser.value(pointsOption).toStdString(),
                                                  parser.value(polygonsOption).toStdString(), "id");
        if (!counts)
            return fail(ErrorText::describe(counts.error()), 1);
        table.columns = {parser.value(polygonsOption).toStdString() == "communities" ? "community_id" : "grid_id",
                         "count"};
        if (parser.value(polygonsOption) != QLatin1String("grids") &&
            parser.value(polygonsOption) != QLatin1String("communities"))
            table.columns.front() = "id";
        for (std::size_t i = 0; i < counts->ids.size(); ++i)
            table.rows.push_back({counts->ids[i], static_cast<std::int64_t>(counts->counts[i])});
        printLine(stderr, tr("citytwin stats: %1 points, %2 outside every polygon, %3 without a readable point")
                              .arg(counts->points)
                              .arg(counts->outside)
                              .arg(counts->unreadable));
        if (format == QLatin1String("gpkg"))
            readAreas(parser.value(polygonsOption).toStdString());
    }

    // Write the table.
    if (format == QLatin1String("gpkg"))
    {
        auto written = data::writeGeoPackage(table, out.toStdString(), subject.toStdString(), areasForGeometry);
        if (!written)
            return fail(ErrorText::describe(written.error()), 1);
    }
    else
    {
        std::ostringstream text;
        if (format == QLatin1String("json"))
            data::writeJson(table, text);
        else
            data::writeCsv(table, text);
        if (out.isEmpty())
            std::cout << text.str() << std::flush;
        else
        {
            std::ofstream file(out.toStdString(), std::ios::binary | std::ios::trunc);
            file << text.str();
            if (!file)
                return fail(tr("%1: cannot write the file").arg(out), 1);
        }
    }
    printLine(stderr,
              tr("citytwin stats: %1 rows in %2 s").arg(table.rows.size()).arg(timer.elapsed() / 1000.0, 0, 'f', 2));
    return 0;
}

} // namespace citytwin::app
