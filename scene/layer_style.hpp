#pragma once

#include "data/vector_layer.hpp"

#include <osg/Vec4>

namespace citytwin::scene
{

/// How one vector layer is drawn.
struct LayerStyle
{
    osg::Vec4 color{0.86f, 0.78f, 0.62f, 1.0f};
    /// Opacity of the ground fill of polygons that have no height.
    float fillOpacity = 0.35f;
    /// Screen size of points and width of lines, in device pixels.
    float pointSize = 9.0f;
    float lineWidth = 2.0f;
};

/// Returns the style of the n-th layer of a given geometry kind in a scene: warm sand tones for areas and
/// buildings, oranges for lines, cyans for points, each kind cycling through its own palette.
LayerStyle defaultLayerStyle(data::GeometryKind kind, int indexOfKind);

} // namespace citytwin::scene
