#pragma once

#include "data/analysis/classification.hpp"
#include "data/project/view_state.hpp"

#include <memory>
#include <optional>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace citytwin::data
{
struct VectorLayer;
}

namespace citytwin::scene
{
struct ThematicColors;
}

namespace citytwin::app
{

/// Layers dock ▸ Colour by Field…: the field, how numbers are classed (method, number of classes) and, for
/// areas, whether they are drawn as 3D columns whose height is the value.
class ColorByDialog : public QDialog
{
    Q_OBJECT
public:
    ColorByDialog(const data::VectorLayer& layer, QWidget* parent = nullptr);

    /// What the user chose: the colours, and for columns the layer of columns (data::valueColumns) to show in
    /// place of the areas.
    struct Choice
    {
        std::shared_ptr<const scene::ThematicColors> colors;
        std::shared_ptr<const data::VectorLayer> columns;
        /// The field chosen, and whether as columns (what a saved view records).
        data::LayerColoring coloring;
    };
    /// Asks how to colour a layer (modal). Nothing when the layer has no fields, the user cancels, or the field
    /// gives no colours.
    static std::optional<Choice> choose(const data::VectorLayer& layer, double columnHeightMetres, QWidget* parent);

    QString field() const;
    data::ClassMethod method() const;
    int classes() const;
    /// Areas only: draw them as columns (extruded by the value) instead of a flat choropleth.
    bool columns() const;

private:
    QComboBox* mField = nullptr;
    QComboBox* mMethod = nullptr;
    QSpinBox* mClasses = nullptr;
    QCheckBox* mColumns = nullptr;
};

} // namespace citytwin::app
