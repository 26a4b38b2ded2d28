#include "sample_layers.hpp"

#include "data/geo/planar_geometry.hpp"
#include "data/io/gdal_open.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data::sample
{
namespace
{
const char* const Surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
const char* const GivenNames[] = {"建国", "秀英", "志强", "丽娟", "海燕", "国庆", "晓东", "春梅", "立新", "玉兰",
                                  "振华", "桂芝", "红霞", "永刚", "淑珍", "俊杰", "雪梅", "伟",   "静",   "磊"};

std::unique_ptr<OGRPolygon> polygonOf(const Ring& corners)
{
    auto ring = std::make_unique<OGRLinearRing>();
    for (const Position& p : corners)
        ring->addPoint(p.x, p.y);
    ring->addPoint(corners.front().x, corners.front().y);
    auto polygon = std::make_unique<OGRPolygon>();
    polygon->addRingDirectly(ring.release());
    return polygon;
}

std::unique_ptr<OGRGeometry> point(double x, double y)
{
    return std::make_unique<OGRPoint>(x, y);
}

std::unique_ptr<OGRGeometry> line(double fromX, double fromY, double toX, double toY)
{
    auto segment = std::make_unique<OGRLineString>();
    segment->addPoint(fromX, fromY);
    segment->addPoint(toX, toY);
    return segment;
}

/// Unions polygons that share edges exactly into one (multi)polygon.
std::unique_ptr<OGRGeometry> unite(std::vector<std::unique_ptr<OGRGeometry>>& parts)
{
    OGRMultiPolygon collection;
    for (auto& part : parts)
    {
        if (wkbFlatten(part->getGeometryType()) == wkbMultiPolygon)
            for (const OGRPolygon* polygon : *part->toMultiPolygon())
                collection.addGeometry(polygon);
        else
            collection.addGeometry(part.get());
    }
    return std::unique_ptr<OGRGeometry>(collection.UnionCascaded());
}

double areaOf(const OGRGeometry& geometry)
{
    return OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&geometry)));
}

std::unique_ptr<OGRGeometry> copyOf(const OGRGeometry& geometry)
{
    return std::unique_ptr<OGRGeometry>(geometry.clone());
}

/// The river as a polygon: its centre line widened to both banks.
std::unique_ptr<OGRGeometry> riverShape(const Landscape& landscape, const Extent& clip)
{
    const std::vector<Position> line = landscape.riverLine();
    auto ring = std::make_unique<OGRLinearRing>();
    std::vector<Position> left, right;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const Position& a = line[i > 0 ? i - 1 : i];
        const Position& b = line[i + 1 < line.size() ? i + 1 : i];
        const double dx = b.x - a.x, dy = b.y - a.y, length = std::hypot(dx, dy);
        const double nx = -dy / length * Landscape::RiverHalfWidth, ny = dx / length * Landscape::RiverHalfWidth;
        left.push_back({line[i].x + nx, line[i].y + ny, 0.0});
        right.push_back({line[i].x - nx, line[i].y - ny, 0.0});
    }
    for (const Position& p : left)
        ring->addPoint(p.x, p.y);
    for (auto p = right.rbegin(); p != right.rend(); ++p)
        ring->addPoint(p->x, p->y);
    ring->closeRings();
    OGRPolygon river;
    river.addRingDirectly(ring.release());
    OGRPolygon box;
    auto frame = std::make_unique<OGRLinearRing>();
    frame->addPoint(clip.minX, clip.minY);
    frame->addPoint(clip.maxX, clip.minY);
    frame->addPoint(clip.maxX, clip.maxY);
    frame->addPoint(clip.minX, clip.maxY);
    frame->addPoint(clip.minX, clip.minY);
    box.addRingDirectly(frame.release());
    return std::unique_ptr<OGRGeometry>(river.Intersection(&box));
}

/// A feature table being written: its layer and a reusable feature.
class TableWriter
{
public:
    using Fields = std::vector<std::pair<const char*, OGRFieldType>>;

