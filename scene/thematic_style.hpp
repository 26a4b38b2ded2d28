#pragma once

#include "data/analysis/classification.hpp"

#include <osg/Vec4>

#include <string>
#include <vector>

namespace citytwin::data
{
struct VectorLayer;
}

namespace citytwin::scene
{

/// One line of a legend: a colour swatch and its text.
struct LegendEntry
{
    std::string label;
    osg::Vec4 color;
};

/// What a thematic style means: a title (the field) and one entry per class or category, in display order.
/// Labels are numbers and category values as found, plus the technical words "other" and "no data", which the app
/// translates.
struct Legend
{
    std::string title;
    std::vector<LegendEntry> entries;
};

/// Sequential colour ramps for graduated styles, from low values to high: light to dark, except Viridis (dark purple
/// to light yellow, readable in grey and by colour-blind viewers).
enum class ColorRamp
{
    YellowOrangeRed,
    Blues,
    Greens,
    Viridis,
};

/// The colour of features without a value.
inline const osg::Vec4 NoDataColor{0.62f, 0.62f, 0.62f, 1.0f};

/// Returns classes colours evenly spread along a ramp, the first its low end and the last its high end (one class
/// takes the middle of the ramp; fewer than one gives none). Opaque.
std::vector<osg::Vec4> rampColors(ColorRamp ramp, int classes);

/// The colour of every feature of a layer (in feature order, for setFeatureColors()) and the legend that explains it.
struct ThematicColors
{
    std::vector<osg::Vec4> perFeature;
    Legend legend;
};

/// Colours a layer by classes of a numeric field (data::classBreaks()): class i takes colour i of the ramp; the
/// legend has one entry per class labelled "low – high" (an en dash; numbers rounded to the precision the class
/// edges need), then "no data" in NoDataColor when any feature has no numeric value.
ThematicColors graduatedColors(const data::VectorLayer& layer, const std::string& field, int classes,
                               data::ClassMethod method, ColorRamp ramp);
/// As above, for values computed elsewhere (one per feature, NaN for none): an analysis result shown on its areas.
ThematicColors graduatedColors(const std::vector<double>& values, const std::string& title, int classes,
                               data::ClassMethod method, ColorRamp ramp);

/// Colours a layer by the text of a field, one colour of a 12-colour qualitative palette per category. Categories
/// are ordered by feature count (most first), then by text, so colours do not depend on feature order. With more
/// than 11 categories, the first 11 keep their own colours and the rest share the twelfth as "other". Features with
/// an empty value take NoDataColor ("no data", listed last).
ThematicColors categorizedColors(const data::VectorLayer& layer, const std::string& field);

} // namespace citytwin::scene
