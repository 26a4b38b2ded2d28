#pragma once

#include "data/core/vector_layer.hpp"
#include "scene/feature_colors.hpp"

#include <memory>

#include <QMainWindow>
#include <QPointer>
#include <QString>
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
class AnalysisDock;
class AnalysisMapLink;
class BriefingMode;
class AreaDrawing;
class ImportDialog;
class InspectorDock;
class Language;
class LayerList;
class LayersDock;
class ProjectSession;
class ReportData;
class ReportDialog;
class SourceLoader;
class TourEditor;
class TourPlayer;
class ViewLayers;
class ViewStateControl;
class ViewportWidget;

/// The desktop application's main window: the 3D view in the centre, the Layers, Inspector and Analysis docks,
/// File / View / Bookmarks / Help menus, drag and drop of files. It wires menus and docks to the parts that
/// own the work: LayerList (the layers and their rows), SourceLoader (background reads), TourPlayer
/// (bookmarks and tours), AreaDrawing (an area drawn on the map), AnalysisMapLink (analysis results on the map)
/// and ViewLayers (rings, view cones and the heat map of the View menu). GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Language& language, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens sources: vector layers in the background (each finished source adds its layers, in the order
    /// asked for), a project's incident watch, terrain, oblique tilesets.
    void openFiles(const QStringList& paths);
    /// Opens a project: its layers, and a watch that adds incidents other processes append.
    void openProject(const QString& path);
    /// Opens the built-in sample district, generating it first (in the background) when it is missing.
    void openSample();
    /// Returns the open project's path (empty when none).
    QString projectPath() const;

    /// Returns the number of sources still loading.
    int pendingLoads() const;
    /// Returns the last error shown to the user (empty when none).
    QString lastError() const { return mLastError; }

    ViewportWidget* viewport() const { return mViewport; }
    /// Whether layers are being put into the scene (their nodes are built on the thread pool, in turn).
    bool isPlacingLayers() const;
    LayersDock* layersDock() const { return mLayersDock; }
    InspectorDock* inspectorDock() const { return mInspectorDock; }
    /// The Analysis dock (filters, time slider, tables, charts, coverage).
    AnalysisDock* analysisDock() const { return mAnalysisDock; }
    scene::SceneModel& sceneModel() const { return *mModel; }

    /// Flies to the feature of a layer ("grids", "communities", "buildings") whose id field is id.
    void zoomToArea(const QString& table, qint64 id);
    /// Plays a tour of the open project: flies to each stop's bookmark and holds it for its duration
    /// (divided by speed). Returns false when the project has no such tour.
    bool playTour(const QString& name, double speed = 1.0);
    bool isTourPlaying() const;
    /// Bookmarks and tours: stepping a tour, saving the view.
    TourPlayer* tours() const { return mTours; }
    /// Briefing mode (View ▸ Briefing, F11).
    BriefingMode* briefing() const { return mBriefing; }
    /// Opens the tour editor on the open project (nothing when none is open).
    TourEditor* showTourEditor();
    /// Whether the project's incidents are loaded in the Analysis dock (or it has none to load).
    bool incidentsReady() const;
    /// Opens the import dialog on the open project (nothing when no project is open).
    ImportDialog* showImportDialog();
    /// File ▸ Export Report… (Ctrl+P): opens the report dialog on the open project (nothing, with a message, when
    /// no project is open or it cannot be read).
    /// Shows the report dialog: the open one, or, the first time for a project, nothing yet: the project is read
    /// on the thread pool and the dialog opens when it is (its errors reported then).
    ReportDialog* showReportDialog();
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
    void openReportDialog(std::unique_ptr<ReportData> data);
    void createDocks();
    void createParts();
    void connectViewport();
    void createActions();
    void createViewActions();
    void createMenus();
    void retranslateUi();
    /// Gives the scene the effects the Effects menu has checked.
    void applyEffects();
    /// Checks the effects a view drawn by that OpenGL renderer starts with (none on software OpenGL), once.
    void chooseDefaultEffects(const QString& rendererName);
    void chooseFiles();
    void saveViewImage();
    void showAbout();
    void showFeature(int layerIndex, qulonglong featureIndex);
    void reportError(const QString& message);
    void newProject();
    void chooseProject();
    void confirmCrs(const QString& path, const QString& layerName, const QString& guess);
    void connectModelRows();
    /// Asks for a field and colours the layer by it (classes or categories) with a legend.
    void chooseLayerColors(int index);
    void updateActions();
    /// Hides the layers with household- or person-level detail (briefing mode's privacy rule).
    void hidePersonLevelLayers();

    Language& mLanguage;
    std::unique_ptr<scene::SceneModel> mModel;
    scene::FeatureHighlight mHighlight;
    ViewportWidget* mViewport = nullptr;
    LayersDock* mLayersDock = nullptr;
    InspectorDock* mInspectorDock = nullptr;
    AnalysisDock* mAnalysisDock = nullptr;
    QLabel* mCoordinates = nullptr;

    ProjectSession* mSession = nullptr;
    LayerList* mLayers = nullptr;
    SourceLoader* mLoader = nullptr;
    TourPlayer* mTours = nullptr;
    AreaDrawing* mAreaDrawing = nullptr;
    AnalysisMapLink* mMapLink = nullptr;
    ViewLayers* mViewLayers = nullptr;
    std::unique_ptr<ViewStateControl> mStateControl;
    BriefingMode* mBriefing = nullptr;
    QPointer<TourEditor> mTourEditor;
    QPointer<ReportDialog> mReportDialog;
    bool mReportLoading = false;

    QMenu* mFileMenu = nullptr;
    QMenu* mViewMenu = nullptr;
    QMenu* mBookmarksMenu = nullptr;
    QMenu* mLanguageMenu = nullptr;
    QMenu* mThemeMenu = nullptr;
    QActionGroup* mThemeGroup = nullptr;
    QAction* mDayThemeAction = nullptr;
    QAction* mNightThemeAction = nullptr;
    /// View ▸ Effects: shadows, ambient occlusion, bloom; on by default where the GPU is not a software one.
    QMenu* mEffectsMenu = nullptr;
    QAction* mShadowsAction = nullptr;
    QAction* mAmbientOcclusionAction = nullptr;
    QAction* mBloomAction = nullptr;
    bool mEffectsDecided = false;
    QMenu* mHelpMenu = nullptr;
    QAction* mOpenAction = nullptr;
    QAction* mNewProjectAction = nullptr;
    QAction* mOpenProjectAction = nullptr;
    QAction* mOpenSampleAction = nullptr;
    QAction* mImportAction = nullptr;
    QAction* mSaveImageAction = nullptr;
    QAction* mReportAction = nullptr;
    QAction* mQuitAction = nullptr;
    QAction* mHomeAction = nullptr;
    QAction* mTerrainAction = nullptr;
    QAction* mExaggerateAction = nullptr;
    QAction* mSeeThroughAction = nullptr;
    QAction* mTopDownAction = nullptr;
    QAction* mBriefingAction = nullptr;
    QAction* mAboutAction = nullptr;
    QActionGroup* mLanguageGroup = nullptr;

    QString mLastError;
};

} // namespace citytwin::app