    static Result<TableWriter> create(GDALDataset& dataset, const char* name, OGRwkbGeometryType type,
                                      const Fields& fields, const char* description)
    {
        OGRSpatialReference srs;
        srs.importFromEPSG(4548);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        TableWriter writer;
        writer.mLayer = dataset.CreateLayer(name, &srs, type, featureTableOptions(description).List());
        if (!writer.mLayer)
            return Error{
                ErrorCode::StoreFailed, std::string("cannot create layer ") + name + ": " + CPLGetLastErrorMsg(), {}};
        for (const auto& [fieldName, fieldType] : fields)
        {
            OGRFieldDefn field(fieldName, fieldType);
            if (writer.mLayer->CreateField(&field) != OGRERR_NONE)
                return Error{ErrorCode::StoreFailed, std::string("cannot create field ") + fieldName, {}};
        }
        writer.mType = type;
        return writer;
    }

    OGRFeature& feature()
    {
        mFeature = std::make_unique<OGRFeature>(mLayer->GetLayerDefn());
        return *mFeature;
    }

    Result<bool> write(std::unique_ptr<OGRGeometry> geometry)
    {
        if (mType == wkbMultiPolygon)
            geometry.reset(OGRGeometryFactory::forceToMultiPolygon(geometry.release()));
        mFeature->SetGeometryDirectly(geometry.release());
        if (mLayer->CreateFeature(mFeature.get()) != OGRERR_NONE)
            return Error{ErrorCode::StoreFailed,
                         std::string("cannot write to ") + mLayer->GetName() + ": " + CPLGetLastErrorMsg(),
                         {}};
        ++mCount;
        return true;
    }

    std::int64_t count() const { return mCount; }

private:
    OGRLayer* mLayer = nullptr;
    OGRwkbGeometryType mType = wkbUnknown;
    std::unique_ptr<OGRFeature> mFeature;
    std::int64_t mCount = 0;
};

GIntBig big(std::int64_t value)
{
    return static_cast<GIntBig>(value);
}

/// The numbered name of a grid cell ("网格0042").
std::string gridName(std::int64_t gridId)
{
    return "网格" + std::to_string(10000 + gridId).substr(1);
}

/// Writes the grid cells (each with a made-up inspector) and returns each community's shape, the union of its
/// cells (index: community id - 1).
Result<std::vector<std::unique_ptr<OGRGeometry>>> writeGrids(GDALDataset& dataset, DistrictModel& model)
{
    namespace grids = schema::grids;
    auto table = TableWriter::create(dataset, grids::Table, wkbMultiPolygon,
                                     {{grids::Id, OFTInteger64},
                                      {grids::CommunityId, OFTInteger64},
                                      {grids::StreetId, OFTInteger64},
                                      {grids::Name, OFTString},
                                      {grids::Inspector, OFTString},
                                      {grids::AreaSquareMetres, OFTReal}},
                                     "Management grid cells");
    if (!table)
        return table.error();
    const DistrictLayout& layout = model.layout;
    std::vector<std::unique_ptr<OGRGeometry>> communityShapes(layout.communities.size());
    for (const Community& community : layout.communities)
    {
        std::vector<std::unique_ptr<OGRGeometry>> cells;
        for (std::int64_t gridId : community.gridIds)
        {
            const GridCell& cell = layout.grids[gridId - 1];
            OGRFeature& feature = table->feature();
            feature.SetField(grids::Id, big(cell.id));
            feature.SetField(grids::CommunityId, big(community.id));
            feature.SetField(grids::StreetId, big(community.streetId));
            feature.SetField(grids::Name, gridName(cell.id).c_str());
            feature.SetField(grids::Inspector, (std::string(Surnames[model.random.below(std::size(Surnames))]) +
                                                GivenNames[model.random.below(std::size(GivenNames))])
                                                   .c_str());
            feature.SetField(grids::AreaSquareMetres, signedArea(cell.corners, 0.0, 0.0));
            if (auto written = table->write(polygonOf(cell.corners)); !written)
                return written.error();
            cells.push_back(polygonOf(cell.corners));
        }
        communityShapes[community.id - 1] = unite(cells);
    }
    return communityShapes;
}

