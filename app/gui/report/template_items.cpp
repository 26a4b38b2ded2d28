#include "app/gui/report/template_items.hpp"

#include "data/project/schema.hpp"

#include <utility>
#include <vector>

#include <QLocale>
#include <QRegularExpression>

namespace citytwin::app
{
namespace
{
namespace schema = data::schema;

const QStringList ChartKinds = {QStringLiteral("categories"), QStringLiteral("daily")};
const QStringList TableKinds = {QStringLiteral("grids"), QStringLiteral("overdue"), QStringLiteral("communities"),
                                QStringLiteral("gaps")};

/// The option keys of a kind, in the order they are written.
QStringList optionKeys(const QString& kind)
{
    if (kind == QLatin1String("map"))
        return {QStringLiteral("source"), QStringLiteral("layers"), QStringLiteral("field")};
    if (kind == QLatin1String("kpis"))
        return {QStringLiteral("figures")};
    if (kind == QLatin1String("chart"))
        return {QStringLiteral("chart")};
    if (kind == QLatin1String("table"))
        return {QStringLiteral("table"), QStringLiteral("rows")};
    if (kind == QLatin1String("text"))
        return {QStringLiteral("text")};
    return {};
}

QString joined(const std::vector<std::string>& values)
{
    QStringList list;
    for (const std::string& value : values)
        list << QString::fromStdString(value);
    return list.join(QStringLiteral(", ")); // a space to wrap at in the table
}

std::vector<std::string> splitList(const QString& text)
{
    std::vector<std::string> values;
    for (const QString& value : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!value.trimmed().isEmpty())
            values.push_back(value.trimmed().toStdString());
    return values;
}

/// Splits "key=value; key=value" into pairs; "text=" takes the rest of the line (its words may hold ';').
/// An error sentence for a part that is not key=value.
QString splitOptions(const QString& text, std::vector<std::pair<QString, QString>>& options)
{
    QString rest = text.trimmed();
    while (!rest.isEmpty())
    {
        const int end = rest.indexOf(QLatin1Char(';'));
        const QString part = (end < 0 ? rest : rest.left(end)).trimmed();
        const int equals = part.indexOf(QLatin1Char('='));
        if (equals <= 0)
        {
            if (part.isEmpty())
            {
                rest = rest.mid(end + 1).trimmed();
                continue;
            }
            return TemplateItems::tr("'%1' is not key=value").arg(part);
        }
        const QString key = part.left(equals).trimmed();
        if (key == QLatin1String("text"))
        {
            options.emplace_back(key, rest.mid(rest.indexOf(QLatin1Char('=')) + 1).trimmed());
            return {};
        }
        options.emplace_back(key, part.mid(equals + 1).trimmed());
        rest = end < 0 ? QString() : rest.mid(end + 1).trimmed();
    }
    return {};
}

/// Sets one option of an item; an error sentence when the value is not one the kind takes.
QString setOption(const QString& key, const QString& value, data::ReportItem& item)
{
    if (key == QLatin1String("source"))
    {
        if (value != QLatin1String("top-down") && (!value.startsWith(QLatin1String("bookmark:")) || value.size() <= 9))
            return TemplateItems::tr("source must be top-down or bookmark:NAME, not '%1'").arg(value);
        item.source = value.toStdString();
    }
    else if (key == QLatin1String("layers"))
        item.layers = splitList(value);
    else if (key == QLatin1String("field"))
        item.field = value.toStdString();
    else if (key == QLatin1String("figures"))
        item.figures = splitList(value);
    else if (key == QLatin1String("chart"))
    {
        if (!ChartKinds.contains(value))
            return TemplateItems::tr("chart must be %1, not '%2'").arg(ChartKinds.join(QStringLiteral(" or ")), value);
        item.chart = value.toStdString();
    }
    else if (key == QLatin1String("table"))
    {
        if (!TableKinds.contains(value))
            return TemplateItems::tr("table must be one of %1, not '%2'")
                .arg(TableKinds.join(QStringLiteral(", ")), value);
        item.table = value.toStdString();
    }
    else if (key == QLatin1String("rows"))
    {
        bool ok = false;
        item.rows = value.toInt(&ok);
        if (!ok || item.rows < 1 || item.rows > 200)
            return TemplateItems::tr("rows must be a whole number from 1 to 200, not '%1'").arg(value);
    }
    else if (key == QLatin1String("text"))
        item.text = value.toStdString();
    return {};
}
} // namespace

QStringList TemplateItems::kinds()
{
    return {QStringLiteral("title"),    QStringLiteral("map"),   QStringLiteral("legend"),
            QStringLiteral("scalebar"), QStringLiteral("north"), QStringLiteral("kpis"),
            QStringLiteral("chart"),    QStringLiteral("table"), QStringLiteral("text")};
}

QString TemplateItems::kindName(const QString& kind)
{
    if (kind == QLatin1String("title"))
        return tr("Title");
    if (kind == QLatin1String("map"))
        return tr("Map");
    if (kind == QLatin1String("legend"))
        return tr("Legend");
    if (kind == QLatin1String("scalebar"))
        return tr("Scale bar");
    if (kind == QLatin1String("north"))
        return tr("North arrow");
    if (kind == QLatin1String("kpis"))
        return tr("Figures");
    if (kind == QLatin1String("chart"))
        return tr("Chart");
    if (kind == QLatin1String("table"))
        return tr("Table");
    if (kind == QLatin1String("text"))
        return tr("Text");
    return kind;
}

QString TemplateItems::optionsHelp(const QString& kind)
{
    if (kind == QLatin1String("map"))
        return tr("source=top-down (drawn from the layers) or bookmark:NAME (a bookmark's 3D view); layers=the "
                  "project's tables drawn, bottom first (communities,grids,river,roads,buildings,stations,incidents); "
                  "field=count colours the areas by their incidents");
    if (kind == QLatin1String("kpis"))
        return tr("figures=codes, comma-separated: count, open, overdue, ai_share, median_close_h, population, "
                  "group_share, link_share, branches, service_coverage, stations, week_incidents, "
                  "week_closed_on_time, week_median_close_h, overdue_now, week_ai_share");
    if (kind == QLatin1String("chart"))
        return tr("chart=categories (incidents per category, bars) or daily (incidents per day, a line)");
    if (kind == QLatin1String("table"))
        return tr("table=grids (the area's grid cells by incidents), overdue (overdue cases), communities (coverage "
                  "per community) or gaps (the least covered); rows=at most this many rows (1 to 200)");
    if (kind == QLatin1String("text"))
        return tr("text=the words, placeholders allowed, to the end of the line");
    if (kind == QLatin1String("title"))
        return tr("No options: the template's title and subtitle");
    return tr("No options: drawn for the first map above it in the list");
}

data::ReportItem TemplateItems::defaultItem(const QString& kind)
{
    data::ReportItem item;
    item.kind = kind.toStdString();
    item.rect = {0.0, 0.0, 0.5, 0.25};
    if (kind == QLatin1String("map"))
    {
        item.source = "top-down";
        item.layers = {schema::communities::Table, schema::river::Table, schema::roads::Table};
    }
    else if (kind == QLatin1String("kpis"))
        item.figures = {"count", "open", "overdue"};
    else if (kind == QLatin1String("chart"))
        item.chart = "categories";
    else if (kind == QLatin1String("table"))
        item.table = "grids";
    else if (kind == QLatin1String("text"))
        item.text = tr("{filter} · data as of {date}").toStdString();
    return item;
}

QString TemplateItems::optionsText(const data::ReportItem& item)
{
    QStringList parts;
    for (const QString& key : optionKeys(QString::fromStdString(item.kind)))
    {
        QString value;
        if (key == QLatin1String("source"))
            value = QString::fromStdString(item.source.empty() ? std::string("top-down") : item.source);
        else if (key == QLatin1String("layers"))
            value = joined(item.layers);
        else if (key == QLatin1String("field"))
            value = QString::fromStdString(item.field);
        else if (key == QLatin1String("figures"))
            value = joined(item.figures);
        else if (key == QLatin1String("chart"))
            value = QString::fromStdString(item.chart);
        else if (key == QLatin1String("table"))
            value = QString::fromStdString(item.table);
        else if (key == QLatin1String("rows"))
            value = QString::number(item.rows);
        else if (key == QLatin1String("text"))
            value = QString::fromStdString(item.text);
        if (!value.isEmpty())
            parts << key + QLatin1Char('=') + value;
    }
    return parts.join(QStringLiteral("; "));
}

QString TemplateItems::readOptions(const QString& text, data::ReportItem& item)
{
    const QString kind = QString::fromStdString(item.kind);
    std::vector<std::pair<QString, QString>> options;
    if (const QString error = splitOptions(text, options); !error.isEmpty())
        return error;
    const QStringList keys = optionKeys(kind);
    if (kind == QLatin1String("map"))
        item.source = "top-down";
    for (const auto& [key, value] : options)
    {
        if (!keys.contains(key))
            return keys.isEmpty() ? tr("a %1 takes no options ('%2')").arg(kindName(kind), key)
                                  : tr("'%1' is not an option of a %2 (%3)")
                                        .arg(key, kindName(kind), keys.join(QStringLiteral(", ")));
        if (const QString error = setOption(key, value, item); !error.isEmpty())
            return error;
    }
    if (kind == QLatin1String("chart") && item.chart.empty())
        return tr("give chart=categories or chart=daily");
    if (kind == QLatin1String("table") && item.table.empty())
        return tr("give table=grids, overdue, communities or gaps");
    return {};
}

QString TemplateItems::fractionText(double value)
{
    return QString::number(value, 'f', 4).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

QString TemplateItems::readRect(const QStringList& cells, data::ReportRect& rect)
{
    const QStringList names = {tr("x"), tr("y"), tr("width"), tr("height")};
    double values[4] = {};
    for (int i = 0; i < 4; ++i)
    {
        bool ok = false;
        const QString text = cells.value(i).trimmed();
        values[i] = QLocale::c().toDouble(text, &ok);
        if (!ok)
            values[i] = QLocale().toDouble(text, &ok);
        if (!ok || values[i] < 0.0 || values[i] > 1.0 || (i >= 2 && values[i] <= 0.0))
            return i < 2
                       ? tr("%1 is '%2': give a fraction of the printable area from 0 to 1").arg(names[i], text)
                       : tr("%1 is '%2': give a fraction of the printable area above 0, at most 1").arg(names[i], text);
    }
    // The data layer's slack: a box may end a hair past the edge through rounding.
    constexpr double Slack = 1e-6;
    if (values[0] + values[2] > 1.0 + Slack)
        return tr("x + width is %1: the item goes past the right edge (at most 1)").arg(values[0] + values[2]);
    if (values[1] + values[3] > 1.0 + Slack)
        return tr("y + height is %1: the item goes past the bottom edge (at most 1)").arg(values[1] + values[3]);
    rect = {values[0], values[1], values[2], values[3]};
    return {};
}

} // namespace citytwin::app
