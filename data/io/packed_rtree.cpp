#include "data/io/packed_rtree.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace citytwin::data
{
namespace
{

/// Bytes of one cell of a two-dimensional R*Tree node: an 8-byte id and four 4-byte coordinates.
constexpr std::size_t CellBytes = 8 + 4 * 4;
/// Bytes before the cells: the tree's depth (meaningful in the root only) and the number of cells, 2 bytes each.
constexpr std::size_t NodeHeaderBytes = 4;

float roundedDown(double value)
{
    float result = static_cast<float>(value);
    if (static_cast<double>(result) > value)
        result = std::nextafter(result, -std::numeric_limits<float>::infinity());
    return result;
}

float roundedUp(double value)
{
    float result = static_cast<float>(value);
    if (static_cast<double>(result) < value)
        result = std::nextafter(result, std::numeric_limits<float>::infinity());
    return result;
}

/// SQLite's R*Tree stores every number big-endian.
void putBigEndian(std::uint8_t* at, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
    {
        at[i] = static_cast<std::uint8_t>(value & 0xFF);
        value >>= 8;
    }
}

void putFloat(std::uint8_t* at, float value)
{
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    putBigEndian(at, bits, 4);
}

std::string quoted(const std::string& name)
{
    std::string result = "\"";
    for (char c : name)
        result += c == '"' ? std::string("\"\"") : std::string(1, c);
    return result + "\"";
}

RtreeEntry boundOf(std::int64_t id, const RtreeEntry* first, const RtreeEntry* last)
{
    RtreeEntry bound{id, first->minX, first->maxX, first->minY, first->maxY};
    for (const RtreeEntry* entry = first + 1; entry != last; ++entry)
    {
        bound.minX = std::min(bound.minX, entry->minX);
        bound.maxX = std::max(bound.maxX, entry->maxX);
        bound.minY = std::min(bound.minY, entry->minY);
        bound.maxY = std::max(bound.maxY, entry->maxY);
    }
    return bound;
}

/// Sorts a level's entries into sort-tile-recursive order: vertical slices by the centre's x, each slice by the
/// centre's y, so that every run of `perNode` entries is a compact tile.
void sortTileRecursive(std::vector<RtreeEntry>& entries, std::size_t perNode)
{
    const auto centreX = [](const RtreeEntry& e) { return 0.5 * (static_cast<double>(e.minX) + e.maxX); };
    const auto centreY = [](const RtreeEntry& e) { return 0.5 * (static_cast<double>(e.minY) + e.maxY); };
    std::sort(entries.begin(), entries.end(),
              [&](const RtreeEntry& a, const RtreeEntry& b) { return centreX(a) < centreX(b); });
    const std::size_t nodes = (entries.size() + perNode - 1) / perNode;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t perSlice = slices * perNode;
    for (std::size_t start = 0; start < entries.size(); start += perSlice)
    {
        const auto end = entries.begin() + static_cast<std::ptrdiff_t>(std::min(entries.size(), start + perSlice));
        std::sort(entries.begin() + static_cast<std::ptrdiff_t>(start), end,
                  [&](const RtreeEntry& a, const RtreeEntry& b) { return centreY(a) < centreY(b); });
    }
}

/// Writes the nodes, the row map and the parent map of a packed tree.
class TreeWriter
{
public:
    static Result<TreeWriter> prepare(Database& database, const std::string& table, std::size_t nodeBytes)
    {
        TreeWriter writer(nodeBytes);
        auto node = database.prepare("INSERT INTO " + quoted(table + "_node") + "(nodeno, data) VALUES(?, ?)");
        auto row = database.prepare("INSERT INTO " + quoted(table + "_rowid") + "(rowid, nodeno) VALUES(?, ?)");
        auto parent =
            database.prepare("INSERT INTO " + quoted(table + "_parent") + "(nodeno, parentnode) VALUES(?, ?)");
        if (!node)
            return node.error();
        if (!row)
            return row.error();
        if (!parent)
            return parent.error();
        writer.mNode = std::move(node.value());
        writer.mRow = std::move(row.value());
        writer.mParent = std::move(parent.value());
        return writer;
    }

    /// Writes node `number` holding cells [first, last) at height `height` above the leaves (0: a leaf, whose
    /// cells are rows); the root (number 1) carries the tree's depth.
    Result<bool> write(std::int64_t number, int height, bool root, const RtreeEntry* first, const RtreeEntry* last)
    {
        std::fill(mBlob.begin(), mBlob.end(), std::uint8_t{0});
        putBigEndian(mBlob.data(), root ? static_cast<std::uint64_t>(height) : 0u, 2);
        putBigEndian(mBlob.data() + 2, static_cast<std::uint64_t>(last - first), 2);
        std::uint8_t* cell = mBlob.data() + NodeHeaderBytes;
        for (const RtreeEntry* entry = first; entry != last; ++entry, cell += CellBytes)
        {
            putBigEndian(cell, static_cast<std::uint64_t>(entry->id), 8);
            putFloat(cell + 8, entry->minX);
            putFloat(cell + 12, entry->maxX);
            putFloat(cell + 16, entry->minY);
            putFloat(cell + 20, entry->maxY);
            Statement& map = height == 0 ? mRow : mParent;
            if (auto mapped = map.bind(1, entry->id).bind(2, number).run(); !mapped)
                return mapped.error();
        }
        return mNode.bind(1, number).bindBlob(2, mBlob.data(), mBlob.size()).run();
    }

private:
    explicit TreeWriter(std::size_t nodeBytes) : mBlob(nodeBytes) {}
    std::vector<std::uint8_t> mBlob;
    Statement mNode, mRow, mParent;
};

} // namespace

RtreeEntry RtreeEntry::ofBox(std::int64_t id, double minX, double maxX, double minY, double maxY)
{
    return {id, roundedDown(minX), roundedUp(maxX), roundedDown(minY), roundedUp(maxY)};
}

Result<std::vector<RtreeEntry>> readRtree(Database& database, const std::string& rtreeTable)
{
    auto select = database.prepare("SELECT id, minx, maxx, miny, maxy FROM " + quoted(rtreeTable));
    if (!select)
        return select.error();
    std::vector<RtreeEntry> entries;
    auto read = select->forEachRow(
        [&entries](const Statement& row)
        {
            // The values come back as the stored single-precision numbers: converting them is exact.
            entries.push_back({row.columnInt64(0), static_cast<float>(row.columnDouble(1)),
                               static_cast<float>(row.columnDouble(2)), static_cast<float>(row.columnDouble(3)),
                               static_cast<float>(row.columnDouble(4))});
        });
    if (!read)
        return read.error();
    return entries;
}

Result<bool> writePackedRtree(Database& database, const std::string& rtreeTable, std::vector<RtreeEntry> entries)
{
    // The node size is the table's own (its root node always exists): SQLite reads it back from the root's length.
    auto nodeBytes = database.queryInt64("SELECT length(data) FROM " + quoted(rtreeTable + "_node") +
                                         " WHERE nodeno = 1");
    if (!nodeBytes)
        return nodeBytes.error();
    if (nodeBytes.value() < static_cast<std::int64_t>(NodeHeaderBytes + 2 * CellBytes))
        return Error{ErrorCode::StoreFailed,
                     "the R*Tree " + rtreeTable + " has no root node of a usable size (" +
                         std::to_string(nodeBytes.value()) + " bytes)",
                     database.path()};
    const auto perNode = (static_cast<std::size_t>(nodeBytes.value()) - NodeHeaderBytes) / CellBytes;
    {
        std::vector<std::int64_t> ids(entries.size());
        std::transform(entries.begin(), entries.end(), ids.begin(), [](const RtreeEntry& e) { return e.id; });
        std::sort(ids.begin(), ids.end());
        if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
            return Error{ErrorCode::InvalidArgument, "duplicate ids for the R*Tree " + rtreeTable, database.path()};
    }
    for (const char* shadow : {"_node", "_rowid", "_parent"})
        if (auto cleared = database.exec("DELETE FROM " + quoted(rtreeTable + shadow)); !cleared)
            return cleared.error();
    auto writer = TreeWriter::prepare(database, rtreeTable, static_cast<std::size_t>(nodeBytes.value()));
    if (!writer)
        return writer.error();

    // Level by level from the leaves: each level's nodes are numbered from 2 on; the one node of the top level
    // is the root, number 1.
    std::int64_t nextNode = 2;
    for (int height = 0;; ++height)
    {
        if (entries.size() <= perNode)
            return writer->write(1, height, true, entries.data(), entries.data() + entries.size());
        sortTileRecursive(entries, perNode);
        std::vector<RtreeEntry> parents;
        parents.reserve(entries.size() / perNode + 1);
        for (std::size_t start = 0; start < entries.size(); start += perNode)
        {
            const RtreeEntry* first = entries.data() + start;
            const RtreeEntry* last = entries.data() + std::min(entries.size(), start + perNode);
            const std::int64_t number = nextNode++;
            if (auto written = writer->write(number, height, false, first, last); !written)
                return written.error();
            parents.push_back(boundOf(number, first, last));
        }
        entries = std::move(parents);
    }
}

} // namespace citytwin::data
