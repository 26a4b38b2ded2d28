#pragma once

#include <QDockWidget>

class QListWidget;
class QListWidgetItem;

namespace citytwin::app
{

/// Lists the loaded layers, each with a visibility check box and its feature count.
class LayersDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LayersDock(QWidget* parent = nullptr);

    /// Appends a layer row (index = position in the scene model), checked when the layer is shown.
    void addLayer(const QString& name, qsizetype featureCount, bool visible = true);

    /// Updates a layer row's name and feature count.
    void updateLayer(int index, const QString& name, qsizetype featureCount);

    int layerCount() const;
    /// Returns the row text of a layer ("name (N features)").
    QString rowText(int index) const;
    bool isChecked(int index) const;
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
    QList<QPair<QString, qsizetype>> mLayers;
};

} // namespace citytwin::app
