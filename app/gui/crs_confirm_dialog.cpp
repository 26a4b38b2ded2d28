#include "app/gui/crs_confirm_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace citytwin::app
{

CrsConfirmDialog::CrsConfirmDialog(const QString& layerName, const QString& guessedCrs, QWidget* parent,
                                   const QString& problem)
    : QDialog(parent), mCrsCombo(new QComboBox(this))
{
    setObjectName(QStringLiteral("crsConfirmDialog"));
    setWindowTitle(tr("Confirm the Coordinate Reference System"));
    auto* layout = new QVBoxLayout(this);
    const QString message =
        guessedCrs.isEmpty()
            ? tr("<b>%1</b> has no coordinate reference system CityTwin can use (%2). It is shown at its own "
                 "coordinates, not placed on the map. Choose what its coordinates are (for example EPSG:28992) "
                 "to place it.")
                  .arg(layerName.toHtmlEscaped(), problem.toHtmlEscaped())
            : tr("Layer <b>%1</b> declares no coordinate reference system. From its coordinates it "
                 "is shown as <b>%2</b>. Confirm this, or choose what its coordinates really are "
                 "(Chinese web maps and phone apps often give GCJ-02 or BD-09).")
                  .arg(layerName.toHtmlEscaped(), guessedCrs.toHtmlEscaped());
    auto* text = new QLabel(message, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    mCrsCombo->setEditable(true);
    if (!guessedCrs.isEmpty())
        mCrsCombo->addItem(guessedCrs);
    for (const QString& crs : {QStringLiteral("EPSG:4326"), QStringLiteral("gcj02"), QStringLiteral("bd09"),
                               QStringLiteral("EPSG:4490"), QStringLiteral("EPSG:4548"), QStringLiteral("EPSG:4527")})
        if (crs != guessedCrs)
            mCrsCombo->addItem(crs);
    layout->addWidget(mCrsCombo);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this,
            [this]
            {
                emit crsChosen(chosenCrs());
                accept();
            });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CrsConfirmDialog::chosenCrs() const
{
    return mCrsCombo->currentText().trimmed();
}

} // namespace citytwin::app
