#include "app/gui/project_session.hpp"

#include "app/common/error_text.hpp"

#include "data/project/project_store.hpp"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrent>

namespace citytwin::app
{
namespace
{
constexpr int PollIntervalMs = 1000;
}

ProjectSession::ProjectSession(QObject* parent) : QObject(parent)
{
    mTimer.setInterval(PollIntervalMs);
    connect(&mTimer, &QTimer::timeout, this, &ProjectSession::poll);
}

bool ProjectSession::isProject(const QString& path)
{
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        return false;
    return data::ProjectStore::open(path.toStdString(), {.create = false, .readOnly = true}).ok();
}

std::optional<QString> ProjectSession::open(const QString& path)
{
    close();
    auto watcher = data::IncidentWatcher::open(path.toStdString());
    if (!watcher)
        return ErrorText::describe(watcher.error());
    mWatcher = std::make_shared<data::IncidentWatcher>(std::move(watcher.value()));
    // The rows present now are loaded with the project's layers: only later ones are news.
    if (auto existing = mWatcher->skipExisting(); !existing)
        return ErrorText::describe(existing.error());
    mPath = path;
    mTimer.start();
    emit opened(path);
    return std::nullopt;
}

void ProjectSession::close()
{
    mTimer.stop();
    mWatcher.reset();
    mPath.clear();
}

void ProjectSession::poll()
{
    if (!mWatcher)
        return;
    if (mPolling)
    {
        mPollAgain = true;
        return;
    }
    mPolling = true;
    using Rows = data::Result<std::vector<data::AppendedIncident>>;
    auto* watcher = new QFutureWatcher<Rows>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, polled = mWatcher]
            {
                watcher->deleteLater();
                mPolling = false;
                Rows rows = watcher->future().takeResult();
                // Rows of a project closed (or replaced) meanwhile are not this project's news.
                if (polled == mWatcher && rows && !rows->empty())
                    emit incidentsAppended(
                        std::make_shared<const std::vector<data::AppendedIncident>>(std::move(rows.value())));
                if (mPollAgain)
                {
                    mPollAgain = false;
                    poll();
                }
            });
    watcher->setFuture(QtConcurrent::run([polled = mWatcher] { return polled->poll(); }));
}

} // namespace citytwin::app
