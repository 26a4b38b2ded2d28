#include "data/io/gdal_open.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

namespace citytwin::data
{
namespace
{
/// The CSV driver's open options naming the columns a point table's coordinates or geometry are in (matched
/// without regard to case).
constexpr const char* PointXColumnsOption =
    "X_POSSIBLE_NAMES=lon,lng,long,longitude,x,经度,东经,坐标X,X坐标,横坐标,easting";
constexpr const char* PointYColumnsOption = "Y_POSSIBLE_NAMES=lat,latitude,y,纬度,北纬,坐标Y,Y坐标,纵坐标,northing";
constexpr const char* GeometryColumnsOption = "GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom,几何,空间信息";

std::string lowerExtension(const std::string& path)
{
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}
} // namespace

void GdalDatasetCloser::operator()(GDALDataset* dataset) const
{
    GDALClose(GDALDataset::ToHandle(dataset));
}

void ensureGdalRegistered()
{
    static const bool registered = []
    {
        GDALAllRegister();
        // Exported incident sheets have a header row even when every cell is text. The drivers read these
        // options lazily (when a layer is first read), so they are set for the process, unless the user set them.
        for (const char* option : {"OGR_XLSX_HEADERS", "OGR_ODS_HEADERS"})
            if (!CPLGetConfigOption(option, nullptr))
                CPLSetConfigOption(option, "FORCE");
        return true;
    }();
    (void)registered;
}

bool isConnectionString(const std::string& path)
{
    const auto colon = path.find(':');
    return path.rfind("/vsi", 0) == 0 || (colon != std::string::npos && colon > 1);
}

bool isShapefileWithoutCodePage(const std::string& path)
{
    const std::string extension = lowerExtension(path);
    if (extension != ".shp" && extension != ".dbf")
        return false;
    std::filesystem::path cpg(path);
    return !std::filesystem::exists(cpg.replace_extension(".cpg")) &&
           !std::filesystem::exists(cpg.replace_extension(".CPG"));
}

Result<OpenedLayer> openSourceLayer(const std::string& path, const std::string& layerName)
{
    if (!isConnectionString(path) && !std::filesystem::exists(path))
        return Error{ErrorCode::FileNotFound, "no such file", path};
    CPLErrorReset();
    OpenedLayer opened;
    opened.dataset = openReadOnly(path, GDAL_OF_VECTOR);
    if (!opened.dataset)
    {
        const std::string message = CPLGetLastErrorMsg();
        return Error{ErrorCode::OpenFailed, message.empty() ? "not a vector source GDAL can read" : message, path};
    }
    opened.layer = layerName.empty() ? (opened.dataset->GetLayerCount() > 0 ? opened.dataset->GetLayer(0) : nullptr)
                                     : opened.dataset->GetLayerByName(layerName.c_str());
    if (!opened.layer)
        return Error{ErrorCode::NoFeatures,
                     layerName.empty() ? "the source has no layer" : "no layer named '" + layerName + "'", path};
    return opened;
}

std::string crsDefinition(const OGRSpatialReference* srs)
{
    if (!srs)
        return {};
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (authority && code)
        return std::string(authority) + ":" + code;
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    std::string result = wkt ? wkt : "";
    CPLFree(wkt);
    return result;
}

GdalDatasetPtr openReadOnly(const std::string& path, unsigned int flags)
{
    ensureGdalRegistered();
    std::vector<const char*> options;
    if (isShapefileWithoutCodePage(path))
        options.push_back("ENCODING=");
    const std::string extension = lowerExtension(path);
    if (extension == ".gml" || extension == ".xml")
        options.push_back("WRITE_GFS=NO");
    // Only the tables registered in gpkg_contents are layers (a project's own tables are not).
    if (extension == ".gpkg")
        options.push_back("LIST_ALL_TABLES=NO");
    // Exported incident sheets have a header row even when every cell is text.
    if (extension == ".xlsx" || extension == ".ods")
        options.push_back("HEADERS=FORCE");
    // Point tables: the coordinate (or WKT / GeoJSON geometry) columns found by their usual names, English and
    // Chinese, kept as fields too; only the CSV driver may take them (GDAL's XYZ grid driver otherwise claims a
    // table of numbers as an ungridded raster).
    const bool table = extension == ".csv" || extension == ".tsv";
    if (table)
    {
        options.push_back(PointXColumnsOption);
        options.push_back(PointYColumnsOption);
        options.push_back(GeometryColumnsOption);
    }
    options.push_back(nullptr);
    static const char* const TableDrivers[] = {"CSV", nullptr};
    return GdalDatasetPtr(GDALDataset::Open(path.c_str(), flags | GDAL_OF_READONLY, table ? TableDrivers : nullptr,
                                            options.size() > 1 ? options.data() : nullptr));
}

} // namespace citytwin::data
