#pragma once

#include "data/core/result.hpp"
#include "data/io/sqlite_database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data
{

/// One entry of a two-dimensional SQLite R*Tree (a GeoPackage spatial index): a row id and its box, in the R*Tree's
/// single precision, rounded outwards so that the box still holds the double-precision one.
struct RtreeEntry
{
    std::int64_t id = 0;
    float minX = 0.0f;
    float maxX = 0.0f;
    float minY = 0.0f;
    float maxY = 0.0f;

    /// The entry of a box in double precision, rounded outwards to single precision as SQLite does.
    static RtreeEntry ofBox(std::int64_t id, double minX, double maxX, double minY, double maxY);
};

/// Reads every entry of a two-dimensional R*Tree virtual table (a full scan of its leaves).
Result<std::vector<RtreeEntry>> readRtree(Database& database, const std::string& rtreeTable);

/// Replaces the whole content of a two-dimensional R*Tree virtual table (id, minx, maxx, miny, maxy) by `entries`,
/// written as a packed tree: sort-tile-recursive order, every node full but the last of each level, the nodes,
/// row and parent maps written straight into the table's shadow tables (`_node`, `_rowid`, `_parent`) in the node
/// size the table was created with. What SQLite's R*Tree module reads afterwards is an ordinary R*Tree (it passes
/// `rtreecheck`); building it this way is many times faster than inserting row by row, and the tree is better
/// (less overlap). Run it inside the caller's transaction; entries with duplicate ids are refused.
Result<bool> writePackedRtree(Database& database, const std::string& rtreeTable, std::vector<RtreeEntry> entries);

} // namespace citytwin::data
