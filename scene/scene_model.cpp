#include "scene_model.hpp"

#include "layer_node_builder.hpp"

#include "data/height_field.hpp"
#include "data/vector_layer.hpp"

#include <algorithm>
#include <cmath>

#include <osg/LightModel>

namespace citytwin::scene
{

SceneModel::SceneModel() : mRoot(new osg::Group), mLayerGroup(new osg::Group), mModelGroup(new osg::Group)
{
    mRoot->setName("citytwin.root");
    mLayerGroup->setName("citytwin.layers");
    mModelGroup->setName("citytwin.models");
    mRoot->addChild(mLayerGroup.get());
    mRoot->addChild(mModelGroup.get());
    osg::StateSet* state = mRoot->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::ON);
    state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    state->setMode(GL_NORMALIZE, osg::StateAttribute::ON);
    osg::ref_ptr<osg::LightModel> lightModel = new osg::LightModel;
    lightModel->setTwoSided(true);
    lightModel->setAmbientIntensity(osg::Vec4(0.35f, 0.35f, 0.38f, 1.0f));
    state->setAttributeAndModes(lightModel.get());
}

int SceneModel::addLayer(std::shared_ptr<const data::VectorLayer> layer)
{
    if (!mHasOrigin && layer->extent.isValid())
    {
        mOrigin.set(std::round(layer->extent.centerX()), std::round(layer->extent.centerY()), 0.0);
        mHasOrigin = true;
    }
    const int index = layerCount();
    const auto sameKind = std::count_if(mLayers.begin(), mLayers.end(),
                                        [&](const LayerEntry& entry) { return entry.data->kind == layer->kind; });
    const LayerStyle style = layerStyleFor(*layer, static_cast<int>(sameKind));
    osg::ref_ptr<osg::MatrixTransform> node = buildLayerNode(*layer, mOrigin, style, mGround.get());
    if (!style.visible)
        node->setNodeMask(0u);
    mLayerGroup->addChild(node.get());
    mLayers.push_back({std::move(layer), node});
    ++mRevision;
    return index;
}

void SceneModel::replaceLayer(int index, std::shared_ptr<const data::VectorLayer> layer)
{
    LayerEntry& entry = mLayers.at(index);
    const int sameKindBefore = static_cast<int>(std::count_if(
        mLayers.begin(), mLayers.begin() + index, [&](const LayerEntry& e) { return e.data->kind == layer->kind; }));
    osg::ref_ptr<osg::MatrixTransform> node =
        buildLayerNode(*layer, mOrigin, layerStyleFor(*layer, sameKindBefore), mGround.get());
    node->setNodeMask(entry.node->getNodeMask());
    mLayerGroup->replaceChild(entry.node.get(), node.get());
    entry.node = node;
    entry.data = std::move(layer);
    ++mRevision;
}

int SceneModel::layerIndexOf(const osg::NodePath& path) const
{
    for (const osg::Node* node : path)
    {
        const auto found = std::find_if(mLayers.begin(), mLayers.end(),
                                        [node](const LayerEntry& entry) { return entry.node.get() == node; });
        if (found != mLayers.end())
            return static_cast<int>(found - mLayers.begin());
    }
    return -1;
}

void SceneModel::setLayerVisible(int index, bool visible)
{
    osg::MatrixTransform* node = layerNode(index);
    if (node->getNodeMask() != 0u && visible)
        return;
    node->setNodeMask(visible ? ~0u : 0u);
    ++mRevision;
}

bool SceneModel::isLayerVisible(int index) const
{
    return layerNode(index)->getNodeMask() != 0u;
}

osg::BoundingSphere SceneModel::contentBound() const
{
    osg::BoundingSphere bound;
    for (const LayerEntry& entry : mLayers)
    {
        if (entry.node->getNodeMask() != 0u)
            bound.expandBy(entry.node->getBound());
    }
    if (mModelGroup->getNumChildren() > 0)
        bound.expandBy(mModelGroup->getBound());
    if (!bound.valid() && mTerrain)
        bound.expandBy(mTerrain->getBound());
    return bound;
}

void SceneModel::setOriginIfUnset(const osg::Vec3d& projectPoint)
{
    if (mHasOrigin)
        return;
    mOrigin.set(std::round(projectPoint.x()), std::round(projectPoint.y()), 0.0);
    mHasOrigin = true;
}

void SceneModel::setTerrain(osg::ref_ptr<osg::Node> terrain, std::shared_ptr<const data::HeightField> ground)
{
    if (mTerrain)
        mRoot->removeChild(mTerrain.get());
    mTerrain = std::move(terrain);
    mGround = std::move(ground);
    if (mTerrain)
        mRoot->insertChild(0, mTerrain.get());
    // Drape (or undrape) every layer.
    for (int i = 0; i < layerCount(); ++i)
        replaceLayer(i, mLayers[static_cast<std::size_t>(i)].data);
    ++mRevision;
}

void SceneModel::addModel(osg::ref_ptr<osg::Node> model)
{
    mModelGroup->addChild(model.get());
    ++mRevision;
}

} // namespace citytwin::scene
