#include "app/gui/table_columns_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace citytwin::app
{
namespace
{
/// Whether a cell reads as a coordinate: a number, perhaps with a degree sign or unit after it.
bool looksNumeric(const QString& cell)
{
    QString text = cell.trimmed();
    while (!text.isEmpty() && !text.back().isDigit())
        text.chop(1);
    bool ok = false;
    text.toDouble(&ok);
    return ok;
}

/// Whether a cell reads as a WKT or GeoJSON geometry.
bool looksLikeGeometry(const QString& cell)
{
    const QString text = cell.trimmed().toUpper();
    for (const char* start : {"POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING", "POLYGON", "MULTIPOLYGON",
                              "GEOMETRYCOLLECTION", "SRID="})
        if (text.startsWith(QLatin1String(start)))
            return true;
    return text.startsWith(QLatin1Char('{')) && text.contains(QLatin1String("\"COORDINATES\""));
}
} // namespace

TableColumnsDialog::TableColumnsDialog(const QString& layerName, const QStringList& fields,
                                       const QStringList& sampleRow, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("tableColumnsDialog"));
    setWindowTitle(tr("Coordinate columns"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("No coordinate columns were recognised in <b>%1</b>, so its rows have no place on "
                               "the map. Choose the columns that hold its coordinates.")
                                .arg(layerName.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);

    mPairButton = new QRadioButton(tr("Two columns: X (longitude or easting) and Y (latitude or northing)"), this);
    mPairButton->setObjectName(QStringLiteral("pairButton"));
    layout->addWidget(mPairButton);
    auto* pairForm = new QFormLayout;
    mXCombo = new QComboBox(this);
    mXCombo->setObjectName(QStringLiteral("xColumn"));
    mYCombo = new QComboBox(this);
    mYCombo->setObjectName(QStringLiteral("yColumn"));
    pairForm->addRow(tr("X column:"), mXCombo);
    pairForm->addRow(tr("Y column:"), mYCombo);
    layout->addLayout(pairForm);

    mGeometryButton = new QRadioButton(tr("One column with a WKT or GeoJSON geometry"), this);
    mGeometryButton->setObjectName(QStringLiteral("geometryButton"));
    layout->addWidget(mGeometryButton);
    mGeometryCombo = new QComboBox(this);
    mGeometryCombo->setObjectName(QStringLiteral("geometryColumn"));
    auto* geometryForm = new QFormLayout;
    geometryForm->addRow(tr("Geometry column:"), mGeometryCombo);
    layout->addLayout(geometryForm);

    int firstNumeric = -1;
    int secondNumeric = -1;
    int geometry = -1;
    for (int i = 0; i < fields.size(); ++i)
    {
        for (QComboBox* combo : {mXCombo, mYCombo, mGeometryCombo})
            combo->addItem(fields[i]);
        const QString cell = i < sampleRow.size() ? sampleRow[i] : QString();
        if (looksLikeGeometry(cell) && geometry < 0)
            geometry = i;
        else if (looksNumeric(cell) && firstNumeric < 0)
            firstNumeric = i;
        else if (looksNumeric(cell) && secondNumeric < 0)
            secondNumeric = i;
    }
    mXCombo->setCurrentIndex(std::max(firstNumeric, 0));
    mYCombo->setCurrentIndex(secondNumeric >= 0 ? secondNumeric : std::min(1, int(fields.size()) - 1));
    mGeometryCombo->setCurrentIndex(std::max(geometry, 0));
    (geometry >= 0 && secondNumeric < 0 ? mGeometryButton : mPairButton)->setChecked(true);
    const auto enable = [this]
    {
        mXCombo->setEnabled(mPairButton->isChecked());
        mYCombo->setEnabled(mPairButton->isChecked());
        mGeometryCombo->setEnabled(mGeometryButton->isChecked());
    };
    connect(mPairButton, &QRadioButton::toggled, this, enable);
    enable();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this,
            [this]
            {
                emit columnsChosen(chosenColumns());
                accept();
            });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool TableColumnsDialog::appliesTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("xlsx") ||
           suffix == QLatin1String("ods");
}

data::TableColumns TableColumnsDialog::chosenColumns() const
{
    data::TableColumns columns;
    if (mGeometryButton->isChecked())
        columns.geometry = mGeometryCombo->currentText().toStdString();
    else
    {
        columns.x = mXCombo->currentText().toStdString();
        columns.y = mYCombo->currentText().toStdString();
    }
    return columns;
}

} // namespace citytwin::app
