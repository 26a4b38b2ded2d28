#include "thematic_style.hpp"

#include "data/core/field_values.hpp"
#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <map>
#include <utility>

namespace citytwin::scene
{
namespace
{
constexpr const char* NoDataLabel = "no data";
constexpr const char* OtherLabel = "other";
constexpr const char* EnDash = " \xE2\x80\x93 "; // U+2013 EN DASH in UTF-8
/// Categories beyond this many (by count) share the last palette colour as "other".
constexpr std::size_t MaximumCategories = 11;

/// Qualitative palette: eleven well-separated hues for categories, then a muted sand for "other" (kept apart from
/// the grey of NoDataColor).
const std::array<osg::Vec4, MaximumCategories + 1> CategoryPalette{{
    {0.89f, 0.26f, 0.20f, 1.0f}, // red
    {0.22f, 0.49f, 0.78f, 1.0f}, // blue
    {0.30f, 0.69f, 0.29f, 1.0f}, // green
    {0.98f, 0.60f, 0.12f, 1.0f}, // orange
    {0.56f, 0.36f, 0.72f, 1.0f}, // purple
    {0.13f, 0.74f, 0.78f, 1.0f}, // cyan
    {0.96f, 0.87f, 0.22f, 1.0f}, // yellow
    {0.94f, 0.48f, 0.72f, 1.0f}, // pink
    {0.60f, 0.38f, 0.18f, 1.0f}, // brown
    {0.66f, 0.86f, 0.33f, 1.0f}, // lime
    {0.16f, 0.26f, 0.52f, 1.0f}, // navy
    {0.80f, 0.72f, 0.58f, 1.0f}, // other: sand
}};

/// Anchor colours of a ramp, evenly spaced from its low end to its high end.
std::vector<osg::Vec4> rampAnchors(ColorRamp ramp)
{
    switch (ramp)
    {
    case ColorRamp::YellowOrangeRed:
        return {{1.00f, 0.98f, 0.78f, 1.0f},
                {0.99f, 0.80f, 0.38f, 1.0f},
                {0.97f, 0.52f, 0.20f, 1.0f},
                {0.89f, 0.20f, 0.14f, 1.0f},
                {0.65f, 0.02f, 0.15f, 1.0f}};
    case ColorRamp::Blues:
        return {{0.93f, 0.96f, 0.99f, 1.0f},
                {0.62f, 0.79f, 0.89f, 1.0f},
                {0.26f, 0.57f, 0.78f, 1.0f},
                {0.04f, 0.27f, 0.58f, 1.0f}};
    case ColorRamp::Greens:
        return {{0.93f, 0.97f, 0.91f, 1.0f},
                {0.63f, 0.85f, 0.60f, 1.0f},
                {0.25f, 0.64f, 0.35f, 1.0f},
                {0.02f, 0.36f, 0.16f, 1.0f}};
    case ColorRamp::Viridis:
        // Samples of matplotlib's viridis at 0, 1/4, 1/2, 3/4 and 1.
        return {{0.267f, 0.005f, 0.329f, 1.0f},
                {0.229f, 0.322f, 0.545f, 1.0f},
                {0.128f, 0.567f, 0.551f, 1.0f},
                {0.369f, 0.789f, 0.383f, 1.0f},
                {0.993f, 0.906f, 0.144f, 1.0f}};
    }
    return {{0.5f, 0.5f, 0.5f, 1.0f}, {0.5f, 0.5f, 0.5f, 1.0f}};
}

/// Returns the ramp colour at t in [0, 1], linear between anchors.
osg::Vec4 rampColorAt(const std::vector<osg::Vec4>& anchors, double t)
{
    const double position = std::clamp(t, 0.0, 1.0) * static_cast<double>(anchors.size() - 1);
    const auto below = std::min(static_cast<std::size_t>(position), anchors.size() - 2);
    const auto fraction = static_cast<float>(position - static_cast<double>(below));
    return anchors[below] * (1.0f - fraction) + anchors[below + 1] * fraction;
}

/// Writes value with at most decimals decimals, without trailing zeros, locale-independent ("12", "0.25", "-3.5").
std::string formatNumber(double value, int decimals)
{
    std::array<char, 64> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals);
    std::string text(buffer.data(), result.ptr);
    if (text.find('.') != std::string::npos)
    {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

/// Returns how many decimals the edges need: as few as show every edge exactly, but no more than about four
/// significant digits of the range (natural-break and quantile edges are midpoints with long fractions), and enough
/// that adjacent edges read differently.
int decimalsFor(const std::vector<double>& edges)
{
    constexpr int MostDecimals = 12;
    const double range = edges.back() - edges.front();
    const double scale = range > 0.0 ? range : std::max(std::abs(edges.front()), 1e-12);
    const int cap = std::clamp(3 - static_cast<int>(std::floor(std::log10(scale))), 0, MostDecimals);
    const auto exactWith = [&](int decimals)
    {
        const double factor = std::pow(10.0, decimals);
        return std::all_of(edges.begin(), edges.end(),
                           [&](double edge)
                           { return std::abs(std::round(edge * factor) / factor - edge) <= 1e-9 * scale; });
    };
    const auto distinctWith = [&](int decimals)
    {
        for (std::size_t i = 1; i < edges.size(); ++i)
            if (edges[i] != edges[i - 1] && formatNumber(edges[i], decimals) == formatNumber(edges[i - 1], decimals))
                return false;
        return true;
    };
    int decimals = 0;
    while (decimals < cap && !exactWith(decimals))
        ++decimals;
    while (decimals < MostDecimals && !distinctWith(decimals))
        ++decimals;
    return decimals;
}

/// Returns the text of each feature in a field ("" for NULL or when the layer has no such field).
std::vector<std::string> fieldTexts(const data::VectorLayer& layer, const std::string& field)
{
    std::vector<std::string> texts(layer.features.size());
    const auto found = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field);
    if (found == layer.fieldNames.end())
        return texts;
    const auto index = static_cast<std::size_t>(found - layer.fieldNames.begin());
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (index < layer.features[i].values.size())
            texts[i] = layer.features[i].values[index];
    return texts;
}
} // namespace

std::vector<osg::Vec4> rampColors(ColorRamp ramp, int classes)
{
    const std::vector<osg::Vec4> anchors = rampAnchors(ramp);
    std::vector<osg::Vec4> colors;
    for (int i = 0; i < classes; ++i)
        colors.push_back(rampColorAt(anchors, classes == 1 ? 0.5 : static_cast<double>(i) / (classes - 1)));
    return colors;
}

ThematicColors graduatedColors(const data::VectorLayer& layer, const std::string& field, int classes,
                               data::ClassMethod method, ColorRamp ramp)
{
    return graduatedColors(data::numericValues(layer, field), field, classes, method, ramp);
}

ThematicColors graduatedColors(const std::vector<double>& values, const std::string& title, int classes,
                               data::ClassMethod method, ColorRamp ramp)
{
    const std::vector<double> edges = data::classBreaks(values, classes, method);
    const int classCount = edges.size() < 2 ? 0 : static_cast<int>(edges.size()) - 1;
    const std::vector<osg::Vec4> colors = rampColors(ramp, classCount);

    ThematicColors result;
    result.legend.title = title;
    bool anyWithoutValue = false;
    result.perFeature.reserve(values.size());
    for (double value : values)
    {
        const int index = data::classOf(value, edges);
        anyWithoutValue = anyWithoutValue || index < 0;
        result.perFeature.push_back(index < 0 ? NoDataColor : colors[static_cast<std::size_t>(index)]);
    }

    const int decimals = classCount > 0 ? decimalsFor(edges) : 0;
    for (int i = 0; i < classCount; ++i)
    {
        const std::string low = formatNumber(edges[static_cast<std::size_t>(i)], decimals);
        const std::string high = formatNumber(edges[static_cast<std::size_t>(i) + 1], decimals);
        result.legend.entries.push_back({low == high ? low : low + EnDash + high, colors[static_cast<std::size_t>(i)]});
    }
    if (anyWithoutValue)
        result.legend.entries.push_back({NoDataLabel, NoDataColor});
    return result;
}

ThematicColors categorizedColors(const data::VectorLayer& layer, const std::string& field)
{
    const std::vector<std::string> texts = fieldTexts(layer, field);
    std::map<std::string, std::size_t> counts;
    for (const std::string& text : texts)
        if (!text.empty())
            ++counts[text];

    std::vector<std::pair<std::string, std::size_t>> categories(counts.begin(), counts.end());
    // counts is ordered by text, so a stable sort by count keeps ties in text order.
    std::stable_sort(categories.begin(), categories.end(),
                     [](const auto& left, const auto& right) { return left.second > right.second; });
    const bool withOther = categories.size() > MaximumCategories;
    const osg::Vec4 otherColor = CategoryPalette[MaximumCategories];

    ThematicColors result;
    result.legend.title = field;
    std::map<std::string, osg::Vec4> colorOf;
    for (std::size_t i = 0; i < categories.size() && i < MaximumCategories; ++i)
    {
        colorOf.emplace(categories[i].first, CategoryPalette[i]);
        result.legend.entries.push_back({categories[i].first, CategoryPalette[i]});
    }
    if (withOther)
        result.legend.entries.push_back({OtherLabel, otherColor});

    bool anyWithoutValue = false;
    result.perFeature.reserve(texts.size());
    for (const std::string& text : texts)
    {
        anyWithoutValue = anyWithoutValue || text.empty();
        const auto found = colorOf.find(text);
        result.perFeature.push_back(text.empty() ? NoDataColor : found != colorOf.end() ? found->second : otherColor);
    }
    if (anyWithoutValue)
        result.legend.entries.push_back({NoDataLabel, NoDataColor});
    return result;
}

} // namespace citytwin::scene
