#pragma once

#include "data/project/project_store.hpp"

#include <cstddef>
#include <utility>
#include <vector>

#include <QObject>
#include <QTimer>

class QMenu;
class QStatusBar;
class QWidget;

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{
class ProjectSession;
class ViewportWidget;

/// The open project's bookmarks and tours: the Bookmarks menu, saving the current view as a bookmark, flying to
/// one, and playing a tour (a flight to each stop's bookmark, then a hold for its duration, on a single-shot
/// timer). Bookmarks are project-CRS metres; the scene origin turns them into world coordinates. GUI thread.
class TourPlayer : public QObject
{
    Q_OBJECT
public:
    /// The window is the parent of the dialogs (the name of a new bookmark).
    TourPlayer(const ProjectSession& session, const scene::SceneModel& model, ViewportWidget& viewport,
               QStatusBar& statusBar, QWidget& window);

    /// Fills the Bookmarks menu from the project (each bookmark, adding one, its tours).
    void fillMenu(QMenu& menu);
    /// Flies to a bookmark in that many seconds.
    void flyTo(const data::Bookmark& bookmark, double seconds);
    /// Asks for a name and saves the current view as a bookmark of the project.
    void addBookmark();

    /// Plays a tour of the open project: flies to each stop's bookmark and holds it for its duration
    /// (divided by speed). Returns false when the project has no such tour.
    bool play(const QString& name, double speed = 1.0);
    void stop();
    bool isPlaying() const { return mTimer.isActive(); }

signals:
    void finished();
    /// Saving a bookmark failed; the message is for the user.
    void failed(const QString& message);

private:
    void nextStop();

    const ProjectSession& mSession;
    const scene::SceneModel& mModel;
    ViewportWidget& mViewport;
    QStatusBar& mStatusBar;
    QWidget& mWindow;
    QTimer mTimer;
    /// The tour being played: each stop's bookmark and its duration (seconds, speed applied).
    std::vector<std::pair<data::Bookmark, double>> mStops;
    std::size_t mNextStop = 0;
};

} // namespace citytwin::app
