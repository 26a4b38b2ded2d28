// libFuzzer target: 3D Tiles content (b3dm, pnts, i3dm and cmpt composites of them) through the parsers the scene's
// tile loader calls, chosen by the magic as the loader chooses.

#include "fuzz_common.hpp"

#include "data/io/tile_content.hpp"
#include "data/io/tileset_3d.hpp"

namespace citytwin::fuzz
{
namespace
{
void checkBatchTable(const data::BatchTable& table)
{
    check(table.values.size() == table.names.size(), "one value column per batch table property");
    (void)table.attributes(0);
    if (table.length > 0)
        (void)table.attributes(table.length - 1);
    (void)table.attributes(table.length);
}

bool parse(std::string_view bytes, int depth)
{
    const std::string path = "/fuzz/tile";
    switch (data::contentKindFromMagic(bytes))
    {
    case data::TileContentKind::B3dm:
        if (auto b3dm = data::parseB3dm(bytes, path))
        {
            checkBatchTable(b3dm->batchTable);
            return true;
        }
        return false;
    case data::TileContentKind::Pnts:
        if (auto pnts = data::parsePnts(bytes, path))
        {
            check(pnts->positions.size() == 3 * pnts->pointCount, "three position floats per point");
            check(pnts->colors.empty() || pnts->colors.size() == 4 * pnts->pointCount, "RGBA per point");
            check(pnts->normals.empty() || pnts->normals.size() == 3 * pnts->pointCount, "xyz per point");
            check(pnts->batchIds.empty() || pnts->batchIds.size() == pnts->pointCount, "a batch id per point");
            checkBatchTable(pnts->batchTable);
            return true;
        }
        return false;
    case data::TileContentKind::I3dm:
        if (auto i3dm = data::parseI3dm(bytes, path))
        {
            checkBatchTable(i3dm->batchTable);
            return true;
        }
        return false;
    case data::TileContentKind::Cmpt:
    {
        auto inner = data::splitCmpt(bytes, path);
        if (!inner)
            return false;
        // A composite is accepted when every inner tile is (composites nest at most 4 deep here).
        bool all = true;
        for (const std::string& tile : inner.value())
            all = (depth < 4 && parse(tile, depth + 1)) && all;
        return all;
    }
    default:
        return false;
    }
}
} // namespace

Outcome tileContent(std::string_view input)
{
    return parse(input, 0) ? Outcome::Accepted : Outcome::Refused;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::tileContent)
