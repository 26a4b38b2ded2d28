#include "app/gui/briefing/briefing_mode.hpp"

#include "app/common/analysis_inputs.hpp"
#include "app/gui/briefing/briefing_overlay.hpp"
#include "app/gui/briefing/presenter_view.hpp"
#include "app/gui/project_session.hpp"
#include "app/gui/tour_player.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/core/date_time.hpp"
#include "data/core/height_field.hpp"
#include "data/incidents/incident_time.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"
#include "scene/scene_model.hpp"

#include <cmath>

#include <QApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QWindow>
#include <QtConcurrent/QtConcurrentRun>

#include <osg/Camera>
#include <osg/Viewport>
#include <osgViewer/Viewer>

namespace citytwin::app
{
namespace
{
/// What the background reads of a project for the tiles besides its incidents.
struct ProjectFigures
{
    std::vector<CategoryInfo> categories;
    std::map<std::int64_t, QString> communityNames;
    QString districtName;       ///< the name of the district layer's first feature, if any
    double partyShare = -1.0;   ///< households reached by a "1+10" link, district; -1 when unknown
    double serviceShare = -1.0; ///< residents within 500 m of a day-care station, district; -1 when unknown
    int privacyMinimum = 5;
};

ProjectFigures readFigures(const std::string& path)
{
    ProjectFigures figures;
    figures.categories = AnalysisInputs::readCategories(path);
    if (auto communities = data::readProjectLayer(path, data::schema::communities::Table))
    {
        const auto& fields = communities->fieldNames;
        const auto id = std::find(fields.begin(), fields.end(), data::schema::communities::Id) - fields.begin();
        const auto name = std::find(fields.begin(), fields.end(), data::schema::communities::Name) - fields.begin();
        if (id < static_cast<long>(fields.size()) && name < static_cast<long>(fields.size()))
            for (const data::Feature& feature : communities->features)
                figures.communityNames[std::atoll(feature.values[static_cast<std::size_t>(id)].c_str())] =
                    QString::fromStdString(feature.values[static_cast<std::size_t>(name)]);
    }
    if (auto district = data::readProjectLayer(path, data::schema::district::Table);
        district && !district->features.empty())
    {
        const auto& fields = district->fieldNames;
        const auto name = std::find(fields.begin(), fields.end(), data::schema::district::Name) - fields.begin();
        if (name < static_cast<long>(fields.size()))
            figures.districtName =
                QString::fromStdString(district->features.front().values[static_cast<std::size_t>(name)]);
    }
    if (auto party = data::runPartyCoverage(path, data::AreaLevel::Community);
        party && party->coverage.district.households > 0)
        figures.partyShare = party->coverage.district.linkShare;
    data::ServiceRunOptions options;
    options.distances = {500.0};
    if (auto services = data::runServiceCoverage(path, options);
        services && !services->coverage.levels.empty() && services->coverage.levels.front().district.people > 0)
        figures.serviceShare = services->coverage.levels.front().district.share;
    if (auto project = data::ProjectStore::open(path, {.create = false, .readOnly = true}))
        if (auto minimum = project->meta("briefing_min_count"); minimum && !minimum->empty())
            figures.privacyMinimum = std::max(1, std::atoi(minimum->c_str()));
    return figures;
}

/// "+12 (+8%)" for counts, or "+3.1 pts" for shares: the change against the previous period.
QString signedNumber(double value, int decimals)
{
    return (value > 0 ? QStringLiteral("+") : QString()) + QString::number(value, 'f', decimals);
}

} // namespace

BriefingMode::BriefingMode(QMainWindow& window, ViewportWidget& viewport, const scene::SceneModel& model,
                           TourPlayer& tours, ProjectSession& session)
    : QObject(&window), mWindow(window), mViewport(viewport), mModel(model), mTours(tours), mSession(session)
{
    connect(&mTours, &TourPlayer::stopShown, this, &BriefingMode::stopShown);
    connect(&mSession, &ProjectSession::incidentsAppended, this, &BriefingMode::incidentsAppended);
}

BriefingMode::~BriefingMode()
{
    if (mActive)
        qApp->removeEventFilter(this);
}

const QStringList& BriefingMode::tileKeys()
{
    static const QStringList keys = {
        QStringLiteral("today"),        QStringLiteral("week"),     QStringLiteral("on_time"),
        QStringLiteral("median_close"), QStringLiteral("overdue"),  QStringLiteral("camera_ai"),
        QStringLiteral("party"),        QStringLiteral("services"), QStringLiteral("trend")};
    return keys;
}

QString BriefingMode::tileTitle(const QString& key)
{
    static const std::map<QString, const char*> titles = {
        {QStringLiteral("today"), QT_TR_NOOP("Incidents today")},
        {QStringLiteral("week"), QT_TR_NOOP("Incidents this week")},
        {QStringLiteral("on_time"), QT_TR_NOOP("Closed on time")},
        {QStringLiteral("median_close"), QT_TR_NOOP("Median time to close")},
        {QStringLiteral("overdue"), QT_TR_NOOP("Overdue now")},
        {QStringLiteral("camera_ai"), QT_TR_NOOP("Found by camera AI")},
        {QStringLiteral("party"), QT_TR_NOOP("1+10 household reach")},
        {QStringLiteral("services"), QT_TR_NOOP("Day-care reach (500 m)")},
        {QStringLiteral("trend"), QT_TR_NOOP("Incidents per day, last 30 days")}};
    const auto found = titles.find(key);
    return found == titles.end() ? key : tr(found->second);
}

void BriefingMode::enter(int screen, QSize fixedSize, const QString& tour)
{
    if (!mActive)
    {
        mActive = true;
        mSavedState = mWindow.saveState();
        mSavedGeometry = mWindow.saveGeometry();
        mSavedWindowState = mWindow.windowState();
        mMenuWasVisible = mWindow.menuBar()->isVisible();
        mStatusWasVisible = mWindow.statusBar()->isVisible();
        for (QDockWidget* dock : mWindow.findChildren<QDockWidget*>())
            dock->hide();
        mWindow.menuBar()->hide();
        mWindow.statusBar()->hide();
        // The command-centre look for a dark room.
        mSavedTheme = static_cast<int>(mViewport.theme());
        mViewport.setTheme(scene::Theme::Night);
        mViewport.setSizeFollowsHeight(true);

        mOverlay = new BriefingOverlay(&mViewport);
        mOverlay->setGeometry(mViewport.rect());
        mOverlay->setProjector(
            [this](double x, double y, double z) -> std::optional<QPointF>
            {
                osgViewer::Viewer* viewer = mViewport.viewer();
                osg::Camera* camera = viewer ? viewer->getCamera() : nullptr;
                if (!camera || !camera->getViewport())
                    return std::nullopt;
                const osg::Vec3d world = osg::Vec3d(x, y, z) - mModel.origin();
                if ((world * camera->getViewMatrix()).z() >= 0.0)
                    return std::nullopt; // behind the eye
                const osg::Vec3d window = world * camera->getViewMatrix() * camera->getProjectionMatrix() *
                                          camera->getViewport()->computeWindowMatrix();
                const double ratio = mViewport.devicePixelRatioF();
                return QPointF(window.x() / ratio, (camera->getViewport()->height() - window.y()) / ratio);
            });
        connect(mOverlay, &BriefingOverlay::reservedChanged, this,
                [this]
                {
                    // The view's legend, north arrow and scale bar keep clear of the header, tiles and caption.
                    const double ratio = mViewport.devicePixelRatioF();
                    const BriefingOverlay::Reserved reserved = mOverlay->reserved();
                    mModel.overlay().setInsets(reserved.leftTop * ratio, reserved.rightTop * ratio,
                                               reserved.leftBottom * ratio);
                    mViewport.update();
                });
        mOverlay->show();
        mOverlay->raise();
        mViewport.installEventFilter(this);
        qApp->installEventFilter(this);
        connect(&mViewport, &ViewportWidget::frameRendered, mOverlay, qOverload<>(&QWidget::update));

        const QString projectName = QFileInfo(mSession.path()).completeBaseName();
        mOverlay->setHeader(projectName.isEmpty() ? tr("CityTwin briefing") : projectName, QString());
        // The window's incidents when it holds them; read from the project only when it does not.
        if (auto shared = mIncidents ? mIncidents() : nullptr)
            mStore = std::move(shared);
        loadIncidents(mStore == nullptr);
    }
    if (fixedSize.isValid())
    {
        mWindow.showNormal();
        mWindow.setGeometry(QRect(QPoint(0, 0), fixedSize));
    }
    else
    {
        const QList<QScreen*> screens = QGuiApplication::screens();
        QScreen* target = screen >= 0 && screen < screens.size() ? screens[screen] : mWindow.screen();
        if (mWindow.windowHandle() && target)
            mWindow.windowHandle()->setScreen(target);
        if (target)
            mWindow.setGeometry(target->geometry());
        mWindow.showFullScreen();
    }
    mViewport.setFocus();
    // Two screens or more: the presenter's view on one the audience does not see.
    if (QGuiApplication::screens().size() > 1 && !fixedSize.isValid())
    {
        showPresenterView(true);
        const QList<QScreen*> screens = QGuiApplication::screens();
        for (QScreen* other : screens)
            if (other != mWindow.screen())
            {
                mPresenter->setGeometry(other->availableGeometry());
                break;
            }
    }
    if (!tour.isEmpty() && mTours.load(tour))
        mTours.showStop(0, 0.0);
    else if (mTours.currentStop() >= 0)
        stopShown(mTours.currentStop());
    emit entered();
}

void BriefingMode::showPresenterView(bool shown)
{
    if (shown && !mPresenter)
    {
        mPresenter = new PresenterView(mTours, &mWindow);
        mPresenter->installEventFilter(this);
        mPresenter->showStop(mTours.currentStop());
    }
    if (mPresenter)
        mPresenter->setVisible(shown);
}

void BriefingMode::leave()
{
    if (!mActive)
        return;
    mActive = false;
    delete mPresenter;
    mPresenter = nullptr;
    qApp->removeEventFilter(this);
    mViewport.removeEventFilter(this);
    mTours.setAutoPlay(false);
    delete mOverlay;
    mOverlay = nullptr;
    mModel.overlay().setInsets(0.0, 0.0, 0.0);
    mViewport.setSizeFollowsHeight(false);
    mViewport.setTheme(static_cast<scene::Theme>(mSavedTheme));
    mWindow.showNormal();
    mWindow.menuBar()->setVisible(mMenuWasVisible);
    mWindow.statusBar()->setVisible(mStatusWasVisible);
    mWindow.restoreState(mSavedState);
    mWindow.restoreGeometry(mSavedGeometry);
    mWindow.setWindowState(mSavedWindowState & ~Qt::WindowFullScreen);
    emit left();
}

void BriefingMode::setBlank(bool blank)
{
    if (mOverlay)
        mOverlay->setBlank(blank);
}

bool BriefingMode::isBlank() const
{
    return mOverlay && mOverlay->isBlank();
}

bool BriefingMode::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &mViewport && event->type() == QEvent::Resize && mOverlay)
        mOverlay->setGeometry(mViewport.rect());
    if (event->type() == QEvent::KeyPress && mActive)
    {
        // Only keys meant for this window (not for a dialog opened over it).
        auto* widget = qobject_cast<QWidget*>(watched);
        const bool ours = widget && (widget->window() == &mWindow || (mPresenter && widget->window() == mPresenter));
        if (ours && handleKey(static_cast<QKeyEvent*>(event)->key()))
            return true;
    }
    return QObject::eventFilter(watched, event);
}

