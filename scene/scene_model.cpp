#include "scene_model.hpp"

#include "feature_colors.hpp"
#include "focus_glow.hpp"
#include "heat_layer.hpp"
#include "label_layer.hpp"
#include "layer_node_builder.hpp"
#include "map_overlay.hpp"
#include "point_icons.hpp"
#include "scene_theme.hpp"

#include "data/core/height_field.hpp"
#include "data/core/vector_layer.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <set>
#include <cmath>

#include <osg/BlendFunc>
#include <osg/LightModel>

namespace citytwin::scene
{
namespace
{
/// Whether the layer builder extrudes a feature (a building: a height above zero).
bool isExtruded(const data::Feature& feature)
{
    return feature.height && *feature.height > 0.0;
}

/// The bound of what is shown: the visible layers and the models, or the terrain when there is nothing else.
osg::BoundingSphere boundOfContent(const osg::Group& layers, const osg::Group& models, const osg::Group& terrain)
{
    osg::BoundingSphere bound;
    for (unsigned int i = 0; i < layers.getNumChildren(); ++i)
        if (layers.getChild(i)->getNodeMask() != 0u)
            bound.expandBy(layers.getChild(i)->getBound());
    if (models.getNumChildren() > 0)
        bound.expandBy(models.getBound());
    if (!bound.valid() && terrain.getNumChildren() > 0)
        bound.expandBy(terrain.getBound());
    return bound;
}
} // namespace

SceneModel::SceneModel()
    : mRoot(new osg::Group), mShadowPart(new osg::Group), mPlainPart(new osg::Group), mLayerGroup(new osg::Group),
      mModelGroup(new osg::Group), mTerrainGroup(new osg::Group)
{
    mRoot->setName("citytwin.root");
    mLayerGroup->setName("citytwin.layers");
    mModelGroup->setName("citytwin.models");
    mTerrainGroup->setName("citytwin.terrain");
    mShadowPart->setName("citytwin.shadow_part");
    mPlainPart->setName("citytwin.plain_part");
    // The ground receives shadows but casts none (its own relief would shade itself with acne).
    mTerrainGroup->setNodeMask(~CastsShadowMask);
    mShadowPart->addChild(mTerrainGroup.get());
    mShadowPart->addChild(mLayerGroup.get());
    mShadowPart->addChild(mModelGroup.get());
    mOverlay = new MapOverlay;
    mOverlay->setContentCheck([this] { return contentBound().valid(); });
    mRoot->addChild(mOverlay.get());
    rebuildContent();
    osg::StateSet* state = mRoot->getOrCreateStateSet();
    mDisplayScaleUniform = new osg::Uniform(DisplayScaleUniform, 1.0f);
    state->addUniform(mDisplayScaleUniform.get(), osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    state->setMode(GL_LIGHTING, osg::StateAttribute::ON);
    state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    state->setMode(GL_NORMALIZE, osg::StateAttribute::ON);
    // Blending never changes the framebuffer's alpha (it stays the clear colour's 1): a translucent fill or an
    // anti-aliased edge must not make the picture itself translucent, which the window system would then
    // compose with what lies behind the view (and the PNGs saved from it would carry holes).
    state->setAttribute(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE),
                        osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    osg::ref_ptr<osg::LightModel> lightModel = new osg::LightModel;
    lightModel->setTwoSided(true);
    lightModel->setAmbientIntensity(osg::Vec4(0.35f, 0.35f, 0.38f, 1.0f));
    state->setAttributeAndModes(lightModel.get());
}

NodeInputs SceneModel::inputsToAdd(const data::VectorLayer& layer) const
{
    NodeInputs inputs;
    inputs.origin = mOrigin;
    if (!mHasOrigin && layer.extent.isValid())
        inputs.origin.set(std::round(layer.extent.centerX()), std::round(layer.extent.centerY()), 0.0);
    inputs.sameKind = countOfKind(layerCount(), layer);
    inputs.theme = mTheme;
    inputs.heightScale = mHeightScale;
    inputs.opacity = mBuildingOpacity;
    inputs.ground = mGround;
    return inputs;
}

NodeInputs SceneModel::inputsToReplace(int index, const data::VectorLayer& layer) const
{
    // As for an addition, but in its place: the origin as it is, its rank among its kind, its thematic colours.
    NodeInputs inputs = inputsToAdd(layer);
    inputs.origin = mOrigin;
    inputs.sameKind = countOfKind(index, layer);
    inputs.thematic = mLayers.at(static_cast<std::size_t>(index)).thematic;
    return inputs;
}

PreparedNode SceneModel::prepareNode(std::shared_ptr<const data::VectorLayer> layer, NodeInputs inputs)
{
    osg::ref_ptr<osg::MatrixTransform> node = buildNode(*layer, inputs);
    return {std::move(layer), std::move(inputs), std::move(node)};
}

osg::ref_ptr<osg::MatrixTransform> SceneModel::nodeFor(const std::shared_ptr<const data::VectorLayer>& layer,
                                                       const NodeInputs& inputs, PreparedNode& prepared) const
{
    if (prepared.node && prepared.layer == layer && prepared.inputs == inputs)
        return std::move(prepared.node);
    return buildNode(*layer, inputs);
}

int SceneModel::addLayer(std::shared_ptr<const data::VectorLayer> layer, PreparedNode prepared)
{
    const NodeInputs inputs = inputsToAdd(*layer);
    if (!mHasOrigin && layer->extent.isValid())
    {
        mOrigin = inputs.origin;
        mHasOrigin = true;
    }
    const int index = layerCount();
    const LayerStyle style = layerStyleFor(*layer, inputs.sameKind, mTheme);
    osg::ref_ptr<osg::MatrixTransform> node = nodeFor(layer, inputs, prepared);
    if (!style.visible)
        node->setNodeMask(0u);
    mLayerGroup->addChild(node.get());
    // The kinds of a point layer with icons, as the legend lists them (those present, in the style's order).
    std::vector<std::pair<std::string, osg::Vec4>> kinds;
    if (style.symbols)
    {
        const auto field = std::find(layer->fieldNames.begin(), layer->fieldNames.end(), style.symbols->field);
        std::set<std::string> present;
        if (field != layer->fieldNames.end())
            for (const data::Feature& feature : layer->features)
                present.insert(feature.values.at(static_cast<std::size_t>(field - layer->fieldNames.begin())));
        for (const auto& [value, symbol] : style.symbols->byValue)
            if (present.count(value))
                kinds.emplace_back(value, symbol.color);
    }
    mLayers.push_back({std::move(layer), node, style.color, nullptr, std::move(kinds)});
    updateLegend();
    ++mRevision;
    return index;
}

void SceneModel::replaceLayer(int index, std::shared_ptr<const data::VectorLayer> layer, PreparedNode prepared)
{
    const NodeInputs inputs = inputsToReplace(index, *layer);
    LayerEntry& entry = mLayers.at(index);
    osg::ref_ptr<osg::MatrixTransform> node = nodeFor(layer, inputs, prepared);
    node->setNodeMask(entry.node->getNodeMask());
    mLayerGroup->replaceChild(entry.node.get(), node.get());
    entry.node = node;
    entry.data = std::move(layer);
    ++mRevision;
}

int SceneModel::countOfKind(int before, const data::VectorLayer& layer) const
{
    return static_cast<int>(std::count_if(mLayers.begin(), mLayers.begin() + before,
                                          [&](const LayerEntry& entry) { return entry.data->kind == layer.kind; }));
}

osg::ref_ptr<osg::MatrixTransform> SceneModel::buildNode(const data::VectorLayer& layer, const NodeInputs& inputs)
{
    const ThematicColors* thematic = inputs.thematic.get();
    LayerStyle style = layerStyleFor(layer, inputs.sameKind, inputs.theme);
    style.heightScale = inputs.heightScale;
    style.solidOpacity = inputs.opacity;
    if (thematic)
    {
        // A choropleth needs a fill: areas drawn as outlines get one.
        style.fillOpacity = std::max(style.fillOpacity, 0.75f);
        style.groundFill = false;
    }
    osg::ref_ptr<osg::MatrixTransform> node = buildLayerNode(layer, inputs.origin, style, inputs.ground.get());
    if (thematic)
    {
        setFeatureColors(*node,
                         [thematic](std::size_t feature) {
                             return feature < thematic->perFeature.size() ? thematic->perFeature[feature] : NoDataColor;
                         });
    }
    else if (inputs.theme == Theme::Night && std::any_of(layer.features.begin(), layer.features.end(), isExtruded))
    {
        // Night: buildings are told apart by height, solids and roof edges alike (areas of the layer without one
        // keep their fill colour).
        const osg::Vec4 fill = style.fillColor.value_or(style.color);
        setFeatureColors(
            *node,
            [&layer, fill](std::size_t index)
            {
                const data::Feature& feature = layer.features.at(index);
                return isExtruded(feature) ? nightHeightColor(*feature.height) : fill;
            },
            GL_TRIANGLES);
        setFeatureColors(
            *node,
            [&layer](std::size_t index) { return nightRoofEdgeColor(layer.features.at(index).height.value_or(0.0)); },
            GL_LINES);
    }
    return node;
}

void SceneModel::setLayerColors(int index, std::shared_ptr<const ThematicColors> colors)
{
    LayerEntry& entry = mLayers.at(index);
    const bool hadColors = entry.thematic != nullptr;
    entry.thematic = std::move(colors);
    if (hadColors && entry.thematic)
    {
        // The layer already has its fill: recolour in place (each step of the analysis time slider).
        const ThematicColors& thematic = *entry.thematic;
        setFeatureColors(*entry.node, [&thematic](std::size_t feature)
                         { return feature < thematic.perFeature.size() ? thematic.perFeature[feature] : NoDataColor; });
    }
    else
        replaceLayer(index, entry.data);
    updateLegend();
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
    updateLegend();
    ++mRevision;
}

void SceneModel::updateLabels()
{
    // Names of the conventional layers, in one decluttered node: the higher the unit, the higher its priority.
    static const std::vector<std::pair<std::string, int>> Labelled = {{data::schema::district::Table, 50},
                                                                      {data::schema::streets::Table, 40},
                                                                      {data::schema::communities::Table, 30},
                                                                      {data::schema::stations::Table, 20},
                                                                      {data::schema::grids::Table, 10}};
    // The labelled layers shown, and the ground: when they are what the labels were built from, nothing to do
    // (layers are added and shown one by one while a project opens).
    std::vector<std::pair<std::shared_ptr<const data::VectorLayer>, int>> sources;
    for (const LayerEntry& entry : mLayers)
    {
        const auto found = std::find_if(Labelled.begin(), Labelled.end(),
                                        [&entry](const auto& pair) { return pair.first == entry.data->name; });
        if (found != Labelled.end() && entry.node->getNodeMask() != 0u)
            sources.push_back({entry.data, found->second});
    }
    if (sources == mLabelSources && mGround == mLabelGround && mDisplayScale == mLabelScale)
        return;
    mLabelSources = sources;
    mLabelGround = mGround;
    mLabelScale = mDisplayScale;
    LabelStyle style;
    style.budget = 150; // enough to name what is in view without burying it
    style.characterSizePixels = static_cast<float>(style.characterSizePixels * mDisplayScale);
    // Placing the names and making their texts is the slow part: a copy of what it needs goes to the deferrer.
    auto build = [sources = std::move(sources), field = mGround, origin = mOrigin, style]
    {
        std::vector<LabelCandidate> candidates;
        std::function<double(double, double)> ground;
        if (field)
            ground = [field](double x, double y) { return field->heightAt(x, y); };
        for (const auto& [layer, priority] : sources)
        {
            auto labels = labelsForLayer(*layer, data::schema::FeatureName, priority, ground);
            candidates.insert(candidates.end(), std::make_move_iterator(labels.begin()),
                              std::make_move_iterator(labels.end()));
        }
        return candidates.empty() ? osg::ref_ptr<osg::Node>() : buildLabelNode(std::move(candidates), origin, style);
    };
    if (!mDeferrer)
    {
        installLabels(build());
        return;
    }
    const unsigned int request = ++mLabelRequest;
    ++mLabelsPending;
    mDeferrer(
        [build = std::move(build), request, alive = std::weak_ptr<bool>(mAlive), this]() -> std::function<void()>
        {
            osg::ref_ptr<osg::Node> labels = build();
            return [labels, request, alive, this]
            {
                if (alive.expired())
                    return;
                --mLabelsPending;
                if (request == mLabelRequest)
                    installLabels(labels);
            };
        });
}

void SceneModel::installLabels(osg::ref_ptr<osg::Node> labels)
{
    if (mLabels)
        mPlainPart->removeChild(mLabels.get());
    mLabels = std::move(labels);
    if (mLabels)
        mPlainPart->addChild(mLabels.get());
    ++mRevision;
}

void SceneModel::setFocus(std::vector<data::Polygon> polygons)
{
    mFocusAreas = std::move(polygons);
    rebuildFocus();
}

void SceneModel::rebuildFocus()
{
    if (mFocus)
        mPlainPart->removeChild(mFocus.get());
    std::function<double(double, double)> ground;
    if (mGround)
        ground = [field = mGround](double x, double y) { return field->heightAt(x, y); };
    mFocus = buildFocusGlow(mFocusAreas, mOrigin, ground, mDisplayScale);
    if (mFocus)
        mPlainPart->addChild(mFocus.get());
    ++mRevision;
}

void SceneModel::setDisplayScale(double scale)
{
    scale = std::clamp(scale, 0.25, 16.0);
    if (std::abs(scale - mDisplayScale) < 0.01)
        return;
    mDisplayScale = scale;
    mDisplayScaleUniform->set(static_cast<float>(scale));
    mOverlay->setScale(scale);
    updateLabels();
    if (!mFocusAreas.empty())
        rebuildFocus();
}

void SceneModel::setLegendNames(std::function<std::string(const std::string& table)> nameOf)
{
    mLegendName = std::move(nameOf);
    updateLegend();
}

void SceneModel::updateLegend()
{
    auto legendName = [this](const std::string& table) { return mLegendName ? mLegendName(table) : table; };
    updateLabels();
    std::vector<MapLegendEntry> entries;
    for (const LayerEntry& entry : mLayers)
    {
        if (entry.node->getNodeMask() == 0u)
            continue;
        if (!entry.thematic)
        {
            entries.push_back({legendName(entry.data->name), entry.color});
            // Icons per kind: each kind in its colour (a handful at most).
            if (entry.kinds.size() <= 10)
                for (const auto& [kind, color] : entry.kinds)
                    entries.push_back({"  " + legendName(kind), color});
            continue;
        }
        // A thematic layer: its title, then its classes.
        entries.push_back({legendName(entry.data->name) + " · " + entry.thematic->legend.title, osg::Vec4(0, 0, 0, 0)});
        for (const LegendEntry& line : entry.thematic->legend.entries)
            entries.push_back({"  " + legendName(line.label), line.color});
    }
    if (mHeat)
    {
        entries.push_back({mHeatTitle, heatColor(1.0)});
        entries.push_back({"  " + legendName("low"), heatColor(0.05)});
    }
    mOverlay->setLegend(entries);
}

SceneModel::~SceneModel()
{
    mOverlay->setContentCheck({});
}

bool SceneModel::isLayerVisible(int index) const
{
    return layerNode(index)->getNodeMask() != 0u;
}

osg::BoundingSphere SceneModel::contentBound() const
{
    return boundOfContent(*mLayerGroup, *mModelGroup, *mTerrainGroup);
}

void SceneModel::setOriginIfUnset(const osg::Vec3d& projectPoint)
{
    if (mHasOrigin)
        return;
    mOrigin.set(std::round(projectPoint.x()), std::round(projectPoint.y()), 0.0);
    mHasOrigin = true;
}

void SceneModel::setTerrain(osg::ref_ptr<osg::Node> terrain, std::shared_ptr<const data::HeightField> ground,
                            std::vector<PreparedNode> draped)
{
    mTerrainGroup->removeChildren(0, mTerrainGroup->getNumChildren());
    mTerrain = std::move(terrain);
    mGround = std::move(ground);
    if (mTerrain)
        mTerrainGroup->addChild(mTerrain.get());
    // Drape (or undrape) every layer.
    for (int i = 0; i < layerCount(); ++i)
    {
        const auto& layer = mLayers[static_cast<std::size_t>(i)].data;
        const auto prepared = std::find_if(draped.begin(), draped.end(),
                                           [&layer](const PreparedNode& node) { return node.layer == layer; });
        replaceLayer(i, layer, prepared == draped.end() ? PreparedNode{} : std::move(*prepared));
    }
    updateLabels();
    if (!mFocusAreas.empty())
        rebuildFocus();
    ++mRevision;
}

void SceneModel::setBuildingDisplay(float heightScale, float opacity)
{
    mHeightScale = heightScale;
    mBuildingOpacity = opacity;
    for (int i = 0; i < layerCount(); ++i)
        replaceLayer(i, mLayers[static_cast<std::size_t>(i)].data);
}

void SceneModel::setEffects(const Effects& effects)
{
    if (effects == mEffects)
        return;
    mEffects = effects;
    rebuildContent();
}

void SceneModel::rebuildContent()
{
    osg::ref_ptr<osg::Group> content = buildEffects(mEffects, {mShadowPart, mPlainPart, mSky, mTheme});
    if (mContent)
        mRoot->replaceChild(mContent.get(), content.get());
    else
        mRoot->insertChild(0, content.get());
    mContent = std::move(content);
    ++mRevision;
}

void SceneModel::setHeatLayer(osg::ref_ptr<osg::Node> heat, const std::string& title)
{
    if (mHeat)
        mPlainPart->removeChild(mHeat.get());
    mHeat = std::move(heat);
    mHeatTitle = title;
    if (mHeat)
        mPlainPart->addChild(mHeat.get());
    updateLegend();
    ++mRevision;
}

void SceneModel::setTheme(Theme theme)
{
    if (theme == mTheme)
        return;
    mTheme = theme;
    const bool night = theme == Theme::Night;
    // The scene's side of the look: the sky, the fog (following the content, without holding the model) and
    // the dimmed imagery, which the terrain and the models keep when they are replaced or added later.
    if (mFog)
        mRoot->removeCullCallback(mFog.get());
    mSky = night ? buildNightSky() : nullptr;
    mFog = night ? nightFogCallback([layers = mLayerGroup, models = mModelGroup, terrain = mTerrainGroup]
                                    { return boundOfContent(*layers, *models, *terrain); })
                 : nullptr;
    if (mFog)
        mRoot->addCullCallback(mFog.get());
    rebuildContent();
    const osg::ref_ptr<osg::StateSet> imagery = night ? nightImageryState() : nullptr;
    mTerrainGroup->setStateSet(imagery.get());
    mModelGroup->setStateSet(imagery.get());
    // The palette: every layer rebuilt in it, its legend colour with it.
    for (int i = 0; i < layerCount(); ++i)
    {
        LayerEntry& entry = mLayers[static_cast<std::size_t>(i)];
        entry.color = layerStyleFor(*entry.data, countOfKind(i, *entry.data), theme).color;
        replaceLayer(i, entry.data);
    }
    updateLegend();
    ++mRevision;
}

void SceneModel::addModel(osg::ref_ptr<osg::Node> model)
{
    mModelGroup->addChild(model.get());
    ++mRevision;
}

osg::Node* SceneModel::modelNode(unsigned int index) const
{
    return index < mModelGroup->getNumChildren() ? mModelGroup->getChild(index) : nullptr;
}

std::string SceneModel::modelName(unsigned int index) const
{
    const osg::Node* node = modelNode(index);
    return node ? node->getName() : std::string();
}

void SceneModel::setModelVisible(unsigned int index, bool visible)
{
    if (osg::Node* node = modelNode(index); node && (node->getNodeMask() != 0) != visible)
    {
        node->setNodeMask(visible ? ~0u : 0u);
        ++mRevision;
    }
}

bool SceneModel::isModelVisible(unsigned int index) const
{
    const osg::Node* node = modelNode(index);
    return node && node->getNodeMask() != 0;
}

void SceneModel::removeModel(unsigned int index)
{
    if (index < mModelGroup->getNumChildren())
    {
        mModelGroup->removeChild(index);
        ++mRevision;
    }
}

unsigned int SceneModel::removeModel(const std::string& name)
{
    unsigned int removed = 0;
    for (unsigned int i = mModelGroup->getNumChildren(); i-- > 0;)
        if (mModelGroup->getChild(i)->getName() == name)
        {
            mModelGroup->removeChild(i);
            ++removed;
        }
    if (removed > 0)
        ++mRevision;
    return removed;
}

} // namespace citytwin::scene
