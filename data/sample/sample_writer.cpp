#include "sample_writer.hpp"

#include "district_layout.hpp"

#include "data/gdal_open.hpp"
#include "data/project_store.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <numeric>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data::sample
{
namespace
{
constexpr std::int64_t DistrictPopulation = 785000;
const char* const Surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
const char* const GivenNames[] = {"建国", "秀英", "志强", "丽娟", "海燕", "国庆", "晓东", "春梅", "立新", "玉兰",
                                  "振华", "桂芝", "红霞", "永刚", "淑珍", "俊杰", "雪梅", "伟",   "静",   "磊"};

std::unique_ptr<OGRPolygon> quad(const Ring& corners)
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

/// Splits total over weights into whole numbers that add up exactly (largest remainders).
std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<double>& weights)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<std::int64_t> shares(weights.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
    {
        const double exact = total * weights[i] / sum;
        shares[i] = static_cast<std::int64_t>(std::floor(exact));
        given += shares[i];
        remainders.push_back({exact - shares[i], i});
    }
    std::sort(remainders.begin(), remainders.end(),
              [](const auto& a, const auto& b)
              { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (std::int64_t k = 0; k < total - given; ++k)
        ++shares[remainders[static_cast<std::size_t>(k)].second];
    return shares;
}

struct LayerWriter
{
    OGRLayer* layer = nullptr;

    static Result<LayerWriter> create(GDALDataset& dataset, const char* name, OGRSpatialReference& srs,
                                      const std::vector<std::pair<const char*, OGRFieldType>>& fields)
    {
        const char* const options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", nullptr};
        LayerWriter writer;
        writer.layer = dataset.CreateLayer(name, &srs, wkbMultiPolygon, const_cast<char**>(options));
        if (!writer.layer)
            return Error{
                ErrorCode::StoreFailed, std::string("cannot create layer ") + name + ": " + CPLGetLastErrorMsg(), {}};
        for (const auto& [fieldName, type] : fields)
        {
            OGRFieldDefn field(fieldName, type);
            if (writer.layer->CreateField(&field) != OGRERR_NONE)
                return Error{ErrorCode::StoreFailed, std::string("cannot create field ") + fieldName, {}};
        }
        return writer;
    }
};

Result<bool> write(OGRLayer& layer, OGRFeature& feature, const OGRGeometry& geometry)
{
    feature.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(geometry.clone()));
    if (layer.CreateFeature(&feature) != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed,
                     std::string("cannot write to ") + layer.GetName() + ": " + CPLGetLastErrorMsg(),
                     {}};
    return true;
}
} // namespace

Result<SampleReport> writeSample(const std::string& path, const SampleOptions& options)
{
    if (std::filesystem::exists(path))
        return Error{ErrorCode::InvalidArgument, "the file exists already; the sample is written to a new file", path};
    auto project = ProjectStore::open(path, {.create = true});
    if (!project)
        return project.error();

    const DistrictLayout layout = generateLayout(options.seed);
    Random random(options.seed ^ 0x5A17E5EEDull);

    GdalDatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!dataset)
        return Error{ErrorCode::StoreFailed, std::string("cannot open the new project: ") + CPLGetLastErrorMsg(), path};
    OGRSpatialReference srs;
    srs.importFromEPSG(4548);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (dataset->StartTransaction(TRUE) != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, "cannot start a transaction", path};

    // Populations: denser towards the centre, apportioned exactly.
    std::vector<double> weights;
    for (const Community& community : layout.communities)
    {
        double x = 0, y = 0;
        for (std::int64_t gridId : community.gridIds)
        {
            x += layout.grids[gridId - 1].centerX;
            y += layout.grids[gridId - 1].centerY;
        }
        const double n = static_cast<double>(community.gridIds.size());
        const double distance = std::hypot(x / n - layout.centerX, y / n - layout.centerY);
        weights.push_back(n * std::max(0.15, 1.4 - distance / 6000.0) * random.uniform(0.7, 1.3));
    }
    const std::vector<std::int64_t> population = apportion(DistrictPopulation, weights);

    auto grids = LayerWriter::create(*dataset, "grids", srs,
                                     {{"id", OFTInteger64},
                                      {"community_id", OFTInteger64},
                                      {"street_id", OFTInteger64},
                                      {"name", OFTString},
                                      {"inspector", OFTString},
                                      {"area_m2", OFTReal}});
    auto communities = LayerWriter::create(*dataset, "communities", srs,
                                           {{"id", OFTInteger64},
                                            {"street_id", OFTInteger64},
                                            {"name", OFTString},
                                            {"population", OFTInteger64},
                                            {"households", OFTInteger64},
                                            {"elderly", OFTInteger64},
                                            {"children", OFTInteger64},
                                            {"area_m2", OFTReal}});
    auto streets = LayerWriter::create(
        *dataset, "streets", srs,
        {{"id", OFTInteger64}, {"name", OFTString}, {"population", OFTInteger64}, {"area_m2", OFTReal}});
    auto district = LayerWriter::create(
        *dataset, "district", srs,
        {{"id", OFTInteger64}, {"name", OFTString}, {"population", OFTInteger64}, {"area_m2", OFTReal}});
    for (const auto* writer : {&grids, &communities, &streets, &district})
        if (!*writer)
        {
            dataset->RollbackTransaction();
            return Error{writer->error().code, writer->error().detail, path};
        }

    SampleReport report;
    std::vector<std::unique_ptr<OGRGeometry>> communityShapes(layout.communities.size());
    for (const Community& community : layout.communities)
    {
        std::vector<std::unique_ptr<OGRGeometry>> cells;
        for (std::int64_t gridId : community.gridIds)
        {
            const GridCell& cell = layout.grids[gridId - 1];
            auto shape = quad(cell.corners);
            OGRFeature feature(grids->layer->GetLayerDefn());
            feature.SetField("id", static_cast<GIntBig>(cell.id));
            feature.SetField("community_id", static_cast<GIntBig>(community.id));
            feature.SetField("street_id", static_cast<GIntBig>(community.streetId));
            feature.SetField("name", ("网格" + std::to_string(10000 + cell.id).substr(1)).c_str());
            feature.SetField("inspector", (std::string(Surnames[random.below(std::size(Surnames))]) +
                                           GivenNames[random.below(std::size(GivenNames))])
                                              .c_str());
            feature.SetField("area_m2", ringArea(cell.corners));
            if (auto written = write(*grids->layer, feature, *shape); !written)
                return written.error();
            cells.push_back(std::move(shape));
        }
        communityShapes[community.id - 1] = unite(cells);
    }
    for (const Community& community : layout.communities)
    {
        const std::int64_t people = population[community.id - 1];
        OGRFeature feature(communities->layer->GetLayerDefn());
        feature.SetField("id", static_cast<GIntBig>(community.id));
        feature.SetField("street_id", static_cast<GIntBig>(community.streetId));
        feature.SetField("name", community.name.c_str());
        feature.SetField("population", static_cast<GIntBig>(people));
        feature.SetField("households", static_cast<GIntBig>(std::llround(people / random.uniform(2.4, 2.9))));
        feature.SetField("elderly", static_cast<GIntBig>(std::llround(people * random.uniform(0.15, 0.24))));
        feature.SetField("children", static_cast<GIntBig>(std::llround(people * random.uniform(0.09, 0.15))));
        feature.SetField("area_m2", OGR_G_Area(OGRGeometry::ToHandle(communityShapes[community.id - 1].get())));
        if (auto written = write(*communities->layer, feature, *communityShapes[community.id - 1]); !written)
            return written.error();
        report.population += people;
    }
    std::vector<std::unique_ptr<OGRGeometry>> streetShapes;
    for (const Street& street : layout.streets)
    {
        std::vector<std::unique_ptr<OGRGeometry>> parts;
        std::int64_t people = 0;
        for (std::int64_t communityId : street.communityIds)
        {
            parts.emplace_back(communityShapes[communityId - 1]->clone());
            people += population[communityId - 1];
        }
        auto shape = unite(parts);
        OGRFeature feature(streets->layer->GetLayerDefn());
        feature.SetField("id", static_cast<GIntBig>(street.id));
        feature.SetField("name", street.name.c_str());
        feature.SetField("population", static_cast<GIntBig>(people));
        feature.SetField("area_m2", OGR_G_Area(OGRGeometry::ToHandle(shape.get())));
        if (auto written = write(*streets->layer, feature, *shape); !written)
            return written.error();
        streetShapes.push_back(std::move(shape));
    }
    auto whole = unite(streetShapes);
    report.districtAreaSquareMetres = OGR_G_Area(OGRGeometry::ToHandle(whole.get()));
    OGRFeature feature(district->layer->GetLayerDefn());
    feature.SetField("id", static_cast<GIntBig>(1));
    feature.SetField("name", "路北区（样例）");
    feature.SetField("population", static_cast<GIntBig>(DistrictPopulation));
    feature.SetField("area_m2", report.districtAreaSquareMetres);
    if (auto written = write(*district->layer, feature, *whole); !written)
        return written.error();
    if (dataset->CommitTransaction() != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, std::string("cannot commit the sample: ") + CPLGetLastErrorMsg(), path};
    report.grids = static_cast<int>(layout.grids.size());
    report.communities = static_cast<int>(layout.communities.size());
    report.streets = static_cast<int>(layout.streets.size());
    return report;
}

} // namespace citytwin::data::sample
