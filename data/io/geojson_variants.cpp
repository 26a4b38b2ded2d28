#include "data/io/geojson_variants.hpp"

#include "data/geo/coordinate_pipeline.hpp"
#include "data/io/gdal_open.hpp"
#include "data/io/text_encoding.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>

namespace citytwin::data
{
namespace
{
using Json = nlohmann::json;

/// GeoJSON files larger than this are left to GDAL as they are (read whole to look at them otherwise).
constexpr std::uintmax_t LargestAdapted = std::uintmax_t(2) << 30;

/// Lower case, letters and digits only (Chinese and other non-ASCII bytes kept): the key names are matched on.
std::string squeezed(const std::string& name)
{
    std::string out;
    for (unsigned char c : name)
        if (c >= 0x80 || std::isalnum(c))
            out.push_back(static_cast<char>(std::tolower(c)));
    return out;
}

/// The last run of digits in text ("urn:ogc:def:crs:EPSG:6.6:4490" -> "4490"); empty when none.
std::string lastNumber(const std::string& text)
{
    auto end = std::find_if(text.rbegin(), text.rend(), [](unsigned char c) { return std::isdigit(c); });
    auto begin = std::find_if(end, text.rend(), [](unsigned char c) { return !std::isdigit(c); });
    return std::string(begin.base(), end.base());
}

struct NamedCrs
{
    const char* key; ///< squeezed
    const char* crs;
};

/// Names of the CRSs Chinese and international portals write in words, squeezed.
constexpr NamedCrs NamedCrss[] = {
    {"crs84", "EPSG:4326"},
    {"wgs84", "EPSG:4326"},
    {"wgs1984", "EPSG:4326"},
    {"gcswgs1984", "EPSG:4326"},
    {"worldgeodeticsystem1984", "EPSG:4326"},
    {"cgcs2000", "EPSG:4490"},
    {"gcscgcs2000", "EPSG:4490"},
    {"chinageodeticcoordinatesystem2000", "EPSG:4490"},
    {"gcschinageodeticcoordinatesystem2000", "EPSG:4490"},
    {"国家2000", "EPSG:4490"},
    {"2000国家大地坐标系", "EPSG:4490"},
    {"国家2000坐标系", "EPSG:4490"},
    {"webmercator", "EPSG:3857"},
    {"pseudomercator", "EPSG:3857"},
    {"wgs84pseudomercator", "EPSG:3857"},
    {"googlemercator", "EPSG:3857"},
    {"900913", "EPSG:3857"},
    {"beijing1954", "EPSG:4214"},
    {"gcsbeijing1954", "EPSG:4214"},
    {"北京54", "EPSG:4214"},
    {"北京1954", "EPSG:4214"},
    {"xian1980", "EPSG:4610"},
    {"gcsxian1980", "EPSG:4610"},
    {"西安80", "EPSG:4610"},
    {"西安1980", "EPSG:4610"},
    {"火星坐标", "gcj02"},
    {"火星坐标系", "gcj02"},
    {"高德", "gcj02"},
    {"百度坐标", "bd09"},
    {"百度坐标系", "bd09"},
};

/// The "crs" member's text, when the file has one: the balanced {...} (or "...") after the key.
std::optional<std::string> crsMemberText(const std::string& text)
{
    for (std::size_t at = text.find("\"crs\""); at != std::string::npos; at = text.find("\"crs\"", at + 5))
    {
        std::size_t i = text.find_first_not_of(" \t\r\n", at + 5);
        if (i == std::string::npos || text[i] != ':')
            continue;
        i = text.find_first_not_of(" \t\r\n", i + 1);
        if (i == std::string::npos)
            return std::nullopt;
        if (text[i] == '"')
        {
            const std::size_t end = text.find('"', i + 1);
            return end == std::string::npos ? std::nullopt : std::optional(text.substr(i, end - i + 1));
        }
        if (text[i] != '{')
            continue;
        int depth = 0;
        bool inString = false;
        for (std::size_t j = i; j < text.size(); ++j)
        {
            const char c = text[j];
            if (inString)
            {
                if (c == '\\')
                    ++j;
                else if (c == '"')
                    inString = false;
            }
            else if (c == '"')
                inString = true;
            else if (c == '{')
                ++depth;
            else if (c == '}' && --depth == 0)
                return text.substr(i, j - i + 1);
        }
        return std::nullopt;
    }
    return std::nullopt;
}

/// The name a "crs" member gives: properties.name, properties.code (the 2008 "EPSG" type), or a bare string.
std::string crsMemberName(const std::string& member)
{
    const Json crs = Json::parse(member, nullptr, false);
    if (crs.is_string())
        return crs.get<std::string>();
    if (!crs.is_object() || !crs.contains("properties") || !crs["properties"].is_object())
        return {};
    const Json& properties = crs["properties"];
    for (const char* key : {"name", "code", "href"})
    {
        if (!properties.contains(key))
            continue;
        const Json& value = properties[key];
        if (value.is_string())
            return (std::string(key) == "code" ? "EPSG:" : "") + value.get<std::string>();
        if (value.is_number_integer())
            return "EPSG:" + std::to_string(value.get<long long>());
    }
    return {};
}

/// Whether GDAL's GeoJSON driver reads this name itself (the forms the GeoJSON 2008 specification names).
bool gdalReadsCrsName(const std::string& name)
{
    return name.rfind("urn:ogc:def:crs:", 0) == 0 || name.rfind("EPSG:", 0) == 0 ||
           name.rfind("http://www.opengis.net/def/crs/", 0) == 0;
}

std::optional<std::string> readWhole(const std::string& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size > LargestAdapted)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    return in ? std::optional(std::move(text)) : std::nullopt;
}

/// What the file's "crs" member says, into adaptation (only where GDAL would not understand it).
void adaptCrsMember(const std::string& text, GeoJsonAdaptation& adaptation)
{
    const auto member = crsMemberText(text);
    if (!member)
    {
        // DataV GeoAtlas's features carry their administrative code; its coordinates are Amap's (GCJ-02).
        if (text.find("\"adcode\"") != std::string::npos)
        {
            adaptation.crs = "gcj02";
            adaptation.crsGuessed = true;
            adaptation.notes.push_back({LayerWarning::Kind::DataVAsGcj02, "gcj02",
                                        "no CRS is declared and the features carry DataV's adcode: read as GCJ-02, "
                                        "the coordinates DataV GeoAtlas publishes"});
        }
        return;
    }
    const std::string name = crsMemberName(*member);
    if (name.empty())
    {
        adaptation.notes.push_back({LayerWarning::Kind::CrsNotRecognised, *member,
                                    "the \"crs\" member " + *member + " names no CRS; read as WGS 84"});
        return;
    }
    const auto crs = crsFromName(name);
    if (!crs)
    {
        adaptation.notes.push_back({LayerWarning::Kind::CrsNotRecognised, name,
                                    "the CRS named '" + name + "' is not known; read as WGS 84"});
        return;
    }
    if (gdalReadsCrsName(name) && !chineseOffsetName(*crs))
        return;
    adaptation.crs = *crs;
    adaptation.notes.push_back({LayerWarning::Kind::CrsFromName, name, "the CRS named '" + name + "' read as " + *crs});
}
} // namespace

