#include "data/io/tileset_3d.hpp"

#include "data/geo/crs_transformer.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

namespace citytwin::data
{
namespace
{
using Json = nlohmann::json;
using Vec3 = std::array<double, 3>;

/// WGS 84, the ellipsoid of 3D Tiles regions and of ECEF (EPSG:4978).
constexpr double SemiMajorAxis = 6378137.0;
constexpr double Flattening = 1.0 / 298.257223563;
constexpr double EccentricitySquared = Flattening * (2.0 - Flattening);
/// Distance of the probe points east and north of the anchor: long enough for many significant digits at
/// Gauss-Krueger magnitudes, short enough to stay local.
constexpr double ProbeDistance = 100.0;
/// tileset.json files of real photogrammetry exports reach tens of megabytes; beyond this it is not one.
constexpr std::uintmax_t MaximumTilesetSize = 512ull * 1024 * 1024;
constexpr double Pi = 3.14159265358979323846;

double length(const Vec3& v)
{
    return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

/// Reads a JSON array of numbers into values; false when it is not one of exactly count numbers.
bool readNumbers(const Json& node, std::size_t count, std::array<double, 12>& values)
{
    if (!node.is_array() || node.size() != count)
        return false;
    for (std::size_t i = 0; i < count; ++i)
    {
        if (!node[i].is_number())
            return false;
        values[i] = node[i].get<double>();
    }
    return true;
}

std::optional<BoundingVolume3d> readVolume(const Json& node)
{
    if (!node.is_object())
        return std::nullopt;
    BoundingVolume3d volume;
    if (node.contains("box") && readNumbers(node["box"], 12, volume.values))
        volume.kind = BoundingVolume3d::Kind::Box;
    else if (node.contains("region") && readNumbers(node["region"], 6, volume.values))
        volume.kind = BoundingVolume3d::Kind::Region;
    else if (node.contains("sphere") && readNumbers(node["sphere"], 4, volume.values))
        volume.kind = BoundingVolume3d::Kind::Sphere;
    else
        return std::nullopt;
    return volume;
}

TileContentKind kindFromName(const std::string& name)
{
    std::string extension = std::filesystem::path(name).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".b3dm")
        return TileContentKind::B3dm;
    if (extension == ".i3dm")
        return TileContentKind::I3dm;
    if (extension == ".pnts")
        return TileContentKind::Pnts;
    if (extension == ".cmpt")
        return TileContentKind::Cmpt;
    if (extension == ".glb")
        return TileContentKind::Glb;
    if (extension == ".gltf")
        return TileContentKind::Gltf;
    if (extension == ".json")
        return TileContentKind::Tileset;
    return TileContentKind::Unknown;
}

/// Decodes %XX escapes of a relative URI.
std::string percentDecoded(const std::string& uri)
{
    std::string result;
    for (std::size_t i = 0; i < uri.size(); ++i)
    {
        if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(uri[i + 2])))
        {
            result += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
            i += 2;
        }
        else
            result += uri[i];
    }
    return result;
}

/// Builds the flat tile list of one tileset.json.
class TileReader
{
public:
    TileReader(Tileset3d& tileset, std::filesystem::path folder) : mTileset(tileset), mFolder(std::move(folder)) {}

