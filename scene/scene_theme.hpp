#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include <osg/BoundingSphere>
#include <osg/Callback>
#include <osg/Node>
#include <osg/StateSet>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// The look of a scene and its views: Day (light ground, sand buildings, a plain dark background), or Night
/// for big screens in a dark operations room (dark ground, glowing outlines, buildings shaded by height, a
/// sky and distance fog). SceneModel::setTheme sets the scene's side, applyTheme (view_defaults.hpp) the view's.
enum class Theme
{
    Day,
    Night
};

/// Returns the stable code of a theme, for settings and the command line: "day" or "night".
const char* themeCode(Theme theme);

/// Returns the theme of a code from themeCode (exact, lower case), or nothing when unknown.
std::optional<Theme> themeFromCode(std::string_view code);

/// The night's faint blue-grey glow at the horizon.
inline const osg::Vec4 NightHorizonColor(0.16f, 0.21f, 0.30f, 1.0f);
/// The night's haze more than 30 degrees below the horizon (what a view from above sees around the content): the
/// clear colour of night views, which the sky dome meets at its lower rim.
inline const osg::Vec4 NightHazeColor(0.055f, 0.075f, 0.12f, 1.0f);

/// Returns the colour of an extruded feature (a building) of the given height in the night theme, metres: a
/// ramp from dark blue (low) through cyan (about 40 m) to near white (100 m and more).
osg::Vec4 nightHeightColor(double heightMetres);

/// Returns the colour of the lit roof edges of an extruded feature of the given height in the night theme:
/// its nightHeightColor taken halfway to a light cyan, so that every roof has a rim of its own hue.
osg::Vec4 nightRoofEdgeColor(double heightMetres);

/// Returns the night sky's colour in a direction elevationRadians above the horizon: a deep navy overhead, a
/// faint blue-grey glow at the horizon (NightHorizonColor), a darker haze below it (seen past the content), even
/// (NightHazeColor) from 30 degrees down.
osg::Vec4 nightSkyColor(double elevationRadians);

/// Builds the night sky: a dome of nightSkyColor around the eye from 30 degrees below the horizon up, turned
/// with the view but never moved, drawn first behind everything (a nested camera: no depth, no light, no fog; it
/// does not change near and far). Below its rim the clear colour (NightHazeColor, applyTheme) shows, so a view
/// from above fills few or no sky pixels (software rendering pays per pixel). Add it anywhere under the scene
/// root. About 450 vertices, one draw call.
osg::ref_ptr<osg::Node> buildNightSky();

/// Returns a cull callback for the scene root that fogs what is drawn below it: linear fog in the colour of
/// the sky behind the content's far edge, from about a third of the way into the content to past its far
/// edge, where both follow contentBound() (world coordinates) and the eye every frame, so that a 200 m block
/// and a 20 km district both fade at their far side. The fog state is made per culled frame (several views
/// may share the scene). contentBound is called once a frame from the cull traversal.
osg::ref_ptr<osg::Callback> nightFogCallback(std::function<osg::BoundingSphere()> contentBound);

/// Returns the state that dims draped imagery at night (terrain, oblique models): the texture modulated by a
/// dark blue-grey, whatever the lighting.
osg::ref_ptr<osg::StateSet> nightImageryState();

} // namespace citytwin::scene
