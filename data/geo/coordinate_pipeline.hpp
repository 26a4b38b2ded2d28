#pragma once

#include "data/geo/crs_transformer.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <optional>
#include <span>
#include <string>

namespace citytwin::data
{

/// Transforms source coordinates into the project CRS: an optional Chinese offset-datum step (GCJ-02 or
/// BD-09 to WGS 84) followed by a PROJ transformation. Source CRSs are PROJ definitions ("EPSG:4326", WKT)
/// or the names "gcj02" / "bd09" (any case; "GCJ-02", "BD-09" too).
class CoordinatePipeline
{
public:
    static Result<CoordinatePipeline> create(const std::string& sourceCrs, const std::string& targetCrs);

    /// Transforms the points in place; fails if any point cannot be transformed.
    Result<bool> transform(std::span<double> xs, std::span<double> ys) const;

    /// Returns the canonical source name: "gcj02", "bd09", or the PROJ definition as given.
    const std::string& sourceCrs() const { return mSourceCrs; }

private:
    enum class Offset
    {
        None,
        Gcj02,
        Bd09,
    };
    CoordinatePipeline(Offset offset, CrsTransformer transformer, std::string sourceCrs);

    Offset mOffset = Offset::None;
    CrsTransformer mTransformer;
    std::string mSourceCrs;
};

/// The pipeline from the CRS a source file was found to be in (or the reason none was found) into the target CRS.
/// Stores the CRS used in crsUsed; an error names the source file.
Result<CoordinatePipeline> pipelineFromSource(const Result<std::string>& sourceCrs, const std::string& targetCrs,
                                              const std::string& sourcePath, std::string& crsUsed);

/// Returns "gcj02" or "bd09" when the name denotes a Chinese offset datum, else nothing.
std::optional<std::string> chineseOffsetName(const std::string& crs);

/// A guess of the CRS of coordinates that came without one, with the reason in technical English.
struct CrsGuess
{
    std::string crs;
    std::string reason;
};

/// Guesses a CRS from the extent of raw coordinates: degrees (EPSG:4326), CGCS2000 Gauss-Krueger with the
/// zone number in the easting (3-degree zones 25-45 -> EPSG:4513-4533, 6-degree zones 13-23 ->
/// EPSG:4491-4501), or Gauss-Krueger without it (assumed the project CRS). Nothing when none fits.
std::optional<CrsGuess> guessCrs(const Extent& rawExtent, const std::string& projectCrs);

/// The error for coordinates that declare no CRS where a guess is not allowed: it names the likely CRS
/// for the user to confirm with --crs. what says whose coordinates ("layer 'x'", "the coordinates").
Error undeclaredCrsError(const std::string& what, const Extent& rawExtent, const std::string& projectCrs,
                         const std::string& path);

} // namespace citytwin::data