    /// Adds the tile and its descendants; returns an error naming the file when a tile is malformed.
    Result<bool> read(const Json& node, const Matrix4d& parentTransform, TileRefine parentRefine, int depth)
    {
        if (!node.is_object())
            return fail("a tile is not a JSON object");
        if (depth > 64)
            return fail("tiles are nested deeper than 64 levels");
        Tile3d tile;
        auto volume = readVolume(node.value("boundingVolume", Json()));
        if (!volume)
            return fail("a tile has no box, region or sphere bounding volume");
        tile.boundingVolume = *volume;
        if (node.contains("viewerRequestVolume"))
            tile.viewerRequestVolume = readVolume(node["viewerRequestVolume"]);
        if (!node.contains("geometricError") || !node["geometricError"].is_number())
            return fail("a tile has no geometricError");
        tile.geometricError = node["geometricError"].get<double>();
        tile.refine = parentRefine;
        if (node.contains("refine") && node["refine"].is_string())
            tile.refine = node["refine"].get<std::string>() == "ADD" || node["refine"].get<std::string>() == "add"
                              ? TileRefine::Add
                              : TileRefine::Replace;
        tile.transform = parentTransform;
        if (node.contains("transform"))
        {
            Matrix4d own{};
            const Json& values = node["transform"];
            if (!values.is_array() || values.size() != 16)
                return fail("a tile transform is not 16 numbers");
            for (std::size_t i = 0; i < 16; ++i)
            {
                if (!values[i].is_number())
                    return fail("a tile transform is not 16 numbers");
                own[i] = values[i].get<double>();
            }
            tile.transform = multiply(parentTransform, own);
        }
        readContent(node, tile);
        const std::size_t index = mTileset.tiles.size();
        mTileset.tiles.push_back(tile);
        if (node.contains("implicitTiling") ||
            (node.contains("extensions") && node["extensions"].contains("3DTILES_implicit_tiling")))
        {
            mTileset.tiles[index].contentPath.clear();
            mTileset.tiles[index].contentKind = TileContentKind::None;
            warn("implicit tiling (subtree files, 3D Tiles 1.1) is not supported yet: a tile's implicit "
                 "descendants are not shown");
        }
        if (!node.contains("children"))
            return true;
        if (!node["children"].is_array())
            return fail("a tile's children are not an array");
        for (const Json& child : node["children"])
        {
            const std::size_t childIndex = mTileset.tiles.size();
            if (auto added = read(child, tile.transform, tile.refine, depth + 1); !added)
                return added;
            mTileset.tiles[index].children.push_back(childIndex);
        }
        return true;
    }

private:
    void readContent(const Json& node, Tile3d& tile)
    {
        const Json* content = nullptr;
        if (node.contains("content") && node["content"].is_object())
            content = &node["content"];
        else if (node.contains("contents") && node["contents"].is_array() && !node["contents"].empty())
        {
            content = &node["contents"][0];
            if (node["contents"].size() > 1)
                warn("a tile has several contents (3D Tiles 1.1); only the first is shown");
        }
        if (!content)
            return;
        // "url" is the pre-1.0 spelling.
        const std::string key = content->contains("uri") ? "uri" : "url";
        if (!content->contains(key) || !(*content)[key].is_string())
            return;
        std::string uri = (*content)[key].get<std::string>();
        if (uri.find("://") != std::string::npos)
        {
            warn("content on a server (" + uri + ") is not supported; only local files are read");
            return;
        }
        uri = percentDecoded(uri.substr(0, uri.find('?')));
        tile.contentPath = (mFolder / uri).lexically_normal().string();
        tile.contentKind = kindFromName(uri);
    }

    Error fail(const std::string& detail) const
    {
        return Error{ErrorCode::FormatNotSupported, "3D Tiles tileset.json recognised, but " + detail, mTileset.path};
    }

    void warn(const std::string& text)
    {
        if (std::find(mTileset.warnings.begin(), mTileset.warnings.end(), text) == mTileset.warnings.end())
            mTileset.warnings.push_back(text);
    }

    Tileset3d& mTileset;
    std::filesystem::path mFolder;
};

