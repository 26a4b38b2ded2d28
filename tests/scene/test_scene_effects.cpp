#include "scene/feature_picker.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/scene_effects.hpp"
#include "scene/scene_model.hpp"
#include "scene/view_defaults.hpp"

#include "data/core/vector_layer.hpp"

#include <QDir>
#include <QImage>
#include <QTest>

#include <osg/Camera>

using namespace citytwin;

namespace
{
/// The scene's centre (project CRS) and the tower standing on it: 20 m square, 80 m high, on a 600 m square ground.
constexpr double CentreX = 500000.0, CentreY = 4390000.0;
constexpr double TowerHalf = 10.0, TowerHeight = 80.0, GroundHalf = 300.0;

data::Polygon square(double x, double y, double half)
{
    return data::Polygon{{{{x - half, y - half}, {x + half, y - half}, {x + half, y + half}, {x - half, y + half}}}};
}

std::shared_ptr<data::VectorLayer> polygonLayer(const std::string& name, const data::Polygon& polygon,
                                                std::optional<double> height)
{
    auto layer = std::make_shared<data::VectorLayer>();
    layer->name = name;
    layer->kind = data::GeometryKind::Polygon;
    data::Feature feature;
    feature.fid = 1;
    feature.polygons.push_back(polygon);
    feature.height = height;
    layer->features.push_back(feature);
    for (const data::Position& p : polygon.rings.front())
        layer->extent.include(p.x, p.y);
    return layer;
}

/// A low annex against the tower's south wall: its roof meets the wall in a crease.
constexpr double AnnexHeight = 15.0;

/// A sand ground and a tower in the middle (with its annex), in a theme, with effects.
std::unique_ptr<scene::SceneModel> towerScene(scene::Theme theme, const scene::Effects& effects, bool annex = false)
{
    auto model = std::make_unique<scene::SceneModel>();
    model->setTheme(theme);
    model->addLayer(polygonLayer("ground", square(CentreX, CentreY, GroundHalf), std::nullopt));
    model->addLayer(polygonLayer("tower", square(CentreX, CentreY, TowerHalf), TowerHeight));
    if (annex)
        model->addLayer(polygonLayer("annex", square(CentreX, CentreY - 2.0 * TowerHalf, TowerHalf), AnnexHeight));
    model->setEffects(effects);
    return model;
}

/// Looking straight down on the tower from 700 m (north up), or from the south at 45 degrees when oblique.
scene::ViewPose towerPose(const scene::SceneModel& model, bool oblique)
{
    const osg::Vec3d centre = model.projectToWorld({CentreX, CentreY, 0.0});
    if (oblique)
        return {centre + osg::Vec3d(0.0, -250.0, 250.0), centre + osg::Vec3d(0.0, 0.0, 20.0), {0.0, 0.0, 1.0}};
    return {centre + osg::Vec3d(0.0, 0.0, 700.0), centre, {0.0, 1.0, 0.0}};
}

constexpr int Width = 640, Height = 480;

osg::ref_ptr<osg::Image> render(const scene::SceneModel& model, bool oblique, const QString& name)
{
    auto image = scene::OffscreenRenderer::render(model.root(), towerPose(model, oblique), Width, Height, model.theme());
    if (!image)
        qFatal("render failed: %s", image.error().detail.c_str());
    QDir().mkpath(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR));
    QImage picture(image.value()->data(), Width, Height, QImage::Format_RGBA8888);
    picture.mirrored().save(QStringLiteral(CITYTWIN_TEST_OUTPUT_DIR "/effects_") + name + QStringLiteral(".png"));
    return image.value();
}

/// The pixel (window coordinates, origin bottom left) of a project point seen from the top-down pose.
osg::Vec2i pixelOf(const scene::SceneModel& model, double x, double y, double z = 0.0)
{
    osg::ref_ptr<osg::Camera> camera = new osg::Camera;
    camera->setViewport(0, 0, Width, Height);
    scene::setPerspective(*camera, Width, Height);
    const scene::ViewPose pose = towerPose(model, false);
    camera->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
    const osg::Vec3d window = model.projectToWorld({x, y, z}) * camera->getViewMatrix() *
                              camera->getProjectionMatrix() * camera->getViewport()->computeWindowMatrix();
    return {static_cast<int>(window.x()), static_cast<int>(window.y())};
}

