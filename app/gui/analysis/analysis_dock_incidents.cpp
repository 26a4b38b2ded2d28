#include "app/gui/analysis/analysis_dock.hpp"

#include "app/gui/stats_table_model.hpp"

#include "data/project/schema.hpp"
#include "data/analysis/analysis_tables.hpp"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFutureWatcher>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include "app/gui/analysis/analysis_dock_parts.hpp"

// The Incidents tab: its filter, KPIs, table per area and charts, following the filter as it changes.

namespace citytwin::app
{
using analysis::fillColumns;
using analysis::fromEdit;
using analysis::makeChartView;
using analysis::makeTableView;

namespace
{

const std::vector<std::string> Sources = {"hotline", "citizen_app", "grid_inspector", "camera_ai"};
const std::vector<std::string> Statuses = {"reported", "dispatched", "handled", "closed"};

} // namespace

void AnalysisDock::buildIncidentsTab()
{
    auto* scroll = new QScrollArea(mTabs);
    scroll->setWidgetResizable(true);
    auto* page = new QWidget(scroll);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(page);

    layout->addWidget(buildFilterBox(page));

    mKpi = new QLabel(page);
    mKpi->setObjectName(QStringLiteral("kpi"));
    mKpi->setWordWrap(true);
    mKpi->setTextFormat(Qt::RichText);
    layout->addWidget(mKpi);

    auto* mapRow = new QHBoxLayout;
    mBy = new QComboBox(page);
    mBy->addItem(tr("Per grid cell"), QStringLiteral("grid"));
    mBy->addItem(tr("Per community"), QStringLiteral("community"));
    connect(mBy, &QComboBox::currentIndexChanged, this, [this] { refreshIncidents(true); });
    mMapColumn = new QComboBox(page);
    mMapColumn->setObjectName(QStringLiteral("mapColumn"));
    connect(mMapColumn, &QComboBox::activated, this, [this] { refreshIncidents(true); });
    mShowOnMap = new QCheckBox(tr("Show on map"), page);
    mShowOnMap->setObjectName(QStringLiteral("showOnMap"));
    connect(mShowOnMap, &QCheckBox::toggled, this, [this] { refreshIncidents(true); });
    mColumns = new QCheckBox(tr("3D columns"), page);
    connect(mColumns, &QCheckBox::toggled, this,
            [this](bool on)
            {
                if (on)
                    mShowOnMap->setChecked(true);
                refreshIncidents(true);
            });
    auto* exportButton = new QPushButton(tr("Export…"), page);
    connect(exportButton, &QPushButton::clicked, this, [this] { exportTable(QStringLiteral("incidents")); });
    mapRow->addWidget(mBy);
    mapRow->addWidget(new QLabel(tr("Map:"), page));
    mapRow->addWidget(mMapColumn, 1);
    layout->addLayout(mapRow);
    auto* mapRow2 = new QHBoxLayout;
    mapRow2->addWidget(mShowOnMap);
    mapRow2->addWidget(mColumns);
    mapRow2->addStretch(1);
    mapRow2->addWidget(exportButton);
    layout->addLayout(mapRow2);

    mIncidentModel = new StatsTableModel(this);
    mIncidentView = makeTableView(mIncidentModel, page);
    connect(mIncidentView, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index)
            {
                const QModelIndex source =
                    static_cast<QSortFilterProxyModel*>(mIncidentView->model())->mapToSource(index);
                if (!source.isValid())
                    return;
                const auto& row = mIncidentModel->table().rows.at(static_cast<std::size_t>(source.row()));
                emit zoomToArea(mBy->currentData().toString() == QLatin1String("community")
                                    ? QString::fromLatin1(data::schema::communities::Table)
                                    : QString::fromLatin1(data::schema::grids::Table),
                                static_cast<qint64>(data::StatsTable::number(row.front())));
            });
    layout->addWidget(mIncidentView);
    mTimeSplit = new QComboBox(page);
    mTimeSplit->setObjectName(QStringLiteral("timeSplit"));
    mTimeSplit->addItem(QString());
    mTimeSplit->addItem(QString());
    connect(mTimeSplit, &QComboBox::currentIndexChanged, this, [this] { refreshIncidents(true); });
    layout->addWidget(mTimeSplit);
    mTimeChart = makeChartView(page, QStringLiteral("timeChart"));
    mResponseChart = makeChartView(page, QStringLiteral("responseChart"));
    mTopChart = makeChartView(page, QStringLiteral("topChart"));
    layout->addWidget(mTimeChart);
    layout->addWidget(mResponseChart);
    layout->addWidget(mTopChart);
    mTabs->addTab(scroll, QString());
}

