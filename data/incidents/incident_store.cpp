#include "data/incidents/incident_store.hpp"
#include "data/incidents/incident_time.hpp"

#include "data/core/date_time.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/core/log.hpp"
#include "data/io/sqlite_database.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <thread>
#include <unordered_map>

#include <sqlite3.h>

namespace citytwin::data
{
namespace
{
constexpr const char* LogCategory = "data.incidents";
constexpr int LoadThreads = 2;

/// Heterogeneous string hashing, so that dictionaries are searched with string_views without allocating.
struct TextHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

/// Interns the codes of one column into a dictionary of at most 256 entries.
class CodeInterner
{
public:
    explicit CodeInterner(std::vector<std::string>& dictionary) : mDictionary(dictionary)
    {
        for (std::size_t i = 0; i < dictionary.size(); ++i)
            mIndex.emplace(dictionary[i], static_cast<std::uint8_t>(i));
    }

    /// Returns the code of text, adding it when new; nothing when the dictionary is full.
    std::optional<std::uint8_t> intern(std::string_view text)
    {
        // Consecutive rows often repeat a value: check the last one first.
        if (mLast && mDictionary[*mLast] == text)
            return mLast;
        if (auto found = mIndex.find(text); found != mIndex.end())
            return mLast = found->second;
        if (mDictionary.size() > std::numeric_limits<std::uint8_t>::max())
            return std::nullopt;
        const auto code = static_cast<std::uint8_t>(mDictionary.size());
        mDictionary.emplace_back(text);
        mIndex.emplace(mDictionary.back(), code);
        return mLast = code;
    }

private:
    std::vector<std::string>& mDictionary;
    std::unordered_map<std::string, std::uint8_t, TextHash, std::equal_to<>> mIndex;
    std::optional<std::uint8_t> mLast;
};

/// Maps integer ids to uint16 indexes: a direct table for ids in [0, 2^20) (the usual database ids), a hash map
/// for the others.
class IdMap
{
public:
    std::optional<std::uint16_t> find(std::int64_t id) const
    {
        if (id >= 0 && id < DenseLimit)
        {
            const auto slot = static_cast<std::size_t>(id);
            if (slot < mDense.size() && mDense[slot] != 0)
                return static_cast<std::uint16_t>(mDense[slot] - 1);
            return std::nullopt;
        }
        const auto found = mSparse.find(id);
        return found == mSparse.end() ? std::nullopt : std::optional<std::uint16_t>(found->second);
    }

    void insert(std::int64_t id, std::uint16_t index)
    {
        if (id >= 0 && id < DenseLimit)
        {
            const auto slot = static_cast<std::size_t>(id);
            if (slot >= mDense.size())
                mDense.resize(std::max(slot + 1, mDense.size() * 2), 0);
            mDense[slot] = static_cast<std::uint32_t>(index) + 1;
        }
        else
            mSparse.emplace(id, index);
    }

private:
    static constexpr std::int64_t DenseLimit = std::int64_t{1} << 20;
    std::vector<std::uint32_t> mDense; ///< index + 1; 0 = absent
    std::unordered_map<std::int64_t, std::uint16_t> mSparse;
};

/// Interns integer ids (cameras, grids) into uint16 indexes, up to a limit.
class IdInterner
{
public:
    IdInterner(std::vector<std::int64_t>& ids, std::size_t limit) : mIds(ids), mLimit(limit)
    {
        for (std::size_t i = 0; i < ids.size(); ++i)
            mIndex.insert(ids[i], static_cast<std::uint16_t>(i));
    }