/// The brightness of a pixel: the mean of its channels, 0 to 255.
double brightness(const osg::Image& image, const osg::Vec2i& pixel)
{
    if (pixel.x() < 0 || pixel.y() < 0 || pixel.x() >= image.s() || pixel.y() >= image.t())
        qFatal("pixel (%d, %d) is outside the picture", pixel.x(), pixel.y());
    const unsigned char* p = image.data(pixel.x(), pixel.y());
    return (p[0] + p[1] + p[2]) / 3.0;
}
} // namespace

/// The heavier effects (shadows, ambient occlusion, bloom), rendered off-screen (Xvfb, Mesa llvmpipe): each changes
/// the picture where it should and nowhere else, and the view still picks what it shows.
class TestSceneEffects : public QObject
{
    Q_OBJECT
private slots:
    void codesRoundTrip()
    {
        QCOMPARE(scene::effectsCode({}), std::string("none"));
        QCOMPARE(scene::effectsCode(scene::AllEffects), std::string("shadows,ao,bloom"));
        QCOMPARE(scene::effectsCode({false, true, false}), std::string("ao"));
        QVERIFY(scene::effectsFromCode("all") == scene::AllEffects);
        QVERIFY(scene::effectsFromCode("none") == scene::Effects{});
        QVERIFY((scene::effectsFromCode("bloom, shadows") == scene::Effects{true, false, true}));
        QVERIFY(!scene::effectsFromCode("glow"));
        QVERIFY(!scene::effectsFromCode(""));
        QVERIFY(!scene::effectsFromCode("shadows,,"));
    }

