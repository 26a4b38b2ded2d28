#include "data/geo/coordinate_pipeline.hpp"

#include "data/geo/chinese_coordinates.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace citytwin::data
{
namespace
{
std::string normalisedName(const std::string& crs)
{
    std::string name;
    for (char c : crs)
    {
        if (c != '-' && c != '_' && c != ' ')
            name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return name;
}
} // namespace

std::optional<std::string> chineseOffsetName(const std::string& crs)
{
    const std::string name = normalisedName(crs);
    if (name == "gcj02" || name == "gcj")
        return std::string("gcj02");
    if (name == "bd09" || name == "bd09ll" || name == "baidu")
        return std::string("bd09");
    return std::nullopt;
}

CoordinatePipeline::CoordinatePipeline(Offset offset, CrsTransformer transformer, std::string sourceCrs)
    : mOffset(offset), mTransformer(std::move(transformer)), mSourceCrs(std::move(sourceCrs))
{
}

Result<CoordinatePipeline> pipelineFromSource(const Result<std::string>& sourceCrs, const std::string& targetCrs,
                                              const std::string& sourcePath, std::string& crsUsed)
{
    if (!sourceCrs)
        return sourceCrs.error();
    crsUsed = sourceCrs.value();
    auto pipeline = CoordinatePipeline::create(crsUsed, targetCrs);
    if (!pipeline)
        return Error{pipeline.error().code, pipeline.error().detail, sourcePath};
    return pipeline;
}

Result<CoordinatePipeline> CoordinatePipeline::create(const std::string& sourceCrs, const std::string& targetCrs)
{
    Offset offset = Offset::None;
    std::string projSource = sourceCrs;
    std::string canonical = sourceCrs;
    if (const auto chinese = chineseOffsetName(sourceCrs))
    {
        offset = *chinese == "gcj02" ? Offset::Gcj02 : Offset::Bd09;
        projSource = "EPSG:4326";
        canonical = *chinese;
    }
    auto transformer = CrsTransformer::create(projSource, targetCrs);
    if (!transformer)
        return transformer.error();
    return CoordinatePipeline(offset, std::move(transformer.value()), canonical);
}

Result<bool> CoordinatePipeline::transform(std::span<double> xs, std::span<double> ys) const
{
    if (xs.size() != ys.size())
        return Error{ErrorCode::InvalidArgument, "x and y arrays differ in length", {}};
    if (mOffset == Offset::Gcj02)
        chinese::gcj02ToWgs84(xs, ys);
    else if (mOffset == Offset::Bd09)
        chinese::bd09ToWgs84(xs, ys);
    return mTransformer.transform(xs, ys);
}

std::optional<CrsGuess> guessCrs(const Extent& raw, const std::string& projectCrs)
{
    if (!raw.isValid())
        return std::nullopt;
    if (raw.minX >= -180.0 && raw.maxX <= 180.0 && raw.minY >= -90.0 && raw.maxY <= 90.0)
        return CrsGuess{"EPSG:4326", "coordinates look like degrees of longitude and latitude"};
    const bool northingInRange = raw.minY >= 0.0 && raw.maxY <= 10'000'000.0;
    if (!northingInRange)
        return std::nullopt;
    // Gauss-Krueger eastings are 500 km +- a few hundred km, optionally prefixed by the zone number x 1e6.
    const int zone = static_cast<int>(std::floor(raw.minX / 1'000'000.0));
    const bool sameZone = zone == static_cast<int>(std::floor(raw.maxX / 1'000'000.0));
    const double eastingInZone = raw.minX - zone * 1'000'000.0;
    if (sameZone && zone >= 13 && eastingInZone > 100'000.0 && raw.maxX - zone * 1'000'000.0 < 900'000.0)
    {
        if (zone >= 25 && zone <= 45)
            return CrsGuess{"EPSG:" + std::to_string(4513 + zone - 25),
                            "eastings carry the 3-degree Gauss-Krueger zone number " + std::to_string(zone)};
        if (zone <= 23)
            return CrsGuess{"EPSG:" + std::to_string(4491 + zone - 13),
                            "eastings carry the 6-degree Gauss-Krueger zone number " + std::to_string(zone)};
        return std::nullopt;
    }
    if (raw.minX > 100'000.0 && raw.maxX < 900'000.0)
        return CrsGuess{projectCrs, "coordinates look like Gauss-Krueger metres without a zone number"};
    return std::nullopt;
}

Error undeclaredCrsError(const std::string& what, const Extent& rawExtent, const std::string& projectCrs,
                         const std::string& path)
{
    const auto guess = guessCrs(rawExtent, projectCrs);
    return Error{ErrorCode::CrsMissing,
                 what + " declares no CRS" +
                     (guess ? "; " + guess->reason + ", so probably " + guess->crs + ": confirm with --crs " +
                                  guess->crs + " (or --crs gcj02 / bd09 for Chinese web-map coordinates)"
                            : std::string("; declare it with --crs")),
                 path};
}

} // namespace citytwin::data
