#include "app/gui/main_window.hpp"
#include "app/common/point_icon_atlas.hpp"

#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/color_by_dialog.hpp"
#include "app/gui/crs_confirm_dialog.hpp"
#include "app/common/error_text.hpp"
#include "app/gui/import_dialog.hpp"
#include "app/gui/inspector_dock.hpp"
#include "app/common/language.hpp"
#include "app/common/layer_names.hpp"
#include "app/gui/layers_dock.hpp"
#include "app/gui/project_session.hpp"
#include "app/common/sample_project.hpp"
#include "app/common/scene_sources.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/analysis/classification.hpp"
#include "data/core/field_values.hpp"
#include "data/analysis/derived_layers.hpp"
#include "data/project/project_store.hpp"
#include "data/io/raster_source.hpp"
#include "data/io/vector_source.hpp"
#include "scene/scene_model.hpp"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QSet>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace citytwin::app
{
namespace
{
/// The id of each feature of a layer: its `id` field, or its fid when the layer has none (analysis tables name
/// areas by these ids).
std::vector<qint64> featureIds(const data::VectorLayer& layer)
{
    const std::vector<double> values = data::numericValues(layer, "id");
    std::vector<qint64> ids;
    ids.reserve(layer.features.size());
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        ids.push_back(std::isfinite(values[i]) ? static_cast<qint64>(values[i]) : layer.features[i].fid);
    return ids;
}
} // namespace

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
    setCentralWidget(mViewport);

    mLayersDock = new LayersDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, mLayersDock);
    mInspectorDock = new InspectorDock(this);
    addDockWidget(Qt::RightDockWidgetArea, mInspectorDock);
    mAnalysisDock = new AnalysisDock(this);
    addDockWidget(Qt::RightDockWidgetArea, mAnalysisDock);
    tabifyDockWidget(mInspectorDock, mAnalysisDock);
    resizeDocks({mAnalysisDock}, {560}, Qt::Horizontal);
    mInspectorDock->raise();
    connect(mAnalysisDock, &AnalysisDock::showOnMap, this, &MainWindow::showValuesOnMap);
    connect(mAnalysisDock, &AnalysisDock::highlightBuildings, this, &MainWindow::highlightBuildings);
    connect(mAnalysisDock, &AnalysisDock::zoomToArea, this, &MainWindow::zoomToArea);
    connect(mAnalysisDock, &AnalysisDock::analysisLayer, this, &MainWindow::showAnalysisLayer);
    connect(mAnalysisDock, &AnalysisDock::drawAreaRequested, this, &MainWindow::startDrawingArea);
    // The area being drawn: its outline follows the clicks; finished, it becomes the dock's area filter.
    auto drawnLayer = [this](bool closed)
    {
        auto layer = std::make_shared<data::VectorLayer>();
        layer->name = "drawn area";
        layer->sourcePath = mSession->path().toStdString();
        layer->kind = closed ? data::GeometryKind::Polygon : data::GeometryKind::Line;
        data::Feature feature;
        if (closed)
            feature.polygons.push_back({{mDrawnCorners}});
        else
            feature.lines.push_back(mDrawnCorners);
        for (const data::Position& p : mDrawnCorners)
            layer->extent.include(p.x, p.y);
        layer->features.push_back(std::move(feature));
        return layer;
    };
    connect(mViewport, &ViewportWidget::groundClicked, this,
            [this, drawnLayer](double x, double y)
            {
                if (!mDrawnCorners.empty() && std::hypot(mDrawnCorners.back().x - x, mDrawnCorners.back().y - y) < 0.5)
                    return; // the second click of a double-click
                mDrawnCorners.push_back({x, y, 0.0});
                if (mDrawnCorners.size() >= 2)
                    showAnalysisLayer(drawnLayer(mDrawnCorners.size() >= 3));
            });
    connect(mViewport, &ViewportWidget::drawingFinished, this,
            [this, drawnLayer]
            {
                mViewport->setDrawing(false);
                if (mDrawnCorners.size() < 3)
                {
                    statusBar()->showMessage(tr("An area needs at least three corners"), 5000);
                    return;
                }
                showAnalysisLayer(drawnLayer(true));
                mAnalysisDock->setDrawnArea(data::Polygon{{mDrawnCorners}});
                statusBar()->showMessage(tr("The analysis now looks at the area drawn"), 5000);
            });
    connect(mViewport, &ViewportWidget::drawingCancelled, this,
            [this]
            {
                mViewport->setDrawing(false);
                mDrawnCorners.clear();
                statusBar()->clearMessage();
            });
    // The heat map follows the incident filter (and the time slider) while it is shown.
    connect(mAnalysisDock, &AnalysisDock::filterChanged, this,
            [this]
            {
                if (mHeatAction->isChecked())
                    showIncidentHeat(true);
            });
    // A project with incidents opens on its analysis; a click on a feature brings the Inspector forward.
    connect(mAnalysisDock, &AnalysisDock::incidentsLoaded, mAnalysisDock, &QDockWidget::raise);
    // The incidents may be counted before the grids are on the map: colour them once they are.
    connect(this, &MainWindow::loadsFinished, mAnalysisDock, &AnalysisDock::refresh);

    mCoordinates = new QLabel(this);
    mCoordinates->setMinimumWidth(280);
    statusBar()->addPermanentWidget(mCoordinates);

    connect(mLayersDock, &LayersDock::visibilityChanged, this,
            [this](int index, bool visible)
            {
                mModel->setLayerVisible(index, visible);
                if (visible && mModel->layer(index).deferredCount)
                    loadDeferredLayer(index);
                mViewport->sceneChanged(false);
            });
    connect(mLayersDock, &LayersDock::zoomRequested, this, &MainWindow::zoomToLayer);
    connect(mLayersDock, &LayersDock::colorByRequested, this, &MainWindow::chooseLayerColors);
    connect(mLayersDock, &LayersDock::resetColorsRequested, this,
            [this](int index)
            {
                mModel->setLayerColors(index, nullptr);
                mViewport->sceneChanged(false);
            });
    connect(mViewport, &ViewportWidget::featurePicked, this, &MainWindow::showFeature);
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

    mSession = new ProjectSession(this);
    connect(mSession, &ProjectSession::incidentsAppended, this, &MainWindow::appendIncidents);

    mTourTimer.setSingleShot(true);
    connect(&mTourTimer, &QTimer::timeout, this, &MainWindow::nextTourStop);
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