    void softwareRenderersAreKnown()
    {
        QVERIFY(scene::isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
        QVERIFY(scene::isSoftwareRenderer("Mesa OffScreen (softpipe)"));
        QVERIFY(scene::isSoftwareRenderer("Google SwiftShader"));
        QVERIFY(!scene::isSoftwareRenderer("NVIDIA GeForce RTX 4070/PCIe/SSE2"));
        QVERIFY(!scene::isSoftwareRenderer("AMD Radeon RX 7600 (radeonsi, navi33, LLVM 15.0.6)"));
        QVERIFY(!scene::isSoftwareRenderer("Mesa Intel(R) UHD Graphics 630 (CFL GT2)"));
    }

    void noEffectsLeavesThePictureAsItWas()
    {
        auto plain = towerScene(scene::Theme::Day, {});
        auto toggled = towerScene(scene::Theme::Day, scene::AllEffects);
        toggled->setEffects({});
        const auto a = render(*plain, false, QStringLiteral("none"));
        const auto b = render(*toggled, false, QStringLiteral("none_again"));
        QVERIFY(std::equal(a->data(), a->data() + a->getTotalSizeInBytes(), b->data()));
    }

    void theTowerCastsItsShadowAwayFromTheSun()
    {
        auto plain = towerScene(scene::Theme::Day, {});
        auto shadowed = towerScene(scene::Theme::Day, {true, false, false});
        const auto before = render(*plain, false, QStringLiteral("day"));
        const auto after = render(*shadowed, false, QStringLiteral("shadows"));
        // The sun stands in the south-east (SunPosition): the tower's shadow runs 50 m west and 35 m north of it.
        const osg::Vec3 sun(scene::SunPosition.x(), scene::SunPosition.y(), scene::SunPosition.z());
        const double reach = TowerHeight / sun.z();
        const osg::Vec2i inShadow = pixelOf(*plain, CentreX - 0.6 * reach * sun.x(), CentreY - 0.6 * reach * sun.y());
        const osg::Vec2i sunny = pixelOf(*plain, CentreX + 0.6 * reach * sun.x(), CentreY + 0.6 * reach * sun.y());
        const double shadowRatio = brightness(*after, inShadow) / brightness(*before, inShadow);
        const double sunnyRatio = brightness(*after, sunny) / brightness(*before, sunny);
        qInfo("shadow side %.2f of its brightness, sunny side %.2f", shadowRatio, sunnyRatio);
        QVERIFY2(shadowRatio < 0.85, "the ground north-west of the tower is not darker with shadows");
        QVERIFY2(sunnyRatio > 0.97, "the sunny side of the tower was darkened");
        // The roof is in the sun.
        const osg::Vec2i roof = pixelOf(*plain, CentreX, CentreY, TowerHeight);
        QVERIFY(brightness(*after, roof) > 0.97 * brightness(*before, roof));
    }

    void ambientOcclusionDarkensTheCreaseOnly()
    {
        auto plain = towerScene(scene::Theme::Day, {}, true);
        auto occluded = towerScene(scene::Theme::Day, {false, true, false}, true);
        const auto before = render(*plain, true, QStringLiteral("oblique"));
        const auto after = render(*occluded, true, QStringLiteral("ao"));
        // Where the annex's roof meets the tower's wall, seen from the south.
        osg::ref_ptr<osg::Camera> camera = new osg::Camera;
        camera->setViewport(0, 0, Width, Height);
        scene::setPerspective(*camera, Width, Height);
        const scene::ViewPose pose = towerPose(*plain, true);
        camera->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
        const osg::Vec3d crease = plain->projectToWorld({CentreX, CentreY - TowerHalf, AnnexHeight}) *
                                  camera->getViewMatrix() * camera->getProjectionMatrix() *
                                  camera->getViewport()->computeWindowMatrix();
        int nearCrease = 0, elsewhere = 0, brighter = 0;
        for (int y = 0; y < Height; ++y)
            for (int x = 0; x < Width; ++x)
            {
                const double change = brightness(*after, {x, y}) - brightness(*before, {x, y});
                brighter += change > 1.5;
                if (change < -4.0)
                    (std::abs(y - crease.y()) <= 12.0 ? nearCrease : elsewhere) += 1;
            }
        qInfo("ambient occlusion: %d pixels darker along the crease, %d elsewhere, %d brighter", nearCrease, elsewhere,
              brighter);
        QVERIFY2(nearCrease > 100, "the crease was not darkened");
        QVERIFY2(elsewhere < nearCrease, "more was darkened away from the crease than along it");
        QCOMPARE(brighter, 0);
    }

    void bloomMakesTheNightRoofGlow()
    {
        auto plain = towerScene(scene::Theme::Night, {});
        auto glowing = towerScene(scene::Theme::Night, {false, false, true});
        const auto before = render(*plain, false, QStringLiteral("night"));
        const auto after = render(*glowing, false, QStringLiteral("bloom"));
        // Just outside the roof's edge (east of it, on the dark ground) the light of the roof spills over.
        const osg::Vec2i roofEdge = pixelOf(*plain, CentreX + TowerHalf, CentreY, TowerHeight);
        const osg::Vec2i beside(roofEdge.x() + 4, roofEdge.y());
        const double gain = brightness(*after, beside) - brightness(*before, beside);
        qInfo("beside the roof: %.1f -> %.1f", brightness(*before, beside), brightness(*after, beside));
        QVERIFY2(gain > 8.0, "no glow beside the roof");
        // Far from anything bright, nothing changes.
        const osg::Vec2i far = pixelOf(*plain, CentreX - 0.5 * GroundHalf, CentreY - 0.5 * GroundHalf);
        QVERIFY(std::abs(brightness(*after, far) - brightness(*before, far)) < 2.0);
    }

    void theViewStillPicksWithEveryEffect()
    {
        auto model = towerScene(scene::Theme::Day, scene::AllEffects);
        render(*model, false, QStringLiteral("all"));
        osg::ref_ptr<osg::Camera> camera = new osg::Camera;
        camera->setViewport(0, 0, Width, Height);
        scene::setPerspective(*camera, Width, Height);
        const scene::ViewPose pose = towerPose(*model, false);
        camera->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
        camera->addChild(model->root());
        const osg::Vec2i roof = pixelOf(*model, CentreX, CentreY, TowerHeight);
        const auto picked = scene::pickFeature(*model, *camera, roof.x(), roof.y());
        QVERIFY(picked.has_value());
        QCOMPARE(model->layer(picked->layerIndex).name, std::string("tower"));
    }
};

QTEST_MAIN(TestSceneEffects)
#include "test_scene_effects.moc"
