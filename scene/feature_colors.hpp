#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include <osg/Array>
#include <osg/Node>
#include <osg/observer_ptr>
#include <osg/Vec4>

namespace citytwin::scene
{

/// Recolours the features of a layer node in place, without rebuilding it: every geometry with per-vertex
/// colours (extruded solids, area fills, and roof edges where the style gives them a colour) gets, for each
/// vertex, colourOf(its feature index), keeping the vertex's alpha; with a mode, only the geometries drawn in
/// it (GL_TRIANGLES: solids and fills, GL_LINES: roof edges). Returns how many vertices changed. Geometries
/// with one overall colour are left alone.
std::size_t setFeatureColors(osg::Node& layerNode, const std::function<osg::Vec4(std::size_t feature)>& colorOf,
                             std::optional<GLenum> mode = std::nullopt);

/// Highlights one feature of a layer node (its vertices take the highlight colour) and restores the colours
/// of the feature highlighted before; nothing to highlight when feature is empty.
class FeatureHighlight
{
public:
    static inline const osg::Vec4 DefaultColor{1.0f, 0.85f, 0.1f, 1.0f};

    /// Restores the previous highlight (if its node still exists) and highlights feature in layerNode.
    /// Returns whether any vertex took the colour (false for features without per-vertex colours).
    bool set(osg::Node* layerNode, std::optional<std::size_t> feature, const osg::Vec4& color = DefaultColor);
    void clear() { set(nullptr, std::nullopt); }

    std::optional<std::size_t> feature() const { return mFeature; }

private:
    osg::observer_ptr<osg::Node> mNode;
    std::optional<std::size_t> mFeature;
    std::vector<std::pair<osg::ref_ptr<osg::Vec4Array>, std::vector<std::pair<unsigned int, osg::Vec4>>>> mSaved;
};

} // namespace citytwin::scene
