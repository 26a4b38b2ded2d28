#pragma once

#include "data/analysis/briefing_kpis.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_watcher.hpp"
#include "data/incidents/incident_store.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

class QMainWindow;

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{
class BriefingOverlay;
class PresenterView;
class ProjectSession;
class TourPlayer;
class ViewportWidget;
struct CategoryInfo;
struct KpiTile;

/// Briefing mode: the 3D district alone on a screen for an audience, with KPI tiles, the stop's caption, a ticker
/// and pulses of live incidents, stepped by a presenter's clicker.
///
/// Entering hides the menus, docks and status bar and shows the window full screen on the chosen screen (or at a
/// fixed size, for shots); leaving puts everything back. While active it answers the keys clickers send: Page Down,
/// Right, Down and Space go to the next stop, Page Up, Left, Up and Backspace to the previous one, Home to the
/// first, B or . blanks the screen, A plays on by itself, Esc or F11 leaves. The KPIs follow the current stop's
/// filter; they are computed on a worker thread from the project's incidents, read again when other processes append
/// some (the ticker names the newest, without personal details; counts under the privacy minimum show as "<5").
/// GUI thread.
class BriefingMode : public QObject
{
    Q_OBJECT
public:
    BriefingMode(QMainWindow& window, ViewportWidget& viewport, const scene::SceneModel& model, TourPlayer& tours,
                 ProjectSession& session);
    ~BriefingMode() override;

    /// The KPI tiles there are, by key, in their default order.
    static const QStringList& tileKeys();
    /// A tile's title in the interface language.
    static QString tileTitle(const QString& key);

    /// Enters briefing mode on a screen (-1: the window's), full screen, or at a fixed size when one is given.
    /// With a tour name, loads it and shows its first stop.
    void enter(int screen = -1, QSize fixedSize = {}, const QString& tour = {});
    /// Shows (or hides) the presenter view: the current stop's caption and notes and the next stop. Entering
    /// shows it by itself on another screen when there are two or more.
    void showPresenterView(bool shown);
    /// Where the window's incidents already are (the Analysis dock's), so that entering does not read them again;
    /// null while they load.
    void setIncidents(std::function<std::shared_ptr<const data::IncidentStore>()> incidents)
    {
        mIncidents = std::move(incidents);
    }
    PresenterView* presenterView() const { return mPresenter; }
    void leave();
    bool isActive() const { return mActive; }
    void setBlank(bool blank);
    bool isBlank() const;

    BriefingOverlay* overlay() const { return mOverlay; }
    /// The KPIs shown (after kpisUpdated()).
    const data::BriefingKpis& kpis() const { return mKpis; }
    /// Counts under this are shown as "<N" (the project's `briefing_min_count`, default 5).
    int privacyMinimum() const { return mPrivacyMinimum; }
    /// Whether a KPI computation is running or waiting.
    bool isComputing() const { return mComputing || mRecomputeWanted; }

signals:
    void entered();
    void left();
    /// The tiles show figures computed after the last stop change or incident append.
    void kpisUpdated();
    /// The ticker took new lines.
    void tickerUpdated();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(int key);
    void stopShown(int index);
    /// Reads (in the background) the figures the tiles need besides the incidents the first time, and the
    /// project's incidents again when readStore; then recomputes.
    void loadIncidents(bool readStore);
    void recompute();
    void showKpis(const data::BriefingKpis& kpis);
    QList<KpiTile> tilesFor(const data::BriefingKpis& kpis) const;
    void incidentsAppended(std::shared_ptr<const std::vector<data::AppendedIncident>> appended);
    QString countText(double count) const;

    QMainWindow& mWindow;
    ViewportWidget& mViewport;
    const scene::SceneModel& mModel;
    TourPlayer& mTours;
    ProjectSession& mSession;
    BriefingOverlay* mOverlay = nullptr;
    PresenterView* mPresenter = nullptr;
    bool mActive = false;

    // What leaving restores.
    QByteArray mSavedState;
    QByteArray mSavedGeometry;
    Qt::WindowStates mSavedWindowState;
    int mSavedTheme = 0;
    bool mMenuWasVisible = true;
    bool mStatusWasVisible = true;

    std::function<std::shared_ptr<const data::IncidentStore>()> mIncidents;
    std::shared_ptr<const data::IncidentStore> mStore;
    std::vector<CategoryInfo> mCategories;
    std::map<std::int64_t, QString> mCommunityNames;
    QString mDistrictName;
    double mPartyShare = -1.0;
    double mServiceShare = -1.0;
    data::IncidentFilter mFilter;
    data::BriefingKpis mKpis;
    int mPrivacyMinimum = 5;
    bool mComputing = false;
    bool mRecomputeWanted = false;
    int mGeneration = 0;
};

} // namespace citytwin::app
