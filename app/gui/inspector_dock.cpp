#include "app/gui/inspector_dock.hpp"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace citytwin::app
{

InspectorDock::InspectorDock(QWidget* parent)
    : QDockWidget(parent), mHeading(new QLabel), mTable(new QTableWidget(0, 2))
{
    setObjectName(QStringLiteral("inspectorDock"));
    mTable->setObjectName(QStringLiteral("inspectorTable"));
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->verticalHeader()->hide();
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mHeading->setWordWrap(true);
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mHeading);
    layout->addWidget(mTable);
    setWidget(body);
    retranslateUi();
}

void InspectorDock::showFeature(const data::VectorLayer& layer, std::size_t featureIndex)
{
    const data::Feature& feature = layer.features.at(featureIndex);
    mLayerName = QString::fromStdString(layer.name);
    mFeatureId = feature.fid;
    mTable->setRowCount(static_cast<int>(layer.fieldNames.size()));
    for (std::size_t field = 0; field < layer.fieldNames.size(); ++field)
    {
        const int row = static_cast<int>(field);
        mTable->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(layer.fieldNames[field])));
        mTable->setItem(row, 1,
                        new QTableWidgetItem(QString::fromStdString(
                            field < feature.values.size() ? feature.values[field] : std::string())));
    }
    mTable->resizeColumnToContents(0);
    retranslateUi();
    if (!isVisible())
        show();
}

void InspectorDock::clear()
{
    mLayerName.clear();
    mFeatureId = -1;
    mTable->setRowCount(0);
    retranslateUi();
}

QString InspectorDock::valueOf(const QString& field) const
{
    for (int row = 0; row < mTable->rowCount(); ++row)
    {
        if (mTable->item(row, 0)->text() == field)
            return mTable->item(row, 1)->text();
    }
    return {};
}

QString InspectorDock::heading() const
{
    return mHeading->text();
}

void InspectorDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void InspectorDock::retranslateUi()
{
    setWindowTitle(tr("Inspector"));
    mTable->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    if (mLayerName.isEmpty())
        mHeading->setText(tr("Click an object in the 3D view to see its attributes."));
    else
        mHeading->setText(tr("Layer %1, feature %2").arg(mLayerName).arg(mFeatureId));
}

} // namespace citytwin::app
