#include "analysis_dock.hpp"

#include "error_text.hpp"
#include "layer_names.hpp"
#include "stats_command.hpp"
#include "stats_table_model.hpp"

#include "data/analysis_tables.hpp"
#include "data/gpkg_records.hpp"
#include "data/project_store.hpp"
#include "data/sqlite_database.hpp"
#include "data/vector_source.hpp"

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

namespace citytwin::app
{
namespace
{
const QTimeZone Beijing(AnalysisInputs::DistrictUtcOffsetMinutes * 60);
constexpr qint64 BeijingOffset = AnalysisInputs::DistrictUtcOffsetMinutes * 60;

/// The date-time edits show Beijing wall-clock time whatever the machine's zone: they hold UTC date-times
/// shifted by the district's offset.
QDateTime toEdit(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds + BeijingOffset, Qt::UTC);
}

std::int64_t fromEdit(const QDateTime& shown)
{
    return shown.toSecsSinceEpoch() - BeijingOffset;
}

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

/// Fills a combo with the numeric columns of a table (after the id), keeping the current choice.
void fillColumns(QComboBox* combo, const data::StatsTable& table, const QString& preferred)
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

/// Puts a bar chart of one set (counts per label) into a view, replacing its chart.
void setBarChart(QChartView* view, QBarSet* set, const QStringList& labels, const QString& title,
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
} // namespace

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
};

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
    form->addRow(tr("Area:"), mArea);

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
    if (mArea->currentData().isValid())
        filter.communityId = mArea->currentData().toLongLong();
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

