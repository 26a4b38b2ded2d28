#pragma once

#include "data/analysis/classification.hpp"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace citytwin::data
{
struct VectorLayer;
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