void MainWindow::createActions()
{
    mOpenAction = new QAction(this);
    mOpenAction->setShortcut(QKeySequence::Open);
    connect(mOpenAction, &QAction::triggered, this, &MainWindow::chooseFiles);

    mNewProjectAction = new QAction(this);
    mNewProjectAction->setShortcut(QKeySequence::New);
    connect(mNewProjectAction, &QAction::triggered, this, &MainWindow::newProject);
    mOpenProjectAction = new QAction(this);
    mOpenProjectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(mOpenProjectAction, &QAction::triggered, this, &MainWindow::chooseProject);
    mTerrainAction = new QAction(this);
    mTerrainAction->setCheckable(true);
    mTerrainAction->setEnabled(false);
    connect(mTerrainAction, &QAction::toggled, this,
            [this](bool shown)
            {
                if (osg::Node* terrain = mModel->terrain())
                    terrain->setNodeMask(shown ? ~0u : 0u);
                mViewport->sceneChanged(false);
            });
    mRingsAction = new QAction(this);
    mRingsAction->setCheckable(true);
    connect(mRingsAction, &QAction::toggled, this,
            [this](bool shown) { showDerivedLayer(QStringLiteral("stations"), DerivedLayer::ServiceRings, shown); });
    mConesAction = new QAction(this);
    mConesAction->setCheckable(true);
    connect(mConesAction, &QAction::toggled, this,
            [this](bool shown) { showDerivedLayer(QStringLiteral("cameras"), DerivedLayer::ViewCones, shown); });
    mHeatAction = new QAction(this);
    mHeatAction->setObjectName(QStringLiteral("heatAction"));
    mHeatAction->setCheckable(true);
    connect(mHeatAction, &QAction::toggled, this, &MainWindow::showIncidentHeat);
    mExaggerateAction = new QAction(this);
    mExaggerateAction->setCheckable(true);
    mSeeThroughAction = new QAction(this);
    mSeeThroughAction->setCheckable(true);
    for (QAction* action : {mExaggerateAction, mSeeThroughAction})
        connect(action, &QAction::toggled, this,
                [this]
                {
                    mModel->setBuildingDisplay(mExaggerateAction->isChecked() ? 3.0f : 1.0f,
                                               mSeeThroughAction->isChecked() ? 0.45f : 1.0f);
                    mViewport->sceneChanged(false);
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
    mOpenSampleAction = new QAction(this);
    connect(mOpenSampleAction, &QAction::triggered, this, &MainWindow::openSample);
    mImportAction = new QAction(this);
    mImportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(mImportAction, &QAction::triggered, this, [this] { showImportDialog(); });

    mSaveImageAction = new QAction(this);
    mSaveImageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(mSaveImageAction, &QAction::triggered, this, &MainWindow::saveViewImage);

    mQuitAction = new QAction(this);
    mQuitAction->setShortcut(QKeySequence::Quit);
    connect(mQuitAction, &QAction::triggered, this, &QWidget::close);

    mHomeAction = new QAction(this);
    mHomeAction->setShortcut(QKeySequence(Qt::Key_Home));
    connect(mHomeAction, &QAction::triggered, this, [this] { mViewport->goHome(true); });

    mAboutAction = new QAction(this);
    connect(mAboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    mLanguageGroup = new QActionGroup(this);
    for (const QString& language : Language::available())
    {
        QAction* action = mLanguageGroup->addAction(Language::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        action->setChecked(language == mLanguage.current());
        connect(action, &QAction::triggered, this, [this, language] { switchLanguage(language); });
    }
}

void MainWindow::createMenus()
{
    mFileMenu = menuBar()->addMenu(QString());
    mFileMenu->addAction(mNewProjectAction);
    mFileMenu->addAction(mOpenProjectAction);
    mFileMenu->addAction(mOpenSampleAction);
    mFileMenu->addAction(mImportAction);
    mFileMenu->addSeparator();
    mFileMenu->addAction(mOpenAction);
    mFileMenu->addAction(mSaveImageAction);
    mFileMenu->addSeparator();
    mFileMenu->addAction(mQuitAction);

    mViewMenu = menuBar()->addMenu(QString());
    mViewMenu->addAction(mHomeAction);
    mViewMenu->addAction(mTerrainAction);
    mViewMenu->addAction(mRingsAction);
    mViewMenu->addAction(mConesAction);
    mViewMenu->addAction(mHeatAction);
    mViewMenu->addSeparator();
    mViewMenu->addAction(mTopDownAction);
    mViewMenu->addAction(mExaggerateAction);
    mViewMenu->addAction(mSeeThroughAction);
    mViewMenu->addSeparator();
    mViewMenu->addAction(mLayersDock->toggleViewAction());
    mViewMenu->addAction(mInspectorDock->toggleViewAction());
    mViewMenu->addAction(mAnalysisDock->toggleViewAction());
    mViewMenu->addSeparator();
    mLanguageMenu = mViewMenu->addMenu(QString());
    mLanguageMenu->addActions(mLanguageGroup->actions());

    mBookmarksMenu = menuBar()->addMenu(QString());
    connect(mBookmarksMenu, &QMenu::aboutToShow, this, &MainWindow::fillBookmarksMenu);
    mHelpMenu = menuBar()->addMenu(QString());
    mHelpMenu->addAction(mAboutAction);
}

void MainWindow::retranslateUi()
{
    mModel->setLegendNames([](const std::string& table) { return LayerNames::displayName(table).toStdString(); });
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
    mRingsAction->setText(tr("Day-care Station Service &Rings (%1 m)").arg(ServiceRingMetres));
    mConesAction->setText(tr("Camera View &Cones"));
    mHeatAction->setText(tr("Incident &Heat Map"));
    mTopDownAction->setText(tr("Top-&down View"));
    mExaggerateAction->setText(tr("E&xaggerate Heights (×3)"));
    mSeeThroughAction->setText(tr("See-through &Buildings"));
    mImportAction->setText(tr("&Import into Project…"));
    mImportAction->setStatusTip(tr("Copy a layer, or a table of incidents, into the open project"));
    mSaveImageAction->setText(tr("&Save View as Image…"));
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
            else
                mAnalysisDock->setProject(path);
            updateActions();
        }
        if (isObliqueTileset(path))
        {
            // The top-level tiles load now; the finer levels page in as the camera comes close.
            if (auto added = addObliqueTileset(*mModel, path); !added)
                reportError(ErrorText::describe(added.error()));
            else
                statusBar()->showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
            mViewport->sceneChanged(true);
            continue;
        }
        loadTerrain(path);
        if (data::isRasterOnly(path.toStdString()))
            continue;
        ++mPendingLoads;
        statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
        auto* watcher = new QFutureWatcher<data::Result<std::vector<data::VectorLayer>>>(this);
        const quint64 ticket = mNextLoadTicket++;
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, path, ticket]
                {
                    loadFinished(ticket, path, watcher->result());
                    watcher->deleteLater();
                });
        data::VectorReadOptions options;
        // Large layers that start hidden are read when first shown (the sample's 330,000 incidents).
        options.deferredLayers = {"incidents", "party_links", "party_orgs", "cameras"};
        watcher->setFuture(
            QtConcurrent::run([file = path.toStdString(), options] { return data::readVectorSource(file, options); }));
    }
}