bool BriefingMode::handleKey(int key)
{
    switch (key)
    {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
        setBlank(false);
        mTours.next();
        return true;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        setBlank(false);
        mTours.previous();
        return true;
    case Qt::Key_Home:
        mTours.showStop(0, TourPlayer::StepFlightSeconds);
        return true;
    case Qt::Key_B:
    case Qt::Key_Period:
        setBlank(!isBlank());
        return true;
    case Qt::Key_A:
        mTours.setAutoPlay(!mTours.isAutoPlaying());
        return true;
    case Qt::Key_Escape:
    case Qt::Key_F11:
        leave();
        return true;
    default:
        return false;
    }
}

void BriefingMode::stopShown(int index)
{
    if (!mActive || !mOverlay || index < 0 || index >= mTours.stopCount())
        return;
    const TourPlayer::Stop& stop = mTours.stopAt(index);
    mOverlay->setCaption(stop.caption);
    if (mPresenter)
        mPresenter->showStop(index);
    mOverlay->setStopLabel(tr("Stop %1 of %2").arg(index + 1).arg(mTours.stopCount()));
    // The tiles follow the stop's categories, sources, statuses and area; their periods (today, this week) run up
    // to the data's latest report, whatever time range the stop's analysis shows.
    data::IncidentFilter filter;
    if (stop.bookmark.state && !stop.bookmark.state->filterJson.empty())
        if (auto read = data::IncidentFilter::fromJson(stop.bookmark.state->filterJson))
            filter = read.value();
    filter.from.reset();
    filter.to.reset();
    filter.asOf.reset();
    mFilter = filter;
    recompute();
}

