#include "data/incidents/store_cache.hpp"

#include "data/core/log.hpp"
#include "data/io/sqlite_database.hpp"

#include <atomic>
#include <bit>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <type_traits>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace citytwin::data
{
namespace
{
constexpr const char* LogCategory = "data.incidents";
constexpr char Magic[8] = {'C', 'T', 'S', 'T', 'O', 'R', 'E', '\0'};
constexpr std::uint32_t ByteOrderMark = 0x01020304u;
constexpr std::uint64_t Alignment = 64;
constexpr char Zeros[Alignment] = {};
constexpr const char* ChangeTriggers = "('citytwin_incidents_changed_insert', 'citytwin_incidents_changed_update', "
                                       "'citytwin_incidents_changed_delete')";

/// The fixed start of a cache file (host byte order, checked by byteOrder).
struct Header
{
    char magic[8];
    std::uint32_t version;
    std::uint32_t byteOrder;
    std::int64_t rows, maxFid, changes;
    std::uint64_t declared;
    std::uint64_t count;   ///< incidents in the store
    std::uint64_t skipped; ///< rows load() skipped
    double originX, originY, originZ;
    std::uint64_t codesOffset, codesBytes, columnsOffset, fileBytes;
    std::uint64_t checksum; ///< of the codes and every column (sectionHash, chained)
    std::uint64_t camerasTruncated;
};
static_assert(std::is_trivially_copyable_v<Header>);

constexpr std::uint64_t alignUp(std::uint64_t value)
{
    return (value + Alignment - 1) / Alignment * Alignment;
}

/// A 64-bit hash of a byte range, four independent lanes so that it runs near memory speed.
std::uint64_t sectionHash(const void* data, std::size_t size)
{
    constexpr std::uint64_t K = 0x9E3779B97F4A7C15ull;
    std::uint64_t lanes[4] = {K, K ^ 0x1234567ull, K ^ 0x89ABCDEull, K ^ 0xF0F0F0Full};
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 32 <= size; i += 32)
        for (int l = 0; l < 4; ++l)
        {
            std::uint64_t word;
            std::memcpy(&word, bytes + i + 8 * l, 8);
            lanes[l] = std::rotl((lanes[l] ^ word) * K, 29);
        }
    std::uint64_t h = size * K;
    for (; i < size; ++i)
        h = (h ^ bytes[i]) * 0x100000001B3ull;
    for (std::uint64_t lane : lanes)
        h = std::rotl((h ^ lane) * K, 31);
    return h ^ (h >> 32);
}

std::uint64_t chain(std::uint64_t h, std::uint64_t section)
{
    return std::rotl((h ^ section) * 0xC2B2AE3D27D4EB4Full, 27) + 0x165667B19E3779F9ull;
}

/// Bytes of one incident across all columns.
std::uint64_t bytesPerRow()
{
    IncidentColumns columns;
    std::uint64_t bytes = 0;
    forEachIncidentColumn(columns, [&bytes](const auto& column) { bytes += sizeof(column[0]); });
    return bytes;
}

/// The codes section: every dictionary as a count and its values.
class CodesWriter
{
public:
    void strings(const std::vector<std::string>& values)
    {
        size(values.size());
        for (const std::string& value : values)
        {
            const auto length = static_cast<std::uint32_t>(value.size());
            mBytes.append(reinterpret_cast<const char*>(&length), sizeof(length));
            mBytes.append(value);
        }
    }
    template <class T> void values(const std::vector<T>& values)
    {
        size(values.size());
        mBytes.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    }
    const std::string& bytes() const { return mBytes; }

private:
    void size(std::uint64_t n) { mBytes.append(reinterpret_cast<const char*>(&n), sizeof(n)); }
    std::string mBytes;
};

/// Reads the codes section back, refusing any count that runs past its end.
class CodesReader
{
public:
    CodesReader(const unsigned char* data, std::size_t size) : mData(data), mSize(size) {}

    bool strings(std::vector<std::string>& values, std::size_t limit)
    {
        std::uint64_t n = 0;
        if (!size(n) || n > limit)
            return false;
        values.resize(n);
        for (std::string& value : values)
        {
            std::uint32_t length = 0;
            if (!take(&length, sizeof(length)) || length > mSize - mAt)
                return false;
            value.assign(reinterpret_cast<const char*>(mData + mAt), length);
            mAt += length;
        }
        return true;
    }
    template <class T> bool values(std::vector<T>& values, std::size_t limit)
    {
        std::uint64_t n = 0;
        if (!size(n) || n > limit || n * sizeof(T) > mSize - mAt)
            return false;
        values.resize(n);
        return take(values.data(), n * sizeof(T));
    }
    bool atEnd() const { return mAt == mSize; }

private:
    bool size(std::uint64_t& n) { return take(&n, sizeof(n)); }
    bool take(void* out, std::size_t bytes)
    {
        if (bytes > mSize - mAt)
            return false;
        if (bytes > 0)
            std::memcpy(out, mData + mAt, bytes);
        mAt += bytes;
        return true;
    }
    const unsigned char* mData;
    std::size_t mSize;
    std::size_t mAt = 0;
};

std::string encodeCodes(const IncidentCodes& codes)
{
    CodesWriter writer;
    writer.strings(codes.categories);
    writer.strings(codes.sources);
    writer.strings(codes.statuses);
    writer.values(codes.overdueHours);
    writer.values(codes.gridIds);
    writer.values(codes.gridCommunity);
    writer.values(codes.communityIds);
    writer.values(codes.cameraIds);
    return writer.bytes();
}

/// Decodes the codes and checks what the columns and the analyses rely on: the dictionaries' limits, one
/// overdue limit per category, one community per grid, community indexes in range.
bool decodeCodes(const unsigned char* data, std::size_t size, IncidentCodes& codes)
{
    CodesReader reader(data, size);
    constexpr std::size_t Codes8 = 256, Codes16 = IncidentStore::NoIndex;
    if (!reader.strings(codes.categories, Codes8) || !reader.strings(codes.sources, Codes8) ||
        !reader.strings(codes.statuses, Codes8) || !reader.values(codes.overdueHours, Codes8) ||
        !reader.values(codes.gridIds, Codes16) || !reader.values(codes.gridCommunity, Codes16) ||
        !reader.values(codes.communityIds, Codes16 + 65536) || !reader.values(codes.cameraIds, Codes16) ||
        !reader.atEnd())
        return false;
    if (codes.overdueHours.size() != codes.categories.size() || codes.gridCommunity.size() != codes.gridIds.size())
        return false;
    for (std::uint16_t community : codes.gridCommunity)
        if (community != IncidentStore::NoIndex && community >= codes.communityIds.size())
            return false;
    return true;
}

/// True when every code of a column indexes its dictionary (or is NoIndex where allowed).
template <class T> bool codesInRange(const std::vector<T>& column, std::size_t dictionarySize, bool noIndexAllowed)
{
    for (T code : column)
        if (code >= dictionarySize && !(noIndexAllowed && code == IncidentStore::NoIndex))
            return false;
    return true;
}

/// A read-only memory map of a whole file, unmapped when it goes.
class MappedFile
{
public:
    static Result<MappedFile> open(const std::string& path)
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return Error{ErrorCode::FileNotFound, "no cache file", path};
        struct stat info
        {
        };
        MappedFile file;
        if (::fstat(fd, &info) == 0 && info.st_size > 0)
        {
            file.mSize = static_cast<std::size_t>(info.st_size);
            // Populated at once: the whole file is read (checksum, columns), and faulting it in page by page costs
            // more than the reading.
            void* data = ::mmap(nullptr, file.mSize, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            file.mData = data == MAP_FAILED ? nullptr : static_cast<const unsigned char*>(data);
            if (file.mData)
                ::madvise(const_cast<unsigned char*>(file.mData), file.mSize, MADV_SEQUENTIAL);
        }
        ::close(fd);
        if (!file.mData)
            return Error{ErrorCode::OpenFailed, "cannot map the cache file", path};
        return file;
    }
    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept
        : mData(std::exchange(other.mData, nullptr)), mSize(std::exchange(other.mSize, 0))
    {
    }
    MappedFile& operator=(MappedFile&&) = delete;
    ~MappedFile()
    {
        if (mData)
            ::munmap(const_cast<unsigned char*>(mData), mSize);
    }
    const unsigned char* data() const { return mData; }
    std::size_t size() const { return mSize; }

private:
    const unsigned char* mData = nullptr;
    std::size_t mSize = 0;
};

/// Fills a column from the cache; its memory asks for huge pages (a 10M-incident store is 300 MB, whose 4 KiB
/// pages would each be faulted in on the copy).
template <class T> void fillColumn(std::vector<T>& column, const T* first, std::size_t count)
{
    column.reserve(count);
    constexpr std::uintptr_t Huge = std::uintptr_t{2} << 20;
    const auto begin = (reinterpret_cast<std::uintptr_t>(column.data()) + Huge - 1) / Huge * Huge;
    const auto end = (reinterpret_cast<std::uintptr_t>(column.data() + count)) / Huge * Huge;
    if (end > begin)
        ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    column.assign(first, first + count);
}

/// Hashes the grids, communities and category limits the loader reads beside the incidents.
Result<std::uint64_t> declaredHash(Database& database)
{
    std::uint64_t h = 0x84222325CBF29CE4ull;
    auto add = [&h](const void* data, std::size_t size) { h = chain(h, sectionHash(data, size)); };
    auto hashRows = [&](const std::string& sql, int columns, bool optional) -> Result<bool>
    {
        auto statement = database.prepare(sql);
        if (!statement)
            return optional ? Result<bool>(false) : Result<bool>(statement.error());
        return statement->forEachRow(
            [&](const Statement& row)
            {
                for (int c = 0; c < columns; ++c)
                {
                    const std::string text = row.isNull(c) ? std::string("\x01null") : row.columnText(c);
                    add(text.data(), text.size());
                }
            });
    };
    // The same queries as the loader: a grids table without community_id still gives the ids.
    if (auto grids = hashRows("SELECT id, community_id FROM grids WHERE id IS NOT NULL ORDER BY id", 2, true);
        !grids || !grids.value())
        if (auto ids = hashRows("SELECT id, NULL FROM grids WHERE id IS NOT NULL ORDER BY id", 2, true); !ids)
            return ids.error();
    add("|", 1);
    if (auto communities = hashRows("SELECT id FROM communities WHERE id IS NOT NULL ORDER BY id", 1, true);
        !communities)
        return communities.error();
    add("|", 1);
    if (auto categories = hashRows("SELECT code, overdue_hours FROM citytwin_incident_categories", 2, true);
        !categories)
        return categories.error();
    return h;
}

} // namespace