void MainWindow::loadFinished(quint64 ticket, const QString& path, data::Result<std::vector<data::VectorLayer>> result)
{
    mFinishedLoads.emplace(ticket, std::make_pair(path, std::move(result)));
    for (auto next = mFinishedLoads.find(mNextTicketToAdd); next != mFinishedLoads.end();
         next = mFinishedLoads.find(mNextTicketToAdd))
    {
        auto [readyPath, readyResult] = std::move(next->second);
        mFinishedLoads.erase(next);
        ++mNextTicketToAdd;
        --mPendingLoads;
        addLoadedLayers(readyPath, std::move(readyResult));
    }
    if (mPendingLoads == 0)
        emit loadsFinished();
}

void MainWindow::addLoadedLayers(const QString& path, data::Result<std::vector<data::VectorLayer>> result)
{
    if (!result)
    {
        reportError(ErrorText::describe(result.error()));
    }
    else
    {
        for (data::VectorLayer& layer : result.value())
        {
            const QString name = QString::fromStdString(layer.name);
            for (const data::LayerWarning& warning : layer.warnings)
                statusBar()->showMessage(ErrorText::describeWarning(name, warning), 15000);
            if (layer.crsGuessed)
                confirmCrs(path, layer);
            const auto featureCount =
                static_cast<qsizetype>(layer.deferredCount.value_or(static_cast<std::int64_t>(layer.features.size())));
            const int index = mModel->addLayer(std::make_shared<const data::VectorLayer>(std::move(layer)));
            mLayersDock->addLayer(name, featureCount, mModel->isLayerVisible(index));
        }
        mViewport->sceneChanged(true);
        if (std::all_of(result->begin(), result->end(),
                        [](const data::VectorLayer& layer) { return layer.warnings.empty(); }))
            statusBar()->showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
        if (mModel->layerCount() > 0)
            mCoordinates->clear();
    }
}

