#include "app/gui/main_window.hpp"

#include "data/project/schema.hpp"

#include "app/common/error_text.hpp"
#include "app/common/language.hpp"
#include "app/common/point_icon_atlas.hpp"
#include "app/common/sample_project.hpp"
#include "app/common/scene_sources.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/analysis_map_link.hpp"
#include "app/gui/area_drawing.hpp"
#include "app/gui/briefing/briefing_mode.hpp"
#include "app/gui/briefing/tour_editor.hpp"
#include "app/gui/color_by_dialog.hpp"
#include "app/gui/crs_confirm_dialog.hpp"
#include "app/gui/import_dialog.hpp"
#include "app/gui/inspector_dock.hpp"
#include "app/gui/layer_list.hpp"
#include "app/common/report/report_data.hpp"
#include "app/gui/layers_dock.hpp"
#include "app/gui/project_session.hpp"
#include "app/gui/report/report_dialog.hpp"
#include "app/gui/source_loader.hpp"
#include "app/gui/table_columns_dialog.hpp"
#include "app/gui/tour_player.hpp"
#include "app/gui/view_layers.hpp"
#include "app/gui/view_state_control.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/project/project_store.hpp"
#include "scene/scene_model.hpp"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrent>

namespace citytwin::app
{
MainWindow::MainWindow(Language& language, QWidget* parent)
    : QMainWindow(parent), mLanguage(language), mModel(std::make_unique<scene::SceneModel>())
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    registerPointIcons();
    resize(1400, 900);

    mViewport = new ViewportWidget(this);
    mViewport->setObjectName(QStringLiteral("viewport"));
    mViewport->setSceneModel(mModel.get());
    // The scene's slow rebuilds (the place names' labels) run on the thread pool; the view redraws when they land.
    mModel->setDeferrer(
        [this](std::function<std::function<void()>()> work)
        {
            auto* watcher = new QFutureWatcher<std::function<void()>>(this);
            connect(watcher, &QFutureWatcherBase::finished, this,
                    [this, watcher]
                    {
                        watcher->deleteLater();
                        if (const std::function<void()> apply = watcher->result())
                            apply();
                        mViewport->sceneChanged(false);
                    });
            watcher->setFuture(QtConcurrent::run(std::move(work)));
        });
    setCentralWidget(mViewport);
    createDocks();
    mCoordinates = new QLabel(this);
    mCoordinates->setMinimumWidth(280);
    statusBar()->addPermanentWidget(mCoordinates);
    createParts();
    connectViewport();
    createActions();
    createMenus();
    retranslateUi();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The viewport releases its GL objects while the scene model is still alive.
    delete mViewport;
    mViewport = nullptr;
}

void MainWindow::createDocks()
{
    mLayersDock = new LayersDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, mLayersDock);
    mInspectorDock = new InspectorDock(this);
    addDockWidget(Qt::RightDockWidgetArea, mInspectorDock);
    mAnalysisDock = new AnalysisDock(this);
    addDockWidget(Qt::RightDockWidgetArea, mAnalysisDock);
    tabifyDockWidget(mInspectorDock, mAnalysisDock);
    resizeDocks({mAnalysisDock}, {560}, Qt::Horizontal);
    mInspectorDock->raise();
    // A project with incidents opens on its analysis; a click on a feature brings the Inspector forward.
    connect(mAnalysisDock, &AnalysisDock::incidentsLoaded, mAnalysisDock, &QDockWidget::raise);
    // The incidents may be counted before the grids are on the map: colour them once they are.
    connect(this, &MainWindow::loadsFinished, mAnalysisDock, &AnalysisDock::refresh);
}

