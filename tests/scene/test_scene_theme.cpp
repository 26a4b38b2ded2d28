#include "common/mixed_geopackage.hpp"
#include "common/scene_fixture.hpp"

#include "scene/offscreen_renderer.hpp"
#include "scene/scene_theme.hpp"
#include "scene/view_defaults.hpp"

#include <QDir>
#include <QImage>
#include <QTest>

using namespace citytwin;
namespace mixed = citytwin::test::mixed;

namespace
{
struct Rgb
{
    int r = 0, g = 0, b = 0;
    int sum() const { return r + g + b; }
};

Rgb pixelAt(const osg::Image& image, int x, int y)
{
    const unsigned char* p = image.data(x, y);
    return {p[0], p[1], p[2]};
}

QString describe(const Rgb& c)
{
    return QStringLiteral("(%1, %2, %3)").arg(c.r).arg(c.g).arg(c.b);
}

Rgb toRgb(const osg::Vec4& c)
{
    return {qRound(c.r() * 255.0f), qRound(c.g() * 255.0f), qRound(c.b() * 255.0f)};
}

/// The mean of r + g + b over the whole image (0 to 765).
double meanBrightness(const osg::Image& image)
{
    double total = 0.0;
    for (int y = 0; y < image.t(); ++y)
        for (int x = 0; x < image.s(); ++x)
            total += pixelAt(image, x, y).sum();
    return total / (static_cast<double>(image.s()) * image.t());
}

void saveForInspection(const osg::Image& image, const QString& name)
{
    QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
    QImage picture(image.data(), image.s(), image.t(), QImage::Format_RGBA8888);
    picture.mirrored().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/") + name + QStringLiteral(".png"));
}
} // namespace

