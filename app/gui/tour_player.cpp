#include "app/gui/tour_player.hpp"

#include "app/common/error_text.hpp"
#include "app/gui/project_session.hpp"
#include "app/gui/view_state_control.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "scene/scene_model.hpp"

#include <algorithm>

#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>

namespace citytwin::app
{

TourPlayer::TourPlayer(const ProjectSession& session, const scene::SceneModel& model, ViewportWidget& viewport,
                       QStatusBar& statusBar, QWidget& window)
    : QObject(&window), mSession(session), mModel(model), mViewport(viewport), mStatusBar(statusBar), mWindow(window)
{
    mTimer.setSingleShot(true);
    connect(&mTimer, &QTimer::timeout, this, &TourPlayer::holdOver);
}

void TourPlayer::fillMenu(QMenu& menu)
{
    menu.clear();
    if (!mSession.isOpen())
    {
        menu.addAction(tr("Open a project to use bookmarks"))->setEnabled(false);
        return;
    }
    auto project = data::ProjectStore::open(mSession.path().toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return;
    auto bookmarks = project->bookmarks();
    for (const data::Bookmark& bookmark : bookmarks ? bookmarks.value() : std::vector<data::Bookmark>{})
        menu.addAction(QString::fromStdString(bookmark.name), this, [this, bookmark] { flyTo(bookmark, 2.0); });
    menu.addSeparator();
    menu.addAction(tr("&Add Bookmark…"), this, &TourPlayer::addBookmark);
    menu.addAction(tr("&Edit Tours…"), this, &TourPlayer::editToursRequested);
    auto tours = project->tours();
    if (tours && !tours->empty())
    {
        menu.addSeparator();
        for (const data::Tour& tour : tours.value())
            menu.addAction(tr("Play Tour “%1”").arg(QString::fromStdString(tour.name)), this,
                           [this, name = tour.name] { play(QString::fromStdString(name)); });
        QAction* stopAction = menu.addAction(tr("Stop Tour"), this, &TourPlayer::stop);
        stopAction->setEnabled(mTimer.isActive());
    }
}

void TourPlayer::flyTo(const data::Bookmark& bookmark, double seconds)
{
    const osg::Vec3d origin = mModel.origin();
    const scene::ViewPose pose{osg::Vec3d(bookmark.eye.x, bookmark.eye.y, bookmark.eye.z) - origin,
                               osg::Vec3d(bookmark.center.x, bookmark.center.y, bookmark.center.z) - origin,
                               osg::Vec3d(bookmark.up.x, bookmark.up.y, bookmark.up.z)};
    if (bookmark.state && mStateControl)
        mStateControl->apply(*bookmark.state);
    mViewport.flyToPose(pose, seconds);
}

void TourPlayer::addBookmark()
{
    bool chosen = false;
    const QString name = QInputDialog::getText(&mWindow, tr("Add Bookmark"), tr("Name of the view:"), QLineEdit::Normal,
                                               QString(), &chosen)
                             .trimmed();
    if (!chosen || name.isEmpty())
        return;
    saveBookmark(name);
}

bool TourPlayer::saveBookmark(const QString& name, const QString& caption)
{
    auto project = data::ProjectStore::open(mSession.path().toStdString(), {.create = false});
    if (!project)
    {
        emit failed(ErrorText::describe(project.error()));
        return false;
    }
    const scene::ViewPose pose = mViewport.currentPose();
    const osg::Vec3d eye = mModel.worldToProject(pose.eye), center = mModel.worldToProject(pose.center);
    data::Bookmark bookmark{name.toStdString(),
                            {eye.x(), eye.y(), eye.z()},
                            {center.x(), center.y(), center.z()},
                            {pose.up.x(), pose.up.y(), pose.up.z()},
                            std::nullopt};
    if (mStateControl)
        bookmark.state = mStateControl->capture(caption.toStdString());
    if (auto saved = project->saveBookmark(bookmark); !saved)
    {
        emit failed(ErrorText::describe(saved.error()));
        return false;
    }
    mStatusBar.showMessage(tr("Saved bookmark %1").arg(name), 5000);
    return true;
}

QStringList TourPlayer::tourNames() const
{
    QStringList names;
    auto project = data::ProjectStore::open(mSession.path().toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return names;
    if (auto tours = project->tours())
        for (const data::Tour& tour : tours.value())
            names << QString::fromStdString(tour.name);
    return names;
}

bool TourPlayer::load(const QString& name, double speed)
{
    auto project = data::ProjectStore::open(mSession.path().toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return false;
    auto tours = project->tours();
    auto bookmarks = project->bookmarks();
    if (!tours || !bookmarks)
        return false;
    std::vector<Stop> stops;
    for (const data::Tour& tour : tours.value())
    {
        if (QString::fromStdString(tour.name) != name)
            continue;
        mTiles = tour.kpis;
        for (const data::Tour::Stop& stop : tour.stops)
            for (const data::Bookmark& bookmark : bookmarks.value())
                if (bookmark.name == stop.bookmark)
                {
                    const std::string& caption =
                        !stop.caption.empty() || !bookmark.state ? stop.caption : bookmark.state->caption;
                    stops.push_back({bookmark, stop.durationSeconds / std::max(speed, 0.01),
                                     QString::fromStdString(caption), QString::fromStdString(stop.notes)});
                }
    }
    if (stops.empty())
        return false;
    mTimer.stop();
    mStops = std::move(stops);
    mTourName = name;
    mCurrent = -1;
    mAutoPlay = false;
    return true;
}

bool TourPlayer::play(const QString& name, double speed)
{
    if (!load(name, speed))
        return false;
    mAutoPlay = true;
    // Fly for a third of the stop (at most 4 s), then hold the view.
    showStop(0, std::min(4.0, mStops.front().seconds / 3.0));
    return true;
}

void TourPlayer::showStop(int index, double flightSeconds)
{
    if (index < 0 || index >= stopCount())
        return;
    mCurrent = index;
    const Stop& stop = mStops[static_cast<std::size_t>(index)];
    flyTo(stop.bookmark, flightSeconds);
    mStatusBar.showMessage(tr("Tour: %1").arg(QString::fromStdString(stop.bookmark.name)));
    if (mAutoPlay)
        mTimer.start(static_cast<int>(stop.seconds * 1000.0));
    emit stopShown(index);
}

void TourPlayer::next()
{
    if (mCurrent + 1 < stopCount())
        showStop(mCurrent + 1, StepFlightSeconds);
}

void TourPlayer::previous()
{
    if (mCurrent > 0)
        showStop(mCurrent - 1, StepFlightSeconds);
}

void TourPlayer::setAutoPlay(bool on)
{
    mAutoPlay = on && stopCount() > 0;
    if (!mAutoPlay)
        mTimer.stop();
    else if (mCurrent < 0)
        showStop(0, StepFlightSeconds);
    else
        mTimer.start(static_cast<int>(mStops[static_cast<std::size_t>(mCurrent)].seconds * 1000.0));
}

void TourPlayer::holdOver()
{
    if (mCurrent + 1 >= stopCount())
    {
        mAutoPlay = false;
        mStatusBar.showMessage(tr("Tour finished"), 5000);
        emit finished();
        return;
    }
    const Stop& upcoming = mStops[static_cast<std::size_t>(mCurrent + 1)];
    showStop(mCurrent + 1, std::min(4.0, upcoming.seconds / 3.0));
}

void TourPlayer::stop()
{
    mTimer.stop();
    mAutoPlay = false;
    mStatusBar.showMessage(tr("Tour stopped"), 5000);
}

} // namespace citytwin::app
