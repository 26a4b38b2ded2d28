#include "app/gui/project_session.hpp"

#include "app/common/error_text.hpp"

#include "data/project/project_store.hpp"

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
    mWatcher = std::make_unique<data::IncidentWatcher>(std::move(watcher.value()));
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
    auto rows = mWatcher->poll();
    if (rows && !rows->empty())
        emit incidentsAppended(rows.value());
}

} // namespace citytwin::app
