#pragma once

#include "app/common/analysis_inputs.hpp"

#include "data/incidents/incident_store.hpp"
#include "data/analysis/stats_table.hpp"
#include "data/core/vector_layer.hpp"

#include <QDockWidget>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

class QChartView;
class QDate;

namespace citytwin::data
{
struct CameraRun;
struct HotspotRun;
struct PartyHandling;
struct PartyRun;
struct RecurringOptions;
struct RecurringRun;
struct ServiceRun;
} // namespace citytwin::data

namespace citytwin::app
{

class StatsTableModel;

/// The Analysis dock: incidents filtered by time (with a time slider that plays by hour, day or week), category,
/// source, status, overdue and area; their KPIs, a table per grid or community and charts (over time, response
/// times, top grids), each following the filter; weekly hot spots in plain words; party, service and camera
/// coverage. Every table can be shown on the map (its areas coloured by a column, or as 3D columns) and exported.
/// The analyses of the result tabs (data/analysis/analysis_runs.hpp, the same `citytwin stats` runs) run on the
/// thread pool; their tables, summaries and map layers are shown on the GUI thread when they finish.
class AnalysisDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit AnalysisDock(QWidget* parent = nullptr);
    ~AnalysisDock() override;

    /// Analyses a project: its incidents are loaded in the background (incidentsLoaded() when done).
    void setProject(const QString& path);
    /// Sets the incidents directly (tests, tools).
    void setStore(std::shared_ptr<const data::IncidentStore> store);
    const data::IncidentStore* store() const { return mStore.get(); }
    std::shared_ptr<const data::IncidentStore> sharedStore() const { return mStore; }
    /// Whether the project's incidents finished loading (or failed to).
    bool isIncidentLoadFinished() const { return mIncidentLoadFinished; }

    /// The filter the panel shows (time range, or the slider's window while it plays).
    data::IncidentFilter currentFilter() const;
    /// The positions of the incidents that pass the current filter (project CRS), and their extent.
    std::vector<data::Position> filteredPositions(data::Extent* extent = nullptr) const;
    /// The table of the incidents tab (per grid or community).
    const data::StatsTable& incidentTable() const;
    /// The table of the tab shown last (hot spots, party, services, cameras) for tests.
    const data::StatsTable& tableOf(const QString& tab) const;
    /// The chart views: "time", "response", "top", "scatter".
    QChartView* chart(const QString& name) const;
    /// The KPI line of the incidents tab.
    QString kpiText() const;

