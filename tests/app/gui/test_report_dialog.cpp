#include "common/gl_test_main.hpp"
#include "common/required_data.hpp"

#include "app/common/language.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/report/report_dialog.hpp"
#include "app/gui/report/template_editor.hpp"

#include "data/project/project_store.hpp"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace citytwin;

/// File ▸ Export Report… on the sample district, as a clerk would use it: the weekly page to PDF, two chosen
/// communities of the incidents atlas as PNG pictures, an atlas export cancelled half-way, and the template editor
/// (its preview follows the title, Save keeps the template in the project, a broken file is refused).
class TestReportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString sample = test::testSamplePath();
        CITYTWIN_REQUIRE_DATA(!sample.isEmpty(), "the sample district");
        CITYTWIN_REQUIRE_DATA(!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty(),
                              "poppler-utils (pdfinfo)");
        QVERIFY(mDir.isValid());
        // A copy: the editor saves templates into the project.
        mPath = mDir.filePath(QStringLiteral("sample.gpkg"));
        QVERIFY(QFile::copy(sample, mPath));
        QVERIFY(mLanguage.install(QStringLiteral("en")));
        mWindow = std::make_unique<app::MainWindow>(mLanguage);
        mWindow->resize(1280, 800);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));

        // No project: the menu entry is there but cannot be used.
        QAction* action = reportAction();
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(!mWindow->showReportDialog());

        QSignalSpy finished(mWindow.get(), &app::MainWindow::loadsFinished);
        mWindow->openProject(mPath);
        QVERIFY(finished.wait(120000));
        QTRY_VERIFY_WITH_TIMEOUT(mWindow->analysisDock()->store() != nullptr, 60000);
        closeMessageBoxes();
        QVERIFY(action->isEnabled());
        action->trigger(); // the project is read on the thread pool, then the dialog opens
        QTRY_VERIFY_WITH_TIMEOUT((mDialog = mWindow->findChild<app::ReportDialog*>()) != nullptr, 60000);
        QVERIFY(QTest::qWaitForWindowExposed(mDialog));
        QVERIFY2(mDialog->lastError().isEmpty(), qPrintable(mDialog->lastError()));
    }

    void cleanupTestCase() { mWindow.reset(); }

    void cleanup() { closeMessageBoxes(); }

    /// The weekly page as PDF: one page, under the name chosen, the filter shown in words.
    void weeklyToPdf()
    {
        choose("template", QStringLiteral("weekly"));
        choose("format", QStringLiteral("pdf"));
        QVERIFY(widget<QCheckBox>("useFilter")->isChecked());
        QVERIFY(!widget<QLabel>("filterWords")->text().isEmpty());
        QVERIFY(waitForPreview());
        QVERIFY(!mDialog->previewImage().isNull());
        const QString pdf = mDir.filePath(QStringLiteral("weekly.pdf"));
        typeOutput(pdf);
        QSignalSpy exported(mDialog, &app::ReportDialog::exported);
        widget<QPushButton>("export")->click();
        QVERIFY(mDialog->isExporting()); // on the thread pool, the window free meanwhile
        QVERIFY(exported.wait(120000));
        QCOMPARE(exported.count(), 1);
        QVERIFY2(QFileInfo::exists(pdf), qPrintable(mDialog->lastError()));
        QCOMPARE(exported.first().first().toStringList(), QStringList{pdf});
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        const QString out = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(out));
    }

    /// Two ticked communities of the incidents atlas as PNG at 72 dpi: a picture per page (the cover and contents
    /// an atlas of several areas opens with, then the two communities), A4 at 72 dpi.
    void atlasOfTwoAreasToPng()
    {
        choose("template", QStringLiteral("incidents-atlas"));
        widget<QRadioButton>("chosenAreas")->click();
        auto* areas = widget<QListWidget>("areas");
        QVERIFY(areas->isEnabled());
        QVERIFY(areas->count() > 100); // the sample's communities
        areas->item(0)->setCheckState(Qt::Checked);
        areas->item(1)->setCheckState(Qt::Checked);
        choose("format", QStringLiteral("png"));
        widget<QSpinBox>("dpi")->setValue(72);
        QVERIFY(waitForPreview());
        QCOMPARE(widget<QSpinBox>("page")->maximum(), 4);
        const QString png = mDir.filePath(QStringLiteral("atlas.png"));
        typeOutput(png);
        QSignalSpy exported(mDialog, &app::ReportDialog::exported);
        widget<QPushButton>("export")->click();
        QVERIFY(exported.wait(120000));
        QCOMPARE(exported.count(), 1);
        const QStringList files = exported.first().first().toStringList();
        QCOMPARE(files.size(), 4);
        for (int n = 1; n <= 4; ++n)
        {
            const QString file = mDir.filePath(QStringLiteral("atlas-%1.png").arg(n, 3, 10, QLatin1Char('0')));
            QVERIFY2(files.contains(file), qPrintable(files.join(QLatin1Char(' '))));
            const QImage page(file);
            QCOMPARE(page.size(), QSize(595, 842));
        }
        widget<QRadioButton>("allAreas")->click();
    }

    /// Cancel in the progress dialog while the whole atlas is written: the writer stops after the page it is on,
    /// and nothing is left under the final name.
    void cancelledAtlasLeavesNothing()
    {
        choose("template", QStringLiteral("incidents-atlas"));
        widget<QRadioButton>("allAreas")->click();
        choose("format", QStringLiteral("pdf"));
        const QString pdf = mDir.filePath(QStringLiteral("cancelled.pdf"));
        typeOutput(pdf);
        int pagesSeen = 0;
        int pagesPlanned = 0;
        const auto connection = connect(mDialog, &app::ReportDialog::exportProgress, this,
                                        [&pagesSeen, &pagesPlanned](int, int total)
                                        {
                                            ++pagesSeen;
                                            pagesPlanned = total;
                                        });
        QSignalSpy exported(mDialog, &app::ReportDialog::exported);
        widget<QPushButton>("export")->click();
        // The export runs on the thread pool: its progress dialog is up, with the window free for Cancel.
        auto* progress = mDialog->findChild<QProgressDialog*>(QStringLiteral("exportProgress"));
        QVERIFY(progress && progress->isVisible());
        auto* cancel = progress->findChild<QPushButton*>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(exported.wait(120000));
        disconnect(connection);
        QCOMPARE(exported.count(), 1);
        QVERIFY(exported.first().first().toStringList().isEmpty());
        // The writer stops at the first page it finishes after Cancel (it runs on while the click is delivered).
        QVERIFY(pagesSeen >= 1);
        QVERIFY(pagesSeen < pagesPlanned);
        QVERIFY(pagesPlanned > 100); // the cover, the contents and a page per community
        QVERIFY(!QFileInfo::exists(pdf));
        QVERIFY(QDir(mDir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).isEmpty());
        QVERIFY(widget<QLabel>("status")->text().contains(QStringLiteral("cancelled")));
    }

    /// The editor's preview follows the title; Save keeps the template in the project and the dialog lists it.
    void editorPreviewsAndSaves()
    {
        choose("template", QStringLiteral("weekly"));
        widget<QPushButton>("editTemplate")->click();
        auto* editor = mDialog->findChild<app::TemplateEditor*>();
        QVERIFY(editor);
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        QSignalSpy previews(editor, &app::TemplateEditor::previewUpdated);
        QVERIFY(previews.wait(20000));
        const QImage before = editor->previewImage();
        QVERIFY(!before.isNull());
        auto* title = editor->findChild<QLineEdit*>(QStringLiteral("title"));
        title->clear();
        QTest::keyClicks(title, QStringLiteral("Weekly note for the leadership"));
        QVERIFY(previews.wait(20000));
        QVERIFY(editor->previewImage() != before);

        // A box past the page's edge is named, and the preview keeps the last good page.
        auto* items = editor->findChild<QTableWidget*>(QStringLiteral("items"));
        QVERIFY(items->rowCount() > 3);
        const QString width = items->item(1, 3)->text();
        items->item(1, 3)->setText(QStringLiteral("1.5"));
        QTRY_VERIFY(editor->findChild<QLabel*>(QStringLiteral("problem"))->text().contains(QStringLiteral("Item 2")));
        QVERIFY(editor->findChild<QLabel*>(QStringLiteral("problem"))->text().contains(QStringLiteral("width")));
        items->item(1, 3)->setText(width);
        QTRY_VERIFY(editor->findChild<QLabel*>(QStringLiteral("problem"))->text().isEmpty());

        auto* name = editor->findChild<QLineEdit*>(QStringLiteral("name"));
        name->setText(QStringLiteral("weekly-leaders"));
        editor->findChild<QPushButton*>(QStringLiteral("save"))->click();
        QVERIFY2(editor->lastError().isEmpty(), qPrintable(editor->lastError()));
        auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
        QVERIFY(project.ok());
        const auto saved = project->reportTemplates();
        QVERIFY(saved.ok());
        bool listed = false;
        for (const auto& [savedName, json] : saved.value())
            listed = listed || (savedName == "weekly-leaders" &&
                                json.find("Weekly note for the leadership") != std::string::npos);
        QVERIFY(listed);
        QVERIFY(widget<QComboBox>("template")->findData(QStringLiteral("weekly-leaders")) >= 0);
        QCOMPARE(widget<QComboBox>("template")->currentData().toString(), QStringLiteral("weekly-leaders"));
    }

    /// A broken JSON file and a missing one are refused with a message naming the file; the editor goes on.
    void editorRefusesBrokenFiles()
    {
        auto* editor = mDialog->editTemplate();
        QVERIFY(editor);
        const QString broken = mDir.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"name\": \"x\", \"items\": [{\"type\": \"map\", \"rect\": [0, 0, 2");
        file.close();
        QVERIFY(!editor->importFrom(broken));
        QVERIFY2(editor->lastError().contains(broken), qPrintable(editor->lastError()));
        QVERIFY(editor->findChild<QMessageBox*>(QStringLiteral("templateError")));
        closeMessageBoxes();
        QVERIFY(!editor->importFrom(mDir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(editor->lastError().contains(QStringLiteral("missing.json")));
        closeMessageBoxes();

        // Export and import again: the same template.
        const QString exported = mDir.filePath(QStringLiteral("exported.json"));
        QVERIFY(editor->exportTo(exported));
        QVERIFY2(editor->importFrom(exported), qPrintable(editor->lastError()));
        QString error;
        QVERIFY(editor->currentTemplate(error).has_value());
        editor->close();
    }

private:
    QAction* reportAction() const
    {
        for (QAction* menu : mWindow->menuBar()->actions())
            if (menu->menu())
                for (QAction* action : menu->menu()->actions())
                    if (action->objectName() == QLatin1String("reportAction"))
                        return action;
        return nullptr;
    }

    template <class Widget> Widget* widget(const char* name) const
    {
        auto* found = mDialog->findChild<Widget*>(QLatin1String(name));
        if (!found)
            qFatal("no %s in the report dialog", name);
        return found;
    }

    void choose(const char* combo, const QString& value)
    {
        auto* box = widget<QComboBox>(combo);
        const int index = box->findData(value);
        QVERIFY2(index >= 0, qPrintable(value));
        box->setCurrentIndex(index);
    }

    /// Types a file name as the user would (the dialog then keeps it when the format changes).
    void typeOutput(const QString& path)
    {
        auto* output = widget<QLineEdit>("output");
        output->clear();
        QTest::keyClicks(output, path);
        QCOMPARE(output->text(), path);
    }

    /// Asks for the preview again (as a change of the dock's filter does) and waits until it is painted.
    bool waitForPreview()
    {
        QSignalSpy previews(mDialog, &app::ReportDialog::previewUpdated);
        mDialog->dockFilterChanged();
        return previews.wait(30000);
    }

    /// Closes the messages the dialogs leave open (they do not block, so the test goes on past them).
    static void closeMessageBoxes()
    {
        for (QWidget* widget : QApplication::allWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible())
                box->close();
    }

    QTemporaryDir mDir;
    QString mPath;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
    app::ReportDialog* mDialog = nullptr;
};

CITYTWIN_GL_TEST_MAIN(TestReportDialog)
#include "test_report_dialog.moc"
