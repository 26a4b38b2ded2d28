#pragma once

#include "data/incidents/incident_time.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citytwin::data
{

/// The columns of an IncidentStore, one entry per incident (31 bytes in all).
struct IncidentColumns
{
    std::vector<float> x;                  ///< metres east of the store's origin (NaN: no position)
    std::vector<float> y;                  ///< metres north of the store's origin (NaN: no position)
    std::vector<std::uint32_t> reported;   ///< seconds since 1970-01-01 UTC
    std::vector<std::uint32_t> toDispatch; ///< seconds from report to dispatch, or IncidentStore::NotYet
    std::vector<std::uint32_t> toHandle;   ///< seconds from report to handling, or IncidentStore::NotYet
    std::vector<std::uint32_t> toClose;    ///< seconds from report to closing, or IncidentStore::NotYet
    std::vector<std::uint16_t> grid;       ///< index into IncidentCodes::gridIds, or IncidentStore::NoIndex
    std::vector<std::uint16_t> camera;     ///< index into IncidentCodes::cameraIds, or IncidentStore::NoIndex
    std::vector<std::uint8_t> category;    ///< index into IncidentCodes::categories
    std::vector<std::uint8_t> source;      ///< index into IncidentCodes::sources
    std::vector<std::uint8_t> status;      ///< index into IncidentCodes::statuses
};

/// Applies f to every column of IncidentColumns (const or not), always in this order (the cache file's order).
template <class Columns, class F> void forEachIncidentColumn(Columns& c, F&& f)
{
    f(c.x);
    f(c.y);
    f(c.reported);
    f(c.toDispatch);
    f(c.toHandle);
    f(c.toClose);
    f(c.grid);
    f(c.camera);
    f(c.category);
    f(c.source);
    f(c.status);
}

/// The dictionaries the columns' codes index into, and the grid -> community relation.
struct IncidentCodes
{
    std::vector<std::string> categories; ///< raw codes such as "street_vending" (at most 256)
    std::vector<std::string> sources;    ///< raw codes such as "camera_ai" (at most 256)
    std::vector<std::string> statuses;   ///< raw codes such as "closed" (at most 256)
    /// Overdue limit per category, hours after the report (citytwin_incident_categories.overdue_hours; 72 when
    /// the category is not listed there).
    std::vector<double> overdueHours;
    /// The grids table's ids ascending (Builder: in the order declared), then any other grid id an incident names.
    std::vector<std::int64_t> gridIds;
    std::vector<std::uint16_t> gridCommunity; ///< per grid: index into communityIds, or IncidentStore::NoIndex
    std::vector<std::int64_t> communityIds;   ///< sorted ascending
    std::vector<std::int64_t> cameraIds;      ///< in order of first appearance (at most 65,535)
    /// True when the project has more distinct cameras than a uint16 index holds: the later ones are NoIndex.
    bool camerasTruncated = false;

    /// Returns the index of a code in one of the dictionaries, or nothing.
    static std::optional<std::uint8_t> find(const std::vector<std::string>& dictionary, std::string_view code);
    /// Returns the index of a grid id, or nothing.
    std::optional<std::uint16_t> gridIndex(std::int64_t gridId) const;
    /// Returns the index of a community id, or nothing.
    std::optional<std::uint16_t> communityIndex(std::int64_t communityId) const;
};

/// All incidents of a project, held in memory for analysis: columnar, 31 bytes per incident (positions as float
/// metres around a double origin, times as uint32 seconds, codes as small indexes into dictionaries), so that
/// 10 million incidents take about 310 MB and a filter plus aggregation streams them in tens of milliseconds.
///
/// Camera ids are kept as a uint16 index per incident (AI detections per camera come from the store).
/// Immutable after loading; safe to read from several threads at once.
class IncidentStore
{
public:
    /// A stage not reached yet (toDispatch, toHandle, toClose).
    static constexpr std::uint32_t NotYet = std::numeric_limits<std::uint32_t>::max();
    /// No grid, community or camera.
    static constexpr std::uint16_t NoIndex = std::numeric_limits<std::uint16_t>::max();

    /// One incident as plain values, for building stores in tests and tools (times in Unix seconds, UTC).
    struct Record
    {
        double x = std::numeric_limits<double>::quiet_NaN();
        double y = std::numeric_limits<double>::quiet_NaN();
        std::int64_t reportedAt = 0;
        std::optional<std::int64_t> dispatchedAt;
        std::optional<std::int64_t> handledAt;
        std::optional<std::int64_t> closedAt;
        std::optional<std::int64_t> gridId;
        std::optional<std::int64_t> cameraId;
        std::string category;
        std::string source;
        std::string status;
    };

    /// Builds a store incident by incident (tests, generators). Not thread-safe.
    class Builder
    {
    public:
        Builder();
        ~Builder();
        Builder(Builder&&) noexcept;
        Builder& operator=(Builder&&) noexcept;

        /// Sets the origin that positions are stored relative to (project CRS metres); default: the first
        /// position added, rounded to whole kilometres.
        Builder& setOrigin(double x, double y);
        /// Declares a grid and its community (as the grids table does).
        Builder& addGrid(std::int64_t gridId, std::optional<std::int64_t> communityId);
        /// Sets a category's overdue limit in hours.
        Builder& setOverdueHours(const std::string& category, double hours);
        /// Adds one incident; an Error when a dictionary is full or the times are out of range.
        Result<bool> add(const Record& record);
        /// Returns the store (the builder is left empty).
        IncidentStore build();

    private:
        struct State;
        std::unique_ptr<State> mState;
    };

    IncidentStore() = default;

    /// Loads the `incidents` table of a project (positions from the GeoPackage point blobs, times from the ISO
    /// text columns, grid from the stored grid_id) plus the grids table (id, community_id), the communities
    /// table's ids and the category limits. Reads with two threads and no more than about 1.1x the final memory.
    /// Incidents without a readable reported_at are skipped (counted in skipped()); those without a position
    /// are kept with NaN coordinates.
    static Result<IncidentStore> load(const std::string& projectPath);

    /// How open() came by its store.
    struct OpenReport
    {
        bool fromCache = false;    ///< read from the column cache beside the project
        bool cacheWritten = false; ///< the table was read and the cache written again
        std::string cacheNote;     ///< why the cache was not used (missing, stale, damaged, no change counter)
    };

    /// Opens a project's incidents ready to analyse: from the column cache beside the project
    /// (IncidentStoreCache) when it matches the table now, else by load(), after which the cache is written again
    /// for the next opening (a project folder that cannot be written to only loses the speed-up).
    static Result<IncidentStore> open(const std::string& projectPath, OpenReport* report = nullptr);

    std::size_t size() const { return mColumns.reported.size(); }
    bool empty() const { return size() == 0; }
    const IncidentColumns& columns() const { return mColumns; }
    const IncidentCodes& codes() const { return mCodes; }
    /// Returns the origin the float positions are relative to (project CRS metres).
    const Position& origin() const { return mOrigin; }
    /// Returns incident i's position in the project CRS (NaN when it has none).
    Position position(std::size_t i) const;
    /// Returns how many rows load() skipped (no readable reported_at).
    std::size_t skipped() const { return mSkipped; }

    /// Returns the memory held per incident in bytes: every column's capacity plus the dictionaries, divided by
    /// the number of incidents.
    double bytesPerIncident() const;

private:
    friend class IncidentStoreLoader;
    friend class IncidentStoreCache;
    IncidentColumns mColumns;
    IncidentCodes mCodes;
    Position mOrigin;
    std::size_t mSkipped = 0;
};

} // namespace citytwin::data
