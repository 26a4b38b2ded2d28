#include "common/gl_test_main.hpp"

#include "scene/map_overlay.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/view_defaults.hpp"

#include <cmath>

#include <QDir>
#include <QImage>
#include <QTest>

#include <osg/Geode>
#include <osg/Group>
#include <osg/ShapeDrawable>

using namespace citytwin;

/// The north arrow, scale bar and legend: their geometry from the camera, and pixels in a render.
class TestMapOverlay : public QObject
{
    Q_OBJECT
private slots:
    void roundLengths()
    {
        QCOMPARE(scene::roundScaleLength(740.0), 500.0);
        QCOMPARE(scene::roundScaleLength(1000.0), 1000.0);
        QCOMPARE(scene::roundScaleLength(1999.0), 1000.0);
        QCOMPARE(scene::roundScaleLength(2500.0), 2000.0);
        QCOMPARE(scene::roundScaleLength(0.3), 0.2);
        QCOMPARE(scene::roundScaleLength(0.0), 0.0);
        QCOMPARE(scene::scaleLabel(500.0), std::string("500 m"));
        QCOMPARE(scene::scaleLabel(2000.0), std::string("2 km"));
    }

    void topDownLookingNorth()
    {
        // 1,000 m above the ground, 30° vertical field of view, 600 px high: 2 x 1000 x tan(15°) / 600 m/px.
        osg::ref_ptr<osg::Viewport> viewportPtr = new osg::Viewport(0, 0, 800, 600);
        const osg::Viewport& viewport = *viewportPtr;
        osg::Matrixd projection = osg::Matrixd::perspective(30.0, 800.0 / 600.0, 1.0, 10000.0);
        osg::Matrixd view = osg::Matrixd::lookAt(osg::Vec3d(0, 0, 1000), osg::Vec3d(0, 0, 0), osg::Vec3d(0, 1, 0));
        const scene::MapScale scale = scene::computeMapScale(view, projection, viewport);
        const double expected = 2.0 * 1000.0 * std::tan(osg::DegreesToRadians(15.0)) / 600.0;
        QVERIFY2(std::abs(scale.metresPerPixel - expected) < 1e-6, qPrintable(QString::number(scale.metresPerPixel)));
        QVERIFY(std::abs(scale.northAngle) < 1e-9);
        // 120 px x 0.893 m/px = 107 m: the largest round length below it is 100 m.
        QCOMPARE(scale.barMetres, 100.0);
        QVERIFY(std::abs(scale.barPixels - scale.barMetres / expected) < 1e-6);
    }

    void lookingEastNorthPointsLeft()
    {
        osg::ref_ptr<osg::Viewport> viewportPtr = new osg::Viewport(0, 0, 800, 600);
        const osg::Viewport& viewport = *viewportPtr;
        osg::Matrixd projection = osg::Matrixd::perspective(30.0, 800.0 / 600.0, 1.0, 10000.0);
        // Screen up is east: north is to the left, a quarter turn counter-clockwise.
        osg::Matrixd view = osg::Matrixd::lookAt(osg::Vec3d(0, 0, 1000), osg::Vec3d(0, 0, 0), osg::Vec3d(1, 0, 0));
        const scene::MapScale scale = scene::computeMapScale(view, projection, viewport);
        QVERIFY2(std::abs(scale.northAngle - osg::PI_2) < 1e-6, qPrintable(QString::number(scale.northAngle)));
        // Looking at the sky: no scale.
        osg::Matrixd sky = osg::Matrixd::lookAt(osg::Vec3d(0, 0, 10), osg::Vec3d(0, 0, 100), osg::Vec3d(0, 1, 0));
        QCOMPARE(scene::computeMapScale(sky, projection, viewport).metresPerPixel, 0.0);
    }

