#include "data/incidents/incident_watcher.hpp"

#include "data/io/gpkg_geometry.hpp"

namespace citytwin::data
{

Result<IncidentWatcher> IncidentWatcher::open(const std::string& projectPath)
{
    auto database = Database::open(projectPath, Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    return IncidentWatcher(std::move(database.value()));
}

Result<std::vector<AppendedIncident>> IncidentWatcher::poll()
{
    std::vector<AppendedIncident> rows;
    const std::int64_t version = mDatabase.dataVersion();
    if (version == mDataVersion && ++mQuietPolls < PollsBetweenChecks)
        return rows;
    mDataVersion = version;
    mQuietPolls = 0;
    // The rows are read through a new connection: a long-lived one can be left looking at an old snapshot
    // when another connection in this process (GDAL's, for one) closes the same file and POSIX drops the
    // process's locks on it. A connection costs well under a millisecond; polls are seconds apart.
    auto fresh = Database::open(mDatabase.path(), Database::Mode::ReadOnly);
    if (!fresh)
        return fresh.error();
    auto statement = fresh->prepare(
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
