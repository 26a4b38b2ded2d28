#include "data/io/oblique_metadata.hpp"

#include "data/geo/crs_transformer.hpp"
#include "data/geo/proj_handles.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <locale>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include <proj.h>

namespace citytwin::data
{
namespace
{
/// Distance of the probe points east and north of the origin, in SRS units. Large enough that the
/// differences keep many significant digits at Gauss-Krueger magnitudes, small enough to stay local.
constexpr double ProbeDistance = 100.0;
/// metadata.xml files are a few kilobytes; anything this large is not one.
constexpr std::uintmax_t MaximumMetadataSize = 4 * 1024 * 1024;

bool isSpace(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string trim(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(text[i])) != std::toupper(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

std::string decodeEntities(const std::string& text)
{
    static constexpr std::array<std::pair<std::string_view, char>, 5> Entities{
        {{"&quot;", '"'}, {"&apos;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}}};
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size();)
    {
        bool replaced = false;
        for (const auto& [entity, character] : Entities)
        {
            if (text.compare(i, entity.size(), entity) == 0)
            {
                result += character;
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            result += text[i++];
    }
    return result;
}

std::string removeComments(const std::string& xml)
{
    std::string result;
    std::size_t position = 0;
    while (true)
    {
        const auto begin = xml.find("<!--", position);
        result.append(xml, position, begin == std::string::npos ? std::string::npos : begin - position);
        if (begin == std::string::npos)
            return result;
        const auto end = xml.find("-->", begin + 4);
        if (end == std::string::npos)
            return result;
        position = end + 3;
    }
}

/// Returns the text of the first <tag ...>text</tag>, entities decoded and CDATA unwrapped; nothing when absent.
std::optional<std::string> elementText(const std::string& xml, const std::string& tag)
{
    const std::string open = "<" + tag;
    for (auto begin = xml.find(open); begin != std::string::npos; begin = xml.find(open, begin + 1))
    {
        const auto afterName = begin + open.size();
        // "<SRS" must not match "<SRSOrigin".
        if (afterName >= xml.size() || (xml[afterName] != '>' && !isSpace(xml[afterName])))
            continue;
        const auto contentBegin = xml.find('>', afterName);
        if (contentBegin == std::string::npos)
            return std::nullopt;
        const auto end = xml.find("</" + tag, contentBegin);
        if (end == std::string::npos)
            return std::nullopt;
        std::string content = trim(std::string_view(xml).substr(contentBegin + 1, end - contentBegin - 1));
        if (content.starts_with("<![CDATA[") && content.ends_with("]]>"))
            return content.substr(9, content.size() - 12);
        return decodeEntities(content);
    }
    return std::nullopt;
}

/// Reads numbers separated by commas and/or white space; false when any piece is not a number.
bool parseNumbers(std::string_view text, std::vector<double>& values)
{
    values.clear();
    std::size_t i = 0;
    while (i < text.size())
    {
        if (text[i] == ',' || isSpace(text[i]))
        {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ',' && !isSpace(text[end]))
            ++end;
        std::string_view piece = text.substr(i, end - i);
        if (piece.starts_with('+'))
            piece.remove_prefix(1);
        double value = 0.0;
        const auto [last, error] = std::from_chars(piece.data(), piece.data() + piece.size(), value);
        if (error != std::errc() || last != piece.data() + piece.size() || !std::isfinite(value))
            return false;
        values.push_back(value);
        i = end;
    }
    return true;
}

bool isIdentifierCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// When an AUTHORITY[...] or ID[...] clause starts at position, returns the position just after it.
std::optional<std::size_t> authorityClauseEnd(const std::string& wkt, std::size_t position)
{
    if (position > 0 && isIdentifierCharacter(wkt[position - 1]))
        return std::nullopt;
    std::size_t i = position;
    if (startsWithNoCase(std::string_view(wkt).substr(i), "AUTHORITY"))
        i += 9;
    else if (startsWithNoCase(std::string_view(wkt).substr(i), "ID"))
        i += 2;
    else
        return std::nullopt;
    while (i < wkt.size() && isSpace(wkt[i]))
        ++i;
    if (i >= wkt.size() || (wkt[i] != '[' && wkt[i] != '('))
        return std::nullopt;
    int depth = 0;
    bool quoted = false;
    for (; i < wkt.size(); ++i)
    {
        const char c = wkt[i];
        if (c == '"')
            quoted = !quoted; // a doubled quote inside a string toggles twice
        else if (!quoted && (c == '[' || c == '('))
            ++depth;
        else if (!quoted && (c == ']' || c == ')') && --depth == 0)
            return i + 1;
    }
    return std::nullopt;
}

std::string formatNumber(double value)
{
    std::ostringstream stream;
    stream.imbue(std::locale::classic());
    stream.precision(15);
    stream << value;
    return stream.str();
}

/// Returns "geographic" or "geocentric" when the CRS (or the horizontal part of a compound CRS) is one of
/// those, whose axes cannot hold east/north mesh offsets in metres; "" otherwise or when PROJ cannot read it.
std::string angularOrGeocentricKind(const std::string& definition)
{
    ProjContextPtr context = makeProjContext();
    PjPtr crs(proj_create(context.get(), definition.c_str()));
    if (crs && proj_get_type(crs.get()) == PJ_TYPE_COMPOUND_CRS)
        crs.reset(proj_crs_get_sub_crs(context.get(), crs.get(), 0));
    if (!crs)
        return {};
    switch (proj_get_type(crs.get()))
    {
    case PJ_TYPE_GEOGRAPHIC_CRS:
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
        return "geographic";
    case PJ_TYPE_GEOCENTRIC_CRS:
        return "geocentric";
    default:
        return {};
    }
}

Error placementError(Error error, const ObliqueMetadata& metadata)
{
    error.path = metadata.path;
    return error;
}
} // namespace

Result<ObliqueMetadata> parseObliqueMetadata(const std::string& xml, const std::string& path)
{
    const std::string text = removeComments(xml);
    ObliqueMetadata metadata;
    metadata.path = path;
    if (text.find("<ModelMetadata") != std::string::npos && text.find("</ModelMetadata>") == std::string::npos &&
        text.find("<ModelMetadata/>") == std::string::npos)
        return Error{ErrorCode::ContentUnreadable,
                     "metadata.xml is cut short or broken: its <ModelMetadata> element is never closed", path};

    const auto srs = elementText(text, "SRS");
    if (!srs || srs->empty())
        return Error{ErrorCode::CrsMissing, "metadata.xml has no <SRS> element", path};
    metadata.srs = *srs;

    std::vector<double> numbers;
    if (startsWithNoCase(metadata.srs, "EPSG:"))
    {
        metadata.form = ObliqueMetadata::SrsForm::Epsg;
        if (trim(std::string_view(metadata.srs).substr(5)).empty())
            return Error{ErrorCode::CrsUnknown, "<SRS> 'EPSG:' has no code", path};
    }
    else if (startsWithNoCase(metadata.srs, "ENU:"))
    {
        metadata.form = ObliqueMetadata::SrsForm::Enu;
        if (!parseNumbers(std::string_view(metadata.srs).substr(4), numbers) || numbers.size() != 2 ||
            std::abs(numbers[0]) > 90.0 || std::abs(numbers[1]) > 180.0)
            return Error{ErrorCode::CrsUnknown,
                         "cannot read latitude,longitude in degrees from <SRS> '" + metadata.srs + "'", path};
        metadata.enuLatitude = numbers[0];
        metadata.enuLongitude = numbers[1];
    }
    else
    {
        metadata.form = ObliqueMetadata::SrsForm::Wkt;
    }

    // ContextCapture writes <SRSOrigin> whenever it is not 0,0,0; an absent element means the SRS origin itself.
    if (const auto origin = elementText(text, "SRSOrigin"))
    {
        if (!parseNumbers(*origin, numbers) || numbers.size() < 2 || numbers.size() > 3)
            return Error{ErrorCode::InvalidArgument, "cannot read <SRSOrigin> '" + *origin + "' as x,y,z", path};
        metadata.originX = numbers[0];
        metadata.originY = numbers[1];
        metadata.originZ = numbers.size() == 3 ? numbers[2] : 0.0;
    }
    return metadata;
}

std::optional<std::string> obliqueMetadataPath(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code errorCode;
    fs::path at = fs::absolute(fs::path(path), errorCode);
    if (errorCode || !fs::exists(at, errorCode))
        return std::nullopt;
    std::string name = at.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    const bool metadata = name == "metadata.xml";
    const bool tile = name.size() > 5 && name.substr(name.size() - 5) == ".osgb";
    if (!metadata && !tile && !fs::is_directory(at, errorCode))
        return std::nullopt;
    fs::path folder = fs::is_directory(at, errorCode) ? at : at.parent_path();
    for (int up = 0; up <= 4 && !folder.empty(); ++up, folder = folder.parent_path())
    {
        if (fs::is_regular_file(folder / "metadata.xml", errorCode) && fs::is_directory(folder / "Data", errorCode))
            return (folder / "metadata.xml").string();
        if (metadata || folder == folder.parent_path())
            break;
    }
    return std::nullopt;
}

Result<ObliqueMetadata> readObliqueMetadata(const std::string& folderOrMetadataPath)
{
    namespace fs = std::filesystem;
    std::error_code errorCode;
    fs::path file(folderOrMetadataPath);
    if (fs::is_directory(file, errorCode))
        file /= "metadata.xml";
    if (!fs::is_regular_file(file, errorCode))
        return Error{ErrorCode::FileNotFound, "no metadata.xml (not a ContextCapture tileset)", file.string()};
    const auto size = fs::file_size(file, errorCode);
    if (errorCode || size > MaximumMetadataSize)
        return Error{ErrorCode::OpenFailed, "metadata.xml is unreadable or too large", file.string()};
    std::ifstream stream(file, std::ios::binary);
    std::string xml(static_cast<std::size_t>(size), '\0');
    if (!stream.read(xml.data(), static_cast<std::streamsize>(xml.size())))
        return Error{ErrorCode::OpenFailed, "cannot read metadata.xml", file.string()};
    return parseObliqueMetadata(xml, file.string());
}

std::string stripWktAuthorities(const std::string& wkt)
{
    std::string result;
    result.reserve(wkt.size());
    bool quoted = false;
    std::size_t i = 0;
    while (i < wkt.size())
    {
        const char c = wkt[i];
        const auto clauseEnd = quoted ? std::nullopt : authorityClauseEnd(wkt, i);
        if (!clauseEnd)
        {
            quoted = c == '"' ? !quoted : quoted;
            result += c;
            ++i;
            continue;
        }
        // Drop the comma that separated the clause from its predecessor, or, when it came first, its successor.
        while (!result.empty() && isSpace(result.back()))
            result.pop_back();
        i = *clauseEnd;
        if (!result.empty() && result.back() == ',')
        {
            result.pop_back();
            continue;
        }
        while (i < wkt.size() && isSpace(wkt[i]))
            ++i;
        if (i < wkt.size() && wkt[i] == ',')
            ++i;
        while (i < wkt.size() && isSpace(wkt[i]))
            ++i;
    }
    return result;
}

std::string obliqueSourceCrs(const ObliqueMetadata& metadata)
{
    switch (metadata.form)
    {
    case ObliqueMetadata::SrsForm::Epsg:
        return trim(metadata.srs);
    case ObliqueMetadata::SrsForm::Enu:
        // The ellipsoidal orthographic projection maps the ellipsoid onto the plane tangent at lat_0/lon_0:
        // east and north there are the ENU axes. WGS 84 and CGCS2000 ellipsoids differ by 0.1 mm.
        return "+proj=ortho +lat_0=" + formatNumber(metadata.enuLatitude) +
               " +lon_0=" + formatNumber(metadata.enuLongitude) +
               " +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs";
    case ObliqueMetadata::SrsForm::Wkt:
        break;
    }
    // Hand-edited WKTs keep the AUTHORITY of the system they were copied from; the parameters are the truth.
    return stripWktAuthorities(metadata.srs);
}

Result<ObliquePlacement> placeInProjectCrs(const ObliqueMetadata& metadata, const std::string& projectCrs)
{
    ObliquePlacement placement;
    placement.sourceCrs = obliqueSourceCrs(metadata);
    auto transformer = CrsTransformer::create(placement.sourceCrs, projectCrs);
    if (!transformer)
        return placementError(transformer.error(), metadata);
    if (const std::string kind = angularOrGeocentricKind(placement.sourceCrs); !kind.empty())
        return Error{ErrorCode::InvalidArgument,
                     "<SRS> is a " + kind + " CRS; only projected CRSs and ENU frames can place a tileset",
                     metadata.path};

    const double x0 = metadata.originX;
    const double y0 = metadata.originY;
    std::array<double, 3> xs{x0, x0 + ProbeDistance, x0};
    std::array<double, 3> ys{y0, y0, y0 + ProbeDistance};
    if (auto transformed = transformer->transform(xs, ys); !transformed)
        return placementError(transformed.error(), metadata);

    const double eastX = xs[1] - xs[0];
    const double eastY = ys[1] - ys[0];
    const double northX = xs[2] - xs[0];
    const double northY = ys[2] - ys[0];
    // Both local axes give the rotation; away from a conformal CRS's origin they differ slightly, so average them.
    const double eastAngle = std::atan2(eastY, eastX);
    const double northAngle = std::atan2(-northX, northY);
    placement.rotation =
        std::atan2(std::sin(eastAngle) + std::sin(northAngle), std::cos(eastAngle) + std::cos(northAngle));
    placement.scale = (std::hypot(eastX, eastY) + std::hypot(northX, northY)) / (2.0 * ProbeDistance);
    // Anything else with non-metric axes (engineering CRSs in odd units) shows up as an absurd scale.
    if (!(placement.scale > 0.01 && placement.scale < 100.0))
        return Error{ErrorCode::CrsUnknown,
                     "<SRS> is not a projected or local CRS in metres or feet (" + formatNumber(ProbeDistance) +
                         " units = " + formatNumber(placement.scale * ProbeDistance) + " m in " + projectCrs + ")",
                     metadata.path};
    placement.x = xs[0];
    placement.y = ys[0];
    placement.z = metadata.originZ;
    return placement;
}

} // namespace citytwin::data