void BriefingMode::loadIncidents(bool readStore)
{
    const std::string path = mSession.path().toStdString();
    if (path.empty())
        return;
    const int generation = ++mGeneration;
    struct Loaded
    {
        std::shared_ptr<const data::IncidentStore> store;
        std::optional<ProjectFigures> figures;
    };
    const bool withFigures = mPartyShare < 0.0 && mCommunityNames.empty();
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation]
            {
                Loaded loaded = watcher->future().takeResult();
                watcher->deleteLater();
                if (generation != mGeneration || !mActive)
                    return;
                if (loaded.figures)
                {
                    mCategories = loaded.figures->categories;
                    mCommunityNames = loaded.figures->communityNames;
                    mDistrictName = loaded.figures->districtName;
                    mPartyShare = loaded.figures->partyShare;
                    mServiceShare = loaded.figures->serviceShare;
                    mPrivacyMinimum = loaded.figures->privacyMinimum;
                }
                if (loaded.store)
                    mStore = loaded.store;
                recompute();
            });
    watcher->setFuture(QtConcurrent::run(
        [path, withFigures, readStore]
        {
            Loaded loaded;
            if (readStore)
                if (auto store = data::IncidentStore::open(path))
                    loaded.store = std::make_shared<const data::IncidentStore>(std::move(store.value()));
            if (withFigures)
                loaded.figures = readFigures(path);
            return loaded;
        }));
}