    /// Returns the index of id, adding it when new; IncidentStore::NoIndex when full.
    std::uint16_t intern(std::int64_t id)
    {
        if (const auto found = mIndex.find(id))
            return *found;
        if (mIds.size() >= mLimit)
        {
            mFull = true;
            return IncidentStore::NoIndex;
        }
        const auto index = static_cast<std::uint16_t>(mIds.size());
        mIds.push_back(id);
        mIndex.insert(id, index);
        return index;
    }
    bool full() const { return mFull; }

private:
    std::vector<std::int64_t>& mIds;
    IdMap mIndex;
    std::size_t mLimit;
    bool mFull = false;
};

template <class T> std::size_t capacityBytes(const std::vector<T>& column)
{
    return column.capacity() * sizeof(T);
}

/// Seconds from report to a later stage, clamped into the column's range (a stage before the report counts as 0).
std::uint32_t stageOffset(std::optional<std::int64_t> stage, std::int64_t reported)
{
    if (!stage)
        return IncidentStore::NotYet;
    return static_cast<std::uint32_t>(
        std::clamp<std::int64_t>(*stage - reported, 0, static_cast<std::int64_t>(IncidentStore::NotYet) - 1));
}

bool validReportTime(std::int64_t seconds)
{
    return seconds >= 0 && seconds < static_cast<std::int64_t>(std::numeric_limits<std::uint32_t>::max());
}

void resizeColumns(IncidentColumns& c, std::size_t n)
{
    c.x.resize(n);
    c.y.resize(n);
    c.reported.resize(n);
    c.toDispatch.resize(n);
    c.toHandle.resize(n);
    c.toClose.resize(n);
    c.grid.resize(n);
    c.camera.resize(n);
    c.category.resize(n);
    c.source.resize(n);
    c.status.resize(n);
}

double roundedOrigin(double value)
{
    return std::isfinite(value) ? std::round(value / 1000.0) * 1000.0 : 0.0;
}

/// Sorts the communities named by the grids, maps each grid to its community's index.
void finishCommunities(IncidentCodes& codes, const std::vector<std::optional<std::int64_t>>& gridCommunityIds)
{
    for (const auto& id : gridCommunityIds)
        if (id)
            codes.communityIds.push_back(*id);
    std::sort(codes.communityIds.begin(), codes.communityIds.end());
    codes.communityIds.erase(std::unique(codes.communityIds.begin(), codes.communityIds.end()),
                             codes.communityIds.end());
    codes.gridCommunity.assign(codes.gridIds.size(), IncidentStore::NoIndex);
    for (std::size_t g = 0; g < gridCommunityIds.size() && g < codes.gridIds.size(); ++g)
        if (gridCommunityIds[g])
            codes.gridCommunity[g] = *codes.communityIndex(*gridCommunityIds[g]);
}
} // namespace

std::optional<std::uint8_t> IncidentCodes::find(const std::vector<std::string>& dictionary, std::string_view code)
{
    const auto found = std::find(dictionary.begin(), dictionary.end(), code);
    if (found == dictionary.end())
        return std::nullopt;
    return static_cast<std::uint8_t>(found - dictionary.begin());
}

std::optional<std::uint16_t> IncidentCodes::gridIndex(std::int64_t gridId) const
{
    const auto found = std::find(gridIds.begin(), gridIds.end(), gridId);
    if (found == gridIds.end())
        return std::nullopt;
    return static_cast<std::uint16_t>(found - gridIds.begin());
}

std::optional<std::uint16_t> IncidentCodes::communityIndex(std::int64_t communityId) const
{
    const auto found = std::lower_bound(communityIds.begin(), communityIds.end(), communityId);
    if (found == communityIds.end() || *found != communityId)
        return std::nullopt;
    return static_cast<std::uint16_t>(found - communityIds.begin());
}

Position IncidentStore::position(std::size_t i) const
{
    return {mOrigin.x + mColumns.x[i], mOrigin.y + mColumns.y[i], 0.0};
}

double IncidentStore::bytesPerIncident() const
{
    std::size_t bytes = 0;
    forEachIncidentColumn(mColumns, [&bytes](const auto& column) { bytes += capacityBytes(column); });
    for (const auto* dictionary : {&mCodes.categories, &mCodes.sources, &mCodes.statuses})
    {
        bytes += capacityBytes(*dictionary);
        for (const std::string& text : *dictionary)
            bytes += text.capacity();
    }
    bytes += capacityBytes(mCodes.overdueHours) + capacityBytes(mCodes.gridIds) + capacityBytes(mCodes.gridCommunity) +
             capacityBytes(mCodes.communityIds) + capacityBytes(mCodes.cameraIds);
    return size() == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(size());
}

// ---------------------------------------------------------------------------------------------------------------
// Builder

struct IncidentStore::Builder::State
{
    IncidentStore store;
    CodeInterner categories{store.mCodes.categories};
    CodeInterner sources{store.mCodes.sources};
    CodeInterner statuses{store.mCodes.statuses};
    IdInterner cameras{store.mCodes.cameraIds, NoIndex};
    IdInterner grids{store.mCodes.gridIds, NoIndex};
    std::vector<std::optional<std::int64_t>> gridCommunityIds;
    std::unordered_map<std::string, double> overdueHours;
    bool originSet = false;
};

IncidentStore::Builder::Builder() : mState(std::make_unique<State>()) {}
IncidentStore::Builder::~Builder() = default;
IncidentStore::Builder::Builder(Builder&&) noexcept = default;
IncidentStore::Builder& IncidentStore::Builder::operator=(Builder&&) noexcept = default;

IncidentStore::Builder& IncidentStore::Builder::setOrigin(double x, double y)
{
    mState->store.mOrigin = {x, y, 0.0};
    mState->originSet = true;
    return *this;
}

IncidentStore::Builder& IncidentStore::Builder::addGrid(std::int64_t gridId, std::optional<std::int64_t> communityId)
{
    const std::uint16_t index = mState->grids.intern(gridId);
    if (index != NoIndex)
    {
        mState->gridCommunityIds.resize(std::max<std::size_t>(mState->gridCommunityIds.size(), index + 1u));
        mState->gridCommunityIds[index] = communityId;
    }
    return *this;
}

IncidentStore::Builder& IncidentStore::Builder::setOverdueHours(const std::string& category, double hours)
{
    mState->categories.intern(category);
    mState->overdueHours[category] = hours;
    return *this;
}

Result<bool> IncidentStore::Builder::add(const Record& record)
{
    State& s = *mState;
    if (!validReportTime(record.reportedAt))
        return Error{ErrorCode::InvalidArgument, "reported time out of range: " + std::to_string(record.reportedAt)};
    const auto category = s.categories.intern(record.category);
    const auto source = s.sources.intern(record.source);
    const auto status = s.statuses.intern(record.status);
    if (!category || !source || !status)
        return Error{ErrorCode::InvalidArgument, "more than 256 distinct categories, sources or statuses"};
    std::uint16_t grid = NoIndex;
    if (record.gridId)
    {
        grid = s.grids.intern(*record.gridId);
        if (grid == NoIndex)
            return Error{ErrorCode::InvalidArgument, "more than 65,535 grids"};
    }
    if (!s.originSet && std::isfinite(record.x) && std::isfinite(record.y))
        setOrigin(roundedOrigin(record.x), roundedOrigin(record.y));
    IncidentColumns& c = s.store.mColumns;
    const Position& origin = s.store.mOrigin;
    c.x.push_back(static_cast<float>(record.x - origin.x));
    c.y.push_back(static_cast<float>(record.y - origin.y));
    c.reported.push_back(static_cast<std::uint32_t>(record.reportedAt));
    c.toDispatch.push_back(stageOffset(record.dispatchedAt, record.reportedAt));
    c.toHandle.push_back(stageOffset(record.handledAt, record.reportedAt));
    c.toClose.push_back(stageOffset(record.closedAt, record.reportedAt));
    c.grid.push_back(grid);
    c.camera.push_back(record.cameraId ? s.cameras.intern(*record.cameraId) : NoIndex);
    c.category.push_back(*category);
    c.source.push_back(*source);
    c.status.push_back(*status);
    return true;
}

IncidentStore IncidentStore::Builder::build()
{
    State& s = *mState;
    IncidentStore& store = s.store;
    forEachIncidentColumn(store.mColumns, [](auto& column) { column.shrink_to_fit(); });
    finishCommunities(store.mCodes, s.gridCommunityIds);
    store.mCodes.camerasTruncated = s.cameras.full();
    store.mCodes.overdueHours.assign(store.mCodes.categories.size(), 72.0);
    for (std::size_t i = 0; i < store.mCodes.categories.size(); ++i)
        if (auto found = s.overdueHours.find(store.mCodes.categories[i]); found != s.overdueHours.end())
            store.mCodes.overdueHours[i] = found->second;
    IncidentStore result = std::move(store);
    mState = std::make_unique<State>();
    return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

/// Reads a project's incident table into a store with LoadThreads threads, each on its own connection and fid
/// range, writing straight into the final columns (no second copy of the data).
class IncidentStoreLoader
{
public:
    explicit IncidentStoreLoader(std::string path) : mPath(std::move(path)) {}

    Result<IncidentStore> run()
    {
        auto database = Database::open(mPath, Database::Mode::ReadOnly);
        if (!database)
            return database.error();
        if (auto known = readGridsAndCategories(database.value()); !known)
            return known.error();
        if (auto origin = readOrigin(database.value()); !origin)
            return origin.error();
        auto ranges = countRanges(database.value());
        if (!ranges)
            return ranges.error();
        return readRanges(ranges.value());
    }

private:
    /// One thread's share: a fid range, its own connection (in a read transaction that fixes the row count)
    /// and its own dictionaries, merged into the store's when all threads are done.
    struct Range
    {
        std::int64_t firstFid = 0;
        std::int64_t endFid = 0;
        std::size_t offset = 0;
        std::size_t count = 0;
        std::size_t written = 0;
        std::size_t skipped = 0;
        std::optional<Database> database;
        std::vector<std::string> categories, sources, statuses;
        std::vector<std::int64_t> cameras;
        std::vector<std::int64_t> extraGrids; ///< grid ids not in the grids table, local index = known + position
        std::optional<Error> error;
    };

    Result<bool> readGridsAndCategories(Database& database)
    {
        IncidentCodes& codes = mStore.mCodes;
        std::vector<std::optional<std::int64_t>> gridCommunityIds;
        // A grids table without community_id still gives the grid ids.
        auto grids = database.prepare("SELECT id, community_id FROM grids WHERE id IS NOT NULL ORDER BY id");
        if (!grids)
            grids = database.prepare("SELECT id, NULL FROM grids WHERE id IS NOT NULL ORDER BY id");
        if (grids)
        {
            auto listed = grids->forEachRow(
                [&](const Statement& row)
                {
                    if (!codes.gridIds.empty() && codes.gridIds.back() == row.columnInt64(0))
                        return;
                    codes.gridIds.push_back(row.columnInt64(0));
                    gridCommunityIds.push_back(row.isNull(1) ? std::nullopt
                                                             : std::optional<std::int64_t>(row.columnInt64(1)));
                });
            if (!listed)
                return listed.error();
            if (codes.gridIds.size() >= IncidentStore::NoIndex)
                return Error{ErrorCode::InvalidArgument, "more than 65,534 grids", mPath};
        }
        if (auto communities = database.prepare("SELECT id FROM communities WHERE id IS NOT NULL"))
            if (auto read = communities->forEachRow([&](const Statement& row)
                                                    { gridCommunityIds.emplace_back(row.columnInt64(0)); });
                !read)
                return read.error();
        // Communities without a grid extend gridCommunityIds past the grids: finishCommunities only maps the grids.
        finishCommunities(codes, gridCommunityIds);
        if (auto categories = database.prepare("SELECT code, overdue_hours FROM citytwin_incident_categories"))
        {
            auto read = categories->forEachRow(
                [&](const Statement& row)
                {
                    codes.categories.push_back(row.columnText(0));
                    codes.overdueHours.push_back(row.isNull(1) ? 72.0 : row.columnDouble(1));
                });
            if (!read)
                return read.error();
        }
        for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
            mKnownGrids.insert(codes.gridIds[g], static_cast<std::uint16_t>(g));
        mKnownGridCount = codes.gridIds.size();
        return true;
    }

    Result<bool> readOrigin(Database& database)
    {
        auto first = database.prepare("SELECT geom FROM incidents WHERE geom IS NOT NULL LIMIT 1");
        if (!first)
            return first.error();
        auto row = first->step();
        if (!row)
            return row.error();
        if (row.value())
            if (auto point = gpkg::decodePoint(first->columnBlob(0)))
                mStore.mOrigin = {roundedOrigin(point->x), roundedOrigin(point->y), 0.0};
        return true;
    }

    /// Splits the fid range in LoadThreads parts and counts each part's rows inside its connection's read
    /// transaction, so that every thread knows where in the columns its rows go.
    Result<std::vector<Range>> countRanges(Database& database)
    {
        // Two subqueries: a lone min() or max() of the rowid is read from the b-tree's ends, both at once scan.
        auto bounds = database.prepare("SELECT (SELECT min(fid) FROM incidents), (SELECT max(fid) FROM incidents)");
        if (!bounds)
            return bounds.error();
        auto row = bounds->step();
        if (!row)
            return row.error();
        const std::int64_t minFid = bounds->isNull(0) ? 0 : bounds->columnInt64(0);
        const std::int64_t endFid = bounds->isNull(1) ? 0 : bounds->columnInt64(1) + 1;
        // When GDAL's feature count says the fids are (nearly) dense, each range takes its fid span as its count
        // and skips counting (a pass over the table); fewer rows than that only leave a gap that compact() closes.
        auto featureCount =
            database.queryInt64("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'incidents'");
        const bool dense = featureCount.ok() && endFid > minFid &&
                           static_cast<double>(featureCount.value()) >= 0.98 * static_cast<double>(endFid - minFid);
        std::vector<Range> ranges(LoadThreads);
        std::size_t offset = 0;
        for (int t = 0; t < LoadThreads; ++t)
        {
            Range& range = ranges[static_cast<std::size_t>(t)];
            range.firstFid = minFid + (endFid - minFid) * t / LoadThreads;
            range.endFid = minFid + (endFid - minFid) * (t + 1) / LoadThreads;
            auto connection = Database::open(mPath, Database::Mode::ReadOnly);
            if (!connection)
                return connection.error();
            range.database.emplace(std::move(connection.value()));
            // Pages read through a memory map are not copied out of the page cache (nor counted as our memory).
            range.database->tune("PRAGMA mmap_size = " + std::to_string(std::int64_t{1} << 36));
            if (auto begun = range.database->exec("BEGIN"); !begun)
                return begun.error();
            if (dense)
                range.count = static_cast<std::size_t>(range.endFid - range.firstFid);
            else
            {
                auto count = range.database->prepare("SELECT count(*) FROM incidents WHERE fid >= ? AND fid < ?");
                if (!count)
                    return count.error();
                count->bind(1, range.firstFid).bind(2, range.endFid);
                if (auto counted = count->step(); !counted)
                    return counted.error();
                range.count = static_cast<std::size_t>(count->columnInt64(0));
            }
            range.offset = offset;
            offset += range.count;
        }
        return ranges;
    }

    Result<IncidentStore> readRanges(std::vector<Range>& ranges)
    {
        resizeColumns(mStore.mColumns, ranges.back().offset + ranges.back().count);
        {
            std::vector<std::jthread> threads;
            for (Range& range : ranges)
                threads.emplace_back([this, &range] { readRange(range); });
        }
        for (Range& range : ranges)
        {
            range.database.reset();
            if (range.error)
                return *range.error;
        }
        if (auto merged = mergeDictionaries(ranges); !merged)
            return merged.error();
        compact(ranges);
        return std::move(mStore);
    }

    void readRange(Range& range)
    {
        sqlite3_stmt* raw = nullptr;
        const char* sql = "SELECT geom, source, category, status, reported_at, dispatched_at, handled_at, closed_at, "
                          "grid_id, camera_id FROM incidents WHERE fid >= ? AND fid < ? LIMIT ?";
        if (sqlite3_prepare_v2(range.database->handle(), sql, -1, &raw, nullptr) != SQLITE_OK)
        {
            range.error = range.database->error(ErrorCode::StoreFailed, "cannot read the incidents");
            return;
        }
        Statement owner(raw);
        owner.bind(1, range.firstFid).bind(2, range.endFid).bind(3, static_cast<std::int64_t>(range.count));
        RowReader reader(*this, range);
        int status = SQLITE_ROW;
        // LIMIT and the read transaction keep the rows within the count; the check guards the columns anyway.
        while ((status = sqlite3_step(raw)) == SQLITE_ROW && range.written < range.count && !reader.failure())
        {
            if (!reader.read(raw, range.offset + range.written))
            {
                ++range.skipped;
                continue;
            }
            ++range.written;
        }
        if (status != SQLITE_DONE && status != SQLITE_ROW)
            range.error = range.database->error(ErrorCode::StoreFailed, "cannot read the incidents");
        if (reader.failure())
            range.error = Error{ErrorCode::InvalidArgument, *reader.failure(), mPath};
    }

    /// Decodes rows into the columns with the range's own dictionaries.
    class RowReader
    {
    public:
        RowReader(IncidentStoreLoader& loader, Range& range)
            : mColumns(loader.mStore.mColumns), mOrigin(loader.mStore.mOrigin), mKnownGrids(loader.mKnownGrids),
              mKnownGridCount(loader.mKnownGridCount), mCategories(range.categories), mSources(range.sources),
              mStatuses(range.statuses), mCameras(range.cameras, IncidentStore::NoIndex),
              mExtraGrids(range.extraGrids, IncidentStore::NoIndex)
        {
        }

        /// Writes row into position i; false when the row has no readable report time.
        bool read(sqlite3_stmt* row, std::size_t i)
        {
            const auto reported = timeColumn(row, 4);
            if (!reported || !validReportTime(*reported))
                return false;
            const auto category = mCategories.intern(textColumn(row, 2));
            const auto source = mSources.intern(textColumn(row, 1));
            const auto status = mStatuses.intern(textColumn(row, 3));
            if (!category || !source || !status)
            {
                mFailure = "more than 256 distinct categories, sources or statuses";
                return false;
            }
            const auto point = pointColumn(row, 0);
            mColumns.x[i] = point ? static_cast<float>(point->x - mOrigin.x) : std::numeric_limits<float>::quiet_NaN();
            mColumns.y[i] = point ? static_cast<float>(point->y - mOrigin.y) : std::numeric_limits<float>::quiet_NaN();
            mColumns.reported[i] = static_cast<std::uint32_t>(*reported);
            mColumns.toDispatch[i] = stageOffset(timeColumn(row, 5), *reported);
            mColumns.toHandle[i] = stageOffset(timeColumn(row, 6), *reported);
            mColumns.toClose[i] = stageOffset(timeColumn(row, 7), *reported);
            mColumns.grid[i] = gridColumn(row, 8);
            mColumns.camera[i] = sqlite3_column_type(row, 9) == SQLITE_NULL
                                     ? IncidentStore::NoIndex
                                     : mCameras.intern(sqlite3_column_int64(row, 9));
            mColumns.category[i] = *category;
            mColumns.source[i] = *source;
            mColumns.status[i] = *status;
            return true;
        }

        const std::optional<std::string>& failure() const { return mFailure; }

    private:
        static std::string_view textColumn(sqlite3_stmt* row, int column)
        {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
            return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, column)))
                        : std::string_view();
        }

