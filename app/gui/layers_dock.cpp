#include "app/gui/layers_dock.hpp"

#include "app/common/layer_names.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

namespace citytwin::app
{

namespace
{
/// A 3D model's kind, from the prefix the scene names it with, in the interface language.
QString modelKind(const std::string& name)
{
    if (name.rfind("oblique:", 0) == 0)
        return QCoreApplication::translate("citytwin::app::LayersDock", "Oblique photography");
    if (name.rfind("citygml:", 0) == 0)
        return QCoreApplication::translate("citytwin::app::LayersDock", "CityGML");
    if (name.rfind("3dtiles:", 0) == 0)
        return QCoreApplication::translate("citytwin::app::LayersDock", "3D Tiles");
    return QCoreApplication::translate("citytwin::app::LayersDock", "3D model");
}
} // namespace

LayersDock::LayersDock(QWidget* parent)
    : QDockWidget(parent), mList(new QListWidget), mModelsLabel(new QLabel), mModelList(new QListWidget)
{
    setObjectName(QStringLiteral("layersDock"));
    mList->setObjectName(QStringLiteral("layersList"));
    mModelList->setObjectName(QStringLiteral("modelsList"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mList, 3);
    layout->addWidget(mModelsLabel);
    layout->addWidget(mModelList, 1);
    mModelsLabel->hide();
    mModelList->hide();
    setWidget(content);
    connectModelList();
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

void LayersDock::connectModelList()
{
    connect(mModelList, &QListWidget::itemChanged, this,
            [this](QListWidgetItem* item)
            {
                const int row = mModelList->row(item);
                mModels[row].visible = item->checkState() == Qt::Checked;
                emit modelVisibilityChanged(row, mModels[row].visible);
            });
    connect(mModelList, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { emit modelZoomRequested(mModelList->row(item)); });
    mModelList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(mModelList, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& position)
            {
                const int row = mModelList->row(mModelList->itemAt(position));
                if (row < 0)
                    return;
                QMenu menu(this);
                menu.addAction(tr("Zoom to Model"), this, [this, row] { emit modelZoomRequested(row); });
                menu.addAction(tr("Remove Model"), this, [this, row] { emit modelRemoveRequested(row); });
                menu.exec(mModelList->viewport()->mapToGlobal(position));
            });
}

void LayersDock::setModels(const QList<ModelRow>& models)
{
    mModels = models;
    const QSignalBlocker blocker(mModelList);
    mModelList->clear();
    for (int i = 0; i < mModels.size(); ++i)
    {
        auto* item = new QListWidgetItem(mModelList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(mModels[i].visible ? Qt::Checked : Qt::Unchecked);
        updateModelRow(i);
    }
    mModelsLabel->setVisible(!mModels.isEmpty());
    mModelList->setVisible(!mModels.isEmpty());
}

int LayersDock::modelCount() const
{
    return mModelList->count();
}

QString LayersDock::modelRowText(int index) const
{
    return mModelList->item(index)->text();
}

bool LayersDock::isModelChecked(int index) const
{
    return mModelList->item(index)->checkState() == Qt::Checked;
}

void LayersDock::setModelChecked(int index, bool checked)
{
    mModelList->item(index)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void LayersDock::updateModelRow(int index)
{
    const std::string& name = mModels.at(index).name;
    const auto colon = name.find(':');
    const QString shortName = QString::fromStdString(colon == std::string::npos ? name : name.substr(colon + 1));
    const QSignalBlocker blocker(mModelList);
    QListWidgetItem* item = mModelList->item(index);
    item->setText(tr("%1 (%2)").arg(shortName, modelKind(name)));
    item->setToolTip(tr("Double-click to zoom to this model; right-click to remove it"));
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
    mModelsLabel->setText(tr("3D models"));
    for (int i = 0; i < mList->count(); ++i)
        updateRow(i);
    for (int i = 0; i < mModelList->count(); ++i)
        updateModelRow(i);
}

} // namespace citytwin::app
