#include "common/gl_test_main.hpp"
#include "common/project_fixture.hpp"

#include "app/gui/crs_confirm_dialog.hpp"
#include "app/gui/import_dialog.hpp"
#include "app/common/language.hpp"
#include "app/gui/layers_dock.hpp"
#include "app/gui/main_window.hpp"

#include "data/project/project_store.hpp"
#include "scene/scene_model.hpp"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QDir>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTest>

using namespace citytwin;

namespace
{
const QByteArray Header = "事件编号,发生时间,事件类型,事件来源,经度,纬度\n";

int incidentsLayer(app::MainWindow& window)
{
    for (int i = 0; i < window.sceneModel().layerCount(); ++i)
        if (window.sceneModel().layer(i).name == "incidents")
            return i;
    return -1;
}
} // namespace

/// A project in the main window: live incidents from another process, the import dialog, CRS confirmation.
class TestProjectWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mProjectPath = mDir.filePath(QStringLiteral("p.gpkg"));
        QVERIFY(data::ProjectStore::open(mProjectPath.toStdString()).ok());
        QVERIFY(mLanguage.install(QStringLiteral("en")));
        mWindow = std::make_unique<app::MainWindow>(mLanguage);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        mWindow->openProject(mProjectPath);
        QVERIFY(finished.wait(20000));
        QCOMPARE(mWindow->projectPath(), mProjectPath);
        QVERIFY2(
            incidentsLayer(*mWindow) >= 0,
            qPrintable(
                QStringLiteral("%1 layers; %2").arg(mWindow->sceneModel().layerCount()).arg(mWindow->lastError())));
    }

    void cleanupTestCase() { mWindow.reset(); }

    void incidentsAppendedByAnotherProcessAppearWithoutRestart()
    {
        const QString csv = mDir.filePath(QStringLiteral("live.csv"));
        QVERIFY(test::writeFile(csv, Header + "L1,2024-03-05 14:23,占道经营,网格员,118.18,39.65\n"
                                              "L2,2024-03-05 14:25,垃圾暴露,市民APP,118.181,39.651\n"));
        QSignalSpy updated(mWindow.get(), &app::MainWindow::incidentsUpdated);
        QCOMPARE(QProcess::execute(QStringLiteral(CITYTWIN_EXECUTABLE),
                                   {QStringLiteral("import"), mProjectPath, csv, QStringLiteral("--as"),
                                    QStringLiteral("incidents"), QStringLiteral("--crs"), QStringLiteral("EPSG:4326"),
                                    QStringLiteral("--quiet")}),
                 0);
        QVERIFY(updated.wait(5000));
        const int layer = incidentsLayer(*mWindow);
        QCOMPARE(mWindow->sceneModel().layer(layer).features.size(), std::size_t(2));
        QCOMPARE(mWindow->layersDock()->rowText(layer), QStringLiteral("Incidents (2 features)"));
    }

    void importDialogPreviewsMapsAndImports()
    {
        const QString csv = mDir.filePath(QStringLiteral("dialog.csv"));
        QVERIFY(test::writeFile(csv, Header + "D1,2024-03-06 09:00,噪音扰民,12345热线,118.182,39.652\n"
                                              "D2,2024-13-06 09:00,噪音扰民,12345热线,118.182,39.652\n"));
        app::ImportDialog* dialog = mWindow->showImportDialog();
        QVERIFY(dialog);
        dialog->setSource(csv);
        QCOMPARE(dialog->previewRowCount(), 2);
        // The mapping proposed from the Chinese column names.
        QCOMPARE(QString::fromStdString(dialog->mapping().column("reported_at")), QStringLiteral("发生时间"));
        QCOMPARE(QString::fromStdString(dialog->mapping().column("x")), QStringLiteral("经度"));
        dialog->setKind(app::ImportDialog::Kind::Incidents);
        dialog->setCrs(QStringLiteral("EPSG:4326"));
        QSignalSpy done(dialog, &app::ImportDialog::importFinished);
        QSignalSpy updated(mWindow.get(), &app::MainWindow::incidentsUpdated);
        dialog->startImport();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY2(dialog->summary().contains(QStringLiteral("1 imported")), qPrintable(dialog->summary()));
        QCOMPARE(dialog->rejectionRowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(mWindow->sceneModel().layer(incidentsLayer(*mWindow)).features.size(), std::size_t(3),
                                  5000);
        // A picture of the dialog, in Chinese, for people to look at.
        mWindow->switchLanguage(QStringLiteral("zh_CN"));
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        QTRY_VERIFY(dialog->windowTitle() != QStringLiteral("Import into Project"));
        QVERIFY(dialog->grab().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/import_dialog_zh_CN.png")));
        mWindow->switchLanguage(QStringLiteral("en"));
        dialog->close();
    }

    /// A long import shows its progress and can be cancelled: nothing is written, the dialog says so.
    void importDialogCancelsALongImport()
    {
        const QString csv = mDir.filePath(QStringLiteral("long.csv"));
        QByteArray text = Header;
        for (int i = 0; i < 300000; ++i)
            text += QStringLiteral("C%1,2024-03-07 10:00,噪音扰民,12345热线,%2,39.652\n")
                        .arg(i)
                        .arg(118.18 + (i % 1000) * 0.00001, 0, 'f', 5)
                        .toUtf8();
        QVERIFY(test::writeFile(csv, text));
        auto before = data::ProjectStore::open(mProjectPath.toStdString(), {.create = false, .readOnly = true});
        QVERIFY(before.ok());
        const std::int64_t rowsBefore = test::queryInt(before.value(), "SELECT count(*) FROM incidents");
        app::ImportDialog* dialog = mWindow->showImportDialog();
        dialog->setSource(csv);
        dialog->setKind(app::ImportDialog::Kind::Incidents);
        dialog->setCrs(QStringLiteral("EPSG:4326"));
        QSignalSpy done(dialog, &app::ImportDialog::importFinished);
        dialog->startImport();
        auto* progress = dialog->findChild<QProgressBar*>(QStringLiteral("importProgress"));
        auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelImport"));
        QVERIFY(progress && cancel);
        QVERIFY(progress->isVisible());
        QVERIFY(cancel->isEnabled());
        // Rows counted while it reads.
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("importStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("rows")) || !dialog->isRunning(), 20000);
        QVERIFY2(dialog->isRunning(), "the import ended before it could be cancelled");
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        QVERIFY(dialog->grab().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/import_dialog_running.png")));
        cancel->click();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(dialog->summary(), QStringLiteral("Import cancelled: nothing was written."));
        QVERIFY(!progress->isVisible());
        QVERIFY(!cancel->isEnabled());
        auto after = data::ProjectStore::open(mProjectPath.toStdString(), {.create = false, .readOnly = true});
        QCOMPARE(test::queryInt(after.value(), "SELECT count(*) FROM incidents"), rowsBefore);
        dialog->close();
    }

    void importDialogImportsALayer()
    {
        const QString grids = mDir.filePath(QStringLiteral("grids.geojson"));
        QVERIFY(test::writeFile(grids, test::featureCollection({test::squareFeature(11, 601000, 4391000, 100)})));
        app::ImportDialog* dialog = mWindow->showImportDialog();
        dialog->setSource(grids);
        dialog->setKind(app::ImportDialog::Kind::Layer);
        QSignalSpy done(dialog, &app::ImportDialog::importFinished);
        const int before = mWindow->sceneModel().layerCount();
        dialog->startImport();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(mWindow->sceneModel().layerCount(), before + 1, 10000);
        dialog->close();
    }

    void layerWithoutCrsAsksForConfirmation()
    {
        const QString path = mDir.filePath(QStringLiteral("nocrs.geojson"));
        // GeoJSON with no crs member is WGS 84 by definition; a CSV of degrees has no CRS at all.
        const QString csv = mDir.filePath(QStringLiteral("points.csv"));
        QVERIFY(test::writeFile(csv, "name,WKT\na,POINT (118.18 39.65)\n"));
        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        mWindow->openFiles({csv});
        QVERIFY(finished.wait(10000));
        auto* dialog = mWindow->findChild<app::CrsConfirmDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->chosenCrs(), QStringLiteral("EPSG:4326"));
        dialog->close();
        Q_UNUSED(path);
    }

private:
    QTemporaryDir mDir;
    QString mProjectPath;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
};

CITYTWIN_GL_TEST_MAIN(TestProjectWindow)
#include "test_project_window.moc"