void MainWindow::createParts()
{
    QStatusBar& status = *statusBar();
    mSession = new ProjectSession(this);
    mLayers = new LayerList(*mModel, *mLayersDock, this);
    mLoader = new SourceLoader(*mLayers, *mSession, *mModel, *mViewport, status, this);
    mTours = new TourPlayer(*mSession, *mModel, *mViewport, status, *this);
    mAreaDrawing = new AreaDrawing(*mViewport, *mLayers, *mSession, status, this);
    mMapLink = new AnalysisMapLink(*mAnalysisDock, *mLayers, *mModel, *mViewport, status, this);
    mViewLayers = new ViewLayers(*mLayers, *mLoader, *mSession, *mAnalysisDock, *mModel, *mViewport, status, this);
    mStateControl = std::make_unique<ViewStateControl>(*mLayers, *mViewLayers, *mAnalysisDock);
    mTours->setStateControl(mStateControl.get());
    mBriefing = new BriefingMode(*this, *mViewport, *mModel, *mTours, *mSession);
    mBriefing->setIncidents([this] { return mAnalysisDock->sharedStore(); });
    connect(mBriefing, &BriefingMode::entered, this, &MainWindow::hidePersonLevelLayers);
    connect(mTours, &TourPlayer::stopShown, this,
            [this]
            {
                if (mBriefing->isActive())
                    hidePersonLevelLayers();
            });
    connect(mBriefing, &BriefingMode::entered, this, [this] { mBriefingAction->setChecked(true); });
    connect(mBriefing, &BriefingMode::left, this, [this] { mBriefingAction->setChecked(false); });

    connect(mLayers, &LayerList::visibilityChanged, this, [this] { mViewport->sceneChanged(false); });
    connect(mLayersDock, &LayersDock::zoomRequested, this,
            [this](int index) { mViewport->flyToBound(mModel->layerNode(index)->getBound()); });
    connect(mLayersDock, &LayersDock::colorByRequested, this, &MainWindow::chooseLayerColors);
    connect(mLayersDock, &LayersDock::resetColorsRequested, this,
            [this](int index)
            {
                mLayers->resetColours(index);
                mViewport->sceneChanged(false);
            });

    connect(mLoader, &SourceLoader::failed, this, &MainWindow::reportError);
    connect(mLoader, &SourceLoader::crsGuessed, this, &MainWindow::confirmCrs);
    connectModelRows();
    connect(mLoader, &SourceLoader::cityGmlCrsMissing, this,
            [this](const QString& path, const QString& problem)
            {
                auto* dialog = new CrsConfirmDialog(QFileInfo(path).fileName(), QString(), this, problem);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                connect(dialog, &CrsConfirmDialog::crsChosen, this,
                        [this, path](const QString& crs)
                        {
                            if (!crs.isEmpty())
                                mLoader->openCityGml(path, crs);
                        });
                dialog->open();
            });
    connect(mLoader, &SourceLoader::coordinateColumnsMissing, this,
            [this](const QString& path, const QString& layerName, const QStringList& fields,
                   const QStringList& sampleRow)
            {
                auto* dialog = new TableColumnsDialog(layerName, fields, sampleRow, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                connect(dialog, &TableColumnsDialog::columnsChosen, this,
                        [this, path, layerName](const data::TableColumns& columns)
                        { mLoader->rereadWithColumns(path, layerName, columns); });
                dialog->open();
            });
    connect(mLoader, &SourceLoader::layersAdded, mCoordinates, &QLabel::clear);
    connect(mLoader, &SourceLoader::terrainShown, this,
            [this]
            {
                mTerrainAction->setEnabled(true);
                mTerrainAction->setChecked(true);
            });
    connect(mLoader, &SourceLoader::incidentsAppended, this, &MainWindow::incidentsUpdated);
    connect(mLoader, &SourceLoader::allFinished, this, &MainWindow::loadsFinished);
    connect(mLoader, &SourceLoader::sampleFinished, this,
            [this](const QString& path)
            {
                mOpenSampleAction->setEnabled(true);
                statusBar()->clearMessage();
                if (!path.isEmpty())
                    openProject(path);
            });
    connect(mSession, &ProjectSession::opened, mAnalysisDock, &AnalysisDock::setProject);

    connect(mTours, &TourPlayer::failed, this, &MainWindow::reportError);
    connect(mTours, &TourPlayer::editToursRequested, this, &MainWindow::showTourEditor);
    connect(mTours, &TourPlayer::finished, this, &MainWindow::tourFinished);
    connect(mAnalysisDock, &AnalysisDock::drawAreaRequested, mAreaDrawing, &AreaDrawing::start);
    connect(mAreaDrawing, &AreaDrawing::areaDrawn, mAnalysisDock, &AnalysisDock::setDrawnArea);
}

void MainWindow::connectViewport()
{
    connect(mViewport, &ViewportWidget::featurePicked, this, &MainWindow::showFeature);
    // An object of a 3D model (a CityGML building, a 3D Tiles feature): its attributes, no layer highlight.
    connect(mViewport, &ViewportWidget::modelFeaturePicked, this,
            [this](const std::shared_ptr<const data::VectorLayer>& table, qulonglong featureIndex)
            {
                mHighlight.clear();
                mInspectorDock->showFeature(*table, static_cast<std::size_t>(featureIndex));
                mInspectorDock->raise();
            });
    connect(mViewport, &ViewportWidget::pickedNothing, this,
            [this]
            {
                mInspectorDock->clear();
                mHighlight.clear();
                mViewport->sceneChanged(false);
            });
    connect(mViewport, &ViewportWidget::pointerMoved, this,
            [this](double x, double y)
            { mCoordinates->setText(tr("E %1 m  N %2 m").arg(x, 0, 'f', 1).arg(y, 0, 'f', 1)); });
}

void MainWindow::createActions()
{
    const auto action = [this](QKeySequence shortcut, auto slot)
    {
        auto* created = new QAction(this);
        created->setShortcut(shortcut);
        connect(created, &QAction::triggered, this, slot);
        return created;
    };
    mOpenAction = action(QKeySequence::Open, &MainWindow::chooseFiles);
    mNewProjectAction = action(QKeySequence::New, &MainWindow::newProject);
    mOpenProjectAction = action(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), &MainWindow::chooseProject);
    mOpenSampleAction = action(QKeySequence(), &MainWindow::openSample);
    mImportAction = action(QKeySequence(Qt::CTRL | Qt::Key_I), [this] { showImportDialog(); });
    mSaveImageAction = action(QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::saveViewImage);
    mReportAction = action(QKeySequence(Qt::CTRL | Qt::Key_P), [this] { showReportDialog(); });
    mReportAction->setObjectName(QStringLiteral("reportAction"));
    mReportAction->setEnabled(false);
    mQuitAction = action(QKeySequence::Quit, &QWidget::close);
    mAboutAction = action(QKeySequence(), &MainWindow::showAbout);
    mHomeAction = action(QKeySequence(Qt::Key_Home), [this] { mViewport->goHome(true); });
    createViewActions();

    mLanguageGroup = new QActionGroup(this);
    for (const QString& language : Language::available())
    {
        QAction* languageAction = mLanguageGroup->addAction(Language::nativeName(language));
        languageAction->setCheckable(true);
        languageAction->setData(language);
        languageAction->setChecked(language == mLanguage.current());
        connect(languageAction, &QAction::triggered, this, [this, language] { switchLanguage(language); });
    }
}

