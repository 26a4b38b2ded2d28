#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <osg/Node>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace citytwin::data
{
struct VectorLayer;
} // namespace citytwin::data

namespace citytwin::scene
{

/// A label to show: UTF-8 text anchored at a point in the project CRS (metres, z up).
struct LabelCandidate
{
    std::string text;
    osg::Vec3d world;
    /// Where labels would overlap, the higher priority is shown.
    int priority = 0;
};

/// A label's rectangle on screen in window pixels (origin bottom left), centred at x, y.
struct ScreenLabel
{
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;
    int priority = 0;
    /// False when the anchor is behind the camera or the rectangle is outside the viewport.
    bool visible = false;
};

/// The look and the limit of a label node.
struct LabelStyle
{
    /// Character height in screen pixels (the text keeps its size at any distance).
    float characterSizePixels = 14.0f;
    osg::Vec4 color{1.0f, 1.0f, 1.0f, 1.0f};
    /// The outline drawn around the glyphs, for legibility on imagery.
    osg::Vec4 haloColor{0.05f, 0.05f, 0.08f, 0.85f};
    /// The most labels drawn in one frame.
    std::size_t budget = 300;
};

/// The smallest gap kept between two placed labels, pixels.
inline constexpr double LabelPaddingPixels = 2.0;

/// Declutters labels on screen: goes through the visible labels by decreasing priority (ties: lower index
/// first) and places each one whose rectangle, grown by LabelPaddingPixels on every side, overlaps no label
/// placed before, until budget labels are placed. Returns the indices of the placed labels in placement order.
/// Pure and GL-free; a uniform grid of buckets keeps it O(n) expected (plus the sort by priority).
std::vector<std::size_t> placeLabels(const std::vector<ScreenLabel>& labels, std::size_t budget);

/// Builds a node that draws labels as screen-aligned text of a constant pixel size, centred a few pixels
/// above their anchors, with a halo. World coordinates are project CRS minus sceneOrigin. Every frame the
/// node projects the anchors with the culling camera, declutters them (placeLabels, at most style.budget)
/// and lets only the placed texts be drawn. Only the labels of one node declutter together: put the labels of
/// every layer into one node, with priorities per layer. Labels are drawn last, over the scene (no depth
/// test), and are not pickable (intersection visitors skip them). Candidates with empty text are left out.
/// The texts are made once, with the shared label font (labelFontPath()); each one's pixel size is measured
/// once from its glyph layout (estimated as 1.0 character height per CJK glyph and 0.6 per other when the font
/// lacks the glyphs). Makes no GL calls.
osg::ref_ptr<osg::Node> buildLabelNode(std::vector<LabelCandidate> labels, const osg::Vec3d& sceneOrigin,
                                       const LabelStyle& style = {});

/// Returns the labels a node from buildLabelNode placed in its last culled frame, as indices into the
/// candidates it was built from (empty for other nodes). Meant for tests and status displays.
std::vector<std::size_t> lastPlacedLabels(const osg::Node& labelNode);

/// Returns how many labels a node from buildLabelNode placed in its last culled frame.
std::size_t lastPlacedCount(const osg::Node& labelNode);

/// Returns one candidate per feature with a non-empty value in field (none when the layer has no such field),
/// anchored inside the feature, in the project CRS: a polygon at the centroid of the outer ring of its largest
/// part when that lies inside the part, else at the middle of the widest inside span of a horizontal line
/// through it (a vertex average as the last resort); a line halfway along its longest part; a point at itself.
/// z is 0, or the ground height plus a few metres when groundHeight (project x, y -> metres) is given.
std::vector<LabelCandidate> labelsForLayer(const data::VectorLayer& layer, const std::string& field, int priority,
                                           const std::function<double(double, double)>& groundHeight = {});

/// Returns the font file the labels use (a CJK font found at a known path, Noto Sans CJK SC first), or ""
/// when none was found and OSG's built-in font (Latin only) is used. Loads the font on first call.
std::string labelFontPath();

} // namespace citytwin::scene
