#include "map_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <osg/BlendFunc>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osgText/Text>
#include <osgUtil/CullVisitor>

namespace citytwin::scene
{
namespace
{
constexpr float TextSize = 14.0f;
constexpr float Margin = 16.0f;
/// The scale bar's longest length, in overlay units (pixels at scale 1).
constexpr double BarPixels = 120.0;

/// The font for overlay text: Noto Sans CJK when installed (Chinese legend labels), else OSG's own.
osg::ref_ptr<osgText::Font> overlayFont()
{
    static osg::ref_ptr<osgText::Font> font = []
    {
        for (const char* path : {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                                 "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
                                 "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"})
            if (std::ifstream(path).good())
                if (osg::ref_ptr<osgText::Font> found = osgText::readRefFontFile(path))
                    return found;
        return osgText::Font::getDefaultFont();
    }();
    return font;
}

/// A text of TextSize units in an overlay drawn at scale (its glyphs rasterised for the pixels it covers).
osg::ref_ptr<osgText::Text> makeText(const std::string& text, const osg::Vec3& position,
                                     osgText::Text::AlignmentType alignment, double scale)
{
    osg::ref_ptr<osgText::Text> label = new osgText::Text;
    label->setFont(overlayFont());
    label->setCharacterSize(TextSize);
    const auto resolution = static_cast<unsigned int>(std::max(32.0, std::ceil(TextSize * scale) + 4.0));
    label->setFontResolution(resolution, resolution);
    label->setColor(osg::Vec4(1.0f, 1.0f, 1.0f, 1.0f));
    label->setBackdropType(osgText::Text::OUTLINE);
    label->setBackdropColor(osg::Vec4(0.0f, 0.0f, 0.0f, 0.85f));
    label->setAlignment(alignment);
    label->setPosition(position);
    label->setText(text, osgText::String::ENCODING_UTF8);
    label->setDataVariance(osg::Object::DYNAMIC);
    return label;
}

osg::ref_ptr<osg::Geometry> makeShape(GLenum mode, const std::vector<osg::Vec3>& points, const osg::Vec4& color)
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false); // buffer objects, as the rest of the scene: off-screen renders change context
    geometry->setUseVertexBufferObjects(true);
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array(points.begin(), points.end());
    geometry->setVertexArray(vertices.get());
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    colors->push_back(color);
    geometry->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(new osg::DrawArrays(mode, 0, static_cast<GLsizei>(points.size())));
    geometry->setDataVariance(osg::Object::DYNAMIC);
    return geometry;
}
} // namespace

double roundScaleLength(double maxMetres)
{
    if (!(maxMetres > 0.0))
        return 0.0;
    const double power = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= maxMetres * (1.0 + 1e-9))
            return step * power;
    return power;
}

std::string scaleLabel(double metres)
{
    char text[32];
    if (metres >= 1000.0)
        std::snprintf(text, sizeof text, "%g km", metres / 1000.0);
    else
        std::snprintf(text, sizeof text, "%g m", metres);
    return text;
}

MapScale computeMapScale(const osg::Matrixd& view, const osg::Matrixd& projection, const osg::Viewport& viewport,
                         double groundZ, double targetPixels)
{
    MapScale scale;
    const osg::Matrixd toWindow = view * projection * viewport.computeWindowMatrix();
    const osg::Matrixd toWorld = osg::Matrixd::inverse(toWindow);
    const double cx = viewport.x() + viewport.width() / 2.0, cy = viewport.y() + viewport.height() / 2.0;
    const osg::Vec3d nearPoint = osg::Vec3d(cx, cy, 0.0) * toWorld, farPoint = osg::Vec3d(cx, cy, 1.0) * toWorld;
    const osg::Vec3d ray = farPoint - nearPoint;
    osg::Vec3d ground;
    if (std::abs(ray.z()) > 1e-12)
    {
        const double t = (groundZ - nearPoint.z()) / ray.z();
        if (t < 0.0)
            return scale; // looking away from the ground
        ground = nearPoint + ray * t;
    }
    const osg::Vec3d centre = ground * toWindow;
    const osg::Vec3d east = (ground + osg::Vec3d(1.0, 0.0, 0.0)) * toWindow - centre;
    const osg::Vec3d north = (ground + osg::Vec3d(0.0, 1.0, 0.0)) * toWindow - centre;
    const double pixelsPerMetre = osg::Vec2d(east.x(), east.y()).length();
    if (pixelsPerMetre <= 0.0)
        return scale;
    scale.metresPerPixel = 1.0 / pixelsPerMetre;
    scale.northAngle = std::atan2(-north.x(), north.y());
    scale.barMetres = roundScaleLength(targetPixels * scale.metresPerPixel);
    scale.barPixels = scale.barMetres * pixelsPerMetre;
    return scale;
}

