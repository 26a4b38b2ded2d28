#pragma once

#include "data/incidents/incident_watcher.hpp"
#include "data/project/project_store.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "scene/feature_colors.hpp"

#include <map>
#include <memory>
#include <vector>

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <QStringList>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{
class InspectorDock;
class Language;
class ProjectSession;
class LayersDock;
class ViewportWidget;

/// The desktop application's main window: the 3D view in the centre, the Layers and Inspector docks,
/// File / View / Help menus, drag and drop of files.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Language& language, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens vector sources in the background; each finished source adds its layers to the scene.
    void openFiles(const QStringList& paths);

    /// Returns the number of sources still loading.
    int pendingLoads() const { return mPendingLoads; }

    /// Returns the last error shown to the user (empty when none).
    QString lastError() const { return mLastError; }

    ViewportWidget* viewport() const { return mViewport; }
    LayersDock* layersDock() const { return mLayersDock; }
    InspectorDock* inspectorDock() const { return mInspectorDock; }
    scene::SceneModel& sceneModel() const { return *mModel; }

    /// Opens a project: its layers, and a watch that adds incidents other processes append.
    void openProject(const QString& path);
    /// The Analysis dock (filters, time slider, tables, charts, coverage).
    class AnalysisDock* analysisDock() const { return mAnalysisDock; }
    /// Colours the areas of a layer ("grids", "communities") by values per area id (an analysis result), with a
    /// legend; as 3D columns as high as the value when columns is set.
    void showValuesOnMap(const QString& areaTable, const QHash<qint64, double>& values, const QString& title,
                         bool columns);
    /// Flies to the feature of a layer ("grids", "communities", "buildings") whose id field is id.
    void zoomToArea(const QString& table, qint64 id);
    /// Shows (or replaces) a layer derived by an analysis, by its name.
    void showAnalysisLayer(std::shared_ptr<const data::VectorLayer> layer);
    /// Starts drawing an area on the map for the Analysis dock's filter.
    void startDrawingArea();
    /// Highlights buildings (ids of the buildings layer) in red, the others in their own colour.
    void highlightBuildings(const QList<qint64>& ids);
    /// Returns the open project's path (empty when none).
    QString projectPath() const;
    /// Opens the built-in sample district, generating it first (in the background) when it is missing.
    void openSample();
    /// Plays a tour of the open project: flies to each stop's bookmark and holds it for its duration
    /// (divided by speed). Returns false when the project has no such tour.
    bool playTour(const QString& name, double speed = 1.0);
    void stopTour();
    bool isTourPlaying() const { return mTourTimer.isActive(); }

    enum class DerivedLayer
    {
        ServiceRings,
        ViewCones,
    };
    /// The walking distance of the station service rings, metres.
    static constexpr int ServiceRingMetres = 500;
    /// The height of the tallest column when areas are drawn as columns of a value (metres).
    static constexpr double ColumnHeightMetres = 1500.0;
    void fillBookmarksMenu();
    /// Puts a layer read again (deferred, or with another CRS) in place of layer index; reports a failed read.
    bool placeReadLayer(int index, data::Result<std::vector<data::VectorLayer>> result);
    /// Reads a layer whose features were deferred (in the background) and puts it in place.
    void loadDeferredLayer(int index);
    /// Shows the density of the open project's incidents as a heat layer.
    void showIncidentHeat(bool shown);
    void flyToBookmark(const data::Bookmark& bookmark, double seconds);
    void addBookmark();
    void nextTourStop();
    /// Asks for a field and colours the layer by it (classes or categories) with a legend.
    void chooseLayerColors(int index);
    /// Shows or hides a layer derived from the open layer sourceName (built the first time).
    void showDerivedLayer(const QString& sourceName, DerivedLayer kind, bool shown);
    /// Loads the terrain (DEM and imagery) of a source in the background when the scene has none yet.
    void loadTerrain(const QString& path);
    /// Opens the import dialog on the open project (nothing when no project is open).
    class ImportDialog* showImportDialog();

    /// Switches the interface language ("zh_CN" or "en").
    void switchLanguage(const QString& language);

signals:
    void tourFinished();
    /// Emitted when a source has been loaded (or failed) and nothing else is pending.
    void loadsFinished();
    /// Emitted when incidents appended to the open project were added to the view.
    void incidentsUpdated(int newRows);

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void chooseFiles();
    void saveViewImage();
    void showAbout();
    void loadFinished(quint64 ticket, const QString& path, data::Result<std::vector<data::VectorLayer>> result);
    void addLoadedLayers(const QString& path, data::Result<std::vector<data::VectorLayer>> result);
    void showFeature(int layerIndex, qulonglong featureIndex);
    void zoomToLayer(int layerIndex);
    void reportError(const QString& message);
    void newProject();
    void chooseProject();
    void appendIncidents(const std::vector<data::IncidentRow>& rows);
    void reloadProjectTable(const QString& table);
    void confirmCrs(const QString& path, const data::VectorLayer& layer);
    void replaceLayerFromSource(const QString& path, const QString& layerName, const QString& crs);
    int findLayer(const QString& sourcePath, const QString& layerName) const;
    /// Returns the first layer of that name (whatever its source), or -1.
    int layerNamed(const std::string& name) const;
    void updateActions();

    Language& mLanguage;
    std::unique_ptr<scene::SceneModel> mModel;
    scene::FeatureHighlight mHighlight;
    ViewportWidget* mViewport = nullptr;
    LayersDock* mLayersDock = nullptr;
    InspectorDock* mInspectorDock = nullptr;
    /// The corners of the area being drawn on the map (project CRS).
    std::vector<data::Position> mDrawnCorners;
    class AnalysisDock* mAnalysisDock = nullptr;
    QLabel* mCoordinates = nullptr;

    QMenu* mFileMenu = nullptr;
    QMenu* mViewMenu = nullptr;
    QMenu* mLanguageMenu = nullptr;
    QMenu* mHelpMenu = nullptr;
    QAction* mOpenAction = nullptr;
    QAction* mNewProjectAction = nullptr;
    QAction* mOpenProjectAction = nullptr;
    QAction* mOpenSampleAction = nullptr;
    QAction* mTerrainAction = nullptr;
    QMenu* mBookmarksMenu = nullptr;
    QTimer mTourTimer;
    std::vector<std::pair<data::Bookmark, double>> mTourStops;
    std::size_t mTourStop = 0;
    QAction* mRingsAction = nullptr;
    QAction* mConesAction = nullptr;
    QAction* mHeatAction = nullptr;
    QAction* mExaggerateAction = nullptr;
    QAction* mSeeThroughAction = nullptr;
    QAction* mTopDownAction = nullptr;
    bool mTerrainLoading = false;
    QSet<int> mLoadingDeferred;
    QAction* mImportAction = nullptr;
    QAction* mSaveImageAction = nullptr;
    QAction* mQuitAction = nullptr;
    QAction* mHomeAction = nullptr;
    QAction* mAboutAction = nullptr;
    QActionGroup* mLanguageGroup = nullptr;

    /// Finished loads wait here until every source requested before them is added: layers keep the order
    /// in which they were asked for, whatever order the background loads finish in.
    std::map<quint64, std::pair<QString, data::Result<std::vector<data::VectorLayer>>>> mFinishedLoads;
    quint64 mNextLoadTicket = 0;
    quint64 mNextTicketToAdd = 0;
    int mPendingLoads = 0;
    ProjectSession* mSession = nullptr;
    QString mLastError;
};

} // namespace citytwin::app
