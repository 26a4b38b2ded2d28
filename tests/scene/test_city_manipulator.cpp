#include "common/compare.hpp"
#include "common/mixed_geopackage.hpp"
#include "common/scene_fixture.hpp"

#include "scene/city_manipulator.hpp"
#include "scene/feature_picker.hpp"
#include "scene/view_defaults.hpp"

#include <QTest>

#include <osgGA/GUIEventAdapter>
#include <osgViewer/Viewer>

using namespace citytwin;

/// The camera controller driven by synthetic events on an unrealized viewer (no GL context needed).
class TestCityManipulator : public QObject
{
    Q_OBJECT
private:
    static constexpr int Width = 800;
    static constexpr int Height = 600;

    osg::ref_ptr<osgGA::GUIEventAdapter> event(osgGA::GUIEventAdapter::EventType type, double x, double y)
    {
        osg::ref_ptr<osgGA::GUIEventAdapter> e = new osgGA::GUIEventAdapter;
        e->setEventType(type);
        e->setInputRange(0.0f, 0.0f, static_cast<float>(Width), static_cast<float>(Height));
        e->setMouseYOrientation(osgGA::GUIEventAdapter::Y_INCREASING_UPWARDS);
        e->setX(static_cast<float>(x));
        e->setY(static_cast<float>(y));
        e->setTime(mTime);
        return e;
    }

    /// Lets the manipulator update the camera, as a frame would.
    void frame(double advanceSeconds = 0.0)
    {
        mTime += advanceSeconds;
        mManipulator->handle(*event(osgGA::GUIEventAdapter::FRAME, 0, 0), *mViewer);
        mViewer->getCamera()->setViewMatrix(mManipulator->getInverseMatrix());
    }

    std::optional<osg::Vec3d> groundUnder(double x, double y)
    {
        return scene::groundPointAt(*mViewer->getCamera(), x, y);
    }

private slots:
    void init()
    {
        QVERIFY(mFixture.ok());
        mModel = std::make_unique<scene::SceneModel>();
        QVERIFY(test::loadInto(*mModel, mFixture.pathString(), "footprints"));
        mViewer = new osgViewer::Viewer;
        mViewer->getCamera()->setViewport(0, 0, Width, Height);
        scene::setPerspective(*mViewer->getCamera(), Width, Height);
        mViewer->setSceneData(mModel->root());
        mManipulator = new scene::CityManipulator;
        mViewer->setCameraManipulator(mManipulator.get(), false);
        const scene::ViewPose home = scene::homePose(mModel->contentBound(), double(Width) / Height);
        mManipulator->setHomePose(home);
        mManipulator->home(0.0);
        frame();
    }

    void wheelZoomKeepsThePointUnderTheCursor()
    {
        const double x = 600.0, y = 150.0; // off-centre, on the ground below the footprints
        const auto before = groundUnder(x, y);
        QVERIFY(before.has_value());
        const double distance = mManipulator->getDistance();
        auto wheel = event(osgGA::GUIEventAdapter::SCROLL, x, y);
        wheel->setScrollingMotion(osgGA::GUIEventAdapter::SCROLL_UP);
        QVERIFY(mManipulator->handle(*wheel, *mViewer));
        frame();
        CITYTWIN_COMPARE_NEAR(mManipulator->getDistance(), distance * scene::CityManipulator::ZoomStep, 1e-6);
        const auto after = groundUnder(x, y);
        QVERIFY(after.has_value());
        // The same ground point stays under the cursor (to a millimetre).
        CITYTWIN_COMPARE_NEAR(after->x(), before->x(), 1e-3);
        CITYTWIN_COMPARE_NEAR(after->y(), before->y(), 1e-3);
    }

    void doubleClickFliesToThePointUnderTheCursor()
    {
        const double x = 250.0, y = 400.0;
        const auto target = groundUnder(x, y);
        QVERIFY(target.has_value());
        QVERIFY(mManipulator->handle(*event(osgGA::GUIEventAdapter::DOUBLECLICK, x, y), *mViewer));
        QVERIFY(mManipulator->isFlying());
        for (int i = 0; i < 100 && mManipulator->isFlying(); ++i)
            frame(0.05);
        QVERIFY(!mManipulator->isFlying());
        // The clicked point is now at the centre of the view.
        const auto centre = groundUnder(Width / 2.0, Height / 2.0);
        QVERIFY(centre.has_value());
        QVERIFY((*centre - *target).length() < 0.5);
    }

    void homeKeyReturnsToTheHomeView()
    {
        const osg::Matrixd home = mManipulator->getMatrix();
        auto wheel = event(osgGA::GUIEventAdapter::SCROLL, 100, 100);
        wheel->setScrollingMotion(osgGA::GUIEventAdapter::SCROLL_UP);
        mManipulator->handle(*wheel, *mViewer);
        frame();
        QVERIFY(!mManipulator->getMatrix().getTrans().isNaN());
        QVERIFY((mManipulator->getMatrix().getTrans() - home.getTrans()).length() > 1.0);
        auto key = event(osgGA::GUIEventAdapter::KEYDOWN, 0, 0);
        key->setKey(osgGA::GUIEventAdapter::KEY_Home);
        QVERIFY(mManipulator->handle(*key, *mViewer));
        for (int i = 0; i < 100 && mManipulator->isFlying(); ++i)
            frame(0.05);
        QVERIFY((mManipulator->getMatrix().getTrans() - home.getTrans()).length() < 0.01);
    }

    void idleFramesRequestNothing()
    {
        // With no animation running, a frame must not ask for more frames: the idle window stays idle.
        frame(0.05);
        QVERIFY(!mViewer->getRequestContinousUpdate());
        QVERIFY(!mManipulator->isFlying());
    }

private:
    test::MixedGeoPackage mFixture;
    std::unique_ptr<scene::SceneModel> mModel;
    osg::ref_ptr<osgViewer::Viewer> mViewer;
    osg::ref_ptr<scene::CityManipulator> mManipulator;
    double mTime = 1.0;
};

QTEST_GUILESS_MAIN(TestCityManipulator)
#include "test_city_manipulator.moc"
