#include "city_manipulator.hpp"

#include "feature_picker.hpp"
#include "scene_effects.hpp"

#include <algorithm>
#include <cmath>

#include <osg/Camera>
#include <osgUtil/LineSegmentIntersector>
#include <osgViewer/View>

namespace citytwin::scene
{
namespace
{
constexpr double MinimumDistance = 5.0;

double smoothStep(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

} // namespace

CityManipulator::CityManipulator()
{
    setAllowThrow(false);
    setVerticalAxisFixed(true);
    setMinimumDistance(MinimumDistance, false);
    setWheelZoomFactor(1.0 - ZoomStep);
}

void CityManipulator::setHomePose(const ViewPose& pose)
{
    mHomePose = pose;
    setHomePosition(pose.eye, pose.center, pose.up, false);
}

void CityManipulator::flyTo(const osg::Vec3d& center, double distance, double durationSeconds)
{
    Flight flight;
    flight.fromCenter = getCenter();
    flight.toCenter = center;
    flight.fromDistance = getDistance();
    flight.toDistance = std::max(distance, MinimumDistance);
    flight.fromRotation = getRotation();
    flight.toRotation = getRotation();
    flight.duration = durationSeconds;
    mFlight = flight;
}

void CityManipulator::flyToPose(const ViewPose& pose, double durationSeconds)
{
    const osg::Matrixd lookAt = osg::Matrixd::lookAt(pose.eye, pose.center, pose.up);
    Flight flight;
    flight.fromCenter = getCenter();
    flight.toCenter = pose.center;
    flight.fromDistance = getDistance();
    flight.toDistance = std::max((pose.eye - pose.center).length(), MinimumDistance);
    flight.fromRotation = getRotation();
    flight.toRotation = osg::Matrixd::inverse(lookAt).getRotate();
    flight.duration = durationSeconds;
    mFlight = flight;
}

ViewPose CityManipulator::currentPose() const
{
    ViewPose pose;
    getTransformation(pose.eye, pose.center, pose.up);
    return pose;
}

void CityManipulator::flyHome(osgGA::GUIActionAdapter& actions)
{
    osg::Vec3d eye, center, up;
    getHomePosition(eye, center, up);
    osg::Matrixd lookAt = osg::Matrixd::lookAt(eye, center, up);
    Flight flight;
    flight.fromCenter = getCenter();
    flight.toCenter = center;
    flight.fromDistance = getDistance();
    flight.toDistance = (eye - center).length();
    flight.fromRotation = getRotation();
    flight.toRotation = osg::Matrixd::inverse(lookAt).getRotate();
    mFlight = flight;
    actions.requestContinuousUpdate(true);
    actions.requestRedraw();
}

bool CityManipulator::handle(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions)
{
    if (event.getEventType() == osgGA::GUIEventAdapter::DOUBLECLICK)
        return handleMouseDoubleClick(event, actions);
    return osgGA::OrbitManipulator::handle(event, actions);
}

bool CityManipulator::handleFrame(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions)
{
    const bool handled = osgGA::OrbitManipulator::handleFrame(event, actions);
    if (!mFlight)
        return handled;
    if (mFlight->startTime < 0.0)
        mFlight->startTime = event.getTime();
    const double linear = mFlight->duration > 0.0 ? (event.getTime() - mFlight->startTime) / mFlight->duration : 1.0;
    const double t = smoothStep(linear);
    setCenter(mFlight->fromCenter + (mFlight->toCenter - mFlight->fromCenter) * t);
    // Interpolate the distance geometrically, so long flights do not rush at the end.
    setDistance(mFlight->fromDistance * std::pow(mFlight->toDistance / mFlight->fromDistance, t));
    osg::Quat rotation;
    rotation.slerp(t, mFlight->fromRotation, mFlight->toRotation);
    setRotation(rotation);
    if (linear >= 1.0)
    {
        mFlight.reset();
        actions.requestContinuousUpdate(false);
    }
    actions.requestRedraw();
    return true;
}

bool CityManipulator::handleKeyDown(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions)
{
    if (event.getKey() == osgGA::GUIEventAdapter::KEY_Home || event.getKey() == osgGA::GUIEventAdapter::KEY_Space)
    {
        flyHome(actions);
        return true;
    }
    return false;
}

bool CityManipulator::handleMouseWheel(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions)
{
    double factor = 1.0;
    switch (event.getScrollingMotion())
    {
    case osgGA::GUIEventAdapter::SCROLL_UP:
        factor = ZoomStep;
        break;
    case osgGA::GUIEventAdapter::SCROLL_DOWN:
        factor = 1.0 / ZoomStep;
        break;
    default:
        return false;
    }
    mFlight.reset();
    // Scale eye and centre about the point under the cursor: that point keeps its place on the screen.
    if (const auto anchor = pointUnderCursor(event, actions))
        setCenter(*anchor + (getCenter() - *anchor) * factor);
    setDistance(std::max(getDistance() * factor, MinimumDistance));
    actions.requestRedraw();
    return true;
}

bool CityManipulator::handleMouseDoubleClick(const osgGA::GUIEventAdapter& event, osgGA::GUIActionAdapter& actions)
{
    const auto target = pointUnderCursor(event, actions);
    if (!target)
        return false;
    flyTo(*target, getDistance() * 0.5);
    actions.requestContinuousUpdate(true);
    actions.requestRedraw();
    return true;
}

std::optional<osg::Vec3d> CityManipulator::pointUnderCursor(const osgGA::GUIEventAdapter& event,
                                                            osgGA::GUIActionAdapter& actions) const
{
    auto* view = dynamic_cast<osgViewer::View*>(&actions);
    if (!view)
        return std::nullopt;
    osgUtil::LineSegmentIntersector::Intersections hits;
    if (view->computeIntersections(event, hits, ~NotPickedMask) && !hits.empty())
        return hits.begin()->getWorldIntersectPoint();
    // Window coordinates with the origin at the bottom left, as the viewport matrix expects.
    const osg::Camera* camera = view->getCamera();
    const double x = event.getX() - event.getXmin();
    double y = event.getY() - event.getYmin();
    if (event.getMouseYOrientation() == osgGA::GUIEventAdapter::Y_INCREASING_DOWNWARDS)
        y = (event.getYmax() - event.getYmin()) - y;
    const double scaleX = camera->getViewport()->width() / std::max(1.0f, event.getXmax() - event.getXmin());
    const double scaleY = camera->getViewport()->height() / std::max(1.0f, event.getYmax() - event.getYmin());
    return groundPointAt(*camera, x * scaleX, y * scaleY);
}

} // namespace citytwin::scene
