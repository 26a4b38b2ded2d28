#pragma once

#include "data/io/gdal_open.hpp"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QRadioButton;

namespace citytwin::app
{

/// Asks which columns of a point table (CSV, TSV, XLSX, ODS) hold its coordinates, when none were found by
/// name and the layer opened without geometry: two columns (X / longitude and Y / latitude) or one WKT /
/// GeoJSON geometry column. The GUI's face of `--x-field`, `--y-field` and `--geometry-field`.
class TableColumnsDialog : public QDialog
{
    Q_OBJECT
public:
    /// sampleRow: the first feature's values, in field order (columns whose values are numbers are offered
    /// first as X and Y).
    TableColumnsDialog(const QString& layerName, const QStringList& fields, const QStringList& sampleRow,
                       QWidget* parent = nullptr);

    /// Whether the file is a table whose coordinate columns can be chosen (by its extension).
    static bool appliesTo(const QString& path);

    data::TableColumns chosenColumns() const;

signals:
    /// Emitted on OK with the columns chosen.
    void columnsChosen(const data::TableColumns& columns);

private:
    QRadioButton* mPairButton = nullptr;
    QRadioButton* mGeometryButton = nullptr;
    QComboBox* mXCombo = nullptr;
    QComboBox* mYCombo = nullptr;
    QComboBox* mGeometryCombo = nullptr;
};

} // namespace citytwin::app