void MainWindow::createViewActions()
{
    const auto toggle = [this](auto slot)
    {
        auto* created = new QAction(this);
        created->setCheckable(true);
        connect(created, &QAction::toggled, this, slot);
        return created;
    };
    mTerrainAction = toggle(
        [this](bool shown)
        {
            if (osg::Node* terrain = mModel->terrain())
                terrain->setNodeMask(shown ? ~0u : 0u);
            mViewport->sceneChanged(false);
        });
    mTerrainAction->setEnabled(false);
    const auto showBuildings = [this]
    {
        mModel->setBuildingDisplay(mExaggerateAction->isChecked() ? 3.0f : 1.0f,
                                   mSeeThroughAction->isChecked() ? 0.45f : 1.0f);
        mViewport->sceneChanged(false);
    };
    mExaggerateAction = toggle(showBuildings);
    mSeeThroughAction = toggle(showBuildings);
    mThemeGroup = new QActionGroup(this);
    for (QAction** action : {&mDayThemeAction, &mNightThemeAction})
    {
        *action = new QAction(mThemeGroup);
        (*action)->setCheckable(true);
    }
    mDayThemeAction->setObjectName(QStringLiteral("dayThemeAction"));
    mNightThemeAction->setObjectName(QStringLiteral("nightThemeAction"));
    mDayThemeAction->setChecked(true);
    connect(mDayThemeAction, &QAction::triggered, this, [this] { mViewport->setTheme(scene::Theme::Day); });
    connect(mNightThemeAction, &QAction::triggered, this, [this] { mViewport->setTheme(scene::Theme::Night); });
    for (auto [action, name] : {std::pair{&mShadowsAction, "shadowsAction"},
                                std::pair{&mAmbientOcclusionAction, "ambientOcclusionAction"},
                                std::pair{&mBloomAction, "bloomAction"}})
    {
        *action = new QAction(this);
        (*action)->setObjectName(QString::fromLatin1(name));
        (*action)->setCheckable(true);
        connect(*action, &QAction::triggered, this, &MainWindow::applyEffects);
    }
    connect(mViewport, &ViewportWidget::glReady, this, [this] { chooseDefaultEffects(mViewport->rendererName()); });
    mBriefingAction = new QAction(this);
    mBriefingAction->setObjectName(QStringLiteral("briefingAction"));
    mBriefingAction->setCheckable(true);
    mBriefingAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(mBriefingAction, &QAction::triggered, this,
            [this](bool on)
            {
                if (on)
                    mBriefing->enter();
                else
                    mBriefing->leave();
            });
    mTopDownAction = new QAction(this);
    connect(mTopDownAction, &QAction::triggered, this,
            [this]
            {
                // Straight down on the point looked at, north up, from the same distance.
                const scene::ViewPose pose = mViewport->currentPose();
                const double distance = (pose.eye - pose.center).length();
                mViewport->flyToPose(
                    {pose.center + osg::Vec3d(0.0, -0.001, distance), pose.center, osg::Vec3d(0, 1, 0)}, 1.0);
            });
}