QGroupBox* AnalysisDock::buildFilterBox(QWidget* page)
{
    auto* filterBox = new QGroupBox(tr("Filter"), page);
    auto* form = new QFormLayout(filterBox);
    addTimeRows(filterBox, form);
    addChoiceRows(filterBox, form);
    return filterBox;
}

void AnalysisDock::addTimeRows(QWidget* filterBox, QFormLayout* form)
{
    mFrom = new QDateTimeEdit(filterBox);
    mTo = new QDateTimeEdit(filterBox);
    for (QDateTimeEdit* edit : {mFrom, mTo})
    {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this,
                [this]
                {
                    updateSlider();
                    refreshIncidents(true);
                });
    }
    mFrom->setObjectName(QStringLiteral("from"));
    mTo->setObjectName(QStringLiteral("to"));
    form->addRow(tr("From:"), mFrom);
    form->addRow(tr("To:"), mTo);

    auto* sliderRow = new QHBoxLayout;
    mPlay = new QPushButton(filterBox);
    mPlay->setObjectName(QStringLiteral("play"));
    mStep = new QComboBox(filterBox);
    mStep->setObjectName(QStringLiteral("step"));
    mStep->addItem(QString(), 3600);
    mStep->addItem(QString(), 86400);
    mStep->addItem(QString(), 7 * 86400);
    mStep->setCurrentIndex(2);
    mSlider = new QSlider(Qt::Horizontal, filterBox);
    mSlider->setObjectName(QStringLiteral("timeSlider"));
    sliderRow->addWidget(mPlay);
    sliderRow->addWidget(mStep);
    sliderRow->addWidget(mSlider, 1);
    form->addRow(tr("Time slider:"), sliderRow);
    mWindowLabel = new QLabel(filterBox);
    form->addRow(QString(), mWindowLabel);
    connect(mStep, &QComboBox::currentIndexChanged, this,
            [this]
            {
                updateSlider();
                refreshIncidents(true);
            });
    connect(mSlider, &QSlider::valueChanged, this, [this] { refreshIncidents(!mTimer->isActive()); });
    connect(mPlay, &QPushButton::clicked, this,
            [this]
            {
                if (mTimer->isActive())
                {
                    mTimer->stop();
                    mPlay->setText(tr("Play"));
                    refreshIncidents(true);
                    return;
                }
                if (mSlider->value() >= mSlider->maximum())
                    mSlider->setValue(0);
                mShowOnMap->setChecked(true); // playing is for watching the map
                mPlay->setText(tr("Pause"));
                mTimer->start();
            });
}

