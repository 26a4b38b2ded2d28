#include "data/incidents/incident_watcher.hpp"

#include "data/io/gpkg_geometry.hpp"

#include <algorithm>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#endif

namespace citytwin::data
{

namespace
{
std::uint64_t fileIdentity(const std::string& path)
{
#if defined(__unix__) || defined(__APPLE__)
    struct stat status
    {
    };
    if (::stat(path.c_str(), &status) != 0)
        return 0;
    return (static_cast<std::uint64_t>(status.st_dev) << 40) ^ static_cast<std::uint64_t>(status.st_ino);
#else
    (void)path;
    return 0;
#endif
}
} // namespace

IncidentWatcher::IncidentWatcher(Database database) : mDatabase(std::move(database))
{
    mWalFiles = walFiles();
}

std::pair<std::uint64_t, std::uint64_t> IncidentWatcher::walFiles() const
{
    return {fileIdentity(mDatabase.path() + "-wal"), fileIdentity(mDatabase.path() + "-shm")};
}

Result<IncidentWatcher> IncidentWatcher::open(const std::string& projectPath)
{
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    return IncidentWatcher(std::move(database.value()));
}

Result<std::int64_t> IncidentWatcher::skipExisting()
{
    // The version first: a commit after it changes it, and the next poll reads past the fid found here.
    const std::int64_t version = mDatabase.dataVersion();
    auto highest = mDatabase.queryInt64("SELECT coalesce(max(fid), 0) FROM incidents");
    if (!highest)
        return highest.error();
    mDataVersion = version;
    mQuietPolls = 0;
    mLastFid = std::max(mLastFid, highest.value());
    return mLastFid;
}

Result<std::vector<AppendedIncident>> IncidentWatcher::poll()
{
    std::vector<AppendedIncident> rows;
    // A log reset under this connection (see the class comment): a new connection sees the files as they are now.
    // Inode numbers can be reused by a file deleted and created again between two polls, so the connection is
    // also renewed at each safety-net check.
    if (const auto files = walFiles(); files != mWalFiles || mQuietPolls + 1 >= PollsBetweenChecks)
    {
        auto reopened = Database::open(mDatabase.path(), Database::Mode::ReadOnly);
        if (!reopened)
            return reopened.error();
        mDatabase = std::move(reopened.value());
        mWalFiles = walFiles();
        mDataVersion = -1;
    }
    const std::int64_t version = mDatabase.dataVersion();
    if (version == mDataVersion && ++mQuietPolls < PollsBetweenChecks)
        return rows;
    mDataVersion = version;
    mQuietPolls = 0;
    auto statement = mDatabase.prepare(
        "SELECT fid, category, status, reported_at, geom, grid_id, community_id FROM incidents WHERE fid > ? "
        "ORDER BY fid");
    if (!statement)
        return statement.error();
    statement->bind(1, mLastFid);
    auto read = statement->forEachRow(
        [this, &rows](const Statement& row)
        {
            AppendedIncident incident;
            incident.fid = row.columnInt64(0);
            incident.category = row.columnText(1);
            incident.status = row.columnText(2);
            incident.reportedAt = row.columnText(3);
            if (const auto point = gpkg::decodePoint(row.columnBlob(4)))
            {
                incident.x = point->x;
                incident.y = point->y;
            }
            if (!row.isNull(5))
                incident.gridId = row.columnInt64(5);
            if (!row.isNull(6))
                incident.communityId = row.columnInt64(6);
            mLastFid = incident.fid;
            rows.push_back(std::move(incident));
        });
    if (!read)
        return read.error();
    return rows;
}

} // namespace citytwin::data
