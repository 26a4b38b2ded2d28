#pragma once

#include "scene_theme.hpp"

#include "data/core/vector_layer.hpp"

#include <osg/Vec4>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace citytwin::scene
{

/// Icons for a point layer (see PointIconAtlas): one icon and colour per value of a field (a station's kind,
/// a camera's network, an incident's source), drawn at a fixed size on screen whatever the zoom.
struct PointSymbols
{
    struct Symbol
    {
        std::string icon;
        osg::Vec4 color;
    };
    std::string field;
    std::map<std::string, Symbol> byValue;
    /// For values not listed (and when the field is missing): the layer's colour and this icon.
    std::string defaultIcon = "cluster";
    /// Icon size on screen, in device pixels.
    float size = 22.0f;
};

/// How one vector layer is drawn.
struct LayerStyle
{
    osg::Vec4 color{0.86f, 0.78f, 0.62f, 1.0f};
    /// Opacity of the ground fill of polygons that have no height.
    float fillOpacity = 0.35f;
    /// Screen size of points and width of lines, in device pixels.
    float pointSize = 9.0f;
    float lineWidth = 2.0f;
    /// Width of polygon outlines, in device pixels.
    float outlineWidth = 1.5f;
    /// Whether the layer is shown when it is added (dense detail layers start hidden).
    bool visible = true;
    /// The colour of polygon fills when it differs from `color` (which then colours the outlines only).
    std::optional<osg::Vec4> fillColor;
    /// The colour of the roof outlines of extruded solids, when not `color` darkened (the night's lit edges).
    std::optional<osg::Vec4> roofEdgeColor;
    /// Draws the fill first and without writing depth, as the ground everything else lies on (no z-fighting
    /// with the lines and areas drawn on it, whatever the view distance).
    bool groundFill = false;
    /// Multiplies extruded heights (height exaggeration for a flat city seen from afar).
    float heightScale = 1.0f;
    /// Opacity of extruded solids: below 1 they are see-through (what is behind shows).
    float solidOpacity = 1.0f;
    /// Raises the whole layer, metres: outlines of areas stay above streets drawn on the same edges.
    float lift = 0.0f;
    /// Point layers: icons per kind (when the app registered an icon atlas; round dots otherwise).
    std::optional<PointSymbols> symbols;
    /// Point layers with at least this many points are drawn as clusters with counts when seen from afar
    /// (each spatial tile switches to its clusters by distance); 0 never clusters.
    std::size_t clusterMinimum = 500;
};

/// Returns the style of the n-th layer of a given geometry kind in a scene: warm sand tones for areas and
/// buildings, oranges for lines, cyans for points, each kind cycling through its own palette.
LayerStyle defaultLayerStyle(data::GeometryKind kind, int indexOfKind);

/// Returns the style of a layer: the layers a CityTwin project conventionally holds (`district`, `streets`,
/// `communities`, `grids`, `roads`, `river`, `buildings`, `stations`, `cameras`, `party_orgs`, `party_links`,
/// `incidents`) get a style that reads as a city from above, with the areas as outlines and the dense point
/// and link layers hidden until asked for; any other layer gets defaultLayerStyle.
///
/// The Night theme keeps what is shown and how wide it is drawn, and changes colours: a near-black ground,
/// dark water, faint roads, boundaries and streets as glowing cyan and amber lines, buildings with light cyan
/// roof edges (their solids are coloured by height by SceneModel); points keep their colours.
LayerStyle layerStyleFor(const data::VectorLayer& layer, int indexOfKind, Theme theme = Theme::Day);

} // namespace citytwin::scene
