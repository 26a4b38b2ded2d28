#include "common/broken_corpus.hpp"
#include "common/gl_test_main.hpp"

#include "app/common/language.hpp"
#include "app/gui/main_window.hpp"
#include "app/viewport/viewport_widget.hpp"

#include <QMessageBox>
#include <QStatusBar>
#include <QTest>

using namespace citytwin;

/// Issue 15: the corpus of broken and hostile inputs opened in the window as a user opens files (File ▸ Open,
/// drag and drop and the command line all end in MainWindow::openFiles). Each must-fail input gives one message
/// naming it; nothing crashes or hangs; the window still draws afterwards; nothing is written beside the input.
class TestBrokenWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(!mCorpus.inputs().empty(), qPrintable(mCorpus.error()));
        QVERIFY(mLanguage.install(QStringLiteral("en")));
        mWindow = std::make_unique<app::MainWindow>(mLanguage);
        mWindow->resize(1000, 700);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }

    void cleanupTestCase() { mWindow.reset(); }

    void eachInputOpensOrSaysWhy_data()
    {
        QTest::addColumn<int>("input");
        for (std::size_t i = 0; i < mCorpus.inputs().size(); ++i)
            QTest::newRow(qPrintable(mCorpus.inputs()[i].name)) << static_cast<int>(i);
    }

    void eachInputOpensOrSaysWhy()
    {
        QFETCH(int, input);
        const test::BrokenInput& broken = mCorpus.inputs()[static_cast<std::size_t>(input)];
        const QString folder = QFileInfo(broken.path).absolutePath();
        const auto before = test::BrokenCorpus::snapshot(folder);
        const QString errorBefore = mWindow->lastError();
        QStringList messages;
        QMetaObject::Connection watch = connect(mWindow->statusBar(), &QStatusBar::messageChanged, this,
                                                [&messages](const QString& text)
                                                {
                                                    if (!text.isEmpty())
                                                        messages << text;
                                                });
        mWindow->openFiles({broken.path});
        QTRY_VERIFY_WITH_TIMEOUT(mWindow->pendingLoads() == 0, 60000);
        QTest::qWait(broken.name.startsWith(QLatin1String("tileset")) ? 2500 : 200); // 3D Tiles warnings are polled
        disconnect(watch);
        // Close the message boxes and dialogs the input raised, as a user would.
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (widget != mWindow.get() && widget->isVisible() && qobject_cast<QDialog*>(widget))
                qobject_cast<QDialog*>(widget)->reject();
        for (QDialog* dialog : mWindow->findChildren<QDialog*>())
            if (dialog->isVisible())
                dialog->reject();

        const QString fileName = QFileInfo(broken.path).fileName();
        const QString baseName = QFileInfo(broken.path).completeBaseName();
        const QString context = QStringLiteral("%1 (%2): last error '%3'; status messages: %4")
                                    .arg(broken.name, broken.problem, mWindow->lastError(),
                                         messages.join(QStringLiteral(" | ")));
        if (broken.mustFail)
        {
            const bool errorNamesIt =
                mWindow->lastError() != errorBefore &&
                (mWindow->lastError().contains(fileName) || mWindow->lastError().contains(folder));
            const bool warningNamesIt = std::any_of(messages.begin(), messages.end(),
                                                    [&](const QString& message)
                                                    {
                                                        return message.contains(fileName) ||
                                                               message.contains(folder) ||
                                                               message.contains(QStringLiteral("Layer %1").arg(baseName));
                                                    });
            QVERIFY2(errorNamesIt || warningNamesIt, qPrintable(QStringLiteral("nothing said: ") + context));
        }
        // The window still draws.
        const auto frames = mWindow->viewport()->frameCount();
        mWindow->viewport()->update();
        QTRY_VERIFY_WITH_TIMEOUT(mWindow->viewport()->frameCount() > frames, 10000);
        QCOMPARE(test::BrokenCorpus::snapshot(folder), before);
    }

private:
    test::BrokenCorpus mCorpus;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
};

CITYTWIN_GL_TEST_MAIN(TestBrokenWindow)
#include "test_broken_window.moc"
