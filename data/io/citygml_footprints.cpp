#include "data/io/citygml_footprints.hpp"

#include "data/io/citygml_source.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
/// Heights within this of a building's lowest vertex count as its base (decimetre-rounded survey heights).
constexpr double BaseTolerance = 0.05;

std::unique_ptr<OGRPolygon> toOgr(const std::vector<Ring>& rings)
{
    auto polygon = std::make_unique<OGRPolygon>();
    for (const Ring& ring : rings)
    {
        if (ring.size() < 3)
            continue;
        auto linear = std::make_unique<OGRLinearRing>();
        for (const Position& p : ring)
            linear->addPoint(p.x, p.y);
        linear->closeRings();
        polygon->addRingDirectly(linear.release());
    }
    return polygon;
}

/// The footprint of building index (and its parts) and which rule gave it.
std::pair<std::unique_ptr<OGRGeometry>, const char*> footprintOf(const CityGmlModel& model, std::size_t index)
{
    std::vector<const CityGmlSurface*> surfaces;
    double lowest = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < model.buildings.size(); ++i)
        if (i == index || model.buildings[i].parent == static_cast<int>(index))
            for (const CityGmlSurface& surface : model.buildings[i].surfaces)
            {
                surfaces.push_back(&surface);
                for (const Position& p : surface.vertices)
                    lowest = std::min(lowest, p.z);
            }
    OGRMultiPolygon ground, base;
    OGRMultiPoint all;
    for (const CityGmlSurface* surface : surfaces)
    {
        const bool atBase = !surface->rings.empty() &&
                            std::all_of(surface->rings.front().begin(), surface->rings.front().end(),
                                        [lowest](const Position& p) { return p.z - lowest <= BaseTolerance; });
        if (surface->kind == SurfaceKind::Ground && !surface->rings.empty())
            ground.addGeometryDirectly(toOgr(surface->rings).release());
        else if (atBase && surface->rings.front().size() >= 3)
            base.addGeometryDirectly(toOgr(surface->rings).release());
        for (const Position& p : surface->vertices)
            all.addGeometryDirectly(new OGRPoint(p.x, p.y));
    }
    const auto unite = [](const OGRMultiPolygon& parts) -> std::unique_ptr<OGRGeometry>
    {
        std::unique_ptr<OGRGeometry> united(parts.UnionCascaded());
        return united ? std::move(united) : std::unique_ptr<OGRGeometry>(parts.clone());
    };
    if (!ground.IsEmpty())
        return {unite(ground), "GroundSurface"};
    if (!base.IsEmpty())
        return {unite(base), "base"};
    if (all.getNumGeometries() >= 3)
        return {std::unique_ptr<OGRGeometry>(all.ConvexHull()), "hull"};
    return {nullptr, "none"};
}

const std::vector<std::string> OwnFields{"gml_id", "height", "height_source", "footprint_source", "address"};

/// The field an attribute is written to: its name, unless that is one of our own fields.
std::string fieldOf(const std::string& attribute)
{
    const bool taken = std::find(OwnFields.begin(), OwnFields.end(), attribute) != OwnFields.end();
    return taken ? attribute + "_attribute" : attribute;
}

/// Our own fields, then the attributes' fields in order of first appearance (measuredHeight is `height`).
std::vector<std::string> fieldNames(const CityGmlModel& model)
{
    std::vector<std::string> names = OwnFields;
    for (const CityGmlBuilding& building : model.buildings)
        for (const auto& [name, value] : building.attributes)
            if (name != "measuredHeight" && std::find(names.begin(), names.end(), fieldOf(name)) == names.end())
                names.push_back(fieldOf(name));
    return names;
}
} // namespace

Result<GdalDatasetPtr> cityGmlFootprints(const CityGmlModel& model)
{
    if (model.buildingCount() == 0)
        return Error{ErrorCode::NoFeatures, "the CityModel holds no buildings", model.path};
    ensureGdalRegistered();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("Memory");
    GdalDatasetPtr dataset(driver ? driver->Create("", 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!dataset)
        return Error{ErrorCode::OpenFailed, "GDAL's Memory driver is missing", model.path};
    OGRSpatialReference srs;
    const bool hasCrs = !model.crs.empty() && srs.SetFromUserInput(model.crs.c_str()) == OGRERR_NONE;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::string layerName = std::filesystem::path(model.path).stem().string();
    OGRLayer* layer = dataset->CreateLayer(layerName.c_str(), hasCrs ? &srs : nullptr, wkbMultiPolygon, nullptr);
    if (!layer)
        return Error{ErrorCode::OpenFailed, "cannot make the footprint layer", model.path};
    for (const std::string& name : fieldNames(model))
    {
        OGRFieldDefn field(name.c_str(), name == "height" ? OFTReal : OFTString);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return Error{ErrorCode::OpenFailed, "cannot make the footprint field '" + name + "'", model.path};
    }
    for (std::size_t i = 0; i < model.buildings.size(); ++i)
    {
        const CityGmlBuilding& building = model.buildings[i];
        if (building.parent >= 0)
            continue;
        OGRFeature feature(layer->GetLayerDefn());
        const auto [height, heightSource] = buildingHeight(model, i);
        auto [footprint, footprintSource] = footprintOf(model, i);
        feature.SetField("gml_id", building.id.c_str());
        feature.SetField("height", height);
        feature.SetField("height_source", heightSource.c_str());
        feature.SetField("footprint_source", footprintSource);
        if (!building.address.empty())
            feature.SetField("address", building.address.c_str());
        for (const auto& [name, value] : building.attributes)
            if (name != "measuredHeight")
                feature.SetField(feature.GetFieldIndex(fieldOf(name).c_str()), value.c_str());
        if (footprint)
            feature.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(footprint.release()));
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            return Error{ErrorCode::OpenFailed, "cannot keep the footprint of building " + building.id, model.path};
    }
    return dataset;
}

} // namespace citytwin::data