void MainWindow::fillBookmarksMenu()
{
    mBookmarksMenu->clear();
    if (!mSession->isOpen())
    {
        mBookmarksMenu->addAction(tr("Open a project to use bookmarks"))->setEnabled(false);
        return;
    }
    auto project = data::ProjectStore::open(mSession->path().toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return;
    auto bookmarks = project->bookmarks();
    for (const data::Bookmark& bookmark : bookmarks ? bookmarks.value() : std::vector<data::Bookmark>{})
        mBookmarksMenu->addAction(QString::fromStdString(bookmark.name), this,
                                  [this, bookmark] { flyToBookmark(bookmark, 2.0); });
    mBookmarksMenu->addSeparator();
    mBookmarksMenu->addAction(tr("&Add Bookmark…"), this, &MainWindow::addBookmark);
    auto tours = project->tours();
    if (tours && !tours->empty())
    {
        mBookmarksMenu->addSeparator();
        for (const data::Tour& tour : tours.value())
            mBookmarksMenu->addAction(tr("Play Tour “%1”").arg(QString::fromStdString(tour.name)), this,
                                      [this, name = tour.name] { playTour(QString::fromStdString(name)); });
        QAction* stop = mBookmarksMenu->addAction(tr("Stop Tour"), this, &MainWindow::stopTour);
        stop->setEnabled(mTourTimer.isActive());
    }
}

void MainWindow::flyToBookmark(const data::Bookmark& bookmark, double seconds)
{
    const osg::Vec3d origin = mModel->origin();
    const scene::ViewPose pose{osg::Vec3d(bookmark.eye.x, bookmark.eye.y, bookmark.eye.z) - origin,
                               osg::Vec3d(bookmark.center.x, bookmark.center.y, bookmark.center.z) - origin,
                               osg::Vec3d(bookmark.up.x, bookmark.up.y, bookmark.up.z)};
    mViewport->flyToPose(pose, seconds);
}

void MainWindow::addBookmark()
{
    bool chosen = false;
    const QString name =
        QInputDialog::getText(this, tr("Add Bookmark"), tr("Name of the view:"), QLineEdit::Normal, QString(), &chosen)
            .trimmed();
    if (!chosen || name.isEmpty())
        return;
    auto project = data::ProjectStore::open(mSession->path().toStdString(), {.create = false});
    if (!project)
    {
        reportError(ErrorText::describe(project.error()));
        return;
    }
    const scene::ViewPose pose = mViewport->currentPose();
    const osg::Vec3d eye = mModel->worldToProject(pose.eye), center = mModel->worldToProject(pose.center);
    data::Bookmark bookmark{name.toStdString(),
                            {eye.x(), eye.y(), eye.z()},
                            {center.x(), center.y(), center.z()},
                            {pose.up.x(), pose.up.y(), pose.up.z()}};
    if (auto saved = project->saveBookmark(bookmark); !saved)
        reportError(ErrorText::describe(saved.error()));
    else
        statusBar()->showMessage(tr("Saved bookmark %1").arg(name), 5000);
}

bool MainWindow::playTour(const QString& name, double speed)
{
    auto project = data::ProjectStore::open(mSession->path().toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return false;
    auto tours = project->tours();
    auto bookmarks = project->bookmarks();
    if (!tours || !bookmarks)
        return false;
    mTourStops.clear();
    for (const data::Tour& tour : tours.value())
        if (QString::fromStdString(tour.name) == name)
            for (const data::Tour::Stop& stop : tour.stops)
                for (const data::Bookmark& bookmark : bookmarks.value())
                    if (bookmark.name == stop.bookmark)
                        mTourStops.push_back({bookmark, stop.durationSeconds / std::max(speed, 0.01)});
    if (mTourStops.empty())
        return false;
    mTourStop = 0;
    nextTourStop();
    return true;
}

void MainWindow::nextTourStop()
{
    if (mTourStop >= mTourStops.size())
    {
        statusBar()->showMessage(tr("Tour finished"), 5000);
        emit tourFinished();
        return;
    }
    const auto& [bookmark, seconds] = mTourStops[mTourStop++];
    // Fly for a third of the stop (at most 4 s), then hold the view.
    flyToBookmark(bookmark, std::min(4.0, seconds / 3.0));
    statusBar()->showMessage(tr("Tour: %1").arg(QString::fromStdString(bookmark.name)));
    mTourTimer.start(static_cast<int>(seconds * 1000.0));
}

void MainWindow::stopTour()
{
    mTourTimer.stop();
    mTourStops.clear();
    statusBar()->showMessage(tr("Tour stopped"), 5000);
}

void MainWindow::showIncidentHeat(bool shown)
{
    if (!shown)
    {
        mModel->setHeatLayer(nullptr);
        mViewport->sceneChanged(false);
        return;
    }
    // With the project's incidents in the Analysis dock: the density of those its filter lets through.
    if (mAnalysisDock->store())
    {
        data::Extent extent;
        const std::vector<data::Position> points = mAnalysisDock->filteredPositions(&extent);
        mModel->setHeatLayer(
            buildIncidentHeat(*mModel, points, extent),
            tr("incidents per km² (%n shown)", nullptr, static_cast<int>(points.size())).toStdString());
        mViewport->sceneChanged(false);
        return;
    }
    const int index = findLayer(mSession->path(), QStringLiteral("incidents"));
    if (index < 0)
    {
        statusBar()->showMessage(tr("No layer named %1 is open").arg(QStringLiteral("incidents")), 5000);
        return;
    }
    if (mModel->layer(index).deferredCount)
    {
        // The heat map needs the points now.
        if (!placeReadLayer(index, data::readVectorSource(mModel->layer(index).sourcePath, {.layerName = "incidents"})))
            return;
    }
    mModel->setHeatLayer(buildIncidentHeat(*mModel, mModel->layer(index)), tr("incidents per km²").toStdString());
    mViewport->sceneChanged(false);
}

void MainWindow::chooseLayerColors(int index)
{
    const data::VectorLayer& layer = mModel->layer(index);
    if (layer.fieldNames.empty())
        return;
    ColorByDialog dialog(layer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string field = dialog.field().toStdString();
    auto colors = thematicColorsFor(layer, field, dialog.classes(), dialog.method());
    if (!colors)
        return;
    // Columns: a derived layer "<areas> (columns)" (made or replaced) shown instead of the flat areas.
    const QString columnsName = QString::fromStdString(layer.name + " (columns)");
    int columns = findLayer(QString::fromStdString(layer.sourcePath), columnsName);
    int coloured = index;
    if (dialog.columns())
    {
        auto derived = std::make_shared<const data::VectorLayer>(data::valueColumns(layer, field, ColumnHeightMetres));
        if (columns < 0)
        {
            columns = mModel->addLayer(derived);
            mLayersDock->addLayer(columnsName, static_cast<qsizetype>(derived->features.size()), true);
        }
        else
            mModel->replaceLayer(columns, derived);
        mModel->setLayerVisible(index, false);
        mLayersDock->setChecked(index, false);
        coloured = columns;
    }
    else if (columns >= 0)
    {
        mModel->setLayerVisible(columns, false);
        mLayersDock->setChecked(columns, false);
    }
    mModel->setLayerColors(coloured, std::move(colors));
    mModel->setLayerVisible(coloured, true);
    mLayersDock->setChecked(coloured, true);
    mViewport->sceneChanged(false);
}

void MainWindow::showValuesOnMap(const QString& areaTable, const QHash<qint64, double>& values, const QString& title,
                                 bool columns)
{
    const int index = layerNamed(areaTable.toStdString());
    if (index < 0)
        return;
    const data::VectorLayer& layer = mModel->layer(index);
    std::vector<double> perFeature;
    perFeature.reserve(layer.features.size());
    for (const qint64 id : featureIds(layer))
        perFeature.push_back(values.value(id, std::nan("")));
    auto colors = std::make_shared<const scene::ThematicColors>(scene::graduatedColors(
        perFeature, title.toStdString(), 5, data::ClassMethod::NaturalBreaks, scene::ColorRamp::YellowOrangeRed));
    // Columns: a derived layer "<areas> (columns)" with the values as its height, in place of the flat areas.
    const QString columnsName = QString::fromStdString(layer.name + " (columns)");
    int columnsIndex = findLayer(QString::fromStdString(layer.sourcePath), columnsName);
    int coloured = index;
    if (columns)
    {
        data::VectorLayer withValues = layer;
        withValues.fieldNames.push_back("value");
        for (std::size_t i = 0; i < withValues.features.size(); ++i)
            withValues.features[i].values.push_back(std::isfinite(perFeature[i]) ? std::to_string(perFeature[i])
                                                                                 : std::string());
        auto derived =
            std::make_shared<const data::VectorLayer>(data::valueColumns(withValues, "value", ColumnHeightMetres));
        if (columnsIndex < 0)
        {
            columnsIndex = mModel->addLayer(derived);
            mLayersDock->addLayer(columnsName, static_cast<qsizetype>(derived->features.size()), true);
        }
        else
            mModel->replaceLayer(columnsIndex, derived);
        mModel->setLayerVisible(index, false);
        mLayersDock->setChecked(index, false);
        coloured = columnsIndex;
    }
    else if (columnsIndex >= 0)
    {
        mModel->setLayerVisible(columnsIndex, false);
        mLayersDock->setChecked(columnsIndex, false);
    }
    mModel->setLayerColors(coloured, std::move(colors));
    mModel->setLayerVisible(coloured, true);
    mLayersDock->setChecked(coloured, true);
    mViewport->sceneChanged(false);
}

void MainWindow::startDrawingArea()
{
    mDrawnCorners.clear();
    mViewport->setDrawing(true);
    mViewport->setFocus();
    statusBar()->showMessage(
        tr("Click the corners of the area on the map; double-click or Enter to finish, Esc to cancel"));
}

void MainWindow::zoomToArea(const QString& table, qint64 id)
{
    const int index = layerNamed(table.toStdString());
    if (index < 0)
        return;
    const data::VectorLayer& layer = mModel->layer(index);
    const std::vector<qint64> ids = featureIds(layer);
    const auto found = std::find(ids.begin(), ids.end(), id);
    if (found == ids.end())
        return;
    const data::Feature& feature = layer.features[static_cast<std::size_t>(found - ids.begin())];
    data::Extent extent;
    for (const data::Polygon& polygon : feature.polygons)
        for (const data::Ring& ring : polygon.rings)
            for (const data::Position& p : ring)
                extent.include(p.x, p.y);
    for (const data::Position& p : feature.points)
        extent.include(p.x, p.y);
    if (!extent.isValid())
        return;
    const osg::Vec3d centre = mModel->projectToWorld(osg::Vec3d(extent.centerX(), extent.centerY(), 0.0));
    const double radius = std::max(150.0, 0.6 * std::hypot(extent.maxX - extent.minX, extent.maxY - extent.minY));
    mModel->setLayerVisible(index, true);
    mLayersDock->setChecked(index, true);
    mViewport->flyToBound(osg::BoundingSphere(centre, radius));
    statusBar()->showMessage(tr("%1 %2").arg(LayerNames::displayName(layer.name)).arg(id), 5000);
}

void MainWindow::showAnalysisLayer(std::shared_ptr<const data::VectorLayer> layer)
{
    const QString name = QString::fromStdString(layer->name);
    const int index = findLayer(QString::fromStdString(layer->sourcePath), name);
    if (index >= 0)
    {
        mModel->replaceLayer(index, layer);
        mModel->setLayerVisible(index, true);
        mLayersDock->updateLayer(index, name, static_cast<qsizetype>(layer->features.size()));
        mLayersDock->setChecked(index, true);
    }
    else
    {
        mModel->addLayer(layer);
        mLayersDock->addLayer(name, static_cast<qsizetype>(layer->features.size()), true);
    }
    mViewport->sceneChanged(false);
}

void MainWindow::highlightBuildings(const QList<qint64>& ids)
{
    const int index = layerNamed("buildings");
    if (index < 0)
        return;
    const data::VectorLayer& layer = mModel->layer(index);
    const QSet<qint64> wanted(ids.begin(), ids.end());
    const osg::Vec4 highlighted(0.90f, 0.20f, 0.18f, 1.0f), other(0.80f, 0.80f, 0.78f, 1.0f);
    auto colors = std::make_shared<scene::ThematicColors>();
    colors->legend.title = tr("Buildings listed by the analysis").toStdString();
    colors->legend.entries = {{tr("listed (%n)", nullptr, static_cast<int>(wanted.size())).toStdString(), highlighted},
                              {tr("others").toStdString(), other}};
    for (const qint64 id : featureIds(layer))
        colors->perFeature.push_back(wanted.contains(id) ? highlighted : other);
    mModel->setLayerColors(index, std::move(colors));
    mViewport->sceneChanged(false);
}

void MainWindow::showDerivedLayer(const QString& sourceName, DerivedLayer kind, bool shown)
{
    const int source = [this, &sourceName]
    {
        for (int i = 0; i < mModel->layerCount(); ++i)
            if (QString::fromStdString(mModel->layer(i).name) == sourceName)
                return i;
        return -1;
    }();
    if (source < 0)
    {
        if (shown)
            statusBar()->showMessage(tr("No layer named %1 is open").arg(sourceName), 5000);
        return;
    }
    const data::VectorLayer derived = kind == DerivedLayer::ServiceRings
                                          ? data::serviceAreas(mModel->layer(source), ServiceRingMetres, "day_care")
                                          : data::viewCones(mModel->layer(source));
    const QString name = QString::fromStdString(derived.name);
    int index = findLayer(QString::fromStdString(derived.sourcePath), name);
    if (index < 0 && shown)
    {
        const auto count = static_cast<qsizetype>(derived.features.size());
        index = mModel->addLayer(std::make_shared<const data::VectorLayer>(derived));
        mLayersDock->addLayer(name, count, true);
    }
    else if (index >= 0)
    {
        mModel->setLayerVisible(index, shown);
        mLayersDock->setChecked(index, shown);
    }
    mViewport->sceneChanged(false);
}

void MainWindow::loadTerrain(const QString& path)
{
    // The first source with rasters gives the terrain; its DEM and imagery are opened in the background.
    if (mModel->terrain() || mTerrainLoading)
        return;
    mTerrainLoading = true;
    ++mPendingLoads;
    auto* watcher = new QFutureWatcher<data::Result<std::optional<TerrainData>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher]
            {
                auto result = watcher->result();
                watcher->deleteLater();
                mTerrainLoading = false;
                if (!result)
                    reportError(ErrorText::describe(result.error()));
                else if (result.value())
                {
                    applyTerrain(*mModel, *result.value());
                    mTerrainAction->setEnabled(true);
                    mTerrainAction->setChecked(true);
                    mViewport->sceneChanged(mModel->layerCount() == 0);
                }
                if (--mPendingLoads == 0)
                    emit loadsFinished();
            });
    watcher->setFuture(QtConcurrent::run([path] { return loadTerrainData(path); }));
}

void MainWindow::openProject(const QString& path)
{
    mSession->close();
    if (const auto error = mSession->open(path))
    {
        reportError(*error);
        return;
    }
    mAnalysisDock->setProject(path);
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
    struct Outcome
    {
        std::optional<QString> path;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher]
            {
                const Outcome outcome = watcher->result();
                watcher->deleteLater();
                mOpenSampleAction->setEnabled(true);
                statusBar()->clearMessage();
                if (outcome.path)
                    openProject(*outcome.path);
                else
                    reportError(outcome.error);
            });
    watcher->setFuture(QtConcurrent::run(
        []
        {
            Outcome outcome;
            outcome.path = SampleProject::ensure(&outcome.error);
            return outcome;
        }));
}

