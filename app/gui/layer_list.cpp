#include "app/gui/layer_list.hpp"

#include "app/gui/layers_dock.hpp"
#include "app/gui/release_in_background.hpp"

#include "scene/scene_model.hpp"

#include <QFutureWatcher>
#include <QSignalBlocker>
#include <QtConcurrent/QtConcurrent>

namespace citytwin::app
{

LayerList::LayerList(scene::SceneModel& model, LayersDock& dock, QObject* parent)
    : QObject(parent), mModel(model), mDock(dock)
{
    // A tick by the user: the node follows its row.
    connect(&mDock, &LayersDock::visibilityChanged, this,
            [this](int index, bool visible)
            {
                mModel.setLayerVisible(index, visible);
                emit visibilityChanged(index, visible);
            });
}

int LayerList::count() const
{
    return mModel.layerCount();
}

const data::VectorLayer& LayerList::layer(int index) const
{
    return mModel.layer(index);
}

bool LayerList::isVisible(int index) const
{
    return mModel.isLayerVisible(index);
}

int LayerList::add(std::shared_ptr<const data::VectorLayer> layer)
{
    return add(std::move(layer), scene::PreparedNode{});
}

int LayerList::add(std::shared_ptr<const data::VectorLayer> layer, scene::PreparedNode prepared)
{
    const int index = mModel.addLayer(layer, std::move(prepared));
    mDock.addLayer(*layer, mModel.isLayerVisible(index));
    return index;
}

void LayerList::replace(int index, std::shared_ptr<const data::VectorLayer> layer)
{
    replace(index, std::move(layer), scene::PreparedNode{});
}

void LayerList::replace(int index, std::shared_ptr<const data::VectorLayer> layer, scene::PreparedNode prepared)
{
    // The layer replaced is freed by a worker when nothing else holds it (a million rows take a while to free).
    std::shared_ptr<const data::VectorLayer> replaced = mModel.sharedLayer(index);
    mModel.replaceLayer(index, layer, std::move(prepared));
    releaseInBackground(std::move(replaced));
    mDock.updateLayer(index, *layer);
}

void LayerList::place(Placement placement)
{
    runInTurn([this, placement = std::move(placement)]() mutable { return beginPlacement(std::move(placement)); });
}

void LayerList::runInTurn(Step begin)
{
    mPlacements.push_back(std::move(begin));
    if (!mPlacing)
        placeNext();
}

void LayerList::placeNext()
{
    while (!mPlacements.empty())
    {
        mPlacing = true;
        Step begin = std::move(mPlacements.front());
        mPlacements.pop_front();
        Work work = begin();
        if (!work)
            continue;
        auto* watcher = new QFutureWatcher<Apply>(this);
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher]
                {
                    watcher->deleteLater();
                    // Taken, not copied: a copy left in the watcher would free the placement's captures (the rows
                    // appended) on this thread; finishPlacement hands them to a worker instead.
                    if (const Apply apply = watcher->future().takeResult())
                        apply();
                    placeNext();
                });
        watcher->setFuture(QtConcurrent::run(std::move(work)));
        return;
    }
    mPlacing = false;
    emit placed();
}

LayerList::Work LayerList::beginPlacement(Placement placement)
{
    // The node's inputs are the model's now: placements run one at a time, so nothing queued changes them before
    // this one ends (a change by other means makes the model build the node again, see SceneModel::addLayer).
    std::shared_ptr<const data::VectorLayer> current;
    int target = placement.index;
    if (placement.kind == Placement::Kind::Show)
        target = find(placement.layer->sourcePath, placement.layer->name);
    if (placement.kind == Placement::Kind::Replace)
    {
        if (target < 0 || target >= count())
            return {};
        current = mModel.sharedLayer(target);
    }
    const data::VectorLayer& shape = placement.layer ? *placement.layer : *current;
    const scene::NodeInputs inputs = target >= 0 ? mModel.inputsToReplace(target, shape) : mModel.inputsToAdd(shape);
    return [this, placement = std::move(placement), current, inputs]() mutable -> Apply
    {
        std::shared_ptr<const data::VectorLayer> made = placement.change ? placement.change(current) : placement.layer;
        scene::PreparedNode node = scene::SceneModel::prepareNode(made, inputs);
        return [this, placement = std::move(placement), made = std::move(made), node = std::move(node)]() mutable
        { finishPlacement(std::move(placement), std::move(made), std::move(node)); };
    };
}

