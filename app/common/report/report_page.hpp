#pragma once

#include "app/common/report/report_data.hpp"
#include "app/common/report/report_map.hpp"

#include <QCoreApplication>
#include <QImage>
#include <QRectF>
#include <QString>

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

class QPainter;

namespace citytwin::app
{

/// What one page is made of besides its template: the area, the filter, its number, the 3D frames rendered for it.
struct PageContext
{
    const data::ReportTemplate* layout = nullptr;
    const ReportArea* area = nullptr;
    data::IncidentFilter filter;
    int pageNumber = 1;
    int pageCount = 1;
    /// A 3D map frame by item index (rendered at the output resolution), for items with a bookmark source.
    std::map<std::size_t, SceneFrame> renders;
};

/// Paints report pages with a QPainter whose world unit is the millimetre (begin() sets that up): template pages,
/// an atlas's cover and contents. Text stays text, maps, charts and tables are vectors; only 3D frames are pictures.
class ReportPainter
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportPainter)
public:
    explicit ReportPainter(const ReportData& data) : mData(data), mMaps(data) {}

    /// Sets the painter's world unit to the millimetre for its device, and paints the page white.
    static void begin(QPainter& painter, double pageWidthMm, double pageHeightMm);

    /// Paints a template page for an area.
    void paintPage(QPainter& painter, const PageContext& page) const;
    /// Paints an atlas's cover: the title, the filter, the district with the atlas's areas, the page count.
    void paintCover(QPainter& painter, const PageContext& page, const std::vector<ReportArea>& areas) const;
    /// Paints one contents page: entries (area name, page number) first to first + count.
    void paintContents(QPainter& painter, const PageContext& page,
                       const std::vector<std::pair<QString, int>>& entries, std::size_t first,
                       std::size_t count) const;
    /// How many contents entries fit a page of the layout.
    static std::size_t contentsPerPage(const data::ReportTemplate& layout);

    /// Fills a template text's placeholders for a page.
    QString fill(const std::string& text, const PageContext& page) const;
    /// The printable area of a layout's page (millimetres).
    static QRectF printable(const data::ReportTemplate& layout);
    /// An item's box on the page (millimetres).
    static QRectF itemRect(const data::ReportTemplate& layout, const data::ReportRect& rect);

private:
    void paintTitle(QPainter& painter, const QRectF& rect, const PageContext& page) const;
    void paintKpis(QPainter& painter, const QRectF& rect, const data::ReportItem& item, const PageContext& page) const;
    void paintChart(QPainter& painter, const QRectF& rect, const data::ReportItem& item,
                    const PageContext& page) const;
    void paintTable(QPainter& painter, const QRectF& rect, const data::ReportItem& item,
                    const PageContext& page) const;
    void paintFooter(QPainter& painter, const PageContext& page) const;

    const ReportData& mData;
    ReportMapPainter mMaps;
};

/// The words of a figure code ("count", "group_share", …) for a KPI box, and how its value is written.
QString figureLabel(const std::string& code);
/// The figure's value as text, "–" when it is unknown; nothing when the code is not a figure.
std::optional<QString> figureText(const AreaFigures& figures, const std::string& code);

} // namespace citytwin::app
