#include "data/geo/srs_name.hpp"

#include "data/geo/proj_handles.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <utility>

namespace citytwin::data
{
namespace
{
/// Short names seen in real files for common national grids, normalised as by shortName(), with their EPSG
/// codes. Full EPSG names ("Amersfoort / RD New") are found by PROJ itself.
constexpr std::array<std::pair<const char*, int>, 24> ShortNames{{
    {"rd_new", 28992},
    {"rdnew", 28992},
    {"amersfoort_rd_new", 28992},
    {"rd", 28992},
    {"etrs89_utm32n", 25832},
    {"etrs89_utm_zone_32n", 25832},
    {"etrs89_utm33n", 25833},
    {"etrs89_utm_zone_33n", 25833},
    {"etrs89_utm31n", 25831},
    {"dhdn_gk3", 31467},
    {"dhdn_gk4", 31468},
    {"gk3", 31467},
    {"gk4", 31468},
    {"lambert93", 2154},
    {"rgf93_lambert93", 2154},
    {"british_national_grid", 27700},
    {"osgb36_british_national_grid", 27700},
    {"ch1903_lv95", 2056},
    {"ch1903_lv03", 21781},
    {"wgs84", 4326},
    {"cgcs2000", 4490},
    {"cgcs2000_3_degree_gk_cm_117e", 4548},
    {"cgcs2000_gk_cm_117e", 4548},
    {"cgcs2000_3_degree_gk_zone_39", 4527},
}};

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// Lower case, every run of other characters than letters and digits one '_', "gauss_kruger" as "gk".
std::string shortName(const std::string& name)
{
    std::string normal;
    for (const char c : name)
    {
        if (std::isalnum(static_cast<unsigned char>(c)))
            normal += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!normal.empty() && normal.back() != '_')
            normal += '_';
    }
    while (!normal.empty() && normal.back() == '_')
        normal.pop_back();
    for (const char* kruger : {"gauss_kruger", "gauss_krueger", "gauss_kr_ger"})
        if (const auto at = normal.find(kruger); at != std::string::npos)
            normal.replace(at, std::string(kruger).size(), "gk");
    return normal;
}

/// "EPSG:n" from the URN, URL and code forms; the first (horizontal) member of a compound URN. "" when none fits.
std::string epsgFromPattern(const std::string& name)
{
    static const std::regex urn(R"(^urn:(?:x-)?ogc:def:crs(?:,crs)?:EPSG:[0-9.]*:([0-9]+)(?:,.*)?$)",
                                std::regex::icase);
    static const std::regex url(R"(^https?://www\.opengis\.net/def/crs/EPSG/[0-9.]+/([0-9]+)/?$)", std::regex::icase);
    static const std::regex code(R"(^(?:EPSG\s*:+\s*)?([0-9]{4,6})$)", std::regex::icase);
    std::smatch match;
    if (std::regex_match(name, match, urn) || std::regex_match(name, match, url) || std::regex_match(name, match, code))
        return "EPSG:" + match[1].str();
    return {};
}

std::string epsgFromTable(const std::string& name)
{
    const std::string normal = shortName(name);
    const auto found = std::find_if(ShortNames.begin(), ShortNames.end(),
                                    [&normal](const auto& entry) { return normal == entry.first; });
    return found == ShortNames.end() ? std::string() : "EPSG:" + std::to_string(found->second);
}

/// A CRS of the EPSG registry of exactly that name (projected, compound or geographic), as "EPSG:n"; "" if none.
std::string epsgFromName(PJ_CONTEXT* context, const std::string& name)
{
    const PJ_TYPE types[] = {PJ_TYPE_PROJECTED_CRS, PJ_TYPE_COMPOUND_CRS, PJ_TYPE_GEOGRAPHIC_2D_CRS};
    PJ_OBJ_LIST* list = proj_create_from_name(context, "EPSG", name.c_str(), types, 3, 0, 1, nullptr);
    if (!list)
        return {};
    std::string result;
    if (proj_list_get_count(list) > 0)
        if (PjPtr crs{proj_list_get(context, list, 0)}; crs)
            if (const char* code = proj_get_id_code(crs.get(), 0);
                code && proj_get_name(crs.get()) && shortName(proj_get_name(crs.get())) == shortName(name))
                result = std::string("EPSG:") + code;
    proj_list_destroy(list);
    return result;
}
} // namespace

Result<ResolvedSrs> resolveSrsName(const std::string& srsName)
{
    const std::string name = trimmed(srsName);
    if (name.empty())
        return Error{ErrorCode::CrsMissing, "no srsName", {}};
    ProjContextPtr context = makeProjContext();
    std::string code = epsgFromPattern(name);
    if (code.empty())
        code = epsgFromTable(name);
    if (code.empty())
        code = epsgFromName(context.get(), name);
    if (code.empty())
        return Error{ErrorCode::CrsUnknown, "srsName '" + name + "' is no EPSG code, URN or CRS name PROJ knows", {}};
    PjPtr crs(proj_create(context.get(), code.c_str()));
    if (!crs)
        return Error{ErrorCode::CrsUnknown, "srsName '" + name + "' names " + code + ", which PROJ does not know", {}};
    ResolvedSrs resolved;
    if (proj_get_type(crs.get()) == PJ_TYPE_COMPOUND_CRS)
    {
        resolved.declared = code;
        crs.reset(proj_crs_get_sub_crs(context.get(), crs.get(), 0));
        const char* horizontal = crs ? proj_get_id_code(crs.get(), 0) : nullptr;
        if (!horizontal)
            return Error{
                ErrorCode::CrsUnknown, "srsName '" + name + "': the compound CRS has no EPSG horizontal part", {}};
        code = std::string("EPSG:") + horizontal;
    }
    const PJ_TYPE type = proj_get_type(crs.get());
    if (type != PJ_TYPE_PROJECTED_CRS && type != PJ_TYPE_GEOGRAPHIC_2D_CRS && type != PJ_TYPE_GEOGRAPHIC_3D_CRS)
        return Error{
            ErrorCode::CrsUnknown, "srsName '" + name + "' names " + code + ", which is no horizontal CRS", {}};
    resolved.crs = code;
    resolved.name = proj_get_name(crs.get()) ? proj_get_name(crs.get()) : "";
    resolved.geographic = type != PJ_TYPE_PROJECTED_CRS;
    return resolved;
}

} // namespace citytwin::data
