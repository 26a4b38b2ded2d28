#include "data/io/gdal_open.hpp"

#include "data/io/geojson_variants.hpp"
#include "data/io/point_tables.hpp"
#include "data/core/log.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <optional>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include <cpl_conv.h>
#include <iconv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <ogr_spatialref.h>

namespace citytwin::data
{
namespace
{
/// The metadata domain of what CityTwin notes on the layers it opens.
constexpr const char* NotesDomain = "CITYTWIN";
constexpr char NoteFieldSeparator = '\x1F';

std::string lowerExtension(const std::string& path)
{
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

/// Opens a GeoJSON file as published (adaptGeoJson); nothing when it needs no adapting.
std::optional<GdalDatasetPtr> openGeoJsonVariant(const std::string& path, unsigned int flags)
{
    auto adaptation = adaptGeoJson(path);
    if (!adaptation)
        return std::nullopt;
    std::string memoryFile;
    if (!adaptation->text.empty())
    {
        static std::atomic<unsigned long> next{0};
        memoryFile = "/vsimem/citytwin/" + std::to_string(++next) + "/" +
                     std::filesystem::path(path).stem().string() + ".geojson";
        auto* bytes = static_cast<GByte*>(CPLMalloc(adaptation->text.size()));
        std::copy(adaptation->text.begin(), adaptation->text.end(), bytes);
        VSIFCloseL(VSIFileFromMemBuffer(memoryFile.c_str(), bytes, adaptation->text.size(), TRUE));
    }
    static const char* const GeoJsonDriver[] = {"GeoJSON", nullptr};
    GdalDatasetPtr dataset(GDALDataset::Open(memoryFile.empty() ? path.c_str() : memoryFile.c_str(),
                                             flags | GDAL_OF_READONLY, GeoJsonDriver, nullptr),
                           GdalDatasetCloser{memoryFile});
    if (!dataset)
    {
        if (!memoryFile.empty())
            VSIUnlink(memoryFile.c_str());
        return GdalDatasetPtr();
    }
    for (OGRLayer* layer : dataset->GetLayers())
    {
        attachNotes(*layer, adaptation->notes);
        if (!adaptation->crs.empty())
        {
            layer->SetMetadataItem("CRS", adaptation->crs.c_str(), NotesDomain);
            layer->SetMetadataItem("CRS_GUESSED", adaptation->crsGuessed ? "YES" : "NO", NotesDomain);
        }
    }
    return dataset;
}

/// Opens a CSV / TSV point table with the CSV driver, its points from the coordinate or geometry columns.
GdalDatasetPtr openCsvTable(const std::string& path, unsigned int flags, const TableColumns& columns)
{
    static const char* const TableDrivers[] = {"CSV", nullptr};
    GdalDatasetPtr plain(GDALDataset::Open(path.c_str(), flags | GDAL_OF_READONLY, TableDrivers, nullptr));
    if (!plain || plain->GetLayerCount() == 0)
        return plain;
    std::string error;
    std::vector<LayerWarning> notes;
    const std::vector<std::string> chosen = csvColumnOptions(*plain->GetLayer(0), columns, error, notes);
    if (!error.empty())
    {
        CPLError(CE_Failure, CPLE_AppDefined, "%s", error.c_str());
        return nullptr;
    }
    if (chosen.empty())
        return plain;
    plain.reset();
    std::vector<const char*> options;
    for (const std::string& option : chosen)
        options.push_back(option.c_str());
    options.push_back(nullptr);
    GdalDatasetPtr dataset(
        GDALDataset::Open(path.c_str(), flags | GDAL_OF_READONLY, TableDrivers, options.data(), nullptr));
    if (dataset && dataset->GetLayerCount() > 0)
        attachNotes(*dataset->GetLayer(0), notes);
    return dataset;
}
} // namespace

void removeMemoryFolder(const std::string& folder)
{
    if (char** files = VSIReadDir(folder.c_str()))
    {
        for (int i = 0; files[i]; ++i)
            VSIUnlink((folder + files[i]).c_str());
        CSLDestroy(files);
    }
    VSIRmdir(folder.c_str());
}

void GdalDatasetCloser::operator()(GDALDataset* dataset) const
{
    GDALClose(GDALDataset::ToHandle(dataset));
    if (memoryFile.empty())
        return;
    if (memoryFile.back() != '/')
    {
        VSIUnlink(memoryFile.c_str());
        return;
    }
    removeMemoryFolder(memoryFile); // a shapefile copied to rebuild its index
}

void attachNotes(OGRLayer& layer, const std::vector<LayerWarning>& notes)
{
    std::string text;
    for (const LayerWarning& note : notes)
        text += std::to_string(static_cast<int>(note.kind)) + NoteFieldSeparator + note.value + NoteFieldSeparator +
                note.detail + '\n';
    const char* existing = layer.GetMetadataItem("NOTES", NotesDomain);
    layer.SetMetadataItem("NOTES", ((existing ? existing : "") + text).c_str(), NotesDomain);
}

std::vector<LayerWarning> layerNotes(OGRLayer& layer)
{
    std::vector<LayerWarning> notes;
    const char* text = layer.GetMetadataItem("NOTES", NotesDomain);
    std::string rest = text ? text : "";
    for (std::size_t end = rest.find('\n'); end != std::string::npos; end = rest.find('\n'))
    {
        const std::string line = rest.substr(0, end);
        rest.erase(0, end + 1);
        const auto first = line.find(NoteFieldSeparator);
        const auto second = line.find(NoteFieldSeparator, first + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        notes.push_back({static_cast<LayerWarning::Kind>(std::stoi(line.substr(0, first))),
                         line.substr(first + 1, second - first - 1), line.substr(second + 1)});
    }
    return notes;
}

std::string layerCrs(OGRLayer& layer, bool* guessed)
{
    const char* declared = layer.GetMetadataItem("CRS", NotesDomain);
    const char* wasGuessed = layer.GetMetadataItem("CRS_GUESSED", NotesDomain);
    if (guessed)
        *guessed = declared && wasGuessed && std::string(wasGuessed) == "YES";
    return declared ? std::string(declared) : crsDefinition(layer.GetSpatialRef());
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

std::optional<std::string> unknownShapefileCodePage(const std::string& path)
{
    std::filesystem::path shp(path);
    std::string extension = shp.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension != ".shp")
        return std::nullopt;
    std::ifstream cpg(std::filesystem::path(shp).replace_extension(".cpg"));
    if (!cpg)
        cpg.open(std::filesystem::path(shp).replace_extension(".CPG"));
    std::string name;
    if (!cpg || !std::getline(cpg, name))
        return std::nullopt;
    name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
               name.end());
    if (name.empty() || name.size() > 64)
        return name.empty() ? std::nullopt : std::optional<std::string>(name.substr(0, 64));
    // The names GDAL's shapefile driver turns them into: Esri's numeric code pages, ISO 8859 parts.
    std::vector<std::string> candidates{name};
    if (std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        candidates.push_back("CP" + name);
    if (name.rfind("8859", 0) == 0)
        candidates.push_back("ISO-" + name);
    for (const std::string& candidate : candidates)
    {
        const iconv_t converter = iconv_open("UTF-8", candidate.c_str());
        if (converter != reinterpret_cast<iconv_t>(-1))
        {
            iconv_close(converter);
            return std::nullopt;
        }
    }
    return name;
}

Result<OpenedLayer> openSourceLayer(const std::string& path, const std::string& layerName,
                                    const TableColumns& columns)
{
    if (!isConnectionString(path) && !std::filesystem::exists(path))
        return Error{ErrorCode::FileNotFound, "no such file", path};
    CPLErrorReset();
    OpenedLayer opened;
    opened.dataset = openReadOnly(path, GDAL_OF_VECTOR, columns);
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

namespace
{
/// Spreadsheets inflating beyond this are refused: a real district table is a few MB, a zip bomb is not.
constexpr GUIntBig MaximumInflatedSpreadsheet = 512ull * 1024 * 1024;

/// Shapefiles without their .shx are read from an in-memory copy with the index rebuilt there, up to this size.
constexpr std::uintmax_t MaximumShapefileCopy = 512ull * 1024 * 1024;

/// Whether a shapefile's .shx index is missing.
bool shapefileIndexMissing(const std::string& path)
{
    std::filesystem::path index(path);
    std::error_code errorCode;
    return !std::filesystem::exists(index.replace_extension(".shx"), errorCode) &&
           !std::filesystem::exists(index.replace_extension(".SHX"), errorCode);
}

/// Opens a shapefile whose .shx is missing from an in-memory copy of its files (/vsimem/), where GDAL rebuilds the
/// index from the .shp: nothing is written beside the user's file. The copies are removed when the dataset closes.
/// Too large a shapefile is refused with the reason.
GdalDatasetPtr openWithRebuiltIndex(const std::string& path, unsigned int flags, char** options)
{
    const std::filesystem::path shp(path);
    std::vector<std::pair<std::filesystem::path, std::string>> parts; // file, extension in the copy
    std::uintmax_t total = 0;
    for (const char* extension : {".shp", ".dbf", ".prj", ".cpg"})
    {
        std::string upper = extension;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        for (const std::string& candidate : {std::string(extension), upper})
        {
            std::error_code errorCode;
            const std::filesystem::path sibling = std::filesystem::path(shp).replace_extension(candidate);
            if (std::filesystem::is_regular_file(sibling, errorCode))
            {
                total += std::filesystem::file_size(sibling, errorCode);
                parts.emplace_back(sibling, extension);
                break;
            }
        }
    }
    const std::string index = std::filesystem::path(shp).replace_extension(".shx").filename().string();
    if (total > MaximumShapefileCopy)
    {
        CPLError(CE_Failure, CPLE_OpenFailed,
                 "the shapefile's index %s is missing and the shapefile (%llu MB) is too large to rebuild it in "
                 "memory: copy the .shx with the .shp (they belong together)",
                 index.c_str(), static_cast<unsigned long long>(total >> 20));
        return nullptr;
    }
    static std::atomic<unsigned long> copies{0};
    const std::string folder = "/vsimem/citytwin-shx-" + std::to_string(++copies) + "/";
    const std::string stem = shp.stem().string();
    for (const auto& [file, extension] : parts)
    {
        std::ifstream in(file, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto* buffer = static_cast<GByte*>(VSIMalloc(std::max<std::size_t>(1, bytes.size())));
        if (!buffer)
            return nullptr;
        std::copy(bytes.begin(), bytes.end(), buffer);
        VSIFCloseL(VSIFileFromMemBuffer((folder + stem + extension).c_str(), buffer,
                                        static_cast<vsi_l_offset>(bytes.size()), TRUE));
    }
    CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", "YES");
    // The copies go when the dataset closes (GDAL reads the .prj and .cpg when first asked, not at opening).
    GdalDatasetPtr dataset(
        GDALDataset::Open((folder + stem + ".shp").c_str(), flags | GDAL_OF_READONLY, nullptr, options),
        GdalDatasetCloser{folder});
    CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", nullptr);
    if (dataset)
        log(LogLevel::Warning, "data.gdal",
            path + ": the index " + index + " is missing: read from a copy in memory with the index rebuilt");
    else
    {
        removeMemoryFolder(folder);
        CPLError(CE_Failure, CPLE_OpenFailed,
                 "the shapefile's index %s is missing and could not be rebuilt from the .shp: copy the .shx with "
                 "the .shp (they belong together)",
                 index.c_str());
    }
    return dataset;
}

/// Why a file cannot be opened before GDAL tries, as a GDAL error (the callers report CPLGetLastErrorMsg):
/// a spreadsheet that inflates to more than MaximumInflatedSpreadsheet.
bool refusedBeforeOpening(const std::string& path, const std::string& extension)
{
    if (extension == ".xlsx" || extension == ".ods")
    {
        const std::string zip = "/vsizip/{" + path + "}";
        char** members = VSIReadDirRecursive(zip.c_str());
        GUIntBig inflated = 0;
        for (int i = 0; members && members[i]; ++i)
        {
            VSIStatBufL stat;
            if (VSIStatL((zip + "/" + members[i]).c_str(), &stat) == 0)
                inflated += static_cast<GUIntBig>(stat.st_size);
        }
        CSLDestroy(members);
        if (inflated > MaximumInflatedSpreadsheet)
        {
            CPLError(CE_Failure, CPLE_OpenFailed,
                     "the spreadsheet inflates to %llu MB, more than the %llu MB CityTwin reads (a zip bomb?)",
                     static_cast<unsigned long long>(inflated >> 20),
                     static_cast<unsigned long long>(MaximumInflatedSpreadsheet >> 20));
            return true;
        }
    }
    return false;
}
} // namespace

GdalDatasetPtr openReadOnly(const std::string& path, unsigned int flags, const TableColumns& columns)
{
    ensureGdalRegistered();
    const std::string extension = lowerExtension(path);
    const bool file = !isConnectionString(path);
    if (file && refusedBeforeOpening(path, extension))
        return nullptr;
    if (file && (flags & GDAL_OF_VECTOR) && (extension == ".json" || extension == ".geojson"))
        if (auto variant = openGeoJsonVariant(path, flags))
            return std::move(*variant);
    if (file && (extension == ".csv" || extension == ".tsv"))
        return openCsvTable(path, flags, columns);
    std::vector<const char*> options;
    if (isShapefileWithoutCodePage(path))
        options.push_back("ENCODING=");
    if (extension == ".gml" || extension == ".xml")
        options.push_back("WRITE_GFS=NO");
    // Only the tables registered in gpkg_contents are layers (a project's own tables are not).
    if (extension == ".gpkg")
        options.push_back("LIST_ALL_TABLES=NO");
    // Exported incident sheets have a header row even when every cell is text.
    if (extension == ".xlsx" || extension == ".ods")
        options.push_back("HEADERS=FORCE");
    options.push_back(nullptr);
    char** openOptions = options.size() > 1 ? const_cast<char**>(options.data()) : nullptr;
    if (file && extension == ".shp" && shapefileIndexMissing(path))
        return openWithRebuiltIndex(path, flags, openOptions);
    GdalDatasetPtr dataset(
        GDALDataset::Open(path.c_str(), flags | GDAL_OF_READONLY, nullptr, openOptions));
    // Spreadsheets: the points of every sheet from its coordinate or geometry columns.
    if (dataset && (extension == ".xlsx" || extension == ".ods"))
    {
        std::string error;
        dataset = pointsFromColumns(*dataset, columns, error);
        if (!error.empty())
            CPLError(CE_Failure, CPLE_AppDefined, "%s", error.c_str());
    }
    return dataset;
}

} // namespace citytwin::data
