#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace citytwin::app
{

/// Asks the user to confirm (or correct) the CRS guessed for a layer that declares none. Never a silent
/// placement: the layer is shown at the guess meanwhile, and a different choice re-reads it. Without a guess
/// (a CityGML file with no usable srsName, shown at its own coordinates meanwhile) it says why and asks for one.
class CrsConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    /// problem, when there is no guess: why the source has no usable CRS (shown in the text).
    CrsConfirmDialog(const QString& layerName, const QString& guessedCrs, QWidget* parent = nullptr,
                     const QString& problem = {});

    QString chosenCrs() const;

signals:
    /// Emitted on OK with the CRS chosen (which may be the guess).
    void crsChosen(const QString& crs);

private:
    QComboBox* mCrsCombo = nullptr;
};

} // namespace citytwin::app