void AnalysisDock::addChoiceRows(QWidget* filterBox, QFormLayout* form)
{
    mCategoryList = new QListWidget(filterBox);
    mCategoryList->setObjectName(QStringLiteral("categories"));
    mCategoryList->setMaximumHeight(130);
    connect(mCategoryList, &QListWidget::itemChanged, this, [this] { refreshIncidents(true); });
    form->addRow(tr("Categories (none ticked: all):"), mCategoryList);

    form->addRow(tr("Sources:"), addCodeBoxes(Sources, &AnalysisInputs::sourceName, mSourceBoxes, filterBox));
    form->addRow(tr("Status:"), addCodeBoxes(Statuses, &AnalysisInputs::statusName, mStatusBoxes, filterBox));
    mOverdue = new QCheckBox(tr("Overdue only (against each category's limit)"), filterBox);
    mOverdue->setObjectName(QStringLiteral("overdueOnly"));
    connect(mOverdue, &QCheckBox::toggled, this, [this] { refreshIncidents(true); });
    form->addRow(QString(), mOverdue);
    mArea = new QComboBox(filterBox);
    mArea->setObjectName(QStringLiteral("area"));
    connect(mArea, &QComboBox::currentIndexChanged, this, [this] { refreshIncidents(true); });
    auto* areaRow = new QHBoxLayout;
    auto* draw = new QPushButton(tr("Draw…"), filterBox);
    draw->setObjectName(QStringLiteral("drawArea"));
    draw->setToolTip(tr("Click the corners of an area on the map; double-click or Enter to finish, Esc to cancel"));
    connect(draw, &QPushButton::clicked, this, &AnalysisDock::drawAreaRequested);
    areaRow->addWidget(mArea, 1);
    areaRow->addWidget(draw);
    form->addRow(tr("Area:"), areaRow);

    auto* savedRow = new QHBoxLayout;
    mSaved = new QComboBox(filterBox);
    mSaved->setObjectName(QStringLiteral("savedFilters"));
    auto* save = new QPushButton(tr("Save…"), filterBox);
    savedRow->addWidget(mSaved, 1);
    savedRow->addWidget(save);
    form->addRow(tr("Saved filters:"), savedRow);
    connect(save, &QPushButton::clicked, this, &AnalysisDock::saveFilter);
    connect(mSaved, &QComboBox::activated, this, [this] { applySavedFilter(mSaved->currentText()); });
}

QGridLayout* AnalysisDock::addCodeBoxes(const std::vector<std::string>& codes, QString (*name)(const std::string&),
                                        QList<QCheckBox*>& boxes, QWidget* parent)
{
    // Two columns of boxes, all ticked; each knows its code.
    auto* grid = new QGridLayout;
    for (const std::string& code : codes)
    {
        auto* box = new QCheckBox(name(code), parent);
        box->setProperty("code", QString::fromStdString(code));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] { refreshIncidents(true); });
        grid->addWidget(box, static_cast<int>(boxes.size()) / 2, static_cast<int>(boxes.size()) % 2);
        boxes << box;
    }
    return grid;
}

data::IncidentFilter AnalysisDock::currentFilter() const
{
    data::IncidentFilter filter;
    std::int64_t from = fromEdit(mFrom->dateTime());
    std::int64_t to = fromEdit(mTo->dateTime());
    if (mSlider->value() > 0)
    {
        // The slider's window: one step, the n-th from the start of the range.
        const std::int64_t step = mStep->currentData().toLongLong();
        from += (mSlider->value() - 1) * step;
        to = std::min(to, from + step);
    }
    filter.from = from;
    filter.to = to;
    for (int i = 0; i < mCategoryList->count(); ++i)
        if (mCategoryList->item(i)->checkState() == Qt::Checked)
            filter.categories.push_back(mCategoryList->item(i)->data(Qt::UserRole).toString().toStdString());
    bool allSources = true, allStatuses = true;
    std::vector<std::string> sources, statuses;
    for (QCheckBox* box : mSourceBoxes)
    {
        allSources = allSources && box->isChecked();
        if (box->isChecked())
            sources.push_back(box->property("code").toString().toStdString());
    }
    for (QCheckBox* box : mStatusBoxes)
    {
        allStatuses = allStatuses && box->isChecked();
        if (box->isChecked())
            statuses.push_back(box->property("code").toString().toStdString());
    }
    // Nothing ticked in a group matches nothing (a code no incident has).
    if (!allSources)
        filter.sources = sources.empty() ? std::vector<std::string>{"(none)"} : sources;
    if (!allStatuses)
        filter.statuses = statuses.empty() ? std::vector<std::string>{"(none)"} : statuses;
    filter.overdueOnly = mOverdue->isChecked();
    // Open and overdue are judged at the end of the range (or now, if earlier).
    filter.asOf = std::min<std::int64_t>(to, QDateTime::currentSecsSinceEpoch());
    // The area: a community (its id), a grid cell ("grid:ID") or the area drawn on the map ("drawn").
    const QVariant area = mArea->currentData();
    if (area.typeId() == QMetaType::QString && area.toString() == QLatin1String("drawn") && mDrawnArea)
        filter.polygon = *mDrawnArea;
    else if (area.typeId() == QMetaType::QString && area.toString().startsWith(QLatin1String("grid:")))
        filter.gridIds = {area.toString().mid(5).toLongLong()};
    else if (area.isValid() && area.typeId() != QMetaType::QString)
        filter.communityId = area.toLongLong();
    return filter;
}

