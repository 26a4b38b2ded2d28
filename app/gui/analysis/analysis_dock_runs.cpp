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
using analysis::toEdit;

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
    // Hot spots: the most significant changes first; the other tables by id (or size, for places).
    const int order = key == QLatin1String("hotspots") ? table.columnIndex("p_value") : 0;
    tab.model->setTable(std::move(table));
    if (order >= 0)
        tab.view->sortByColumn(order, Qt::AscendingOrder);
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