/// Runs in the cull traversal with the rendering camera's matrices, before the overlay's own camera.
class MapOverlay::Updater : public osg::NodeCallback
{
public:
    void operator()(osg::Node* node, osg::NodeVisitor* visitor) override
    {
        auto* overlay = static_cast<MapOverlay*>(node);
        if (auto* cull = dynamic_cast<osgUtil::CullVisitor*>(visitor); cull && cull->getViewport())
        {
            const osg::Viewport& viewport = *cull->getViewport();
            overlay->update(computeMapScale(*cull->getModelViewMatrix(), *cull->getProjectionMatrix(), viewport, 0.0,
                                            BarPixels * overlay->scale()),
                            viewport);
        }
        traverse(node, visitor);
    }
};

MapOverlay::MapOverlay()
    : mHud(new osg::Camera), mArrow(new osg::MatrixTransform), mScaleBar(new osg::Geode),
      mLegend(new osg::MatrixTransform)
{
    setName("citytwin.overlay");
    mHud->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    mHud->setRenderOrder(osg::Camera::POST_RENDER);
    mHud->setClearMask(0);
    mHud->setAllowEventFocus(false);
    mHud->setViewMatrix(osg::Matrixd::identity());
    mHud->setProjectionMatrixAsOrtho2D(0, 100, 0, 100);
    osg::StateSet* state = mHud->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state->setRenderBinDetails(100, "RenderBin");

    buildArrow();
    mHud->addChild(mArrow.get());
    mHud->addChild(mScaleBar.get());
    mHud->addChild(mLegend.get());
    addChild(mHud.get());
    setCullCallback(new Updater);
    setCullingActive(false);
}

void MapOverlay::buildArrow()
{
    // The north arrow: a white and grey dart with an N above it, rotated each frame.
    osg::ref_ptr<osg::Geode> arrow = new osg::Geode;
    arrow->addDrawable(makeShape(GL_TRIANGLES, {{0, 22, 0}, {-9, -12, 0}, {0, -5, 0}}, {1.0f, 1.0f, 1.0f, 0.95f}));
    arrow->addDrawable(makeShape(GL_TRIANGLES, {{0, 22, 0}, {0, -5, 0}, {9, -12, 0}}, {0.55f, 0.58f, 0.62f, 0.95f}));
    arrow->addDrawable(makeText("N", osg::Vec3(0, 26, 0), osgText::Text::CENTER_BOTTOM, mScale));
    mArrow->removeChildren(0, mArrow->getNumChildren());
    mArrow->addChild(arrow.get());
}

void MapOverlay::setLegendShown(bool shown)
{
    mLegend->setNodeMask(shown ? ~0u : 0u);
}

void MapOverlay::setScale(double scale)
{
    if (!(scale > 0.0) || scale == mScale)
        return;
    mScale = scale;
    buildArrow();
    setLegend(std::vector<MapLegendEntry>(mLegendEntries));
    mDrawnBarPixels = -1.0;
}

