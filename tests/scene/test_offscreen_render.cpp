#include "common/mixed_geopackage.hpp"
#include "common/scene_fixture.hpp"

#include "scene/layer_style.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/view_defaults.hpp"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace citytwin;
namespace mixed = citytwin::test::mixed;

namespace
{
struct Rgb
{
    int r = 0, g = 0, b = 0;
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

bool near(const Rgb& actual, const Rgb& expected, int tolerance)
{
    return std::abs(actual.r - expected.r) <= tolerance && std::abs(actual.g - expected.g) <= tolerance &&
           std::abs(actual.b - expected.b) <= tolerance;
}

Rgb toRgb(const osg::Vec4& c)
{
    return {qRound(c.r() * 255.0f), qRound(c.g() * 255.0f), qRound(c.b() * 255.0f)};
}

/// Saves the rendered image under test_output/ so a failure can be looked at.
void saveForInspection(const osg::Image& image, const QString& name)
{
    QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
    QImage picture(image.data(), image.s(), image.t(), QImage::Format_RGBA8888);
    picture.mirrored().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/") + name + QStringLiteral(".png"));
}
} // namespace

/// Renders known layers off-screen (pbuffer under Xvfb, Mesa llvmpipe) and checks pixels.
class TestOffscreenRender : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        QVERIFY(test::loadInto(mModel, mFixture.pathString(), "footprints"));
        mCamera = test::topDownCamera(mModel, 601065.0, 4391075.0, 600.0);
        osg::Vec3d eye, center, up;
        mCamera->getViewMatrixAsLookAt(eye, center, up);
        auto image = scene::OffscreenRenderer::render(mModel.root(), {eye, center, up}, 640, 480);
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().detail.c_str());
        mImage = image.value();
        saveForInspection(*mImage, QStringLiteral("footprints_top_down"));
        qInfo("GL renderer: %s", scene::OffscreenRenderer::lastRendererName().c_str());
    }

    void imageHasTheRequestedSize()
    {
        QCOMPARE(mImage->s(), 640);
        QCOMPARE(mImage->t(), 480);
    }

    void cornersShowTheBackground()
    {
        const Rgb background = toRgb(scene::BackgroundColor);
        for (const auto& [x, y] : {std::pair{2, 2}, std::pair{637, 2}, std::pair{2, 477}, std::pair{637, 477}})
        {
            const Rgb corner = pixelAt(*mImage, x, y);
            QVERIFY2(near(corner, background, 1), qPrintable(describe(corner) + " vs " + describe(background)));
        }
    }

    void groundFillIsBlendedOverTheBackground()
    {
        // Parcel C has no height: an unlit fill of the layer colour at the style's opacity.
        const osg::Vec3d window =
            test::toWindow(mModel, *mCamera, osg::Vec3d(mixed::ParcelCMinX + 25.0, mixed::ParcelCMinY + 25.0, 0.0));
        const Rgb actual = pixelAt(*mImage, qRound(window.x()), qRound(window.y()));
        const scene::LayerStyle style = scene::defaultLayerStyle(data::GeometryKind::Polygon, 0);
        const osg::Vec4 expected =
            scene::BackgroundColor * (1.0f - style.fillOpacity) + style.color * style.fillOpacity;
        QVERIFY2(near(actual, toRgb(expected), 3), qPrintable(describe(actual) + " vs " + describe(toRgb(expected))));
    }

    void extrudedRoofIsLitInTheLayerColour()
    {
        const osg::Vec3d window = test::toWindow(
            mModel, *mCamera,
            osg::Vec3d(mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, mixed::FootprintAHeight));
        const Rgb roof = pixelAt(*mImage, qRound(window.x()), qRound(window.y()));
        const Rgb background = toRgb(scene::BackgroundColor);
        QVERIFY2(!near(roof, background, 30), qPrintable(describe(roof)));
        // Sand: red >= green > blue, and brighter than the dark background.
        QVERIFY2(roof.r >= roof.g && roof.g > roof.b && roof.r > 120, qPrintable(describe(roof)));
    }

    void footprintIsWhereItBelongs()
    {
        // Just outside footprint A (10 m west of its west wall, on empty ground) is background.
        const osg::Vec3d outside = test::toWindow(
            mModel, *mCamera, osg::Vec3d(mixed::FootprintAMinX - 10.0, mixed::FootprintAMinY + 10.0, 0.0));
        const Rgb pixel = pixelAt(*mImage, qRound(outside.x()), qRound(outside.y()));
        QVERIFY2(near(pixel, toRgb(scene::BackgroundColor), 1), qPrintable(describe(pixel)));
    }

private:
    test::MixedGeoPackage mFixture;
    scene::SceneModel mModel;
    osg::ref_ptr<osg::Camera> mCamera;
    osg::ref_ptr<osg::Image> mImage;
};

QTEST_GUILESS_MAIN(TestOffscreenRender)
#include "test_offscreen_render.moc"
