#include "data/io/source_info.hpp"

#include "data/geo/coordinate_pipeline.hpp"
#include "data/geo/crs_transformer.hpp"
#include "data/io/gdal_open.hpp"
#include "data/io/oblique_metadata.hpp"
#include "data/io/text_encoding.hpp"
#include "data/io/tileset_3d.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
constexpr int EdgeSamples = 20;
constexpr int EncodingSampleFeatures = 200;

/// Returns ("EPSG:nnnn" or the CRS name, the CRS name) of a spatial reference; ("", "") for none.
std::pair<std::string, std::string> describeCrs(const OGRSpatialReference* srs)
{
    if (!srs)
        return {};
    const std::string name = srs->GetName() ? srs->GetName() : "";
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (authority && code && std::string(authority) == "EPSG")
        return {std::string("EPSG:") + code, name};
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    const std::string identified = wkt ? identifyEpsg(wkt) : std::string();
    CPLFree(wkt);
    return {identified.empty() ? name : identified, name};
}

/// Transforms an extent by densified edges; invalid when the CRS is unknown or the points do not transform.
Extent transformExtent(const Extent& source, const std::string& sourceCrs, const std::string& projectCrs)
{
    if (!source.isValid() || sourceCrs.empty())
        return {};
    auto pipeline = CoordinatePipeline::create(sourceCrs, projectCrs);
    if (!pipeline)
        return {};
    std::vector<double> xs, ys;
    for (int i = 0; i <= EdgeSamples; ++i)
    {
        const double t = static_cast<double>(i) / EdgeSamples;
        const double x = source.minX + t * (source.maxX - source.minX);
        const double y = source.minY + t * (source.maxY - source.minY);
        for (const auto& [px, py] : {std::pair{x, source.minY}, std::pair{x, source.maxY}, std::pair{source.minX, y},
                                     std::pair{source.maxX, y}})
        {
            xs.push_back(px);
            ys.push_back(py);
        }
    }
    Extent result;
    if (!pipeline->transform(xs, ys))
        return {};
    for (std::size_t i = 0; i < xs.size(); ++i)
        result.include(xs[i], ys[i]);
    return result;
}

/// Transforms an extent into the project CRS, unless the data lie outside the project CRS's area of use
/// (then it is left invalid and outside is set): far-away data give absurd numbers in a Gauss-Krueger zone.
Extent projectExtentOf(const Extent& source, const std::string& sourceCrs, const std::string& projectCrs, bool& outside)
{
    constexpr double MarginDegrees = 3.0;
    outside = false;
    if (const auto area = areaOfUse(projectCrs))
    {
        const Extent degrees = transformExtent(source, sourceCrs, "EPSG:4326");
        if (degrees.isValid() &&
            (degrees.maxX < area->minX - MarginDegrees || degrees.minX > area->maxX + MarginDegrees ||
             degrees.maxY < area->minY - MarginDegrees || degrees.minY > area->maxY + MarginDegrees))
        {
            outside = true;
            return {};
        }
    }
    return transformExtent(source, sourceCrs, projectCrs);
}

/// Detects GBK text in a layer from its field names and a sample of its features; decodes the names.
std::string detectEncoding(OGRLayer& layer, std::vector<FieldInfo>& fields)
{
    bool valid = std::all_of(fields.begin(), fields.end(), [](const FieldInfo& f) { return isValidUtf8(f.name); });
    layer.ResetReading();
    int sampled = 0;
    for (auto& feature : layer)
    {
        if (!valid || ++sampled > EncodingSampleFeatures)
            break;
        for (int i = 0; i < feature->GetFieldCount() && valid; ++i)
        {
            if (feature->GetFieldDefnRef(i)->GetType() == OFTString && feature->IsFieldSetAndNotNull(i))
                valid = isValidUtf8(feature->GetFieldAsString(i));
        }
    }
    layer.ResetReading();
    if (valid)
        return "UTF-8";
    for (FieldInfo& field : fields)
    {
        if (auto decoded = gbkToUtf8(field.name); decoded && !isValidUtf8(field.name))
            field.name = *decoded;
    }
    return "GBK";
}

/// How many features have no geometry (every feature of a layer without a geometry column).
std::int64_t featuresWithoutGeometry(OGRLayer& layer)
{
    if (wkbFlatten(layer.GetGeomType()) == wkbNone)
        return layer.GetFeatureCount(TRUE);
    std::int64_t without = 0;
    layer.ResetReading();
    for (auto& feature : layer)
        without += feature->GetGeometryRef() == nullptr ? 1 : 0;
    layer.ResetReading();
    return without;
}

