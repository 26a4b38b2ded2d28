#pragma once

#include "data/incidents/incident_watcher.hpp"

#include <memory>
#include <optional>
#include <vector>

#include <QObject>
#include <QString>
#include <QTimer>

namespace citytwin::app
{

/// The open project: its path, and a watch on its incident table that reports rows other processes append
/// (polled every second on SQLite's data_version, which costs next to nothing while nothing changes).
class ProjectSession : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);

    /// Returns true when the file is a CityTwin project (checked read-only; the file is not changed).
    static bool isProject(const QString& path);

    /// Starts watching a project; rows already there are not reported. Returns an error text on failure.
    std::optional<QString> open(const QString& path);
    void close();

    bool isOpen() const { return mWatcher != nullptr; }
    const QString& path() const { return mPath; }

    /// Checks for new incidents now (the timer does it every second), on the thread pool: a million rows appended by
    /// an import are read there. A check asked while one runs follows it.
    void poll();

signals:
    /// A project was opened (open succeeded).
    void opened(const QString& path);
    /// Rows other processes (or the import dialog) appended; shared, not copied: an import brings a million.
    void incidentsAppended(std::shared_ptr<const std::vector<citytwin::data::AppendedIncident>> rows);

private:
    QString mPath;
    /// Shared with a check running on the thread pool (which may outlive a close).
    std::shared_ptr<data::IncidentWatcher> mWatcher;
    QTimer mTimer;
    bool mPolling = false;
    bool mPollAgain = false;
};

} // namespace citytwin::app