        std::optional<std::int64_t> timeColumn(sqlite3_stmt* row, int column)
        {
            if (sqlite3_column_type(row, column) == SQLITE_NULL)
                return std::nullopt;
            return mTimes.parse(textColumn(row, column));
        }

        static std::optional<Position> pointColumn(sqlite3_stmt* row, int column)
        {
            const void* blob = sqlite3_column_blob(row, column);
            if (!blob)
                return std::nullopt;
            const std::string_view view(static_cast<const char*>(blob),
                                        static_cast<std::size_t>(sqlite3_column_bytes(row, column)));
            return gpkg::decodePoint(view);
        }

        std::uint16_t gridColumn(sqlite3_stmt* row, int column)
        {
            if (sqlite3_column_type(row, column) == SQLITE_NULL)
                return IncidentStore::NoIndex;
            const std::int64_t id = sqlite3_column_int64(row, column);
            if (id == mLastGridId)
                return mLastGrid;
            mLastGridId = id;
            if (const auto known = mKnownGrids.find(id))
                return mLastGrid = *known;
            // Not in the grids table: a local index past the known grids, remapped when the ranges merge.
            const std::uint16_t extra = mExtraGrids.intern(id);
            if (extra == IncidentStore::NoIndex || extra + mKnownGridCount >= IncidentStore::NoIndex)
            {
                mFailure = "more than 65,534 grids";
                return mLastGrid = IncidentStore::NoIndex;
            }
            return mLastGrid = static_cast<std::uint16_t>(mKnownGridCount + extra);
        }