QString MainWindow::projectPath() const
{
    return mSession->path();
}

void MainWindow::updateActions()
{
    mImportAction->setEnabled(mSession->isOpen());
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
    connect(dialog, &ImportDialog::imported, this, &MainWindow::reloadProjectTable);
    dialog->show();
    return dialog;
}

int MainWindow::layerNamed(const std::string& name) const
{
    for (int i = 0; i < mModel->layerCount(); ++i)
        if (mModel->layer(i).name == name)
            return i;
    return -1;
}

int MainWindow::findLayer(const QString& sourcePath, const QString& layerName) const
{
    for (int i = 0; i < mModel->layerCount(); ++i)
    {
        const data::VectorLayer& layer = mModel->layer(i);
        if (QString::fromStdString(layer.sourcePath) == sourcePath && QString::fromStdString(layer.name) == layerName)
            return i;
    }
    return -1;
}

void MainWindow::reloadProjectTable(const QString& table)
{
    if (table == QLatin1String("incidents"))
    {
        // New incidents arrive through the project watch, like those appended by other processes.
        mSession->poll();
        return;
    }
    if (findLayer(mSession->path(), table) >= 0)
        replaceLayerFromSource(mSession->path(), table, QString());
    else
    {
        auto layers = data::readVectorSource(mSession->path().toStdString(), {.layerName = table.toStdString()});
        addLoadedLayers(mSession->path(), std::move(layers));
    }
}

