#include "app/common/report/report_page.hpp"

#include "app/common/report/report_style.hpp"

#include "data/analysis/briefing_kpis.hpp"
#include "data/core/field_values.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/project/schema.hpp"
#include "scene/map_overlay.hpp"

#include <QLocale>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace citytwin::app
{
namespace
{
namespace schema = data::schema;
namespace style = report_style;

constexpr double TitleHeightMm = 16.0;
constexpr double FooterHeightMm = 6.0;
constexpr double ContentsLineMm = 4.0;

QString percent(double share)
{
    return std::isfinite(share) ? QStringLiteral("%1%").arg(share * 100.0, 0, 'f', 1) : QStringLiteral("–");
}

QString number(double value, int decimals = 0)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

/// A plain table: a header row and rows of text, numbers right-aligned, as many rows as fit.
struct TextTable
{
    QString title;
    QStringList header;
    std::vector<bool> numeric;
    std::vector<QStringList> rows;
    QString note; ///< under the rows, or empty
    /// How many rows there are in all (rows may hold only the first of them); 0: rows.size().
    std::size_t total = 0;
};

void paintTextTable(QPainter& painter, const QRectF& rect, const TextTable& table)
{
    double y = rect.top();
    painter.setPen(style::Ink);
    painter.setFont(style::font(painter, 9.0, true));
    painter.drawText(QRectF(rect.left(), y, rect.width(), 5.0), Qt::AlignLeft | Qt::AlignVCenter, table.title);
    y += 6.0;
    const double rowHeight = 4.4;
    const int columns = static_cast<int>(table.header.size());
    if (columns == 0)
        return;
    // The first column takes what the numbers leave.
    const double numericWidth = std::min(22.0, rect.width() / (columns + 1.5));
    std::vector<double> widths(static_cast<std::size_t>(columns), numericWidth);
    widths[0] = rect.width() - numericWidth * (columns - 1);
    auto drawRow = [&](const QStringList& cells)
    {
        double x = rect.left();
        for (int c = 0; c < columns && c < cells.size(); ++c)
        {
            const QRectF cell(x + 1.0, y, widths[static_cast<std::size_t>(c)] - 2.0, rowHeight);
            const bool right = c > 0 && table.numeric[static_cast<std::size_t>(c)];
            painter.drawText(cell, (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(cells[c], Qt::ElideRight,
                                                              static_cast<int>(cell.width() * 100) / 100));
            x += widths[static_cast<std::size_t>(c)];
        }
        y += rowHeight;
    };
    painter.fillRect(QRectF(rect.left(), y, rect.width(), rowHeight), style::Panel);
    painter.setFont(style::font(painter, 7.0, true));
    painter.setPen(style::MutedInk);
    drawRow(table.header);
    painter.setFont(style::font(painter, 7.5));
    std::size_t shown = 0;
    for (const QStringList& row : table.rows)
    {
        if (y + rowHeight > rect.bottom() - rowHeight) // a line kept for the note under the rows
            break;
        if (shown % 2 == 1)
            painter.fillRect(QRectF(rect.left(), y, rect.width(), rowHeight), QColor(0xfa, 0xfb, 0xfc));
        painter.setPen(style::Ink);
        drawRow(row);
        ++shown;
    }
    painter.setPen(QPen(style::Rule, 0.2));
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    QString note = table.note;
    const std::size_t total = std::max(table.total, table.rows.size());
    if (shown < total)
        note = ReportPainter::tr("%n more not shown", nullptr, static_cast<int>(total - shown));
    if (table.rows.empty())
        note = ReportPainter::tr("None.");
    if (!note.isEmpty())
    {
        painter.setPen(style::MutedInk);
        painter.setFont(style::font(painter, 7.0));
        painter.drawText(QRectF(rect.left(), y + 0.5, rect.width(), rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         note);
    }
}

void paintScaleBar(QPainter& painter, const QRectF& rect, double metresPerMm)
{
    if (!(metresPerMm > 0.0))
        return;
    const double metres = scene::roundScaleLength(rect.width() * 0.8 * metresPerMm);
    const double length = metres / metresPerMm;
    const double barHeight = 1.4;
    const QPointF origin(rect.left() + 1.0, rect.top() + 2.0);
    painter.setPen(QPen(style::Ink, 0.2));
    for (int i = 0; i < 4; ++i)
    {
        painter.setBrush(i % 2 == 0 ? style::Ink : QColor(Qt::white));
        painter.drawRect(QRectF(origin.x() + length * i / 4.0, origin.y(), length / 4.0, barHeight));
    }
    painter.setFont(style::font(painter, 6.5));
    for (const double at : {0.0, 0.5, 1.0})
    {
        const double value = metres * at;
        const QString text = at == 1.0 ? QString::fromStdString(scene::scaleLabel(value))
                                       : QString::number(metres >= 1000.0 ? value / 1000.0 : value);
        painter.drawText(QRectF(origin.x() + length * at - 10.0, origin.y() + barHeight + 0.4, 20.0, 3.5),
                         Qt::AlignHCenter | Qt::AlignTop, text);
    }
}

void paintNorthArrow(QPainter& painter, const QRectF& rect, double angle)
{
    const double size = std::min(rect.width(), rect.height());
    painter.save();
    painter.translate(rect.center());
    painter.rotate(angle * 180.0 / M_PI);
    const double h = size * 0.36;
    QPainterPath left, right;
    left.moveTo(0, -h);
    left.lineTo(-h * 0.45, h * 0.55);
    left.lineTo(0, h * 0.25);
    left.closeSubpath();
    right.moveTo(0, -h);
    right.lineTo(h * 0.45, h * 0.55);
    right.lineTo(0, h * 0.25);
    right.closeSubpath();
    painter.setPen(QPen(style::Ink, 0.2));
    painter.setBrush(style::Ink);
    painter.drawPath(left);
    painter.setBrush(Qt::white);
    painter.drawPath(right);
    painter.setFont(style::font(painter, 8.0, true));
    painter.setPen(style::Ink);
    painter.drawText(QRectF(-5.0, -h - 4.2, 10.0, 4.0), Qt::AlignCenter, ReportPainter::tr("N"));
    painter.restore();
}

void paintLegend(QPainter& painter, const QRectF& rect, const std::vector<LegendRow>& rows)
{
    painter.setFont(style::font(painter, 9.0, true));
    painter.setPen(style::Ink);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 5.0), Qt::AlignLeft | Qt::AlignVCenter,
                     ReportPainter::tr("Legend"));
    const double line = 4.2;
    const int perColumn = std::max(1, static_cast<int>((rect.height() - 6.0) / line));
    const int columns = std::max(1, static_cast<int>((rows.size() + perColumn - 1) / perColumn));
    const double columnWidth = rect.width() / columns;
    painter.setFont(style::font(painter, 7.0));
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        const int column = static_cast<int>(i) / perColumn;
        if (column >= columns)
            break;
        const double x = rect.left() + column * columnWidth;
        const double y = rect.top() + 6.0 + (static_cast<int>(i) % perColumn) * line;
        const LegendRow& row = rows[i];
        const QRectF swatch(x, y + 0.7, 4.5, 2.8);
        switch (row.swatch)
        {
        case LegendRow::Swatch::Fill:
            painter.setPen(QPen(row.outline.alpha() ? row.outline : row.color.darker(130), 0.2));
            painter.setBrush(row.color);
            painter.drawRect(swatch);
            break;
        case LegendRow::Swatch::Line:
            painter.setPen(QPen(row.outline, 0.9, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y()));
            painter.setPen(QPen(row.color, 0.55, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y()));
            break;
        case LegendRow::Swatch::Dot:
            painter.setPen(QPen(row.outline.alpha() ? row.outline : row.color, 0.2));
            painter.setBrush(row.color);
            painter.drawEllipse(swatch.center(), 1.1, 1.1);
            break;
        case LegendRow::Swatch::Heading:
            break;
        }
        painter.setPen(row.swatch == LegendRow::Swatch::Heading ? style::MutedInk : style::Ink);
        const double textLeft = row.swatch == LegendRow::Swatch::Heading ? x : x + 6.0;
        painter.drawText(QRectF(textLeft, y, columnWidth - (textLeft - x) - 1.0, line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(row.label, Qt::ElideRight, 1000));
    }
}

} // namespace

QString figureLabel(const std::string& code)
{
    static const std::map<std::string, const char*> Labels = {
        {"count", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Incidents")},
        {"open", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Open")},
        {"overdue", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Overdue")},
        {"ai_share", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Found by camera AI")},
        {"median_close_h", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Median hours to close")},
        {"population", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Residents")},
        {"group_share", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Buildings with a party group")},
        {"link_share", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Households reached by 1+10 links")},
        {"branches", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Party branches")},
        {"service_coverage", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Residents within 500 m of day care")},
        {"stations", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Day-care stations")},
        {"week_incidents", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Incidents this week")},
        {"week_closed_on_time", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Closed on time")},
        {"week_median_close_h", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Median hours to close")},
        {"overdue_now", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Overdue now")},
        {"week_ai_share", QT_TRANSLATE_NOOP("citytwin::app::ReportPainter", "Found by camera AI")},
    };
    const auto found = Labels.find(code);
    return found == Labels.end() ? QString::fromStdString(code)
                                 : QCoreApplication::translate("citytwin::app::ReportPainter", found->second);
}

std::optional<QString> figureText(const AreaFigures& figures, const std::string& code)
{
    if (code == "count")
        return QString::number(figures.count);
    if (code == "open")
        return QString::number(figures.open);
    if (code == "overdue")
        return QString::number(figures.overdue);
    if (code == "ai_share")
        return percent(figures.aiShare);
    if (code == "median_close_h")
        return number(figures.medianCloseHours, 1);
    if (code == "population")
    {
        QLocale grouped = QLocale::c();
        grouped.setNumberOptions({}); // 785,000
        return std::isfinite(figures.population) ? grouped.toString(static_cast<qlonglong>(figures.population))
                                                 : QStringLiteral("–");
    }
    if (code == "group_share")
        return percent(figures.groupShare);
    if (code == "link_share")
        return percent(figures.linkShare);
    if (code == "branches")
        return QString::number(figures.branches);
    if (code == "service_coverage")
        return percent(figures.serviceCoverage);
    if (code == "stations")
        return QString::number(figures.stations);
    return std::nullopt;
}

void ReportPainter::begin(QPainter& painter, double pageWidthMm, double pageHeightMm)
{
    const double perMm = painter.device()->logicalDpiX() / 25.4;
    painter.resetTransform();
    painter.scale(perMm, perMm);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(0.0, 0.0, pageWidthMm, pageHeightMm), Qt::white);
}

QRectF ReportPainter::printable(const data::ReportTemplate& layout)
{
    const auto [width, height] = layout.pageMillimetres();
    const double m = layout.marginMm;
    return QRectF(m, m, width - 2.0 * m, height - 2.0 * m - FooterHeightMm);
}

QRectF ReportPainter::itemRect(const data::ReportTemplate& layout, const data::ReportRect& rect)
{
    const QRectF area = printable(layout);
    return QRectF(area.left() + rect.x * area.width(), area.top() + rect.y * area.height(), rect.width * area.width(),
                  rect.height * area.height());
}

QString ReportPainter::fill(const std::string& text, const PageContext& page) const
{
    QString filled = QString::fromStdString(text);
    const ReportArea& area = *page.area;
    filled.replace(QStringLiteral("{area}"), area.name);
    filled.replace(QStringLiteral("{district}"), mData.districtName());
    filled.replace(QStringLiteral("{period}"), mData.periodWords(page.filter));
    filled.replace(QStringLiteral("{filter}"), mData.filterWords(page.filter, area));
    filled.replace(QStringLiteral("{date}"), mData.dataDate());
    filled.replace(QStringLiteral("{project}"), mData.projectName());
    return filled;
}

void ReportPainter::paintPage(QPainter& painter, const PageContext& page) const
{
    const data::ReportTemplate& layout = *page.layout;
    MapFrameResult lastMap;
    for (std::size_t i = 0; i < layout.items.size(); ++i)
    {
        const data::ReportItem& item = layout.items[i];
        const QRectF rect = itemRect(layout, item.rect);
        if (item.kind == "title")
            paintTitle(painter, rect, page);
        else if (item.kind == "map")
        {
            if (const auto render = page.renders.find(i); render != page.renders.end())
            {
                const SceneFrame& frame = render->second;
                painter.drawImage(rect, frame.image);
                painter.setPen(QPen(style::Rule, 0.25));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(rect);
                lastMap = {frame.legend, frame.metresPerPixel * frame.image.width() / rect.width(), frame.northAngle};
            }
            else
                lastMap = mMaps.paint(painter, rect, {page.area, item.layers, item.field, page.filter});
        }
        else if (item.kind == "legend")
            paintLegend(painter, rect, lastMap.legend);
        else if (item.kind == "scalebar")
            paintScaleBar(painter, rect, lastMap.metresPerMillimetre);
        else if (item.kind == "north")
            paintNorthArrow(painter, rect, lastMap.northAngle);
        else if (item.kind == "kpis")
            paintKpis(painter, rect, item, page);
        else if (item.kind == "chart")
            paintChart(painter, rect, item, page);
        else if (item.kind == "table")
            paintTable(painter, rect, item, page);
        else if (item.kind == "text")
        {
            painter.setPen(style::Ink);
            painter.setFont(style::font(painter, 8.5));
            painter.drawText(rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, fill(item.text, page));
        }
    }
    paintFooter(painter, page);
}

void ReportPainter::paintTitle(QPainter& painter, const QRectF& rect, const PageContext& page) const
{
    const data::ReportTemplate& layout = *page.layout;
    painter.setPen(style::Ink);
    painter.setFont(style::font(painter, 17.0, true));
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.58),
                     Qt::AlignLeft | Qt::AlignVCenter, fill(layout.title, page));
    painter.setPen(style::MutedInk);
    painter.setFont(style::font(painter, 9.0));
    painter.drawText(QRectF(rect.left(), rect.top() + rect.height() * 0.58, rect.width(), rect.height() * 0.38),
                     Qt::AlignLeft | Qt::AlignVCenter, fill(layout.subtitle, page));
    painter.setPen(QPen(style::Accent, 0.6));
    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()));
}

void ReportPainter::paintKpis(QPainter& painter, const QRectF& rect, const data::ReportItem& item,
                              const PageContext& page) const
{
    struct Box
    {
        QString label;
        QString value;
        QString change;
        QColor changeColor;
    };
    std::vector<Box> boxes;
    const AreaFigures figures = mData.figures(*page.area, page.filter);
    std::optional<data::BriefingKpis> week;
    for (const std::string& code : item.figures)
    {
        if (const auto text = figureText(figures, code))
        {
            boxes.push_back({figureLabel(code), *text, {}, {}});
            continue;
        }
        if (!week)
            week = data::briefingKpis(mData.store(), ReportData::narrowed(page.filter, *page.area));
        const data::KpiValue kpi = code == "week_incidents"        ? week->incidentsWeek
                                   : code == "week_closed_on_time" ? week->closedOnTimeShare
                                   : code == "week_median_close_h" ? week->medianHoursToClose
                                   : code == "overdue_now"         ? week->overdueNow
                                   : code == "week_ai_share"       ? week->cameraAiShare
                                                                   : data::KpiValue{};
        const bool share = code == "week_closed_on_time" || code == "week_ai_share";
        Box box{figureLabel(code), share ? percent(kpi.value) : number(kpi.value, code == "week_median_close_h"),
                {}, {}};
        if (std::isfinite(kpi.value) && std::isfinite(kpi.previous))
        {
            const double change = kpi.value - kpi.previous;
            const QString arrow = change > 0 ? QStringLiteral("▲") : change < 0 ? QStringLiteral("▼") : QStringLiteral("=");
            const QString amount = share ? tr("%1 points").arg(std::abs(change) * 100.0, 0, 'f', 1)
                                         : number(std::abs(change), code == "week_median_close_h");
            box.change = tr("%1 %2 on the week before").arg(arrow, amount);
            // More incidents, overdue cases or hours are worse; a larger on-time or AI share is better.
            const bool better = (code == "week_closed_on_time" || code == "week_ai_share") ? change > 0 : change < 0;
            box.changeColor = change == 0 ? style::MutedInk : better ? style::Down : style::Up;
        }
        boxes.push_back(box);
    }
    if (boxes.empty())
        return;
    const int perRow = std::max(1, std::min(static_cast<int>(boxes.size()), static_cast<int>(rect.width() / 30.0)));
    const int rowsOfBoxes = (static_cast<int>(boxes.size()) + perRow - 1) / perRow;
    const double gap = 2.0;
    const double width = (rect.width() - gap * (perRow - 1)) / perRow;
    const double height = (rect.height() - gap * (rowsOfBoxes - 1)) / rowsOfBoxes;
    for (std::size_t i = 0; i < boxes.size(); ++i)
    {
        const int row = static_cast<int>(i) / perRow, column = static_cast<int>(i) % perRow;
        const QRectF box(rect.left() + column * (width + gap), rect.top() + row * (height + gap), width, height);
        painter.fillRect(box, style::Panel);
        painter.fillRect(QRectF(box.left(), box.top(), 0.8, box.height()), style::Accent);
        const QRectF inner = box.adjusted(2.5, 1.2, -1.5, -1.0);
        painter.setPen(style::MutedInk);
        painter.setFont(style::font(painter, 6.8));
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.3),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, boxes[i].label);
        painter.setPen(style::Ink);
        painter.setFont(style::font(painter, 15.0, true));
        painter.drawText(QRectF(inner.left(), inner.top() + inner.height() * 0.3, inner.width(), inner.height() * 0.45),
                         Qt::AlignLeft | Qt::AlignVCenter, boxes[i].value);
        if (!boxes[i].change.isEmpty())
        {
            painter.setPen(boxes[i].changeColor);
            painter.setFont(style::font(painter, 6.5));
            painter.drawText(QRectF(inner.left(), inner.top() + inner.height() * 0.75, inner.width(),
                                    inner.height() * 0.25),
                             Qt::AlignLeft | Qt::AlignVCenter, boxes[i].change);
        }
    }
}

void ReportPainter::paintChart(QPainter& painter, const QRectF& rect, const data::ReportItem& item,
                               const PageContext& page) const
{
    const data::IncidentFilter filter = ReportData::narrowed(page.filter, *page.area);
    painter.setPen(style::Ink);
    painter.setFont(style::font(painter, 9.0, true));
    if (item.chart == "daily")
    {
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 5.0), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Incidents per day, last 30 days"));
        const data::BriefingKpis kpis = data::briefingKpis(mData.store(), filter);
        const std::vector<std::uint32_t>& days = kpis.dailyCounts;
        if (days.empty())
            return;
        const QRectF plot = rect.adjusted(8.0, 8.0, -2.0, -5.0);
        const double top = std::max<double>(1.0, *std::max_element(days.begin(), days.end()));
        const double maxY = scene::roundScaleLength(top) < top ? scene::roundScaleLength(top) * 2.0
                                                               : scene::roundScaleLength(top);
        painter.setFont(style::font(painter, 6.0));
        painter.setPen(QPen(style::Rule, 0.15));
        for (int tick = 0; tick <= 2; ++tick)
        {
            const double y = plot.bottom() - plot.height() * tick / 2.0;
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            painter.setPen(style::MutedInk);
            painter.drawText(QRectF(rect.left(), y - 2.0, 7.0, 4.0), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(maxY * tick / 2.0));
            painter.setPen(QPen(style::Rule, 0.15));
        }
        QPainterPath line;
        for (std::size_t d = 0; d < days.size(); ++d)
        {
            const QPointF p(plot.left() + plot.width() * d / std::max<std::size_t>(1, days.size() - 1),
                            plot.bottom() - plot.height() * days[d] / maxY);
            d == 0 ? line.moveTo(p) : line.lineTo(p);
        }
        painter.strokePath(line, QPen(style::Accent, 0.5));
        painter.setPen(style::MutedInk);
        for (const std::size_t d : {std::size_t(0), days.size() - 1})
        {
            const QString date = AnalysisInputs::districtTime(kpis.firstDay + static_cast<std::int64_t>(d) * 86400)
                                     .date()
                                     .toString(QStringLiteral("MM-dd"));
            painter.drawText(QRectF(plot.left() + plot.width() * d / std::max<std::size_t>(1, days.size() - 1) - 8.0,
                                    plot.bottom() + 0.5, 16.0, 4.0),
                             Qt::AlignCenter, date);
        }
        return;
    }
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 5.0), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Incidents by category"));
    // Incidents per category index (the per-category totals of the camera-AI count: one pass over the store).
    std::vector<std::uint32_t> counts = data::cameraAiShare(mData.store(), filter).perCategory.total;
    counts.resize(mData.store().codes().categories.size());
    std::vector<std::size_t> order(counts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    while (!order.empty() && counts[order.back()] == 0)
        order.pop_back();
    const double line = 4.0;
    const std::size_t shown = std::min<std::size_t>(order.size(), static_cast<std::size_t>((rect.height() - 6.0) / line));
    if (shown == 0)
    {
        painter.setFont(style::font(painter, 7.5));
        painter.setPen(style::MutedInk);
        painter.drawText(rect.adjusted(0, 6.0, 0, 0), Qt::AlignLeft | Qt::AlignTop, tr("No incidents."));
        return;
    }
    const double labelWidth = rect.width() * 0.42;
    const double barWidth = rect.width() - labelWidth - 10.0;
    const double top = static_cast<double>(counts[order.front()]);
    painter.setFont(style::font(painter, 7.0));
    for (std::size_t r = 0; r < shown; ++r)
    {
        const std::size_t c = order[r];
        const double y = rect.top() + 6.0 + r * line;
        painter.setPen(style::Ink);
        painter.drawText(QRectF(rect.left(), y, labelWidth - 1.0, line), Qt::AlignRight | Qt::AlignVCenter,
                         AnalysisInputs::categoryName(mData.categories(), mData.store().codes().categories[c]));
        const double width = barWidth * counts[c] / top;
        painter.fillRect(QRectF(rect.left() + labelWidth, y + 0.7, width, line - 1.4), style::Accent);
        painter.drawText(QRectF(rect.left() + labelWidth + width + 1.0, y, 10.0, line), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(counts[c]));
    }
}

void ReportPainter::paintFooter(QPainter& painter, const PageContext& page) const
{
    const data::ReportTemplate& layout = *page.layout;
    const auto [width, height] = layout.pageMillimetres();
    const double m = layout.marginMm;
    const QRectF footer(m, height - m - FooterHeightMm + 1.5, width - 2.0 * m, FooterHeightMm - 1.5);
    painter.setPen(QPen(style::Rule, 0.2));
    painter.drawLine(footer.topLeft(), footer.topRight());
    painter.setPen(style::MutedInk);
    painter.setFont(style::font(painter, 6.8));
    const QString source = layout.footer.empty()
                               ? tr("Source: CityTwin · %1 · data as of %2").arg(mData.projectName(), mData.dataDate())
                               : fill(layout.footer, page);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, source);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                     tr("Page %1 of %2").arg(page.pageNumber).arg(page.pageCount));
}

void ReportPainter::paintCover(QPainter& painter, const PageContext& page, const std::vector<ReportArea>& areas) const
{
    const data::ReportTemplate& layout = *page.layout;
    const QRectF area = printable(layout);
    painter.fillRect(QRectF(area.left(), area.top(), area.width(), 1.2), style::Accent);
    painter.setPen(style::Ink);
    painter.setFont(style::font(painter, 24.0, true));
    painter.drawText(QRectF(area.left(), area.top() + 8.0, area.width(), 14.0), Qt::AlignLeft | Qt::AlignVCenter,
                     fill(layout.title, page));
    painter.setPen(style::MutedInk);
    painter.setFont(style::font(painter, 11.0));
    painter.drawText(QRectF(area.left(), area.top() + 23.0, area.width(), 8.0), Qt::AlignLeft | Qt::AlignVCenter,
                     mData.filterWords(page.filter, *page.area));
    const QString what = page.layout->atlas == data::AtlasLevel::Community ? tr("%n communities", nullptr, int(areas.size()))
                         : page.layout->atlas == data::AtlasLevel::Grid    ? tr("%n grid cells", nullptr, int(areas.size()))
                                                                           : tr("%n streets", nullptr, int(areas.size()));
    painter.drawText(QRectF(area.left(), area.top() + 31.0, area.width(), 8.0), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("One page per area: %1 · %2 pages · data as of %3")
                         .arg(what)
                         .arg(page.pageCount)
                         .arg(mData.dataDate()));
    const QRectF map(area.left(), area.top() + 44.0, area.width(), area.height() - 74.0);
    const char* table = page.layout->atlas == data::AtlasLevel::Grid     ? schema::grids::Table
                        : page.layout->atlas == data::AtlasLevel::Street ? schema::streets::Table
                                                                         : schema::communities::Table;
    const MapFrameResult drawn = mMaps.paint(
        painter, map,
        {page.area,
         table == schema::communities::Table
             ? std::vector<std::string>{table, schema::river::Table, schema::roads::Table, schema::district::Table}
             : std::vector<std::string>{schema::communities::Table, table, schema::river::Table, schema::roads::Table,
                                        schema::district::Table},
         "count", page.filter});
    paintLegend(painter, QRectF(map.left(), map.bottom() + 3.0, map.width() * 0.72, 27.0), drawn.legend);
    paintScaleBar(painter, QRectF(map.right() - 45.0, map.bottom() + 4.0, 40.0, 8.0), drawn.metresPerMillimetre);
    paintNorthArrow(painter, QRectF(map.right() - 14.0, map.top() + 2.0, 12.0, 14.0), drawn.northAngle);
    paintFooter(painter, page);
}

std::size_t ReportPainter::contentsPerPage(const data::ReportTemplate& layout)
{
    const QRectF area = printable(layout);
    const auto perColumn = static_cast<std::size_t>((area.height() - TitleHeightMm - 4.0) / ContentsLineMm);
    const std::size_t columns = layout.landscape ? 4 : 3;
    return std::max<std::size_t>(1, perColumn * columns);
}

void ReportPainter::paintContents(QPainter& painter, const PageContext& page,
                                  const std::vector<std::pair<QString, int>>& entries, std::size_t first,
                                  std::size_t count) const
{
    const data::ReportTemplate& layout = *page.layout;
    const QRectF area = printable(layout);
    painter.setPen(style::Ink);
    painter.setFont(style::font(painter, 17.0, true));
    painter.drawText(QRectF(area.left(), area.top(), area.width(), 10.0), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Contents"));
    painter.setPen(QPen(style::Accent, 0.6));
    painter.drawLine(QPointF(area.left(), area.top() + 12.0), QPointF(area.right(), area.top() + 12.0));
    const std::size_t columns = layout.landscape ? 4 : 3;
    const std::size_t perColumn = std::max<std::size_t>(1, contentsPerPage(layout) / columns);
    const double columnWidth = area.width() / columns;
    painter.setFont(style::font(painter, 7.5));
    for (std::size_t i = 0; i < count && first + i < entries.size(); ++i)
    {
        const std::size_t column = i / perColumn, row = i % perColumn;
        const QRectF line(area.left() + column * columnWidth, area.top() + TitleHeightMm + row * ContentsLineMm,
                          columnWidth - 4.0, ContentsLineMm);
        const auto& [name, pageNumber] = entries[first + i];
        painter.setPen(style::Ink);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(name, Qt::ElideRight, 1000));
        painter.setPen(style::MutedInk);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(pageNumber));
    }
    paintFooter(painter, page);
}

} // namespace citytwin::app

namespace citytwin::app
{
namespace
{
/// The area's grids by incidents, most first: the grid rows of `citytwin stats incidents --by grid`.
TextTable gridsTable(const ReportData& data, const ReportArea& area, const data::IncidentFilter& filter)
{
    TextTable table{ReportPainter::tr("Grids with the most incidents"),
                    {ReportPainter::tr("Grid"), ReportPainter::tr("Incidents"), ReportPainter::tr("Open"),
                     ReportPainter::tr("Overdue"), ReportPainter::tr("Median h")},
                    {false, true, true, true, true},
                    {},
                    {}};
    const data::StatsTable& stats = data.incidentTable(data::AtlasLevel::Grid, filter);
    const std::map<std::int64_t, QString>& names = data.areaNames(data::schema::grids::Table);
    std::vector<const std::vector<data::StatsTable::Value>*> rows;
    for (const auto& row : stats.rows)
    {
        const auto id = static_cast<std::int64_t>(data::StatsTable::number(row[0]));
        const bool inside = area.level == data::AtlasLevel::None ||
                            std::find(area.gridIds.begin(), area.gridIds.end(), id) != area.gridIds.end();
        if (inside && data::StatsTable::number(row[1]) > 0)
            rows.push_back(&row);
    }
    const int count = stats.columnIndex("count"), open = stats.columnIndex("open"),
              overdue = stats.columnIndex("overdue"), close = stats.columnIndex("median_close_h");
    std::stable_sort(rows.begin(), rows.end(),
                     [count](const auto* a, const auto* b)
                     { return data::StatsTable::number((*a)[count]) > data::StatsTable::number((*b)[count]); });
    for (const auto* row : rows)
    {
        const auto id = static_cast<std::int64_t>(data::StatsTable::number((*row)[0]));
        const auto name = names.find(id);
        table.rows.push_back({name == names.end() ? QString::number(id) : name->second,
                              QString::number(data::StatsTable::number((*row)[count])),
                              QString::number(data::StatsTable::number((*row)[open])),
                              QString::number(data::StatsTable::number((*row)[overdue])),
                              number(data::StatsTable::number((*row)[close]), 1)});
    }
    return table;
}

/// The area's overdue cases, oldest first.
TextTable overdueTable(const ReportData& data, const ReportArea& area, const data::IncidentFilter& filter)
{
    TextTable table{ReportPainter::tr("Overdue cases"),
                    {ReportPainter::tr("Category"), ReportPainter::tr("Reported"), ReportPainter::tr("Grid"),
                     ReportPainter::tr("Hours open")},
                    {false, false, false, true},
                    {},
                    {}};
    data::IncidentFilter overdue = ReportData::narrowed(filter, area);
    overdue.overdueOnly = true;
    const data::IncidentStore& store = data.store();
    const data::IncidentMatcher matcher(store, overdue);
    if (matcher.matchesNothing())
        return table;
    const data::IncidentColumns& c = store.columns();
    std::vector<std::size_t> cases;
    for (std::size_t i = 0; i < c.reported.size(); ++i)
        if (matcher.matches(i))
            cases.push_back(i);
    std::stable_sort(cases.begin(), cases.end(), [&c](std::size_t a, std::size_t b) { return c.reported[a] < c.reported[b]; });
    const std::map<std::int64_t, QString>& names = data.areaNames(data::schema::grids::Table);
    for (const std::size_t i : cases)
    {
        const std::int64_t gridId =
            c.grid[i] == data::IncidentStore::NoIndex ? -1 : store.codes().gridIds.at(c.grid[i]);
        const auto name = names.find(gridId);
        const std::int64_t closedOrNow = c.toClose[i] == data::IncidentStore::NotYet
                                             ? matcher.asOf()
                                             : static_cast<std::int64_t>(c.reported[i]) + c.toClose[i];
        table.rows.push_back(
            {AnalysisInputs::categoryName(data.categories(), store.codes().categories.at(c.category[i])),
             AnalysisInputs::formatLocal(c.reported[i]), name == names.end() ? QStringLiteral("–") : name->second,
             QString::number((closedOrNow - static_cast<std::int64_t>(c.reported[i])) / 3600)});
    }
    return table;
}

/// Party and service coverage per community of the area; gaps: the least covered by day care first.
TextTable communitiesTable(const ReportData& data, const ReportArea& area, const data::IncidentFilter& filter,
                           bool gaps)
{
    TextTable table{gaps ? ReportPainter::tr("Least covered communities") : ReportPainter::tr("Communities"),
                    {ReportPainter::tr("Community"), figureLabel("population"), figureLabel("group_share"),
                     figureLabel("link_share"), figureLabel("service_coverage")},
                    {false, true, true, true, true},
                    {},
                    {}};
    std::vector<std::pair<AreaFigures, QString>> rows;
    for (const ReportArea& community : data.areas(data::AtlasLevel::Community))
        if (area.level == data::AtlasLevel::None || std::find(area.communityIds.begin(), area.communityIds.end(),
                                                              community.id) != area.communityIds.end())
            rows.emplace_back(data.figures(community, filter), community.name);
    if (gaps)
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b)
                         {
                             const double x = std::isfinite(a.first.serviceCoverage) ? a.first.serviceCoverage : 2.0;
                             const double y = std::isfinite(b.first.serviceCoverage) ? b.first.serviceCoverage : 2.0;
                             return x < y;
                         });
    for (const auto& [figures, name] : rows)
        table.rows.push_back({name, *figureText(figures, "population"), *figureText(figures, "group_share"),
                              *figureText(figures, "link_share"), *figureText(figures, "service_coverage")});
    return table;
}
} // namespace

void ReportPainter::paintTable(QPainter& painter, const QRectF& rect, const data::ReportItem& item,
                               const PageContext& page) const
{
    TextTable table;
    if (item.table == "grids")
        table = gridsTable(mData, *page.area, page.filter);
    else if (item.table == "overdue")
        table = overdueTable(mData, *page.area, page.filter);
    else if (item.table == "communities" || item.table == "gaps")
        table = communitiesTable(mData, *page.area, page.filter, item.table == "gaps");
    else
        return;
    table.total = table.rows.size();
    if (table.rows.size() > static_cast<std::size_t>(item.rows))
        table.rows.resize(static_cast<std::size_t>(item.rows));
    paintTextTable(painter, rect, table);
}

} // namespace citytwin::app
