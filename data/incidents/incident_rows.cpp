#include "data/incidents/incident_rows.hpp"

#include "data/core/date_time.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/project/schema.hpp"

#include <string>

namespace citytwin::data
{
namespace
{
namespace incidents = schema::incidents;

/// The columns written, in bind order (1-based bind index = position + 1).
constexpr const char* InsertColumns[] = {
    schema::Geometry,    incidents::ExternalId,  incidents::Source,       incidents::Category,
    incidents::Status,   incidents::ReportedAt,  incidents::DispatchedAt, incidents::HandledAt,
    incidents::ClosedAt, incidents::GridId,      incidents::CommunityId,  incidents::CameraId,
    incidents::Address,  incidents::Description, schema::FeatureId,       incidents::Id,
};

/// "INSERT [OR IGNORE] INTO incidents(geom, external_id, ..., fid, id) VALUES(?, ..., ?)".
std::string insertSql(IncidentInserter::OnDuplicate onDuplicate)
{
    std::string columns, values;
    for (const char* column : InsertColumns)
    {
        columns += (columns.empty() ? "" : ", ") + std::string(column);
        values += values.empty() ? "?" : ", ?";
    }
    return std::string(onDuplicate == IncidentInserter::OnDuplicate::Ignore ? "INSERT OR IGNORE INTO "
                                                                            : "INSERT INTO ") +
           incidents::Table + "(" + columns + ") VALUES(" + values + ")";
}

void bindTextOrNull(Statement& statement, int index, std::string_view text)
{
    text.empty() ? statement.bindNull(index) : statement.bind(index, text);
}

void bindTimeOrNull(Statement& statement, int index, const std::optional<std::int64_t>& time)
{
    time ? statement.bind(index, formatUtc(*time)) : statement.bindNull(index);
}
} // namespace

Result<IncidentInserter> IncidentInserter::prepare(Database& database, std::int32_t srsId, OnDuplicate onDuplicate)
{
    auto statement = database.prepare(insertSql(onDuplicate));
    if (!statement)
        return statement.error();
    return IncidentInserter(std::move(statement.value()), srsId);
}

Result<bool> IncidentInserter::insert(const IncidentRow& row)
{
    const std::string blob = gpkg::encodePoint(row.x, row.y, mSrsId);
    mStatement.bindBlob(1, blob.data(), blob.size());
    bindTextOrNull(mStatement, 2, row.externalId);
    mStatement.bind(3, row.source).bind(4, row.category).bind(5, row.status);
    mStatement.bind(6, formatUtc(row.reportedAt));
    bindTimeOrNull(mStatement, 7, row.dispatchedAt);
    bindTimeOrNull(mStatement, 8, row.handledAt);
    bindTimeOrNull(mStatement, 9, row.closedAt);
    mStatement.bindOptional(10, row.gridId).bindOptional(11, row.communityId).bindOptional(12, row.cameraId);
    bindTextOrNull(mStatement, 13, row.address);
    bindTextOrNull(mStatement, 14, row.description);
    mStatement.bind(15, row.fid).bind(16, row.fid);
    return mStatement.run();
}

} // namespace citytwin::data
