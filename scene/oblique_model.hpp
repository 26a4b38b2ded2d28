#pragma once

#include "data/core/result.hpp"

#include <string>
#include <vector>

#include <osg/MatrixTransform>
#include <osg/Vec3d>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// Loads a ContextCapture / Smart3D oblique-photogrammetry tileset (metadata.xml + Data/Tile_*/Tile_*.osgb)
/// and places it in the scene.
///
/// folderOrMetadataPath is the tileset folder or its metadata.xml. The SRS origin is transformed into
/// projectCrs with PROJ; the returned MatrixTransform, named "oblique:<folder name>", holds in double
/// precision the rotation from the tileset's axes onto the project grid at that origin followed by the
/// translation to (project origin - sceneOrigin). Its children are the top-level tiles, PagedLOD trees whose
/// finer levels an osgDB::DatabasePager loads later from the tile folders (every PagedLOD, also those paged in
/// later, gets the tile folder as database path and has paging turned off where its child file is missing,
/// so partial tilesets keep their coarser level instead of failing reads every frame). Lighting is off below
/// it: the textures are photographs and the meshes carry no normals.
/// Reads files only (no GL), so it may run on a worker thread; attach the node on the GUI thread.
data::Result<osg::ref_ptr<osg::MatrixTransform>>
loadObliqueModel(const std::string& folderOrMetadataPath, const std::string& projectCrs, const osg::Vec3d& sceneOrigin);

/// Returns the top-level tile files of a tileset folder: every Data/<name>/<name>.osgb with name "Tile_*",
/// sorted by name, as absolute paths.
std::vector<std::string> obliqueTopLevelTiles(const std::string& tilesetFolder);

/// Returns the centre of the bounding box of what is loaded below model, in project coordinates (metres):
/// model's own matrix is applied and sceneOrigin added (sceneOrigin alone when nothing is loaded). model must
/// hang directly below the scene root.
osg::Vec3d projectBoundCentre(const osg::Node& model, const osg::Vec3d& sceneOrigin);

} // namespace citytwin::scene
