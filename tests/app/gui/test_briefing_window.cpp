#include "common/gl_test_main.hpp"
#include "common/sample_window.hpp"

#include "app/common/language.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/briefing/briefing_mode.hpp"
#include "app/gui/briefing/briefing_overlay.hpp"
#include "app/gui/briefing/presenter_view.hpp"
#include "app/gui/briefing/tour_editor.hpp"
#include "app/gui/layers_dock.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/tour_player.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/incidents/incident_filter.hpp"
#include "data/project/project_store.hpp"
#include "data/sample/sample_writer.hpp"
#include "scene/scene_model.hpp"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QElapsedTimer>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace citytwin;

/// Briefing mode on the sample district: a tour walked with a clicker's keys (camera, layers, filter and heat layer
/// of each stop), bookmarks that keep what the view shows, and incidents appended by another process reaching the
/// ticker and the KPI tiles.
class TestBriefingWindow : public QObject
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
        QTRY_VERIFY_WITH_TIMEOUT(mWindow->analysisDock()->store() != nullptr, 30000);
        auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
        QVERIFY(project.ok());
        mBookmarks = project->bookmarks().value();
        mTour = project->tours().value().front();
    }

    void cleanupTestCase() { mWindow.reset(); }

    /// A bookmark saved now keeps the layers shown, the heat layer and the filter; flying to it brings them back.
    void bookmarksKeepWhatTheViewShows()
    {
        const int buildings = layerIndex("buildings");
        QVERIFY(buildings >= 0);
        mWindow->layersDock()->setChecked(buildings, false);
        heatAction()->setChecked(true);
        QVERIFY(mWindow->tours()->saveBookmark(QStringLiteral("no buildings"), QStringLiteral("热力")));
        auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
        const auto saved = project->bookmark("no buildings").value();
        QVERIFY(saved && saved->state);
        QVERIFY(saved->state->heat);
        QCOMPARE(saved->state->caption, std::string("热力"));
        QVERIFY(std::find(saved->state->shownLayers.begin(), saved->state->shownLayers.end(), "buildings") ==
                saved->state->shownLayers.end());
        QVERIFY(std::find(saved->state->shownLayers.begin(), saved->state->shownLayers.end(), "streets") !=
                saved->state->shownLayers.end());
        QVERIFY(data::IncidentFilter::fromJson(saved->state->filterJson).ok());

        // Back to a plain view, then to the bookmark: the buildings hide and the heat returns.
        mWindow->layersDock()->setChecked(buildings, true);
        heatAction()->setChecked(false);
        QVERIFY(!mWindow->sceneModel().heatLayer());
        mWindow->tours()->flyTo(*saved, 0.0);
        QVERIFY(!mWindow->sceneModel().isLayerVisible(buildings));
        QVERIFY(heatAction()->isChecked());
        QVERIFY(mWindow->sceneModel().heatLayer());
    }

    /// The clicker's keys walk the sample's briefing tour forward and back; each stop brings its camera, its
    /// layers, its filter and (the incident stop) its heat layer.
    void presenterKeysWalkTheTour()
    {
        app::BriefingMode& briefing = *mWindow->briefing();
        QSignalSpy kpis(&briefing, &app::BriefingMode::kpisUpdated);
        briefing.enter(-1, QSize(1280, 720), QStringLiteral("briefing"));
        QVERIFY(briefing.isActive());
        QVERIFY(!mWindow->menuBar()->isVisible());
        QVERIFY(!mWindow->layersDock()->isVisible());
        QCOMPARE(mWindow->tours()->currentStop(), 0);
        checkStop(0);
        QVERIFY(kpis.wait(20000));
        QVERIFY(briefing.overlay()->tiles().size() >= 6);

        for (int stop = 1; stop < static_cast<int>(mTour.stops.size()); ++stop)
        {
            QTest::keyClick(mWindow->viewport(), stop % 2 ? Qt::Key_PageDown : Qt::Key_Space);
            QCOMPARE(mWindow->tours()->currentStop(), stop);
            checkStop(stop);
        }
        // Past the end nothing moves.
        QTest::keyClick(mWindow->viewport(), Qt::Key_PageDown);
        QCOMPARE(mWindow->tours()->currentStop(), static_cast<int>(mTour.stops.size()) - 1);
        QTest::keyClick(mWindow->viewport(), Qt::Key_PageUp);
        checkStop(static_cast<int>(mTour.stops.size()) - 2);
        QTest::keyClick(mWindow->viewport(), Qt::Key_Left);
        checkStop(static_cast<int>(mTour.stops.size()) - 3);

        // The presenter's view (on a second screen when there is one) follows, and its keys step too.
        briefing.showPresenterView(true);
        QVERIFY(briefing.presenterView()->isVisible());
        QVERIFY(briefing.presenterView()->currentText().contains(mWindow->briefing()->overlay()->caption()));
        QTest::keyClick(briefing.presenterView(), Qt::Key_PageDown);
        checkStop(static_cast<int>(mTour.stops.size()) - 2);
        QVERIFY(briefing.presenterView()->nextText().contains(
            QString::fromStdString(bookmarkOf(static_cast<int>(mTour.stops.size()) - 1).state->caption)));
        QTest::keyClick(mWindow->viewport(), Qt::Key_PageUp);

        QTest::keyClick(mWindow->viewport(), Qt::Key_B);
        QVERIFY(briefing.isBlank());
        QTest::keyClick(mWindow->viewport(), Qt::Key_Period);
        QVERIFY(!briefing.isBlank());
        QTest::keyClick(mWindow->viewport(), Qt::Key_Escape);
        QVERIFY(!briefing.isActive());
        QVERIFY(mWindow->menuBar()->isVisible());
        QVERIFY(!mWindow->findChild<app::BriefingOverlay*>());
    }

    /// Incidents appended by another process while briefing: the ticker names them and the tiles change, within
    /// 5 s of the first append.
    void liveIncidentsReachTheTickerAndTiles()
    {
        app::BriefingMode& briefing = *mWindow->briefing();
        QSignalSpy kpis(&briefing, &app::BriefingMode::kpisUpdated);
        briefing.enter(-1, QSize(1280, 720), QStringLiteral("briefing"));
        QVERIFY(kpis.wait(20000) || !kpis.isEmpty());
        const double todayBefore = briefing.kpis().incidentsToday.value;
        const std::int64_t asOfBefore = briefing.kpis().asOf;
        QVERIFY(briefing.overlay()->tickerLines().isEmpty());

        QSignalSpy ticker(&briefing, &app::BriefingMode::tickerUpdated);
        QProcess live;
        live.start(QStringLiteral(CITYTWIN_EXECUTABLE),
                   {QStringLiteral("simulate-live"), mPath, QStringLiteral("--rate"), QStringLiteral("240"),
                    QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY(live.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(ticker.wait(5000));
        const qint64 tickerMs = clock.elapsed();
        QVERIFY2(tickerMs < 5000, qPrintable(QString::number(tickerMs)));
        QVERIFY(!briefing.overlay()->tickerLines().isEmpty());
        QVERIFY(briefing.overlay()->activePulses() > 0);
        // The tiles follow: computed again with the new rows, the data now as of the live incidents.
        QTRY_VERIFY_WITH_TIMEOUT(briefing.kpis().asOf > asOfBefore, 5000 - static_cast<int>(clock.elapsed()));
        QVERIFY(briefing.kpis().incidentsToday.value != todayBefore);
        qInfo("ticker after %lld ms, tiles after %lld ms: %s", tickerMs, clock.elapsed(),
              qPrintable(briefing.overlay()->tickerLines().front()));
        QVERIFY(live.waitForFinished(20000));
        QCOMPARE(live.exitCode(), 0);
        briefing.leave();
    }

    /// The tour editor: two views added as stops, captioned, reordered and timed, saved into the project, exported
    /// and imported back, then presented.
    void theTourEditorMakesATour()
    {
        app::TourEditor* editor = mWindow->showTourEditor();
        QVERIFY(editor);
        QVERIFY(editor->edit(QStringLiteral("周报")));
        QVERIFY(editor->tour().stops.empty());
        heatAction()->setChecked(false);
        QVERIFY(editor->addCurrentView());
        heatAction()->setChecked(true);
        QVERIFY(editor->addCurrentView());
        auto* stops = editor->findChild<QListWidget*>(QStringLiteral("stops"));
        stops->setCurrentRow(1);
        editor->findChild<QLineEdit*>(QStringLiteral("caption"))->setText(QStringLiteral("热力"));
        emit editor->findChild<QLineEdit*>(QStringLiteral("caption"))->textEdited(QStringLiteral("热力"));
        editor->findChild<QDoubleSpinBox*>(QStringLiteral("duration"))->setValue(12.0);
        // Up: the heat stop first.
        for (QPushButton* button : editor->findChildren<QPushButton*>())
            if (button->text() == QLatin1String("Up"))
                button->click();
        QVERIFY(editor->save());
        auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
        data::Tour saved;
        for (const data::Tour& tour : project->tours().value())
            if (tour.name == "周报")
                saved = tour;
        QCOMPARE(saved.stops.size(), std::size_t(2));
        QCOMPARE(saved.stops[0].caption, std::string("热力"));
        QCOMPARE(saved.stops[0].durationSeconds, 12.0);
        QCOMPARE(saved.stops[0].bookmark, std::string("周报-2"));
        QVERIFY(project->bookmark("周报-2").value()->state->heat);
        QVERIFY(!project->bookmark("周报-1").value()->state->heat);

        const QString file = mDir.filePath(QStringLiteral("week.tour.json"));
        QVERIFY(editor->exportTo(file));
        QVERIFY(QFile::exists(file));
        QVERIFY(editor->importFrom(file));
        QVERIFY(!editor->importFrom(mDir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(editor->lastError().contains(QStringLiteral("missing.json")));

        // The week's briefing composed from its changes (make-tour's tour), then edited here.
        QVERIFY2(editor->composeWeek(QDate(2025, 6, 18)), qPrintable(editor->lastError()));
        QCOMPARE(editor->tour().name, std::string("week-2025-06-16"));
        QVERIFY(editor->tour().stops.size() >= 2);
        QVERIFY(editor->edit(QStringLiteral("周报")));

        for (QPushButton* button : editor->findChildren<QPushButton*>())
            if (button->text() == QLatin1String("Present"))
                button->click();
        QVERIFY(mWindow->briefing()->isActive());
        QCOMPARE(mWindow->tours()->tourName(), QStringLiteral("周报"));
        QCOMPARE(mWindow->briefing()->overlay()->caption(), QStringLiteral("热力"));
        mWindow->briefing()->leave();
    }

private:
    QAction* heatAction() const { return mWindow->findChild<QAction*>(QStringLiteral("heatAction")); }

    int layerIndex(const std::string& name) const
    {
        for (int i = 0; i < mWindow->sceneModel().layerCount(); ++i)
            if (mWindow->sceneModel().layer(i).name == name)
                return i;
        return -1;
    }

    const data::Bookmark& bookmarkOf(int stop) const
    {
        for (const data::Bookmark& bookmark : mBookmarks)
            if (bookmark.name == mTour.stops[static_cast<std::size_t>(stop)].bookmark)
                return bookmark;
        qFatal("no bookmark for stop %d", stop);
    }

    /// The stop's camera (once its flight ends), layers, filter, heat layer and caption.
    void checkStop(int stop)
    {
        const data::Bookmark& bookmark = bookmarkOf(stop);
        QVERIFY(bookmark.state.has_value());
        const osg::Vec3d center =
            osg::Vec3d(bookmark.center.x, bookmark.center.y, bookmark.center.z) - mWindow->sceneModel().origin();
        QTRY_VERIFY_WITH_TIMEOUT((mWindow->viewport()->currentPose().center - center).length() < 1.0, 8000);
        for (int i = 0; i < mWindow->sceneModel().layerCount(); ++i)
        {
            const data::VectorLayer& layer = mWindow->sceneModel().layer(i);
            if (layer.role != data::LayerRole::Source)
                continue;
            const bool listed = std::find(bookmark.state->shownLayers.begin(), bookmark.state->shownLayers.end(),
                                          layer.name) != bookmark.state->shownLayers.end();
            QVERIFY2(mWindow->sceneModel().isLayerVisible(i) == listed,
                     qPrintable(QStringLiteral("stop %1, layer %2").arg(stop).arg(QString::fromStdString(layer.name))));
        }
        const auto wanted = data::IncidentFilter::fromJson(bookmark.state->filterJson);
        QVERIFY(wanted.ok());
        const data::IncidentFilter shown = mWindow->analysisDock()->currentFilter();
        QCOMPARE(shown.from, wanted->from);
        QCOMPARE(shown.to, wanted->to);
        QCOMPARE(heatAction()->isChecked(), bookmark.state->heat);
        QCOMPARE(mWindow->sceneModel().heatLayer() != nullptr, bookmark.state->heat);
        QCOMPARE(mWindow->briefing()->overlay()->caption(), QString::fromStdString(bookmark.state->caption));
    }

    QTemporaryDir mDir;
    QString mPath;
    app::Language mLanguage;
    std::unique_ptr<app::MainWindow> mWindow;
    std::vector<data::Bookmark> mBookmarks;
    data::Tour mTour;
};

CITYTWIN_GL_TEST_MAIN(TestBriefingWindow)
#include "test_briefing_window.moc"