std::vector<data::Position> AnalysisDock::filteredPositions(data::Extent* extent) const
{
    std::vector<data::Position> points;
    if (!mStore)
        return points;
    const std::vector<std::uint32_t> chosen = data::select(*mStore, currentFilter());
    points.reserve(chosen.size());
    for (std::uint32_t i : chosen)
    {
        const data::Position p = mStore->position(i);
        if (std::isfinite(p.x) && std::isfinite(p.y))
        {
            points.push_back(p);
            if (extent)
                extent->include(p.x, p.y);
        }
    }
    return points;
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

void AnalysisDock::updateCharts(const data::IncidentFilter& filter)
{
    // Incidents over time, per category (the six largest), by day or by week for long ranges.
    {
        const std::int64_t span = filter.to.value_or(0) - filter.from.value_or(0);
        const data::TimeBucket bucket = span > 120 * 86400 ? data::TimeBucket::Week
                                        : span > 4 * 86400 ? data::TimeBucket::Day
                                                           : data::TimeBucket::Hour;
        const data::TimeSeries series = data::timeSeries(*mStore, filter, bucket, data::SeriesSplit::Category,
                                                         AnalysisInputs::DistrictUtcOffsetMinutes);
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
            line->setName(AnalysisInputs::categoryName(mCategories, series.names[s]));
            for (std::size_t b = 0; b < series.counts[s].size(); ++b)
            {
                line->append(static_cast<double>(series.start + static_cast<std::int64_t>(b) * series.bucketSeconds) *
                                 1000.0,
                             series.counts[s][b]);
                maximum = std::max(maximum, static_cast<double>(series.counts[s][b]));
            }
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
        const std::vector<double> edges = {0, 2, 4, 8, 12, 24, 48, 72, 168};
        const data::Histogram histogram = data::closeTimeHistogram(*mStore, filter, edges);
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
        const data::AreaCounts counts = data::countByArea(*mStore, filter);
        const std::vector<data::GridCount> top = data::topGrids(*mStore, counts, 10);
        auto* set = new QBarSet(tr("Incidents"));
        QStringList labels;
        for (const data::GridCount& grid : top)
        {
            *set << grid.count;
            labels << QString::number(grid.gridId);
        }
        setBarChart(mTopChart, set, labels, tr("Top 10 grid cells"), tr("grid cell"));
    }
}

void AnalysisDock::runTab(const QString& key)
{
    ResultTab& tab = *mResults.at(key);
    if (mPath.isEmpty())
        return;
    const std::string path = mPath.toStdString();
    auto report = [&tab](const data::Error& error) { tab.summary->setText(ErrorText::describe(error)); };
    QApplication::setOverrideCursor(Qt::WaitCursor);
    data::StatsTable table;
    if (key == QLatin1String("hotspots"))
    {
        if (!mStore)
        {
            QApplication::restoreOverrideCursor();
            return;
        }
        auto grids = AnalysisInputs::readLayer(path, "grids");
        if (!grids)
        {
            QApplication::restoreOverrideCursor();
            return report(grids.error());
        }
        const QDate day = mWeek->date();
        const QDate monday = day.addDays(1 - day.dayOfWeek());
        data::HotspotOptions options;
        options.weekStart = QDateTime(monday, QTime(0, 0), Beijing).toSecsSinceEpoch();
        options.weeksBefore = mWeeksBefore->value();
        data::IncidentFilter filter = currentFilter();
        filter.from.reset();
        filter.to.reset();
        table = data::hotspotStatsTable(*mStore, filter, data::gridAdjacency(*grids), options);
        StatsCommand::addHotspotStatements(table, [this](const std::string& code)
                                           { return AnalysisInputs::categoryName(mCategories, code); });
        // Grids with something to say first.
        const int statement = table.columnIndex("statement");
        std::stable_partition(table.rows.begin(), table.rows.end(),
                              [statement](const auto& row)
                              { return !std::holds_alternative<std::monostate>(row[statement]); });
        QStringList lines;
        for (const auto& row : table.rows)
            if (!std::holds_alternative<std::monostate>(row[statement]) && lines.size() < 8)
                lines << QString::fromStdString(std::get<std::string>(row[statement]));
        const auto said = std::count_if(table.rows.begin(), table.rows.end(),
                                        [statement](const auto& row)
                                        { return !std::holds_alternative<std::monostate>(row[statement]); });
        tab.summary->setText(tr("Week of %1 against the %2 weeks before: %3 grid cells with a significant change.")
                                 .arg(monday.toString(Qt::ISODate))
                                 .arg(options.weeksBefore)
                                 .arg(said) +
                             QStringLiteral("\n") + lines.join(QStringLiteral("\n")));
    }
    else if (key == QLatin1String("party"))
    {
        auto buildings = AnalysisInputs::readLayer(path, "buildings");
        auto orgs = AnalysisInputs::readLayer(path, "party_orgs");
        auto links = AnalysisInputs::readLayer(path, "party_links");
        if (!buildings || !orgs || !links)
        {
            QApplication::restoreOverrideCursor();
            return report(!buildings ? buildings.error() : !orgs ? orgs.error() : links.error());
        }
        auto b = data::readBuildings(*buildings);
        auto o = data::readPartyOrgs(*orgs);
        auto l = data::readPartyLinks(*links);
        if (!b || !o || !l)
        {
            QApplication::restoreOverrideCursor();
            return report(!b ? b.error() : !o ? o.error() : l.error());
        }
        const data::PartyCoverage coverage = data::partyCoverage(*b, *o, *l);
        const bool grids = mPartyBy->currentData().toString() == QLatin1String("grid");
        table = data::partyStatsTable(coverage, grids ? data::AreaLevel::Grid : data::AreaLevel::Community);
        tab.areaTable = grids ? QStringLiteral("grids") : QStringLiteral("communities");
        const auto below = data::rowsBelow(coverage.communities, data::PartyMeasure::LinkShare, 0.2);
        tab.summary->setText(tr("District: %1 of %2 residential buildings have a building group (%3%); %4% of "
                                "households are reached by a 1+10 link. Gaps: %5 populated grid cells without a "
                                "branch, %6 residential buildings without a group, %7 communities below 20% of "
                                "households linked.")
                                 .arg(coverage.district.residentialWithGroup)
                                 .arg(coverage.district.residentialBuildings)
                                 .arg(coverage.district.groupShare * 100.0, 0, 'f', 1)
                                 .arg(coverage.district.linkShare * 100.0, 0, 'f', 1)
                                 .arg(coverage.gridsWithoutBranch.size())
                                 .arg(coverage.buildingsWithoutGroup.size())
                                 .arg(below.size()));
        QList<qint64> gaps;
        for (std::int64_t id : coverage.buildingsWithoutGroup)
            gaps << id;
        emit highlightBuildings(gaps);
        // Coverage against handling time per grid: a scatter with the correlation.
        if (mStore)
        {
            const data::StatsTable perGrid = data::partyStatsTable(coverage, data::AreaLevel::Grid);
            const data::StatsTable incidents =
                data::incidentStatsTable(*mStore, currentFilter(), data::AreaLevel::Grid);
            std::map<std::int64_t, double> closeHours;
            const int close = incidents.columnIndex("median_close_h");
            for (const auto& row : incidents.rows)
                closeHours[static_cast<std::int64_t>(data::StatsTable::number(row[0]))] =
                    data::StatsTable::number(row[static_cast<std::size_t>(close)]);
            std::vector<double> x, y;
            const int share = perGrid.columnIndex("link_share"), households = perGrid.columnIndex("households");
            auto* points = new QScatterSeries;
            points->setMarkerSize(5.0);
            points->setName(tr("Grid cells"));
            for (const auto& row : perGrid.rows)
            {
                const auto found = closeHours.find(static_cast<std::int64_t>(data::StatsTable::number(row[0])));
                if (found == closeHours.end() || !std::isfinite(found->second) ||
                    data::StatsTable::number(row[static_cast<std::size_t>(households)]) <= 0)
                    continue;
                x.push_back(data::StatsTable::number(row[static_cast<std::size_t>(share)]));
                y.push_back(found->second);
                points->append(x.back() * 100.0, y.back());
            }
            QChart* chart = new QChart;
            chart->setTitle(tr("1+10 links against time to close, per grid cell<br>Pearson r = %1, Spearman ρ = %2 "
                               "(%3 cells)")
                                .arg(data::pearson(x, y), 0, 'f', 2)
                                .arg(data::spearman(x, y), 0, 'f', 2)
                                .arg(x.size()));
            chart->addSeries(points);
            auto* axisX = new QValueAxis;
            axisX->setRange(0.0, 100.0);
            axisX->setLabelFormat(QStringLiteral("%d"));
            axisX->setTitleText(tr("households linked (%)"));
            auto* axisY = new QValueAxis;
            axisY->setRange(0.0, y.empty() ? 1.0 : *std::max_element(y.begin(), y.end()));
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
    }
    else if (key == QLatin1String("services"))
    {
        auto b = data::readBuildingRecords(path);
        auto s = data::readStationRecords(path);
        if (!b || !s)
        {
            QApplication::restoreOverrideCursor();
            return report(!b ? b.error() : s.error());
        }
        data::ServiceCoverageOptions options;
        options.kind = mKind->currentData().toString().toStdString();
        options.distances = {static_cast<double>(mDistance->value())};
        const data::ServiceCoverage coverage = data::serviceCoverage(*b, *s, options);
        table = data::serviceStatsTable(coverage, *s);
        data::SiteSuggestionOptions siteOptions;
        siteOptions.kind = options.kind;
        siteOptions.distance = options.distances.front();
        siteOptions.count = 3;
        QStringList sites;
        for (const data::SiteSuggestion& site : data::suggestSites(*b, *s, siteOptions))
            sites << tr("building %1 (+%2 people, %3% covered after it)")
                         .arg(site.buildingId)
                         .arg(site.peopleGained)
                         .arg(site.shareAfter * 100.0, 0, 'f', 1);
        const data::ServiceLevel& level = coverage.levels.front();
        const QString group = coverage.group == data::TargetGroup::Elderly    ? tr("elderly residents")
                              : coverage.group == data::TargetGroup::Children ? tr("children")
                                                                              : tr("residents");
        tab.summary->setText(tr("%1 of %2 %3 (%4%) live within %5 m of a station; %6 buildings are not covered. "
                                "Where to put the next stations: %7.")
                                 .arg(level.district.covered)
                                 .arg(level.district.people)
                                 .arg(group)
                                 .arg(level.district.share * 100.0, 0, 'f', 1)
                                 .arg(level.distance)
                                 .arg(level.uncovered.size())
                                 .arg(sites.join(tr("; "))));
        QList<qint64> uncovered;
        for (const data::UncoveredBuilding& building : level.uncovered)
            uncovered << building.id;
        emit highlightBuildings(uncovered);
    }
    else if (key == QLatin1String("recurring"))
    {
        if (!mStore)
        {
            QApplication::restoreOverrideCursor();
            return;
        }
        data::RecurringOptions options;
        options.distance = mRecurringDistance->value();
        options.window = static_cast<std::int64_t>(mRecurringDays->value()) * 86400;
        options.minimumCount = static_cast<std::size_t>(mRecurringMinimum->value());
        table = data::recurringStatsTable(*mStore, currentFilter(), options);
        // The places on the map: a point each, with its category and count.
        auto places = std::make_shared<data::VectorLayer>();
        places->name = "incidents (recurring places)";
        places->sourcePath = path;
        places->kind = data::GeometryKind::Point;
        places->fieldNames = {"place", "category", "count", "first", "last"};
        std::int64_t members = 0;
        for (const auto& row : table.rows)
        {
            data::Feature feature;
            feature.fid = static_cast<std::int64_t>(data::StatsTable::number(row[0]));
            const double x = data::StatsTable::number(row[3]), y = data::StatsTable::number(row[4]);
            feature.points.push_back({x, y, 0.0});
            feature.values = {data::StatsTable::text(row[0]),
                              AnalysisInputs::categoryName(mCategories, data::StatsTable::text(row[1])).toStdString(),
                              data::StatsTable::text(row[2]), data::StatsTable::text(row[6]),
                              data::StatsTable::text(row[7])};
            places->extent.include(x, y);
            places->features.push_back(std::move(feature));
            members += static_cast<std::int64_t>(data::StatsTable::number(row[2]));
        }
        tab.summary->setText(tr("%1 places where incidents of one category came back within %2 m and %3 days (at "
                                "least %4 each), %5 incidents in all; the largest first. Double-click a row to fly "
                                "there.")
                                 .arg(table.rows.size())
                                 .arg(options.distance)
                                 .arg(mRecurringDays->value())
                                 .arg(options.minimumCount)
                                 .arg(members));
        emit analysisLayer(places);
    }
    else if (key == QLatin1String("cameras"))
    {
        auto cameras = AnalysisInputs::readLayer(path, "cameras");
        auto buildings = AnalysisInputs::readLayer(path, "buildings");
        auto grids = AnalysisInputs::readLayer(path, "grids");
        if (!cameras || !buildings || !grids)
        {
            QApplication::restoreOverrideCursor();
            return report(!cameras ? cameras.error() : !buildings ? buildings.error() : grids.error());
        }
        auto roads = AnalysisInputs::readLayer(path, "roads");
        auto records = data::readCameras(*cameras);
        if (!records)
        {
            QApplication::restoreOverrideCursor();
            return report(records.error());
        }
        const data::CameraCoverage coverage =
            data::cameraCoverage(*records, *buildings, *grids, roads ? &roads.value() : nullptr, {});
        table = data::cameraStatsTable(coverage, *records, *cameras, mStore.get());
        // The seen ground on the map: one polygon per camera.
        auto views = std::make_shared<data::VectorLayer>();
        views->name = "cameras (seen ground)";
        views->sourcePath = path;
        views->kind = data::GeometryKind::Polygon;
        views->fieldNames = {"camera_id", "area_m2"};
        for (const data::CameraView& view : coverage.views)
        {
            if (view.polygon.size() < 3)
                continue;
            data::Feature feature;
            feature.fid = view.cameraId;
            feature.polygons.push_back({{view.polygon}});
            feature.values = {std::to_string(view.cameraId), std::to_string(view.area)};
            for (const data::Position& p : view.polygon)
                views->extent.include(p.x, p.y);
            views->features.push_back(std::move(feature));
        }
        emit analysisLayer(views);
        tab.summary->setText(tr("%1% of open ground and %2% of street length are in view of a camera (views cut "
                                "by buildings); %3 grid cells have blind spots (under 10% of open ground in view).")
                                 .arg(coverage.district.openShare * 100.0, 0, 'f', 1)
                                 .arg(coverage.district.streetShare * 100.0, 0, 'f', 1)
                                 .arg(coverage.blindSpotGrids.size()));
    }
    QApplication::restoreOverrideCursor();
    fillColumns(tab.column, table, tab.preferredColumn);
    tab.model->setTable(std::move(table));
    mapTable(key);
}

void AnalysisDock::mapTable(const QString& key)
{
    ResultTab& tab = *mResults.at(key);
    const data::StatsTable& table = tab.model->table();
    const int column = table.columnIndex(tab.column->currentText().toStdString());
    if (column < 0 || tab.areaTable.isEmpty())
        return;
    QHash<qint64, double> values;
    for (const auto& row : table.rows)
        values.insert(static_cast<qint64>(data::StatsTable::number(row[0])),
                      data::StatsTable::number(row[static_cast<std::size_t>(column)]));
    emit showOnMap(tab.areaTable, values,
                   mTabs->tabText(mTabs->indexOf(tab.page->parentWidget()->parentWidget())) + QStringLiteral(": ") +
                       tab.column->currentText(),
                   false);
}

void AnalysisDock::exportTable(const QString& key)
{
    const data::StatsTable& table = key == QLatin1String("incidents") ? mIncidentModel->table() : tableOf(key);
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Table"), key + QStringLiteral(".csv"),
                                                      tr("CSV (*.csv);;JSON (*.json);;GeoPackage (*.gpkg)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).exists() && QFileInfo(file).canonicalFilePath() == QFileInfo(mPath).canonicalFilePath())
    {
        QMessageBox::warning(this, tr("Export Table"), tr("Results are not written into the project itself."));
        return;
    }
    if (file.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive))
    {
        const std::string first = table.columns.empty() ? std::string() : table.columns.front();
        auto areas = AnalysisInputs::readLayer(mPath.toStdString(), first == "community_id" ? "communities" : "grids");
        auto written =
            data::writeGeoPackage(table, file.toStdString(), key.toStdString(),
                                  areas && (first == "grid_id" || first == "community_id") ? &areas.value() : nullptr);
        if (!written)
            QMessageBox::warning(this, tr("Export Table"), ErrorText::describe(written.error()));
        return;
    }
    std::ofstream out(file.toStdString(), std::ios::binary | std::ios::trunc);
    if (file.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        data::writeJson(table, out);
    else
        data::writeCsv(table, out);
    if (!out)
        QMessageBox::warning(this, tr("Export Table"), tr("%1: cannot write the file").arg(file));
}

void AnalysisDock::reloadSavedFilters()
{
    const QSignalBlocker blocker(mSaved);
    mSaved->clear();
    auto store = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
    if (!store)
        return;
    if (auto filters = store->filters())
        for (const auto& [name, json] : *filters)
            mSaved->addItem(QString::fromStdString(name), QString::fromStdString(json));
}

void AnalysisDock::saveFilter()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Filter"), tr("Name of the filter:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    auto store = data::ProjectStore::open(mPath.toStdString(), {.create = false});
    if (!store)
        return QMessageBox::warning(this, tr("Save Filter"), ErrorText::describe(store.error())), void();
    if (auto saved = store->saveFilter(name.trimmed().toStdString(), currentFilter().toJson()); !saved)
        return QMessageBox::warning(this, tr("Save Filter"), ErrorText::describe(saved.error())), void();
    reloadSavedFilters();
    mSaved->setCurrentIndex(mSaved->findText(name.trimmed()));
}

void AnalysisDock::applySavedFilter(const QString& name)
{
    const int index = mSaved->findText(name);
    if (index < 0)
        return;
    auto filter = data::IncidentFilter::fromJson(mSaved->itemData(index).toString().toStdString());
    if (!filter)
        return;
    mUpdating = true;
    if (filter->from)
        mFrom->setDateTime(toEdit(*filter->from));
    if (filter->to)
        mTo->setDateTime(toEdit(*filter->to));
    for (int i = 0; i < mCategoryList->count(); ++i)
    {
        const std::string code = mCategoryList->item(i)->data(Qt::UserRole).toString().toStdString();
        mCategoryList->item(i)->setCheckState(std::find(filter->categories.begin(), filter->categories.end(), code) !=
                                                      filter->categories.end()
                                                  ? Qt::Checked
                                                  : Qt::Unchecked);
    }
    for (QCheckBox* box : mSourceBoxes)
        box->setChecked(filter->sources.empty() ||
                        std::find(filter->sources.begin(), filter->sources.end(),
                                  box->property("code").toString().toStdString()) != filter->sources.end());
    for (QCheckBox* box : mStatusBoxes)
        box->setChecked(filter->statuses.empty() ||
                        std::find(filter->statuses.begin(), filter->statuses.end(),
                                  box->property("code").toString().toStdString()) != filter->statuses.end());
    mOverdue->setChecked(filter->overdueOnly);
    mArea->setCurrentIndex(
        filter->communityId ? std::max(0, mArea->findData(QVariant::fromValue<qint64>(*filter->communityId))) : 0);
    mUpdating = false;
    updateSlider();
    refreshIncidents(true);
}

} // namespace citytwin::app