void MapOverlay::setLegend(const std::vector<MapLegendEntry>& entries)
{
    mLegendEntries = entries;
    mLegend->removeChildren(0, mLegend->getNumChildren());
    if (entries.empty())
        return;
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    const float row = TextSize + 8.0f;
    const float height = row * static_cast<float>(entries.size()) + 10.0f;
    // A dark panel behind the lines.
    geode->addDrawable(makeShape(GL_QUADS, {{-8, 8, 0}, {200, 8, 0}, {200, -height, 0}, {-8, -height, 0}},
                                 {0.08f, 0.10f, 0.14f, 0.7f}));
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const float y = -row * static_cast<float>(i + 1);
        geode->addDrawable(
            makeShape(GL_QUADS, {{0, y, 0}, {14, y, 0}, {14, y + 14, 0}, {0, y + 14, 0}}, entries[i].color));
        geode->addDrawable(makeText(entries[i].label, osg::Vec3(22, y + 1, 0), osgText::Text::LEFT_BOTTOM, mScale));
    }
    mLegend->addChild(geode.get());
}

void MapOverlay::setInsets(double top, double right, double bottom)
{
    if (top == mTopInset && right == mRightInset && bottom == mBottomInset)
        return;
    mTopInset = top;
    mRightInset = right;
    mBottomInset = bottom;
    mDrawnBarPixels = -1.0; // the scale bar is rebuilt where it now goes
}

void MapOverlay::update(const MapScale& scale, const osg::Viewport& viewport)
{
    mLastScale = scale;
    // Overlay units: pixels over the scale, so that everything below grows with it.
    const double width = viewport.width() / mScale, height = viewport.height() / mScale;
    mHud->setProjectionMatrixAsOrtho2D(0, width, 0, height);
    mArrow->setMatrix(
        osg::Matrixd::rotate(scale.northAngle, osg::Vec3d(0, 0, 1)) *
        osg::Matrixd::translate(width - Margin - 20.0, height - Margin - 40.0 - mRightInset / mScale, 0.0));
    mLegend->setMatrix(osg::Matrixd::translate(Margin + 8.0, height - Margin - 4.0 - mTopInset / mScale, 0.0));
    // The scale bar: a bar and its length, bottom left; rebuilt only when it changes; none over a view of nothing.
    if (mHasContent && !mHasContent())
    {
        mScaleBar->removeDrawables(0, mScaleBar->getNumDrawables());
        mDrawnBarPixels = mDrawnBarMetres = -1.0;
        return;
    }
    if (std::abs(scale.barPixels - mDrawnBarPixels) < 0.5 && scale.barMetres == mDrawnBarMetres)
        return;
    mDrawnBarPixels = scale.barPixels;
    mDrawnBarMetres = scale.barMetres;
    mScaleBar->removeDrawables(0, mScaleBar->getNumDrawables());
    if (scale.barPixels > 0.0)
    {
        const float x0 = Margin, x1 = Margin + static_cast<float>(scale.barPixels / mScale),
                    y = Margin + 4.0f + static_cast<float>(mBottomInset / mScale);
        mScaleBar->addDrawable(
            makeShape(GL_QUADS, {{x0 - 1, y - 5, 0}, {x1 + 1, y - 5, 0}, {x1 + 1, y + 5, 0}, {x0 - 1, y + 5, 0}},
                      {0.0f, 0.0f, 0.0f, 0.55f}));
        mScaleBar->addDrawable(makeShape(GL_QUADS, {{x0, y - 2, 0}, {x1, y - 2, 0}, {x1, y + 2, 0}, {x0, y + 2, 0}},
                                         {1.0f, 1.0f, 1.0f, 1.0f}));
        mScaleBar->addDrawable(makeText(scaleLabel(scale.barMetres), osg::Vec3((x0 + x1) / 2.0f, y + 8.0f, 0.0f),
                                        osgText::Text::CENTER_BOTTOM, mScale));
    }
}

} // namespace citytwin::scene