void MainWindow::createMenus()
{
    mFileMenu = menuBar()->addMenu(QString());
    mFileMenu->addActions({mNewProjectAction, mOpenProjectAction, mOpenSampleAction, mImportAction});
    mFileMenu->addSeparator();
    mFileMenu->addActions({mOpenAction, mSaveImageAction, mReportAction});
    mFileMenu->addSeparator();
    mFileMenu->addAction(mQuitAction);

    mViewMenu = menuBar()->addMenu(QString());
    mViewMenu->addAction(mBriefingAction);
    mViewMenu->addSeparator();
    mViewMenu->addActions({mHomeAction, mTerrainAction});
    mViewMenu->addActions(mViewLayers->actions());
    mViewMenu->addSeparator();
    mViewMenu->addActions({mTopDownAction, mExaggerateAction, mSeeThroughAction});
    mViewMenu->addSeparator();
    mViewMenu->addActions(
        {mLayersDock->toggleViewAction(), mInspectorDock->toggleViewAction(), mAnalysisDock->toggleViewAction()});
    mViewMenu->addSeparator();
    mThemeMenu = mViewMenu->addMenu(QString());
    mThemeMenu->addActions(mThemeGroup->actions());
    // Briefing mode switches to the night look and back: the menu follows.
    connect(mThemeMenu, &QMenu::aboutToShow, this,
            [this]
            { (mViewport->theme() == scene::Theme::Night ? mNightThemeAction : mDayThemeAction)->setChecked(true); });
    mEffectsMenu = mViewMenu->addMenu(QString());
    mEffectsMenu->setToolTipsVisible(true);
    mEffectsMenu->addActions({mShadowsAction, mAmbientOcclusionAction, mBloomAction});
    mLanguageMenu = mViewMenu->addMenu(QString());
    mLanguageMenu->addActions(mLanguageGroup->actions());

    mBookmarksMenu = menuBar()->addMenu(QString());
    connect(mBookmarksMenu, &QMenu::aboutToShow, this, [this] { mTours->fillMenu(*mBookmarksMenu); });
    mHelpMenu = menuBar()->addMenu(QString());
    mHelpMenu->addAction(mAboutAction);
}