Result<bool> writeCommunities(GDALDataset& dataset, const DistrictModel& model,
                              const std::vector<std::unique_ptr<OGRGeometry>>& shapes, SampleReport& report)
{
    namespace communities = schema::communities;
    auto table = TableWriter::create(dataset, communities::Table, wkbMultiPolygon,
                                     {{communities::Id, OFTInteger64},
                                      {communities::StreetId, OFTInteger64},
                                      {communities::Name, OFTString},
                                      {communities::Population, OFTInteger64},
                                      {communities::Households, OFTInteger64},
                                      {communities::Elderly, OFTInteger64},
                                      {communities::Children, OFTInteger64},
                                      {communities::AreaSquareMetres, OFTReal}},
                                     "Communities (社区)");
    if (!table)
        return table.error();
    const Residents& residents = model.residents;
    for (const Community& community : model.layout.communities)
    {
        const std::size_t c = static_cast<std::size_t>(community.id - 1);
        OGRFeature& feature = table->feature();
        feature.SetField(communities::Id, big(community.id));
        feature.SetField(communities::StreetId, big(community.streetId));
        feature.SetField(communities::Name, community.name.c_str());
        feature.SetField(communities::Population, big(residents.people[c]));
        feature.SetField(communities::Households, big(residents.households[c]));
        feature.SetField(communities::Elderly, big(residents.elderly[c]));
        feature.SetField(communities::Children, big(residents.children[c]));
        feature.SetField(communities::AreaSquareMetres, areaOf(*shapes[c]));
        if (auto written = table->write(copyOf(*shapes[c])); !written)
            return written.error();
        report.population += residents.people[c];
    }
    return true;
}

/// Writes the streets (the union of their communities) and returns their shapes.
Result<std::vector<std::unique_ptr<OGRGeometry>>> writeStreets(GDALDataset& dataset, const DistrictModel& model,
                                                               const std::vector<std::unique_ptr<OGRGeometry>>& shapes)
{
    namespace streets = schema::streets;
    auto table = TableWriter::create(dataset, streets::Table, wkbMultiPolygon,
                                     {{streets::Id, OFTInteger64},
                                      {streets::Name, OFTString},
                                      {streets::Population, OFTInteger64},
                                      {streets::AreaSquareMetres, OFTReal}},
                                     "Streets (街道), grouping the communities");
    if (!table)
        return table.error();
    std::vector<std::unique_ptr<OGRGeometry>> streetShapes;
    for (const Street& street : model.layout.streets)
    {
        std::vector<std::unique_ptr<OGRGeometry>> parts;
        std::int64_t residents = 0;
        for (std::int64_t communityId : street.communityIds)
        {
            parts.push_back(copyOf(*shapes[communityId - 1]));
            residents += model.residents.people[communityId - 1];
        }
        auto shape = unite(parts);
        OGRFeature& feature = table->feature();
        feature.SetField(streets::Id, big(street.id));
        feature.SetField(streets::Name, street.name.c_str());
        feature.SetField(streets::Population, big(residents));
        feature.SetField(streets::AreaSquareMetres, areaOf(*shape));
        if (auto written = table->write(copyOf(*shape)); !written)
            return written.error();
        streetShapes.push_back(std::move(shape));
    }
    return streetShapes;
}

Result<bool> writeDistrict(GDALDataset& dataset, std::vector<std::unique_ptr<OGRGeometry>>& streetShapes,
                           SampleReport& report)
{
    namespace district = schema::district;
    auto table = TableWriter::create(dataset, district::Table, wkbMultiPolygon,
                                     {{district::Id, OFTInteger64},
                                      {district::Name, OFTString},
                                      {district::Population, OFTInteger64},
                                      {district::AreaSquareMetres, OFTReal}},
                                     "The district boundary");
    if (!table)
        return table.error();
    auto whole = unite(streetShapes);
    report.districtAreaSquareMetres = areaOf(*whole);
    OGRFeature& feature = table->feature();
    feature.SetField(district::Id, big(1));
    feature.SetField(district::Name, "路北区（样例）");
    feature.SetField(district::Population, big(DistrictPopulation));
    feature.SetField(district::AreaSquareMetres, report.districtAreaSquareMetres);
    return table->write(copyOf(*whole));
}

