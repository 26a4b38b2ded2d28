#pragma once

#include "data/core/vector_layer.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <osg/Vec3d>

namespace osg
{
class Camera;
}

namespace citytwin::scene
{
class SceneModel;

/// What a click hit: the layer, the feature (index into the layer's features) and the world point; or, with
/// layerIndex -1, a 3D model's own object (modelFeatures, featureIndex indexing it): a CityGML building in its
/// model's table, or a 3D Tiles feature as a one-row table of its batch table's properties.
struct PickResult
{
    int layerIndex = -1;
    std::size_t featureIndex = 0;
    osg::Vec3d worldPoint;
    std::shared_ptr<const data::VectorLayer> modelFeatures;
};

/// Returns the world point where the ray through a window position (pixels, origin bottom left) meets the
/// ground plane z = 0, or nothing when the ray does not go down to it.
std::optional<osg::Vec3d> groundPointAt(const osg::Camera& camera, double windowX, double windowY);

/// Returns the extruded feature (building) of a visible layer whose footprint contains a world point seen from
/// above (in x, y), or nothing. A click on an oblique mesh picks the building under it this way.
std::optional<PickResult> footprintUnder(const SceneModel& model, const osg::Vec3d& worldPoint);

/// Picks the feature of a visible layer at a window position (pixels, origin bottom left, in the
/// camera's viewport). Points and lines within tolerancePixels win over surfaces; among surfaces the
/// nearest to the eye wins; a 3D Tiles feature with a batch table gives its attributes and an object of
/// a model that carries its own table (CityGML) gives that table (both as modelFeatures); another 3D model (oblique mesh)
/// hit gives the building footprint under it. Works on the CPU from
/// the camera's matrices: no GL context needed.
std::optional<PickResult> pickFeature(const SceneModel& model, const osg::Camera& camera, double windowX,
                                      double windowY, double tolerancePixels = 6.0);

} // namespace citytwin::scene