    /// Sets the panel to a filter (a saved one, a tour stop's): time range, categories, sources, statuses, overdue,
    /// area; empty lists tick every box. The slider goes back to the whole range.
    void setFilter(const data::IncidentFilter& filter);
    /// Computes the incidents tab again and shows it on the map (after the map's layers were loaded).
    void refresh() { refreshIncidents(true); }
    /// Whether the Incidents tab's table, KPIs and charts are being recomputed for a changed filter (on the thread
    /// pool; incidentsShown follows).
    bool isRefreshing() const { return mRefreshRunning; }
    /// What the Incidents tab shows for one filter (analysis_dock_parts.hpp).
    struct IncidentView;
    /// Sets the area drawn on the map (project CRS) and filters by it.
    void setDrawnArea(const data::Polygon& area);
    /// Offers a grid cell picked on the map as the area (and filters by it).
    void setPickedGrid(qint64 gridId);
    /// Steps the time slider once (as playing does each tick); false at the end.
    bool stepTime();
    /// Runs an analysis tab as its button would: "hotspots", "party", "services", "recurring", "cameras". The
    /// analysis runs in the background: analysisFinished(tab) when its results are shown.
    void runTab(const QString& tab);

signals:
    void incidentsLoaded();
    /// The Incidents tab shows the current filter's table, KPIs and charts.
    void incidentsShown();
    /// An analysis tab's run finished and is shown (its table, summary and map layers, or the error that stopped
    /// it). A run replaced by a newer one of the same tab (or by another project) is dropped without this signal.
    void analysisFinished(const QString& tab);
    /// The user asked to draw the filter's area on the map.
    void drawAreaRequested();
    /// The incident filter changed (the time slider moved, a box was ticked, ...).
    void filterChanged();
    /// Colours the areas of a table ("grids" or "communities") by values per area id; columns: as 3D columns.
    void showOnMap(const QString& areaTable, const QHash<qint64, double>& values, const QString& title, bool columns);
    /// Asks to fly to one area of a table ("grids", "communities", "buildings") by its id (a double-clicked row).
    void zoomToArea(const QString& table, qint64 id);
    /// A layer an analysis made, to draw (replacing one of the same name): the ground the cameras see (view cones
    /// cut by buildings), recurring places.
    void analysisLayer(std::shared_ptr<const data::VectorLayer> layer);
    /// Lists buildings to highlight (uncovered by a service, without a party group): ids of the buildings table.
    void highlightBuildings(const QList<qint64>& ids);

protected:
    void changeEvent(QEvent* event) override;

private:
    // The Incidents tab (analysis_dock_incidents.cpp).
    void buildIncidentsTab();
    QGroupBox* buildFilterBox(QWidget* page);
    void addTimeRows(QWidget* filterBox, QFormLayout* form);
    void addChoiceRows(QWidget* filterBox, QFormLayout* form);
    /// Adds a box per code (named in the interface language by name) to boxes, in a two-column grid.
    QGridLayout* addCodeBoxes(const std::vector<std::string>& codes, QString (*name)(const std::string&),
                              QList<QCheckBox*>& boxes, QWidget* parent);
    void buildResultTab(const QString& key, QWidget* controls);
    void retranslateUi();
    /// Recomputes the Incidents tab for the current filter on the thread pool (one run at a time; changes during a
    /// run are taken up when it ends), then shows it (showIncidents).
    void refreshIncidents(bool full);
    void showIncidents(const IncidentView& view);
    void showCharts(const IncidentView& view);
    void updateSlider();
    void mapTable(const QString& key);
    struct ResultTab;
    // The result tabs' runs (analysis_dock_runs.cpp): each collects its inputs on the GUI thread, computes on the
    // thread pool and shows what it found back on the GUI thread.
    template <typename Outcome>
    void runInBackground(const QString& key, std::function<Outcome()> work,
                         std::function<void(ResultTab&, Outcome&)> show);
    void runHotspots();
    void runParty();
    void runServices();
    void runRecurring();
    void runCameras();
    void showHotspots(ResultTab& tab, data::HotspotRun& run, const QDate& monday, int weeksBefore);
    void showParty(ResultTab& tab, data::PartyRun& run, const data::PartyHandling* handling);
    void showPartyScatter(const data::PartyHandling& handling);
    void showServices(ResultTab& tab, data::ServiceRun& run);
    void showRecurring(ResultTab& tab, data::RecurringRun& run, const data::RecurringOptions& options, int days);
    void showCameras(ResultTab& tab, data::CameraRun& run, std::shared_ptr<const data::VectorLayer> seenGround);
    /// Shows the error that stopped a run in its tab (the table stays as it was), then says the run finished.
    void showError(ResultTab& tab, const QString& key, const data::Error& error);
    /// Shows a finished run's table in its tab and on the map, then says the run finished.
    void showTable(const QString& key, data::StatsTable table);
    void exportTable(const QString& key);
    void saveFilter();
    void applySavedFilter(const QString& name);
    void reloadSavedFilters();

    QString mPath;
    std::vector<CategoryInfo> mCategories;
    std::shared_ptr<const data::IncidentStore> mStore;
    bool mIncidentLoadFinished = false;

    QTabWidget* mTabs = nullptr;
    // The filter.
    QDateTimeEdit* mFrom = nullptr;
    QDateTimeEdit* mTo = nullptr;
    QSlider* mSlider = nullptr;
    QComboBox* mStep = nullptr;
    QPushButton* mPlay = nullptr;
    QLabel* mWindowLabel = nullptr;
    QTimer* mTimer = nullptr;
    QListWidget* mCategoryList = nullptr;
    QList<QCheckBox*> mSourceBoxes;
    QList<QCheckBox*> mStatusBoxes;
    QCheckBox* mOverdue = nullptr;
    QComboBox* mArea = nullptr;
    QComboBox* mSaved = nullptr;
    std::optional<data::Polygon> mDrawnArea;
    QComboBox* mBy = nullptr;
    QComboBox* mMapColumn = nullptr;
    QCheckBox* mColumns = nullptr;
    QCheckBox* mShowOnMap = nullptr;
    QLabel* mKpi = nullptr;
    StatsTableModel* mIncidentModel = nullptr;
    QTableView* mIncidentView = nullptr;
    QChartView* mTimeChart = nullptr;
    QComboBox* mTimeSplit = nullptr;
    QChartView* mResponseChart = nullptr;
    QChartView* mTopChart = nullptr;
    QChartView* mScatterChart = nullptr;
    // Other analyses.
    QDateEdit* mWeek = nullptr;
    QSpinBox* mWeeksBefore = nullptr;
    QComboBox* mPartyBy = nullptr;
    QComboBox* mKind = nullptr;
    QSpinBox* mDistance = nullptr;
    QSpinBox* mRecurringDistance = nullptr;
    QSpinBox* mRecurringDays = nullptr;
    QSpinBox* mRecurringMinimum = nullptr;
    QLabel* mSummary = nullptr;
    std::map<QString, std::unique_ptr<ResultTab>> mResults;
    bool mUpdating = false;
    bool mRefreshRunning = false;
    bool mRefreshPending = false;
    bool mPendingFull = false;
};

} // namespace citytwin::app