/// The administrative areas: grids, communities, streets and the district, each the union of the level below.
Result<bool> writeAreas(GDALDataset& dataset, DistrictModel& model, SampleReport& report)
{
    auto communityShapes = writeGrids(dataset, model);
    if (!communityShapes)
        return communityShapes.error();
    if (auto written = writeCommunities(dataset, model, *communityShapes, report); !written)
        return written.error();
    auto streetShapes = writeStreets(dataset, model, *communityShapes);
    if (!streetShapes)
        return streetShapes.error();
    return writeDistrict(dataset, *streetShapes, report);
}

/// Roads on the cell edges, each edge once; main roads on every fourth lattice line.
Result<bool> writeRoads(GDALDataset& dataset, const DistrictLayout& layout)
{
    namespace roads = schema::roads;
    auto table = TableWriter::create(dataset, roads::Table, wkbLineString,
                                     {{roads::Id, OFTInteger64}, {roads::Class, OFTString}, {roads::Name, OFTString}},
                                     "Roads along the grid cells' edges");
    if (!table)
        return table.error();
    std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, bool> edges;
    for (const GridCell& cell : layout.grids)
    {
        for (int edge = 0; edge < 4; ++edge)
        {
            const Position& a = cell.corners[static_cast<std::size_t>(edge)];
            const Position& b = cell.corners[static_cast<std::size_t>((edge + 1) % 4)];
            const std::pair<double, double> from{a.x, a.y}, to{b.x, b.y};
            edges.emplace(from < to ? std::pair{from, to} : std::pair{to, from}, isMainRoadEdge(cell, edge));
        }
    }
    std::int64_t id = 0;
    for (const auto& [key, main] : edges)
    {
        OGRFeature& feature = table->feature();
        feature.SetField(roads::Id, big(++id));
        feature.SetField(roads::Class, main ? "main" : "local");
        feature.SetField(roads::Name, main ? "主干道" : "支路");
        if (auto written = table->write(line(key.first.first, key.first.second, key.second.first, key.second.second));
            !written)
            return written.error();
    }
    return true;
}

/// The river, clipped to the grids' extent.
Result<bool> writeRiver(GDALDataset& dataset, const DistrictModel& model)
{
    namespace river = schema::river;
    auto table =
        TableWriter::create(dataset, river::Table, wkbMultiPolygon,
                            {{river::Id, OFTInteger64}, {river::Name, OFTString}}, "The river crossing the district");
    if (!table)
        return table.error();
    Extent clip;
    for (const GridCell& cell : model.layout.grids)
        for (const Position& p : cell.corners)
            clip.include(p.x, p.y);
    OGRFeature& feature = table->feature();
    feature.SetField(river::Id, big(1));
    feature.SetField(river::Name, "陡河（样例）");
    return table->write(riverShape(model.landscape, clip));
}

Result<bool> writeBuildings(GDALDataset& dataset, const std::vector<Building>& buildings, SampleReport& report)
{
    namespace buildingFields = schema::buildings;
    auto table = TableWriter::create(dataset, buildingFields::Table, wkbMultiPolygon,
                                     {{buildingFields::Id, OFTInteger64},
                                      {buildingFields::GridId, OFTInteger64},
                                      {buildingFields::CommunityId, OFTInteger64},
                                      {buildingFields::Name, OFTString},
                                      {buildingFields::Use, OFTString},
                                      {buildingFields::Floors, OFTInteger},
                                      {buildingFields::Height, OFTReal},
                                      {buildingFields::Households, OFTInteger64},
                                      {buildingFields::Population, OFTInteger64},
                                      {buildingFields::Elderly, OFTInteger64},
                                      {buildingFields::Children, OFTInteger64},
                                      {buildingFields::FootprintSquareMetres, OFTReal}},
                                     "Building footprints");
    if (!table)
        return table.error();
    for (const Building& building : buildings)
    {
        OGRFeature& feature = table->feature();
        feature.SetField(buildingFields::Id, big(building.id));
        feature.SetField(buildingFields::GridId, big(building.gridId));
        feature.SetField(buildingFields::CommunityId, big(building.communityId));
        feature.SetField(buildingFields::Name, building.name.c_str());
        feature.SetField(buildingFields::Use, buildingUseCode(building.use));
        feature.SetField(buildingFields::Floors, building.floors);
        feature.SetField(buildingFields::Height, building.height);
        feature.SetField(buildingFields::Households, big(building.households));
        feature.SetField(buildingFields::Population, big(building.population));
        feature.SetField(buildingFields::Elderly, big(building.elderly));
        feature.SetField(buildingFields::Children, big(building.children));
        feature.SetField(buildingFields::FootprintSquareMetres, std::round(building.footprintArea * 10.0) / 10.0);
        if (auto written = table->write(polygonOf(building.footprint)); !written)
            return written.error();
    }
    report.buildings = table->count();
    return true;
}

