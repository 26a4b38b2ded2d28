#pragma once

#include "data/core/vector_layer.hpp"

#include "data/project/view_state.hpp"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <QObject>

namespace citytwin::scene
{
class SceneModel;
struct PreparedNode;
struct ThematicColors;
} // namespace citytwin::scene

namespace citytwin::app
{
class LayersDock;

/// The open layers: each layer's node in the scene model and its row in the Layers dock, kept in step. Adding,
/// replacing, showing and hiding a layer go through here only; a tick in the dock comes back through here too.
/// Indices are the scene model's (the dock's rows follow them). GUI thread only.
class LayerList : public QObject
{
    Q_OBJECT
public:
    /// The height of the tallest column when areas are drawn as columns of a value (metres).
    static constexpr double ColumnHeightMetres = 1500.0;

    LayerList(scene::SceneModel& model, LayersDock& dock, QObject* parent = nullptr);

    int count() const;
    const data::VectorLayer& layer(int index) const;
    bool isVisible(int index) const;

    /// Adds a layer (its node and its row), shown or hidden as its style says; returns its index.
    int add(std::shared_ptr<const data::VectorLayer> layer);

    /// A change to the layers whose slow part (making the layer, building its node) runs on the thread pool.
    struct Placement
    {
        enum class Kind
        {
            Add,     ///< add layer (as add)
            Replace, ///< put change(current layer at index) in its place (as replace)
            Show,    ///< replace the layer of the same source and name, or add it, and show it (as show)
        };
        Kind kind = Kind::Add;
        std::shared_ptr<const data::VectorLayer> layer;
        int index = -1;
        /// For Replace: makes the new layer from the one in place when its turn comes (on the thread pool);
        /// unset, layer is put in place.
        std::function<std::shared_ptr<const data::VectorLayer>(std::shared_ptr<const data::VectorLayer>)> change;
        /// Called on the GUI thread once the layer is in the scene, with its index.
        std::function<void(int)> done;
    };
    /// Queues a placement: placements are carried out one after the other, in the order queued, each without
    /// holding the GUI thread while its node is built. placed() follows when the queue is empty.
    void place(Placement placement);
    /// Whether placements are queued or running.
    bool isPlacing() const { return mPlacing || !mPlacements.empty(); }

    /// A step of the placement queue: begin runs on the GUI thread when its turn comes and returns the work for the
    /// thread pool (or nothing, to skip), whose result runs on the GUI thread after it.
    using Apply = std::function<void()>;
    using Work = std::function<Apply()>;
    using Step = std::function<Work()>;
    /// Queues a step with the placements (the terrain, which drapes every layer placed before it).
    void runInTurn(Step begin);
    /// Puts a layer in place of another (read again, new rows, a new result); keeps its visibility and colours.
    void replace(int index, std::shared_ptr<const data::VectorLayer> layer);
    /// Replaces the layer of the same source and name, or adds it, and shows it; returns its index.
    int show(std::shared_ptr<const data::VectorLayer> layer);
    /// Shows or hides a layer: its node and its tick (visibilityChanged follows when that changes).
    void setVisible(int index, bool visible);

    /// Returns the layer of that source and name, or -1.
    int find(const std::string& sourcePath, const std::string& name) const;
    /// Returns the first layer of that name (whatever its source), or -1.
    int named(const std::string& name) const;
    /// Returns the layer derived in a role from the layer of that source and name, or -1.
    int findDerived(const std::string& sourcePath, const std::string& sourceLayer, data::LayerRole role) const;

    /// Colours a layer (thematic colours, null for its own) and shows it. Given columns made from it
    /// (data::valueColumns), these are shown coloured in its place (added, or replacing its earlier columns);
    /// without, its earlier columns are hidden.
    void showColoured(int index, std::shared_ptr<const scene::ThematicColors> colors,
                      std::shared_ptr<const data::VectorLayer> columns = nullptr);
    /// As above, remembering the field it was coloured by (what a saved view records).
    void showColoured(int index, std::shared_ptr<const scene::ThematicColors> colors,
                      std::shared_ptr<const data::VectorLayer> columns, const data::LayerColoring& coloring);
    /// Takes a layer back to its own colours (and hides its columns).
    void resetColours(int index);
    /// The field the last layer coloured by a field (and still coloured) shows, if any.
    std::optional<data::LayerColoring> coloring() const;

signals:
    /// A layer was shown or hidden, by a tick in the dock or through setVisible.
    void visibilityChanged(int index, bool visible);
    /// Every placement queued is carried out.
    void placed();

private:
    void placeNext();
    void finishPlacement(Placement placement, std::shared_ptr<const data::VectorLayer> layer,
                         scene::PreparedNode prepared);
    int add(std::shared_ptr<const data::VectorLayer> layer, scene::PreparedNode prepared);
    void replace(int index, std::shared_ptr<const data::VectorLayer> layer, scene::PreparedNode prepared);

    Work beginPlacement(Placement placement);
    std::deque<Step> mPlacements;
    bool mPlacing = false;
    scene::SceneModel& mModel;
    LayersDock& mDock;
    /// The layers coloured by a field, by index.
    std::map<int, data::LayerColoring> mColorings;
};

} // namespace citytwin::app