/// Points that span a bounding volume in ECEF: its corners, edge midpoints and centre.
std::vector<Vec3> volumeSamplesEcef(const BoundingVolume3d& volume, const Matrix4d& transform)
{
    std::vector<Vec3> points;
    const auto& v = volume.values;
    if (volume.kind == BoundingVolume3d::Kind::Region)
    {
        for (int i = 0; i <= 2; ++i)
            for (int j = 0; j <= 2; ++j)
                for (int k = 0; k <= 1; ++k)
                    points.push_back(geodeticToEcef(v[0] + (v[2] - v[0]) * i / 2.0, v[1] + (v[3] - v[1]) * j / 2.0,
                                                    k ? v[5] : v[4]));
        return points;
    }
    if (volume.kind == BoundingVolume3d::Kind::Sphere)
    {
        for (int axis = 0; axis < 3; ++axis)
            for (double sign : {-1.0, 1.0})
            {
                Vec3 point{v[0], v[1], v[2]};
                point[axis] += sign * v[3];
                points.push_back(transformPoint(transform, point));
            }
        return points;
    }
    for (double a : {-1.0, 1.0})
        for (double b : {-1.0, 1.0})
            for (double c : {-1.0, 1.0})
                points.push_back(transformPoint(transform, {v[0] + a * v[3] + b * v[6] + c * v[9],
                                                            v[1] + a * v[4] + b * v[7] + c * v[10],
                                                            v[2] + a * v[5] + b * v[8] + c * v[11]}));
    return points;
}

std::string volumeText(const BoundingVolume3d& volume)
{
    static const char* const Names[] = {"box", "region", "sphere"};
    const std::size_t count = volume.kind == BoundingVolume3d::Kind::Box      ? 12
                              : volume.kind == BoundingVolume3d::Kind::Region ? 6
                                                                              : 4;
    std::ostringstream text;
    text.precision(12);
    text << Names[static_cast<int>(volume.kind)] << " [";
    for (std::size_t i = 0; i < count; ++i)
        text << (i ? ", " : "") << volume.values[i];
    text << "]";
    return text.str();
}

Result<Extent> projectExtentOf(const Tile3d& root, const std::string& projectCrs, bool& outside)
{
    auto transformer = CrsTransformer::create("EPSG:4326", projectCrs);
    if (!transformer)
        return transformer.error();
    std::vector<double> xs;
    std::vector<double> ys;
    for (const Vec3& point : volumeSamplesEcef(root.boundingVolume, root.transform))
    {
        const Vec3 geodetic = ecefToGeodetic(point);
        xs.push_back(geodetic[0] * 180.0 / Pi);
        ys.push_back(geodetic[1] * 180.0 / Pi);
    }
    const Vec3 centre = ecefToGeodetic(boundingSphereEcef(root.boundingVolume, root.transform).centre);
    if (const auto area = areaOfUse(projectCrs))
    {
        const double lon = centre[0] * 180.0 / Pi;
        const double lat = centre[1] * 180.0 / Pi;
        outside = lon < area->minX || lon > area->maxX || lat < area->minY || lat > area->maxY;
    }
    if (auto transformed = transformer->transform(xs, ys); !transformed)
        return transformed.error();
    Extent extent;
    for (std::size_t i = 0; i < xs.size(); ++i)
        extent.include(xs[i], ys[i]);
    return extent;
}
} // namespace

Matrix4d identityMatrix()
{
    return {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
}

Matrix4d multiply(const Matrix4d& a, const Matrix4d& b)
{
    Matrix4d result{};
    for (int column = 0; column < 4; ++column)
        for (int row = 0; row < 4; ++row)
        {
            double sum = 0.0;
            for (int k = 0; k < 4; ++k)
                sum += a[k * 4 + row] * b[column * 4 + k];
            result[column * 4 + row] = sum;
        }
    return result;
}

std::array<double, 3> transformPoint(const Matrix4d& m, const std::array<double, 3>& p)
{
    return {m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12], m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13],
            m[2] * p[0] + m[6] * p[1] + m[10] * p[2] + m[14]};
}

std::string contentKindName(TileContentKind kind)
{
    switch (kind)
    {
    case TileContentKind::None:
        return "none";
    case TileContentKind::B3dm:
        return "b3dm";
    case TileContentKind::I3dm:
        return "i3dm";
    case TileContentKind::Pnts:
        return "pnts";
    case TileContentKind::Cmpt:
        return "cmpt";
    case TileContentKind::Glb:
        return "glb";
    case TileContentKind::Gltf:
        return "gltf";
    case TileContentKind::Tileset:
        return "tileset";
    case TileContentKind::Unknown:
        break;
    }
    return "unknown";
}

