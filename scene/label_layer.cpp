#include "label_layer.hpp"

#include "data/core/log.hpp"
#include "data/core/vector_layer.hpp"
#include "data/geo/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>

#include <osg/Group>
#include <osg/Viewport>
#include <osgDB/Options>
#include <osgText/Font>
#include <osgText/Text>
#include <osgUtil/CullVisitor>

namespace citytwin::scene
{
namespace
{
constexpr const char* LogCategory = "scene.labels";
/// Text is drawn this many pixels above its anchor.
constexpr float LiftPixels = 4.0f;
/// Draped labels float this high above the ground, metres.
constexpr double GroundLift = 3.0;
/// Labels are drawn after the scene's opaque (0) and transparent (10) bins.
constexpr int LabelRenderBin = 100;
/// Glyphs are rasterised at the drawn size plus this (texels): minified glyphs (OSG's default 32 for 14 px
/// text) come out blurred and faint.
constexpr unsigned int GlyphMargin = 2;
/// The halo's thickness, as a fraction of the average glyph size.
constexpr float HaloOffset = 0.08f;
/// Added to the radius of the anchors' bound (metres): a text's world size depends on the camera, and a lone
/// label must not fall to small-feature culling.
constexpr float BoundMargin = 50.0f;
/// Size estimates (in character heights) for texts the font cannot lay out.
constexpr double WideGlyphWidth = 1.0;
constexpr double NarrowGlyphWidth = 0.6;
constexpr double EstimatedLineHeight = 1.2;

struct FontFile
{
    const char* path;
    int face;
};

/// Known places of CJK fonts, best first. In the Noto Sans CJK collection face 2 is Simplified Chinese (face 0
/// is Japanese, which draws some hanzi in Japanese forms).
constexpr FontFile KnownFonts[] = {
    {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},   // Debian, Ubuntu: fonts-noto-cjk
    {"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2},        // Arch: noto-fonts-cjk
    {"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2}, // Fedora
    {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
    {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0},
    {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0},
};

struct LabelFont
{
    osg::ref_ptr<osgText::Font> font;
    std::string path;
};

LabelFont loadLabelFont()
{
    for (const FontFile& file : KnownFonts)
    {
        std::error_code error;
        if (!std::filesystem::is_regular_file(file.path, error))
            continue;
        osg::ref_ptr<osgDB::Options> options = new osgDB::Options;
        options->setPluginStringData("index", std::to_string(file.face));
        if (osg::ref_ptr<osgText::Font> font = osgText::readRefFontFile(file.path, options.get()))
        {
            data::log(data::LogLevel::Info, LogCategory, std::string("[LabelLayer] label font ") + file.path);
            return {font, file.path};
        }
        data::log(data::LogLevel::Warning, LogCategory, std::string("[LabelLayer] cannot load font ") + file.path);
    }
    data::log(data::LogLevel::Warning, LogCategory,
              "[LabelLayer] no CJK font found (install fonts-noto-cjk); Chinese labels will not show");
    return {};
}

/// Returns the font shared by every label, loaded on first use (thread-safe). It is never destroyed: at exit
/// the freetype plugin may already be gone when static destructors run.
const LabelFont& labelFont()
{
    static const LabelFont* font = new LabelFont(loadLabelFont());
    return *font;
}

/// A text lifted a few pixels above its anchor, which reports its drawn size in pixels.
class LabelText : public osgText::Text
{
public:
    LabelText() = default;
    LabelText(const LabelText& other, const osg::CopyOp& copy) : osgText::Text(other, copy) {}
    osg::Object* cloneType() const override { return new LabelText; }
    osg::Object* clone(const osg::CopyOp& copy) const override { return new LabelText(*this, copy); }

    /// Returns the size of the laid-out text box: with SCREEN_COORDS the (not normalised) layout is in pixels.
    osg::Vec2 pixelSize() const
    {
        if (!_textBB.valid())
            return {};
        return {_textBB.xMax() - _textBB.xMin(), _textBB.yMax() - _textBB.yMin()};
    }

protected:
    void computePositionsImplementation() override
    {
        osgText::Text::computePositionsImplementation();
        // The offset is subtracted from the layout before the pixel-to-world scale: this lifts the text.
        _offset.y() -= LiftPixels;
    }
};

/// Estimates a text's size for fonts without its glyphs: CJK and other wide characters one character height
/// wide, the rest 0.6.
osg::Vec2 estimatedSize(const osgText::String& text, float characterSize)
{
    double width = 0.0;
    for (unsigned int code : text)
        width += (code >= 0x2E80 ? WideGlyphWidth : NarrowGlyphWidth) * characterSize;
    return osg::Vec2(static_cast<float>(width), static_cast<float>(EstimatedLineHeight * characterSize));
}

/// The labels of one node: their texts as children, decluttered in every cull traversal.
class LabelGroup : public osg::Group
{
public:
    struct Entry
    {
        osg::Vec3 anchor;
        osg::Vec2 size;
        int priority = 0;
        std::size_t candidate = 0;
    };

    explicit LabelGroup(std::size_t budget) : mBudget(budget) {}
    LabelGroup(const LabelGroup& other, const osg::CopyOp& copy)
        : osg::Group(other, copy), mEntries(other.mEntries), mBudget(other.mBudget)
    {
    }
    osg::Object* cloneType() const override { return new LabelGroup(mBudget); }
    osg::Object* clone(const osg::CopyOp& copy) const override { return new LabelGroup(*this, copy); }

    void addLabel(osg::ref_ptr<LabelText> text, const Entry& entry)
    {
        mEntries.push_back(entry);
        addChild(text.get());
    }

    std::vector<std::size_t> lastPlaced() const
    {
        std::lock_guard lock(mMutex);
        return mLastPlaced;
    }

    void traverse(osg::NodeVisitor& visitor) override
    {
        if (visitor.getVisitorType() == osg::NodeVisitor::INTERSECTION_VISITOR)
            return;
        if (osgUtil::CullVisitor* cull = visitor.asCullVisitor())
            cullLabels(*cull);
        else
            osg::Group::traverse(visitor);
    }

    osg::BoundingSphere computeBound() const override
    {
        osg::BoundingSphere bound;
        for (const Entry& entry : mEntries)
            bound.expandBy(entry.anchor);
        if (bound.valid())
            bound.radius() += BoundMargin;
        return bound;
    }

private:
    /// Projects the anchors, declutters and culls only the placed texts. May run in several cull threads at
    /// once (one per camera): all per-frame state is local, and the record of the last frame is locked.
    void cullLabels(osgUtil::CullVisitor& cull)
    {
        const osg::Viewport* viewport = cull.getViewport();
        const osg::RefMatrix* modelView = cull.getModelViewMatrix();
        const osg::RefMatrix* projection = cull.getProjectionMatrix();
        if (!viewport || !modelView || !projection)
            return;
        const osg::Matrixd toClip = (*modelView) * (*projection);
        const std::size_t count = std::min(mEntries.size(), _children.size());
        std::vector<ScreenLabel> screen(count);
        for (std::size_t i = 0; i < count; ++i)
            screen[i] = project(mEntries[i], toClip, *viewport);
        std::vector<std::size_t> placed = placeLabels(screen, mBudget);
        for (std::size_t& index : placed)
        {
            _children[index]->accept(cull);
            index = mEntries[index].candidate;
        }
        std::lock_guard lock(mMutex);
        mLastPlaced = std::move(placed);
    }

    static ScreenLabel project(const Entry& entry, const osg::Matrixd& toClip, const osg::Viewport& viewport)
    {
        ScreenLabel label;
        label.width = entry.size.x();
        label.height = entry.size.y();
        label.priority = entry.priority;
        const osg::Vec4d clip = osg::Vec4d(osg::Vec3d(entry.anchor), 1.0) * toClip;
        if (!(clip.w() > 0.0)) // behind the eye (or degenerate)
            return label;
        label.x = viewport.x() + (clip.x() / clip.w() + 1.0) * 0.5 * viewport.width();
        label.y =
            viewport.y() + (clip.y() / clip.w() + 1.0) * 0.5 * viewport.height() + LiftPixels + 0.5 * label.height;
        label.visible = label.x + 0.5 * label.width > viewport.x() &&
                        label.x - 0.5 * label.width < viewport.x() + viewport.width() &&
                        label.y + 0.5 * label.height > viewport.y() &&
                        label.y - 0.5 * label.height < viewport.y() + viewport.height();
        return label;
    }

    std::vector<Entry> mEntries;
    std::size_t mBudget;
    mutable std::mutex mMutex;
    std::vector<std::size_t> mLastPlaced;
};

osg::ref_ptr<LabelText> makeText(const std::string& utf8, const osg::Vec3& position, const LabelStyle& style)
{
    osg::ref_ptr<LabelText> text = new LabelText;
    if (osgText::Font* font = labelFont().font.get())
        text->setFont(font);
    const float size = style.characterSizePixels > 1.0f ? std::min(style.characterSizePixels, 256.0f) : 1.0f;
    const auto resolution = static_cast<unsigned int>(std::ceil(size)) + GlyphMargin;
    text->setFontResolution(resolution, resolution);
    text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
    text->setCharacterSize(style.characterSizePixels);
    text->setAxisAlignment(osgText::Text::SCREEN);
    text->setAlignment(osgText::Text::CENTER_BOTTOM);
    text->setColor(style.color);
    text->setBackdropType(osgText::Text::OUTLINE);
    text->setBackdropOffset(HaloOffset);
    text->setBackdropColor(style.haloColor);
    text->setPosition(position);
    text->setText(utf8, osgText::String::ENCODING_UTF8);
    text->setDataVariance(osg::Object::STATIC);
    // Visibility is decided by the group (placeLabels); a text's own bound lags one frame behind the camera.
    text->setCullingActive(false);
    return text;
}

/// A screen rectangle, pixels.
struct Rectangle
{
    double minX, minY, maxX, maxY;

    bool overlaps(const Rectangle& other) const
    {
        return minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY;
    }
};

Rectangle rectangleOf(const ScreenLabel& label, double padding)
{
    const double halfWidth = 0.5 * label.width + padding;
    const double halfHeight = 0.5 * label.height + padding;
    return {label.x - halfWidth, label.y - halfHeight, label.x + halfWidth, label.y + halfHeight};
}

/// A uniform grid of buckets over screen rectangles: each placed rectangle is listed in every cell it touches, so
/// an overlap test looks at the few rectangles near the query only.
class BucketGrid
{
public:
    /// Covers bounds with square cells of about cellSize, at most about four cells per label.
    BucketGrid(const Rectangle& bounds, double cellSize, std::size_t labelCount)
        : mMinX(bounds.minX), mMinY(bounds.minY)
    {
        mCellSize = std::max(cellSize, 1.0);
        const double maximumCells = std::max(64.0, 4.0 * static_cast<double>(labelCount));
        const double width = bounds.maxX - bounds.minX;
        const double height = bounds.maxY - bounds.minY;
        while ((width / mCellSize + 1.0) * (height / mCellSize + 1.0) > maximumCells)
            mCellSize *= 2.0;
        mColumns = static_cast<int>(width / mCellSize) + 1;
        mRows = static_cast<int>(height / mCellSize) + 1;
        mCells.resize(static_cast<std::size_t>(mColumns) * static_cast<std::size_t>(mRows));
    }

    bool overlapsAny(const Rectangle& query, const std::vector<Rectangle>& placed) const
    {
        const auto [column0, row0, column1, row1] = cellRange(query);
        for (int row = row0; row <= row1; ++row)
            for (int column = column0; column <= column1; ++column)
                for (std::uint32_t id : mCells[cellIndex(column, row)])
                    if (query.overlaps(placed[id]))
                        return true;
        return false;
    }

    void insert(const Rectangle& rectangle, std::uint32_t id)
    {
        const auto [column0, row0, column1, row1] = cellRange(rectangle);
        for (int row = row0; row <= row1; ++row)
            for (int column = column0; column <= column1; ++column)
                mCells[cellIndex(column, row)].push_back(id);
    }

private:
    struct CellRange
    {
        int column0, row0, column1, row1;
    };

    int clampedCell(double offset, int count) const
    {
        return std::clamp(static_cast<int>(std::floor(offset / mCellSize)), 0, count - 1);
    }
    CellRange cellRange(const Rectangle& r) const
    {
        return {clampedCell(r.minX - mMinX, mColumns), clampedCell(r.minY - mMinY, mRows),
                clampedCell(r.maxX - mMinX, mColumns), clampedCell(r.maxY - mMinY, mRows)};
    }
    std::size_t cellIndex(int column, int row) const
    {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(mColumns) + static_cast<std::size_t>(column);
    }

    double mMinX;
    double mMinY;
    double mCellSize = 1.0;
    int mColumns = 1;
    int mRows = 1;
    std::vector<std::vector<std::uint32_t>> mCells;
};

bool isPlaceable(const ScreenLabel& label)
{
    return label.visible && std::isfinite(label.x) && std::isfinite(label.y) && std::isfinite(label.width) &&
           std::isfinite(label.height) && label.width >= 0.0 && label.height >= 0.0;
}

// ---- anchors -------------------------------------------------------------------------------------------------

osg::Vec2d vertexAverage(const data::Ring& ring)
{
    osg::Vec2d sum;
    for (const data::Position& p : ring)
        sum += osg::Vec2d(p.x, p.y);
    return sum / static_cast<double>(ring.size());
}

/// The area-weighted centroid of a ring; its vertex average when it has no area.
osg::Vec2d centroid(const data::Ring& ring)
{
    if (const auto center = data::ringCentroid(ring))
        return {center->x, center->y};
    return vertexAverage(ring);
}

bool insidePolygon(const data::Polygon& polygon, double x, double y)
{
    if (!data::pointInRing(polygon.rings.front(), x, y))
        return false;
    return std::none_of(polygon.rings.begin() + 1, polygon.rings.end(),
                        [&](const data::Ring& hole) { return hole.size() >= 3 && data::pointInRing(hole, x, y); });
}

/// Returns the middle of the widest inside span of the horizontal line at y (holes included), if any.
std::optional<osg::Vec2d> widestSpanMiddle(const data::Polygon& polygon, double y)
{
    std::vector<double> crossings;
    for (const data::Ring& ring : polygon.rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            if ((ring[i].y > y) != (ring[j].y > y))
                crossings.push_back(data::edgeCrossingX(y, ring[i].x, ring[i].y, ring[j].x, ring[j].y));
    std::sort(crossings.begin(), crossings.end());
    std::optional<osg::Vec2d> best;
    double bestWidth = 0.0;
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2)
    {
        if (crossings[i + 1] - crossings[i] > bestWidth)
        {
            bestWidth = crossings[i + 1] - crossings[i];
            best = osg::Vec2d(0.5 * (crossings[i] + crossings[i + 1]), y);
        }
    }
    return best;
}

std::optional<osg::Vec2d> polygonAnchor(const std::vector<data::Polygon>& polygons)
{
    const data::Polygon* largest = nullptr;
    double largestArea = -1.0;
    for (const data::Polygon& polygon : polygons)
    {
        if (polygon.rings.empty() || polygon.rings.front().size() < 3)
            continue;
        const double area = std::abs(data::signedArea(polygon.rings.front()));
        if (area > largestArea)
        {
            largestArea = area;
            largest = &polygon;
        }
    }
    if (!largest)
        return std::nullopt;
    const data::Ring& outer = largest->rings.front();
    const osg::Vec2d center = centroid(outer);
    if (insidePolygon(*largest, center.x(), center.y()))
        return center;
    // Concave (an L or U shape) or holed: the centroid can fall outside. Try the line through it, then the
    // line halfway up the ring's extent.
    if (auto middle = widestSpanMiddle(*largest, center.y()))
        return middle;
    const auto [low, high] =
        std::minmax_element(outer.begin(), outer.end(), [](const auto& a, const auto& b) { return a.y < b.y; });
    if (auto middle = widestSpanMiddle(*largest, 0.5 * (low->y + high->y)))
        return middle;
    return vertexAverage(outer);
}

/// Returns the point halfway along the longest part of a line.
std::optional<osg::Vec2d> lineAnchor(const std::vector<data::Ring>& lines)
{
    const data::Ring* longest = nullptr;
    double longestLength = -1.0;
    for (const data::Ring& line : lines)
    {
        double length = 0.0;
        for (std::size_t i = 1; i < line.size(); ++i)
            length += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (!line.empty() && length > longestLength)
        {
            longestLength = length;
            longest = &line;
        }
    }
    if (!longest)
        return std::nullopt;
    double remaining = 0.5 * longestLength;
    for (std::size_t i = 1; i < longest->size(); ++i)
    {
        const data::Position& a = (*longest)[i - 1];
        const data::Position& b = (*longest)[i];
        const double step = std::hypot(b.x - a.x, b.y - a.y);
        if (step > 0.0 && remaining <= step)
            return osg::Vec2d(a.x + (b.x - a.x) * remaining / step, a.y + (b.y - a.y) * remaining / step);
        remaining -= step;
    }
    return osg::Vec2d(longest->front().x, longest->front().y);
}

std::optional<osg::Vec2d> featureAnchor(const data::Feature& feature)
{
    if (auto anchor = polygonAnchor(feature.polygons))
        return anchor;
    if (auto anchor = lineAnchor(feature.lines))
        return anchor;
    if (!feature.points.empty())
        return osg::Vec2d(feature.points.front().x, feature.points.front().y);
    return std::nullopt;
}
} // namespace

std::vector<std::size_t> placeLabels(const std::vector<ScreenLabel>& labels, std::size_t budget)
{
    std::vector<std::size_t> order;
    Rectangle bounds{0.0, 0.0, 0.0, 0.0};
    double sizeSum = 0.0;
    for (std::size_t i = 0; i < labels.size(); ++i)
    {
        if (!isPlaceable(labels[i]))
            continue;
        const Rectangle r = rectangleOf(labels[i], LabelPaddingPixels);
        bounds = order.empty() ? r
                               : Rectangle{std::min(bounds.minX, r.minX), std::min(bounds.minY, r.minY),
                                           std::max(bounds.maxX, r.maxX), std::max(bounds.maxY, r.maxY)};
        sizeSum += std::max(r.maxX - r.minX, r.maxY - r.minY);
        order.push_back(i);
    }
    if (order.empty() || budget == 0)
        return {};
    // Stable: equal priorities keep index order.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return labels[a].priority > labels[b].priority; });

    BucketGrid grid(bounds, sizeSum / static_cast<double>(order.size()), order.size());
    std::vector<Rectangle> placedRectangles;
    std::vector<std::size_t> placed;
    for (std::size_t index : order)
    {
        // The grown rectangle is tested against the placed ones as they are: gaps are at least the padding.
        if (grid.overlapsAny(rectangleOf(labels[index], LabelPaddingPixels), placedRectangles))
            continue;
        grid.insert(rectangleOf(labels[index], 0.0), static_cast<std::uint32_t>(placedRectangles.size()));
        placedRectangles.push_back(rectangleOf(labels[index], 0.0));
        placed.push_back(index);
        if (placed.size() == budget)
            break;
    }
    return placed;
}

osg::ref_ptr<osg::Node> buildLabelNode(std::vector<LabelCandidate> labels, const osg::Vec3d& sceneOrigin,
                                       const LabelStyle& style)
{
    osg::ref_ptr<LabelGroup> group = new LabelGroup(style.budget);
    group->setName("citytwin.labels");
    for (std::size_t i = 0; i < labels.size(); ++i)
    {
        if (labels[i].text.empty())
            continue;
        const osg::Vec3 anchor(labels[i].world - sceneOrigin);
        osg::ref_ptr<LabelText> text = makeText(labels[i].text, anchor, style);
        osg::Vec2 size = text->pixelSize();
        if (!(size.x() > 0.0f && size.y() > 0.0f))
            size = estimatedSize(text->getText(), style.characterSizePixels);
        group->addLabel(text, {anchor, size, labels[i].priority, i});
    }
    osg::StateSet* state = group->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setRenderBinDetails(LabelRenderBin, "RenderBin", osg::StateSet::OVERRIDE_RENDERBIN_DETAILS);
    return group;
}

std::vector<std::size_t> lastPlacedLabels(const osg::Node& labelNode)
{
    const auto* group = dynamic_cast<const LabelGroup*>(&labelNode);
    return group ? group->lastPlaced() : std::vector<std::size_t>{};
}

std::size_t lastPlacedCount(const osg::Node& labelNode)
{
    return lastPlacedLabels(labelNode).size();
}

std::vector<LabelCandidate> labelsForLayer(const data::VectorLayer& layer, const std::string& field, int priority,
                                           const std::function<double(double, double)>& groundHeight)
{
    std::vector<LabelCandidate> labels;
    const auto column = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field);
    if (column == layer.fieldNames.end())
        return labels;
    const auto fieldIndex = static_cast<std::size_t>(column - layer.fieldNames.begin());
    for (const data::Feature& feature : layer.features)
    {
        if (fieldIndex >= feature.values.size() || feature.values[fieldIndex].empty())
            continue;
        const std::optional<osg::Vec2d> anchor = featureAnchor(feature);
        if (!anchor)
            continue;
        double z = 0.0;
        if (groundHeight)
        {
            const double ground = groundHeight(anchor->x(), anchor->y());
            z = (std::isfinite(ground) ? ground : 0.0) + GroundLift;
        }
        labels.push_back({feature.values[fieldIndex], osg::Vec3d(anchor->x(), anchor->y(), z), priority});
    }
    return labels;
}

std::string labelFontPath()
{
    return labelFont().path;
}

} // namespace citytwin::scene
