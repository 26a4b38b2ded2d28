#pragma once

#include "layer_style.hpp"

#include <osg/MatrixTransform>
#include <osg/ref_ptr>

namespace citytwin::data
{
struct VectorLayer;
class HeightField;
} // namespace citytwin::data

namespace citytwin::scene
{

/// Builds the scene node of a vector layer: polygons with a height are extruded (lit walls and roof),
/// polygons without are a translucent ground fill with an outline, lines are lines, points are points.
///
/// Coordinates are project-CRS metres. The returned MatrixTransform holds, in double precision, the
/// offset of the layer's own origin (its extent centre, whole metres) from sceneOrigin; the vertices below
/// it are float offsets from that layer origin. Every Geometry carries a FeatureIds user object.
///
/// With a ground (a DEM's heights) the layer is draped: buildings stand on the lowest ground under their
/// footprint, fills, outlines, lines and points follow the ground (lines cut every 20 m) a little above it,
/// and the district's ground fill is left out (the terrain is the ground).
osg::ref_ptr<osg::MatrixTransform> buildLayerNode(const data::VectorLayer& layer, const osg::Vec3d& sceneOrigin,
                                                  const LayerStyle& style, const data::HeightField* ground = nullptr);

} // namespace citytwin::scene
