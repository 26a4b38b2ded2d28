#include "common/gl_test_main.hpp"
#include "common/compare.hpp"
#include "common/mixed_geopackage.hpp"
#include "common/project_fixture.hpp"
#include "common/required_data.hpp"
#include "common/scene_fixture.hpp"

#include "app/gui/crs_confirm_dialog.hpp"
#include "app/gui/inspector_dock.hpp"
#include "app/common/language.hpp"
#include "app/gui/layers_dock.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/table_columns_dialog.hpp"
#include "app/viewport/viewport_widget.hpp"
#include "scene/scene_model.hpp"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>

#include <osgViewer/Viewer>

using namespace citytwin;
namespace mixed = citytwin::test::mixed;

/// The main window under Xvfb: loading, the docks, picking by click, on-demand frames, language switch.
class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        QVERIFY(mLanguage.install(QStringLiteral("en")));
        mWindow = std::make_unique<app::MainWindow>(mLanguage);
        mWindow->resize(1200, 800);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }

    void cleanupTestCase() { mWindow.reset(); }

    void loadsALayerPerTableWithCounts()
    {
        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        mWindow->openFiles({mFixture.path()});
        QVERIFY(finished.wait(20000));
        QCOMPARE(mWindow->sceneModel().layerCount(), 3);
        app::LayersDock* dock = mWindow->layersDock();
        QCOMPARE(dock->layerCount(), 3);
        QCOMPARE(dock->rowText(0), QStringLiteral("footprints (3 features)"));
        QCOMPARE(dock->rowText(2), QStringLiteral("Service stations (1 feature)")); // a conventional table: named
        QVERIFY(mWindow->lastError().isEmpty());
    }

    void viewportRendersFrames() { QTRY_VERIFY_WITH_TIMEOUT(mWindow->viewport()->frameCount() > 0, 10000); }

    void idleViewRendersNothing()
    {
        // Let any pending frames settle, then nothing may be drawn while nobody touches the view.
        QTest::qWait(500);
        const quint64 before = mWindow->viewport()->frameCount();
        QTest::qWait(1500);
        QCOMPARE(mWindow->viewport()->frameCount(), before);
    }

    void inputCausesAFrame()
    {
        const quint64 before = mWindow->viewport()->frameCount();
        QWheelEvent wheel(QPointF(200, 200), mWindow->viewport()->mapToGlobal(QPointF(200, 200)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(mWindow->viewport(), &wheel);
        QTRY_VERIFY_WITH_TIMEOUT(mWindow->viewport()->frameCount() > before, 5000);
    }

    void clickShowsTheFeatureInTheInspector()
    {
        app::ViewportWidget* viewport = mWindow->viewport();
        // From the home view, click the roof of footprint B.
        const quint64 before = viewport->frameCount();
        viewport->goHome(false);
        QTRY_VERIFY_WITH_TIMEOUT(viewport->frameCount() > before, 5000);
        osg::Camera* camera = viewport->viewer()->getCamera();
        const osg::Vec3d roof(mixed::FootprintBMinX + 15.0, mixed::FootprintBMinY + 15.0,
                              mixed::FootprintBFloors * 3.0);
        const osg::Vec3d window = test::toWindow(mWindow->sceneModel(), *camera, roof);
        const qreal ratio = viewport->devicePixelRatioF();
        const QPoint logical(qRound(window.x() / ratio),
                             qRound((camera->getViewport()->height() - window.y()) / ratio));
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, logical);
        QCOMPARE(mWindow->inspectorDock()->valueOf(QStringLiteral("name")), QStringLiteral("路北区党群服务中心"));
        QVERIFY(mWindow->inspectorDock()->heading().contains(QStringLiteral("footprints")));
    }

    void effectsStartOffOnSoftwareOpenGLAndAreSwitchable()
    {
        app::ViewportWidget* viewport = mWindow->viewport();
        QVERIFY(!viewport->rendererName().isEmpty());
        qInfo("renderer: %s", qPrintable(viewport->rendererName()));
        auto* shadows = mWindow->findChild<QAction*>(QStringLiteral("shadowsAction"));
        auto* occlusion = mWindow->findChild<QAction*>(QStringLiteral("ambientOcclusionAction"));
        auto* bloom = mWindow->findChild<QAction*>(QStringLiteral("bloomAction"));
        QVERIFY(shadows && occlusion && bloom);
        // Xvfb draws with Mesa llvmpipe: the effects start off.
        QVERIFY(scene::isSoftwareRenderer(viewport->rendererName().toStdString()));
        QVERIFY(!shadows->isChecked() && !occlusion->isChecked() && !bloom->isChecked());
        QVERIFY(!mWindow->sceneModel().effects().any());

        // Turned on from the menu, every one is drawn, and a click on a roof still finds its building.
        for (QAction* action : {shadows, occlusion, bloom})
            action->trigger();
        QVERIFY(mWindow->sceneModel().effects() == scene::AllEffects);
        QVERIFY(mWindow->statusBar()->currentMessage().contains(QStringLiteral("Software OpenGL")));
        const quint64 before = viewport->frameCount();
        viewport->goHome(false);
        QTRY_VERIFY_WITH_TIMEOUT(viewport->frameCount() > before + 1, 5000);
        osg::Camera* camera = viewport->viewer()->getCamera();
        const osg::Vec3d roof(mixed::FootprintAMinX + 0.5 * mixed::FootprintAWidth,
                              mixed::FootprintAMinY + 0.5 * mixed::FootprintADepth, mixed::FootprintAHeight);
        const osg::Vec3d window = test::toWindow(mWindow->sceneModel(), *camera, roof);
        const qreal ratio = viewport->devicePixelRatioF();
        mWindow->inspectorDock()->clear();
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier,
                          QPoint(qRound(window.x() / ratio), qRound((camera->getViewport()->height() - window.y()) / ratio)));
        QVERIFY(mWindow->inspectorDock()->heading().contains(QStringLiteral("footprints")));
        QCOMPARE(mWindow->inspectorDock()->valueOf(QStringLiteral("height")), QStringLiteral("30"));
        // And off again.
        for (QAction* action : {shadows, occlusion, bloom})
            action->trigger();
        QVERIFY(!mWindow->sceneModel().effects().any());
    }

    void layerCheckBoxHidesTheLayer()
    {
        mWindow->layersDock()->setChecked(1, false);
        QVERIFY(!mWindow->sceneModel().isLayerVisible(1));
        mWindow->layersDock()->setChecked(1, true);
        QVERIFY(mWindow->sceneModel().isLayerVisible(1));
    }

    void missingFileReportsItsPath()
    {
        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        const QString missing = mFixture.filePath(QStringLiteral("missing.gpkg"));
        mWindow->openFiles({missing});
        QVERIFY(finished.wait(10000));
        QVERIFY(mWindow->lastError().contains(missing));
        QCOMPARE(mWindow->sceneModel().layerCount(), 3);
    }

    void modelsHaveRowsInTheLayersDock()
    {
        // A 3D Tiles set gets a row of its own under the layers: ticked off it is hidden, removed it is gone.
        const QString tileset = QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/3dtiles-cesium-requestvolume-city/tileset.json");
        CITYTWIN_REQUIRE_DATA(QFile::exists(tileset), "../shared/data");
        app::LayersDock* dock = mWindow->layersDock();
        const unsigned int before = mWindow->sceneModel().modelCount();
        mWindow->openFiles({tileset});
        QTRY_COMPARE_WITH_TIMEOUT(dock->modelCount(), static_cast<int>(before) + 1, 10000);
        const int row = dock->modelCount() - 1;
        QCOMPARE(dock->modelRowText(row), QStringLiteral("3dtiles-cesium-requestvolume-city (3D Tiles)"));
        QVERIFY(dock->isModelChecked(row));
        dock->setModelChecked(row, false);
        QVERIFY(!mWindow->sceneModel().isModelVisible(static_cast<unsigned int>(row)));
        dock->setModelChecked(row, true);
        QVERIFY(mWindow->sceneModel().isModelVisible(static_cast<unsigned int>(row)));
        emit dock->modelRemoveRequested(row);
        QCOMPARE(mWindow->sceneModel().modelCount(), before);
        QCOMPARE(dock->modelCount(), static_cast<int>(before));
    }

    void readsCityGmlInTheBackground()
    {
        // The window stays live while a CityGML file is parsed; the model then gets its row, and a broken file
        // gives one message naming it.
        const QString lod2 =
            QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/citygml-tudelft-lod2-semantics/b1_lod2_cs_w_sem.gml");
        CITYTWIN_REQUIRE_DATA(QFile::exists(lod2), "../shared/data");
        app::LayersDock* dock = mWindow->layersDock();
        const int before = dock->modelCount();
        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        mWindow->openFiles({lod2});
        QVERIFY(finished.wait(20000));
        QCOMPARE(dock->modelCount(), before + 1);
        QVERIFY(dock->modelRowText(before).startsWith(QStringLiteral("b1_lod2_cs_w_sem.gml")));
        emit dock->modelRemoveRequested(before);
        QCOMPARE(dock->modelCount(), before);

        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.gml"));
        QVERIFY(test::writeFile(broken, "<?xml version=\"1.0\"?><core:CityModel "
                                        "xmlns:core=\"http://www.opengis.net/citygml/2.0\">"
                                        "<core:cityObjectMember><bldg:Building"));
        mWindow->openFiles({broken});
        QVERIFY(finished.wait(20000));
        QVERIFY2(mWindow->lastError().contains(QStringLiteral("broken.gml")), qPrintable(mWindow->lastError()));
        QCOMPARE(dock->modelCount(), before);
    }

    void asksForTheCoordinateColumnsOfAPointTable()
    {
        // Columns no name rule recognises: the layer opens without geometry and the window asks for them,
        // offering the numeric columns; OK reads it again as points, and the guessed CRS is then confirmed.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("stations.csv"));
        QVERIFY(test::writeFile(csv, "station,a,b\n\xe4\xb8\x80\xe5\x8f\xb7,118.180,39.630\n"
                                     "\xe4\xba\x8c\xe5\x8f\xb7,118.190,39.640\n"));
        const int before = mWindow->sceneModel().layerCount();
        mWindow->openFiles({csv});
        app::TableColumnsDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = mWindow->findChild<app::TableColumnsDialog*>()) != nullptr, 10000);
        QCOMPARE(mWindow->sceneModel().layerCount(), before + 1);
        QVERIFY(mWindow->sceneModel().layer(before).features.front().points.empty());
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("xColumn"))->currentText(), QStringLiteral("a"));
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("yColumn"))->currentText(), QStringLiteral("b"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        // Read again and put in place (its node built in the background).
        QTRY_VERIFY_WITH_TIMEOUT(!mWindow->isPlacingLayers(), 10000);
        QCOMPARE(mWindow->sceneModel().layerCount(), before + 1);
        const data::VectorLayer& layer = mWindow->sceneModel().layer(before);
        QCOMPARE(layer.features.size(), std::size_t(2));
        QCOMPARE(layer.features.front().points.size(), std::size_t(1));
        QCOMPARE(layer.effectiveCrs, std::string("EPSG:4326"));
        app::CrsConfirmDialog* crs = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((crs = mWindow->findChild<app::CrsConfirmDialog*>()) != nullptr, 5000);
        QCOMPARE(crs->chosenCrs(), QStringLiteral("EPSG:4326"));
        crs->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!mWindow->isPlacingLayers(), 10000);
        QCOMPARE(mWindow->sceneModel().layer(before).features.front().points.size(), std::size_t(1));
    }

    void switchesTheInterfaceToChinese()
    {
        mWindow->switchLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(mWindow->menuBar()->actions().at(0)->text(), QStringLiteral("文件(&F)"));
        QTRY_COMPARE(mWindow->layersDock()->windowTitle(), QStringLiteral("图层"));
        QCOMPARE(mWindow->layersDock()->rowText(0), QStringLiteral("footprints（3 个要素）"));
        mWindow->switchLanguage(QStringLiteral("en"));
        QTRY_COMPARE(mWindow->menuBar()->actions().at(0)->text(), QStringLiteral("&File"));
    }

private:
    test::MixedGeoPackage mFixture;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
};

CITYTWIN_GL_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
