// libFuzzer target: the metadata.xml of an oblique-photogrammetry tileset (ContextCapture/Smart3D) through the reader
// (readObliqueMetadata, from a file as the viewer reads it) and the placement in the project CRS.

#include "fuzz_common.hpp"

#include "data/io/oblique_metadata.hpp"

#include <cmath>

namespace citytwin::fuzz
{
Outcome obliqueMetadata(std::string_view input)
{
    const std::string path = writeScratchFile("metadata.xml", input);
    auto metadata = data::readObliqueMetadata(path);
    if (!metadata)
    {
        check(!metadata.error().detail.empty(), "a refused metadata.xml says why");
        return Outcome::Refused;
    }
    check(!metadata->srs.empty(), "a read metadata.xml has an SRS");
    auto placement = data::placeInProjectCrs(metadata.value(), "EPSG:4548");
    if (!placement)
    {
        check(!placement.error().detail.empty(), "a refused placement says why");
        return Outcome::Refused;
    }
    check(std::isfinite(placement->x) && std::isfinite(placement->y) && std::isfinite(placement->rotation) &&
              std::isfinite(placement->scale) && placement->scale > 0.0,
          "a placement is finite");
    return Outcome::Accepted;
}
} // namespace citytwin::fuzz

CITYTWIN_FUZZ_TARGET(citytwin::fuzz::obliqueMetadata)
