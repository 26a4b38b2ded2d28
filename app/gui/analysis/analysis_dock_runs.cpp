#include "app/gui/analysis/analysis_dock.hpp"

#include "data/project/schema.hpp"

#include "app/common/error_text.hpp"
#include "app/common/hotspot_statements.hpp"
#include "app/gui/stats_table_model.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/project/project_store.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <fstream>

#include "app/gui/analysis/analysis_dock_parts.hpp"

namespace citytwin::app
{
using analysis::Beijing;
using analysis::fillColumns;
using analysis::toEdit;

namespace
{
bool hasStatement(const std::vector<data::StatsTable::Value>& row, int statement)
{
    return !std::holds_alternative<std::monostate>(row[static_cast<std::size_t>(statement)]);
}
} // namespace

void AnalysisDock::runTab(const QString& key)
{
    if (mPath.isEmpty())
        return;
    if (key == QLatin1String("hotspots"))
        runHotspots();
    else if (key == QLatin1String("party"))
        runParty();
    else if (key == QLatin1String("services"))
        runServices();
    else if (key == QLatin1String("recurring"))
        runRecurring();
    else if (key == QLatin1String("cameras"))
        runCameras();
}

template <typename Outcome>
void AnalysisDock::runInBackground(const QString& key, std::function<Outcome()> work,
                                   std::function<void(ResultTab&, Outcome&)> show)
{
    ResultTab& tab = *mResults.at(key);
    const int run = ++tab.runs;
    tab.page->setCursor(Qt::BusyCursor);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, key, run, show = std::move(show)]
            {
                Outcome outcome = watcher->future().takeResult();
                watcher->deleteLater();
                ResultTab& finished = *mResults.at(key);
                if (run != finished.runs)
                    return; // the tab was run again, or another project opened, meanwhile
                finished.page->unsetCursor();
                show(finished, outcome);
            });
    // The work holds copies of what it reads (the path, options, the filter, a reference on the store), so it may
    // outlive the dock.
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void AnalysisDock::showTable(const QString& key, data::StatsTable table)
{
    ResultTab& tab = *mResults.at(key);
    fillColumns(tab.column, table, tab.preferredColumn);
    // Hot spots: the most significant changes first; the other tables by id (or size, for places).
    const int order = key == QLatin1String("hotspots") ? table.columnIndex("p_value") : 0;
    tab.model->setTable(std::move(table));
    if (order >= 0)
        tab.view->sortByColumn(order, Qt::AscendingOrder);
    mapTable(key);
    emit analysisFinished(key);
}

void AnalysisDock::showError(ResultTab& tab, const QString& key, const data::Error& error)
{
    tab.summary->setText(ErrorText::describe(error));
    emit analysisFinished(key);
}

void AnalysisDock::runHotspots()
{
    if (!mStore)
        return;
    const QDate day = mWeek->date();
    const QDate monday = day.addDays(1 - day.dayOfWeek());
    data::HotspotOptions options;
    options.weekStart = QDateTime(monday, QTime(0, 0), Beijing).toSecsSinceEpoch();
    options.weeksBefore = mWeeksBefore->value();
    data::IncidentFilter filter = currentFilter();
    filter.from.reset();
    filter.to.reset();
    using Outcome = data::Result<data::HotspotRun>;
    runInBackground<Outcome>(
        QStringLiteral("hotspots"),
        [path = mPath.toStdString(), store = mStore, filter, options]
        { return data::runHotspots(path, *store, filter, options); },
        [this, monday, weeksBefore = options.weeksBefore](ResultTab& tab, Outcome& run)
        {
            if (!run)
                return showError(tab, QStringLiteral("hotspots"), run.error());
            showHotspots(tab, *run, monday, weeksBefore);
        });
}

void AnalysisDock::showHotspots(ResultTab& tab, data::HotspotRun& run, const QDate& monday, int weeksBefore)
{
    data::StatsTable table = std::move(run.table);
    HotspotStatements::add(table,
                           [this](const std::string& code) { return AnalysisInputs::categoryName(mCategories, code); });
    // Grids with something to say first.
    const int statement = table.columnIndex("statement");
    std::stable_partition(table.rows.begin(), table.rows.end(),
                          [statement](const auto& row) { return hasStatement(row, statement); });
    QStringList lines;
    for (const auto& row : table.rows)
        if (hasStatement(row, statement) && lines.size() < 8)
            lines << QString::fromStdString(std::get<std::string>(row[static_cast<std::size_t>(statement)]));
    const auto said = std::count_if(table.rows.begin(), table.rows.end(),
                                    [statement](const auto& row) { return hasStatement(row, statement); });
    tab.summary->setText(tr("Week of %1 against the %2 weeks before: %3 grid cells with a significant change.")
                             .arg(monday.toString(Qt::ISODate))
                             .arg(weeksBefore)
                             .arg(said) +
                         QStringLiteral("\n") + lines.join(QStringLiteral("\n")));
    showTable(QStringLiteral("hotspots"), std::move(table));
}

