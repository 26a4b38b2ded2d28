#include "app/gui/analysis/analysis_dock.hpp"

#include "app/common/error_text.hpp"
#include "app/common/layer_names.hpp"
#include "app/cli/stats_command.hpp"
#include "app/gui/stats_table_model.hpp"

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
using analysis::fillColumns;
using analysis::fromEdit;
using analysis::toEdit;

namespace
{

const std::vector<std::string> Sources = {"hotline", "citizen_app", "grid_inspector", "camera_ai"};
const std::vector<std::string> Statuses = {"reported", "dispatched", "handled", "closed"};
const std::vector<std::string> StationKinds = {
    "day_care",     "canteen",        "after_school",          "childcare",
    "warm_station", "service_center", "civilization_practice", "elderly_home",
    "social_work"};

QTableView* makeTableView(StatsTableModel* model, QWidget* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    auto* view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setMinimumHeight(180);
    return view;
}

QChartView* makeChartView(QWidget* parent, const QString& name)
{
    auto* view = new QChartView(new QChart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(300);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    return view;
}

} // namespace

void analysis::fillColumns(QComboBox* combo, const data::StatsTable& table, const QString& preferred)
{
    const QString current = combo->currentText().isEmpty() ? preferred : combo->currentText();
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (std::size_t c = 1; c < table.columns.size(); ++c)
    {
        bool numeric = false;
        for (const auto& row : table.rows)
            if (std::holds_alternative<std::int64_t>(row[c]) || std::holds_alternative<double>(row[c]))
            {
                numeric = true;
                break;
            }
        if (numeric)
            combo->addItem(QString::fromStdString(table.columns[c]));
    }
    combo->setCurrentIndex(std::max(0, combo->findText(current)));
}

void analysis::setBarChart(QChartView* view, QBarSet* set, const QStringList& labels, const QString& title,
                           const QString& axisTitle)
{
    auto* bars = new QBarSeries;
    bars->append(set);
    QChart* chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(bars);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(labels);
    axisX->setTitleText(axisTitle);
    auto* axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    bars->attachAxis(axisX);
    bars->attachAxis(axisY);
    axisY->applyNiceNumbers();
    chart->legend()->hide();
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}
AnalysisDock::AnalysisDock(QWidget* parent) : QDockWidget(parent)
{
    setObjectName(QStringLiteral("analysisDock"));
    mTabs = new QTabWidget(this);
    mTabs->setObjectName(QStringLiteral("analysisTabs"));
    setWidget(mTabs);
    mTimer = new QTimer(this);
    mTimer->setInterval(700);
    connect(mTimer, &QTimer::timeout, this,
            [this]
            {
                if (!stepTime())
                {
                    mTimer->stop();
                    mPlay->setText(tr("Play"));
                }
            });
    buildIncidentsTab();

    // Hot spots: a week against the weeks before.
    auto* hotControls = new QWidget(this);
    auto* hotForm = new QFormLayout(hotControls);
    mWeek = new QDateEdit(hotControls);
    mWeek->setObjectName(QStringLiteral("week"));
    mWeek->setCalendarPopup(true);
    mWeek->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    mWeeksBefore = new QSpinBox(hotControls);
    mWeeksBefore->setRange(1, 52);
    mWeeksBefore->setValue(4);
    hotForm->addRow(tr("Week of:"), mWeek);
    hotForm->addRow(tr("Against the weeks before:"), mWeeksBefore);
    buildResultTab(QStringLiteral("hotspots"), hotControls);
    mResults[QStringLiteral("hotspots")]->areaTable = QStringLiteral("grids");
    mResults[QStringLiteral("hotspots")]->preferredColumn = QStringLiteral("gi_z");

    // Party coverage.
    auto* partyControls = new QWidget(this);
    auto* partyForm = new QFormLayout(partyControls);
    mPartyBy = new QComboBox(partyControls);
    mPartyBy->addItem(tr("Grid cells"), QStringLiteral("grid"));
    mPartyBy->addItem(tr("Communities"), QStringLiteral("community"));
    partyForm->addRow(tr("Per:"), mPartyBy);
    buildResultTab(QStringLiteral("party"), partyControls);
    mResults[QStringLiteral("party")]->preferredColumn = QStringLiteral("link_share");
    mScatterChart = makeChartView(mResults[QStringLiteral("party")]->page, QStringLiteral("scatterChart"));
    mResults[QStringLiteral("party")]->page->layout()->addWidget(mScatterChart);

    // Service coverage.
    auto* serviceControls = new QWidget(this);
    auto* serviceForm = new QFormLayout(serviceControls);
    mKind = new QComboBox(serviceControls);
    mKind->setObjectName(QStringLiteral("stationKind"));
    for (const std::string& kind : StationKinds)
        mKind->addItem(QString::fromStdString(kind), QString::fromStdString(kind));
    mDistance = new QSpinBox(serviceControls);
    mDistance->setObjectName(QStringLiteral("walkingDistance"));
    mDistance->setRange(100, 5000);
    mDistance->setSingleStep(100);
    mDistance->setValue(500);
    mDistance->setSuffix(QStringLiteral(" m"));
    serviceForm->addRow(tr("Stations:"), mKind);
    serviceForm->addRow(tr("Walking distance:"), mDistance);
    buildResultTab(QStringLiteral("services"), serviceControls);
    mResults[QStringLiteral("services")]->areaTable = QStringLiteral("communities");
    mResults[QStringLiteral("services")]->preferredColumn = QStringLiteral("coverage");

    // Recurring places: incidents of one category close in space and time.
    auto* recurringControls = new QWidget(this);
    auto* recurringForm = new QFormLayout(recurringControls);
    mRecurringDistance = new QSpinBox(recurringControls);
    mRecurringDistance->setRange(5, 1000);
    mRecurringDistance->setValue(50);
    mRecurringDistance->setSuffix(QStringLiteral(" m"));
    mRecurringDays = new QSpinBox(recurringControls);
    mRecurringDays->setRange(0, 365);
    mRecurringDays->setValue(30);
    mRecurringMinimum = new QSpinBox(recurringControls);
    mRecurringMinimum->setRange(2, 1000);
    mRecurringMinimum->setValue(3);
    recurringForm->addRow(tr("Within (distance):"), mRecurringDistance);
    recurringForm->addRow(tr("Within (days):"), mRecurringDays);
    recurringForm->addRow(tr("At least (incidents):"), mRecurringMinimum);
    buildResultTab(QStringLiteral("recurring"), recurringControls);
    mResults[QStringLiteral("recurring")]->preferredColumn = QStringLiteral("count");
    mResults[QStringLiteral("recurring")]->areaTable = QStringLiteral("incidents (recurring places)");

    // Camera coverage.
    buildResultTab(QStringLiteral("cameras"), new QWidget(this));
    mResults[QStringLiteral("cameras")]->areaTable = QStringLiteral("grids");
    mResults[QStringLiteral("cameras")]->preferredColumn = QStringLiteral("open_share");

    retranslateUi();
}

AnalysisDock::~AnalysisDock() = default;

void AnalysisDock::buildIncidentsTab()
{
    auto* scroll = new QScrollArea(mTabs);
    scroll->setWidgetResizable(true);
    auto* page = new QWidget(scroll);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(page);

    auto* filterBox = new QGroupBox(tr("Filter"), page);
    auto* form = new QFormLayout(filterBox);
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

    mCategoryList = new QListWidget(filterBox);
    mCategoryList->setObjectName(QStringLiteral("categories"));
    mCategoryList->setMaximumHeight(130);
    connect(mCategoryList, &QListWidget::itemChanged, this, [this] { refreshIncidents(true); });
    form->addRow(tr("Categories (none ticked: all):"), mCategoryList);

    auto* sourceRow = new QGridLayout;
    for (const std::string& source : Sources)
    {
        auto* box = new QCheckBox(AnalysisInputs::sourceName(source), filterBox);
        box->setProperty("code", QString::fromStdString(source));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] { refreshIncidents(true); });
        sourceRow->addWidget(box, static_cast<int>(mSourceBoxes.size()) / 2, static_cast<int>(mSourceBoxes.size()) % 2);
        mSourceBoxes << box;
    }
    form->addRow(tr("Sources:"), sourceRow);
    auto* statusRow = new QGridLayout;
    for (const std::string& status : Statuses)
    {
        auto* box = new QCheckBox(AnalysisInputs::statusName(status), filterBox);
        box->setProperty("code", QString::fromStdString(status));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] { refreshIncidents(true); });
        statusRow->addWidget(box, static_cast<int>(mStatusBoxes.size()) / 2, static_cast<int>(mStatusBoxes.size()) % 2);
        mStatusBoxes << box;
    }
    form->addRow(tr("Status:"), statusRow);
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
    layout->addWidget(filterBox);

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
    connect(
        mIncidentView, &QTableView::doubleClicked, this,
        [this](const QModelIndex& index)
        {
            const QModelIndex source = static_cast<QSortFilterProxyModel*>(mIncidentView->model())->mapToSource(index);
            if (!source.isValid())
                return;
            const auto& row = mIncidentModel->table().rows.at(static_cast<std::size_t>(source.row()));
            emit zoomToArea(mBy->currentData().toString() == QLatin1String("community") ? QStringLiteral("communities")
                                                                                        : QStringLiteral("grids"),
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

void AnalysisDock::buildResultTab(const QString& key, QWidget* controls)
{
    auto tab = std::make_unique<ResultTab>();
    auto* scroll = new QScrollArea(mTabs);
    scroll->setWidgetResizable(true);
    tab->page = new QWidget(scroll);
    scroll->setWidget(tab->page);
    auto* layout = new QVBoxLayout(tab->page);
    controls->setParent(tab->page);
    layout->addWidget(controls);
    auto* row = new QHBoxLayout;
    tab->run = new QPushButton(tab->page);
    tab->run->setObjectName(key + QStringLiteral("Run"));
    tab->column = new QComboBox(tab->page);
    tab->map = new QPushButton(tab->page);
    tab->exportButton = new QPushButton(tab->page);
    row->addWidget(tab->run);
    row->addWidget(tab->column, 1);
    row->addWidget(tab->map);
    row->addWidget(tab->exportButton);
    layout->addLayout(row);
    tab->summary = new QLabel(tab->page);
    tab->summary->setObjectName(key + QStringLiteral("Summary"));
    tab->summary->setWordWrap(true);
    tab->summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(tab->summary);
    tab->model = new StatsTableModel(this);
    tab->view = makeTableView(tab->model, tab->page);
    layout->addWidget(tab->view, 1);
    connect(tab->run, &QPushButton::clicked, this, [this, key] { runTab(key); });
    // Drill down: a double-clicked row flies to its area (a community, a grid cell; a place's point).
    connect(tab->view, &QTableView::doubleClicked, this,
            [this, key](const QModelIndex& index)
            {
                const ResultTab& result = *mResults.at(key);
                const auto& table = result.model->table();
                const QModelIndex source =
                    static_cast<QSortFilterProxyModel*>(result.view->model())->mapToSource(index);
                if (!source.isValid() || table.columns.empty() || result.areaTable.isEmpty())
                    return;
                const auto& row = table.rows.at(static_cast<std::size_t>(source.row()));
                emit zoomToArea(result.areaTable, static_cast<qint64>(data::StatsTable::number(row.front())));
            });
    connect(tab->map, &QPushButton::clicked, this, [this, key] { mapTable(key); });
    connect(tab->exportButton, &QPushButton::clicked, this, [this, key] { exportTable(key); });
    mTabs->addTab(scroll, QString());
    mResults[key] = std::move(tab);
}

void AnalysisDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void AnalysisDock::retranslateUi()
{
    setWindowTitle(tr("Analysis"));
    mTabs->setTabText(0, tr("Incidents"));
    mTabs->setTabText(1, tr("Hot spots"));
    mTabs->setTabText(2, tr("Party coverage"));
    mTabs->setTabText(3, tr("Service coverage"));
    mTabs->setTabText(4, tr("Recurring places"));
    mTabs->setTabText(5, tr("Camera coverage"));
    mPlay->setText(mTimer->isActive() ? tr("Pause") : tr("Play"));
    mStep->setItemText(0, tr("by hour"));
    mStep->setItemText(1, tr("by day"));
    mStep->setItemText(2, tr("by week"));
    mTimeSplit->setItemText(0, tr("Over time by category"));
    mTimeSplit->setItemText(1, tr("Over time by source"));
    for (QCheckBox* box : mSourceBoxes)
        box->setText(AnalysisInputs::sourceName(box->property("code").toString().toStdString()));
    for (QCheckBox* box : mStatusBoxes)
        box->setText(AnalysisInputs::statusName(box->property("code").toString().toStdString()));
    for (int i = 0; i < mKind->count(); ++i)
        mKind->setItemText(i, LayerNames::stationKindName(mKind->itemData(i).toString().toStdString()));
    for (auto& [key, tab] : mResults)
    {
        tab->run->setText(tr("Run"));
        tab->map->setText(tr("Show on Map"));
        tab->exportButton->setText(tr("Export…"));
    }
}

void AnalysisDock::setProject(const QString& path)
{
    mPath = path;
    mCategories = AnalysisInputs::readCategories(path.toStdString());
    // Community names for the area filter.
    {
        const QSignalBlocker blocker(mArea);
        mArea->clear();
        mArea->addItem(tr("Whole district"), QVariant());
        if (auto database = data::Database::open(path.toStdString(), data::Database::Mode::ReadOnly))
            if (auto query = database->prepare("SELECT id, name FROM communities ORDER BY id"))
                query->forEachRow(
                    [this](const data::Statement& row) {
                        mArea->addItem(QString::fromStdString(row.columnText(1)),
                                       QVariant::fromValue<qint64>(row.columnInt64(0)));
                    });
    }
    reloadSavedFilters();
    auto* watcher = new QFutureWatcher<data::Result<data::IncidentStore>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, path]
            {
                auto result = watcher->result();
                watcher->deleteLater();
                if (path != mPath)
                    return;
                if (!result)
                {
                    mKpi->setText(ErrorText::describe(result.error()).toHtmlEscaped());
                    return;
                }
                setStore(std::make_shared<const data::IncidentStore>(std::move(result.value())));
            });
    watcher->setFuture(QtConcurrent::run([file = path.toStdString()] { return data::IncidentStore::load(file); }));
}

void AnalysisDock::setStore(std::shared_ptr<const data::IncidentStore> store)
{
    mStore = std::move(store);
    mUpdating = true;
    {
        const QSignalBlocker blocker(mCategoryList);
        mCategoryList->clear();
        for (const std::string& code : mStore->codes().categories)
        {
            auto* item = new QListWidgetItem(AnalysisInputs::categoryName(mCategories, code), mCategoryList);
            item->setData(Qt::UserRole, QString::fromStdString(code));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    // The time range: the incidents' span, in whole days.
    std::uint32_t first = std::numeric_limits<std::uint32_t>::max(), last = 0;
    for (std::uint32_t t : mStore->columns().reported)
    {
        first = std::min(first, t);
        last = std::max(last, t);
    }
    if (mStore->empty())
        first = last = static_cast<std::uint32_t>(QDateTime::currentSecsSinceEpoch());
    const QDate firstDay = QDateTime::fromSecsSinceEpoch(first, Beijing).date();
    const QDate lastDay = QDateTime::fromSecsSinceEpoch(last, Beijing).date().addDays(1);
    for (QDateTimeEdit* edit : {mFrom, mTo})
    {
        const QSignalBlocker blocker(edit);
        edit->setDateTimeRange(QDateTime(firstDay.addYears(-1), QTime(0, 0), Qt::UTC),
                               QDateTime(lastDay.addYears(1), QTime(0, 0), Qt::UTC));
    }
    {
        const QSignalBlocker from(mFrom), to(mTo);
        mFrom->setDateTime(QDateTime(firstDay, QTime(0, 0), Qt::UTC));
        mTo->setDateTime(QDateTime(lastDay, QTime(0, 0), Qt::UTC));
    }
    mWeek->setDate(lastDay.addDays(-14));
    mUpdating = false;
    updateSlider();
    refreshIncidents(true);
    emit incidentsLoaded();
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

const data::StatsTable& AnalysisDock::incidentTable() const
{
    return mIncidentModel->table();
}

const data::StatsTable& AnalysisDock::tableOf(const QString& tab) const
{
    return mResults.at(tab)->model->table();
}

QChartView* AnalysisDock::chart(const QString& name) const
{
    if (name == QLatin1String("time"))
        return mTimeChart;
    if (name == QLatin1String("response"))
        return mResponseChart;
    if (name == QLatin1String("top"))
        return mTopChart;
    return mScatterChart;
}

QString AnalysisDock::kpiText() const
{
    return mKpi->text();
}

void AnalysisDock::refreshIncidents(bool full)
{
    if (!mStore || mUpdating)
        return;
    const data::IncidentFilter filter = currentFilter();
    const data::AreaLevel level = mBy->currentData().toString() == QLatin1String("community")
                                      ? data::AreaLevel::Community
                                      : data::AreaLevel::Grid;
    // While playing, large stores only recount (tens of milliseconds for millions); the table and charts follow
    // when playing stops.
    const bool light = !full && mStore->size() > 2'000'000;
    data::StatsTable table;
    if (light)
    {
        const data::AreaCounts counts = data::countByArea(*mStore, filter);
        table.columns = {data::areaIdColumn(level), "count"};
        const auto& ids = level == data::AreaLevel::Grid ? mStore->codes().gridIds : mStore->codes().communityIds;
        for (std::size_t i = 0; i < ids.size(); ++i)
            table.rows.push_back(
                {ids[i], static_cast<std::int64_t>(level == data::AreaLevel::Grid ? counts.perGrid[i]
                                                                                  : counts.perCommunity[i])});
    }
    else
        table = data::incidentStatsTable(*mStore, filter, level);

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
    if (openColumn >= 0)
    {
        const data::LifecycleByArea life = data::lifecycle(*mStore, filter);
        mKpi->setText(tr("<b>%1</b> incidents · <b>%2</b> open · <b>%3</b> overdue · found by camera AI <b>%4%</b> · "
                         "median time to close <b>%5 h</b> (90%: %6 h)")
                          .arg(total)
                          .arg(open)
                          .arg(overdue)
                          .arg(total ? 100.0 * aiWeighted / static_cast<double>(total) : 0.0, 0, 'f', 1)
                          .arg(life.overall.toClose.medianHours, 0, 'f', 1)
                          .arg(life.overall.toClose.p90Hours, 0, 'f', 1));
    }
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
        emit showOnMap(level == data::AreaLevel::Grid ? QStringLiteral("grids") : QStringLiteral("communities"), values,
                       tr("Incidents: %1").arg(mMapColumn->currentText()), mColumns->isChecked());
    }
    if (!light)
        updateCharts(filter);
    emit filterChanged();
}

} // namespace citytwin::app
