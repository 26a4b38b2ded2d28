#pragma once

#include "data/core/result.hpp"
#include "data/io/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace citytwin::data
{

/// One incident another process appended, as the viewer needs it (not IncidentRow, the inserter's full row).
struct AppendedIncident
{
    std::int64_t fid = 0;
    std::string category;
    std::string status;
    std::string reportedAt; ///< as stored (ISO 8601 text)
    double x = 0.0;
    double y = 0.0;
    std::optional<std::int64_t> gridId;
    std::optional<std::int64_t> communityId;
};

/// Notices incidents that other processes append to a project while it is open, without re-reading the
/// table: a connection polls SQLite's data_version (cheap; it changes only when another connection commits)
/// and then reads the rows past the highest fid seen. Fids only grow and writers commit one at a time, so
/// every new row is returned exactly once.
///
/// The connection is reopened when the project's write-ahead log has been reset under it. Why that happens: POSIX
/// advisory locks belong to the process, and closing *any* descriptor of a file drops all of them, so each time
/// GDAL (or anything else in this process) opens and closes the project file outside SQLite, the shared lock this
/// connection holds on it silently vanishes. Another process's last connection then believes it is the file's
/// only user, checkpoints and deletes the -wal and -shm files; this connection would go on reading its mapping of
/// the deleted wal-index, a snapshot frozen for ever, while new connections see the new rows.
class IncidentWatcher
{
public:
    static Result<IncidentWatcher> open(const std::string& projectPath);

    /// Returns the rows committed since the last call (all rows on the first call, unless skipExisting ran).
    Result<std::vector<AppendedIncident>> poll();

    /// Marks the rows present now as seen without reading them (a viewer that loads them with the project's
    /// layers): one index lookup, however many rows there are. Returns the highest fid.
    Result<std::int64_t> skipExisting();

    /// Returns the highest fid returned so far.
    std::int64_t lastFid() const { return mLastFid; }

private:
    explicit IncidentWatcher(Database database);
    /// The -wal and -shm files' identities (device and inode; 0 when absent), to tell a reset log from new frames.
    std::pair<std::uint64_t, std::uint64_t> walFiles() const;
    Database mDatabase;
    std::pair<std::uint64_t, std::uint64_t> mWalFiles;
    /// Even when data_version says nothing changed, look every this many polls (a safety net).
    static constexpr int PollsBetweenChecks = 10;
    std::int64_t mDataVersion = -1;
    int mQuietPolls = 0;
    std::int64_t mLastFid = 0;
};

} // namespace citytwin::data