bool MainWindow::placeReadLayer(int index, data::Result<std::vector<data::VectorLayer>> result)
{
    if (!result)
    {
        reportError(ErrorText::describe(result.error()));
        return false;
    }
    const QString name = QString::fromStdString(result->front().name);
    const auto count = static_cast<qsizetype>(result->front().features.size());
    mModel->replaceLayer(index, std::make_shared<const data::VectorLayer>(std::move(result->front())));
    mLayersDock->updateLayer(index, name, count);
    mViewport->sceneChanged(false);
    return true;
}

void MainWindow::loadDeferredLayer(int index)
{
    const data::VectorLayer& deferred = mModel->layer(index);
    if (!deferred.deferredCount || mLoadingDeferred.contains(index))
        return;
    mLoadingDeferred.insert(index);
    const QString name = QString::fromStdString(deferred.name);
    statusBar()->showMessage(tr("Loading %1…").arg(name));
    auto* watcher = new QFutureWatcher<data::Result<std::vector<data::VectorLayer>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, index, name]
            {
                watcher->deleteLater();
                mLoadingDeferred.remove(index);
                if (placeReadLayer(index, watcher->result()))
                    statusBar()->showMessage(tr("Loaded %1").arg(name), 5000);
            });
    watcher->setFuture(QtConcurrent::run([path = deferred.sourcePath, layer = deferred.name]
                                         { return data::readVectorSource(path, {.layerName = layer}); }));
}

