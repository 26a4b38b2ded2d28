#include "app/gui/layers_dock.hpp"

#include "app/common/layer_names.hpp"

#include <QEvent>
#include <QListWidget>
#include <QMenu>

namespace citytwin::app
{

LayersDock::LayersDock(QWidget* parent) : QDockWidget(parent), mList(new QListWidget(this))
{
    setObjectName(QStringLiteral("layersDock"));
    mList->setObjectName(QStringLiteral("layersList"));
    setWidget(mList);
    connect(mList, &QListWidget::itemChanged, this,
            [this](QListWidgetItem* item)
            { emit visibilityChanged(mList->row(item), item->checkState() == Qt::Checked); });
    connect(mList, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { emit zoomRequested(mList->row(item)); });
    mList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mList, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& position)
            {
                const int row = mList->row(mList->itemAt(position));
                if (row < 0)
                    return;
                QMenu menu(this);
                menu.addAction(tr("Zoom to Layer"), this, [this, row] { emit zoomRequested(row); });
                menu.addAction(tr("Colour by Field…"), this, [this, row] { emit colorByRequested(row); });
                menu.addAction(tr("Reset Colours"), this, [this, row] { emit resetColorsRequested(row); });
                menu.exec(mList->viewport()->mapToGlobal(position));
            });
    retranslateUi();
}

LayersDock::Row LayersDock::rowOf(const data::VectorLayer& layer)
{
    const auto count = layer.deferredCount.value_or(static_cast<std::int64_t>(layer.features.size()));
    return {layer.name, layer.role, layer.derivedFrom, static_cast<qsizetype>(count)};
}

void LayersDock::addLayer(const data::VectorLayer& layer, bool visible)
{
    mLayers.append(rowOf(layer));
    const QSignalBlocker blocker(mList);
    auto* item = new QListWidgetItem(mList);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
    updateRow(static_cast<int>(mLayers.size()) - 1);
}

void LayersDock::updateLayer(int index, const data::VectorLayer& layer)
{
    mLayers[index] = rowOf(layer);
    updateRow(index);
}

int LayersDock::layerCount() const
{
    return mList->count();
}

QString LayersDock::rowText(int index) const
{
    return mList->item(index)->text();
}

bool LayersDock::isChecked(int index) const
{
    return mList->item(index)->checkState() == Qt::Checked;
}

void LayersDock::setChecked(int index, bool checked)
{
    mList->item(index)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void LayersDock::updateRow(int index)
{
    const Row& row = mLayers.at(index);
    const QSignalBlocker blocker(mList);
    QListWidgetItem* item = mList->item(index);
    // Conventional tables and derived layers by their name in the interface language; the table in the tip.
    item->setText(tr("%1 (%n feature(s))", nullptr, static_cast<int>(row.featureCount))
                      .arg(LayerNames::displayName(row.table, row.role, row.derivedFrom)));
    item->setToolTip(tr("Table %1. Double-click to zoom to this layer").arg(QString::fromStdString(row.table)));
}

void LayersDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void LayersDock::retranslateUi()
{
    setWindowTitle(tr("Layers"));
    for (int i = 0; i < mList->count(); ++i)
        updateRow(i);
}

} // namespace citytwin::app
