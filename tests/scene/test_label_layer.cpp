#include "data/core/vector_layer.hpp"
#include "scene/label_layer.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/view_defaults.hpp"

#include "common/required_data.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>

#include <osg/Geometry>
#include <osg/Group>
#include <osg/Viewport>
#include <osgText/Font>
#include <osgText/Text>
#include <osgUtil/CullVisitor>
#include <osgUtil/RenderStage>
#include <osgUtil/StateGraph>

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QTest>

using namespace citytwin;

namespace
{
constexpr int ImageWidth = 640;
constexpr int ImageHeight = 480;
constexpr const char* NotoCjkPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const osg::Vec3d Origin(600000.0, 4391000.0, 0.0);

scene::ScreenLabel screenLabel(double x, double y, double width, double height, int priority, bool visible = true)
{
    return {x, y, width, height, priority, visible};
}

bool overlap(const scene::ScreenLabel& a, const scene::ScreenLabel& b, double grow)
{
    return std::abs(a.x - b.x) < 0.5 * (a.width + b.width) + grow &&
           std::abs(a.y - b.y) < 0.5 * (a.height + b.height) + grow;
}

/// The same greedy placement as placeLabels, by brute force (all pairs), as a reference.
std::vector<std::size_t> bruteForcePlacement(const std::vector<scene::ScreenLabel>& labels, std::size_t budget)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i].visible)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return labels[a].priority > labels[b].priority; });
    std::vector<std::size_t> placed;
    for (std::size_t index : order)
    {
        if (placed.size() == budget)
            break;
        if (std::none_of(placed.begin(), placed.end(),
                         [&](std::size_t other)
                         { return overlap(labels[index], labels[other], scene::LabelPaddingPixels); }))
            placed.push_back(index);
    }
    return placed;
}

std::vector<scene::ScreenLabel> randomLabels(std::size_t count, unsigned int seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> x(0.0, 1920.0), y(0.0, 1080.0), width(20.0, 160.0), height(12.0, 24.0);
    std::uniform_int_distribution<int> priority(0, 9), visible(0, 9);
    std::vector<scene::ScreenLabel> labels;
    for (std::size_t i = 0; i < count; ++i)
        labels.push_back(
            screenLabel(x(random), y(random), width(random), height(random), priority(random), visible(random) != 0));
    return labels;
}

bool insideRing(const data::Ring& ring, double x, double y)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].y > y) != (ring[j].y > y) &&
            x < ring[i].x + (y - ring[i].y) * (ring[j].x - ring[i].x) / (ring[j].y - ring[i].y))
            inside = !inside;
    return inside;
}

bool insidePolygon(const data::Polygon& polygon, double x, double y)
{
    if (!insideRing(polygon.rings.front(), x, y))
        return false;
    for (std::size_t r = 1; r < polygon.rings.size(); ++r)
        if (insideRing(polygon.rings[r], x, y))
            return false;
    return true;
}

data::Ring ring(std::initializer_list<std::pair<double, double>> corners, double dx = 0.0, double dy = 0.0)
{
    data::Ring result;
    for (const auto& [x, y] : corners)
        result.push_back({Origin.x() + dx + x, Origin.y() + dy + y, 0.0});
    return result;
}

data::Feature feature(std::vector<std::string> values)
{
    data::Feature result;
    result.values = std::move(values);
    return result;
}

/// Returns the window position (pixels, origin bottom left) of a project-CRS point seen from pose.
osg::Vec3d toWindow(const scene::ViewPose& pose, const osg::Vec3d& project)
{
    const osg::Matrixd view = osg::Matrixd::lookAt(pose.eye, pose.center, pose.up);
    const osg::Matrixd projection = osg::Matrixd::perspective(
        scene::FieldOfViewDegrees, static_cast<double>(ImageWidth) / ImageHeight, 1.0, 100000.0);
    const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, ImageWidth, ImageHeight);
    return (project - Origin) * view * projection * viewport->computeWindowMatrix();
}

/// Counts bright (text, not halo or background) pixels in a window rectangle of the image.
int brightPixels(const osg::Image& image, int x0, int y0, int x1, int y1)
{
    int count = 0;
    for (int y = std::max(y0, 0); y <= std::min(y1, image.t() - 1); ++y)
        for (int x = std::max(x0, 0); x <= std::min(x1, image.s() - 1); ++x)
        {
            const unsigned char* p = image.data(x, y);
            count += std::min({p[0], p[1], p[2]}) > 160 ? 1 : 0;
        }
    return count;
}