void MainWindow::applyEffects()
{
    const scene::Effects effects{mShadowsAction->isChecked(), mAmbientOcclusionAction->isChecked(),
                                 mBloomAction->isChecked()};
    mModel->setEffects(effects);
    mViewport->sceneChanged(false);
    const QString renderer = mViewport->rendererName();
    if (effects.any() && scene::isSoftwareRenderer(renderer.toStdString()))
        statusBar()->showMessage(
            tr("Software OpenGL (%1): every effect makes each frame slower; they are off by default here")
                .arg(renderer),
            10000);
}

void MainWindow::chooseDefaultEffects(const QString& rendererName)
{
    if (mEffectsDecided)
        return;
    mEffectsDecided = true;
    const bool hardware = !rendererName.isEmpty() && !scene::isSoftwareRenderer(rendererName.toStdString());
    for (QAction* action : {mShadowsAction, mAmbientOcclusionAction, mBloomAction})
        action->setChecked(hardware);
    mModel->setEffects(hardware ? scene::AllEffects : scene::Effects{});
    mViewport->sceneChanged(false);
}

void MainWindow::retranslateUi()
{
    useDisplayNames(*mModel);
    setWindowTitle(tr("CityTwin — district 3D twin"));
    mFileMenu->setTitle(tr("&File"));
    mViewMenu->setTitle(tr("&View"));
    mBookmarksMenu->setTitle(tr("&Bookmarks"));
    mLanguageMenu->setTitle(tr("&Language"));
    mHelpMenu->setTitle(tr("&Help"));
    mOpenAction->setText(tr("&Open…"));
    mOpenAction->setStatusTip(tr("Open a vector data source (GeoPackage, Shapefile, GeoJSON, …)"));
    mNewProjectAction->setText(tr("&New Project…"));
    mOpenProjectAction->setText(tr("Open &Project…"));
    mOpenSampleAction->setText(tr("Open &Sample District"));
    mTerrainAction->setText(tr("Show &Terrain"));
    mViewLayers->retranslate();
    mTopDownAction->setText(tr("Top-&down View"));
    mBriefingAction->setText(tr("&Briefing Mode (Full Screen)"));
    mThemeMenu->setTitle(tr("&Theme"));
    mDayThemeAction->setText(tr("&Day"));
    mNightThemeAction->setText(tr("&Night (Command Centre)"));
    mEffectsMenu->setTitle(tr("&Effects"));
    mShadowsAction->setText(tr("&Shadows"));
    mShadowsAction->setToolTip(tr("Buildings and models cast the sun's (or the moon's) shadows"));
    mAmbientOcclusionAction->setText(tr("&Ambient Occlusion"));
    mAmbientOcclusionAction->setToolTip(tr("Darkens the creases where walls meet the ground and each other"));
    mBloomAction->setText(tr("&Bloom"));
    mBloomAction->setToolTip(tr("Bright outlines and lit roofs glow (the night theme's look)"));
    mBriefingAction->setToolTip(tr("The 3D view alone with KPI tiles for an audience; Page Down / Page Up step "
                                   "through the tour, B blanks the screen, Esc leaves"));
    mExaggerateAction->setText(tr("E&xaggerate Heights (×3)"));
    mSeeThroughAction->setText(tr("See-through &Buildings"));
    mImportAction->setText(tr("&Import into Project…"));
    mImportAction->setStatusTip(tr("Copy a layer, or a table of incidents, into the open project"));
    mSaveImageAction->setText(tr("&Save View as Image…"));
    mReportAction->setText(tr("Export &Report…"));
    mReportAction->setStatusTip(tr("Make a map report of the open project: a weekly page or an atlas of its areas, "
                                   "as PDF, PNG or SVG"));
    updateActions(); // the report action's tooltip
    mQuitAction->setText(tr("&Quit"));
    mHomeAction->setText(tr("&Home (Show Everything)"));
    mAboutAction->setText(tr("&About CityTwin"));
    if (mCoordinates->text().isEmpty() || mModel->layerCount() == 0)
        mCoordinates->setText(tr("No data loaded"));
}

