#pragma once

#include "data/core/result.hpp"
#include "data/io/packed_rtree.hpp"
#include "data/io/sqlite_database.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data
{

/// The incident table's secondary indexes and R-tree trigger, dropped for a bulk load and rebuilt after it.
class BulkIndexes
{
public:
    static Result<BulkIndexes> suspend(Database& database)
    {
        BulkIndexes saved;
        auto statement = database.prepare(
            "SELECT name, type, sql FROM sqlite_master WHERE tbl_name = 'incidents' AND sql IS NOT NULL AND "
            "((type = 'index' AND name IN ('incidents_category_time', 'incidents_time', 'incidents_status_time', "
            "'incidents_grid_time')) OR (type = 'trigger' AND name IN ('rtree_incidents_geom_insert', "
            "'citytwin_incidents_changed_insert')))");
        if (!statement)
            return statement.error();
        auto listed = statement->forEachRow(
            [&saved](const Statement& row) {
                saved.mObjects.push_back({row.columnText(0), row.columnText(1), row.columnText(2)});
            });
        if (!listed)
            return listed.error();
        for (const auto& object : saved.mObjects)
        {
            if (auto dropped = database.exec("DROP " + object.type + " \"" + object.name + "\""); !dropped)
                return dropped.error();
        }
        return saved;
    }

    /// Writes the R-tree again, packed, with the rows past firstFid added, and recreates what was dropped.
    Result<bool> restore(Database& database, std::int64_t firstFid)
    {
        const auto had = [this](const char* name)
        { return std::any_of(mObjects.begin(), mObjects.end(), [name](const auto& o) { return o.name == name; }); };
        if (had("rtree_incidents_geom_insert"))
        {
            // The whole R-tree is written again, packed: the entries it had (rows up to firstFid) and the new rows'.
            auto entries = readRtree(database, "rtree_incidents_geom");
            if (!entries)
                return entries.error();
            std::erase_if(entries.value(), [firstFid](const RtreeEntry& e) { return e.id > firstFid; });
            auto added = database.prepare("SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) "
                                          "FROM incidents WHERE fid > ? AND geom IS NOT NULL AND NOT ST_IsEmpty(geom)");
            if (!added)
                return added.error();
            auto read = added->bind(1, firstFid).forEachRow(
                [&entries](const Statement& row)
                {
                    entries->push_back(RtreeEntry::ofBox(row.columnInt64(0), row.columnDouble(1), row.columnDouble(2),
                                                         row.columnDouble(3), row.columnDouble(4)));
                });
            if (!read)
                return read.error();
            if (auto packed = writePackedRtree(database, "rtree_incidents_geom", std::move(entries.value())); !packed)
                return packed.error();
        }
        for (const auto& object : mObjects)
        {
            if (auto created = database.exec(object.sql); !created)
                return created.error();
        }
        // The rows went in without the change trigger: one bump for all of them.
        if (had("citytwin_incidents_changed_insert"))
            if (auto bumped = database.exec("UPDATE citytwin_incident_changes SET changes = changes + 1 WHERE id = 1");
                !bumped)
                return bumped.error();
        return true;
    }

private:
    struct SchemaObject
    {
        std::string name;
        std::string type;
        std::string sql;
    };
    std::vector<SchemaObject> mObjects;
};

} // namespace citytwin::data