/// Bright pixels in the area where a label anchored at window position anchor is drawn (above the anchor).
int brightAbove(const osg::Image& image, const osg::Vec3d& anchor)
{
    const int x = qRound(anchor.x()), y = qRound(anchor.y());
    return brightPixels(image, x - 90, y, x + 90, y + 40);
}

struct Ink
{
    int count = 0;
    int width = 0;
};

/// The bright pixels above an anchor: how many, and the width of the columns that hold them.
Ink inkAbove(const osg::Image& image, const osg::Vec3d& anchor)
{
    const int x = qRound(anchor.x()), y = qRound(anchor.y());
    Ink ink;
    int first = -1, last = -1;
    for (int column = x - 90; column <= x + 90; ++column)
    {
        const int count = brightPixels(image, column, y, column, y + 40);
        ink.count += count;
        if (count > 0)
        {
            first = first < 0 ? column : first;
            last = column;
        }
    }
    ink.width = first < 0 ? 0 : last - first + 1;
    return ink;
}

/// A flat mid-grey square (unlit, darker than the text's brightness threshold), like light imagery.
osg::ref_ptr<osg::Geometry> greySquare(const osg::Vec3d& center, float halfSize)
{
    osg::ref_ptr<osg::Vec3Array> corners = new osg::Vec3Array;
    const osg::Vec3 c(center - Origin);
    for (const auto& [dx, dy] :
         {std::pair{-1.0f, -1.0f}, std::pair{1.0f, -1.0f}, std::pair{1.0f, 1.0f}, std::pair{-1.0f, 1.0f}})
        corners->push_back(c + osg::Vec3(dx * halfSize, dy * halfSize, 0.0f));
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    colors->push_back(osg::Vec4(0.55f, 0.55f, 0.55f, 1.0f));
    osg::ref_ptr<osg::Geometry> square = new osg::Geometry;
    square->setVertexArray(corners.get());
    square->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
    square->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, 4));
    square->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    return square;
}

/// Counts dark pixels (the halo) in a window rectangle of the image.
int darkPixels(const osg::Image& image, int x0, int y0, int x1, int y1)
{
    int count = 0;
    for (int y = std::max(y0, 0); y <= std::min(y1, image.t() - 1); ++y)
        for (int x = std::max(x0, 0); x <= std::min(x1, image.s() - 1); ++x)
        {
            const unsigned char* p = image.data(x, y);
            count += std::max({p[0], p[1], p[2]}) < 70 ? 1 : 0;
        }
    return count;
}

void saveForInspection(const osg::Image& image, const QString& name)
{
    QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
    QImage picture(image.data(), image.s(), image.t(), QImage::Format_RGBA8888);
    picture.mirrored().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/") + name + QStringLiteral(".png"));
}
} // namespace

/// Label declutter (GL-free), anchors from layers, and labels rendered off-screen (pbuffer under Xvfb).
class TestLabelLayer : public QObject
{
    Q_OBJECT
private slots:
    void overlappingLabelsKeepTheHigherPriority()
    {
        const std::vector<scene::ScreenLabel> labels = {screenLabel(100, 100, 80, 16, 1),
                                                        screenLabel(120, 105, 80, 16, 5)};
        QCOMPARE(scene::placeLabels(labels, 10), (std::vector<std::size_t>{1}));
    }

    void tiesGoToTheLowerIndex()
    {
        const std::vector<scene::ScreenLabel> labels = {screenLabel(100, 100, 80, 16, 3),
                                                        screenLabel(120, 105, 80, 16, 3)};
        QCOMPARE(scene::placeLabels(labels, 10), (std::vector<std::size_t>{0}));
    }

    void paddingKeepsAGap()
    {
        // 1 px apart is too close (padding 2 px); 3 px apart is enough.
        QCOMPARE(scene::placeLabels({screenLabel(0, 0, 10, 10, 1), screenLabel(11, 0, 10, 10, 0)}, 10).size(),
                 std::size_t(1));
        QCOMPARE(scene::placeLabels({screenLabel(0, 0, 10, 10, 1), screenLabel(13, 0, 10, 10, 0)}, 10).size(),
                 std::size_t(2));
    }