void BriefingMode::recompute()
{
    if (!mStore || !mActive)
        return;
    if (mComputing)
    {
        mRecomputeWanted = true;
        return;
    }
    mComputing = true;
    mRecomputeWanted = false;
    auto* watcher = new QFutureWatcher<data::BriefingKpis>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher]
            {
                const data::BriefingKpis kpis = watcher->result();
                watcher->deleteLater();
                mComputing = false;
                if (mRecomputeWanted)
                {
                    recompute();
                    return;
                }
                if (mActive)
                    showKpis(kpis);
            });
    watcher->setFuture(
        QtConcurrent::run([store = mStore, filter = mFilter] { return data::briefingKpis(*store, filter); }));
}

QString BriefingMode::countText(double count) const
{
    if (!std::isfinite(count))
        return QStringLiteral("—");
    return QString::fromStdString(data::privateCount(static_cast<std::uint64_t>(count), mPrivacyMinimum));
}

QList<KpiTile> BriefingMode::tilesFor(const data::BriefingKpis& kpis) const
{
    const auto hidden = [this](double value) { return std::isfinite(value) && value < mPrivacyMinimum && value > 0; };
    // A count and its change: no change shown when either side is under the privacy minimum.
    const auto countTile = [&](const QString& key, const QString& title, const data::KpiValue& figure, bool upIsGood,
                               const QString& versus)
    {
        KpiTile tile{key, title, countText(figure.value), {}, 0, true};
        if (std::isfinite(figure.value) && std::isfinite(figure.previous) && !hidden(figure.value) &&
            !hidden(figure.previous))
        {
            const double change = figure.value - figure.previous;
            tile.direction = change > 0 ? 1 : change < 0 ? -1 : 0;
            tile.good = (change > 0) == upIsGood;
            tile.change =
                versus + QLatin1Char(' ') +
                (figure.previous > 0
                     ? tr("%1 (%2%)").arg(signedNumber(change, 0), signedNumber(100.0 * change / figure.previous, 0))
                     : signedNumber(change, 0));
        }
        return tile;
    };
    const auto shareTile = [&](const QString& key, const QString& title, const data::KpiValue& figure, bool upIsGood,
                               const QString& versus)
    {
        KpiTile tile{key,
                     title,
                     std::isfinite(figure.value) ? QStringLiteral("%1%").arg(100.0 * figure.value, 0, 'f', 1)
                                                 : QStringLiteral("—"),
                     {},
                     0,
                     true};
        if (std::isfinite(figure.value) && std::isfinite(figure.previous))
        {
            const double change = 100.0 * (figure.value - figure.previous);
            tile.direction = change > 0.05 ? 1 : change < -0.05 ? -1 : 0;
            tile.good = (change > 0) == upIsGood;
            tile.change = versus + QLatin1Char(' ') + tr("%1 pts").arg(signedNumber(change, 1));
        }
        return tile;
    };
    QList<KpiTile> tiles;
    const std::vector<std::string>& chosen = mTours.tourTiles();
    const auto wanted = [&chosen](const QString& key)
    { return chosen.empty() || std::find(chosen.begin(), chosen.end(), key.toStdString()) != chosen.end(); };
    if (wanted(QStringLiteral("today")))
        tiles << countTile(QStringLiteral("today"), tileTitle(QStringLiteral("today")), kpis.incidentsToday, false,
                           tr("vs. yesterday"));
    if (wanted(QStringLiteral("week")))
        tiles << countTile(QStringLiteral("week"), tileTitle(QStringLiteral("week")), kpis.incidentsWeek, false,
                           tr("vs. the week before"));
    if (wanted(QStringLiteral("on_time")))
        tiles << shareTile(QStringLiteral("on_time"), tileTitle(QStringLiteral("on_time")), kpis.closedOnTimeShare,
                           true, tr("vs. a week ago"));
    if (wanted(QStringLiteral("median_close")))
    {
        const data::KpiValue& hours = kpis.medianHoursToClose;
        KpiTile tile{QStringLiteral("median_close"),
                     tileTitle(QStringLiteral("median_close")),
                     std::isfinite(hours.value) ? tr("%1 h").arg(hours.value, 0, 'f', 1) : QStringLiteral("—"),
                     {},
                     0,
                     true};
        if (std::isfinite(hours.value) && std::isfinite(hours.previous))
        {
            const double change = hours.value - hours.previous;
            tile.direction = change > 0.05 ? 1 : change < -0.05 ? -1 : 0;
            tile.good = change <= 0;
            tile.change = tr("vs. a week ago") + QLatin1Char(' ') + tr("%1 h").arg(signedNumber(change, 1));
        }
        tiles << tile;
    }
    if (wanted(QStringLiteral("overdue")))
        tiles << countTile(QStringLiteral("overdue"), tileTitle(QStringLiteral("overdue")), kpis.overdueNow, false,
                           tr("vs. a week ago"));
    if (wanted(QStringLiteral("camera_ai")))
        tiles << shareTile(QStringLiteral("camera_ai"), tileTitle(QStringLiteral("camera_ai")), kpis.cameraAiShare,
                           true, tr("vs. the week before"));
    if (wanted(QStringLiteral("party")))
        tiles << KpiTile{QStringLiteral("party"),
                         tileTitle(QStringLiteral("party")),
                         mPartyShare >= 0.0 ? QStringLiteral("%1%").arg(100.0 * mPartyShare, 0, 'f', 1)
                                            : QStringLiteral("—"),
                         {},
                         0,
                         true};
    if (wanted(QStringLiteral("services")))
        tiles << KpiTile{QStringLiteral("services"),
                         tileTitle(QStringLiteral("services")),
                         mServiceShare >= 0.0 ? QStringLiteral("%1%").arg(100.0 * mServiceShare, 0, 'f', 1)
                                              : QStringLiteral("—"),
                         {},
                         0,
                         true};
    return tiles;
}

