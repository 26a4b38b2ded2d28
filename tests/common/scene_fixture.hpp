#pragma once

#include "common/fixtures.hpp"

#include "data/io/vector_source.hpp"
#include "scene/scene_model.hpp"

#include <memory>
#include <string>

#include <osg/Camera>

namespace citytwin::test
{

/// Loads every layer of a source into the model; returns false (and leaves the model as it was) on failure.
inline bool loadInto(scene::SceneModel& model, const std::string& path, const std::string& onlyLayer = {})
{
    auto layers = data::readVectorSource(path, {.projectCrs = data::DefaultProjectCrs, .layerName = onlyLayer});
    if (!layers)
        return false;
    for (auto& layer : layers.value())
        model.addLayer(std::make_shared<const data::VectorLayer>(std::move(layer)));
    return true;
}

/// Returns a camera looking straight down at a project-CRS point from the given height, 640 x 480.
inline osg::ref_ptr<osg::Camera> topDownCamera(const scene::SceneModel& model, double projectX, double projectY,
                                               double height, int width = 640, int heightPixels = 480)
{
    osg::ref_ptr<osg::Camera> camera = new osg::Camera;
    camera->setViewport(0, 0, width, heightPixels);
    camera->setProjectionMatrixAsPerspective(30.0, static_cast<double>(width) / heightPixels, 1.0, 100000.0);
    const osg::Vec3d target = model.projectToWorld(osg::Vec3d(projectX, projectY, 0.0));
    camera->setViewMatrixAsLookAt(target + osg::Vec3d(0.0, 0.0, height), target, osg::Vec3d(0.0, 1.0, 0.0));
    camera->addChild(model.root());
    return camera;
}

/// Projects a project-CRS point to window coordinates (pixels, origin bottom left) of the camera.
inline osg::Vec3d toWindow(const scene::SceneModel& model, const osg::Camera& camera, const osg::Vec3d& project)
{
    const osg::Matrixd matrix =
        camera.getViewMatrix() * camera.getProjectionMatrix() * camera.getViewport()->computeWindowMatrix();
    return model.projectToWorld(project) * matrix;
}

} // namespace citytwin::test
