#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <cstdint>
#include <vector>

namespace citytwin::data
{

/// A 4 x 4 matrix in double precision, column-major as 3D Tiles writes `transform` (element [12..14] is the
/// translation).
using Matrix4d = std::array<double, 16>;

/// Returns the identity matrix.
Matrix4d identityMatrix();
/// Returns a * b (b applied first).
Matrix4d multiply(const Matrix4d& a, const Matrix4d& b);
/// Returns the point transformed by the matrix.
std::array<double, 3> transformPoint(const Matrix4d& matrix, const std::array<double, 3>& point);

/// A 3D Tiles bounding volume as written in tileset.json.
struct BoundingVolume3d
{
    enum class Kind
    {
        Box,    ///< centre (3) and three half-axis vectors (9), in the tile's coordinates
        Region, ///< west, south, east, north (radians, WGS 84), minimum and maximum height (metres)
        Sphere, ///< centre (3) and radius, in the tile's coordinates
    };
    Kind kind = Kind::Sphere;
    std::array<double, 12> values{};
};

/// How a tile's children refine it.
enum class TileRefine
{
    Add,     ///< the children are drawn with the tile
    Replace, ///< the children are drawn instead of the tile
};

/// What a tile's content file is, from its name (and later its magic bytes).
enum class TileContentKind
{
    None,
    B3dm,    ///< batched 3D model (glTF with a feature and a batch table)
    I3dm,    ///< instanced 3D model
    Pnts,    ///< point cloud
    Cmpt,    ///< composite of the above
    Glb,     ///< binary glTF (3D Tiles 1.1)
    Gltf,    ///< JSON glTF (3D Tiles 1.1)
    Tileset, ///< an external tileset.json
    Unknown, ///< anything else (vector tiles, geometry tiles, ...)
};

/// Returns the short name of a content kind ("b3dm", "tileset", ...).
std::string contentKindName(TileContentKind kind);

/// One tile of a tileset.json.
struct Tile3d
{
    BoundingVolume3d boundingVolume;
    std::optional<BoundingVolume3d> viewerRequestVolume;
    double geometricError = 0.0;
    TileRefine refine = TileRefine::Replace;
    /// The tile's coordinates to ECEF (EPSG:4978): the parents' transforms times its own.
    Matrix4d transform = identityMatrix();
    std::string contentPath; ///< absolute path of the content file; "" when the tile has none
    TileContentKind contentKind = TileContentKind::None;
    std::vector<std::size_t> children; ///< indices into Tileset3d::tiles
};

/// One tileset.json, its tiles flattened (the root first). External tilesets it names are not read: their tiles
/// have content kind Tileset.
struct Tileset3d
{
    std::string path;    ///< the tileset.json read
    std::string version; ///< asset.version ("1.0", "1.1", "0.0")
    double geometricError = 0.0;
    std::vector<Tile3d> tiles;
    std::vector<std::string> warnings; ///< what was skipped (implicit tiling, several contents, ...), in English
};

/// Reads a tileset.json (or the tileset.json of a folder). parentTransform places it (the transform of the tile
/// that names it as external content; identity for a root tileset); parentRefine is inherited by its root.
/// Fails naming the file on a missing file, bad JSON, no asset or root, or a tile without a bounding volume.
Result<Tileset3d> readTileset3d(const std::string& fileOrFolder, const Matrix4d& parentTransform = identityMatrix(),
                                TileRefine parentRefine = TileRefine::Replace);

/// Parses the text of a tileset.json; path names the file in errors and resolves content URIs.
Result<Tileset3d> parseTileset3d(const std::string& json, const std::string& path,
                                 const Matrix4d& parentTransform = identityMatrix(),
                                 TileRefine parentRefine = TileRefine::Replace);

/// Returns the tileset.json of a folder (or the path itself when it is a file).
std::string tileset3dFile(const std::string& fileOrFolder);

/// A whole file's bytes, at most limit of them; errors name the file as `what` ("tile content file").
Result<std::string> readWholeFile(const std::string& path, std::uintmax_t limit, const std::string& what);

/// The tileset file a path names, made canonical: two references to one file give the same string.
std::string tileset3dIdentity(const std::string& fileOrFolder);

/// Whether an external tileset is one of the tilesets that lead to it (chain: their tileset3dIdentity, root first):
/// following it would go round a cycle of external tilesets for ever.
bool refersBack(const std::string& externalTileset, const std::vector<std::string>& chain);

/// The warning for an external tileset not followed because it refers back.
std::string cycleWarning(const std::string& externalTileset, const std::string& referringTileset);

/// A sphere in ECEF metres.
struct Sphere3d
{
    std::array<double, 3> centre{};
    double radius = 0.0;
};

/// Returns a sphere enclosing the bounding volume in ECEF (the transform applied; regions are geographic).
Sphere3d boundingSphereEcef(const BoundingVolume3d& volume, const Matrix4d& transform);

/// Returns ECEF (EPSG:4978) metres of a WGS 84 position (radians, metres above the ellipsoid).
std::array<double, 3> geodeticToEcef(double longitude, double latitude, double height);
/// Returns longitude, latitude (radians) and height (metres) of an ECEF point (WGS 84).
std::array<double, 3> ecefToGeodetic(const std::array<double, 3>& ecef);

/// Where a 3D tileset lies in the project CRS: a rigid placement (no scale) at one anchor point.
struct Tileset3dPlacement
{
    double x = 0.0; ///< the anchor in the project CRS, metres; z is its height above the ellipsoid
    double y = 0.0;
    double z = 0.0;
    /// Radians, counter-clockwise about z: grid convergence, turning local east-north-up onto the project grid.
    double rotation = 0.0;
    /// ECEF to project coordinates: ECEF to the anchor's east-north-up frame, the rotation, then (x, y, z).
    Matrix4d projectFromEcef = identityMatrix();
};

/// Places a tileset whose centre is the ECEF point anchor in projectCrs with PROJ (the anchor's geodetic
/// position transformed, the rotation measured from points 100 m east and north). path names the file in errors.
Result<Tileset3dPlacement> placeTileset3d(const std::array<double, 3>& anchor, const std::string& projectCrs,
                                          const std::string& path);

/// What `citytwin info` tells about a tileset, external tilesets included.
struct Tileset3dSummary
{
    std::string version;
    double geometricError = 0.0;
    int tileCount = 0;                     ///< tiles of all tileset files read
    std::map<std::string, int> contentKinds; ///< content files by kind ("b3dm" -> 4)
    int tilesetFiles = 0;                  ///< tileset.json files read (the root and its external ones)
    std::string rootBoundingVolume;        ///< "region [...]" as written
    Extent projectExtent;                  ///< the root bounding volume in the project CRS
    bool outsideProjectArea = false;
    std::vector<std::string> warnings;
};

/// Reads a tileset and its external tilesets (at most maxFiles files) and sums them up.
Result<Tileset3dSummary> summarizeTileset3d(const std::string& fileOrFolder, const std::string& projectCrs,
                                            int maxFiles = 2000);

} // namespace citytwin::data
