#include "common/mixed_geopackage.hpp"
#include "common/scene_fixture.hpp"

#include "scene/feature_picker.hpp"

#include <QTemporaryDir>

#include <osg/Geode>
#include <osg/ShapeDrawable>
#include <QTest>

using namespace citytwin;
namespace mixed = citytwin::test::mixed;

/// Picking by screen position, on the CPU from the camera matrices (no GL context).
class TestFeaturePicker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        QVERIFY(test::loadInto(mModel, mFixture.pathString()));
        mCamera = test::topDownCamera(mModel, 601065.0, 4391075.0, 1500.0);
    }

    void picksExtrudedFootprintOnItsRoof()
    {
        const osg::Vec3d roof(mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, mixed::FootprintAHeight);
        const osg::Vec3d window = test::toWindow(mModel, *mCamera, roof);
        const auto hit = scene::pickFeature(mModel, *mCamera, window.x(), window.y());
        QVERIFY(hit.has_value());
        QCOMPARE(hit->layerIndex, 0);
        QCOMPARE(hit->featureIndex, std::size_t(0));
        // The hit point is on the roof, in world coordinates.
        QVERIFY(std::abs(mModel.worldToProject(hit->worldPoint).z() - mixed::FootprintAHeight) < 0.01);
    }

    void picksTheFeatureWithTheChineseName()
    {
        const osg::Vec3d roof(mixed::FootprintBMinX + 15.0, mixed::FootprintBMinY + 15.0,
                              mixed::FootprintBFloors * 3.0);
        const osg::Vec3d window = test::toWindow(mModel, *mCamera, roof);
        const auto hit = scene::pickFeature(mModel, *mCamera, window.x(), window.y());
        QVERIFY(hit.has_value());
        QCOMPARE(hit->layerIndex, 0);
        QCOMPARE(hit->featureIndex, std::size_t(1));
        QCOMPARE(QString::fromStdString(mModel.layer(0).features[1].values[0]), QStringLiteral("路北区党群服务中心"));
    }

    void aClickOnAModelPicksTheBuildingUnderIt()
    {
        // A stand-in for an oblique mesh: a slab 50 m above footprint A, as a 3D model.
        const osg::Vec3d above(mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, 80.0);
        const osg::Vec3d local = mModel.projectToWorld(above);
        osg::ref_ptr<osg::Geode> slab = new osg::Geode;
        slab->addDrawable(new osg::ShapeDrawable(new osg::Box(osg::Vec3(local), 6.0f, 6.0f, 1.0f)));
        mModel.addModel(slab);
        // Close enough that the roof's edges are well outside the line-picking tolerance.
        auto camera = test::topDownCamera(mModel, above.x(), above.y(), 400.0);
        const osg::Vec3d window = test::toWindow(mModel, *camera, osg::Vec3d(above.x(), above.y(), 80.5));
        const auto hit = scene::pickFeature(mModel, *camera, window.x(), window.y());
        QVERIFY(hit.has_value());
        QCOMPARE(hit->layerIndex, 0);
        QCOMPARE(hit->featureIndex, std::size_t(0));
        // The hit point is on the model, not on the roof below it.
        QVERIFY(mModel.worldToProject(hit->worldPoint).z() > 79.0);
    }

    void picksGroundFill()
    {
        const osg::Vec3d ground(mixed::ParcelCMinX + 25.0, mixed::ParcelCMinY + 25.0, 0.0);
        const osg::Vec3d window = test::toWindow(mModel, *mCamera, ground);
        const auto hit = scene::pickFeature(mModel, *mCamera, window.x(), window.y());
        QVERIFY(hit.has_value());
        QCOMPARE(hit->layerIndex, 0);
        QCOMPARE(hit->featureIndex, std::size_t(2));
    }

    void picksPointWithinTolerance()
    {
        const osg::Vec3d window =
            test::toWindow(mModel, *mCamera, osg::Vec3d(mixed::StationEasting, mixed::StationNorthing, 0.0));
        const auto hit = scene::pickFeature(mModel, *mCamera, window.x() + 3.0, window.y() - 2.0);
        QVERIFY(hit.has_value());
        QCOMPARE(hit->layerIndex, 2);
        QCOMPARE(hit->featureIndex, std::size_t(0));
        QVERIFY(!scene::pickFeature(mModel, *mCamera, window.x() + 30.0, window.y() + 30.0).has_value());
    }

    void picksLineNearItsSegment()
    {
        // Road 2 runs north along lon 118.175; take a point on it near the view centre.
        const auto& road = mModel.layer(1).features.at(1).lines.at(0);
        const osg::Vec3d a(road[0].x, road[0].y, 0.0), b(road[1].x, road[1].y, 0.0);
        const double t = (4391075.0 - a.y()) / (b.y() - a.y());
        const osg::Vec3d onRoad = a + (b - a) * t;
        const osg::Vec3d window = test::toWindow(mModel, *mCamera, onRoad);
        const auto hit = scene::pickFeature(mModel, *mCamera, window.x() + 2.0, window.y());
        QVERIFY(hit.has_value());
        QCOMPARE(hit->layerIndex, 1);
        QCOMPARE(hit->featureIndex, std::size_t(1));
    }

    void emptyGroundPicksNothing()
    {
        const osg::Vec3d window = test::toWindow(mModel, *mCamera, osg::Vec3d(601300.0, 4390900.0, 0.0));
        QVERIFY(!scene::pickFeature(mModel, *mCamera, window.x(), window.y()).has_value());
    }

    void hiddenLayersAreNotPicked()
    {
        const osg::Vec3d roof(mixed::FootprintAMinX + 20.0, mixed::FootprintAMinY + 10.0, mixed::FootprintAHeight);
        const osg::Vec3d window = test::toWindow(mModel, *mCamera, roof);
        mModel.setLayerVisible(0, false);
        const auto hit = scene::pickFeature(mModel, *mCamera, window.x(), window.y());
        mModel.setLayerVisible(0, true);
        QVERIFY(!hit.has_value());
    }

    void groundPointUnderTheCentre()
    {
        const auto ground = scene::groundPointAt(*mCamera, 320.0, 240.0);
        QVERIFY(ground.has_value());
        const osg::Vec3d project = mModel.worldToProject(*ground);
        QVERIFY(std::abs(project.x() - 601065.0) < 0.01);
        QVERIFY(std::abs(project.y() - 4391075.0) < 0.01);
    }

private:
    test::MixedGeoPackage mFixture;
    scene::SceneModel mModel;
    osg::ref_ptr<osg::Camera> mCamera;
};

QTEST_GUILESS_MAIN(TestFeaturePicker)
#include "test_feature_picker.moc"