LayerInfo inspectLayer(OGRLayer& layer, const std::string& path, const std::string& projectCrs)
{
    LayerInfo info;
    info.name = layer.GetName();
    info.geometryType = OGRGeometryTypeToName(layer.GetGeomType());
    info.featureCount = layer.GetFeatureCount(TRUE);
    const OGRFeatureDefn& definition = *layer.GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
    {
        const OGRFieldDefn* field = definition.GetFieldDefn(i);
        std::string type = OGRFieldDefn::GetFieldTypeName(field->GetType());
        if (field->GetSubType() != OFSTNone)
            type += std::string("(") + OGRFieldDefn::GetFieldSubTypeName(field->GetSubType()) + ")";
        info.fields.push_back({field->GetNameRef(), type});
    }
    if (isShapefileWithoutCodePage(path))
        info.encoding = detectEncoding(layer, info.fields);
    else if (auto unknown = unknownShapefileCodePage(path))
    {
        info.encoding = *unknown + " (unknown: read as is)";
        info.notes.push_back({LayerWarning::Kind::CodePageUnknown, *unknown,
                              "the .cpg names the code page '" + *unknown + "', which is not known here"});
    }

    OGREnvelope envelope;
    if (info.featureCount > 0 && layer.GetExtent(&envelope, TRUE) == OGRERR_NONE)
    {
        info.sourceExtent.include(envelope.MinX, envelope.MinY);
        info.sourceExtent.include(envelope.MaxX, envelope.MaxY);
    }
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    std::tie(info.crs, info.crsName) = describeCrs(srs);
    if (srs && srs->IsGeographic() && info.sourceExtent.isValid() &&
        (info.sourceExtent.minY < -90.0 || info.sourceExtent.maxY > 90.0 || info.sourceExtent.minX < -180.0 ||
         info.sourceExtent.maxX > 360.0))
        info.coordinatesOutsideCrs = "coordinates beyond what a geographic CRS allows (longitude -180 to 360, "
                                     "latitude -90 to 90 degrees): projected coordinates, or the wrong CRS declared?";
    std::string transformCrs = crsDefinition(srs);
    info.notes = layerNotes(layer);
    bool guessed = false;
    if (std::string declared = layerCrs(layer, &guessed); declared != transformCrs)
    {
        // Named in words GDAL ignores, or DataV's GCJ-02.
        transformCrs = declared;
        info.crs = guessed ? "" : declared;
        info.crsName.clear();
        if (guessed)
            info.guessedCrs = declared;
    }
    else if (!srs)
    {
        if (const auto guess = guessCrs(info.sourceExtent, projectCrs))
            info.guessedCrs = transformCrs = guess->crs;
    }
    info.projectExtent = projectExtentOf(info.sourceExtent, transformCrs, projectCrs, info.outsideProjectArea);
    info.featuresWithoutGeometry = featuresWithoutGeometry(layer);
    return info;
}

RasterInfo inspectRaster(GDALDataset& dataset, const std::string& projectCrs)
{
    RasterInfo info;
    info.width = dataset.GetRasterXSize();
    info.height = dataset.GetRasterYSize();
    info.bandCount = dataset.GetRasterCount();
    if (info.bandCount > 0)
    {
        GDALRasterBand* band = dataset.GetRasterBand(1);
        info.dataType = GDALGetDataTypeName(band->GetRasterDataType());
        int hasNoData = 0;
        const double noData = band->GetNoDataValue(&hasNoData);
        if (hasNoData)
            info.noData = noData;
    }
    double transform[6] = {0, 1, 0, 0, 0, 1};
    if (dataset.GetGeoTransform(transform) == CE_None)
    {
        info.pixelSizeX = transform[1];
        info.pixelSizeY = std::abs(transform[5]);
        for (const auto& [col, row] :
             {std::pair{0, 0}, std::pair{info.width, 0}, std::pair{0, info.height}, std::pair{info.width, info.height}})
            info.sourceExtent.include(transform[0] + col * transform[1] + row * transform[2],
                                      transform[3] + col * transform[4] + row * transform[5]);
    }
    const OGRSpatialReference* srs = dataset.GetSpatialRef();
    std::tie(info.crs, info.crsName) = describeCrs(srs);
    info.projectExtent = projectExtentOf(info.sourceExtent, crsDefinition(srs), projectCrs, info.outsideProjectArea);
    return info;
}

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string elementText(const std::string& xml, const std::string& tag)
{
    const std::string open = "<" + tag + ">";
    const auto begin = xml.find(open);
    if (begin == std::string::npos)
        return {};
    const auto end = xml.find("</" + tag + ">", begin);
    return end == std::string::npos ? std::string() : xml.substr(begin + open.size(), end - begin - open.size());
}

