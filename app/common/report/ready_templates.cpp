#include "app/common/report/report_writer.hpp"

#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"

namespace citytwin::app
{
namespace
{
namespace schema = data::schema;

data::ReportItem item(const char* kind, double x, double y, double width, double height)
{
    data::ReportItem made;
    made.kind = kind;
    made.rect = {x, y, width, height};
    return made;
}

data::ReportItem map(double x, double y, double width, double height, std::vector<std::string> layers,
                     std::string field = {})
{
    data::ReportItem made = item("map", x, y, width, height);
    made.source = "top-down";
    made.layers = std::move(layers);
    made.field = std::move(field);
    return made;
}

data::ReportItem kpis(double x, double y, double width, double height, std::vector<std::string> figures)
{
    data::ReportItem made = item("kpis", x, y, width, height);
    made.figures = std::move(figures);
    return made;
}

data::ReportItem chart(double x, double y, double width, double height, const char* kind)
{
    data::ReportItem made = item("chart", x, y, width, height);
    made.chart = kind;
    return made;
}

data::ReportItem text(double x, double y, double width, double height, std::string words)
{
    data::ReportItem made = item("text", x, y, width, height);
    made.text = std::move(words);
    return made;
}

data::ReportItem table(double x, double y, double width, double height, const char* kind, int rows)
{
    data::ReportItem made = item("table", x, y, width, height);
    made.table = kind;
    made.rows = rows;
    return made;
}

/// The district's week on one landscape page: its communities coloured by incidents, the week's figures against
/// the week before, the last 30 days, the grids with the most incidents.
data::ReportTemplate weekly()
{
    data::ReportTemplate layout;
    layout.name = "weekly";
    layout.title = QCoreApplication::translate("citytwin::app::ReportWriter", "{district}: incidents briefing").toStdString();
    layout.subtitle = QCoreApplication::translate("citytwin::app::ReportWriter", "{filter} · data as of {date}").toStdString();
    layout.landscape = true;
    layout.atlas = data::AtlasLevel::None;
    layout.items = {
        item("title", 0.0, 0.0, 1.0, 0.1),
        map(0.0, 0.12, 0.6, 0.88,
            {schema::communities::Table, schema::river::Table, schema::roads::Table, schema::streets::Table,
             schema::district::Table},
            "count"),
        item("north", 0.545, 0.13, 0.05, 0.09),
        item("scalebar", 0.01, 0.93, 0.2, 0.06),
        item("legend", 0.62, 0.12, 0.38, 0.2),
        kpis(0.62, 0.33, 0.38, 0.24,
             {"week_incidents", "week_closed_on_time", "week_median_close_h", "overdue_now", "week_ai_share",
              "population"}),
        chart(0.62, 0.59, 0.38, 0.16, "daily"),
        table(0.62, 0.77, 0.38, 0.23, "grids", 7),
    };
    return layout;
}

/// One portrait page per community: its map with buildings, roads, river, stations and incidents; its figures (those
/// of `citytwin stats incidents --by community`), incidents by category, its grids with the most incidents.
data::ReportTemplate incidentsAtlas()
{
    data::ReportTemplate layout;
    layout.name = "incidents-atlas";
    layout.title = QCoreApplication::translate("citytwin::app::ReportWriter", "{area}: incidents").toStdString();
    layout.subtitle = QCoreApplication::translate("citytwin::app::ReportWriter", "{filter} · data as of {date}").toStdString();
    layout.atlas = data::AtlasLevel::Community;
    layout.items = {
        item("title", 0.0, 0.0, 1.0, 0.075),
        map(0.0, 0.09, 1.0, 0.5,
            {schema::communities::Table, schema::grids::Table, schema::river::Table, schema::roads::Table,
             schema::buildings::Table, schema::stations::Table, schema::incidents::Table}),
        item("north", 0.93, 0.1, 0.06, 0.07),
        item("scalebar", 0.01, 0.545, 0.3, 0.04),
        item("legend", 0.0, 0.61, 0.36, 0.17),
        kpis(0.38, 0.61, 0.62, 0.17, {"count", "open", "overdue", "ai_share", "median_close_h", "population"}),
        chart(0.0, 0.8, 0.47, 0.2, "categories"),
        table(0.51, 0.8, 0.49, 0.2, "grids", 8),
    };
    return layout;
}

/// One portrait page per community: party coverage (buildings with a party group, households reached by 1+10 links,
/// branches) over its map.
data::ReportTemplate partyAtlas()
{
    data::ReportTemplate layout;
    layout.name = "party-atlas";
    layout.title = QCoreApplication::translate("citytwin::app::ReportWriter", "{area}: party organisation coverage").toStdString();
    layout.subtitle = QCoreApplication::translate("citytwin::app::ReportWriter", "{district} · data as of {date}").toStdString();
    layout.atlas = data::AtlasLevel::Community;
    layout.items = {
        item("title", 0.0, 0.0, 1.0, 0.075),
        map(0.0, 0.09, 1.0, 0.55,
            {schema::communities::Table, schema::grids::Table, schema::river::Table, schema::roads::Table,
             schema::buildings::Table, schema::stations::Table}),
        item("north", 0.93, 0.1, 0.06, 0.07),
        item("scalebar", 0.01, 0.595, 0.3, 0.04),
        item("legend", 0.0, 0.66, 0.36, 0.16),
        kpis(0.38, 0.66, 0.62, 0.16, {"population", "group_share", "link_share", "branches"}),
        text(0.0, 0.86, 1.0, 0.14,
             QCoreApplication::translate(
                 "citytwin::app::ReportWriter",
                 "Buildings with a party group: residential buildings of {area} where a party group of the building is "
                 "registered, as a share of its residential buildings. Households reached by 1+10 links: households "
                 "of its buildings linked to a party member's household, as a share of all its households. Branches: "
                 "party branches registered in {area}.")
                 .toStdString()),
    };
    return layout;
}

/// One portrait page per street: day-care coverage of its communities, least covered first.
data::ReportTemplate services()
{
    data::ReportTemplate layout;
    layout.name = "services";
    layout.title = QCoreApplication::translate("citytwin::app::ReportWriter", "{area}: day-care service coverage").toStdString();
    layout.subtitle = QCoreApplication::translate("citytwin::app::ReportWriter",
                                                         "{district} · residents within 500 m of a day-care station · data as of {date}")
                          .toStdString();
    layout.atlas = data::AtlasLevel::Street;
    layout.items = {
        item("title", 0.0, 0.0, 1.0, 0.075),
        map(0.0, 0.09, 1.0, 0.5,
            {schema::communities::Table, schema::river::Table, schema::roads::Table, schema::buildings::Table,
             schema::stations::Table}),
        item("north", 0.93, 0.1, 0.06, 0.07),
        item("scalebar", 0.01, 0.545, 0.3, 0.04),
        item("legend", 0.0, 0.61, 0.36, 0.17),
        kpis(0.38, 0.61, 0.62, 0.17, {"population", "service_coverage", "stations"}),
        table(0.0, 0.8, 1.0, 0.2, "gaps", 10),
    };
    return layout;
}
} // namespace

QStringList readyTemplateNames()
{
    return {QStringLiteral("weekly"), QStringLiteral("incidents-atlas"), QStringLiteral("party-atlas"),
            QStringLiteral("services")};
}

std::optional<data::ReportTemplate> readyTemplate(const QString& name)
{
    if (name == QLatin1String("weekly"))
        return weekly();
    if (name == QLatin1String("incidents-atlas"))
        return incidentsAtlas();
    if (name == QLatin1String("party-atlas"))
        return partyAtlas();
    if (name == QLatin1String("services"))
        return services();
    return std::nullopt;
}

std::optional<data::ReportTemplate> findTemplate(const std::string& projectPath, const QString& name, QString& error)
{
    if (auto project = data::ProjectStore::open(projectPath, {.create = false, .readOnly = true}))
        if (auto saved = project->reportTemplates())
            for (const auto& [savedName, json] : saved.value())
                if (QString::fromStdString(savedName) == name)
                {
                    auto layout = data::ReportTemplate::fromJson(
                        json, projectPath + " (" + data::schema::citytwin_report_templates::Table + ")");
                    if (!layout)
                    {
                        error = QCoreApplication::translate("citytwin::app::ReportWriter", "the template '%1' cannot be read: %2")
                                    .arg(name, QString::fromStdString(layout.error().message()));
                        return std::nullopt;
                    }
                    return layout.value();
                }
    if (auto ready = readyTemplate(name))
        return ready;
    error = QCoreApplication::translate("citytwin::app::ReportWriter", "no report template '%1' (ready ones: %2)").arg(name, readyTemplateNames().join(QStringLiteral(", ")));
    return std::nullopt;
}

} // namespace citytwin::app