void MainWindow::switchLanguage(const QString& language)
{
    if (!mLanguage.install(language))
        return;
    for (QAction* action : mLanguageGroup->actions())
        action->setChecked(action->data().toString() == language);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Data Source"), QString(),
        tr("Vector data (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.xlsx *.ods *.sqlite);;All files (*)"));
    if (!paths.isEmpty())
        openFiles(paths);
}

void MainWindow::openFiles(const QStringList& paths)
{
    for (const QString& path : paths)
    {
        if (!mSession->isOpen() && ProjectSession::isProject(path))
        {
            if (const auto error = mSession->open(path))
                reportError(*error);
            updateActions();
        }
        mLoader->open(path);
    }
}

int MainWindow::pendingLoads() const
{
    return mLoader->pending();
}

void MainWindow::openProject(const QString& path)
{
    if (const auto error = mSession->open(path)) // closing the project open before
    {
        reportError(*error);
        return;
    }
    updateActions();
    openFiles({path});
}

void MainWindow::openSample()
{
    if (QFileInfo::exists(SampleProject::path()))
    {
        openProject(SampleProject::path());
        return;
    }
    statusBar()->showMessage(tr("Generating the sample district (once, about 15 s)…"));
    mOpenSampleAction->setEnabled(false);
    mLoader->generateSample();
}

QString MainWindow::projectPath() const
{
    return mSession->path();
}

void MainWindow::updateActions()
{
    mImportAction->setEnabled(mSession->isOpen());
    mReportAction->setEnabled(mSession->isOpen());
    mReportAction->setToolTip(mSession->isOpen() ? mReportAction->statusTip()
                                                 : tr("Open a project first: a report is made from a project"));
}

void MainWindow::newProject()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Project"), QStringLiteral("project.gpkg"),
                                                      tr("CityTwin project (*.gpkg)"));
    if (path.isEmpty())
        return;
    auto project = data::ProjectStore::open(path.toStdString());
    if (!project)
    {
        reportError(ErrorText::describe(project.error()));
        return;
    }
    openProject(path);
}

