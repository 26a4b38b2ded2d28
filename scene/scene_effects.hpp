#pragma once

#include "scene_theme.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <osg/BoundingSphere>
#include <osg/Group>
#include <osg/Node>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// The heavier lighting effects of a view, each switchable: shadows of buildings and models cast by the sun (or the
/// moon), ambient occlusion (the darkening of creases where walls meet the ground, from the depth of the picture),
/// and bloom (bright parts glowing into their surroundings: the night theme's outlines and lit roof edges). All off
/// by default; a window turns them on where the GPU is a real one (isSoftwareRenderer).
struct Effects
{
    bool shadows = false;
    bool ambientOcclusion = false;
    bool bloom = false;

    bool any() const { return shadows || ambientOcclusion || bloom; }
    bool operator==(const Effects& other) const = default;
};

/// All three effects on.
inline constexpr Effects AllEffects{true, true, true};

/// Returns the stable code of a set of effects, for settings and the command line: the names of those on, in the
/// order "shadows,ao,bloom", or "none".
std::string effectsCode(const Effects& effects);

/// Returns the effects of a code: a comma-separated list of "shadows", "ao", "bloom", or "all" or "none" (exact,
/// lower case; spaces around names ignored). Nothing when a name is unknown or the list is empty.
std::optional<Effects> effectsFromCode(std::string_view code);

/// Whether an OpenGL renderer string (GL_RENDERER) names a software rasteriser (Mesa llvmpipe, softpipe, swrast,
/// SwiftShader, Microsoft's basic renderer), where each pixel costs CPU time and the effects stay off by default.
bool isSoftwareRenderer(std::string_view rendererName);

/// Node mask bit of what casts shadows (buildings, models, extruded layers). Nodes without it receive shadows but
/// cast none (the ground, draped areas and lines, whose shadow would fall on themselves).
inline constexpr osg::Node::NodeMask CastsShadowMask = 0x100;
/// Node mask bit of what receives shadows (everything under the shadowed part by default).
inline constexpr osg::Node::NodeMask ReceivesShadowMask = 0x200;

/// The uniform a fog state sets to 1 so that the shadowed part's shader fogs like fixed-function fog does.
inline constexpr const char* FogOnUniform = "citytwinFogOn";
/// The uniform a state sets (vec4: rgb and 1 in alpha) so that the shadowed part's shader draws its textures
/// modulated by that colour whatever the lighting (the night's dimmed imagery); alpha 0 means lit as usual.
inline constexpr const char* ImageryTintUniform = "citytwinImageryTint";

/// What the effects draw: the part that casts and receives shadows (terrain, layers, models), the part drawn with
/// it but never shadowed (labels, the heat layer, outlines), the background drawn behind both (the night sky; may
/// be null) and the theme (its clear colour and light).
struct EffectsInput
{
    osg::ref_ptr<osg::Node> shadowed;
    osg::ref_ptr<osg::Node> plain;
    osg::ref_ptr<osg::Node> background;
    Theme theme = Theme::Day;
};

/// Node mask bit of the effects' own full-screen passes: picking leaves them out (traversal mask ~NotPickedMask).
inline constexpr osg::Node::NodeMask NotPickedMask = 0x400;

/// Builds the node that draws input with effects, to put under the scene root in place of the two parts.
/// Shadows: the shadowed part under a view-dependent shadow map, drawn by a shader that keeps textures, vertex
/// colours, lighting, the night's fog (FogOnUniform) and dimmed imagery (ImageryTintUniform). Ambient occlusion or
/// bloom: the scene is drawn into a texture of the view's size (with its depth), then drawn on the view by one
/// full-screen pass that darkens creases from the depth and adds the blurred bright parts. The picture follows the
/// view's size and camera each frame (several views of different sizes may share it, at the cost of resizing).
/// With no effect on, returns a plain group of the two parts.
osg::ref_ptr<osg::Group> buildEffects(const Effects& effects, const EffectsInput& input);

} // namespace citytwin::scene
