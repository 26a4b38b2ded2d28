#pragma once

#include "map_overlay.hpp"
#include "scene_effects.hpp"
#include "scene_theme.hpp"
#include "thematic_style.hpp"

#include "data/core/vector_layer.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <osg/Group>
#include <osg/MatrixTransform>
#include <osg/Uniform>
#include <osg/ref_ptr>

namespace citytwin::data
{
class HeightField;
struct VectorLayer;
} // namespace citytwin::data

namespace citytwin::scene
{

/// Everything a layer's node is built from besides the layer itself, copied so that the node can be built on
/// another thread (SceneModel::prepareNode).
struct NodeInputs
{
    osg::Vec3d origin;
    /// How many layers of the same kind come before it (its place in the palette).
    int sameKind = 0;
    Theme theme = Theme::Day;
    float heightScale = 1.0f;
    float opacity = 1.0f;
    std::shared_ptr<const data::HeightField> ground;
    std::shared_ptr<const ThematicColors> thematic;
    bool operator==(const NodeInputs& other) const = default;
};

/// A layer's node built ahead (on the thread pool) from a layer and the inputs the model gave for it.
struct PreparedNode
{
    std::shared_ptr<const data::VectorLayer> layer;
    NodeInputs inputs;
    osg::ref_ptr<osg::MatrixTransform> node;
};

/// The 3D scene of a project: its layers as nodes under one root, placed around a scene origin.
///
/// World coordinates are project-CRS metres minus the scene origin (z up), so the camera and bounding
/// volumes stay near zero; the origin is the centre of the first layer added, in whole metres.
/// Owned and used on the GUI thread.
class SceneModel
{
public:
    SceneModel();
    /// The overlay may outlive the model (a viewer holding the root): it stops asking the model for its content.
    ~SceneModel();

    /// Returns the root node to render: lighting state plus every layer.
    osg::Group* root() const { return mRoot.get(); }

    /// Adds a layer (sharing its data), builds its node and returns its index. A node prepared for it (prepareNode
    /// with inputsToAdd) is taken instead of building one when the model's inputs are still those it was built with.
    int addLayer(std::shared_ptr<const data::VectorLayer> layer, PreparedNode prepared = {});

    /// Replaces a layer's data (a re-read, new rows) and rebuilds its node; keeps its visibility and style. A node
    /// prepared for it (inputsToReplace) is taken as by addLayer.
    void replaceLayer(int index, std::shared_ptr<const data::VectorLayer> layer, PreparedNode prepared = {});

    /// What addLayer would build the layer's node from now; what replaceLayer would for the layer at an index.
    NodeInputs inputsToAdd(const data::VectorLayer& layer) const;
    NodeInputs inputsToReplace(int index, const data::VectorLayer& layer) const;
    /// Builds a layer's node from inputs, on any thread (the model is not touched): the slow part of adding a
    /// layer (triangulating areas, extruding buildings, draping on the ground).
    static PreparedNode prepareNode(std::shared_ptr<const data::VectorLayer> layer, NodeInputs inputs);

    int layerCount() const { return static_cast<int>(mLayers.size()); }
    const data::VectorLayer& layer(int index) const { return *mLayers.at(index).data; }
    std::shared_ptr<const data::VectorLayer> sharedLayer(int index) const { return mLayers.at(index).data; }
    osg::MatrixTransform* layerNode(int index) const { return mLayers.at(index).node.get(); }
    /// Returns the layer whose node is on the given node path, or -1.
    int layerIndexOf(const osg::NodePath& path) const;

    void setLayerVisible(int index, bool visible);
    bool isLayerVisible(int index) const;

    /// Returns the scene origin in the project CRS (metres).
    const osg::Vec3d& origin() const { return mOrigin; }
    osg::Vec3d worldToProject(const osg::Vec3d& world) const { return world + mOrigin; }
    osg::Vec3d projectToWorld(const osg::Vec3d& project) const { return project - mOrigin; }

    /// Returns the bound of the visible content in world coordinates (invalid when empty): the layers and
    /// models, or the terrain when there is nothing else.
    osg::BoundingSphere contentBound() const;

    /// Sets the scene origin from an extent when no layer has set it yet (terrain or models first).
    void setOriginIfUnset(const osg::Vec3d& projectPoint);