Result<bool> writeStations(GDALDataset& dataset, const std::vector<Station>& stations, SampleReport& report)
{
    namespace stationFields = schema::stations;
    auto table = TableWriter::create(dataset, stationFields::Table, wkbPoint,
                                     {{stationFields::Id, OFTInteger64},
                                      {stationFields::Kind, OFTString},
                                      {stationFields::Name, OFTString},
                                      {stationFields::CommunityId, OFTInteger64},
                                      {stationFields::GridId, OFTInteger64},
                                      {stationFields::BuildingId, OFTInteger64},
                                      {stationFields::Capacity, OFTInteger64},
                                      {stationFields::DailyVisits, OFTInteger64}},
                                     "Service stations");
    if (!table)
        return table.error();
    for (const Station& station : stations)
    {
        OGRFeature& feature = table->feature();
        feature.SetField(stationFields::Id, big(station.id));
        feature.SetField(stationFields::Kind, station.kind.c_str());
        feature.SetField(stationFields::Name, station.name.c_str());
        feature.SetField(stationFields::CommunityId, big(station.communityId));
        feature.SetField(stationFields::GridId, big(station.gridId));
        feature.SetField(stationFields::BuildingId, big(station.buildingId));
        feature.SetField(stationFields::Capacity, big(station.capacity));
        feature.SetField(stationFields::DailyVisits, big(station.dailyVisits));
        if (auto written = table->write(point(station.x, station.y)); !written)
            return written.error();
    }
    report.stations = table->count();
    return true;
}

Result<bool> writeCameras(GDALDataset& dataset, const std::vector<Camera>& cameras, SampleReport& report)
{
    namespace cameraFields = schema::cameras;
    auto table = TableWriter::create(dataset, cameraFields::Table, wkbPoint,
                                     {{cameraFields::Id, OFTInteger64},
                                      {cameraFields::Network, OFTString},
                                      {cameraFields::Name, OFTString},
                                      {cameraFields::CommunityId, OFTInteger64},
                                      {cameraFields::GridId, OFTInteger64},
                                      {cameraFields::Heading, OFTReal},
                                      {cameraFields::FieldOfView, OFTReal},
                                      {cameraFields::RangeMetres, OFTReal},
                                      {cameraFields::MountHeightMetres, OFTReal},
                                      {cameraFields::AiEnabled, OFTInteger}},
                                     "Cameras with their view (heading clockwise from north, degrees)");
    if (!table)
        return table.error();
    for (const Camera& camera : cameras)
    {
        const std::string name =
            (camera.network == "community" ? "社区监控" : "公安监控") + std::to_string(100000 + camera.id).substr(1);
        OGRFeature& feature = table->feature();
        feature.SetField(cameraFields::Id, big(camera.id));
        feature.SetField(cameraFields::Network, camera.network.c_str());
        feature.SetField(cameraFields::Name, name.c_str());
        feature.SetField(cameraFields::CommunityId, big(camera.communityId));
        feature.SetField(cameraFields::GridId, big(camera.gridId));
        feature.SetField(cameraFields::Heading, camera.heading);
        feature.SetField(cameraFields::FieldOfView, camera.fieldOfView);
        feature.SetField(cameraFields::RangeMetres, camera.range);
        feature.SetField(cameraFields::MountHeightMetres, camera.mountHeight);
        feature.SetField(cameraFields::AiEnabled, 1);
        if (auto written = table->write(point(camera.x, camera.y)); !written)
            return written.error();
    }
    report.cameras = table->count();
    return true;
}

