#pragma once

#include "view_defaults.hpp"

#include <optional>

#include <osgGA/OrbitManipulator>

namespace citytwin::scene
{

/// The camera controller of the 3D view (z up):
/// - left drag orbits, middle drag (or Shift + left drag) pans, right drag zooms;
/// - the wheel zooms toward the point under the cursor, which stays under the cursor;
/// - double-click flies to the point under the cursor;
/// - Home (or Space) flies back to the view of everything.
/// Fly-to animations request frames only while they run, so an idle view renders nothing.
class CityManipulator : public osgGA::OrbitManipulator
{
public:
    CityManipulator();

    const char* className() const override { return "CityManipulator"; }

    /// Handles one event (adds double-click to the orbit manipulator's events).
    bool handle(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions) override;

    /// Sets the pose that Home returns to.
    void setHomePose(const ViewPose& pose);

    /// Animates the view to look at center from distance, keeping the current direction.
    void flyTo(const osg::Vec3d& center, double distance, double durationSeconds = 0.8);

    /// Animates the view to a pose (a bookmark): centre, distance and direction, eased, over the duration.
    void flyToPose(const ViewPose& pose, double durationSeconds);

    /// Returns the current camera pose (world coordinates).
    ViewPose currentPose() const;

    /// Returns true while a fly-to animation runs.
    bool isFlying() const { return mFlight.has_value(); }

    /// Wheel zoom factor per notch (distance is multiplied by it when zooming in).
    static constexpr double ZoomStep = 0.8;

protected:
    bool handleFrame(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions) override;
    bool handleKeyDown(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions) override;
    bool handleMouseWheel(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions) override;
    bool handleMouseDoubleClick(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions);

private:
    /// Returns the world point under the window position of the event: the nearest scene surface, else the
    /// ground plane z = 0.
    std::optional<osg::Vec3d> pointUnderCursor(const osgGA::GUIEventAdapter& event,
                                               osgGA::GUIActionAdapter& actions) const;
    void flyHome(osgGA::GUIActionAdapter& actions);

    struct Flight
    {
        osg::Vec3d fromCenter, toCenter;
        double fromDistance = 0.0, toDistance = 0.0;
        osg::Quat fromRotation, toRotation;
        double startTime = -1.0;
        double duration = 0.8;
    };
    std::optional<Flight> mFlight;
    ViewPose mHomePose;
};

} // namespace citytwin::scene