    /// Shows a terrain (from buildTerrain) under the layers and drapes every layer on its ground heights
    /// (layers are rebuilt); a null node removes it. The ground may be null (imagery without a DEM).
    /// Nodes prepared for the layers on that ground (inputsToReplace with the ground set) are taken in place of
    /// building them.
    void setTerrain(osg::ref_ptr<osg::Node> terrain, std::shared_ptr<const data::HeightField> ground,
                    std::vector<PreparedNode> draped = {});
    osg::Node* terrain() const { return mTerrain.get(); }
    const data::HeightField* ground() const { return mGround.get(); }

    /// Colours a layer's features (a choropleth of its areas, or its buildings) by a thematic style, or
    /// back to its own style when colors is null; kept when the layer is rebuilt (terrain, new rows). Areas
    /// get a fill for it. The legend shows the style's classes.
    void setLayerColors(int index, std::shared_ptr<const ThematicColors> colors);

    /// The north arrow, scale bar and legend drawn over the view (the legend lists the visible layers).
    MapOverlay& overlay() const { return *mOverlay; }

    /// Sets the names the legend shows for layers (by table name; the interface language's words).
    void setLegendNames(std::function<std::string(const std::string& table)> nameOf);

    /// Building display for every extruded layer: height exaggeration and opacity (layers are rebuilt).
    void setBuildingDisplay(float heightScale, float opacity);
    float heightScale() const { return mHeightScale; }
    float buildingOpacity() const { return mBuildingOpacity; }

    /// Shows a heat layer (from buildHeatLayer) over the ground, replacing any previous one; null removes it.
    /// The legend names it with its title.
    void setHeatLayer(osg::ref_ptr<osg::Node> heat, const std::string& title = {});
    osg::Node* heatLayer() const { return mHeat.get(); }

    /// Sets the look of the scene (Day until set). Night rebuilds every layer with the night palette
    /// (layerStyleFor), colours extruded features by their height (nightHeightColor) unless a thematic style
    /// colours them, dims the terrain's and the models' imagery, draws a sky behind everything and fogs the
    /// content's far side (buildNightSky, nightFogCallback); Day takes all of it back. The view's side (clear
    /// colour, light) is applyTheme, for each view that shows the scene.
    void setTheme(Theme theme);
    Theme theme() const { return mTheme; }

    /// Turns the heavier effects on or off (none until set): shadows of buildings and models, ambient occlusion,
    /// bloom (buildEffects). Layers are not rebuilt; every view of the root shows them from its next frame.
    void setEffects(const Effects& effects);
    const Effects& effects() const { return mEffects; }

    /// Adds a 3D model (an oblique-photogrammetry tileset, a CityGML file, a 3D Tiles set) placed in world
    /// coordinates. Its node's name says what it is: "oblique:NAME", "citygml:NAME", "3dtiles:NAME".
    void addModel(osg::ref_ptr<osg::Node> model);
    /// Removes the 3D models of that node name ("citygml:b1.gml"); returns how many went.
    unsigned int removeModel(const std::string& name);
    unsigned int modelCount() const { return mModelGroup->getNumChildren(); }
    /// The 3D model at an index (in the order added) and its name ("oblique:NAME", ...).
    osg::Node* modelNode(unsigned int index) const;
    std::string modelName(unsigned int index) const;
    /// Shows or hides a 3D model; a hidden one is neither drawn nor picked.
    void setModelVisible(unsigned int index, bool visible);
    bool isModelVisible(unsigned int index) const;
    /// Removes a 3D model from the scene (its paged tiles go with it).
    void removeModel(unsigned int index);
    /// The group holding the 3D models (for picking).
    const osg::Group* modelGroup() const { return mModelGroup.get(); }

    /// Outlines the focused areas (a community, grids, a drawn area; project CRS) with a glow over the scene,
    /// draped on the terrain; an empty list removes it. Kept across terrain and scale changes.
    void setFocus(std::vector<data::Polygon> polygons);
    bool hasFocus() const { return mFocus != nullptr; }

    /// Sizes of what is drawn in pixels (labels, point icons, the north arrow, scale bar and legend) times scale:
    /// 1 by default; the device pixel ratio on a high-DPI screen, the screen's height over 1080 in briefing mode,
    /// dpi / 96 for print. Labels are rebuilt when it changes; icons and the overlay follow at once.
    void setDisplayScale(double scale);
    double displayScale() const { return mDisplayScale; }