std::string tileset3dFile(const std::string& fileOrFolder)
{
    std::error_code errorCode;
    if (std::filesystem::is_directory(fileOrFolder, errorCode))
        return (std::filesystem::path(fileOrFolder) / "tileset.json").string();
    return fileOrFolder;
}

Result<std::string> readWholeFile(const std::string& path, std::uintmax_t limit, const std::string& what)
{
    std::error_code errorCode;
    if (!std::filesystem::is_regular_file(path, errorCode))
        return Error{ErrorCode::FileNotFound, what + " not found", path};
    if (std::filesystem::file_size(path, errorCode) > limit)
        return Error{ErrorCode::FormatNotSupported,
                     what + " larger than " + std::to_string(limit >> 20) + " MiB", path};
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << stream.rdbuf();
    if (!stream)
        return Error{ErrorCode::FormatNotSupported, what + " cannot be read", path};
    return bytes.str();
}

std::string tileset3dIdentity(const std::string& fileOrFolder)
{
    std::error_code errorCode;
    const std::filesystem::path file = std::filesystem::weakly_canonical(tileset3dFile(fileOrFolder), errorCode);
    return errorCode ? std::filesystem::absolute(tileset3dFile(fileOrFolder), errorCode).lexically_normal().string()
                     : file.string();
}

bool refersBack(const std::string& externalTileset, const std::vector<std::string>& chain)
{
    return std::find(chain.begin(), chain.end(), tileset3dIdentity(externalTileset)) != chain.end();
}

std::string cycleWarning(const std::string& externalTileset, const std::string& referringTileset)
{
    return referringTileset + ": its external tileset " + externalTileset +
           " is one of the tilesets that lead to it (a cycle of external tilesets): not followed";
}

Result<Tileset3d> readTileset3d(const std::string& fileOrFolder, const Matrix4d& parentTransform,
                                TileRefine parentRefine)
{
    const std::string path = tileset3dFile(fileOrFolder);
    auto text = readWholeFile(path, MaximumTilesetSize, "3D Tiles tileset file");
    if (!text)
        return text.error();
    return parseTileset3d(text.value(), path, parentTransform, parentRefine);
}

Result<Tileset3d> parseTileset3d(const std::string& json, const std::string& path, const Matrix4d& parentTransform,
                                 TileRefine parentRefine)
{
    Json document;
    try
    {
        document = Json::parse(json);
    }
    catch (const Json::exception& error)
    {
        return Error{ErrorCode::FormatNotSupported, std::string("not valid JSON (") + error.what() + ")", path};
    }
    if (!document.is_object() || !document.contains("asset") || !document.contains("root"))
        return Error{ErrorCode::FormatNotSupported, "JSON, but not a 3D Tiles tileset (no \"asset\" and \"root\")", path};
    Tileset3d tileset;
    tileset.path = path;
    const Json& asset = document["asset"];
    tileset.version = asset.is_object() && asset.contains("version") && asset["version"].is_string()
                          ? asset["version"].get<std::string>()
                          : "";
    if (document.contains("geometricError") && document["geometricError"].is_number())
        tileset.geometricError = document["geometricError"].get<double>();
    TileReader reader(tileset, std::filesystem::path(path).parent_path());
    if (auto read = reader.read(document["root"], parentTransform, parentRefine, 0); !read)
        return read.error();
    if (document.contains("extensionsRequired") && document["extensionsRequired"].is_array())
        for (const Json& name : document["extensionsRequired"])
            if (name.is_string() && name.get<std::string>() != "3DTILES_content_gltf" &&
                name.get<std::string>() != "3DTILES_draco_point_compression")
                tileset.warnings.push_back("required extension " + name.get<std::string>() + " is not supported");
    return tileset;
}