    void drawnInARender()
    {
        osg::ref_ptr<osg::Group> root = new osg::Group;
        osg::ref_ptr<osg::Geode> ground = new osg::Geode;
        ground->addDrawable(new osg::ShapeDrawable(new osg::Box(osg::Vec3(0, 0, -1), 4000, 4000, 1)));
        root->addChild(ground.get());
        osg::ref_ptr<scene::MapOverlay> overlay = new scene::MapOverlay;
        overlay->setLegend({{"buildings", osg::Vec4(0.9f, 0.9f, 0.8f, 1.0f)}, {"社区", osg::Vec4(0.5f, 0.8f, 1, 1)}});
        root->addChild(overlay.get());
        const scene::ViewPose pose{osg::Vec3d(0, -1500, 1500), osg::Vec3d(0, 0, 0), osg::Vec3d(0, 0, 1)};
        auto image = scene::OffscreenRenderer::render(root.get(), pose, 640, 400);
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().detail.c_str());
        const osg::Image& pixels = *image.value();
        QImage picture(pixels.data(), pixels.s(), pixels.t(), QImage::Format_RGBA8888);
        picture = picture.mirrored();
        QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
        picture.save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/map-overlay.png"));
        QVERIFY(overlay->lastScale().barPixels > 50.0);
        // White pixels of the scale bar in the bottom-left corner, and of the arrow in the top-right one.
        auto whiteIn = [&picture](QRect box)
        {
            int count = 0;
            for (int y = box.top(); y <= box.bottom(); ++y)
                for (int x = box.left(); x <= box.right(); ++x)
                    count += QColor(picture.pixel(x, y)).lightness() > 230;
            return count;
        };
        QVERIFY(whiteIn(QRect(0, 340, 250, 60)) > 100);
        QVERIFY(whiteIn(QRect(560, 0, 80, 90)) > 50);
        QVERIFY(whiteIn(QRect(0, 0, 220, 80)) > 30); // the legend's text

        // At display scale 2 (a 4K screen): the arrow covers about four times the pixels.
        const QColor background = picture.pixelColor(320, 200);
        auto arrowIn = [&picture, &background]
        {
            int count = 0;
            for (int y = 0; y < 180; ++y)
                for (int x = 540; x < 640; ++x)
                {
                    const QColor c = picture.pixelColor(x, y);
                    count += std::abs(c.red() - background.red()) + std::abs(c.green() - background.green()) +
                                 std::abs(c.blue() - background.blue()) >
                             60;
                }
            return count;
        };
        const int arrowAtOne = arrowIn();
        overlay->setScale(2.0);
        auto scaled = scene::OffscreenRenderer::render(root.get(), pose, 640, 400);
        QVERIFY(scaled.ok());
        QImage twice(scaled.value()->data(), 640, 400, QImage::Format_RGBA8888);
        picture = twice.mirrored();
        picture.save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/map-overlay-scale2.png"));
        const int arrowAtTwo = arrowIn();
        QVERIFY2(arrowAtTwo > 3 * arrowAtOne && arrowAtTwo < 5 * arrowAtOne,
                 qPrintable(QStringLiteral("%1 vs %2").arg(arrowAtTwo).arg(arrowAtOne)));
        // A view of nothing has no scale bar.
        overlay->setContentCheck([] { return false; });
        QVERIFY(scene::OffscreenRenderer::render(root.get(), pose, 640, 400).ok());
        QVERIFY(!overlay->scaleBarShown());
        overlay->setContentCheck([] { return true; });
        QVERIFY(scene::OffscreenRenderer::render(root.get(), pose, 640, 400).ok());
        QVERIFY(overlay->scaleBarShown());
        // The scale bar still measures the ground: its length in pixels up to twice the unscaled 120.
        QVERIFY(overlay->lastScale().barPixels > 100.0 && overlay->lastScale().barPixels <= 240.0);
    }
};

CITYTWIN_GL_TEST_MAIN(TestMapOverlay)
#include "test_map_overlay.moc"