void AnalysisDock::runParty()
{
    const bool grids = mPartyBy->currentData().toString() == QLatin1String("grid");
    // The coverage, and with incidents loaded, each grid's coverage against its handling time.
    struct Outcome
    {
        data::Result<data::PartyRun> run;
        std::optional<data::PartyHandling> handling;
    };
    runInBackground<Outcome>(
        QStringLiteral("party"),
        [path = mPath.toStdString(), store = mStore, filter = currentFilter(),
         level = grids ? data::AreaLevel::Grid : data::AreaLevel::Community]
        {
            Outcome outcome{data::runPartyCoverage(path, level), std::nullopt};
            if (outcome.run && store)
                outcome.handling = data::partyAgainstHandling(outcome.run->coverage, *store, filter);
            return outcome;
        },
        [this, grids](ResultTab& tab, Outcome& outcome)
        {
            if (!outcome.run)
                return showError(tab, QStringLiteral("party"), outcome.run.error());
            tab.areaTable = QLatin1String(grids ? data::schema::grids::Table : data::schema::communities::Table);
            showParty(tab, *outcome.run, outcome.handling ? &*outcome.handling : nullptr);
        });
}

void AnalysisDock::showParty(ResultTab& tab, data::PartyRun& run, const data::PartyHandling* handling)
{
    const data::PartyCoverage& coverage = run.coverage;
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
    if (handling)
        showPartyScatter(*handling);
    showTable(QStringLiteral("party"), std::move(run.table));
}

void AnalysisDock::runServices()
{
    data::ServiceRunOptions options;
    options.kind = mKind->currentData().toString().toStdString();
    options.distances = {static_cast<double>(mDistance->value())};
    options.suggestions = 3;
    using Outcome = data::Result<data::ServiceRun>;
    runInBackground<Outcome>(
        QStringLiteral("services"),
        [path = mPath.toStdString(), options] { return data::runServiceCoverage(path, options); },
        [this](ResultTab& tab, Outcome& run)
        {
            if (!run)
                return showError(tab, QStringLiteral("services"), run.error());
            showServices(tab, *run);
        });
}

void AnalysisDock::showServices(ResultTab& tab, data::ServiceRun& run)
{
    const data::ServiceCoverage& coverage = run.coverage;
    QStringList sites;
    for (const data::SiteSuggestion& site : run.sites)
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
    showTable(QStringLiteral("services"), std::move(run.table));
}

void AnalysisDock::runRecurring()
{
    if (!mStore)
        return;
    data::RecurringOptions options;
    options.distance = mRecurringDistance->value();
    options.window = static_cast<std::int64_t>(mRecurringDays->value()) * 86400;
    options.minimumCount = static_cast<std::size_t>(mRecurringMinimum->value());
    runInBackground<data::RecurringRun>(
        QStringLiteral("recurring"),
        [store = mStore, filter = currentFilter(), options] { return data::runRecurring(*store, filter, options); },
        [this, options, days = mRecurringDays->value()](ResultTab& tab, data::RecurringRun& run)
        { showRecurring(tab, run, options, days); });
}

void AnalysisDock::showRecurring(ResultTab& tab, data::RecurringRun& run, const data::RecurringOptions& options,
                                 int days)
{
    const data::StatsTable& table = run.table;
    // The places on the map: a point each, with its category and count.
    auto places = std::make_shared<data::VectorLayer>();
    places->name = "incidents (recurring places)";
    places->role = data::LayerRole::RecurringPlaces;
    places->derivedFrom.sourceLayer = data::schema::incidents::Table;
    places->sourcePath = mPath.toStdString();
    places->kind = data::GeometryKind::Point;
    places->fieldNames = {"place", "category", "count", "first", "last"};
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
    }
    tab.summary->setText(tr("%1 places where incidents of one category came back within %2 m and %3 days (at "
                            "least %4 each), %5 incidents in all; the largest first. Double-click a row to fly "
                            "there.")
                             .arg(table.rows.size())
                             .arg(options.distance)
                             .arg(days)
                             .arg(options.minimumCount)
                             .arg(run.incidents));
    emit analysisLayer(places);
    showTable(QStringLiteral("recurring"), std::move(run.table));
}