std::string IncidentStoreCache::pathFor(const std::string& projectPath)
{
    return projectPath + ".citytwin-store";
}

Result<std::optional<StoreStamp>> IncidentStoreCache::stamp(Database& database)
{
    auto triggers = database.queryInt64(std::string("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                                                    "tbl_name = 'incidents' AND name IN ") +
                                        ChangeTriggers);
    if (!triggers)
        return triggers.error();
    if (triggers.value() != 3)
        return std::optional<StoreStamp>();
    StoreStamp stamp;
    auto changes = database.queryInt64("SELECT changes FROM citytwin_incident_changes WHERE id = 1");
    if (!changes)
        return std::optional<StoreStamp>();
    stamp.changes = changes.value();
    auto rows = database.queryInt64("SELECT count(*) FROM incidents");
    if (!rows)
        return rows.error();
    stamp.rows = rows.value();
    auto maxFid = database.queryInt64("SELECT coalesce(max(fid), 0) FROM incidents");
    if (!maxFid)
        return maxFid.error();
    stamp.maxFid = maxFid.value();
    auto declared = declaredHash(database);
    if (!declared)
        return declared.error();
    stamp.declared = declared.value();
    return std::optional<StoreStamp>(stamp);
}

Result<IncidentStore> IncidentStoreCache::read(const std::string& cachePath, const StoreStamp& expected)
{
    auto mapped = MappedFile::open(cachePath);
    if (!mapped)
        return mapped.error();
    const auto damaged = [&cachePath](const std::string& why) {
        return Error{ErrorCode::ContentUnreadable, "the incident cache is damaged: " + why, cachePath};
    };
    Header header{};
    if (mapped->size() < sizeof(Header))
        return damaged("shorter than its header");
    std::memcpy(&header, mapped->data(), sizeof(Header));
    if (std::memcmp(header.magic, Magic, sizeof(Magic)) != 0)
        return damaged("not a CityTwin incident cache");
    if (header.version != FormatVersion || header.byteOrder != ByteOrderMark)
        return Error{ErrorCode::FormatNotSupported, "the incident cache was written by another version", cachePath};
    const StoreStamp stamp{header.rows, header.maxFid, header.changes, header.declared};
    if (!(stamp == expected))
        return Error{ErrorCode::InvalidArgument, "the incident cache is stale (the incident table has changed)",
                     cachePath};
    const std::uint64_t count = header.count;
    if (header.fileBytes != mapped->size() || header.codesOffset != sizeof(Header) ||
        header.codesBytes > mapped->size() - sizeof(Header) ||
        header.columnsOffset != alignUp(header.codesOffset + header.codesBytes) ||
        count > mapped->size() / bytesPerRow())
        return damaged("its sizes do not add up");
    IncidentStore store;
    std::uint64_t offset = header.columnsOffset;
    bool fits = true;
    forEachIncidentColumn(store.mColumns,
                          [&](auto& column)
                          {
                              offset = alignUp(offset) + count * sizeof(column[0]);
                              fits = fits && offset <= mapped->size();
                          });
    if (!fits || offset != mapped->size())
        return damaged("its sizes do not add up");
    const unsigned char* base = mapped->data();
    std::uint64_t checksum = chain(0, sectionHash(base + header.codesOffset, header.codesBytes));
    offset = header.columnsOffset;
    forEachIncidentColumn(store.mColumns,
                          [&](auto& column)
                          {
                              using T = std::decay_t<decltype(column[0])>;
                              offset = alignUp(offset);
                              const auto* first = reinterpret_cast<const T*>(base + offset);
                              checksum = chain(checksum, sectionHash(first, count * sizeof(T)));
                              fillColumn(column, first, count);
                              offset += count * sizeof(T);
                          });
    if (checksum != header.checksum)
        return damaged("its checksum does not match");
    if (!decodeCodes(base + header.codesOffset, header.codesBytes, store.mCodes))
        return damaged("its dictionaries cannot be read");
    const IncidentColumns& c = store.mColumns;
    const IncidentCodes& codes = store.mCodes;
    if (!codesInRange(c.category, codes.categories.size(), false) ||
        !codesInRange(c.source, codes.sources.size(), false) || !codesInRange(c.status, codes.statuses.size(), false) ||
        !codesInRange(c.grid, codes.gridIds.size(), true) || !codesInRange(c.camera, codes.cameraIds.size(), true))
        return damaged("a code is outside its dictionary");
    store.mCodes.camerasTruncated = header.camerasTruncated != 0;
    store.mOrigin = {header.originX, header.originY, header.originZ};
    store.mSkipped = static_cast<std::size_t>(header.skipped);
    return store;
}

Result<bool> IncidentStoreCache::write(const IncidentStore& store, const StoreStamp& stamp,
                                       const std::string& cachePath)
{
    const std::string codes = encodeCodes(store.mCodes);
    Header header{};
    std::memcpy(header.magic, Magic, sizeof(Magic));
    header.version = FormatVersion;
    header.byteOrder = ByteOrderMark;
    header.rows = stamp.rows;
    header.maxFid = stamp.maxFid;
    header.changes = stamp.changes;
    header.declared = stamp.declared;
    header.count = store.size();
    header.skipped = store.mSkipped;
    header.originX = store.mOrigin.x;
    header.originY = store.mOrigin.y;
    header.originZ = store.mOrigin.z;
    header.codesOffset = sizeof(Header);
    header.codesBytes = codes.size();
    header.columnsOffset = alignUp(header.codesOffset + header.codesBytes);
    header.camerasTruncated = store.mCodes.camerasTruncated ? 1 : 0;
    std::uint64_t offset = header.columnsOffset;
    header.checksum = chain(0, sectionHash(codes.data(), codes.size()));
    forEachIncidentColumn(store.mColumns,
                          [&](const auto& column)
                          {
                              offset = alignUp(offset) + column.size() * sizeof(column[0]);
                              header.checksum =
                                  chain(header.checksum, sectionHash(column.data(), column.size() * sizeof(column[0])));
                          });
    header.fileBytes = offset;

    // A name of this process and this write: two threads (the analysis dock and the briefing) may write at once.
    static std::atomic<unsigned> writes{0};
    const std::string temporary = cachePath + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(++writes);
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        return Error{ErrorCode::StoreFailed, "cannot write the incident cache", cachePath};
    std::uint64_t written = 0;
    bool ok = true;
    auto put = [&](const void* data, std::size_t size)
    {
        ok = ok && (size == 0 || std::fwrite(data, 1, size, file) == size);
        written += size;
    };
    put(&header, sizeof(header));
    put(codes.data(), codes.size());
    forEachIncidentColumn(store.mColumns,
                          [&](const auto& column)
                          {
                              put(Zeros, alignUp(written) - written);
                              put(column.data(), column.size() * sizeof(column[0]));
                          });
    ok = (std::fclose(file) == 0) && ok && written == header.fileBytes;
    std::error_code renamed;
    if (ok)
        std::filesystem::rename(temporary, cachePath, renamed);
    if (!ok || renamed)
    {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return Error{ErrorCode::StoreFailed, "cannot write the incident cache", cachePath};
    }
    return true;
}

Result<IncidentStore> IncidentStore::open(const std::string& projectPath, OpenReport* report)
{
    OpenReport local;
    OpenReport& out = report ? *report : local;
    out = {};
    std::optional<StoreStamp> stamp;
    if (auto database = Database::open(projectPath, Database::Mode::ReadOnly))
    {
        // One read transaction: the stamp's parts belong together. A stamp that cannot be read means no cache;
        // load() then reports what is wrong with the project.
        if (database->exec("BEGIN"))
            if (auto read = IncidentStoreCache::stamp(database.value()))
                stamp = read.value();
    }
    const std::string cachePath = IncidentStoreCache::pathFor(projectPath);
    if (stamp)
    {
        auto cached = IncidentStoreCache::read(cachePath, *stamp);
        if (cached)
        {
            out.fromCache = true;
            return cached;
        }
        out.cacheNote = cached.error().message();
    }
    else
        out.cacheNote = projectPath + ": the project has no incident change counter; no cache is kept";
    log(LogLevel::Info, LogCategory, out.cacheNote);
    // The stamp was read before the rows: rows added meanwhile make the next stamp differ, never match wrongly.
    auto loaded = load(projectPath);
    if (!loaded || !stamp)
        return loaded;
    if (auto written = IncidentStoreCache::write(loaded.value(), *stamp, cachePath); !written)
        log(LogLevel::Warning, LogCategory, written.error().message());
    else
        out.cacheWritten = true;
    return loaded;
}

} // namespace citytwin::data
