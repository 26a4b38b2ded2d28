#pragma once

#include "data/core/vector_layer.hpp"

#include <string>

#include <QDockWidget>

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

signals:
    void visibilityChanged(int layerIndex, bool visible);
    void zoomRequested(int layerIndex);
    /// The user asks to colour a layer by one of its fields, or to give it back its own colours.
    void colorByRequested(int layerIndex);
    void resetColorsRequested(int layerIndex);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateRow(int index);

    QListWidget* mList = nullptr;
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