    void budgetIsRespected()
    {
        std::vector<scene::ScreenLabel> labels;
        for (int i = 0; i < 10; ++i)
            labels.push_back(screenLabel(50.0 * i, 0, 40, 16, i));
        QCOMPARE(scene::placeLabels(labels, 4), (std::vector<std::size_t>{9, 8, 7, 6}));
        QVERIFY(scene::placeLabels(labels, 0).empty());
        QCOMPARE(scene::placeLabels(labels, 100).size(), std::size_t(10));
    }

    void invisibleLabelsAreNeverPlaced()
    {
        const std::vector<scene::ScreenLabel> labels = {screenLabel(100, 100, 80, 16, 9, false),
                                                        screenLabel(110, 100, 80, 16, 1),
                                                        screenLabel(500, 100, 80, 16, 9, false)};
        QCOMPARE(scene::placeLabels(labels, 10), (std::vector<std::size_t>{1}));
    }

    void manyRandomLabelsDoNotOverlap()
    {
        const std::vector<scene::ScreenLabel> labels = randomLabels(5000, 42);
        QElapsedTimer timer;
        timer.start();
        const std::vector<std::size_t> placed = scene::placeLabels(labels, 5000);
        const qint64 elapsed = timer.nsecsElapsed();
        qInfo("placed %zu of 5000 labels in %.2f ms", placed.size(), static_cast<double>(elapsed) * 1e-6);
        QVERIFY(placed.size() > 100);
        for (std::size_t a = 0; a < placed.size(); ++a)
        {
            QVERIFY(labels[placed[a]].visible);
            for (std::size_t b = a + 1; b < placed.size(); ++b)
                QVERIFY2(!overlap(labels[placed[a]], labels[placed[b]], 0.0),
                         qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(placed[a]).arg(placed[b])));
        }
    }

    void gridPlacementEqualsBruteForce()
    {
        for (unsigned int seed : {1u, 2u, 3u})
        {
            const std::vector<scene::ScreenLabel> labels = randomLabels(1500, seed);
            QCOMPARE(scene::placeLabels(labels, 200), bruteForcePlacement(labels, 200));
            QCOMPARE(scene::placeLabels(labels, 100000), bruteForcePlacement(labels, 100000));
        }
    }

    void polygonLabelsLieInside()
    {
        data::VectorLayer layer;
        layer.fieldNames = {"code", "name"};
        // A U shape (its centroid is in the notch), a square with a hole (centroid in the hole), and a
        // feature of two parts (the label goes to the larger one).
        data::Feature u = feature({"a", "龙泉里社区"});
        u.polygons.push_back({{ring({{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}})}});
        data::Feature donut = feature({"b", "网格0412"});
        donut.polygons.push_back(
            {{ring({{0, 0}, {40, 0}, {40, 40}, {0, 40}}, 100), ring({{10, 10}, {10, 30}, {30, 30}, {30, 10}}, 100)}});
        data::Feature parts = feature({"c", "龙泉里社区日间照料站"});
        parts.polygons.push_back({{ring({{0, 0}, {2, 0}, {0, 2}}, 200)}});
        parts.polygons.push_back({{ring({{0, 0}, {50, 0}, {50, 20}, {0, 20}}, 300)}});
        layer.features = {u, donut, parts, feature({"d", ""})};

        const std::vector<scene::LabelCandidate> labels = scene::labelsForLayer(layer, "name", 7);
        QCOMPARE(labels.size(), std::size_t(3)); // the empty name is left out
        for (std::size_t i = 0; i < labels.size(); ++i)
        {
            const data::Feature& source = layer.features[i];
            const data::Polygon& part = source.polygons.back();
            QVERIFY2(insidePolygon(part, labels[i].world.x(), labels[i].world.y()),
                     qPrintable(QStringLiteral("label %1 at %2, %3 is outside its polygon")
                                    .arg(i)
                                    .arg(labels[i].world.x() - Origin.x())
                                    .arg(labels[i].world.y() - Origin.y())));
            QCOMPARE(labels[i].world.z(), 0.0);
            QCOMPARE(labels[i].priority, 7);
        }
        QCOMPARE(QString::fromStdString(labels[0].text), QStringLiteral("龙泉里社区"));
        QCOMPARE(QString::fromStdString(labels[1].text), QStringLiteral("网格0412"));
        QCOMPARE(QString::fromStdString(labels[2].text), QStringLiteral("龙泉里社区日间照料站"));
    }

    void convexPolygonLabelIsAtItsCentroid()
    {
        data::VectorLayer layer;
        layer.fieldNames = {"name"};
        data::Feature square = feature({"龙泉里社区"});
        square.polygons.push_back({{ring({{0, 0}, {40, 0}, {40, 20}, {0, 20}})}});
        layer.features = {square};
        const auto labels = scene::labelsForLayer(layer, "name", 1);
        QCOMPARE(labels.size(), std::size_t(1));
        QVERIFY(std::abs(labels[0].world.x() - (Origin.x() + 20.0)) < 1e-6);
        QVERIFY(std::abs(labels[0].world.y() - (Origin.y() + 10.0)) < 1e-6);
    }

    void linesPointsAndGround()
    {
        data::VectorLayer layer;
        layer.fieldNames = {"name"};
        data::Feature line = feature({"龙泉路"});
        line.lines.push_back(ring({{0, 0}, {100, 0}}));
        data::Feature point = feature({"龙泉里社区日间照料站"});
        point.points.push_back({Origin.x() + 5.0, Origin.y() + 6.0, 0.0});
        layer.features = {line, point};

        const auto flat = scene::labelsForLayer(layer, "name", 2);
        QCOMPARE(flat.size(), std::size_t(2));
        QVERIFY(std::abs(flat[0].world.x() - (Origin.x() + 50.0)) < 1e-6);
        QVERIFY(std::abs(flat[0].world.y() - Origin.y()) < 1e-6);
        QCOMPARE(flat[1].world, osg::Vec3d(Origin.x() + 5.0, Origin.y() + 6.0, 0.0));

        const auto draped = scene::labelsForLayer(layer, "name", 2, [](double, double) { return 42.0; });
        QVERIFY2(draped[1].world.z() > 42.0 && draped[1].world.z() < 52.0,
                 qPrintable(QString::number(draped[1].world.z())));
        QVERIFY(scene::labelsForLayer(layer, "no such field", 2).empty());
    }

    void labelNodeHoldsOneTextPerLabel()
    {
        osg::ref_ptr<osg::Node> node = scene::buildLabelNode(
            {{"龙泉里社区", Origin, 1}, {"", Origin, 2}, {"网格0412", Origin + osg::Vec3d(10, 0, 0), 3}}, Origin);
        const osg::Group* group = node->asGroup();
        QVERIFY(group);
        QCOMPARE(group->getNumChildren(), 2u);
        const auto* text = dynamic_cast<const osgText::Text*>(group->getChild(0));
        QVERIFY(text);
        QCOMPARE(QString::fromStdString(text->getText().createUTF8EncodedString()), QStringLiteral("龙泉里社区"));
        QCOMPARE(text->getCharacterSizeMode(), osgText::Text::SCREEN_COORDS);
        QCOMPARE(text->getAxisAlignment(), osgText::Text::SCREEN);
        QCOMPARE(text->getAlignment(), osgText::Text::CENTER_BOTTOM);
        QCOMPARE(text->getBackdropType(), osgText::Text::OUTLINE);
        QVERIFY(text->getPosition().length() < 1e-3f);           // world minus scene origin
        QCOMPARE(scene::lastPlacedCount(*node), std::size_t(0)); // not culled yet
        qInfo("label font: \"%s\"", scene::labelFontPath().c_str());
        if (!scene::labelFontPath().empty())
            QCOMPARE(text->getFont()->getFileName(), scene::labelFontPath());
    }

    void cullOfManyLabelsIsCheap()
    {
        // 5,000 labels over 2 km x 2 km, seen from 600 m: most are off-screen or decluttered away.
        std::mt19937 random(7);
        std::uniform_real_distribution<double> coordinate(-1000.0, 1000.0);
        std::uniform_int_distribution<int> priority(0, 9);
        std::vector<scene::LabelCandidate> labels;
        for (int i = 0; i < 5000; ++i)
            labels.push_back({i % 2 ? "网格0412" : "龙泉里社区",
                              Origin + osg::Vec3d(coordinate(random), coordinate(random), 0.0), priority(random)});
        QElapsedTimer timer;
        timer.start();
        osg::ref_ptr<osg::Node> node = scene::buildLabelNode(labels, Origin);
        const qint64 buildMs = timer.elapsed();

        // A cull traversal without GL, as osgUtil::SceneView sets it up.
        const osg::ref_ptr<osg::Viewport> viewport = new osg::Viewport(0, 0, ImageWidth, ImageHeight);
        const osg::Matrixd view = osg::Matrixd::lookAt(osg::Vec3d(0, -300, 600), osg::Vec3d(), osg::Vec3d(0, 0, 1));
        const osg::Matrixd projection = osg::Matrixd::perspective(
            scene::FieldOfViewDegrees, static_cast<double>(ImageWidth) / ImageHeight, 1.0, 100000.0);
        const int frames = 20;
        timer.restart();
        for (int frame = 0; frame < frames; ++frame)
        {
            osg::ref_ptr<osgUtil::CullVisitor> cull = new osgUtil::CullVisitor;
            osg::ref_ptr<osgUtil::RenderStage> stage = new osgUtil::RenderStage;
            cull->setStateGraph(new osgUtil::StateGraph);
            cull->setRenderStage(stage.get());
            cull->pushViewport(viewport.get());
            cull->pushProjectionMatrix(new osg::RefMatrix(projection));
            cull->pushModelViewMatrix(new osg::RefMatrix(view), osg::Transform::ABSOLUTE_RF);
            node->accept(*cull);
        }
        const double cullMs = static_cast<double>(timer.nsecsElapsed()) * 1e-6 / frames;
        const std::size_t placed = scene::lastPlacedCount(*node);
        qInfo("5000 labels: built in %lld ms, culled in %.2f ms per frame, %zu placed", static_cast<long long>(buildMs),
              cullMs, placed);
        QVERIFY(placed > 20);
        QVERIFY(placed <= scene::LabelStyle().budget);
    }

    void cjkFontIsFound()
    {
        CITYTWIN_REQUIRE_DATA(std::filesystem::exists(NotoCjkPath), "fonts-noto-cjk (make deps installs it)");
        QCOMPARE(QString::fromStdString(scene::labelFontPath()), QString::fromLatin1(NotoCjkPath));
    }

    void labelIsDrawnAboveItsAnchor()
    {
        QVERIFY(render());
        const osg::Vec3d anchor = toWindow(mPose, mSingleAnchor);
        QCOMPARE(scene::lastPlacedLabels(*mSingle), (std::vector<std::size_t>{0}));
        const int above = brightAbove(*mImage, anchor);
        const int below = brightPixels(*mImage, qRound(anchor.x()) - 90, qRound(anchor.y()) - 30,
                                       qRound(anchor.x()) + 90, qRound(anchor.y()) - 2);
        qInfo("anchor at %.1f, %.1f: %d bright pixels above, %d below", anchor.x(), anchor.y(), above, below);
        CITYTWIN_REQUIRE_DATA(!scene::labelFontPath().empty(), "a CJK font to draw Chinese glyphs");
        QVERIFY2(above > 50, qPrintable(QString::number(above)));
        QCOMPARE(below, 0);
    }

    void onlyTheHigherPriorityLabelIsDrawn()
    {
        QVERIFY(render());
        // Same anchor: "网格0412" (priority 5, index 1) wins over "龙泉里社区日间照料站" (priority 1).
        QCOMPARE(scene::lastPlacedLabels(*mPair), (std::vector<std::size_t>{1}));
        CITYTWIN_REQUIRE_DATA(!scene::labelFontPath().empty(), "a CJK font to draw Chinese glyphs");
        const Ink pair = inkAbove(*mImage, toWindow(mPose, mPairAnchor));
        const Ink winnerAlone = inkAbove(*mImage, toWindow(mPose, mWinnerAnchor));
        qInfo("pair: %d bright pixels %d px wide; winner alone: %d bright pixels %d px wide", pair.count, pair.width,
              winnerAlone.count, winnerAlone.width);
        // Both texts drawn would be 10 CJK glyphs (~140 px) wide; the winner alone is ~60 px.
        QVERIFY2(std::abs(pair.width - winnerAlone.width) <= 2, qPrintable(QString::number(pair.width)));
        QVERIFY2(std::abs(pair.count - winnerAlone.count) <= winnerAlone.count / 10,
                 qPrintable(QString::number(pair.count)));
        QVERIFY(pair.width < 100);
    }

    void haloKeepsTextLegibleOnLightGround()
    {
        QVERIFY(render());
        CITYTWIN_REQUIRE_DATA(!scene::labelFontPath().empty(), "a CJK font to draw Chinese glyphs");
        // On the grey square, text pixels are bright and the halo around them dark.
        const osg::Vec3d anchor = toWindow(mPose, mHaloAnchor);
        const int x = qRound(anchor.x()), y = qRound(anchor.y());
        const int bright = brightPixels(*mImage, x - 90, y, x + 90, y + 40);
        const int dark = darkPixels(*mImage, x - 90, y, x + 90, y + 40);
        qInfo("on grey: %d bright, %d dark (halo) pixels", bright, dark);
        QVERIFY2(bright > 50, qPrintable(QString::number(bright)));
        QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
    }

    void budgetAndCameraLimitTheLabels()
    {
        QVERIFY(render());
        // Index 0 is behind the camera (never placed despite its priority); budget 3 keeps priorities 5, 4, 3.
        QCOMPARE(scene::lastPlacedLabels(*mColumn), (std::vector<std::size_t>{6, 5, 4}));
    }