Sphere3d boundingSphereEcef(const BoundingVolume3d& volume, const Matrix4d& transform)
{
    const std::vector<Vec3> points = volumeSamplesEcef(volume, transform);
    Vec3 low{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::max()};
    Vec3 high{-low[0], -low[1], -low[2]};
    for (const Vec3& point : points)
        for (int i = 0; i < 3; ++i)
        {
            low[i] = std::min(low[i], point[i]);
            high[i] = std::max(high[i], point[i]);
        }
    Sphere3d sphere;
    for (int i = 0; i < 3; ++i)
        sphere.centre[i] = (low[i] + high[i]) / 2.0;
    for (const Vec3& point : points)
        sphere.radius = std::max(sphere.radius, length({point[0] - sphere.centre[0], point[1] - sphere.centre[1],
                                                        point[2] - sphere.centre[2]}));
    return sphere;
}

std::array<double, 3> geodeticToEcef(double longitude, double latitude, double height)
{
    const double sinLatitude = std::sin(latitude);
    const double normal = SemiMajorAxis / std::sqrt(1.0 - EccentricitySquared * sinLatitude * sinLatitude);
    return {(normal + height) * std::cos(latitude) * std::cos(longitude),
            (normal + height) * std::cos(latitude) * std::sin(longitude),
            (normal * (1.0 - EccentricitySquared) + height) * sinLatitude};
}

std::array<double, 3> ecefToGeodetic(const std::array<double, 3>& ecef)
{
    const double p = std::hypot(ecef[0], ecef[1]);
    const double longitude = std::atan2(ecef[1], ecef[0]);
    // Fixed-point iteration on the latitude: converges to well below a millimetre in five steps near the surface.
    double latitude = std::atan2(ecef[2], p * (1.0 - EccentricitySquared));
    double height = 0.0;
    for (int i = 0; i < 6; ++i)
    {
        const double sinLatitude = std::sin(latitude);
        const double normal = SemiMajorAxis / std::sqrt(1.0 - EccentricitySquared * sinLatitude * sinLatitude);
        height = std::abs(std::cos(latitude)) > 1e-9 ? p / std::cos(latitude) - normal
                                                    : std::abs(ecef[2]) - normal * (1.0 - EccentricitySquared);
        latitude = std::atan2(ecef[2], p * (1.0 - EccentricitySquared * normal / (normal + height)));
    }
    return {longitude, latitude, height};
}

Result<Tileset3dPlacement> placeTileset3d(const std::array<double, 3>& anchor, const std::string& projectCrs,
                                          const std::string& path)
{
    auto transformer = CrsTransformer::create("EPSG:4326", projectCrs);
    if (!transformer)
        return Error{transformer.error().code, transformer.error().detail, path};
    const Vec3 geodetic = ecefToGeodetic(anchor);
    const double sinLon = std::sin(geodetic[0]);
    const double cosLon = std::cos(geodetic[0]);
    const double sinLat = std::sin(geodetic[1]);
    const double cosLat = std::cos(geodetic[1]);
    const Vec3 east{-sinLon, cosLon, 0.0};
    const Vec3 north{-sinLat * cosLon, -sinLat * sinLon, cosLat};
    const Vec3 up{cosLat * cosLon, cosLat * sinLon, sinLat};

    std::array<double, 3> xs{};
    std::array<double, 3> ys{};
    const Vec3 probes[3] = {anchor,
                            {anchor[0] + ProbeDistance * east[0], anchor[1] + ProbeDistance * east[1], anchor[2]},
                            {anchor[0] + ProbeDistance * north[0], anchor[1] + ProbeDistance * north[1],
                             anchor[2] + ProbeDistance * north[2]}};
    for (int i = 0; i < 3; ++i)
    {
        const Vec3 position = ecefToGeodetic(probes[i]);
        xs[i] = position[0] * 180.0 / Pi;
        ys[i] = position[1] * 180.0 / Pi;
    }
    if (auto transformed = transformer->transform(xs, ys); !transformed)
        return Error{ErrorCode::TransformFailed,
                     "3D Tiles tileset recognised, but its position cannot be transformed into " + projectCrs + " (" +
                         transformed.error().detail + ")",
                     path};
    Tileset3dPlacement placement;
    // Both local axes give the rotation; away from the central meridian they differ slightly, so average them.
    const double eastAngle = std::atan2(ys[1] - ys[0], xs[1] - xs[0]);
    const double northAngle = std::atan2(-(xs[2] - xs[0]), ys[2] - ys[0]);
    placement.rotation =
        std::atan2(std::sin(eastAngle) + std::sin(northAngle), std::cos(eastAngle) + std::cos(northAngle));
    placement.x = xs[0];
    placement.y = ys[0];
    placement.z = geodetic[2];

    // ENU from ECEF: rows east, north, up; then the rotation about z and the translation to the anchor.
    Matrix4d enuFromEcef{east[0], north[0], up[0], 0, east[1], north[1], up[1], 0, east[2], north[2], up[2], 0, 0, 0,
                         0,       1};
    const Vec3 shifted = transformPoint(enuFromEcef, anchor);
    enuFromEcef[12] = -shifted[0];
    enuFromEcef[13] = -shifted[1];
    enuFromEcef[14] = -shifted[2];
    const double c = std::cos(placement.rotation);
    const double s = std::sin(placement.rotation);
    const Matrix4d grid{c, s, 0, 0, -s, c, 0, 0, 0, 0, 1, 0, placement.x, placement.y, placement.z, 1};
    placement.projectFromEcef = multiply(grid, enuFromEcef);
    return placement;
}

