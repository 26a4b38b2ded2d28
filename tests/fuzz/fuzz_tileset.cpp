// libFuzzer target: a 3D Tiles tileset.json through the reader (parseTileset3d), the summary `citytwin info` and
// the Layers dock show (summarizeTileset3d: external tilesets, the root volume in the project CRS) and the
// bounding spheres the scene culls with. The input is written as tileset.json in a scratch folder, so a content
// URI naming "tileset.json" is an external tileset that names itself.

#include "fuzz_common.hpp"

#include "data/io/tileset_3d.hpp"

namespace citytwin::fuzz
{
Outcome tileset(std::string_view input)
{
    const std::string path = writeScratchFile("tileset.json", input);
    auto tileset = data::parseTileset3d(std::string(input), path);
    if (!tileset)
    {
        check(!tileset.error().detail.empty(), "a refused tileset says why");
        return Outcome::Refused;
    }
    check(!tileset->tiles.empty(), "a read tileset has a root tile");
    for (const data::Tile3d& tile : tileset->tiles)
    {
        for (const std::size_t child : tile.children)
            check(child < tileset->tiles.size(), "child indices point into the tiles");
        (void)data::boundingSphereEcef(tile.boundingVolume, tile.transform);
    }
    auto summary = data::summarizeTileset3d(path, "EPSG:4548", 8);
    check(summary.ok(), "a tileset that parses can be summarised");
    return Outcome::Accepted;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::tileset)
