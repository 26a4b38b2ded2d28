#include "app/gui/analysis/analysis_dock.hpp"

#include "app/common/error_text.hpp"
#include "app/common/layer_names.hpp"
#include "app/gui/stats_table_model.hpp"

#include "data/project/schema.hpp"
#include "data/analysis/analysis_tables.hpp"
#include "data/io/sqlite_database.hpp"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>

#include <cmath>
#include <variant>
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
using analysis::makeChartView;
using analysis::makeTableView;

namespace
{

const std::vector<std::string> StationKinds = {
    "day_care",     "canteen",        "after_school",          "childcare",
    "warm_station", "service_center", "civilization_practice", "elderly_home",
    "social_work"};

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

namespace
{
/// Sorts a results table by its cells' values themselves (numbers as numbers), without making a QVariant for each
/// comparison: thousands of rows sort in a few milliseconds.
class StatsSortProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const auto* model = static_cast<const StatsTableModel*>(sourceModel());
        const auto& rows = model->table().rows;
        const auto row = [&rows](const QModelIndex& index) -> const data::StatsTable::Value*
        {
            const auto r = static_cast<std::size_t>(index.row()), c = static_cast<std::size_t>(index.column());
            return r < rows.size() && c < rows[r].size() ? &rows[r][c] : nullptr;
        };
        const data::StatsTable::Value* a = row(left);
        const data::StatsTable::Value* b = row(right);
        if (!a || !b)
            return a == nullptr && b != nullptr;
        const bool numberA = !std::holds_alternative<std::string>(*a), numberB = !std::holds_alternative<std::string>(*b);
        if (numberA && numberB)
        {
            const double x = data::StatsTable::number(*a), y = data::StatsTable::number(*b);
            // Cells without a value (NaN) last.
            if (std::isnan(x) || std::isnan(y))
                return !std::isnan(x) && std::isnan(y);
            return x < y;
        }
        if (numberA != numberB)
            return numberA;
        return QString::localeAwareCompare(QString::fromStdString(std::get<std::string>(*a)),
                                           QString::fromStdString(std::get<std::string>(*b))) < 0;
    }
};
} // namespace

QTableView* analysis::makeTableView(StatsTableModel* model, QWidget* parent)
{
    auto* proxy = new StatsSortProxy(parent);
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

QChartView* analysis::makeChartView(QWidget* parent, const QString& name)
{
    auto* view = new QChartView(new QChart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(300);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    return view;
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
    mResults[QStringLiteral("hotspots")]->areaTable = QLatin1String(data::schema::grids::Table);
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
    mResults[QStringLiteral("services")]->areaTable = QLatin1String(data::schema::communities::Table);
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
    mResults[QStringLiteral("cameras")]->areaTable = QLatin1String(data::schema::grids::Table);
    mResults[QStringLiteral("cameras")]->preferredColumn = QStringLiteral("open_share");

    retranslateUi();
}

AnalysisDock::~AnalysisDock() = default;

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
    mIncidentLoadFinished = false;
    mCategories = AnalysisInputs::readCategories(path.toStdString());
    // The runs still working on the previous project are dropped when they finish.
    for (auto& [key, tab] : mResults)
    {
        ++tab->runs;
        tab->page->unsetCursor();
    }
    // Community names for the area filter.
    {
        const QSignalBlocker blocker(mArea);
        mArea->clear();
        mArea->addItem(tr("Whole district"), QVariant());
        if (auto database = data::Database::open(path.toStdString(), data::Database::Mode::ReadOnly))
            if (auto query = database->prepare("SELECT id, name FROM communities ORDER BY id"))
                if (auto read = query->forEachRow(
                        [this](const data::Statement& row) {
                            mArea->addItem(QString::fromStdString(row.columnText(1)),
                                           QVariant::fromValue<qint64>(row.columnInt64(0)));
                        });
                    !read)
                    qWarning("cannot read the communities: %s", read.error().message().c_str());
    }
    reloadSavedFilters();
    auto* watcher = new QFutureWatcher<data::Result<data::IncidentStore>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, path]
            {
                // Taken, not copied: a copy of a million-row store would hold the GUI thread.
                auto result = watcher->future().takeResult();
                watcher->deleteLater();
                if (path != mPath)
                    return;
                mIncidentLoadFinished = true;
                if (!result)
                {
                    mKpi->setText(ErrorText::describe(result.error()).toHtmlEscaped());
                    return;
                }
                setStore(std::make_shared<const data::IncidentStore>(std::move(result.value())));
            });
    watcher->setFuture(QtConcurrent::run([file = path.toStdString()] { return data::IncidentStore::open(file); }));
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

} // namespace citytwin::app
