#include "app/common/report/report_map.hpp"

#include "app/common/layer_names.hpp"
#include "app/common/report/report_style.hpp"

#include "data/analysis/classification.hpp"
#include "data/core/field_values.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/project/schema.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace citytwin::app
{
namespace
{
namespace schema = data::schema;

/// The frame fits the area with this much of its size around it on each side.
constexpr double AreaMargin = 0.08;

/// Yellow to red, five classes (ColorBrewer YlOrRd).
constexpr std::array<QRgb, 5> ClassColors = {0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026};

/// Station kinds' colours, in the order kinds are met.
constexpr std::array<QRgb, 8> KindColors = {0x1b9e77, 0xd95f02, 0x7570b3, 0xe7298a,
                                            0x66a61e, 0xe6ab02, 0xa6761d, 0x666666};

/// Project metres to page millimetres: north up, the extent fitted to the rect and centred.
struct PageTransform
{
    QRectF rect;
    double centerX = 0.0, centerY = 0.0;
    double scale = 1.0; ///< millimetres per metre

    PageTransform(const QRectF& frame, const data::Extent& extent) : rect(frame)
    {
        const double width = std::max(1.0, extent.maxX - extent.minX) * (1.0 + 2.0 * AreaMargin);
        const double height = std::max(1.0, extent.maxY - extent.minY) * (1.0 + 2.0 * AreaMargin);
        scale = std::min(frame.width() / width, frame.height() / height);
        centerX = extent.centerX();
        centerY = extent.centerY();
    }
    QPointF operator()(double x, double y) const
    {
        return {rect.center().x() + (x - centerX) * scale, rect.center().y() - (y - centerY) * scale};
    }
    /// The part of the project plane the frame shows.
    data::Extent visible() const
    {
        data::Extent extent;
        extent.include(centerX - rect.width() / 2.0 / scale, centerY - rect.height() / 2.0 / scale);
        extent.include(centerX + rect.width() / 2.0 / scale, centerY + rect.height() / 2.0 / scale);
        return extent;
    }
};

bool overlaps(const data::Extent& a, const data::Extent& b)
{
    return a.isValid() && b.isValid() && a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

data::Extent featureExtent(const data::Feature& feature)
{
    data::Extent extent;
    for (const data::Polygon& polygon : feature.polygons)
        for (const data::Position& p : polygon.rings.empty() ? data::Ring() : polygon.rings.front())
            extent.include(p.x, p.y);
    for (const data::Ring& line : feature.lines)
        for (const data::Position& p : line)
            extent.include(p.x, p.y);
    for (const data::Position& p : feature.points)
        extent.include(p.x, p.y);
    return extent;
}

QPainterPath polygonPath(const std::vector<data::Polygon>& polygons, const PageTransform& page)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const data::Polygon& polygon : polygons)
        for (const data::Ring& ring : polygon.rings)
        {
            if (ring.size() < 3)
                continue;
            path.moveTo(page(ring.front().x, ring.front().y));
            for (std::size_t i = 1; i < ring.size(); ++i)
                path.lineTo(page(ring[i].x, ring[i].y));
            path.closeSubpath();
        }
    return path;
}

QPen pen(const QColor& color, double widthMm, Qt::PenStyle style = Qt::SolidLine)
{
    QPen line(color, widthMm, style, Qt::RoundCap, Qt::RoundJoin);
    line.setCosmetic(false);
    return line;
}

/// The area table one level below a page's area, whose areas a "count" colouring shows.
const char* childTable(data::AtlasLevel level)
{
    switch (level)
    {
    case data::AtlasLevel::Community:
        return schema::grids::Table;
    case data::AtlasLevel::Grid:
        return nullptr;
    case data::AtlasLevel::Street:
    case data::AtlasLevel::None:
        return schema::communities::Table;
    }
    return nullptr;
}

/// Draws one layer's visible features; returns the legend rows for it (none when nothing of it is in view).
class LayerDrawer
{
public:
    LayerDrawer(QPainter& painter, const PageTransform& page, const ReportData& data)
        : mPainter(painter), mPage(page), mVisible(page.visible()), mData(data)
    {
    }

    std::vector<LegendRow> draw(const std::string& name, const data::IncidentFilter& filter) const
    {
        if (name == schema::incidents::Table)
            return drawIncidents(filter);
        const data::VectorLayer* layer = mData.layer(name);
        if (!layer)
            return {};
        const QString label = LayerNames::displayName(name);
        if (name == schema::roads::Table)
            return drawRoads(*layer, label);
        if (name == schema::stations::Table)
            return drawStations(*layer);
        struct Look
        {
            QColor fill;
            QColor outline;
            double width;
            Qt::PenStyle style;
        };
        static const std::map<std::string, Look> Looks = {
            {schema::district::Table, {Qt::transparent, QColor(0x4a, 0x4f, 0x57), 0.45, Qt::SolidLine}},
            {schema::streets::Table, {Qt::transparent, QColor(0x7a, 0x7f, 0x88), 0.35, Qt::DashLine}},
            {schema::communities::Table, {QColor(0xef, 0xec, 0xe4), QColor(0xff, 0xff, 0xff), 0.3, Qt::SolidLine}},
            {schema::grids::Table, {Qt::transparent, QColor(0xa8, 0xa4, 0x9b), 0.12, Qt::SolidLine}},
            {schema::river::Table, {QColor(0xa9, 0xcf, 0xe8), QColor(0x7f, 0xb2, 0xd6), 0.15, Qt::SolidLine}},
            {schema::buildings::Table, {QColor(0xb9, 0xb2, 0xa6), QColor(0x9d, 0x96, 0x8a), 0.04, Qt::SolidLine}},
        };
        const auto look = Looks.find(name);
        const Look style = look == Looks.end() ? Look{QColor(0xdd, 0xdd, 0xdd), QColor(0x88, 0x88, 0x88), 0.15,
                                                        Qt::SolidLine}
                                               : look->second;
        int drawn = 0;
        mPainter.setPen(pen(style.outline, style.width, style.style));
        mPainter.setBrush(style.fill.alpha() ? QBrush(style.fill) : Qt::NoBrush);
        for (const data::Feature& feature : layer->features)
            if (!feature.polygons.empty() && overlaps(featureExtent(feature), mVisible))
            {
                mPainter.drawPath(polygonPath(feature.polygons, mPage));
                ++drawn;
            }
        if (drawn == 0)
            return {};
        return {{style.fill.alpha() ? LegendRow::Swatch::Fill : LegendRow::Swatch::Line,
                 style.fill.alpha() ? style.fill : style.outline, style.outline, label}};
    }

    /// Colours the areas of a table by their incidents under the filter, in five classes.
    std::vector<LegendRow> drawCounts(const char* table, const data::IncidentFilter& filter,
                                      const ReportArea& within) const
    {
        const data::VectorLayer* layer = mData.layer(table);
        if (!layer)
            return {};
        const data::AreaCounts counts = data::countByArea(mData.store(), ReportData::narrowed(filter, within));
        const data::IncidentCodes& codes = mData.store().codes();
        const bool grids = std::string(table) == schema::grids::Table;
        const std::vector<double> ids = data::numericValues(*layer, schema::StableId);
        std::vector<double> values(layer->features.size(), std::nan(""));
        for (std::size_t i = 0; i < layer->features.size(); ++i)
        {
            if (!std::isfinite(ids[i]) || !overlaps(featureExtent(layer->features[i]), mVisible))
                continue;
            const auto id = static_cast<std::int64_t>(ids[i]);
            const auto index = grids ? codes.gridIndex(id) : codes.communityIndex(id);
            const bool inside = grids ? std::find(within.gridIds.begin(), within.gridIds.end(), id) !=
                                            within.gridIds.end()
                                      : within.level == data::AtlasLevel::None ||
                                            std::find(within.communityIds.begin(), within.communityIds.end(), id) !=
                                                within.communityIds.end();
            if (!inside)
                continue;
            values[i] = index ? (grids ? counts.perGrid.at(*index) : counts.perCommunity.at(*index)) : 0.0;
        }
        const std::vector<double> edges = data::classBreaks(values, 5, data::ClassMethod::NaturalBreaks);
        if (edges.size() < 2)
            return {};
        mPainter.setPen(pen(QColor(0xff, 0xff, 0xff), 0.15));
        for (std::size_t i = 0; i < layer->features.size(); ++i)
            if (const int cls = data::classOf(values[i], edges); cls >= 0)
            {
                mPainter.setBrush(QColor(ClassColors[static_cast<std::size_t>(cls) * 4 / std::max<std::size_t>(
                                                                                         1, edges.size() - 2)]));
                mPainter.drawPath(polygonPath(layer->features[i].polygons, mPage));
            }
        std::vector<LegendRow> rows{{LegendRow::Swatch::Heading, {}, {},
                                     grids ? ReportMapPainter::tr("Incidents per grid cell")
                                           : ReportMapPainter::tr("Incidents per community")}};
        for (std::size_t c = 0; c + 1 < edges.size(); ++c)
            rows.push_back({LegendRow::Swatch::Fill,
                            QColor(ClassColors[c * 4 / std::max<std::size_t>(1, edges.size() - 2)]), QColor(0xff, 0xff, 0xff),
                            ReportMapPainter::tr("%1 – %2").arg(std::round(edges[c])).arg(std::round(edges[c + 1]))});
        return rows;
    }

private:
    std::vector<LegendRow> drawRoads(const data::VectorLayer& layer, const QString& label) const
    {
        const std::vector<std::string> classes = data::textValues(layer, schema::roads::Class);
        int main = 0, local = 0;
        // Casings first, then fills: crossings join cleanly.
        for (const bool casing : {true, false})
            for (std::size_t i = 0; i < layer.features.size(); ++i)
            {
                const data::Feature& feature = layer.features[i];
                if (feature.lines.empty() || !overlaps(featureExtent(feature), mVisible))
                    continue;
                const bool isMain = classes[i] == "main";
                if (casing)
                    mPainter.setPen(pen(QColor(0xa8, 0xa0, 0x94), isMain ? 0.9 : 0.5));
                else
                    mPainter.setPen(pen(isMain ? QColor(0xf6, 0xc3, 0x5b) : QColor(0xff, 0xff, 0xff),
                                        isMain ? 0.65 : 0.3));
                for (const data::Ring& line : feature.lines)
                {
                    QPainterPath path;
                    for (std::size_t p = 0; p < line.size(); ++p)
                        p == 0 ? path.moveTo(mPage(line[p].x, line[p].y)) : path.lineTo(mPage(line[p].x, line[p].y));
                    mPainter.strokePath(path, mPainter.pen());
                }
                if (!casing)
                    ++(isMain ? main : local);
            }
        std::vector<LegendRow> rows;
        if (main)
            rows.push_back({LegendRow::Swatch::Line, QColor(0xf6, 0xc3, 0x5b), QColor(0xa8, 0xa0, 0x94),
                            ReportMapPainter::tr("%1: main").arg(label)});
        if (local)
            rows.push_back({LegendRow::Swatch::Line, QColor(0xff, 0xff, 0xff), QColor(0x8a, 0x82, 0x76),
                            ReportMapPainter::tr("%1: local").arg(label)});
        return rows;
    }

    std::vector<LegendRow> drawStations(const data::VectorLayer& layer) const
    {
        const std::vector<std::string> kinds = data::textValues(layer, schema::stations::Kind);
        std::vector<std::string> order;
        for (const std::string& kind : kinds)
            if (std::find(order.begin(), order.end(), kind) == order.end())
                order.push_back(kind);
        std::sort(order.begin(), order.end());
        std::map<std::string, int> drawn;
        constexpr double Diameter = 2.2;
        mPainter.setPen(pen(QColor(0xff, 0xff, 0xff), 0.25));
        for (std::size_t i = 0; i < layer.features.size(); ++i)
            for (const data::Position& p : layer.features[i].points)
            {
                if (p.x < mVisible.minX || p.x > mVisible.maxX || p.y < mVisible.minY || p.y > mVisible.maxY)
                    continue;
                const auto kind = std::find(order.begin(), order.end(), kinds[i]) - order.begin();
                mPainter.setBrush(QColor(KindColors[static_cast<std::size_t>(kind) % KindColors.size()]));
                mPainter.drawEllipse(mPage(p.x, p.y), Diameter / 2.0, Diameter / 2.0);
                ++drawn[kinds[i]];
            }
        std::vector<LegendRow> rows;
        for (std::size_t k = 0; k < order.size(); ++k)
            if (drawn.count(order[k]))
                rows.push_back({LegendRow::Swatch::Dot, QColor(KindColors[k % KindColors.size()]),
                                QColor(0xff, 0xff, 0xff), LayerNames::stationKindName(order[k])});
        return rows;
    }

    std::vector<LegendRow> drawIncidents(const data::IncidentFilter& filter) const
    {
        const data::IncidentStore& store = mData.store();
        const data::IncidentMatcher matcher(store, filter);
        if (matcher.matchesNothing())
            return {};
        const data::IncidentColumns& c = store.columns();
        const double originX = store.origin().x, originY = store.origin().y;
        std::vector<QPointF> dots;
        for (std::size_t i = 0; i < c.x.size(); ++i)
        {
            if (!std::isfinite(c.x[i]) || !matcher.matches(i))
                continue;
            const double x = originX + c.x[i], y = originY + c.y[i];
            if (x < mVisible.minX || x > mVisible.maxX || y < mVisible.minY || y > mVisible.maxY)
                continue;
            dots.push_back(mPage(x, y));
        }
        // Many incidents: smaller, fainter dots, so that where they crowd reads darker instead of one red blot.
        const double crowd = std::sqrt(600.0 / std::max<double>(600.0, static_cast<double>(dots.size())));
        const double radius = std::max(0.16, 0.45 * crowd);
        const QColor color(0xd7, 0x30, 0x1f, static_cast<int>(std::max(90.0, 200.0 * crowd)));
        mPainter.setPen(Qt::NoPen);
        mPainter.setBrush(color);
        for (const QPointF& dot : dots)
            mPainter.drawEllipse(dot, radius, radius);
        const int drawn = static_cast<int>(dots.size());
        if (drawn == 0)
            return {};
        return {{LegendRow::Swatch::Dot, QColor(0xd7, 0x30, 0x1f), Qt::transparent,
                 ReportMapPainter::tr("Incidents (%n)", nullptr, drawn)}};
    }

    QPainter& mPainter;
    const PageTransform& mPage;
    data::Extent mVisible;
    const ReportData& mData;
};

/// Names the areas of a table at their centre (those in view), the page's own area in bold.
void drawAreaLabels(QPainter& painter, const PageTransform& page, const data::VectorLayer& layer,
                    const ReportArea& focus, bool focusLevel, double points)
{
    // The page's own area first, then the others where they do not collide with a name already set.
    std::vector<QRectF> taken;
    const std::vector<std::string> names = data::textValues(layer, schema::FeatureName);
    const std::vector<double> ids = data::numericValues(layer, schema::StableId);
    const data::Extent visible = page.visible();
    std::vector<std::size_t> order(layer.features.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i)
                          { return focusLevel && std::isfinite(ids[i]) && static_cast<std::int64_t>(ids[i]) == focus.id; });
    for (const std::size_t i : order)
    {
        const data::Extent extent = featureExtent(layer.features[i]);
        if (names[i].empty() || !overlaps(extent, visible))
            continue;
        const bool own = focusLevel && std::isfinite(ids[i]) && static_cast<std::int64_t>(ids[i]) == focus.id;
        const QPointF at = page(extent.centerX(), extent.centerY());
        if (!page.rect.contains(at))
            continue;
        painter.setFont(report_style::font(painter, own ? points + 2.0 : points, own));
        const QString text = QString::fromStdString(names[i]);
        const QRectF box = painter.boundingRect(QRectF(at.x() - 40.0, at.y() - 5.0, 80.0, 10.0), Qt::AlignCenter, text);
        if (!own && std::any_of(taken.begin(), taken.end(), [&box](const QRectF& other)
                                { return other.intersects(box.adjusted(-0.8, -0.4, 0.8, 0.4)); }))
            continue;
        taken.push_back(box);
        // A white halo under the name keeps it readable over any fill: the glyphs' outline as a path (the name is
        // text once, for search and copy).
        const QFontMetricsF metrics(painter.font(), painter.device());
        const double width = metrics.horizontalAdvance(text);
        const QPointF baseline(box.center().x() - width / 2.0,
                               box.center().y() + (metrics.ascent() - metrics.descent()) / 2.0);
        QPainterPath outline;
        outline.addText(baseline, painter.font(), text);
        painter.strokePath(outline, QPen(QColor(255, 255, 255, 220), 0.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setPen(own ? report_style::Accent : report_style::Ink);
        painter.drawText(baseline, text);
    }
}
} // namespace

MapFrameResult ReportMapPainter::paint(QPainter& painter, const QRectF& rect, const MapFrameSpec& spec) const
{
    MapFrameResult result;
    if (!spec.area || !spec.area->extent.isValid())
        return result;
    const ReportArea& area = *spec.area;
    const PageTransform page(rect, area.extent);
    result.metresPerMillimetre = 1.0 / page.scale;
    painter.save();
    painter.setClipRect(rect);
    painter.fillRect(rect, QColor(0xf7, 0xf6, 0xf2));
    painter.setRenderHint(QPainter::Antialiasing);
    const LayerDrawer drawer(painter, page, mData);
    for (const std::string& name : spec.layers)
    {
        std::vector<LegendRow> rows = drawer.draw(name, ReportData::narrowed(spec.filter, area));
        // The colouring by counts goes right over the area fills (communities, or the grids of a community).
        if (spec.field == "count" && childTable(area.level) && name == childTable(area.level))
        {
            std::vector<LegendRow> classes = drawer.drawCounts(childTable(area.level), spec.filter, area);
            rows.insert(rows.end(), classes.begin(), classes.end());
        }
        result.legend.insert(result.legend.end(), rows.begin(), rows.end());
    }
    // The neighbours dimmed, the area outlined.
    if (area.level != data::AtlasLevel::None && !area.polygons.empty())
    {
        QPainterPath outside;
        outside.addRect(rect);
        const QPainterPath own = polygonPath(area.polygons, page);
        painter.fillPath(outside.subtracted(own), QColor(255, 255, 255, 140));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(pen(report_style::Accent, 0.7));
        painter.drawPath(own);
        result.legend.push_back(
            {LegendRow::Swatch::Line, report_style::Accent, report_style::Accent, area.name});
    }
    if (const data::VectorLayer* communities = mData.layer(schema::communities::Table);
        communities && area.level != data::AtlasLevel::Grid)
        drawAreaLabels(painter, page, *communities, area, area.level == data::AtlasLevel::Community,
                       area.level == data::AtlasLevel::None ? 5.5 : 7.0);
    else if (const data::VectorLayer* grids = mData.layer(schema::grids::Table); grids)
        drawAreaLabels(painter, page, *grids, area, true, 7.0);
    painter.setClipping(false);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(report_style::Rule, 0.25));
    painter.drawRect(rect);
    painter.restore();
    return result;
}

} // namespace citytwin::app
