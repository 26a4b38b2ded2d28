#pragma once

#include "data/core/vector_layer.hpp"

#include <functional>
#include <vector>

#include <osg/Node>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// How a focus outline looks: its core colour; the glow around it is the same colour, fainter and wider.
struct FocusGlowStyle
{
    osg::Vec4 color{0.35f, 0.90f, 1.0f, 1.0f};
    /// Line widths in pixels at display scale 1, inside out: the core and two halos.
    float coreWidth = 2.5f;
    float innerHalo = 6.0f;
    float outerHalo = 12.0f;
    /// Drawn this high above the ground, metres.
    double lift = 4.0;
};

/// Builds the glowing outline of the focused areas (a community, grids, a drawn polygon): each ring of the polygons
/// (project CRS) as a bright core line inside two wider, fainter halos, draped on the ground (ground: height at a
/// project point, or null for 0), drawn over the scene (no depth test) so buildings never hide it. origin is the
/// scene's (world = project - origin). Null when there is nothing to outline. Line widths are multiplied by
/// displayScale.
osg::ref_ptr<osg::Node> buildFocusGlow(const std::vector<data::Polygon>& polygons, const osg::Vec3d& origin,
                                       const std::function<double(double, double)>& ground, double displayScale,
                                       const FocusGlowStyle& style = {});

} // namespace citytwin::scene
