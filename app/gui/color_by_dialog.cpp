#include "app/gui/color_by_dialog.hpp"

#include "app/common/scene_sources.hpp"

#include "data/analysis/derived_layers.hpp"
#include "data/core/vector_layer.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace citytwin::app
{

ColorByDialog::ColorByDialog(const data::VectorLayer& layer, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("colorByDialog"));
    setWindowTitle(tr("Colour by Field"));
    auto* form = new QFormLayout(this);

    mField = new QComboBox(this);
    mField->setObjectName(QStringLiteral("field"));
    for (const std::string& field : layer.fieldNames)
        mField->addItem(QString::fromStdString(field));
    form->addRow(tr("Field:"), mField);

    mMethod = new QComboBox(this);
    mMethod->setObjectName(QStringLiteral("method"));
    mMethod->addItem(tr("Natural breaks (Jenks)"), static_cast<int>(data::ClassMethod::NaturalBreaks));
    mMethod->addItem(tr("Quantiles"), static_cast<int>(data::ClassMethod::Quantile));
    mMethod->addItem(tr("Equal interval"), static_cast<int>(data::ClassMethod::EqualInterval));
    form->addRow(tr("Numbers classed by:"), mMethod);

    mClasses = new QSpinBox(this);
    mClasses->setObjectName(QStringLiteral("classes"));
    mClasses->setRange(2, 12);
    mClasses->setValue(5);
    form->addRow(tr("Classes:"), mClasses);

    mColumns = new QCheckBox(tr("Draw areas as 3D columns as high as the value"), this);
    mColumns->setObjectName(QStringLiteral("columns"));
    mColumns->setEnabled(layer.kind == data::GeometryKind::Polygon);
    form->addRow(QString(), mColumns);
    form->addRow(new QLabel(tr("Text fields are coloured by category."), this));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

std::optional<ColorByDialog::Choice> ColorByDialog::choose(const data::VectorLayer& layer, double columnHeightMetres,
                                                           QWidget* parent)
{
    if (layer.fieldNames.empty())
        return std::nullopt;
    ColorByDialog dialog(layer, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const std::string field = dialog.field().toStdString();
    Choice choice{thematicColorsFor(layer, field, dialog.classes(), dialog.method()), nullptr,
                  data::LayerColoring{layer.name, field, dialog.columns()}};
    if (!choice.colors)
        return std::nullopt;
    if (dialog.columns())
        choice.columns =
            std::make_shared<const data::VectorLayer>(data::valueColumns(layer, field, columnHeightMetres));
    return choice;
}

QString ColorByDialog::field() const
{
    return mField->currentText();
}

data::ClassMethod ColorByDialog::method() const
{
    return static_cast<data::ClassMethod>(mMethod->currentData().toInt());
}

int ColorByDialog::classes() const
{
    return mClasses->value();
}

bool ColorByDialog::columns() const
{
    return mColumns->isEnabled() && mColumns->isChecked();
}

} // namespace citytwin::app
