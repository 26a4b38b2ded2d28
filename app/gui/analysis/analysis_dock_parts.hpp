#pragma once

// Internal to the Analysis dock's sources (analysis_dock*.cpp): shared helpers and the result tab.

#include "app/gui/analysis/analysis_dock.hpp"
#include "app/common/analysis_inputs.hpp"
#include "app/gui/stats_table_model.hpp"

#include "data/incidents/incident_analysis.hpp"

#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimeZone>

#include <string>
#include <vector>

namespace citytwin::app::analysis
{

/// Beijing time, the district's: what the date-time edits and charts show.
inline const QTimeZone Beijing(data::DistrictUtcOffsetMinutes * 60);
/// The date-time edits show Beijing wall-clock time whatever the machine's zone: they hold UTC date-times
/// shifted by the district's offset.
inline QDateTime toEdit(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds + data::DistrictUtcOffsetMinutes * 60, Qt::UTC);
}

inline std::int64_t fromEdit(const QDateTime& shown)
{
    return shown.toSecsSinceEpoch() - data::DistrictUtcOffsetMinutes * 60;
}

/// Puts a bar chart of one set (counts per label) into a view, replacing its chart.
void setBarChart(QChartView* view, QBarSet* set, const QStringList& labels, const QString& title,
                 const QString& axisTitle);
/// Fills a combo with the numeric columns of a table (after the id), keeping the current choice.
void fillColumns(QComboBox* combo, const data::StatsTable& table, const QString& preferred);
/// Makes a sortable table view of a model (sorted by the cells' numbers, rows selected whole).
QTableView* makeTableView(StatsTableModel* model, QWidget* parent);
/// Makes an empty chart view named name.
QChartView* makeChartView(QWidget* parent, const QString& name);

} // namespace citytwin::app::analysis

namespace citytwin::app
{
/// What the Incidents tab shows for one filter, computed off the GUI thread (computeIncidentView).
struct AnalysisDock::IncidentView
{
    data::IncidentFilter filter;
    data::AreaLevel level = data::AreaLevel::Grid;
    /// Only the counts (while a large store plays through time): no lifecycle, no charts.
    bool light = false;
    data::StatsTable table;
    bool hasLifecycle = false;
    double medianCloseHours = 0.0;
    double p90CloseHours = 0.0;
    // The charts (not for a light view).
    data::TimeBucket bucket = data::TimeBucket::Day;
    bool bySource = false;
    data::TimeSeries series;
    std::vector<double> closeEdges;
    data::Histogram closeHours;
    std::vector<data::GridCount> topGrids;
};

struct AnalysisDock::ResultTab
{
    QWidget* page = nullptr;
    StatsTableModel* model = nullptr;
    QTableView* view = nullptr;
    QComboBox* column = nullptr;
    QPushButton* run = nullptr;
    QPushButton* map = nullptr;
    QPushButton* exportButton = nullptr;
    QLabel* summary = nullptr;
    QString areaTable;
    QString preferredColumn;
    /// The number of the tab's latest run: a finishing run with another number was replaced and is dropped.
    int runs = 0;
};

} // namespace citytwin::app
