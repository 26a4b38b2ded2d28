#include "common/gl_test_main.hpp"
#include "common/sample_window.hpp"

#include "app/common/language.hpp"
#include "app/common/layer_names.hpp"
#include "app/gui/layers_dock.hpp"
#include "app/gui/main_window.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/io/gdal_open.hpp"
#include "data/project/project_store.hpp"
#include "data/sample/sample_writer.hpp"
#include "scene/scene_model.hpp"

#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace citytwin;

/// The sample district in the main window: every layer listed with its count, the dense layers hidden.
class TestSampleWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mPath = mDir.filePath(QStringLiteral("sample.gpkg"));
        // A tenth of the buildings and incidents keeps the test quick; the layers are the same.
        const QString failed = test::openSmallSample(mPath, mLanguage, mWindow, QSize(1280, 800));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase() { mWindow.reset(); }

    void layersDockListsEveryLayerWithItsCount()
    {
        data::GdalDatasetPtr dataset = data::openReadOnly(mPath.toStdString(), GDAL_OF_VECTOR);
        QVERIFY(dataset);
        const app::LayersDock& dock = *mWindow->layersDock();
        QStringList rows;
        for (int i = 0; i < dock.layerCount(); ++i)
            rows << dock.rowText(i);
        const QStringList hidden = {QStringLiteral("grids"), QStringLiteral("cameras"), QStringLiteral("party_orgs"),
                                    QStringLiteral("party_links"), QStringLiteral("incidents")};
        for (const char* name : {"district", "streets", "communities", "grids", "roads", "river", "buildings",
                                 "stations", "cameras", "party_orgs", "party_links", "incidents"})
        {
            const auto count = dataset->GetLayerByName(name)->GetFeatureCount();
            // Rows name the layer in the interface language (English here), the table in the tip.
            const QString row = QStringLiteral("%1 (%2 %3)")
                                    .arg(app::LayerNames::displayName(name))
                                    .arg(count)
                                    .arg(count == 1 ? QStringLiteral("feature") : QStringLiteral("features"));
            const auto index = rows.indexOf(row);
            QVERIFY2(index >= 0, qPrintable(row + QStringLiteral(" not in: ") + rows.join(QStringLiteral(", "))));
            QCOMPARE(dock.isChecked(static_cast<int>(index)), !hidden.contains(QLatin1String(name)));
            QCOMPARE(mWindow->sceneModel().isLayerVisible(static_cast<int>(index)),
                     !hidden.contains(QLatin1String(name)));
        }
        QCOMPARE(dock.layerCount(), 12);
    }

    void largeHiddenLayersAreReadWhenFirstShown()
    {
        int incidents = -1;
        for (int i = 0; i < mWindow->sceneModel().layerCount(); ++i)
            if (mWindow->sceneModel().layer(i).name == "incidents")
                incidents = i;
        QVERIFY(incidents >= 0);
        // Deferred: counted, not read.
        QCOMPARE(mWindow->sceneModel().layer(incidents).deferredCount.value_or(-1), std::int64_t(33000));
        QVERIFY(mWindow->sceneModel().layer(incidents).features.empty());
        mWindow->layersDock()->setChecked(incidents, true);
        QTRY_COMPARE_WITH_TIMEOUT(mWindow->sceneModel().layer(incidents).features.size(), std::size_t(33000), 30000);
        QVERIFY(!mWindow->sceneModel().layer(incidents).deferredCount);
        QVERIFY(mWindow->sceneModel().isLayerVisible(incidents));
        mWindow->layersDock()->setChecked(incidents, false);
    }

    void theViewShowsTheDistrict()
    {
        mWindow->viewport()->goHome(false);
        QTest::qWait(200);
        const QImage picture = mWindow->viewport()->grabFramebuffer();
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        picture.save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/sample-window.png"));
        // The district's ground fill covers the middle of the view.
        const QColor middle = picture.pixelColor(picture.width() / 2, picture.height() / 2);
        QVERIFY2(middle != QColor::fromRgbF(0.10f, 0.12f, 0.16f), qPrintable(middle.name()));
        QSet<QRgb> colours;
        for (int y = 0; y < picture.height(); y += 4)
            for (int x = 0; x < picture.width(); x += 4)
                colours.insert(picture.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }

    void theBriefingTourFliesThroughTheBookmarks()
    {
        QVERIFY(!mWindow->playTour(QStringLiteral("no such tour")));
        QSignalSpy finished(mWindow.get(), &app::MainWindow::tourFinished);
        // Twenty times faster: five stops of 8 s in 2 s.
        QVERIFY(mWindow->playTour(QStringLiteral("briefing"), 20.0));
        QVERIFY(mWindow->isTourPlaying());
        QVERIFY(finished.wait(15000));
        QTest::qWait(300); // the last flight ends
        auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
        QVERIFY(project.ok());
        auto last = project->bookmark("incident-heat");
        QVERIFY(last.ok() && last.value());
        const osg::Vec3d expected = osg::Vec3d(last.value()->center.x, last.value()->center.y, last.value()->center.z) -
                                    mWindow->sceneModel().origin();
        const scene::ViewPose pose = mWindow->viewport()->currentPose();
        QVERIFY2((pose.center - expected).length() < 1.0,
                 qPrintable(QStringLiteral("%1 m off").arg((pose.center - expected).length())));
    }

private:
    QTemporaryDir mDir;
    QString mPath;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
};

CITYTWIN_GL_TEST_MAIN(TestSampleWindow)
#include "test_sample_window.moc"
