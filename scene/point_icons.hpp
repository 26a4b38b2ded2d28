#pragma once

#include <memory>
#include <string>
#include <vector>

#include <osg/Image>
#include <osg/StateSet>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// The icons points are drawn with: square icons side by side in one image, `columns` per row, by
/// name; the image's first data row is the top of the first row of icons (as a QImage's scan lines)
/// (`station-day_care`, `camera-community`, `incident-hotline`, `cluster`, ...).
///
/// Icons are drawn for tinting: where an icon is black the point's own colour shows (its kind's colour, a
/// thematic class, the highlight), where it is white it stays white; the alpha channel cuts the shape out.
/// The app draws the atlas from the SVG files in `resources/icons/` and registers it at start-up; without one,
/// points are round dots.
struct PointIconAtlas
{
    osg::ref_ptr<osg::Image> image;
    int columns = 1;
    std::vector<std::string> names;

    /// Returns the icon's index, or -1 when the atlas has none of that name.
    int indexOf(const std::string& name) const;
};

/// Registers the atlas layers built afterwards use (null: round dots). Call on the GUI thread.
void setPointIconAtlas(std::shared_ptr<const PointIconAtlas> atlas);
/// Returns the registered atlas, or null.
std::shared_ptr<const PointIconAtlas> pointIconAtlas();

/// The float uniform the icons' sizes are multiplied by (the scene's display scale; 1 where none is set above).
inline constexpr const char* DisplayScaleUniform = "displayScale";

/// Returns the state set of icon points: point sprites of a size per vertex (texture coordinate 0 holds the
/// icon index and the size in pixels), the atlas tinted by the vertex colour, blended. One per atlas, shared.
osg::ref_ptr<osg::StateSet> iconPointState(const PointIconAtlas& atlas);

} // namespace citytwin::scene
