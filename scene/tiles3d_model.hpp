#pragma once

#include "data/core/result.hpp"
#include "data/io/tile_content.hpp"
#include "data/io/tileset_3d.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <osg/MatrixTransform>
#include <osg/Referenced>
#include <osg/Vec3d>
#include <osg/ref_ptr>
#include <osgUtil/LineSegmentIntersector>

namespace citytwin::scene
{

/// The largest screen-space error, in pixels, a 3D Tiles tile may show before its children replace or add to
/// it (CesiumJS's default).
constexpr double Tiles3dMaximumScreenSpaceError = 16.0;

/// The batch table of a loaded tile content, kept as the content node's user data for picking.
class Tiles3dBatchTable : public osg::Referenced
{
public:
    std::string contentPath; ///< the b3dm / i3dm / pnts file it came from
    data::BatchTable table;
};

/// Loads an OGC 3D Tiles 1.0 / 1.1 tileset (tileset.json or its folder) and places it in the scene.
///
/// The root tileset.json is read now (errors name the file); its centre is placed in projectCrs with PROJ
/// (data::placeTileset3d). The returned MatrixTransform, named "3dtiles:<folder name>", holds in double precision
/// ECEF → project coordinates - sceneOrigin; below it every tile is a paged node that measures its screen-space
/// error (geometricError x viewport height / (2 distance tan(fov / 2))) each frame, asks osgDB's DatabasePager
/// (background threads, nearest first) for its content and refines into its children (ADD or REPLACE) past
/// Tiles3dMaximumScreenSpaceError; viewer request volumes are honoured, and content out of view is expired by
/// the pager. Contents: b3dm, i3dm, pnts, cmpt, glb, gltf and external tilesets; a content that cannot be read
/// leaves its tile empty and adds a warning naming the file (tiles3dWarnings). Reads files only (no GL).
data::Result<osg::ref_ptr<osg::MatrixTransform>> loadTiles3dModel(const std::string& fileOrFolder,
                                                                  const std::string& projectCrs,
                                                                  const osg::Vec3d& sceneOrigin);

/// Returns the placement of a tileset in projectCrs without building nodes (to set the scene origin first).
data::Result<data::Tileset3dPlacement> placeTiles3d(const std::string& fileOrFolder, const std::string& projectCrs);

/// Builds the node of one tile content file in ECEF (the tile transform, RTC_CENTER and glTF's y-up to z-up
/// rotation applied), with its batch table as user data. Fails naming the file; thread-safe.
data::Result<osg::ref_ptr<osg::Node>> buildTileContentNode(const std::string& path, const data::Matrix4d& tileTransform,
                                                           std::vector<std::string>& warnings);

/// Returns the warnings gathered while loading a model returned by loadTiles3dModel (missing or unreadable tile
/// files, unsupported features), each once, in English, oldest first.
std::vector<std::string> tiles3dWarnings(const osg::Node& model);

/// A 3D Tiles feature that was picked: its tile content file, its batch id and its batch table attributes.
struct Tiles3dFeature
{
    std::string contentPath;
    std::size_t batchId = 0;
    std::vector<std::pair<std::string, std::string>> attributes;
};

/// Returns the 3D Tiles feature an intersection hit: the batch id of the hit vertex (_BATCHID) or instance,
/// looked up in the batch table of the tile content above it; nothing when the hit is not on such a tile.
std::optional<Tiles3dFeature> tiles3dFeatureOf(const osgUtil::LineSegmentIntersector::Intersection& hit);

} // namespace citytwin::scene
