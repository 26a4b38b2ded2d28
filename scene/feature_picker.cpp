#include "feature_picker.hpp"

#include "citygml_model.hpp"
#include "feature_ids.hpp"
#include "scene_model.hpp"
#include "tiles3d_model.hpp"

#include "data/core/vector_layer.hpp"
#include "data/geo/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include <osg/LOD>
#include <osg/Camera>
#include <osg/Geode>
#include <osg/Geometry>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

namespace citytwin::scene
{
namespace
{
double distanceToSegment(const osg::Vec2d& p, const osg::Vec2d& a, const osg::Vec2d& b)
{
    const osg::Vec2d ab = b - a;
    const double lengthSquared = ab.length2();
    const double t = lengthSquared > 0.0 ? std::clamp(((p - a) * ab) / lengthSquared, 0.0, 1.0) : 0.0;
    return (a + ab * t - p).length();
}

/// Finds the nearest point or line vertex run of one geometry within the tolerance, in window pixels.
void pickNearPrimitives(const osg::Geometry& geometry, const FeatureIds& ids, const osg::Matrixd& toWindow,
                        const osg::Vec2d& cursor, double& bestDistance, std::optional<std::size_t>& bestFeature,
                        osg::Vec3d& bestLocal)
{
    const auto* vertices = static_cast<const osg::Vec3Array*>(geometry.getVertexArray());
    if (!vertices)
        return;
    const auto project = [&](std::size_t i, double& depth)
    {
        const osg::Vec3d window = osg::Vec3d((*vertices)[i]) * toWindow;
        depth = window.z();
        return osg::Vec2d(window.x(), window.y());
    };
    const std::size_t step = ids.mode == GL_LINES ? 2 : 1;
    for (std::size_t i = 0; i + step - 1 < vertices->size(); i += step)
    {
        double depthA = 0.0, depthB = 0.0;
        const osg::Vec2d a = project(i, depthA);
        const osg::Vec2d b = step == 2 ? project(i + 1, depthB) : a;
        if (depthA < 0.0 || depthA > 1.0 || (step == 2 && (depthB < 0.0 || depthB > 1.0)))
            continue;
        const double distance = step == 2 ? distanceToSegment(cursor, a, b) : (a - cursor).length();
        if (distance < bestDistance)
        {
            bestDistance = distance;
            bestFeature = ids.perVertex[i];
            bestLocal = osg::Vec3d((*vertices)[i]);
        }
    }
}

/// A picked 3D Tiles feature as a one-row table: named after its tile's file, its batch id as the row's id, its
/// batch table's properties as fields (the Inspector shows it like any other object).
std::shared_ptr<const data::VectorLayer> tileFeatureTable(Tiles3dFeature& picked)
{
    auto table = std::make_shared<data::VectorLayer>();
    table->name = std::filesystem::path(picked.contentPath).filename().string();
    table->sourcePath = picked.contentPath;
    data::Feature feature;
    feature.fid = static_cast<std::int64_t>(picked.batchId);
    for (auto& [name, value] : picked.attributes)
    {
        table->fieldNames.push_back(name);
        feature.values.push_back(std::move(value));
    }
    table->features.push_back(std::move(feature));
    return table;
}

/// The object of a 3D model with a ModelFeatures table that a hit is on, or nothing.
std::optional<PickResult> modelObjectAt(const osgUtil::LineSegmentIntersector::Intersection& hit)
{
    const osg::Geometry* geometry = hit.drawable.valid() ? hit.drawable->asGeometry() : nullptr;
    const auto* ids = geometry ? dynamic_cast<const FeatureIds*>(geometry->getUserData()) : nullptr;
    if (!ids || ids->mode != GL_TRIANGLES || hit.indexList.empty() || hit.indexList.front() >= ids->perVertex.size())
        return std::nullopt;
    for (const osg::Node* node : hit.nodePath)
        if (const auto* features = dynamic_cast<const ModelFeatures*>(node->getUserData());
            features && features->table && ids->perVertex[hit.indexList.front()] < features->table->features.size())
            return PickResult{-1, ids->perVertex[hit.indexList.front()], hit.getWorldIntersectPoint(),
                              features->table};
    return std::nullopt;
}
} // namespace

std::optional<osg::Vec3d> groundPointAt(const osg::Camera& camera, double windowX, double windowY)
{
    if (!camera.getViewport())
        return std::nullopt;
    const osg::Matrixd toWindow =
        camera.getViewMatrix() * camera.getProjectionMatrix() * camera.getViewport()->computeWindowMatrix();
    const osg::Matrixd toWorld = osg::Matrixd::inverse(toWindow);
    const osg::Vec3d nearPoint = osg::Vec3d(windowX, windowY, 0.0) * toWorld;
    const osg::Vec3d farPoint = osg::Vec3d(windowX, windowY, 1.0) * toWorld;
    const osg::Vec3d direction = farPoint - nearPoint;
    if (std::abs(direction.z()) < 1e-12)
        return std::nullopt;
    const double t = -nearPoint.z() / direction.z();
    if (t < 0.0)
        return std::nullopt;
    return nearPoint + direction * t;
}

std::optional<PickResult> footprintUnder(const SceneModel& model, const osg::Vec3d& worldPoint)
{
    const osg::Vec3d point = model.worldToProject(worldPoint);
    for (int layer = 0; layer < model.layerCount(); ++layer)
    {
        if (!model.isLayerVisible(layer))
            continue;
        const data::VectorLayer& data = model.layer(layer);
        for (std::size_t f = 0; f < data.features.size(); ++f)
        {
            const data::Feature& feature = data.features[f];
            if (!feature.height)
                continue; // footprints of buildings only
            for (const data::Polygon& polygon : feature.polygons)
                if (!polygon.rings.empty() && data::pointInRing(polygon.rings.front(), point.x(), point.y()))
                    return PickResult{layer, f, worldPoint};
        }
    }
    return std::nullopt;
}

std::optional<PickResult> pickFeature(const SceneModel& model, const osg::Camera& camera, double windowX,
                                      double windowY, double tolerancePixels)
{
    if (!camera.getViewport())
        return std::nullopt;
    const osg::Matrixd viewToWindow = camera.getProjectionMatrix() * camera.getViewport()->computeWindowMatrix();
    const osg::Vec2d cursor(windowX, windowY);

    // 1. Points and lines, measured in screen space.
    std::optional<PickResult> best;
    double bestDistance = tolerancePixels;
    for (int layer = 0; layer < model.layerCount(); ++layer)
    {
        if (!model.isLayerVisible(layer))
            continue;
        const osg::MatrixTransform* node = model.layerNode(layer);
        const osg::Matrixd toWindow = node->getMatrix() * camera.getViewMatrix() * viewToWindow;
        // The layer's tiles: one geode each, or an LOD whose first child holds the points of a clustered tile,
        // picked only while the tile shows its points (not its clusters).
        const osg::Vec3d eye = osg::Vec3d() * osg::Matrixd::inverse(node->getMatrix() * camera.getViewMatrix());
        for (unsigned int child = 0; child < node->getNumChildren(); ++child)
        {
            const osg::Node* tile = node->getChild(child);
            if (const auto* lod = dynamic_cast<const osg::LOD*>(tile))
                tile = lod->getNumChildren() > 0 && (lod->getCenter() - eye).length() < lod->getMaxRange(0)
                           ? lod->getChild(0)
                           : nullptr;
            const osg::Geode* geode = tile ? tile->asGeode() : nullptr;
            for (unsigned int d = 0; geode && d < geode->getNumDrawables(); ++d)
            {
                const osg::Geometry* geometry = geode->getDrawable(d)->asGeometry();
                const auto* ids = geometry ? dynamic_cast<const FeatureIds*>(geometry->getUserData()) : nullptr;
                if (!ids || ids->mode == GL_TRIANGLES)
                    continue;
                std::optional<std::size_t> feature;
                osg::Vec3d local;
                pickNearPrimitives(*geometry, *ids, toWindow, cursor, bestDistance, feature, local);
                if (feature)
                    best = PickResult{layer, *feature, local * node->getMatrix()};
            }
        }
    }
    if (best)
        return best;

    // 2. Surfaces (extruded solids, ground fills): the nearest triangle under the cursor.
    osg::ref_ptr<osgUtil::LineSegmentIntersector> intersector =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, windowX, windowY);
    osgUtil::IntersectionVisitor visitor(intersector.get());
    visitor.setTraversalMask(~NotPickedMask); // not the effects' full-screen passes
    const_cast<osg::Camera&>(camera).accept(visitor);
    for (const auto& hit : intersector->getIntersections())
    {
        // A 3D model hit: its own object when it has a table (CityGML), else the building whose footprint is under
        // that point (an oblique mesh).
        if (std::any_of(hit.nodePath.begin(), hit.nodePath.end(),
                        [&model](const osg::Node* node) { return node == model.modelGroup(); }))
        {
            if (auto object = modelObjectAt(hit))
                return object;
            if (auto feature = tiles3dFeatureOf(hit))
                return PickResult{-1, 0, hit.getWorldIntersectPoint(), tileFeatureTable(*feature)};
            if (auto footprint = footprintUnder(model, hit.getWorldIntersectPoint()))
                return footprint;
            continue;
        }
        const osg::Geometry* geometry = hit.drawable.valid() ? hit.drawable->asGeometry() : nullptr;
        const auto* ids = geometry ? dynamic_cast<const FeatureIds*>(geometry->getUserData()) : nullptr;
        const int layer = model.layerIndexOf(hit.nodePath);
        if (!ids || ids->mode != GL_TRIANGLES || layer < 0 || hit.indexList.empty())
            continue;
        return PickResult{layer, ids->perVertex.at(hit.indexList.front()), hit.getWorldIntersectPoint()};
    }
    return std::nullopt;
}

} // namespace citytwin::scene