void BriefingMode::showKpis(const data::BriefingKpis& kpis)
{
    mKpis = kpis;
    mOverlay->setTiles(tilesFor(kpis));
    const std::vector<std::string>& chosen = mTours.tourTiles();
    if (chosen.empty() || std::find(chosen.begin(), chosen.end(), "trend") != chosen.end())
    {
        QVector<double> daily;
        for (std::uint32_t count : kpis.dailyCounts)
            daily << count;
        mOverlay->setTrend(daily, tileTitle(QStringLiteral("trend")));
    }
    else
        mOverlay->setTrend({}, {});
    const QString place = mDistrictName.isEmpty() ? QFileInfo(mSession.path()).completeBaseName() : mDistrictName;
    const QString title = mTours.tourName().isEmpty() ? place : place + QStringLiteral(" · ") + mTours.tourName();
    mOverlay->setHeader(title,
                        kpis.asOf > 0 ? tr("Data as of %1").arg(AnalysisInputs::formatLocal(kpis.asOf)) : QString());
    emit kpisUpdated();
}

void BriefingMode::incidentsAppended(std::shared_ptr<const std::vector<data::AppendedIncident>> appended)
{
    const std::vector<data::AppendedIncident>& rows = *appended;
    if (!mActive || rows.empty())
        return;
    // Newest first: time, category, community and grid; no address, name or telephone at briefing scale.
    std::vector<std::pair<std::int64_t, const data::AppendedIncident*>> newest;
    for (const data::AppendedIncident& row : rows)
        newest.push_back({data::parseIncidentTime(row.reportedAt).value_or(0), &row});
    std::stable_sort(newest.begin(), newest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList lines;
    std::vector<std::array<double, 3>> pulses;
    const data::HeightField* ground = mModel.ground();
    for (const auto& [reported, row] : newest)
    {
        if (lines.size() < BriefingOverlay::TickerLines)
        {
            QStringList parts{AnalysisInputs::districtTime(reported).toString(QStringLiteral("HH:mm")),
                              AnalysisInputs::categoryName(mCategories, row->category)};
            if (row->communityId && mCommunityNames.count(*row->communityId))
                parts << mCommunityNames.at(*row->communityId);
            if (row->gridId)
                parts << tr("grid %1").arg(*row->gridId);
            lines << parts.join(QStringLiteral(" · "));
        }
        if (std::isfinite(row->x) && std::isfinite(row->y) && (row->x != 0.0 || row->y != 0.0))
            pulses.push_back({row->x, row->y, ground ? ground->heightAt(row->x, row->y) + 5.0 : 5.0});
    }
    mOverlay->addTickerLines(lines);
    mOverlay->addPulses(pulses);
    emit tickerUpdated();
    loadIncidents(true);
}

} // namespace citytwin::app