void AnalysisDock::updateSlider()
{
    const std::int64_t span = fromEdit(mTo->dateTime()) - fromEdit(mFrom->dateTime());
    const std::int64_t step = mStep->currentData().toLongLong();
    const QSignalBlocker blocker(mSlider);
    mSlider->setRange(
        0, static_cast<int>(std::clamp<std::int64_t>((span + step - 1) / std::max<std::int64_t>(1, step), 0, 100000)));
    mSlider->setValue(0);
}

bool AnalysisDock::stepTime()
{
    if (mSlider->value() >= mSlider->maximum())
        return false;
    mSlider->setValue(mSlider->value() + 1);
    return true;
}

namespace
{
/// Everything the Incidents tab shows for a filter: the heavy part of a refresh, safe on any thread (the store is
/// only read).
AnalysisDock::IncidentView computeIncidentView(const data::IncidentStore& store, AnalysisDock::IncidentView view)
{
    const data::IncidentFilter& filter = view.filter;
    if (view.light)
    {
        const data::AreaCounts counts = data::countByArea(store, filter);
        view.table.columns = {data::areaIdColumn(view.level), "count"};
        const auto& ids = view.level == data::AreaLevel::Grid ? store.codes().gridIds : store.codes().communityIds;
        for (std::size_t i = 0; i < ids.size(); ++i)
            view.table.rows.push_back(
                {ids[i], static_cast<std::int64_t>(view.level == data::AreaLevel::Grid ? counts.perGrid[i]
                                                                                       : counts.perCommunity[i])});
        return view;
    }
    view.table = data::incidentStatsTable(store, filter, view.level);
    if (view.table.columnIndex("open") >= 0)
    {
        const data::LifecycleByArea life = data::lifecycle(store, filter);
        view.hasLifecycle = true;
        view.medianCloseHours = life.overall.toClose.medianHours;
        view.p90CloseHours = life.overall.toClose.p90Hours;
    }
    // Incidents over time, by day or by week for long ranges.
    const std::int64_t span = filter.to.value_or(0) - filter.from.value_or(0);
    view.bucket = span > 120 * 86400 ? data::TimeBucket::Week
                  : span > 4 * 86400 ? data::TimeBucket::Day
                                     : data::TimeBucket::Hour;
    view.series = data::timeSeries(store, filter, view.bucket,
                                   view.bySource ? data::SeriesSplit::Source : data::SeriesSplit::Category,
                                   data::DistrictUtcOffsetMinutes);
    // Response times: hours from report to closing.
    view.closeEdges = {0, 2, 4, 8, 12, 24, 48, 72, 168};
    view.closeHours = data::closeTimeHistogram(store, filter, view.closeEdges);
    view.topGrids = data::topGrids(store, data::countByArea(store, filter), 10);
    return view;
}
} // namespace

