#pragma once

#include "data/core/result.hpp"
#include "data/io/sqlite_database.hpp"

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
            "'incidents_grid_time')) OR (type = 'trigger' AND name = 'rtree_incidents_geom_insert'))");
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

    /// Fills the R-tree for rows past firstFid and recreates what was dropped.
    Result<bool> restore(Database& database, std::int64_t firstFid)
    {
        const bool hadTrigger =
            std::any_of(mObjects.begin(), mObjects.end(), [](const auto& o) { return o.type == "trigger"; });
        if (hadTrigger)
        {
            auto fill = database.prepare("INSERT OR REPLACE INTO rtree_incidents_geom SELECT fid, ST_MinX(geom), "
                                         "ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM incidents WHERE fid > ? "
                                         "AND geom IS NOT NULL AND NOT ST_IsEmpty(geom)");
            if (!fill)
                return fill.error();
            if (auto filled = fill->bind(1, firstFid).run(); !filled)
                return filled.error();
        }
        for (const auto& object : mObjects)
        {
            if (auto created = database.exec(object.sql); !created)
                return created.error();
        }
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