Result<bool> writePartyOrgs(GDALDataset& dataset, const std::vector<PartyOrg>& orgs, SampleReport& report)
{
    namespace orgFields = schema::party_orgs;
    auto table = TableWriter::create(dataset, orgFields::Table, wkbPoint,
                                     {{orgFields::Id, OFTInteger64},
                                      {orgFields::Level, OFTString},
                                      {orgFields::ParentId, OFTInteger64},
                                      {orgFields::Name, OFTString},
                                      {orgFields::CommunityId, OFTInteger64},
                                      {orgFields::GridId, OFTInteger64},
                                      {orgFields::BuildingId, OFTInteger64},
                                      {orgFields::Members, OFTInteger}},
                                     "Party organizations: committee, branch, group, member household");
    if (!table)
        return table.error();
    for (const PartyOrg& org : orgs)
    {
        OGRFeature& feature = table->feature();
        feature.SetField(orgFields::Id, big(org.id));
        feature.SetField(orgFields::Level, org.level.c_str());
        if (org.parentId)
            feature.SetField(orgFields::ParentId, big(org.parentId));
        feature.SetField(orgFields::Name, org.name.c_str());
        feature.SetField(orgFields::CommunityId, big(org.communityId));
        feature.SetField(orgFields::GridId, big(org.gridId));
        if (org.buildingId)
            feature.SetField(orgFields::BuildingId, big(org.buildingId));
        feature.SetField(orgFields::Members, org.members);
        if (auto written = table->write(point(org.x, org.y)); !written)
            return written.error();
    }
    report.partyOrgs = table->count();
    return true;
}

Result<bool> writePartyLinks(GDALDataset& dataset, const std::vector<PartyLink>& links, SampleReport& report)
{
    namespace linkFields = schema::party_links;
    auto table = TableWriter::create(dataset, linkFields::Table, wkbLineString,
                                     {{linkFields::Id, OFTInteger64},
                                      {linkFields::HouseholdId, OFTInteger64},
                                      {linkFields::LinkedHouseholdId, OFTInteger64},
                                      {linkFields::LinkedBuildingId, OFTInteger64}},
                                     "1+10 links: member household to resident household (building id x 1000 + "
                                     "flat)");
    if (!table)
        return table.error();
    for (const PartyLink& link : links)
    {
        OGRFeature& feature = table->feature();
        feature.SetField(linkFields::Id, big(link.id));
        feature.SetField(linkFields::HouseholdId, big(link.householdId));
        feature.SetField(linkFields::LinkedHouseholdId, big(link.linkedHouseholdId));
        feature.SetField(linkFields::LinkedBuildingId, big(link.linkedBuildingId));
        if (auto written = table->write(line(link.fromX, link.fromY, link.toX, link.toY)); !written)
            return written.error();
    }
    report.partyLinks = table->count();
    return true;
}

/// Every layer, in the order the sample has always written them.
Result<bool> writeEveryLayer(GDALDataset& dataset, DistrictModel& model, SampleReport& report)
{
    if (auto written = writeAreas(dataset, model, report); !written)
        return written;
    if (auto written = writeRoads(dataset, model.layout); !written)
        return written;
    if (auto written = writeRiver(dataset, model); !written)
        return written;
    if (auto written = writeBuildings(dataset, model.buildings, report); !written)
        return written;
    if (auto written = writeStations(dataset, model.stations, report); !written)
        return written;
    if (auto written = writeCameras(dataset, model.cameras, report); !written)
        return written;
    if (auto written = writePartyOrgs(dataset, model.orgs, report); !written)
        return written;
    return writePartyLinks(dataset, model.links, report);
}
} // namespace

Result<bool> writeLayers(const std::string& path, DistrictModel& model, SampleReport& report)
{
    GdalDatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!dataset)
        return Error{ErrorCode::StoreFailed, std::string("cannot open the new project: ") + CPLGetLastErrorMsg(), path};
    if (dataset->StartTransaction(TRUE) != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, "cannot start a transaction", path};
    if (auto written = writeEveryLayer(*dataset, model, report); !written)
        return Error{written.error().code, written.error().detail, path};
    if (dataset->CommitTransaction() != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, std::string("cannot commit the sample: ") + CPLGetLastErrorMsg(), path};
    return true;
}

} // namespace citytwin::data::sample
