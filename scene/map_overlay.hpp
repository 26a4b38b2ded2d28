#pragma once

#include <functional>
#include <string>
#include <vector>

#include <osg/Camera>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/Matrixd>
#include <osg/Vec4>
#include <osg/Viewport>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// One legend line: a colour swatch and its label (UTF-8).
struct MapLegendEntry
{
    std::string label;
    osg::Vec4 color;
};

/// What the overlay shows for a view: the north arrow's angle and the scale bar.
struct MapScale
{
    /// Screen angle of north, radians counter-clockwise from screen up (0 when north is up).
    double northAngle = 0.0;
    /// Metres per window pixel at the centre of the view (0 when the view does not meet the ground).
    double metresPerPixel = 0.0;
    /// The scale bar: a round length (1, 2 or 5 x 10^n metres) and its width in pixels.
    double barMetres = 0.0;
    double barPixels = 0.0;
};

/// Computes the north arrow and scale bar for a camera: the ground point at the centre of the viewport
/// (plane z = groundZ) and points 1 m east and north of it, projected to the window. The bar is the
/// round length whose width is closest to targetPixels.
MapScale computeMapScale(const osg::Matrixd& view, const osg::Matrixd& projection, const osg::Viewport& viewport,
                         double groundZ = 0.0, double targetPixels = 120.0);

/// Returns the round length (1, 2 or 5 x 10^n) at most maxMetres, or 0 for maxMetres <= 0.
double roundScaleLength(double maxMetres);

/// Formats a length for the scale bar: "500 m", "2 km".
std::string scaleLabel(double metres);

/// A screen-space overlay drawn after the scene in every view and render: a north arrow (top right), a
/// scale bar (bottom left) and a legend (top left), updated each frame from the camera that renders it.
/// Add it anywhere under the scene root with no transform above it.
class MapOverlay : public osg::Group
{
public:
    MapOverlay();
    /// Replaces the legend's lines (an empty list hides the legend).
    void setLegend(const std::vector<MapLegendEntry>& entries);
    /// Keeps the arrow, legend and scale bar clear of what is drawn over the view (a briefing's header, tiles and
    /// caption): the legend moves down by top, the arrow by right, the scale bar up by bottom (pixels; 0 by default).
    void setInsets(double top, double right, double bottom);
    /// Tells the overlay whether the view has anything to measure (the scene's content): without, the scale bar is
    /// not drawn (a view of nothing has no scale). Unset: always measured.
    void setContentCheck(std::function<bool()> hasContent) { mHasContent = std::move(hasContent); }
    /// Whether the scale bar was drawn in the last frame.
    bool scaleBarShown() const { return mScaleBar->getNumDrawables() > 0; }
    /// Shows or hides the legend (shown by default; a report's 3D frame has a legend of its own beside it).
    void setLegendShown(bool shown);
    /// Multiplies every size (text, arrow, bar, legend, margins) by scale: the scene's display scale (1 by default).
    void setScale(double scale);
    double scale() const { return mScale; }
    /// The legend's lines as last set.
    const std::vector<MapLegendEntry>& legend() const { return mLegendEntries; }
    /// The scale computed for the last frame drawn (for tests).
    const MapScale& lastScale() const { return mLastScale; }

private:
    class Updater;
    void buildArrow();
    void update(const MapScale& scale, const osg::Viewport& viewport);

    osg::ref_ptr<osg::Camera> mHud;
    osg::ref_ptr<osg::MatrixTransform> mArrow;
    osg::ref_ptr<osg::Geode> mScaleBar;
    osg::ref_ptr<osg::MatrixTransform> mLegend;
    std::vector<MapLegendEntry> mLegendEntries;
    MapScale mLastScale;
    double mDrawnBarPixels = -1.0;
    double mDrawnBarMetres = -1.0;
    double mTopInset = 0.0;
    double mRightInset = 0.0;
    double mBottomInset = 0.0;
    double mScale = 1.0;
    std::function<bool()> mHasContent;
};

} // namespace citytwin::scene
