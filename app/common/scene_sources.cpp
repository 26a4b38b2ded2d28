#include "app/common/scene_sources.hpp"

#include "app/common/layer_names.hpp"

#include "data/core/field_values.hpp"
#include "data/io/citygml_source.hpp"
#include "data/io/oblique_metadata.hpp"
#include "data/io/source_info.hpp"
#include "data/io/vector_source.hpp"
#include "data/analysis/kernel_density.hpp"
#include "scene/citygml_model.hpp"
#include "scene/heat_layer.hpp"
#include "scene/oblique_model.hpp"
#include "scene/scene_model.hpp"
#include "scene/terrain.hpp"
#include "scene/thematic_style.hpp"
#include "scene/tiles3d_model.hpp"

#include <algorithm>
#include <cmath>

#include <QFileInfo>

#include <osg/ComputeBoundsVisitor>

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
    return data::obliqueMetadataPath(path.toStdString()).has_value();
}

data::Result<bool> addObliqueTileset(scene::SceneModel& model, const QString& path)
{
    const std::string metadataPath = data::obliqueMetadataPath(path.toStdString()).value_or(path.toStdString());
    auto metadata = data::readObliqueMetadata(metadataPath);
    if (!metadata)
        return metadata.error();
    auto placement = data::placeInProjectCrs(metadata.value(), "EPSG:4548");
    if (!placement)
        return placement.error();
    model.setOriginIfUnset(osg::Vec3d(placement->x, placement->y, 0.0));
    auto node = scene::loadObliqueModel(metadataPath, "EPSG:4548", model.origin());
    if (!node)
        return node.error();
    model.addModel(node.value());
    return true;
}

data::Result<data::Extent> obliqueProjectExtent(const QString& path, const std::string& projectCrs)
{
    const std::string metadataPath = data::obliqueMetadataPath(path.toStdString()).value_or(path.toStdString());
    auto node = scene::loadObliqueModel(metadataPath, projectCrs, osg::Vec3d());
    if (!node)
        return node.error();
    osg::ComputeBoundsVisitor bounds;
    node.value()->accept(bounds);
    const osg::BoundingBox& box = bounds.getBoundingBox();
    if (!box.valid())
        return data::Error{data::ErrorCode::NoFeatures, "the top-level tiles hold no geometry", metadataPath};
    data::Extent extent;
    for (unsigned int corner = 0; corner < 8; ++corner)
        extent.include(box.corner(corner).x(), box.corner(corner).y());
    return extent;
}

bool isCityGml(const QString& path)
{
    return !data::cityGmlVersion(path.toStdString()).empty();
}

namespace
{
/// The error of a CityModel without buildings, saying what it holds instead.
data::Error noBuildingsError(const data::CityGmlModel& city)
{
    std::string held;
    for (const auto& [type, count] : city.otherObjects)
        held += (held.empty() ? "" : ", ") + std::to_string(count) + " " + type;
    return data::Error{data::ErrorCode::NoFeatures,
                       "CityGML " + city.version + " CityModel without buildings" +
                           (held.empty() ? std::string(": it holds no city objects")
                                         : ": it holds " + held + ", which CityTwin does not show"),
                       city.path};
}
} // namespace

data::Result<CityGmlRead> readCityGmlForScene(const QString& path, const QString& crs)
{
    auto city = data::readCityGml(path.toStdString(), crs.trimmed().toStdString());
    if (!city)
        return city.error();
    if (city->buildings.empty())
        return noBuildingsError(city.value());
    CityGmlRead read;
    CityGmlAdded& added = read.added;
    added.buildings = city->buildingCount();
    added.parts = city->partCount();
    added.warnings = city->warnings;
    for (const auto& [type, count] : city->otherObjects)
        added.warnings.push_back(std::to_string(count) + " " + type + " object(s) left out (only buildings are shown)");
    if (city->crs.empty())
        added.crsProblem = city->crsProblem;
    else
    {
        added.crsUsed = city->crs;
        if (auto placed = data::transformCityGml(city.value(), data::DefaultProjectCrs); !placed)
            return placed.error();
    }
    read.city = std::make_shared<data::CityGmlModel>(std::move(city.value()));
    return read;
}

CityGmlAdded showCityGml(scene::SceneModel& model, const CityGmlRead& read)
{
    const data::CityGmlModel& city = *read.city;
    CityGmlAdded added = read.added;
    model.setOriginIfUnset(osg::Vec3d(city.extent.centerX(), city.extent.centerY(), 0.0));
    auto table = std::make_shared<const data::VectorLayer>(data::cityGmlBuildingTable(city));
    osg::ref_ptr<osg::MatrixTransform> node = scene::buildCityGmlModel(city, table, model.origin());
    added.nodeName = node->getName();
    model.removeModel(added.nodeName);
    model.addModel(node);
    return added;
}

data::Result<CityGmlAdded> addCityGml(scene::SceneModel& model, const QString& path, const QString& crs)
{
    auto read = readCityGmlForScene(path, crs);
    if (!read)
        return read.error();
    return showCityGml(model, read.value());
}

bool isTileset3d(const QString& path)
{
    return data::looksLikeTileset3d(path.toStdString());
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