/// Recognises the 3D tilesets GDAL cannot open; nothing when the file is not one.
std::optional<TilesetInfo> inspectTileset(const std::string& path)
{
    const std::filesystem::path file(path);
    if (!std::filesystem::is_regular_file(file) || std::filesystem::file_size(file) > 64 * 1024 * 1024)
        return std::nullopt;
    const std::string text = readText(file);
    if (text.find("<ModelMetadata") != std::string::npos)
    {
        TilesetInfo info;
        info.format = "ContextCapture";
        info.srs = elementText(text, "SRS");
        std::replace_if(
            info.srs.begin(), info.srs.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
        info.origin = elementText(text, "SRSOrigin");
        const auto dataFolder = file.parent_path() / "Data";
        if (std::filesystem::is_directory(dataFolder))
            for (const auto& entry : std::filesystem::directory_iterator(dataFolder))
                info.tileCount += entry.is_directory() && entry.path().filename().string().rfind("Tile_", 0) == 0;
        return info;
    }
    return std::nullopt;
}

} // namespace

bool looksLikeTileset3d(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code errorCode;
    if (fs::is_directory(path, errorCode))
        return fs::is_regular_file(fs::path(path) / "tileset.json", errorCode);
    const fs::path file(path);
    const auto lower = [](std::string text)
    {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    if (!fs::is_regular_file(file, errorCode) || lower(file.extension().string()) != ".json")
        return false;
    if (lower(file.filename().string()) == "tileset.json")
        return true;
    std::ifstream stream(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    stream.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(stream.gcount()));
    return head.find("\"asset\"") != std::string::npos && head.find("\"root\"") != std::string::npos;
}

namespace
{
Result<TilesetInfo> inspectTileset3d(const std::string& path, const std::string& projectCrs)
{
    auto summary = summarizeTileset3d(path, projectCrs);
    if (!summary)
        return summary.error();
    TilesetInfo info;
    info.format = "3D Tiles";
    info.version = summary->version;
    info.origin = summary->rootBoundingVolume;
    info.tileCount = summary->tileCount;
    info.contentKinds = summary->contentKinds;
    info.geometricError = summary->geometricError;
    info.projectExtent = summary->projectExtent;
    info.outsideProjectArea = summary->outsideProjectArea;
    info.warnings = summary->warnings;
    return info;
}
} // namespace

Result<SourceInfo> inspectSource(const std::string& path, const std::string& projectCrs, const TableColumns& columns)
{
    if (!isConnectionString(path) && !std::filesystem::exists(path))
        return Error{ErrorCode::FileNotFound, "no such file", path};
    SourceInfo info;
    info.path = path;
    // An oblique tileset by its folder, its metadata.xml, or any of its tiles.
    if (const auto metadata = isConnectionString(path) ? std::nullopt : obliqueMetadataPath(path))
        if (auto tileset = inspectTileset(*metadata))
        {
            // The metadata as the viewer reads it: a broken file or an SRS nobody can place is an error here too.
            auto read = readObliqueMetadata(*metadata);
            if (!read)
                return read.error();
            if (auto placed = placeInProjectCrs(read.value(), projectCrs); !placed)
                return placed.error();
            if (tileset->tileCount == 0)
                return Error{ErrorCode::NoFeatures,
                             "an oblique tileset without tiles: its Data folder holds no Tile_* folder", *metadata};
            info.driver = tileset->format;
            info.driverLongName = "ContextCapture / Smart3D oblique tileset";
            info.tileset = std::move(tileset);
            return info;
        }
    if (!isConnectionString(path) && looksLikeTileset3d(path))
    {
        auto tileset = inspectTileset3d(path, projectCrs);
        if (!tileset)
            return tileset.error();
        info.driver = "3D Tiles";
        info.driverLongName = "OGC 3D Tiles tileset";
        info.tileset = std::move(tileset.value());
        return info;
    }
    CPLErrorReset();
    GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_VECTOR | GDAL_OF_RASTER, columns);
    if (!dataset)
    {
        if (auto tileset = isConnectionString(path) ? std::nullopt : inspectTileset(path))
        {
            info.driver = tileset->format;
            info.driverLongName =
                tileset->format == "3D Tiles" ? "OGC 3D Tiles tileset" : "ContextCapture / Smart3D oblique tileset";
            info.tileset = std::move(tileset);
            return info;
        }
        const std::string message = CPLGetLastErrorMsg();
        return Error{ErrorCode::OpenFailed, message.empty() ? "not a format GDAL can read" : message, path};
    }
    GDALDriver* driver = dataset->GetDriver();
    // A spreadsheet whose points were made in memory: the spreadsheet's driver.
    if (const char* source = dataset->GetMetadataItem("SOURCE_DRIVER", "CITYTWIN"))
        driver = GetGDALDriverManager()->GetDriverByName(source);
    info.driver = driver ? driver->GetDescription() : "";
    info.driverLongName =
        driver && driver->GetMetadataItem(GDAL_DMD_LONGNAME) ? driver->GetMetadataItem(GDAL_DMD_LONGNAME) : "";
    for (OGRLayer* layer : dataset->GetLayers())
        info.layers.push_back(inspectLayer(*layer, path, projectCrs));
    if (dataset->GetRasterCount() > 0)
        info.raster = inspectRaster(*dataset, projectCrs);
    return info;
}

} // namespace citytwin::data