/// The Day and Night themes as a user sees them: the mixed fixture's footprints (A 30 m, B 18 m high, parcel C
/// flat) rendered off-screen (pbuffer under Xvfb, Mesa llvmpipe) from above and from a low, almost level eye
/// that sees the horizon.
class TestSceneTheme : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        QVERIFY(test::loadInto(mModel, mFixture.pathString(), "footprints"));
        osg::Vec3d eye, center, up;
        mTopDown = test::topDownCamera(mModel, 601065.0, 4391075.0, 600.0);
        mTopDown->getViewMatrixAsLookAt(eye, center, up);
        mTopDownPose = {eye, center, up};
        // 700 m south of the footprints, 40 m up, looking at their foot: the horizon a little above the middle.
        const osg::Vec3d target = mModel.projectToWorld(osg::Vec3d(601065.0, 4391010.0, 0.0));
        mLowPose = {target + osg::Vec3d(0.0, -700.0, 40.0), target, osg::Vec3d(0.0, 0.0, 1.0)};

        mDayTopDown = render(mTopDownPose, scene::Theme::Day, "day_top_down");
        mDayLow = render(mLowPose, scene::Theme::Day, "day_low");
        mModel.setTheme(scene::Theme::Night);
        QVERIFY(mModel.theme() == scene::Theme::Night);
        mNightTopDown = render(mTopDownPose, scene::Theme::Night, "night_top_down");
        mNightLow = render(mLowPose, scene::Theme::Night, "night_low");
        QVERIFY(mDayTopDown && mDayLow && mNightTopDown && mNightLow);
        qInfo("GL renderer: %s", scene::OffscreenRenderer::lastRendererName().c_str());
    }

    void codesRoundTrip()
    {
        for (scene::Theme theme : {scene::Theme::Day, scene::Theme::Night})
            QVERIFY(scene::themeFromCode(scene::themeCode(theme)) == theme);
        QCOMPARE(std::string(scene::themeCode(scene::Theme::Day)), std::string("day"));
        QCOMPARE(std::string(scene::themeCode(scene::Theme::Night)), std::string("night"));
        for (const char* unknown : {"", "Night", "dusk", "night "})
            QVERIFY2(!scene::themeFromCode(unknown), unknown);
    }

    void dayShowsTheBackgroundColour()
    {
        // Day is the look from before themes: corners and the sky of the low view are the plain background.
        const Rgb background = toRgb(scene::BackgroundColor);
        for (const osg::Image* image : {mDayTopDown.get(), mDayLow.get()})
            for (const auto& [x, y] : {std::pair{2, 2}, std::pair{637, 477}, std::pair{320, 477}})
            {
                const Rgb pixel = pixelAt(*image, x, y);
                QVERIFY2(std::abs(pixel.r - background.r) <= 1 && std::abs(pixel.g - background.g) <= 1 &&
                             std::abs(pixel.b - background.b) <= 1,
                         qPrintable(describe(pixel) + " vs " + describe(background)));
            }
    }

    void nightIsDarker()
    {
        const double day = meanBrightness(*mDayTopDown), night = meanBrightness(*mNightTopDown);
        QVERIFY2(night < 0.8 * day, qPrintable(QStringLiteral("night %1, day %2").arg(night).arg(day)));
        qInfo("mean brightness (r + g + b): night %.1f, day %.1f", night, day);
    }

    void nightSkyIsAGradient()
    {
        // Looking almost level: navy overhead, a lighter blue-grey glow at the horizon, and both unlike the day.
        const Rgb top = pixelAt(*mNightLow, 320, 477);
        const Rgb horizon = horizonPixel(*mNightLow);
        QVERIFY2(top.b > top.r && top.sum() < 120, qPrintable(describe(top)));
        QVERIFY2(horizon.sum() > top.sum() + 60, qPrintable(describe(horizon) + " vs " + describe(top)));
        const Rgb bottom = pixelAt(*mNightLow, 2, 2);
        QVERIFY2(bottom.sum() != top.sum(), qPrintable(describe(bottom) + " vs " + describe(top)));
    }

    void nightBuildingsAreShadedByHeight()
    {
        // A (30 m) and B (18 m) are the same sand by day; at night the taller roof is lighter and more cyan.
        const Rgb dayA = roofPixel(*mDayTopDown, mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, 30.0);
        const Rgb dayB = roofPixel(*mDayTopDown, mixed::FootprintBMinX + 15.0, mixed::FootprintBMinY + 15.0, 18.0);
        QVERIFY2(std::abs(dayA.sum() - dayB.sum()) <= 3, qPrintable(describe(dayA) + " vs " + describe(dayB)));
        const Rgb nightA = roofPixel(*mNightTopDown, mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, 30.0);
        const Rgb nightB = roofPixel(*mNightTopDown, mixed::FootprintBMinX + 15.0, mixed::FootprintBMinY + 15.0, 18.0);
        QVERIFY2(nightA.b > nightA.r && nightB.b > nightB.r, qPrintable(describe(nightA) + ", " + describe(nightB)));
        QVERIFY2(nightA.g > nightB.g + 25, qPrintable(describe(nightA) + " vs " + describe(nightB)));
    }

    void thematicColoursWinOverTheRamp()
    {
        auto red = std::make_shared<scene::ThematicColors>();
        red->perFeature.assign(mModel.layer(0).features.size(), osg::Vec4(0.9f, 0.1f, 0.1f, 1.0f));
        mModel.setLayerColors(0, red);
        const auto image = render(mTopDownPose, scene::Theme::Night, "night_thematic");
        mModel.setLayerColors(0, nullptr);
        QVERIFY(image);
        const Rgb roof = roofPixel(*image, mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, 30.0);
        QVERIFY2(roof.r > 2 * roof.g && roof.r > 2 * roof.b, qPrintable(describe(roof)));
    }

    void focusGlowsAroundTheArea()
    {
        // A square around the footprints, outlined: a bright cyan core on its edge, a fainter glow beside it,
        // nothing of it after it is cleared.
        const double west = 601000.0, east = 601130.0, south = 4391010.0, north = 4391140.0;
        data::Polygon square;
        square.rings.push_back({{west, south}, {east, south}, {east, north}, {west, north}});
        mModel.setFocus({square});
        QVERIFY(mModel.hasFocus());
        const auto focused = render(mTopDownPose, scene::Theme::Night, "night_focus");
        QVERIFY(focused);
        const osg::Vec3d edge = test::toWindow(mModel, *mTopDown, osg::Vec3d(west, 4391075.0, 4.0));

        const Rgb core = pixelAt(*focused, qRound(edge.x()), qRound(edge.y()));
        const Rgb before = pixelAt(*mNightTopDown, qRound(edge.x()), qRound(edge.y()));
        QVERIFY2(core.b > 200 && core.g > 180 && core.r < core.g, qPrintable(describe(core)));
        const Rgb halo = pixelAt(*focused, qRound(edge.x()) - 4, qRound(edge.y()));
        const Rgb haloBefore = pixelAt(*mNightTopDown, qRound(edge.x()) - 4, qRound(edge.y()));
        QVERIFY2(halo.b > haloBefore.b + 15 && halo.sum() < core.sum(),
                 qPrintable(describe(halo) + " vs " + describe(haloBefore) + ", core " + describe(core)));
        // Scaled for a big screen: the glow is wider.
        mModel.setDisplayScale(2.0);
        const auto wide = render(mTopDownPose, scene::Theme::Night, "night_focus_wide");
        mModel.setDisplayScale(1.0);
        QVERIFY(wide);
        const Rgb wideHalo = pixelAt(*wide, qRound(edge.x()) - 9, qRound(edge.y()));
        const Rgb narrowHalo = pixelAt(*focused, qRound(edge.x()) - 9, qRound(edge.y()));
        QVERIFY2(wideHalo.b > narrowHalo.b + 10, qPrintable(describe(wideHalo) + " vs " + describe(narrowHalo)));
        mModel.setFocus({});
        QVERIFY(!mModel.hasFocus());
        const auto cleared = render(mTopDownPose, scene::Theme::Night, "night_focus_cleared");
        QVERIFY(cleared);
        QCOMPARE(describe(pixelAt(*cleared, qRound(edge.x()), qRound(edge.y()))), describe(before));
    }

    void dayAgainIsExactlyDay()
    {
        // Night and back: the same pixels as before Night was ever set.
        mModel.setTheme(scene::Theme::Day);
        const auto again = render(mLowPose, scene::Theme::Day, "day_again_low");
        QVERIFY(again);
        QCOMPARE(again->getTotalSizeInBytes(), mDayLow->getTotalSizeInBytes());
        QVERIFY(std::equal(again->data(), again->data() + again->getTotalSizeInBytes(), mDayLow->data()));
    }