void AnalysisDock::runCameras()
{
    // With incidents loaded, the table counts each grid's camera-AI detections.
    struct Outcome
    {
        data::Result<data::CameraRun> run;
        std::shared_ptr<const data::VectorLayer> seenGround;
    };
    runInBackground<Outcome>(
        QStringLiteral("cameras"),
        [path = mPath.toStdString(), store = mStore]
        {
            Outcome outcome{data::runCameraCoverage(path, store.get()), nullptr};
            if (outcome.run)
                outcome.seenGround =
                    std::make_shared<const data::VectorLayer>(data::seenGroundLayer(outcome.run->coverage, path));
            return outcome;
        },
        [this](ResultTab& tab, Outcome& outcome)
        {
            if (!outcome.run)
                return showError(tab, QStringLiteral("cameras"), outcome.run.error());
            showCameras(tab, *outcome.run, std::move(outcome.seenGround));
        });
}

void AnalysisDock::showCameras(ResultTab& tab, data::CameraRun& run,
                               std::shared_ptr<const data::VectorLayer> seenGround)
{
    // The seen ground on the map: one polygon per camera.
    emit analysisLayer(std::move(seenGround));
    const data::CameraCoverage& coverage = run.coverage;
    tab.summary->setText(tr("%1% of open ground and %2% of street length are in view of a camera (views cut "
                            "by buildings); %3 grid cells have blind spots (under 10% of open ground in view).")
                             .arg(coverage.district.openShare * 100.0, 0, 'f', 1)
                             .arg(coverage.district.streetShare * 100.0, 0, 'f', 1)
                             .arg(coverage.blindSpotGrids.size()));
    showTable(QStringLiteral("cameras"), std::move(run.table));
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
        auto areas =
            data::readProjectLayer(mPath.toStdString(), first == "community_id" ? data::schema::communities::Table
                                                                                : data::schema::grids::Table);
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
    if (filter)
        setFilter(filter.value());
}

void AnalysisDock::setFilter(const data::IncidentFilter& filter)
{
    mUpdating = true;
    if (filter.from)
        mFrom->setDateTime(toEdit(*filter.from));
    if (filter.to)
        mTo->setDateTime(toEdit(*filter.to));
    mSlider->setValue(0);
    auto listed = [](const std::vector<std::string>& list, const std::string& code)
    { return list.empty() || std::find(list.begin(), list.end(), code) != list.end(); };
    for (int i = 0; i < mCategoryList->count(); ++i)
        mCategoryList->item(i)->setCheckState(
            listed(filter.categories, mCategoryList->item(i)->data(Qt::UserRole).toString().toStdString())
                ? Qt::Checked
                : Qt::Unchecked);
    for (QCheckBox* box : mSourceBoxes)
        box->setChecked(listed(filter.sources, box->property("code").toString().toStdString()));
    for (QCheckBox* box : mStatusBoxes)
        box->setChecked(listed(filter.statuses, box->property("code").toString().toStdString()));
    mOverdue->setChecked(filter.overdueOnly);
    int area = 0;
    if (filter.communityId)
        area = std::max(0, mArea->findData(QVariant::fromValue<qint64>(*filter.communityId)));
    else if (filter.gridIds.size() == 1)
    {
        setPickedGrid(filter.gridIds.front());
        area = std::max(0, mArea->findData(QStringLiteral("grid:%1").arg(filter.gridIds.front())));
    }
    else if (filter.polygon)
    {
        mDrawnArea = *filter.polygon;
        if (mArea->findData(QStringLiteral("drawn")) < 0)
            mArea->addItem(tr("Area drawn on the map"), QStringLiteral("drawn"));
        area = mArea->findData(QStringLiteral("drawn"));
    }
    mArea->setCurrentIndex(area);
    mUpdating = false;
    updateSlider();
    refreshIncidents(true);
}

void AnalysisDock::setDrawnArea(const data::Polygon& area)
{
    mDrawnArea = area;
    int index = mArea->findData(QStringLiteral("drawn"));
    if (index < 0)
    {
        mArea->addItem(tr("Area drawn on the map"), QStringLiteral("drawn"));
        index = mArea->count() - 1;
    }
    if (mArea->currentIndex() == index)
        refreshIncidents(true);
    else
        mArea->setCurrentIndex(index);
}

void AnalysisDock::setPickedGrid(qint64 gridId)
{
    const QString key = QStringLiteral("grid:%1").arg(gridId);
    // One picked grid cell at a time in the list.
    for (int i = mArea->count() - 1; i >= 0; --i)
        if (mArea->itemData(i).typeId() == QMetaType::QString &&
            mArea->itemData(i).toString().startsWith(QLatin1String("grid:")) && mArea->itemData(i).toString() != key &&
            i != mArea->currentIndex())
            mArea->removeItem(i);
    if (mArea->findData(key) < 0)
        mArea->addItem(tr("Grid cell %1 (picked on the map)").arg(gridId), key);
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

} // namespace citytwin::app