void MainWindow::appendIncidents(const std::vector<data::IncidentRow>& rows)
{
    const int index = findLayer(mSession->path(), QStringLiteral("incidents"));
    if (index < 0)
        return;
    if (const auto& deferred = mModel->layer(index).deferredCount)
    {
        // Not read yet: the new rows come with the rest when it is first shown.
        auto counted = std::make_shared<data::VectorLayer>(mModel->layer(index));
        counted->deferredCount = *deferred + static_cast<std::int64_t>(rows.size());
        mModel->replaceLayer(index, counted);
        mLayersDock->updateLayer(index, QStringLiteral("incidents"), static_cast<qsizetype>(*counted->deferredCount));
        statusBar()->showMessage(tr("%n new incident(s)", nullptr, static_cast<int>(rows.size())), 10000);
        emit incidentsUpdated(static_cast<int>(rows.size()));
        return;
    }
    auto layer = std::make_shared<data::VectorLayer>(mModel->layer(index));
    const auto fieldIndex = [&layer](const char* name)
    {
        const auto found = std::find(layer->fieldNames.begin(), layer->fieldNames.end(), name);
        return found == layer->fieldNames.end() ? -1 : static_cast<int>(found - layer->fieldNames.begin());
    };
    const int categoryField = fieldIndex("category"), statusField = fieldIndex("status"),
              timeField = fieldIndex("reported_at");
    for (const data::IncidentRow& row : rows)
    {
        data::Feature feature;
        feature.fid = row.fid;
        feature.points.push_back({row.x, row.y, 0.0});
        feature.values.resize(layer->fieldNames.size());
        if (categoryField >= 0)
            feature.values[categoryField] = row.category;
        if (statusField >= 0)
            feature.values[statusField] = row.status;
        if (timeField >= 0)
            feature.values[timeField] = row.reportedAt;
        layer->extent.include(row.x, row.y);
        layer->features.push_back(std::move(feature));
    }
    layer->kind = data::GeometryKind::Point;
    const auto count = static_cast<qsizetype>(layer->features.size());
    mModel->replaceLayer(index, std::move(layer));
    mLayersDock->updateLayer(index, QStringLiteral("incidents"), count);
    mViewport->sceneChanged(false);
    statusBar()->showMessage(tr("%n new incident(s)", nullptr, static_cast<int>(rows.size())), 10000);
    emit incidentsUpdated(static_cast<int>(rows.size()));
}

