#pragma once

#include "data/project/project_store.hpp"

#include <vector>

#include <QObject>
#include <QString>
#include <QStringList>
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
class ViewStateControl;
class ViewportWidget;

/// The open project's bookmarks and tours: the Bookmarks menu, saving the current view (camera and what it shows)
/// as a bookmark, flying to one, and tours: loaded from the project, stepped forward and back by the presenter or
/// played on a single-shot timer (a flight to each stop, what it shows, then a hold for its duration). Bookmarks
/// are project-CRS metres; the scene origin turns them into world coordinates. GUI thread.
class TourPlayer : public QObject
{
    Q_OBJECT
public:
    /// A stop of the loaded tour: its bookmark (camera and state), hold (seconds, speed applied), caption (the
    /// stop's, else the bookmark's) and the presenter's notes.
    struct Stop
    {
        data::Bookmark bookmark;
        double seconds = 8.0;
        QString caption;
        QString notes;
    };

    /// The window is the parent of the dialogs (the name of a new bookmark).
    TourPlayer(const ProjectSession& session, const scene::SceneModel& model, ViewportWidget& viewport,
               QStatusBar& statusBar, QWidget& window);

    /// What bookmarks save and stops apply besides the camera (none: the camera only).
    void setStateControl(ViewStateControl* control) { mStateControl = control; }

    /// Fills the Bookmarks menu from the project (each bookmark, adding one, its tours).
    void fillMenu(QMenu& menu);
    /// Flies to a bookmark in that many seconds and shows what it shows (when it carries a state).
    void flyTo(const data::Bookmark& bookmark, double seconds);
    /// Asks for a name and saves the current view as a bookmark of the project.
    void addBookmark();
    /// Saves the current view (camera and state) as a bookmark; false (and failed()) when it cannot be written.
    bool saveBookmark(const QString& name, const QString& caption = {});

    /// The open project's tours, by name.
    QStringList tourNames() const;
    /// Loads a tour of the open project (stops, captions, tiles) without showing it; false when there is none.
    bool load(const QString& name, double speed = 1.0);
    /// Plays a tour of the open project: flies to each stop's bookmark and holds it for its duration
    /// (divided by speed). Returns false when the project has no such tour.
    bool play(const QString& name, double speed = 1.0);
    /// Shows stop index of the loaded tour: flies there in flightSeconds (0 jumps) and applies what it shows.
    void showStop(int index, double flightSeconds);
    /// The next / previous stop with a smooth flight (nothing past the ends).
    void next();
    void previous();
    /// Plays on from the current stop, each held for its duration; or holds the current one.
    void setAutoPlay(bool on);
    bool isAutoPlaying() const { return mAutoPlay; }
    void stop();
    bool isPlaying() const { return mTimer.isActive(); }

    QString tourName() const { return mTourName; }
    /// The loaded tour's KPI tiles (empty: the default set).
    const std::vector<std::string>& tourTiles() const { return mTiles; }
    int stopCount() const { return static_cast<int>(mStops.size()); }
    /// The stop shown last (-1 before the first).
    int currentStop() const { return mCurrent; }
    const Stop& stopAt(int index) const { return mStops.at(static_cast<std::size_t>(index)); }

    /// The length of a presenter's step to the next or previous stop, seconds.
    static constexpr double StepFlightSeconds = 2.5;

signals:
    void finished();
    /// A stop was shown (its camera flight started and its state applied).
    void stopShown(int index);
    /// Bookmarks ▸ Edit Tours… was chosen.
    void editToursRequested();
    /// Saving a bookmark failed; the message is for the user.
    void failed(const QString& message);

private:
    void holdOver();

    const ProjectSession& mSession;
    const scene::SceneModel& mModel;
    ViewportWidget& mViewport;
    QStatusBar& mStatusBar;
    QWidget& mWindow;
    ViewStateControl* mStateControl = nullptr;
    QTimer mTimer;
    QString mTourName;
    std::vector<std::string> mTiles;
    std::vector<Stop> mStops;
    int mCurrent = -1;
    bool mAutoPlay = false;
};

} // namespace citytwin::app
