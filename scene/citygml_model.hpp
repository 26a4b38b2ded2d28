#pragma once

#include "data/core/vector_layer.hpp"

#include <memory>

#include <osg/MatrixTransform>
#include <osg/Object>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace citytwin::data
{
struct CityGmlModel;
enum class SurfaceKind;
} // namespace citytwin::data

namespace citytwin::scene
{

/// The attribute table of a 3D model's pickable objects, attached as user data to the model's top node:
/// feature i of the table is the object whose geometry carries i in its FeatureIds. The picker returns it with
/// the index, for the Inspector.
class ModelFeatures : public osg::Object
{
public:
    ModelFeatures() = default;
    explicit ModelFeatures(std::shared_ptr<const data::VectorLayer> table) : table(std::move(table)) {}
    ModelFeatures(const ModelFeatures& other, const osg::CopyOp& copyOp = osg::CopyOp::SHALLOW_COPY)
        : osg::Object(other, copyOp), table(other.table)
    {
    }
    META_Object(citytwin, ModelFeatures)

        std::shared_ptr<const data::VectorLayer> table;
};

/// Returns the colour a semantic surface is drawn in (roofs brick red, walls cream, ground dark grey, closure
/// surfaces pale blue, other surfaces and unclassified ones light grey-beige).
osg::Vec4 surfaceColor(data::SurfaceKind kind);

/// Builds the node of a CityGML model whose vertices are in the project CRS (after data::transformCityGml, or
/// local coordinates taken as such). One geometry per semantic kind and texture: flat normals for lighting
/// (both sides lit: CityGML rings are not reliably oriented), textures read with osgDB where appearances give them
/// (a missing image falls back to the kind's colour), and per vertex the building index (FeatureIds) for picking.
/// The returned MatrixTransform is named "citygml:<file name>", holds the model's centre minus sceneOrigin in
/// double precision (vertices are float offsets from that centre) and carries a ModelFeatures with table
/// (data::cityGmlBuildingTable). Reads files only (no GL), so it may run on a worker thread.
osg::ref_ptr<osg::MatrixTransform> buildCityGmlModel(const data::CityGmlModel& model,
                                                     std::shared_ptr<const data::VectorLayer> table,
                                                     const osg::Vec3d& sceneOrigin);

} // namespace citytwin::scene