    /// Runs work off the calling thread, then the function it returns back on the calling thread (a window's thread
    /// pool and event loop). With one set, the place names' labels are built through it; without, at once.
    using Deferrer = std::function<void(std::function<std::function<void()>()> work)>;
    void setDeferrer(Deferrer deferrer) { mDeferrer = std::move(deferrer); }
    /// Whether labels are being built through the deferrer (the view shows the previous ones meanwhile).
    bool isBuildingLabels() const { return mLabelsPending > 0; }

    /// Increments whenever layers are added or change visibility, or the theme changes.
    unsigned int revision() const { return mRevision; }

private:
    /// Puts the content (sky, shadowed and plain parts) under the root with the current effects and theme.
    void rebuildContent();
    void updateLegend();
    void updateLabels();
    void installLabels(osg::ref_ptr<osg::Node> labels);
    void rebuildFocus();
    /// Returns how many of the first `before` layers have the kind of `layer` (its place in its palette).
    int countOfKind(int before, const data::VectorLayer& layer) const;
    /// The node for a layer: the prepared one when it was built from the same layer and inputs, else built now.
    osg::ref_ptr<osg::MatrixTransform> nodeFor(const std::shared_ptr<const data::VectorLayer>& layer,
                                               const NodeInputs& inputs, PreparedNode& prepared) const;
    static osg::ref_ptr<osg::MatrixTransform> buildNode(const data::VectorLayer& layer, const NodeInputs& inputs);

    struct LayerEntry
    {
        std::shared_ptr<const data::VectorLayer> data;
        osg::ref_ptr<osg::MatrixTransform> node;
        osg::Vec4 color;
        std::shared_ptr<const ThematicColors> thematic;
        /// Point layers drawn with icons: the kinds present and their colours, for the legend.
        std::vector<std::pair<std::string, osg::Vec4>> kinds;
    };
    osg::ref_ptr<osg::Group> mRoot;
    /// What casts and receives shadows (terrain, layers, models) and what is drawn with them unshadowed (labels,
    /// heat, focus); mContent draws both (and the sky) with the effects, first under the root, before the overlay.
    osg::ref_ptr<osg::Group> mShadowPart;
    osg::ref_ptr<osg::Group> mPlainPart;
    osg::ref_ptr<osg::Group> mContent;
    Effects mEffects;
    osg::ref_ptr<osg::Group> mLayerGroup;
    osg::ref_ptr<osg::Group> mModelGroup;
    /// Holds the terrain (first under the root), so that a theme can give it a state of its own.
    osg::ref_ptr<osg::Group> mTerrainGroup;
    osg::ref_ptr<MapOverlay> mOverlay;
    osg::ref_ptr<osg::Node> mLabels;
    Deferrer mDeferrer;
    /// The labels asked of the deferrer: only the latest is shown. mAlive tells late results the model is gone.
    unsigned int mLabelRequest = 0;
    int mLabelsPending = 0;
    std::shared_ptr<bool> mAlive = std::make_shared<bool>(true);
    /// What mLabels was built from (held, so that a replaced layer's address is not reused meanwhile).
    std::vector<std::pair<std::shared_ptr<const data::VectorLayer>, int>> mLabelSources;
    std::shared_ptr<const data::HeightField> mLabelGround;
    double mLabelScale = 1.0;
    double mDisplayScale = 1.0;
    /// "displayScale" for the point icons' shader, set on the root (overriding the icons' own 1).
    osg::ref_ptr<osg::Uniform> mDisplayScaleUniform;
    osg::ref_ptr<osg::Node> mHeat;
    std::vector<data::Polygon> mFocusAreas;
    osg::ref_ptr<osg::Node> mFocus;
    std::string mHeatTitle;
    std::function<std::string(const std::string&)> mLegendName;
    float mHeightScale = 1.0f;
    float mBuildingOpacity = 1.0f;
    osg::ref_ptr<osg::Node> mTerrain;
    std::shared_ptr<const data::HeightField> mGround;
    std::vector<LayerEntry> mLayers;
    Theme mTheme = Theme::Day;
    /// The night's sky node and fog callback on the root (null by day).
    osg::ref_ptr<osg::Node> mSky;
    osg::ref_ptr<osg::Callback> mFog;
    osg::Vec3d mOrigin;
    bool mHasOrigin = false;
    unsigned int mRevision = 0;
};

} // namespace citytwin::scene
