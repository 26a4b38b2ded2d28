#pragma once

#include "data/io/raster_source.hpp"

#include <memory>

#include <osg/Node>
#include <osg/Vec3d>
#include <osg/ref_ptr>

namespace citytwin::scene
{

struct TerrainOptions
{
    /// Vertices per tile side (the DEM is sampled on this grid).
    int meshSize = 33;
    /// Texture pixels per tile side (the imagery is read at this size).
    int textureSize = 256;
    /// A tile is replaced by its four children when the eye is closer than this many tile radii.
    double splitFactor = 2.5;
    /// The deepest level; by default the level whose texture pixels match the imagery's (or DEM's) pixels.
    int maxLevel = -1;
};

/// A paged terrain: a quadtree of tiles over the DEM's (or the imagery's) extent, each a mesh sampled from
/// the DEM with the imagery as its texture, read from the rasters' overviews at the tile's resolution. The
/// root tile is built now; finer tiles are built by OSG's database pager in the background as the camera
/// comes close (osg::PagedLOD), and expire when it leaves, so memory stays bounded for any raster size.
/// Either raster may be missing: no DEM gives a flat terrain at 0 m, no imagery colours by elevation.
/// Tiles have skirts that hide cracks between levels. World coordinates are project CRS minus sceneOrigin.
osg::ref_ptr<osg::Node> buildTerrain(std::shared_ptr<const data::RasterSource> dem,
                                     std::shared_ptr<const data::RasterSource> imagery, const osg::Vec3d& sceneOrigin,
                                     const TerrainOptions& options = {});

/// The name given to terrain nodes (the picker and the bound of the layers ignore them).
inline constexpr const char* TerrainNodeName = "citytwin.terrain";

} // namespace citytwin::scene
