#include "sample_writer.hpp"

#include "district_layout.hpp"
#include "district_services.hpp"
#include "district_world.hpp"
#include "incident_generator.hpp"
#include "terrain_writer.hpp"

#include "data/io/gdal_open.hpp"
#include "data/incidents/incident_bulk.hpp"
#include "data/incidents/incident_rows.hpp"
#include "data/geo/planar_geometry.hpp"
#include "data/geo/polygon_index.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data::sample
{
namespace
{
constexpr std::int64_t DistrictPopulation = 785000;
/// The sample is a snapshot at the end of its incident year; fixed, so that files are reproducible.
constexpr const char* SampleAsOf = "2025-12-31T16:00:00.000Z";
const char* const Surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
const char* const GivenNames[] = {"建国", "秀英", "志强", "丽娟", "海燕", "国庆", "晓东", "春梅", "立新", "玉兰",
                                  "振华", "桂芝", "红霞", "永刚", "淑珍", "俊杰", "雪梅", "伟",   "静",   "磊"};

class PhaseClock
{
public:
    explicit PhaseClock(const SampleOptions& options, SampleReport& report) : mOptions(options), mReport(report) {}
    void mark(const std::string& phase)
    {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - mLast).count();
        mLast = now;
        mReport.phases.push_back({phase, seconds});
        if (mOptions.progress)
            mOptions.progress(phase, seconds);
    }

private:
    const SampleOptions& mOptions;
    SampleReport& mReport;
    std::chrono::steady_clock::time_point mLast = std::chrono::steady_clock::now();
};

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
        const std::string describe = std::string("DESCRIPTION=") + description;
        const char* const options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", describe.c_str(), nullptr};
        TableWriter writer;
        writer.mLayer = dataset.CreateLayer(name, &srs, type, const_cast<char**>(options));
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

std::unique_ptr<OGRGeometry> point(double x, double y)
{
    return std::make_unique<OGRPoint>(x, y);
}

std::string communityStem(const std::string& name)
{
    const std::string suffix = "社区";
    return name.size() > suffix.size() && name.ends_with(suffix) ? name.substr(0, name.size() - suffix.size()) : name;
}

/// Names the buildings and shares each community's residents out over its homes by floor space.
void populate(const DistrictLayout& layout, std::vector<Building>& buildings, const std::vector<std::int64_t>& people,
              const std::vector<std::int64_t>& households, const std::vector<std::int64_t>& elderly,
              const std::vector<std::int64_t>& children)
{
    std::vector<std::vector<Building*>> homes(layout.communities.size());
    std::map<std::pair<std::int64_t, int>, int> numbers; // (community, use) -> running number
    for (Building& building : buildings)
    {
        const Community& community = layout.communities[building.communityId - 1];
        const std::string stem = communityStem(community.name);
        const int n = ++numbers[{community.id, static_cast<int>(building.use)}];
        switch (building.use)
        {
        case BuildingUse::Residential:
            building.name = community.name + std::to_string(n) + "号楼";
            homes[community.id - 1].push_back(&building);
            break;
        case BuildingUse::School:
            building.name = stem + (n % 2 ? "小学" : "中学");
            break;
        case BuildingUse::Market:
            building.name = stem + "农贸市场";
            break;
        case BuildingUse::Shop:
            building.name = stem + "商业楼" + std::to_string(n);
            break;
        case BuildingUse::Office:
            building.name = stem + "大厦" + (n > 1 ? std::to_string(n) + "座" : "");
            break;
        case BuildingUse::Factory:
            building.name = stem + "陶瓷厂" + std::to_string(n) + "号车间";
            break;
        case BuildingUse::Public:
            building.name = stem + (n % 2 ? "卫生服务站" : "文化活动中心");
            break;
        }
    }
    for (std::size_t c = 0; c < homes.size(); ++c)
    {
        std::vector<double> weights;
        for (const Building* home : homes[c])
            weights.push_back(home->footprintArea * home->floors);
        const auto share = [&](std::int64_t total, std::int64_t Building::*field)
        {
            const std::vector<std::int64_t> parts = apportion(total, weights);
            for (std::size_t i = 0; i < parts.size(); ++i)
                homes[c][i]->*field = parts[i];
        };
        share(people[c], &Building::population);
        share(households[c], &Building::households);
        share(elderly[c], &Building::elderly);
        share(children[c], &Building::children);
    }
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

struct Bookmark
{
    std::string name;
    double centerX, centerY, centerZ;
    double eyeDx, eyeDy, eyeDz;
};

Result<bool> writeBookmarks(Database& database, const std::vector<Bookmark>& bookmarks)
{
    auto insert = database.prepare(
        "INSERT OR REPLACE INTO citytwin_bookmarks(name, eye_x, eye_y, eye_z, center_x, center_y, center_z, up_x, "
        "up_y, up_z, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, 0, 0, 1, ?)");
    if (!insert)
        return insert.error();
    for (const Bookmark& b : bookmarks)
    {
        insert->bind(1, b.name)
            .bind(2, b.centerX + b.eyeDx)
            .bind(3, b.centerY + b.eyeDy)
            .bind(4, b.centerZ + b.eyeDz)
            .bind(5, b.centerX)
            .bind(6, b.centerY)
            .bind(7, b.centerZ)
            .bind(8, std::string(SampleAsOf));
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return true;
}

Result<std::int64_t> writeIncidents(ProjectStore& project, const DistrictLayout& layout,
                                    const std::vector<Building>& buildings,
                                    const std::vector<SampleIncident>& incidents)
{
    Database& database = project.database();
    auto srsId = project.srsIdOf(schema::incidents::Table);
    if (!srsId)
        return srsId.error();
    // A large page cache keeps the bulk load and the index builds off the disk until the commit.
    if (auto cached = database.exec("PRAGMA cache_size = -524288"); !cached)
        return cached.error();
    auto transaction = Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto bulk = BulkIndexes::suspend(database);
    if (!bulk)
        return bulk.error();
    std::map<std::string, std::string> categoryNames;
    auto names = database.prepare("SELECT code, name_zh FROM citytwin_incident_categories");
    if (!names)
        return names.error();
    if (auto read = names->forEachRow([&categoryNames](const Statement& row)
                                      { categoryNames[row.columnText(0)] = row.columnText(1); });
        !read)
        return read.error();
    auto insert = IncidentInserter::prepare(database, srsId.value(), IncidentInserter::OnDuplicate::Fail);
    if (!insert)
        return insert.error();
    const char* const prefixes[] = {"APP", "WGY", "AI", "RX"};
    const char* const sourceNames[] = {"市民随手拍", "网格员巡查", "视频AI识别", "12345热线"};
    std::int64_t perSource[4] = {};
    const auto& codes = incidentCategoryCodes();
    Extent extent;
    std::int64_t id = 0;
    for (const SampleIncident& incident : incidents)
    {
        ++id;
        const auto source = static_cast<std::size_t>(incident.source);
        extent.include(incident.x, incident.y);
        char externalId[32];
        std::snprintf(externalId, sizeof externalId, "%s2025%07lld", prefixes[source],
                      static_cast<long long>(++perSource[source]));
        const char* status = incident.closedAt       ? "closed"
                             : incident.handledAt    ? "handled"
                             : incident.dispatchedAt ? "dispatched"
                                                     : "reported";
        const GridCell& cell = layout.grids[static_cast<std::size_t>(incident.gridId - 1)];
        const Community& community = layout.communities[cell.communityId - 1];
        // Residential buildings' names start with their community's.
        const Building* building =
            incident.buildingId ? &buildings[static_cast<std::size_t>(incident.buildingId - 1)] : nullptr;
        const std::string address =
            !building ? community.name + "网格" + std::to_string(10000 + incident.gridId).substr(1) + "附近道路"
            : building->use == BuildingUse::Residential ? building->name
                                                        : community.name + building->name;
        const std::string category = codes[incident.category];
        const std::string description = sourceNames[source] + ("：" + categoryNames[category]);
        const auto nonZero = [](std::int64_t value)
        { return value ? std::optional<std::int64_t>(value) : std::nullopt; };
        const IncidentRow row{.x = incident.x,
                              .y = incident.y,
                              .externalId = externalId,
                              .source = incidentSourceCode(incident.source),
                              .category = category,
                              .status = status,
                              .reportedAt = incident.reportedAt,
                              .dispatchedAt = nonZero(incident.dispatchedAt),
                              .handledAt = nonZero(incident.handledAt),
                              .closedAt = nonZero(incident.closedAt),
                              .gridId = static_cast<std::int64_t>(incident.gridId),
                              .communityId = community.id,
                              .cameraId = nonZero(incident.cameraId),
                              .address = address,
                              .description = description,
                              .fid = id};
        if (auto done = insert->insert(row); !done)
            return done.error();
    }
    if (auto rebuilt = bulk->restore(database, 0); !rebuilt)
        return rebuilt.error();
    if (extent.isValid())
    {
        auto contents = database.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                                         "last_change = ? WHERE table_name = 'incidents'");
        if (!contents)
            return contents.error();
        if (auto done = contents->bind(1, extent.minX)
                            .bind(2, extent.minY)
                            .bind(3, extent.maxX)
                            .bind(4, extent.maxY)
                            .bind(5, std::string(SampleAsOf))
                            .run();
            !done)
            return done.error();
    }
    if (auto committed = transaction.value()->commit(); !committed)
        return committed.error();
    if (auto cached = database.exec("PRAGMA cache_size = -2000"); !cached)
        return cached.error();
    return id;
}

/// Writes everything; writeSample removes the file when this fails.
Result<SampleReport> writeAll(const std::string& path, const SampleOptions& options)
{
    SampleReport report;
    PhaseClock clock(options, report);
    auto project = ProjectStore::open(path, {.create = true});
    if (!project)
        return project.error();

    // The model of the district, in memory.
    const DistrictLayout layout = generateLayout(options.seed);
    Random random(options.seed ^ 0x5A17E5EEDull);
    const Landscape landscape(layout, random);
    std::vector<Building> buildings = placeBuildings(layout, landscape, options.scale, random);

    // Residents: communities by their homes' floor space, then their homes; exact sums.
    std::vector<double> weights(layout.communities.size(), 0.0);
    for (const Building& building : buildings)
        if (building.use == BuildingUse::Residential)
            weights[building.communityId - 1] += building.footprintArea * building.floors;
    for (double& weight : weights)
        weight *= random.uniform(0.85, 1.15);
    const std::vector<std::int64_t> people = apportion(DistrictPopulation, weights);
    std::vector<std::int64_t> households, elderly, children;
    for (std::int64_t residents : people)
    {
        households.push_back(std::llround(static_cast<double>(residents) / random.uniform(2.4, 2.9)));
        elderly.push_back(std::llround(static_cast<double>(residents) * random.uniform(0.15, 0.24)));
        children.push_back(std::llround(static_cast<double>(residents) * random.uniform(0.09, 0.15)));
    }
    populate(layout, buildings, people, households, elderly, children);

    PolygonIndex gridIndex;
    for (const GridCell& cell : layout.grids)
        gridIndex.add(cell.id, Polygon{{cell.corners}});
    gridIndex.build();
    const ServiceTargets targets;
    const std::vector<Station> stations = placeStations(layout, buildings, random);
    const std::vector<Camera> cameras = placeCameras(layout, landscape, buildings, targets, gridIndex, random);
    std::vector<PartyOrg> orgs;
    std::vector<PartyLink> links;
    buildPartyOrganization(layout, buildings, targets, random, orgs, links);
    Random incidentRandom(options.seed ^ 0x1C1DE475ull);
    const std::vector<SampleIncident> incidents =
        generateIncidents(layout, landscape, buildings, cameras, gridIndex, options.scale, incidentRandom);
    clock.mark("model");

    GdalDatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!dataset)
        return Error{ErrorCode::StoreFailed, std::string("cannot open the new project: ") + CPLGetLastErrorMsg(), path};
    if (dataset->StartTransaction(TRUE) != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, "cannot start a transaction", path};
    auto fail = [&path](const Error& error) { return Error{error.code, error.detail, path}; };

    auto grids = TableWriter::create(*dataset, "grids", wkbMultiPolygon,
                                     {{"id", OFTInteger64},
                                      {"community_id", OFTInteger64},
                                      {"street_id", OFTInteger64},
                                      {"name", OFTString},
                                      {"inspector", OFTString},
                                      {"area_m2", OFTReal}},
                                     "Management grid cells");
    if (!grids)
        return fail(grids.error());
    std::vector<std::unique_ptr<OGRGeometry>> communityShapes(layout.communities.size());
    for (const Community& community : layout.communities)
    {
        std::vector<std::unique_ptr<OGRGeometry>> cells;
        for (std::int64_t gridId : community.gridIds)
        {
            const GridCell& cell = layout.grids[gridId - 1];
            OGRFeature& feature = grids->feature();
            feature.SetField("id", static_cast<GIntBig>(cell.id));
            feature.SetField("community_id", static_cast<GIntBig>(community.id));
            feature.SetField("street_id", static_cast<GIntBig>(community.streetId));
            feature.SetField("name", ("网格" + std::to_string(10000 + cell.id).substr(1)).c_str());
            feature.SetField("inspector", (std::string(Surnames[random.below(std::size(Surnames))]) +
                                           GivenNames[random.below(std::size(GivenNames))])
                                              .c_str());
            feature.SetField("area_m2", signedArea(cell.corners, 0.0, 0.0));
            if (auto written = grids->write(polygonOf(cell.corners)); !written)
                return fail(written.error());
            cells.push_back(polygonOf(cell.corners));
        }
        communityShapes[community.id - 1] = unite(cells);
    }

    auto communities = TableWriter::create(*dataset, "communities", wkbMultiPolygon,
                                           {{"id", OFTInteger64},
                                            {"street_id", OFTInteger64},
                                            {"name", OFTString},
                                            {"population", OFTInteger64},
                                            {"households", OFTInteger64},
                                            {"elderly", OFTInteger64},
                                            {"children", OFTInteger64},
                                            {"area_m2", OFTReal}},
                                           "Communities (社区)");
    if (!communities)
        return fail(communities.error());
    for (const Community& community : layout.communities)
    {
        const std::size_t c = static_cast<std::size_t>(community.id - 1);
        OGRFeature& feature = communities->feature();
        feature.SetField("id", static_cast<GIntBig>(community.id));
        feature.SetField("street_id", static_cast<GIntBig>(community.streetId));
        feature.SetField("name", community.name.c_str());
        feature.SetField("population", static_cast<GIntBig>(people[c]));
        feature.SetField("households", static_cast<GIntBig>(households[c]));
        feature.SetField("elderly", static_cast<GIntBig>(elderly[c]));
        feature.SetField("children", static_cast<GIntBig>(children[c]));
        feature.SetField("area_m2", OGR_G_Area(OGRGeometry::ToHandle(communityShapes[c].get())));
        if (auto written = communities->write(std::unique_ptr<OGRGeometry>(communityShapes[c]->clone())); !written)
            return fail(written.error());
        report.population += people[c];
    }

    auto streets = TableWriter::create(
        *dataset, "streets", wkbMultiPolygon,
        {{"id", OFTInteger64}, {"name", OFTString}, {"population", OFTInteger64}, {"area_m2", OFTReal}},
        "Streets (街道), grouping the communities");
    if (!streets)
        return fail(streets.error());
    std::vector<std::unique_ptr<OGRGeometry>> streetShapes;
    for (const Street& street : layout.streets)
    {
        std::vector<std::unique_ptr<OGRGeometry>> parts;
        std::int64_t residents = 0;
        for (std::int64_t communityId : street.communityIds)
        {
            parts.emplace_back(communityShapes[communityId - 1]->clone());
            residents += people[communityId - 1];
        }
        auto shape = unite(parts);
        OGRFeature& feature = streets->feature();
        feature.SetField("id", static_cast<GIntBig>(street.id));
        feature.SetField("name", street.name.c_str());
        feature.SetField("population", static_cast<GIntBig>(residents));
        feature.SetField("area_m2", OGR_G_Area(OGRGeometry::ToHandle(shape.get())));
        if (auto written = streets->write(std::unique_ptr<OGRGeometry>(shape->clone())); !written)
            return fail(written.error());
        streetShapes.push_back(std::move(shape));
    }

    auto district = TableWriter::create(
        *dataset, "district", wkbMultiPolygon,
        {{"id", OFTInteger64}, {"name", OFTString}, {"population", OFTInteger64}, {"area_m2", OFTReal}},
        "The district boundary");
    if (!district)
        return fail(district.error());
    auto whole = unite(streetShapes);
    report.districtAreaSquareMetres = OGR_G_Area(OGRGeometry::ToHandle(whole.get()));
    {
        OGRFeature& feature = district->feature();
        feature.SetField("id", static_cast<GIntBig>(1));
        feature.SetField("name", "路北区（样例）");
        feature.SetField("population", static_cast<GIntBig>(DistrictPopulation));
        feature.SetField("area_m2", report.districtAreaSquareMetres);
        if (auto written = district->write(std::unique_ptr<OGRGeometry>(whole->clone())); !written)
            return fail(written.error());
    }

    // Streets (roads) on the cell edges, each edge once; main roads on every fourth lattice line.
    auto roads = TableWriter::create(*dataset, "roads", wkbLineString,
                                     {{"id", OFTInteger64}, {"class", OFTString}, {"name", OFTString}},
                                     "Roads along the grid cells' edges");
    if (!roads)
        return fail(roads.error());
    {
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
            OGRFeature& feature = roads->feature();
            feature.SetField("id", static_cast<GIntBig>(++id));
            feature.SetField("class", main ? "main" : "local");
            feature.SetField("name", main ? "主干道" : "支路");
            auto line = std::make_unique<OGRLineString>();
            line->addPoint(key.first.first, key.first.second);
            line->addPoint(key.second.first, key.second.second);
            if (auto written = roads->write(std::move(line)); !written)
                return fail(written.error());
        }
    }

    auto river = TableWriter::create(*dataset, "river", wkbMultiPolygon, {{"id", OFTInteger64}, {"name", OFTString}},
                                     "The river crossing the district");
    if (!river)
        return fail(river.error());
    {
        Extent clip;
        for (const GridCell& cell : layout.grids)
            for (const Position& p : cell.corners)
                clip.include(p.x, p.y);
        OGRFeature& feature = river->feature();
        feature.SetField("id", static_cast<GIntBig>(1));
        feature.SetField("name", "陡河（样例）");
        if (auto written = river->write(riverShape(landscape, clip)); !written)
            return fail(written.error());
    }

    auto buildingTable = TableWriter::create(*dataset, "buildings", wkbMultiPolygon,
                                             {{"id", OFTInteger64},
                                              {"grid_id", OFTInteger64},
                                              {"community_id", OFTInteger64},
                                              {"name", OFTString},
                                              {"use", OFTString},
                                              {"floors", OFTInteger},
                                              {"height", OFTReal},
                                              {"households", OFTInteger64},
                                              {"population", OFTInteger64},
                                              {"elderly", OFTInteger64},
                                              {"children", OFTInteger64},
                                              {"footprint_m2", OFTReal}},
                                             "Building footprints");
    if (!buildingTable)
        return fail(buildingTable.error());
    for (const Building& building : buildings)
    {
        OGRFeature& feature = buildingTable->feature();
        feature.SetField("id", static_cast<GIntBig>(building.id));
        feature.SetField("grid_id", static_cast<GIntBig>(building.gridId));
        feature.SetField("community_id", static_cast<GIntBig>(building.communityId));
        feature.SetField("name", building.name.c_str());
        feature.SetField("use", buildingUseCode(building.use));
        feature.SetField("floors", building.floors);
        feature.SetField("height", building.height);
        feature.SetField("households", static_cast<GIntBig>(building.households));
        feature.SetField("population", static_cast<GIntBig>(building.population));
        feature.SetField("elderly", static_cast<GIntBig>(building.elderly));
        feature.SetField("children", static_cast<GIntBig>(building.children));
        feature.SetField("footprint_m2", std::round(building.footprintArea * 10.0) / 10.0);
        if (auto written = buildingTable->write(polygonOf(building.footprint)); !written)
            return fail(written.error());
    }
    report.buildings = buildingTable->count();

    auto stationTable = TableWriter::create(*dataset, "stations", wkbPoint,
                                            {{"id", OFTInteger64},
                                             {"kind", OFTString},
                                             {"name", OFTString},
                                             {"community_id", OFTInteger64},
                                             {"grid_id", OFTInteger64},
                                             {"building_id", OFTInteger64},
                                             {"capacity", OFTInteger64},
                                             {"daily_visits", OFTInteger64}},
                                            "Service stations");
    if (!stationTable)
        return fail(stationTable.error());
    for (const Station& station : stations)
    {
        OGRFeature& feature = stationTable->feature();
        feature.SetField("id", static_cast<GIntBig>(station.id));
        feature.SetField("kind", station.kind.c_str());
        feature.SetField("name", station.name.c_str());
        feature.SetField("community_id", static_cast<GIntBig>(station.communityId));
        feature.SetField("grid_id", static_cast<GIntBig>(station.gridId));
        feature.SetField("building_id", static_cast<GIntBig>(station.buildingId));
        feature.SetField("capacity", static_cast<GIntBig>(station.capacity));
        feature.SetField("daily_visits", static_cast<GIntBig>(station.dailyVisits));
        if (auto written = stationTable->write(point(station.x, station.y)); !written)
            return fail(written.error());
    }
    report.stations = stationTable->count();

    auto cameraTable = TableWriter::create(*dataset, "cameras", wkbPoint,
                                           {{"id", OFTInteger64},
                                            {"network", OFTString},
                                            {"name", OFTString},
                                            {"community_id", OFTInteger64},
                                            {"grid_id", OFTInteger64},
                                            {"heading", OFTReal},
                                            {"fov", OFTReal},
                                            {"range_m", OFTReal},
                                            {"mount_height_m", OFTReal},
                                            {"ai_enabled", OFTInteger}},
                                           "Cameras with their view (heading clockwise from north, degrees)");
    if (!cameraTable)
        return fail(cameraTable.error());
    for (const Camera& camera : cameras)
    {
        OGRFeature& feature = cameraTable->feature();
        feature.SetField("id", static_cast<GIntBig>(camera.id));
        feature.SetField("network", camera.network.c_str());
        feature.SetField("name", ((camera.network == "community" ? "社区监控" : "公安监控") +
                                  std::to_string(100000 + camera.id).substr(1))
                                     .c_str());
        feature.SetField("community_id", static_cast<GIntBig>(camera.communityId));
        feature.SetField("grid_id", static_cast<GIntBig>(camera.gridId));
        feature.SetField("heading", camera.heading);
        feature.SetField("fov", camera.fieldOfView);
        feature.SetField("range_m", camera.range);
        feature.SetField("mount_height_m", camera.mountHeight);
        feature.SetField("ai_enabled", 1);
        if (auto written = cameraTable->write(point(camera.x, camera.y)); !written)
            return fail(written.error());
    }
    report.cameras = cameraTable->count();

    auto orgTable = TableWriter::create(*dataset, "party_orgs", wkbPoint,
                                        {{"id", OFTInteger64},
                                         {"level", OFTString},
                                         {"parent_id", OFTInteger64},
                                         {"name", OFTString},
                                         {"community_id", OFTInteger64},
                                         {"grid_id", OFTInteger64},
                                         {"building_id", OFTInteger64},
                                         {"members", OFTInteger}},
                                        "Party organizations: committee, branch, group, member household");
    if (!orgTable)
        return fail(orgTable.error());
    for (const PartyOrg& org : orgs)
    {
        OGRFeature& feature = orgTable->feature();
        feature.SetField("id", static_cast<GIntBig>(org.id));
        feature.SetField("level", org.level.c_str());
        if (org.parentId)
            feature.SetField("parent_id", static_cast<GIntBig>(org.parentId));
        feature.SetField("name", org.name.c_str());
        feature.SetField("community_id", static_cast<GIntBig>(org.communityId));
        feature.SetField("grid_id", static_cast<GIntBig>(org.gridId));
        if (org.buildingId)
            feature.SetField("building_id", static_cast<GIntBig>(org.buildingId));
        feature.SetField("members", org.members);
        if (auto written = orgTable->write(point(org.x, org.y)); !written)
            return fail(written.error());
    }
    report.partyOrgs = orgTable->count();

    auto linkTable = TableWriter::create(*dataset, "party_links", wkbLineString,
                                         {{"id", OFTInteger64},
                                          {"household_id", OFTInteger64},
                                          {"linked_household_id", OFTInteger64},
                                          {"linked_building_id", OFTInteger64}},
                                         "1+10 links: member household to resident household (building id x 1000 + "
                                         "flat)");
    if (!linkTable)
        return fail(linkTable.error());
    for (const PartyLink& link : links)
    {
        OGRFeature& feature = linkTable->feature();
        feature.SetField("id", static_cast<GIntBig>(link.id));
        feature.SetField("household_id", static_cast<GIntBig>(link.householdId));
        feature.SetField("linked_household_id", static_cast<GIntBig>(link.linkedHouseholdId));
        feature.SetField("linked_building_id", static_cast<GIntBig>(link.linkedBuildingId));
        auto line = std::make_unique<OGRLineString>();
        line->addPoint(link.fromX, link.fromY);
        line->addPoint(link.toX, link.toY);
        if (auto written = linkTable->write(std::move(line)); !written)
            return fail(written.error());
    }
    report.partyLinks = linkTable->count();

    if (dataset->CommitTransaction() != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, std::string("cannot commit the sample: ") + CPLGetLastErrorMsg(), path};
    dataset.reset();
    clock.mark("layers");

    auto written = writeIncidents(project.value(), layout, buildings, incidents);
    if (!written)
        return fail(written.error());
    report.incidents = written.value();
    clock.mark("incidents");

    // Bookmarks: the whole district, the densest block, the hill, the community with most stations, and
    // the grid with most incidents.
    std::map<std::int64_t, int> buildingsPerGrid, stationsPerCommunity, incidentsPerGrid;
    for (const Building& building : buildings)
        ++buildingsPerGrid[building.gridId];
    for (const Station& station : stations)
        ++stationsPerCommunity[station.communityId];
    for (const SampleIncident& incident : incidents)
        ++incidentsPerGrid[incident.gridId];
    auto busiest = [](const std::map<std::int64_t, int>& counts)
    {
        return std::max_element(counts.begin(), counts.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    };
    const GridCell& dense = layout.grids[static_cast<std::size_t>(busiest(buildingsPerGrid) - 1)];
    const GridCell& hot = layout.grids[static_cast<std::size_t>(busiest(incidentsPerGrid) - 1)];
    const Community& served = layout.communities[static_cast<std::size_t>(busiest(stationsPerCommunity) - 1)];
    double servedX = 0.0, servedY = 0.0;
    for (std::int64_t gridId : served.gridIds)
    {
        servedX += layout.grids[gridId - 1].centerX / static_cast<double>(served.gridIds.size());
        servedY += layout.grids[gridId - 1].centerY / static_cast<double>(served.gridIds.size());
    }
    auto ground = [&landscape](double x, double y) { return landscape.elevation(x, y); };
    const std::vector<Bookmark> bookmarks = {
        {"overview", layout.centerX, layout.centerY, ground(layout.centerX, layout.centerY), 0.0, -19000.0, 22000.0},
        {"dense-block", dense.centerX, dense.centerY, ground(dense.centerX, dense.centerY), 250.0, -450.0, 380.0},
        {"hill", landscape.hillX(), landscape.hillY(), ground(landscape.hillX(), landscape.hillY()), 900.0, -1500.0,
         700.0},
        {"community-stations", servedX, servedY, ground(servedX, servedY), 0.0, -1600.0, 1900.0},
        {"incident-heat", hot.centerX, hot.centerY, ground(hot.centerX, hot.centerY), 0.0, -4500.0, 5200.0},
    };
    if (auto saved = writeBookmarks(project->database(), bookmarks); !saved)
        return fail(saved.error());
    report.bookmarks = static_cast<int>(bookmarks.size());
    // The briefing tour: the five bookmarks in turn.
    Tour briefing{"briefing", {}};
    for (const Bookmark& b : bookmarks)
        briefing.stops.push_back({b.name, 8.0});
    if (auto saved = project->saveTour(briefing); !saved)
        return fail(saved.error());
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"sample_seed", std::to_string(options.seed)},
                                     {"sample_scale", std::to_string(options.scale)},
                                     {"sample_as_of", SampleAsOf}})
        if (auto set = project->setMeta(key, value); !set)
            return fail(set.error());
    clock.mark("bookmarks");

    if (options.terrain)
    {
        if (auto terrain = writeTerrain(path, layout, landscape, buildings); !terrain)
            return fail(terrain.error());
        clock.mark("terrain");
    }
    report.grids = static_cast<int>(layout.grids.size());
    report.communities = static_cast<int>(layout.communities.size());
    report.streets = static_cast<int>(layout.streets.size());
    return report;
}
} // namespace

const std::vector<std::string>& sampleBookmarkNames()
{
    static const std::vector<std::string> names = {"overview", "dense-block", "hill", "community-stations",
                                                   "incident-heat"};
    return names;
}

Result<SampleReport> writeSample(const std::string& path, const SampleOptions& options)
{
    if (std::filesystem::exists(path))
        return Error{ErrorCode::InvalidArgument, "the file exists already; the sample is written to a new file", path};
    if (!(options.scale > 0.0) || options.scale > 100.0)
        return Error{ErrorCode::InvalidArgument, "the scale must be above 0 and at most 100", path};
    auto report = writeAll(path, options);
    if (!report)
    {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path + suffix, ignored);
    }
    return report;
}

} // namespace citytwin::data::sample
