#include "app/gui/analysis/analysis_dock.hpp"

#include "app/common/error_text.hpp"
#include "app/common/layer_names.hpp"
#include "app/gui/stats_table_model.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/analysis/analysis_tables.hpp"
#include "data/analysis/gpkg_records.hpp"
#include "data/project/project_store.hpp"
#include "data/io/sqlite_database.hpp"
#include "data/io/vector_source.hpp"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <fstream>
#include <map>

#include "app/gui/analysis/analysis_dock_parts.hpp"

namespace citytwin::app
{
using analysis::Beijing;
using analysis::setBarChart;

void AnalysisDock::showCharts(const IncidentView& view)
{
    // Incidents over time, per category (the six largest) or per source.
    {
        const data::TimeSeries& series = view.series;
        const data::TimeBucket bucket = view.bucket;
        const bool bySource = view.bySource;
        std::vector<std::pair<std::uint64_t, std::size_t>> totals;
        for (std::size_t s = 0; s < series.counts.size(); ++s)
        {
            std::uint64_t sum = 0;
            for (std::uint32_t c : series.counts[s])
                sum += c;
            if (sum > 0)
                totals.push_back({sum, s});
        }
        std::sort(totals.rbegin(), totals.rend());
        QChart* chart = new QChart;
        if (bySource)
            chart->setTitle(bucket == data::TimeBucket::Week  ? tr("Incidents per week, by source")
                            : bucket == data::TimeBucket::Day ? tr("Incidents per day, by source")
                                                              : tr("Incidents per hour, by source"));
        else
            chart->setTitle(bucket == data::TimeBucket::Week  ? tr("Incidents per week, largest categories")
                            : bucket == data::TimeBucket::Day ? tr("Incidents per day, largest categories")
                                                              : tr("Incidents per hour, largest categories"));
        auto* axisX = new QDateTimeAxis;
        axisX->setFormat(bucket == data::TimeBucket::Hour ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("MM-dd"));
        auto* axisY = new QValueAxis;
        axisY->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(axisX, Qt::AlignBottom);
        chart->addAxis(axisY, Qt::AlignLeft);
        double maximum = 1.0;
        for (std::size_t k = 0; k < std::min<std::size_t>(6, totals.size()); ++k)
        {
            const std::size_t s = totals[k].second;
            auto* line = new QLineSeries;
            line->setName(bySource ? AnalysisInputs::sourceName(series.names[s])
                                   : AnalysisInputs::categoryName(mCategories, series.names[s]));
            QList<QPointF> points;
            points.reserve(static_cast<qsizetype>(series.counts[s].size()));
            for (std::size_t b = 0; b < series.counts[s].size(); ++b)
            {
                points.append({static_cast<double>(series.start + static_cast<std::int64_t>(b) * series.bucketSeconds) *
                                   1000.0,
                               static_cast<double>(series.counts[s][b])});
                maximum = std::max(maximum, static_cast<double>(series.counts[s][b]));
            }
            line->replace(points);
            chart->addSeries(line);
            line->attachAxis(axisX);
            line->attachAxis(axisY);
        }
        axisY->setRange(0, maximum * 1.05);
        if (!series.counts.empty() && !series.counts.front().empty())
            axisX->setRange(
                QDateTime::fromSecsSinceEpoch(series.start, Beijing),
                QDateTime::fromSecsSinceEpoch(series.start + static_cast<std::int64_t>(series.counts.front().size()) *
                                                                 series.bucketSeconds,
                                              Beijing));
        QChart* old = mTimeChart->chart();
        mTimeChart->setChart(chart);
        delete old;
    }
    // Response times: hours from report to closing.
    {
        const std::vector<double>& edges = view.closeEdges;
        const data::Histogram& histogram = view.closeHours;
        auto* set = new QBarSet(tr("Closed incidents"));
        QStringList labels;
        for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        {
            *set << histogram.counts[i];
            labels << QStringLiteral("%1–%2").arg(edges[i]).arg(edges[i + 1]);
        }
        *set << histogram.above;
        labels << QStringLiteral("> %1").arg(edges.back());
        setBarChart(mResponseChart, set, labels, tr("Time to close"), tr("hours from report to closing"));
    }
    // The ten grids with the most incidents.
    {
        auto* set = new QBarSet(tr("Incidents"));
        QStringList labels;
        for (const data::GridCount& grid : view.topGrids)
        {
            *set << grid.count;
            labels << QString::number(grid.gridId);
        }
        setBarChart(mTopChart, set, labels, tr("Top 10 grid cells"), tr("grid cell"));
    }
}

void AnalysisDock::showPartyScatter(const data::PartyHandling& handling)
{
    // Coverage against handling time per grid: a scatter with the correlation.
    auto* points = new QScatterSeries;
    points->setMarkerSize(5.0);
    points->setName(tr("Grid cells"));
    for (std::size_t i = 0; i < handling.linkShare.size(); ++i)
        points->append(handling.linkShare[i] * 100.0, handling.closeHours[i]);
    QChart* chart = new QChart;
    chart->setTitle(tr("1+10 links against time to close, per grid cell<br>Pearson r = %1, Spearman ρ = %2 "
                       "(%3 cells)")
                        .arg(handling.pearson, 0, 'f', 2)
                        .arg(handling.spearman, 0, 'f', 2)
                        .arg(handling.linkShare.size()));
    chart->addSeries(points);
    auto* axisX = new QValueAxis;
    axisX->setRange(0.0, 100.0);
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setTitleText(tr("households linked (%)"));
    auto* axisY = new QValueAxis;
    const std::vector<double>& hours = handling.closeHours;
    axisY->setRange(0.0, hours.empty() ? 1.0 : *std::max_element(hours.begin(), hours.end()));
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTitleText(tr("median hours to close"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    points->attachAxis(axisX);
    points->attachAxis(axisY);
    chart->legend()->hide();
    QChart* old = mScatterChart->chart();
    mScatterChart->setChart(chart);
    delete old;
}

} // namespace citytwin::app