private:
    osg::ref_ptr<osg::Image> render(const scene::ViewPose& pose, scene::Theme theme, const char* name)
    {
        auto image = scene::OffscreenRenderer::render(mModel.root(), pose, 640, 480, theme);
        if (!image)
        {
            qWarning("%s", image.error().detail.c_str());
            return nullptr;
        }
        saveForInspection(*image.value(), QString::fromLatin1(name));
        return image.value();
    }

    /// The pixel of a roof point of the top-down view.
    Rgb roofPixel(const osg::Image& image, double x, double y, double height) const
    {
        const osg::Vec3d window = test::toWindow(mModel, *mTopDown, osg::Vec3d(x, y, height));
        return pixelAt(image, qRound(window.x()), qRound(window.y()));
    }

    /// The sky at the horizon of the low view, at the left edge (no footprint there).
    osg::ref_ptr<osg::Camera> lowCamera() const
    {
        osg::ref_ptr<osg::Camera> camera = new osg::Camera;
        camera->setViewport(0, 0, 640, 480);
        camera->setProjectionMatrixAsPerspective(scene::FieldOfViewDegrees, 640.0 / 480.0, 1.0, 100000.0);
        camera->setViewMatrixAsLookAt(mLowPose.eye, mLowPose.center, mLowPose.up);
        return camera;
    }

    Rgb horizonPixel(const osg::Image& image) const
    {
        const osg::ref_ptr<osg::Camera> camera = lowCamera();
        const osg::Matrixd toWindow =
            camera->getViewMatrix() * camera->getProjectionMatrix() * camera->getViewport()->computeWindowMatrix();
        // A point far away at eye height, straight ahead: on the horizon.
        const osg::Vec3d ahead = mLowPose.center - mLowPose.eye;
        const osg::Vec3d far = mLowPose.eye + osg::Vec3d(ahead.x(), ahead.y(), 0.0) * 1000.0;
        const osg::Vec3d window = far * toWindow;
        return pixelAt(image, 2, qRound(window.y()));
    }

    test::MixedGeoPackage mFixture;
    scene::SceneModel mModel;
    osg::ref_ptr<osg::Camera> mTopDown;
    scene::ViewPose mTopDownPose;
    scene::ViewPose mLowPose;
    osg::ref_ptr<osg::Image> mDayTopDown, mDayLow, mNightTopDown, mNightLow;
};

QTEST_GUILESS_MAIN(TestSceneTheme)
#include "test_scene_theme.moc"
