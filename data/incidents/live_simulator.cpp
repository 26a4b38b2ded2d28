#include "data/incidents/live_simulator.hpp"

#include "data/incidents/incident_rows.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/project/schema.hpp"

#include <cmath>

namespace citytwin::data
{

LiveIncidentSimulator::LiveIncidentSimulator(ProjectStore project, std::vector<Model> models, std::int32_t srsId,
                                             std::uint32_t seed)
    : mProject(std::move(project)), mModels(std::move(models)), mSrsId(srsId), mRandom(seed)
{
}

Result<LiveIncidentSimulator> LiveIncidentSimulator::open(const std::string& projectPath, std::uint32_t seed)
{
    auto project = ProjectStore::open(projectPath, {.create = false});
    if (!project)
        return project.error();
    auto srsId = project->srsIdOf(schema::incidents::Table);
    if (!srsId)
        return srsId.error();
    auto models = readModels(project->database(), projectPath);
    if (!models)
        return models.error();
    return LiveIncidentSimulator(std::move(project.value()), std::move(models.value()), srsId.value(), seed);
}

Result<std::vector<LiveIncidentSimulator::Model>> LiveIncidentSimulator::readModels(Database& database,
                                                                                    const std::string& path)
{
    auto total = database.queryInt64("SELECT count(*) FROM incidents");
    if (!total)
        return total.error();
    if (total.value() == 0)
        return Error{ErrorCode::NoFeatures, "the project has no incidents to model new ones on", path};
    const std::int64_t step = std::max<std::int64_t>(1, total.value() / ModelCount);
    auto query = database.prepare("SELECT geom, category, source, grid_id, community_id, camera_id FROM incidents "
                                  "WHERE fid % ?1 = 0 LIMIT ?2");
    if (!query)
        return query.error();
    query->bind(1, step).bind(2, ModelCount);
    std::vector<Model> models;
    auto read = query->forEachRow(
        [&models](const Statement& row)
        {
            const auto position = gpkg::decodePoint(row.columnBlob(0));
            if (!position)
                return;
            auto optionalId = [&row](int column)
            { return row.isNull(column) ? std::nullopt : std::optional<std::int64_t>(row.columnInt64(column)); };
            models.push_back({position->x, position->y, row.columnText(1), row.columnText(2), optionalId(3),
                              optionalId(4), optionalId(5)});
        });
    if (!read)
        return read.error();
    if (models.empty())
        return Error{ErrorCode::NoFeatures, "the project's incidents have no readable places", path};
    return models;
}

Result<std::int64_t> LiveIncidentSimulator::append(int count, std::int64_t reportedAt)
{
    Database& database = mProject.database();
    auto transaction = Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto lastFid = database.queryInt64("SELECT max(coalesce(max(fid), 0), coalesce((SELECT seq FROM sqlite_sequence "
                                       "WHERE name = 'incidents'), 0)) FROM incidents");
    if (!lastFid)
        return lastFid.error();
    auto insert = IncidentInserter::prepare(database, mSrsId, IncidentInserter::OnDuplicate::Fail);
    if (!insert)
        return insert.error();
    std::uniform_int_distribution<std::size_t> pick(0, mModels.size() - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < count; ++i)
    {
        const Model& model = mModels[pick(mRandom)];
        // A uniform point in a disc of the jitter radius.
        const double radius = JitterMetres * std::sqrt(unit(mRandom));
        const double angle = 2.0 * M_PI * unit(mRandom);
        const std::string externalId =
            "live-" + std::to_string(reportedAt) + "-" + std::to_string(lastFid.value() + 1 + i);
        IncidentRow row;
        row.x = model.x + radius * std::cos(angle);
        row.y = model.y + radius * std::sin(angle);
        row.externalId = externalId;
        row.source = model.source;
        row.category = model.category;
        row.status = "reported";
        row.reportedAt = reportedAt;
        row.gridId = model.gridId;
        row.communityId = model.communityId;
        row.cameraId = model.source == "camera_ai" ? model.cameraId : std::nullopt;
        row.fid = lastFid.value() + 1 + i;
        if (auto inserted = insert->insert(row); !inserted)
            return inserted.error();
    }
    auto total = database.queryInt64("SELECT count(*) FROM incidents");
    if (!total)
        return total.error();
    if (auto committed = transaction.value()->commit(); !committed)
        return committed.error();
    return total.value();
}

} // namespace citytwin::data
