#pragma once

#include "data/core/result.hpp"
#include "data/io/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace citytwin::data
{

/// One row of the incident table as the importer and the sample write it. The texts are views: they must outlive
/// the insert. Coordinates in the project CRS; times in seconds since the epoch (written as GeoPackage DATETIME,
/// UTC). Empty external id, address and description are written as NULL, as are absent times and ids.
struct IncidentRow
{
    double x = 0.0;
    double y = 0.0;
    std::string_view externalId;
    std::string_view source;
    std::string_view category;
    std::string_view status;
    std::int64_t reportedAt = 0;
    std::optional<std::int64_t> dispatchedAt;
    std::optional<std::int64_t> handledAt;
    std::optional<std::int64_t> closedAt;
    std::optional<std::int64_t> gridId;
    std::optional<std::int64_t> communityId;
    std::optional<std::int64_t> cameraId;
    std::string_view address;
    std::string_view description;
    /// The row's fid, also written as its stable integer id.
    std::int64_t fid = 0;
};

/// The one INSERT of incident rows (every column, the fid given explicitly), prepared once and reused per row
/// inside the caller's transaction.
class IncidentInserter
{
public:
    /// What a row whose (source, external_id) is in the table already does: fail the insert, or be skipped
    /// (Database::changes() is then 0).
    enum class OnDuplicate
    {
        Fail,
        Ignore,
    };

    /// Prepares the insert; srsId is the incident table's GeoPackage srs_id, written into each point blob.
    static Result<IncidentInserter> prepare(Database& database, std::int32_t srsId, OnDuplicate onDuplicate);

    Result<bool> insert(const IncidentRow& row);

private:
    IncidentInserter(Statement statement, std::int32_t srsId) : mStatement(std::move(statement)), mSrsId(srsId) {}

    Statement mStatement;
    std::int32_t mSrsId = 0;
};

} // namespace citytwin::data