private:
    /// Renders every label node once (one pbuffer for the whole suite) and saves labels.png.
    bool render()
    {
        if (mImage)
            return true;
        mSingleAnchor = Origin + osg::Vec3d(-100.0, 60.0, 0.0);
        mPairAnchor = Origin + osg::Vec3d(100.0, 60.0, 0.0);
        mWinnerAnchor = Origin + osg::Vec3d(100.0, -60.0, 0.0);
        mHaloAnchor = Origin + osg::Vec3d(20.0, -110.0, 0.0);
        mSingle = scene::buildLabelNode({{"龙泉里社区", mSingleAnchor, 1}}, Origin);
        mPair = scene::buildLabelNode({{"龙泉里社区日间照料站", mPairAnchor, 1}, {"网格0412", mPairAnchor, 5}}, Origin);
        mWinner = scene::buildLabelNode({{"网格0412", mWinnerAnchor, 1}}, Origin);
        std::vector<scene::LabelCandidate> column = {{"龙泉里社区", Origin + osg::Vec3d(-100, -60, 1000), 100}};
        for (int i = 0; i < 6; ++i)
            column.push_back({"龙泉里社区日间照料站", Origin + osg::Vec3d(-100.0, -120.0 + 20.0 * i, 0.0), i});
        scene::LabelStyle style;
        style.budget = 3;
        mColumn = scene::buildLabelNode(column, Origin, style);

        osg::ref_ptr<osg::Group> root = new osg::Group;
        root->addChild(greySquare(mHaloAnchor + osg::Vec3d(0.0, 8.0, 0.0), 70.0f));
        root->addChild(scene::buildLabelNode({{"龙泉里社区日间照料站", mHaloAnchor, 1}}, Origin));
        for (osg::Node* node : {mSingle.get(), mPair.get(), mWinner.get(), mColumn.get()})
            root->addChild(node);
        mPose = {osg::Vec3d(0, 0, 500), osg::Vec3d(0, 0, 0), osg::Vec3d(0, 1, 0)};
        auto image = scene::OffscreenRenderer::render(root.get(), mPose, ImageWidth, ImageHeight);
        if (!image.ok())
        {
            qWarning("%s", image.error().detail.c_str());
            return false;
        }
        mImage = image.value();
        qInfo("GL renderer: %s", scene::OffscreenRenderer::lastRendererName().c_str());
        saveForInspection(*mImage, QStringLiteral("labels"));
        return true;
    }

    scene::ViewPose mPose;
    osg::Vec3d mSingleAnchor, mPairAnchor, mWinnerAnchor, mHaloAnchor;
    osg::ref_ptr<osg::Node> mSingle, mPair, mWinner, mColumn;
    osg::ref_ptr<osg::Image> mImage;
};

QTEST_GUILESS_MAIN(TestLabelLayer)
#include "test_label_layer.moc"