void AnalysisDock::refreshIncidents(bool full)
{
    if (!mStore || mUpdating)
        return;
    if (mRefreshRunning)
    {
        // Taken up when the running one ends, with the filter as it is then.
        mRefreshPending = true;
        mPendingFull = mPendingFull || full;
        return;
    }
    IncidentView request;
    request.filter = currentFilter();
    request.level = mBy->currentData().toString() == QLatin1String("community") ? data::AreaLevel::Community
                                                                                 : data::AreaLevel::Grid;
    // While playing, large stores only recount (tens of milliseconds for millions); the table and charts follow
    // when playing stops.
    request.light = !full && mStore->size() > 2'000'000;
    request.bySource = mTimeSplit && mTimeSplit->currentIndex() == 1;
    mRefreshRunning = true;
    auto* watcher = new QFutureWatcher<IncidentView>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, store = mStore]
            {
                watcher->deleteLater();
                mRefreshRunning = false;
                // A store replaced meanwhile (new rows, another project) is refreshed anew.
                if (store == mStore)
                    showIncidents(watcher->result());
                else
                    mRefreshPending = true;
                if (mRefreshPending)
                {
                    const bool full = mPendingFull || store != mStore;
                    mRefreshPending = false;
                    mPendingFull = false;
                    refreshIncidents(full);
                }
                if (!mRefreshRunning)
                    emit incidentsShown();
            });
    watcher->setFuture(QtConcurrent::run([store = mStore, request = std::move(request)]
                                         { return computeIncidentView(*store, request); }));
}

void AnalysisDock::showIncidents(const IncidentView& view)
{
    const data::StatsTable& table = view.table;
    const data::IncidentFilter& filter = view.filter;
    // KPIs.
    std::int64_t total = 0, open = 0, overdue = 0;
    double aiWeighted = 0.0;
    const int countColumn = table.columnIndex("count"), openColumn = table.columnIndex("open"),
              overdueColumn = table.columnIndex("overdue"), aiColumn = table.columnIndex("ai_share");
    for (const auto& row : table.rows)
    {
        const auto count = static_cast<std::int64_t>(data::StatsTable::number(row[countColumn]));
        total += count;
        if (openColumn >= 0)
        {
            open += static_cast<std::int64_t>(data::StatsTable::number(row[openColumn]));
            overdue += static_cast<std::int64_t>(data::StatsTable::number(row[overdueColumn]));
            const double ai = data::StatsTable::number(row[aiColumn]);
            if (std::isfinite(ai))
                aiWeighted += ai * static_cast<double>(count);
        }
    }
    const std::int64_t from = filter.from.value_or(0), to = filter.to.value_or(0);
    mWindowLabel->setText(
        mSlider->value() > 0
            ? tr("Showing %1 to %2").arg(AnalysisInputs::formatLocal(from), AnalysisInputs::formatLocal(to))
            : tr("Showing the whole range; move the slider or press Play to step through it"));
    if (view.hasLifecycle)
        mKpi->setText(tr("<b>%1</b> incidents · <b>%2</b> open · <b>%3</b> overdue · found by camera AI <b>%4%</b> · "
                         "median time to close <b>%5 h</b> (90%: %6 h)")
                          .arg(total)
                          .arg(open)
                          .arg(overdue)
                          .arg(total ? 100.0 * aiWeighted / static_cast<double>(total) : 0.0, 0, 'f', 1)
                          .arg(view.medianCloseHours, 0, 'f', 1)
                          .arg(view.p90CloseHours, 0, 'f', 1));
    else
        mKpi->setText(tr("<b>%1</b> incidents").arg(total));

    fillColumns(mMapColumn, table, QStringLiteral("count"));
    mIncidentModel->setTable(table);
    // The map: areas coloured by the chosen column.
    const int mapColumn = table.columnIndex(mMapColumn->currentText().toStdString());
    if (mapColumn >= 0 && mShowOnMap->isChecked())
    {
        QHash<qint64, double> values;
        for (const auto& row : table.rows)
            values.insert(static_cast<qint64>(data::StatsTable::number(row[0])),
                          data::StatsTable::number(row[static_cast<std::size_t>(mapColumn)]));
        emit showOnMap(view.level == data::AreaLevel::Grid ? QString::fromLatin1(data::schema::grids::Table)
                                                           : QString::fromLatin1(data::schema::communities::Table),
                       values, tr("Incidents: %1").arg(mMapColumn->currentText()), mColumns->isChecked());
    }
    if (!view.light)
        showCharts(view);
    emit filterChanged();
}

} // namespace citytwin::app