        IncidentColumns& mColumns;
        const Position& mOrigin;
        const IdMap& mKnownGrids;
        std::size_t mKnownGridCount;
        CodeInterner mCategories, mSources, mStatuses;
        IdInterner mCameras, mExtraGrids;
        IncidentTimeParser mTimes;
        std::int64_t mLastGridId = std::numeric_limits<std::int64_t>::min();
        std::uint16_t mLastGrid = IncidentStore::NoIndex;
        std::optional<std::string> mFailure;
    };

    /// Merges each range's dictionaries into the store's and rewrites the range's codes to the merged ones.
    Result<bool> mergeDictionaries(std::vector<Range>& ranges)
    {
        IncidentCodes& codes = mStore.mCodes;
        IncidentColumns& c = mStore.mColumns;
        CodeInterner categories(codes.categories), sources(codes.sources), statuses(codes.statuses);
        IdInterner cameras(codes.cameraIds, IncidentStore::NoIndex);
        const std::size_t knownGrids = codes.gridIds.size();
        IdInterner grids(codes.gridIds, IncidentStore::NoIndex);
        for (Range& range : ranges)
        {
            auto remap8 =
                [&](CodeInterner& global, const std::vector<std::string>& local, std::vector<std::uint8_t>& column)
            {
                std::uint8_t table[256] = {};
                for (std::size_t i = 0; i < local.size(); ++i)
                {
                    const auto code = global.intern(local[i]);
                    if (!code)
                        return false;
                    table[i] = *code;
                }
                for (std::size_t i = range.offset; i < range.offset + range.written; ++i)
                    column[i] = table[column[i]];
                return true;
            };
            if (!remap8(categories, range.categories, c.category) || !remap8(sources, range.sources, c.source) ||
                !remap8(statuses, range.statuses, c.status))
                return Error{ErrorCode::InvalidArgument, "more than 256 distinct categories, sources or statuses",
                             mPath};
            std::vector<std::uint16_t> table(IncidentStore::NoIndex + 1u, IncidentStore::NoIndex);
            for (std::size_t i = 0; i < range.cameras.size(); ++i)
                table[i] = cameras.intern(range.cameras[i]);
            for (std::size_t i = range.offset; i < range.offset + range.written; ++i)
                c.camera[i] = table[c.camera[i]];
            if (!range.extraGrids.empty())
            {
                std::iota(table.begin(), table.end(), std::uint16_t{0});
                table.back() = IncidentStore::NoIndex;
                for (std::size_t i = 0; i < range.extraGrids.size(); ++i)
                    table[knownGrids + i] = grids.intern(range.extraGrids[i]);
                for (std::size_t i = range.offset; i < range.offset + range.written; ++i)
                    c.grid[i] = table[c.grid[i]];
            }
            mStore.mSkipped += range.skipped;
        }
        codes.camerasTruncated = cameras.full();
        codes.gridCommunity.resize(codes.gridIds.size(), IncidentStore::NoIndex);
        codes.overdueHours.resize(codes.categories.size(), 72.0);
        if (codes.camerasTruncated)
            log(LogLevel::Warning, LogCategory, mPath + ": more than 65,535 cameras; later ones are not kept");
        return true;
    }

    /// Closes the gaps skipped rows left at the end of each range, then gives back the unused capacity.
    void compact(const std::vector<Range>& ranges)
    {
        IncidentColumns& c = mStore.mColumns;
        std::size_t end = 0;
        for (const Range& range : ranges)
        {
            if (range.offset != end)
                forEachIncidentColumn(c,
                                      [&](auto& column)
                                      {
                                          std::copy(column.begin() + static_cast<std::ptrdiff_t>(range.offset),
                                                    column.begin() +
                                                        static_cast<std::ptrdiff_t>(range.offset + range.written),
                                                    column.begin() + static_cast<std::ptrdiff_t>(end));
                                      });
            end += range.written;
        }
        // One column at a time: the peak stays at the columns plus one column's copy.
        forEachIncidentColumn(c,
                              [end](auto& column)
                              {
                                  column.resize(end);
                                  if (column.capacity() > end + end / 64)
                                      column.shrink_to_fit();
                              });
    }

    std::string mPath;
    IncidentStore mStore;
    IdMap mKnownGrids;
    std::size_t mKnownGridCount = 0;
};

Result<IncidentStore> IncidentStore::load(const std::string& projectPath)
{
    return IncidentStoreLoader(projectPath).run();
}

} // namespace citytwin::data
