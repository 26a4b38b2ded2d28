#include "fixtures.hpp"

#include <filesystem>
#include <memory>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::test
{
namespace
{
struct DatasetCloser
{
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr create(const char* driverName, const std::string& path)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    return DatasetPtr(driver ? driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
}

OGRSpatialReference srs(int epsg)
{
    OGRSpatialReference reference;
    reference.importFromEPSG(epsg);
    reference.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return reference;
}

bool addFeature(OGRLayer& layer, const char* wkt, const char* name, double height, int floors)
{
    OGRFeature feature(layer.GetLayerDefn());
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry) != OGRERR_NONE)
        return false;
    feature.SetGeometryDirectly(geometry);
    feature.SetField("name", name);
    if (layer.GetLayerDefn()->GetFieldIndex("height") >= 0 && height > 0)
        feature.SetField("height", height);
    if (layer.GetLayerDefn()->GetFieldIndex("floors") >= 0 && floors > 0)
        feature.SetField("floors", floors);
    return layer.CreateFeature(&feature) == OGRERR_NONE;
}
} // namespace

bool writeMixedGeoPackage(const std::string& path)
{
    DatasetPtr dataset = create("GPKG", path);
    if (!dataset)
        return false;
    OGRSpatialReference gk = srs(4548);
    OGRSpatialReference wgs = srs(4326);

    OGRLayer* footprints = dataset->CreateLayer("footprints", &gk, wkbPolygon);
    OGRLayer* roads = dataset->CreateLayer("roads", &wgs, wkbLineString);
    OGRLayer* stations = dataset->CreateLayer("stations", &wgs, wkbPoint);
    if (!footprints || !roads || !stations)
        return false;
    OGRFieldDefn name("name", OFTString);
    OGRFieldDefn height("height", OFTReal);
    OGRFieldDefn floors("floors", OFTInteger);
    footprints->CreateField(&name);
    footprints->CreateField(&height);
    footprints->CreateField(&floors);
    roads->CreateField(&name);
    stations->CreateField(&name);

    bool ok =
        addFeature(*footprints, "POLYGON((601000 4391000,601040 4391000,601040 4391020,601000 4391020,601000 4391000))",
                   "A", 30.0, 0);
    ok = ok && addFeature(*footprints,
                          "POLYGON((601100 4391000,601130 4391000,601130 4391030,601100 4391030,601100 4391000))",
                          "路北区党群服务中心", 0.0, 6);
    ok = ok && addFeature(*footprints,
                          "POLYGON((601000 4391100,601050 4391100,601050 4391150,601000 4391150,601000 4391100))", "C",
                          0.0, 0);
    ok = ok && addFeature(*roads, "LINESTRING(118.170 39.640,118.180 39.640,118.190 39.645)", "纬一路", 0, 0);
    ok = ok && addFeature(*roads, "LINESTRING(118.175 39.630,118.175 39.660)", "经一路", 0, 0);
    ok = ok && addFeature(*stations, "POINT(118.18 39.65)", "日间照料站", 0, 0);
    return ok;
}

bool writeShapefileWithoutCrs(const std::string& path)
{
    DatasetPtr dataset = create("ESRI Shapefile", path);
    if (!dataset)
        return false;
    OGRLayer* layer = dataset->CreateLayer("nocrs", nullptr, wkbPoint);
    if (!layer)
        return false;
    OGRFieldDefn name("name", OFTString);
    layer->CreateField(&name);
    return addFeature(*layer, "POINT(118.18 39.65)", "x", 0, 0);
}

bool writeGbkShapefile(const std::string& path)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    DatasetPtr dataset(driver ? driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!dataset)
        return false;
    // No recoding on write: the bytes below go into the DBF as they are, and no .cpg is written.
    const char* const options[] = {"ENCODING=", nullptr};
    OGRLayer* layer = dataset->CreateLayer("gbk", nullptr, wkbPoint, const_cast<char**>(options));
    if (!layer)
        return false;
    const char nameGbk[] = "\xc3\xfb\xb3\xc6";          // 名称
    const char valueGbk[] = "\xc2\xb7\xb1\xb1\xc7\xf8"; // 路北区
    OGRFieldDefn name(nameGbk, OFTString);
    OGRFieldDefn code("code", OFTString);
    if (layer->CreateField(&name) != OGRERR_NONE || layer->CreateField(&code) != OGRERR_NONE)
        return false;
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetGeometryDirectly(new OGRPoint(118.18, 39.65));
    feature.SetField(0, valueGbk);
    feature.SetField(1, "130203");
    const bool written = layer->CreateFeature(&feature) == OGRERR_NONE;
    dataset.reset();
    // GDAL may write an empty or default .cpg: the point of this fixture is that there is none.
    std::filesystem::remove(std::filesystem::path(path).replace_extension(".cpg"));
    return written;
}

bool writeTinyGeoTiff(const std::string& path)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    DatasetPtr dataset(driver ? driver->Create(path.c_str(), 4, 4, 1, GDT_Byte, nullptr) : nullptr);
    return dataset != nullptr;
}

bool writeGeoTiff(const std::string& path, int width, int height, int bands, const std::string& crs, double x0,
                  double y0, double pixelSize, const std::function<double(int band, int column, int row)>& value)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    const GDALDataType type = bands == 1 ? GDT_Float32 : GDT_Byte;
    DatasetPtr dataset(driver ? driver->Create(path.c_str(), width, height, bands, type, nullptr) : nullptr);
    if (!dataset)
        return false;
    double transform[6] = {x0, pixelSize, 0.0, y0, 0.0, -pixelSize};
    dataset->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.SetFromUserInput(crs.c_str());
    dataset->SetSpatialRef(&srs);
    std::vector<double> row(static_cast<std::size_t>(width));
    for (int b = 1; b <= bands; ++b)
        for (int r = 0; r < height; ++r)
        {
            for (int c = 0; c < width; ++c)
                row[static_cast<std::size_t>(c)] = value(b, c, r);
            if (dataset->GetRasterBand(b)->RasterIO(GF_Write, 0, r, width, 1, row.data(), width, 1, GDT_Float64, 0,
                                                    0) != CE_None)
                return false;
        }
    return true;
}

} // namespace citytwin::test