void LayerList::finishPlacement(Placement placement, std::shared_ptr<const data::VectorLayer> layer,
                                scene::PreparedNode prepared)
{
    int index = -1;
    switch (placement.kind)
    {
    case Placement::Kind::Add:
        index = add(std::move(layer), std::move(prepared));
        break;
    case Placement::Kind::Replace:
        index = placement.index;
        if (index >= 0 && index < count())
            replace(index, std::move(layer), std::move(prepared));
        else
            index = -1;
        break;
    case Placement::Kind::Show:
        index = find(layer->sourcePath, layer->name);
        if (index >= 0)
            replace(index, std::move(layer), std::move(prepared));
        else
            index = add(std::move(layer), std::move(prepared));
        setVisible(index, true);
        break;
    }
    if (placement.done && index >= 0)
        placement.done(index);
    // Its change may hold large inputs (the rows appended): freed by a worker.
    releaseInBackground(std::move(placement));
}

int LayerList::show(std::shared_ptr<const data::VectorLayer> layer)
{
    int index = find(layer->sourcePath, layer->name);
    if (index >= 0)
        replace(index, std::move(layer));
    else
        index = add(std::move(layer));
    setVisible(index, true);
    return index;
}

void LayerList::setVisible(int index, bool visible)
{
    const bool changed = mDock.isChecked(index) != visible;
    mModel.setLayerVisible(index, visible);
    {
        // The row follows without reporting it as the user's tick.
        const QSignalBlocker blocker(&mDock);
        mDock.setChecked(index, visible);
    }
    if (changed)
        emit visibilityChanged(index, visible);
}

int LayerList::find(const std::string& sourcePath, const std::string& name) const
{
    for (int i = 0; i < mModel.layerCount(); ++i)
        if (mModel.layer(i).sourcePath == sourcePath && mModel.layer(i).name == name)
            return i;
    return -1;
}

int LayerList::named(const std::string& name) const
{
    for (int i = 0; i < mModel.layerCount(); ++i)
        if (mModel.layer(i).name == name)
            return i;
    return -1;
}

int LayerList::findDerived(const std::string& sourcePath, const std::string& sourceLayer, data::LayerRole role) const
{
    for (int i = 0; i < mModel.layerCount(); ++i)
    {
        const data::VectorLayer& layer = mModel.layer(i);
        if (layer.role == role && layer.sourcePath == sourcePath && layer.derivedFrom.sourceLayer == sourceLayer)
            return i;
    }
    return -1;
}

void LayerList::showColoured(int index, std::shared_ptr<const scene::ThematicColors> colors,
                             std::shared_ptr<const data::VectorLayer> columns)
{
    const data::VectorLayer& areas = mModel.layer(index);
    int columnsIndex = findDerived(areas.sourcePath, areas.name, data::LayerRole::Columns);
    int coloured = index;
    if (columns)
    {
        if (columnsIndex < 0)
            columnsIndex = add(std::move(columns));
        else
            replace(columnsIndex, std::move(columns));
        setVisible(index, false);
        coloured = columnsIndex;
    }
    else if (columnsIndex >= 0)
        setVisible(columnsIndex, false);
    mModel.setLayerColors(coloured, std::move(colors));
    setVisible(coloured, true);
    mColorings.erase(index);
}

void LayerList::showColoured(int index, std::shared_ptr<const scene::ThematicColors> colors,
                             std::shared_ptr<const data::VectorLayer> columns, const data::LayerColoring& coloring)
{
    showColoured(index, std::move(colors), std::move(columns));
    mColorings[index] = coloring;
}

void LayerList::resetColours(int index)
{
    const data::VectorLayer& areas = mModel.layer(index);
    if (const int columnsIndex = findDerived(areas.sourcePath, areas.name, data::LayerRole::Columns); columnsIndex >= 0)
        setVisible(columnsIndex, false);
    mModel.setLayerColors(index, nullptr);
    mColorings.erase(index);
}

std::optional<data::LayerColoring> LayerList::coloring() const
{
    for (const auto& [index, coloring] : mColorings)
    {
        const data::VectorLayer& areas = mModel.layer(index);
        const int columnsIndex = findDerived(areas.sourcePath, areas.name, data::LayerRole::Columns);
        if (isVisible(index) || (columnsIndex >= 0 && isVisible(columnsIndex)))
            return coloring;
    }
    return std::nullopt;
}

} // namespace citytwin::app
