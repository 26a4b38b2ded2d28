#pragma once

#include "data/core/vector_layer.hpp"

#include <string>

#include <QDockWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace citytwin::app
{

/// Lists the loaded layers, each with a visibility check box and its feature count. The rows follow the scene
/// model's layers through LayerList, which adds and updates them; a tick here comes back as visibilityChanged.
class LayersDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LayersDock(QWidget* parent = nullptr);

    /// Appends a layer row (index = position in the scene model), checked when the layer is shown: its display
    /// name (by its role) and its feature count (the deferred count while the features are not read).
    void addLayer(const data::VectorLayer& layer, bool visible);

    /// Updates a layer row's name and feature count from the layer now in its place.
    void updateLayer(int index, const data::VectorLayer& layer);

    int layerCount() const;
    /// Returns the row text of a layer ("name (N features)").
    QString rowText(int index) const;
    bool isChecked(int index) const;
    /// Ticks a row as the user would (visibilityChanged follows when the state changes).
    void setChecked(int index, bool checked);

    /// The 3D models (oblique tilesets, CityGML files, 3D Tiles sets) in a list of their own below the layers,
    /// each by its kind and name ("oblique:NAME", "citygml:NAME", "3dtiles:NAME" as the scene names them), with a
    /// visibility tick. The list is hidden while there is none.
    struct ModelRow
    {
        std::string name;
        bool visible = true;
    };
    void setModels(const QList<ModelRow>& models);
    int modelCount() const;
    QString modelRowText(int index) const;
    bool isModelChecked(int index) const;
    void setModelChecked(int index, bool checked);

signals:
    void visibilityChanged(int layerIndex, bool visible);
    void zoomRequested(int layerIndex);
    /// The user asks to colour a layer by one of its fields, or to give it back its own colours.
    void colorByRequested(int layerIndex);
    void resetColorsRequested(int layerIndex);
    /// The user shows or hides a 3D model, asks to zoom to it, or to remove it.
    void modelVisibilityChanged(int modelIndex, bool visible);
    void modelZoomRequested(int modelIndex);
    void modelRemoveRequested(int modelIndex);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateRow(int index);
    void updateModelRow(int index);
    void connectModelList();

    QListWidget* mList = nullptr;
    QLabel* mModelsLabel = nullptr;
    QListWidget* mModelList = nullptr;
    QList<ModelRow> mModels;
    /// What a row shows: the layer's table, role and origin (for its display name) and its feature count.
    struct Row
    {
        std::string table;
        data::LayerRole role = data::LayerRole::Source;
        data::LayerDerivation derivedFrom;
        qsizetype featureCount = 0;
    };
    static Row rowOf(const data::VectorLayer& layer);

    QList<Row> mLayers;
};

} // namespace citytwin::app