std::optional<std::string> crsFromName(const std::string& name)
{
    if (auto chinese = chineseOffsetName(name))
        return chinese;
    const std::string key = squeezed(name);
    if (key.empty())
        return std::nullopt;
    for (const NamedCrs& named : NamedCrss)
        if (key == named.key)
            return std::string(named.crs);
    const std::string number = lastNumber(name);
    const bool allDigits = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return std::isdigit(c); });
    if ((key.find("epsg") != std::string::npos || allDigits) && number.size() >= 4 && number.size() <= 6)
        return "EPSG:" + number;
    ensureGdalRegistered();
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(name.c_str()) != OGRERR_NONE)
        return std::nullopt;
    if (srs.GetAuthorityCode(nullptr) == nullptr)
        srs.AutoIdentifyEPSG();
    const std::string definition = crsDefinition(&srs);
    return definition.empty() ? std::nullopt : std::optional(definition);
}

std::optional<GeoJsonAdaptation> adaptGeoJson(const std::string& path)
{
    auto read = readWhole(path);
    if (!read)
        return std::nullopt;
    std::string text = std::move(*read);
    GeoJsonAdaptation adaptation;
    bool rewritten = false;
    // GDAL reads a byte-order mark; it is dropped here only for a text that is rewritten anyway.
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
    if (!isValidUtf8(text))
    {
        auto decoded = gbkToUtf8(text);
        if (!decoded)
            return std::nullopt;
        text = std::move(*decoded);
        rewritten = true;
        adaptation.notes.push_back(
            {LayerWarning::Kind::DecodedAsGbk, "", "the text is not UTF-8 (as GeoJSON must be); decoded as GBK"});
    }
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '[')
    {
        text = "{\"type\":\"FeatureCollection\",\"features\":" + text.substr(first) + "}";
        rewritten = true;
        adaptation.notes.push_back({LayerWarning::Kind::ReadAsCollection, "",
                                    "a bare JSON array of Features (not a FeatureCollection), read as one"});
    }
    else if (first == std::string::npos || text[first] != '{')
        return std::nullopt;
    adaptCrsMember(text, adaptation);
    if (rewritten)
        adaptation.text = std::move(text);
    if (adaptation.text.empty() && adaptation.crs.empty() && adaptation.notes.empty())
        return std::nullopt;
    return adaptation;
}

} // namespace citytwin::data
