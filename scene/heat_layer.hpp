#pragma once

#include "data/core/height_field.hpp"
#include "data/analysis/kernel_density.hpp"

#include <osg/Node>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// The heat colour of a density relative to the maximum (0..1): transparent where there is nothing, then
/// blue, cyan, yellow and red, more opaque as it rises.
osg::Vec4 heatColor(double relative);

/// A heat layer: the density grid as a translucent coloured surface lying on the ground (draped on the
/// heights when given, a few metres above them), drawn after the opaque scene without hiding labels.
osg::ref_ptr<osg::Node> buildHeatLayer(const data::DensityGrid& grid, const osg::Vec3d& sceneOrigin,
                                       const data::HeightField* ground = nullptr);

} // namespace citytwin::scene
