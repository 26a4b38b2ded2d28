#pragma once

#include "data/core/result.hpp"
#include "data/incidents/incident_store.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace citytwin::data
{

class Database;

/// What an incident table looked like when a store was read from it. A cache is used only when every field
/// matches the table now.
struct StoreStamp
{
    std::int64_t rows = 0;      ///< count(*) of the incidents table
    std::int64_t maxFid = 0;    ///< max(fid), 0 when empty
    std::int64_t changes = 0;   ///< citytwin_incident_changes.changes (bumped by triggers on every row change)
    std::uint64_t declared = 0; ///< hash of the grids, communities and category limits the store also reads

    bool operator==(const StoreStamp&) const = default;
};

/// The columns of a project's IncidentStore kept in a file beside the project (PROJECT.citytwin-store), so that
/// a project opens ready to analyse without reading every incident row again.
///
/// The file holds the stamp it was made from, the dictionaries, the columns (64-byte aligned) and a checksum. It is
/// read through a memory map and trusted only when its stamp equals the table's now, its checksum matches and
/// every code indexes its dictionary; anything else (missing, stale, truncated, from another version, hostile) is
/// refused with the reason and the store is read from the table instead. The project's triggers keep the change
/// counter: a project without them (made by another tool, or a table replaced behind CityTwin's back) never uses
/// a cache.
class IncidentStoreCache
{
public:
    /// The format's version, written in every file; another version is never read.
    static constexpr std::uint32_t FormatVersion = 1;

    /// Returns the cache file of a project: PROJECT.citytwin-store.
    static std::string pathFor(const std::string& projectPath);

    /// Reads the incident table's stamp inside the caller's read transaction; nothing when the project has no
    /// change counter or its triggers are missing (then no cache may be used).
    static Result<std::optional<StoreStamp>> stamp(Database& database);

    /// Reads a store from a cache file; an Error naming the file and the reason when it is missing, does not
    /// match the stamp, or is damaged.
    static Result<IncidentStore> read(const std::string& cachePath, const StoreStamp& expected);

    /// Writes a store's cache file for a stamp (to a temporary name, renamed into place when complete).
    static Result<bool> write(const IncidentStore& store, const StoreStamp& stamp, const std::string& cachePath);
};

} // namespace citytwin::data
