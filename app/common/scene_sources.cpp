#include "app/common/scene_sources.hpp"

#include "app/common/layer_names.hpp"

#include "data/core/field_values.hpp"
#include "data/io/oblique_metadata.hpp"
#include "data/analysis/kernel_density.hpp"
#include "scene/heat_layer.hpp"
#include "scene/oblique_model.hpp"
#include "scene/scene_model.hpp"
#include "scene/terrain.hpp"
#include "scene/thematic_style.hpp"
#include "scene/tiles3d_model.hpp"

#include <algorithm>
#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace citytwin::app
{

data::Result<std::optional<TerrainData>> loadTerrainData(const QString& path)
{
    const data::TerrainRasters rasters = data::findTerrainRasters(path.toStdString());
    if (rasters.empty())
        return std::optional<TerrainData>();
    TerrainData terrain;
    if (!rasters.dem.empty())
    {
        auto dem = data::RasterSource::open(rasters.dem);
        if (!dem)
            return dem.error();
        auto ground = data::HeightField::load(*dem.value());
        if (!ground)
            return ground.error();
        terrain.dem = dem.value();
        terrain.ground = ground.value();
    }
    if (!rasters.imagery.empty())
    {
        auto imagery = data::RasterSource::open(rasters.imagery);
        if (!imagery)
            return imagery.error();
        terrain.imagery = imagery.value();
    }
    return std::optional<TerrainData>(std::move(terrain));
}

void applyTerrain(scene::SceneModel& model, const TerrainData& terrain)
{
    const data::Extent& extent = terrain.dem ? terrain.dem->extent() : terrain.imagery->extent();
    model.setOriginIfUnset(osg::Vec3d(extent.centerX(), extent.centerY(), 0.0));
    model.setTerrain(scene::buildTerrain(terrain.dem, terrain.imagery, model.origin()), terrain.ground);
}

std::shared_ptr<const scene::ThematicColors> thematicColorsFor(const data::VectorLayer& layer, const std::string& field,
                                                               int classes, data::ClassMethod method)
{
    if (std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field) == layer.fieldNames.end())
        return nullptr;
    const std::vector<double> numbers = data::numericValues(layer, field);
    const auto numeric = std::count_if(numbers.begin(), numbers.end(), [](double v) { return !std::isnan(v); });
    const bool graduated = numeric * 2 > static_cast<std::ptrdiff_t>(numbers.size());
    return std::make_shared<const scene::ThematicColors>(
        graduated ? scene::graduatedColors(layer, field, classes, method, scene::ColorRamp::YellowOrangeRed)
                  : scene::categorizedColors(layer, field));
}

osg::ref_ptr<osg::Node> buildIncidentHeat(const scene::SceneModel& model, const data::VectorLayer& points)
{
    return buildIncidentHeat(model, data::layerPoints(points), points.extent);
}

osg::ref_ptr<osg::Node> buildIncidentHeat(const scene::SceneModel& model, const std::vector<data::Position>& points,
                                          const data::Extent& extent)
{
    if (!extent.isValid())
        return nullptr;
    const data::DensityGrid grid = data::kernelDensity(points, extent, 20.0, 120.0);
    return scene::buildHeatLayer(grid, model.origin(), model.ground());
}

void useDisplayNames(scene::SceneModel& model)
{
    // The legend asks by name: a layer of that name is named by its role, anything else (a kind, a word) as it is.
    model.setLegendNames(
        [&model](const std::string& name)
        {
            for (int i = 0; i < model.layerCount(); ++i)
                if (model.layer(i).name == name)
                    return LayerNames::displayName(model.layer(i)).toStdString();
            return LayerNames::displayName(name).toStdString();
        });
}

bool isObliqueTileset(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QFileInfo::exists(QDir(path).filePath(QStringLiteral("metadata.xml")));
    return info.fileName().compare(QStringLiteral("metadata.xml"), Qt::CaseInsensitive) == 0 &&
           QDir(info.absolutePath()).exists(QStringLiteral("Data"));
}

data::Result<bool> addObliqueTileset(scene::SceneModel& model, const QString& path)
{
    auto metadata = data::readObliqueMetadata(path.toStdString());
    if (!metadata)
        return metadata.error();
    auto placement = data::placeInProjectCrs(metadata.value(), "EPSG:4548");
    if (!placement)
        return placement.error();
    model.setOriginIfUnset(osg::Vec3d(placement->x, placement->y, 0.0));
    auto node = scene::loadObliqueModel(path.toStdString(), "EPSG:4548", model.origin());
    if (!node)
        return node.error();
    model.addModel(node.value());
    return true;
}

bool isTileset3d(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QFileInfo::exists(QDir(path).filePath(QStringLiteral("tileset.json")));
    if (!info.isFile() || info.suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) != 0)
        return false;
    if (info.fileName().compare(QStringLiteral("tileset.json"), Qt::CaseInsensitive) == 0)
        return true;
    // Other names (layer.json, root.json, ...): a tileset has "asset" and "root" near its start.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 * 1024);
    return head.contains("\"asset\"") && head.contains("\"root\"");
}

data::Result<bool> addTileset3d(scene::SceneModel& model, const QString& path)
{
    auto placement = scene::placeTiles3d(path.toStdString(), "EPSG:4548");
    if (!placement)
        return placement.error();
    model.setOriginIfUnset(osg::Vec3d(placement->x, placement->y, 0.0));
    auto node = scene::loadTiles3dModel(path.toStdString(), "EPSG:4548", model.origin());
    if (!node)
        return node.error();
    model.addModel(node.value());
    return true;
}

QStringList tileset3dWarnings(const scene::SceneModel& model)
{
    QStringList warnings;
    const osg::Group* models = model.modelGroup();
    for (unsigned int i = 0; models && i < models->getNumChildren(); ++i)
        for (const std::string& warning : scene::tiles3dWarnings(*models->getChild(i)))
            warnings << QString::fromStdString(warning);
    return warnings;
}

} // namespace citytwin::app
