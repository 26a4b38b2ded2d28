#pragma once

#include "app/common/report/report_data.hpp"

#include <QColor>
#include <QImage>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <string>
#include <vector>

class QPainter;

namespace citytwin::app
{

/// One line of a map's legend: a swatch (a filled box, a line or a dot) and its words; a heading has no swatch.
struct LegendRow
{
    enum class Swatch
    {
        Fill,
        Line,
        Dot,
        Heading,
    };
    Swatch swatch = Swatch::Fill;
    QColor color;
    QColor outline;
    QString label;
};

/// A 3D map frame rendered off-screen for a page: the picture, the legend of what it shows, its scale at the centre
/// and where north points.
struct SceneFrame
{
    QImage image;
    std::vector<LegendRow> legend;
    double metresPerPixel = 0.0; ///< at the picture's centre (a perspective view's scale changes with depth)
    double northAngle = 0.0;     ///< north from the picture's up, radians, clockwise
};

/// What a top-down map frame shows.
struct MapFrameSpec
{
    /// The page's area: the frame fits it (with a margin), outlines it and dims what lies outside.
    const ReportArea* area = nullptr;
    /// The layers drawn, bottom first (project tables, and "incidents": the filter's incidents as dots).
    std::vector<std::string> layers;
    /// "count": the areas one level down (a community's grids, a street's or the district's communities) coloured by
    /// their incidents under the filter, in five classes; empty for none.
    std::string field;
    data::IncidentFilter filter;
};

/// What was drawn: the legend of exactly the layers and classes drawn, and the frame's scale.
struct MapFrameResult
{
    std::vector<LegendRow> legend;
    double metresPerMillimetre = 0.0;
    /// The map's north as an angle from the page's up, radians (0: north up, as top-down maps are drawn).
    double northAngle = 0.0;
};

/// Draws top-down maps for print as vectors straight from a report's layers: areas as filled paths, lines, points as
/// symbols, labels as text, line widths and text sized in millimetres on the page. The painter works in
/// millimetres (ReportPainter sets it up).
class ReportMapPainter
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportMapPainter)
public:
    explicit ReportMapPainter(const ReportData& data) : mData(data) {}

    /// Draws the frame into rect (millimetres) and returns its legend and scale.
    MapFrameResult paint(QPainter& painter, const QRectF& rect, const MapFrameSpec& spec) const;

private:
    const ReportData& mData;
};

} // namespace citytwin::app