void MainWindow::confirmCrs(const QString& path, const data::VectorLayer& layer)
{
    const QString name = QString::fromStdString(layer.name);
    const QString guess = QString::fromStdString(layer.effectiveCrs);
    auto* dialog = new CrsConfirmDialog(name, guess, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CrsConfirmDialog::crsChosen, this,
            [this, path, name, guess](const QString& crs)
            {
                if (crs != guess)
                    replaceLayerFromSource(path, name, crs);
            });
    dialog->open();
}

void MainWindow::replaceLayerFromSource(const QString& path, const QString& layerName, const QString& crs)
{
    const int index = findLayer(path, layerName);
    auto layers = data::readVectorSource(path.toStdString(),
                                         {.layerName = layerName.toStdString(), .sourceCrs = crs.toStdString()});
    if (index >= 0)
        placeReadLayer(index, std::move(layers));
    else if (!layers)
        reportError(ErrorText::describe(layers.error()));
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
    const data::VectorLayer& layer = mModel->layer(layerIndex);
    const data::Feature& feature = layer.features.at(featureIndex);
    QStringList fields, values;
    for (std::size_t i = 0; i < layer.fieldNames.size(); ++i)
    {
        fields << QString::fromStdString(layer.fieldNames[i]);
        values << QString::fromStdString(i < feature.values.size() ? feature.values[i] : std::string());
    }
    mInspectorDock->showFeature(QString::fromStdString(layer.name), feature.fid, fields, values);
    mInspectorDock->raise(); // tabbed with the Analysis dock
    if (layer.name == "grids")
        if (const auto id = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), "id");
            id != layer.fieldNames.end())
            mAnalysisDock->setPickedGrid(
                QString::fromStdString(feature.values.at(id - layer.fieldNames.begin())).toLongLong());
    // The picked building lights up in place (its tile is not rebuilt).
    mHighlight.set(mModel->layerNode(layerIndex), static_cast<std::size_t>(featureIndex));
    mViewport->sceneChanged(false);
}

void MainWindow::zoomToLayer(int layerIndex)
{
    mViewport->flyToBound(mModel->layerNode(layerIndex)->getBound());
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
    {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty())
    {
        openFiles(paths);
        event->acceptProposedAction();
    }
}

} // namespace citytwin::app