Result<Tileset3dSummary> summarizeTileset3d(const std::string& fileOrFolder, const std::string& projectCrs,
                                            int maxFiles)
{
    auto root = readTileset3d(fileOrFolder);
    if (!root)
        return root.error();
    Tileset3dSummary summary;
    summary.version = root->version;
    summary.geometricError = root->geometricError;
    summary.rootBoundingVolume = volumeText(root->tiles.front().boundingVolume);
    if (auto extent = projectExtentOf(root->tiles.front(), projectCrs, summary.outsideProjectArea))
        summary.projectExtent = extent.value();
    // Each tileset to read with the identities of the tilesets that lead to it, itself last.
    std::vector<std::pair<Tileset3d, std::vector<std::string>>> pending;
    std::vector<std::string> rootChain{tileset3dIdentity(root->path)};
    pending.emplace_back(std::move(root.value()), std::move(rootChain));
    while (!pending.empty())
    {
        const Tileset3d tileset = std::move(pending.back().first);
        const std::vector<std::string> chain = std::move(pending.back().second);
        pending.pop_back();
        ++summary.tilesetFiles;
        summary.tileCount += static_cast<int>(tileset.tiles.size());
        for (const std::string& warning : tileset.warnings)
            if (std::find(summary.warnings.begin(), summary.warnings.end(), warning) == summary.warnings.end())
                summary.warnings.push_back(warning);
        for (const Tile3d& tile : tileset.tiles)
        {
            if (tile.contentKind == TileContentKind::None)
                continue;
            ++summary.contentKinds[contentKindName(tile.contentKind)];
            if (tile.contentKind != TileContentKind::Tileset)
                continue;
            if (summary.tilesetFiles + static_cast<int>(pending.size()) >= maxFiles)
            {
                summary.warnings.push_back("more than " + std::to_string(maxFiles) +
                                           " tileset files; the counts cover the first ones only");
                return summary;
            }
            if (refersBack(tile.contentPath, chain))
            {
                summary.warnings.push_back(cycleWarning(tile.contentPath, tileset.path));
                continue;
            }
            auto external = readTileset3d(tile.contentPath, tile.transform, tile.refine);
            if (!external)
            {
                summary.warnings.push_back(external.error().message());
                continue;
            }
            std::vector<std::string> longer = chain;
            longer.push_back(tileset3dIdentity(external->path));
            pending.emplace_back(std::move(external.value()), std::move(longer));
        }
    }
    return summary;
}

} // namespace citytwin::data