void MainWindow::chooseProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("CityTwin project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

ImportDialog* MainWindow::showImportDialog()
{
    if (!mSession->isOpen())
        return nullptr;
    auto* dialog = new ImportDialog(mSession->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, mLoader, &SourceLoader::reloadProjectTable);
    dialog->show();
    return dialog;
}

ReportDialog* MainWindow::showReportDialog()
{
    if (!mSession->isOpen())
    {
        reportError(tr("Open a project first: a report is made from a project's layers and incidents."));
        return nullptr;
    }
    if (mReportDialog && mReportDialog->property("project").toString() != mSession->path())
        delete mReportDialog;
    if (!mReportDialog)
    {
        // The project's areas, incidents and coverage are read on the thread pool; the dialog opens when they are.
        if (!mReportLoading)
        {
            mReportLoading = true;
            statusBar()->showMessage(tr("Reading the project for the report…"));
            using Loaded = data::Result<std::unique_ptr<ReportData>>;
            auto* watcher = new QFutureWatcher<std::shared_ptr<Loaded>>(this);
            connect(watcher, &QFutureWatcherBase::finished, this,
                    [this, watcher, path = mSession->path()]
                    {
                        watcher->deleteLater();
                        mReportLoading = false;
                        std::shared_ptr<Loaded> loaded = watcher->result();
                        if (path != mSession->path())
                            return;
                        statusBar()->clearMessage();
                        if (!*loaded)
                        {
                            reportError(ErrorText::describe(loaded->error()));
                            return;
                        }
                        openReportDialog(std::move(loaded->value()));
                    });
            watcher->setFuture(QtConcurrent::run(
                [file = mSession->path().toStdString()]
                { return std::make_shared<Loaded>(ReportData::load(file)); }));
        }
        return nullptr;
    }
    mReportDialog->show();
    mReportDialog->raise();
    mReportDialog->activateWindow();
    return mReportDialog;
}

void MainWindow::openReportDialog(std::unique_ptr<ReportData> data)
{
    auto* dialog = new ReportDialog(
        mSession->path(),
        [this]() -> std::optional<data::IncidentFilter>
        {
            if (!mAnalysisDock->store())
                return std::nullopt;
            return mAnalysisDock->currentFilter();
        },
        this);
    dialog->setProperty("project", mSession->path());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->loadProject(std::move(data));
    connect(mAnalysisDock, &AnalysisDock::filterChanged, dialog, &ReportDialog::dockFilterChanged);
    connect(mAnalysisDock, &AnalysisDock::incidentsLoaded, dialog, &ReportDialog::dockFilterChanged);
    connect(dialog, &ReportDialog::exported, this,
            [this](const QStringList& files)
            {
                if (!files.isEmpty())
                    statusBar()->showMessage(tr("Report written: %1").arg(files.join(QStringLiteral(", "))), 15000);
            });
    mReportDialog = dialog;
    mReportDialog->show();
    mReportDialog->raise();
    mReportDialog->activateWindow();
}

void MainWindow::connectModelRows()
{
    // 3D models have rows of their own in the Layers dock: shown or hidden, zoomed to, removed.
    const auto syncModels = [this]
    {
        QList<LayersDock::ModelRow> rows;
        for (unsigned int i = 0; i < mModel->modelCount(); ++i)
            rows.append({mModel->modelName(i), mModel->isModelVisible(i)});
        mLayersDock->setModels(rows);
    };
    connect(mLoader, &SourceLoader::modelsChanged, this, syncModels);
    connect(mLayersDock, &LayersDock::modelVisibilityChanged, this,
            [this](int index, bool visible)
            {
                mModel->setModelVisible(static_cast<unsigned int>(index), visible);
                mViewport->sceneChanged(false);
            });
    connect(mLayersDock, &LayersDock::modelZoomRequested, this,
            [this](int index)
            {
                if (const osg::Node* node = mModel->modelNode(static_cast<unsigned int>(index)))
                    mViewport->flyToBound(node->getBound());
            });
    connect(mLayersDock, &LayersDock::modelRemoveRequested, this,
            [this, syncModels](int index)
            {
                mModel->removeModel(static_cast<unsigned int>(index));
                syncModels();
                mViewport->sceneChanged(false);
            });
}

void MainWindow::confirmCrs(const QString& path, const QString& layerName, const QString& guess)
{
    auto* dialog = new CrsConfirmDialog(layerName, guess, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CrsConfirmDialog::crsChosen, this,
            [this, path, layerName, guess](const QString& crs)
            {
                if (crs != guess)
                    mLoader->reread(path, layerName, crs);
            });
    dialog->open();
}

void MainWindow::zoomToArea(const QString& table, qint64 id)
{
    mMapLink->zoomToArea(table, id);
}

bool MainWindow::playTour(const QString& name, double speed)
{
    return mTours->play(name, speed);
}

bool MainWindow::isTourPlaying() const
{
    return mTours->isPlaying();
}

TourEditor* MainWindow::showTourEditor()
{
    if (!mSession->isOpen())
        return nullptr;
    if (mTourEditor && mTourEditor->property("project").toString() != mSession->path())
        delete mTourEditor;
    if (!mTourEditor)
    {
        mTourEditor = new TourEditor(mSession->path(), *mTours, *mBriefing, this);
        mTourEditor->setProperty("project", mSession->path());
        mTourEditor->setIncidents([this] { return mAnalysisDock->store(); });
        mTourEditor->setAttribute(Qt::WA_DeleteOnClose);
    }
    mTourEditor->show();
    mTourEditor->raise();
    return mTourEditor;
}

bool MainWindow::incidentsReady() const
{
    return !mSession->isOpen() || mAnalysisDock->store() != nullptr || mAnalysisDock->isIncidentLoadFinished();
}

void MainWindow::hidePersonLevelLayers()
{
    for (int i = 0; i < mLayers->count(); ++i)
        if (mLayers->layer(i).name == data::schema::party_links::Table && mLayers->isVisible(i))
            mLayers->setVisible(i, false);
}

void MainWindow::chooseLayerColors(int index)
{
    // Columns: a derived layer (made or replaced) shown instead of the flat areas.
    if (auto choice = ColorByDialog::choose(mLayers->layer(index), LayerList::ColumnHeightMetres, this))
    {
        mLayers->showColoured(index, std::move(choice->colors), std::move(choice->columns), choice->coloring);
        mViewport->sceneChanged(false);
    }
}

void MainWindow::reportError(const QString& message)
{
    mLastError = message;
    statusBar()->showMessage(message, 15000);
    // Window-modal but not blocking, so background loads and tests go on.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("CityTwin"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showFeature(int layerIndex, qulonglong featureIndex)
{
    if (layerIndex < 0 || layerIndex >= mLayers->count() ||
        featureIndex >= mLayers->layer(layerIndex).features.size())
        return;
    const data::VectorLayer& layer = mLayers->layer(layerIndex);
    const data::Feature& feature = layer.features.at(featureIndex);
    mInspectorDock->showFeature(layer, static_cast<std::size_t>(featureIndex));
    mInspectorDock->raise(); // tabbed with the Analysis dock
    if (layer.name == data::schema::grids::Table)
        if (const auto id = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), "id");
            id != layer.fieldNames.end())
            mAnalysisDock->setPickedGrid(
                QString::fromStdString(feature.values.at(id - layer.fieldNames.begin())).toLongLong());
    // The picked building lights up in place (its tile is not rebuilt).
    mHighlight.set(mModel->layerNode(layerIndex), static_cast<std::size_t>(featureIndex));
    mViewport->sceneChanged(false);
}

void MainWindow::saveViewImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save View as Image"), QStringLiteral("citytwin.png"),
                                                      tr("PNG image (*.png);;JPEG image (*.jpg)"));
    if (path.isEmpty())
        return;
    if (!mViewport->grabFramebuffer().save(path))
        reportError(tr("%1: the image could not be written").arg(path));
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CityTwin"),
                       tr("<b>CityTwin %1</b><br>A 3D city-twin viewer and analysis tool for district operations "
                          "centres.<br>Qt %2, OpenSceneGraph, GDAL, PROJ, SQLite.")
                           .arg(QStringLiteral(CITYTWIN_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    openFiles(paths);
    event->acceptProposedAction();
}

bool MainWindow::isPlacingLayers() const
{
    return mLayers->isPlacing();
}

} // namespace citytwin::app
