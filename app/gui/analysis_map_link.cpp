#include "app/gui/analysis_map_link.hpp"

#include "data/project/schema.hpp"

#include "app/common/layer_names.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/layer_list.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/analysis/classification.hpp"
#include "data/core/field_values.hpp"
#include "data/analysis/derived_layers.hpp"
#include "scene/scene_model.hpp"
#include "scene/thematic_style.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <QSet>
#include <QStatusBar>

namespace citytwin::app
{
namespace
{
/// The id of each feature of a layer: its `id` field, or its fid when the layer has none (analysis tables name
/// areas by these ids).
std::vector<std::int64_t> featureIds(const data::VectorLayer& layer)
{
    return data::featureIds(layer, data::schema::StableId);
}
} // namespace

AnalysisMapLink::AnalysisMapLink(AnalysisDock& dock, LayerList& layers, scene::SceneModel& model,
                                 ViewportWidget& viewport, QStatusBar& statusBar, QObject* parent)
    : QObject(parent), mDock(dock), mLayers(layers), mModel(model), mViewport(viewport), mStatusBar(statusBar)
{
    connect(&dock, &AnalysisDock::filterChanged, this, &AnalysisMapLink::focusFilterArea);
    connect(&dock, &AnalysisDock::showOnMap, this, &AnalysisMapLink::showValues);
    connect(&dock, &AnalysisDock::highlightBuildings, this, &AnalysisMapLink::highlightBuildings);
    connect(&dock, &AnalysisDock::zoomToArea, this, &AnalysisMapLink::zoomToArea);
    connect(&dock, &AnalysisDock::analysisLayer, this, &AnalysisMapLink::showLayer);
}

void AnalysisMapLink::showValues(const QString& areaTable, const QHash<qint64, double>& values, const QString& title,
                                 bool columns)
{
    const int index = mLayers.named(areaTable.toStdString());
    if (index < 0)
        return;
    const data::VectorLayer& layer = mLayers.layer(index);
    std::vector<double> perFeature;
    perFeature.reserve(layer.features.size());
    for (const qint64 id : featureIds(layer))
        perFeature.push_back(values.value(id, std::nan("")));
    auto colors = std::make_shared<const scene::ThematicColors>(scene::graduatedColors(
        perFeature, title.toStdString(), 5, data::ClassMethod::NaturalBreaks, scene::ColorRamp::YellowOrangeRed));
    // Columns: a derived layer with the values as its height, in place of the flat areas.
    std::shared_ptr<const data::VectorLayer> valueColumns;
    if (columns)
    {
        data::VectorLayer withValues = layer;
        withValues.fieldNames.push_back("value");
        for (std::size_t i = 0; i < withValues.features.size(); ++i)
            withValues.features[i].values.push_back(std::isfinite(perFeature[i]) ? std::to_string(perFeature[i])
                                                                                 : std::string());
        valueColumns = std::make_shared<const data::VectorLayer>(
            data::valueColumns(withValues, "value", LayerList::ColumnHeightMetres));
    }
    mLayers.showColoured(index, std::move(colors), std::move(valueColumns));
    mViewport.sceneChanged(false);
}

void AnalysisMapLink::zoomToArea(const QString& table, qint64 id)
{
    const int index = mLayers.named(table.toStdString());
    if (index < 0)
        return;
    const data::VectorLayer& layer = mLayers.layer(index);
    const std::vector<std::int64_t> ids = featureIds(layer);
    const auto found = std::find(ids.begin(), ids.end(), id);
    if (found == ids.end())
        return;
    const data::Feature& feature = layer.features[static_cast<std::size_t>(found - ids.begin())];
    data::Extent extent;
    for (const data::Polygon& polygon : feature.polygons)
        for (const data::Ring& ring : polygon.rings)
            for (const data::Position& p : ring)
                extent.include(p.x, p.y);
    for (const data::Position& p : feature.points)
        extent.include(p.x, p.y);
    if (!extent.isValid())
        return;
    const osg::Vec3d centre = mModel.projectToWorld(osg::Vec3d(extent.centerX(), extent.centerY(), 0.0));
    const double radius = std::max(150.0, 0.6 * std::hypot(extent.maxX - extent.minX, extent.maxY - extent.minY));
    mLayers.setVisible(index, true);
    mViewport.flyToBound(osg::BoundingSphere(centre, radius));
    mStatusBar.showMessage(tr("%1 %2").arg(LayerNames::displayName(layer)).arg(id), 5000);
}

std::vector<data::Polygon> AnalysisMapLink::areaPolygons(const char* table, const std::vector<std::int64_t>& ids) const
{
    std::vector<data::Polygon> polygons;
    const int index = mLayers.named(table);
    if (index < 0 || ids.empty())
        return polygons;
    const data::VectorLayer& layer = mLayers.layer(index);
    const std::vector<std::int64_t> featureIdList = featureIds(layer);
    const QSet<qint64> wanted(ids.begin(), ids.end());
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (wanted.contains(featureIdList[i]))
            polygons.insert(polygons.end(), layer.features[i].polygons.begin(), layer.features[i].polygons.end());
    return polygons;
}

void AnalysisMapLink::focusFilterArea()
{
    const data::IncidentFilter filter = mDock.currentFilter();
    // The time slider moves the filter often: the outline is rebuilt only when the area changes.
    std::string key;
    if (filter.polygon)
        for (const data::Ring& ring : filter.polygon->rings)
            for (const data::Position& p : ring)
                key += std::to_string(p.x) + ',' + std::to_string(p.y) + ';';
    else if (filter.communityId)
        key = "c" + std::to_string(*filter.communityId);
    else
        for (const std::int64_t grid : filter.gridIds)
            key += 'g' + std::to_string(grid);
    if (key == mFocusKey && mFocusLayers == mLayers.count())
        return;
    mFocusKey = key;
    mFocusLayers = mLayers.count();
    std::vector<data::Polygon> polygons;
    if (filter.polygon)
        polygons.push_back(*filter.polygon);
    else if (filter.communityId)
        polygons = areaPolygons(data::schema::communities::Table, {*filter.communityId});
    else if (!filter.gridIds.empty() && filter.gridIds.size() <= MaxFocusGrids)
        polygons = areaPolygons(data::schema::grids::Table, filter.gridIds);
    if (polygons.empty() && !mModel.hasFocus())
        return;
    mModel.setFocus(std::move(polygons));
    mViewport.sceneChanged(false);
}

void AnalysisMapLink::showLayer(std::shared_ptr<const data::VectorLayer> layer)
{
    // Its node is built on the thread pool (a coverage layer has thousands of polygons).
    mLayers.place({.kind = LayerList::Placement::Kind::Show,
                   .layer = std::move(layer),
                   .done = [this](int) { mViewport.sceneChanged(false); }});
}

void AnalysisMapLink::highlightBuildings(const QList<qint64>& ids)
{
    const int index = mLayers.named(data::schema::buildings::Table);
    if (index < 0)
        return;
    const data::VectorLayer& layer = mLayers.layer(index);
    const QSet<qint64> wanted(ids.begin(), ids.end());
    const osg::Vec4 highlighted(0.90f, 0.20f, 0.18f, 1.0f), other(0.80f, 0.80f, 0.78f, 1.0f);
    auto colors = std::make_shared<scene::ThematicColors>();
    colors->legend.title = tr("Buildings listed by the analysis").toStdString();
    colors->legend.entries = {{tr("listed (%n)", nullptr, static_cast<int>(wanted.size())).toStdString(), highlighted},
                              {tr("others").toStdString(), other}};
    for (const qint64 id : featureIds(layer))
        colors->perFeature.push_back(wanted.contains(id) ? highlighted : other);
    mModel.setLayerColors(index, std::move(colors));
    mViewport.sceneChanged(false);
}

} // namespace citytwin::app
