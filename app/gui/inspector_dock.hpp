#pragma once

#include "data/core/vector_layer.hpp"

#include <cstddef>

#include <QDockWidget>
#include <QStringList>

class QLabel;
class QTableWidget;

namespace citytwin::app
{

/// Shows the attributes of the object picked in the 3D view.
class InspectorDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit InspectorDock(QWidget* parent = nullptr);

    /// Shows one feature of a layer: the layer, the feature's id and its field / value pairs.
    void showFeature(const data::VectorLayer& layer, std::size_t featureIndex);
    void clear();

    /// Returns the value shown for a field, or a null string when not shown.
    QString valueOf(const QString& field) const;
    QString heading() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* mHeading = nullptr;
    QTableWidget* mTable = nullptr;
    QString mLayerName;
    qint64 mFeatureId = -1;
};

} // namespace citytwin::app
