#include "data/io/citygml_source.hpp"

#include "data/geo/crs_transformer.hpp"
#include "data/geo/srs_name.hpp"
#include "data/io/citygml_generic.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <unordered_set>

#include <citygml/address.h>
#include <citygml/citygml.h>
#include <citygml/citygmllogger.h>
#include <citygml/citymodel.h>
#include <citygml/envelope.h>
#include <citygml/geometry.h>
#include <citygml/linearring.h>
#include <citygml/polygon.h>
#include <citygml/texture.h>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/util/XMLString.hpp>

namespace citytwin::data
{
namespace
{
using citygml::CityObject;
using ObjectType = citygml::CityObject::CityObjectsType;

/// The head of an XML file: its root element's name, that element's namespace, and the first srsName in it.
struct XmlHead
{
    std::string rootName; ///< local name
    std::string rootNamespace;
    std::string srsName;
    bool doctype = false; ///< a <!DOCTYPE> before the root element (entities, an external DTD)
};

/// The value of the first name="value" (or name='value') in text, or "" when there is none.
std::string attributeValue(const std::string& text, const std::string& name)
{
    for (std::size_t found = text.find(name); found != std::string::npos; found = text.find(name, found + 1))
    {
        std::size_t at = found + name.size();
        while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])))
            ++at;
        if (at >= text.size() || text[at] != '=')
            continue;
        ++at;
        while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])))
            ++at;
        if (at >= text.size() || (text[at] != '"' && text[at] != '\''))
            continue;
        const std::size_t close = text.find(text[at], at + 1);
        if (close != std::string::npos && close - at <= 1024)
            return text.substr(at + 1, close - at - 1);
    }
    return {};
}

XmlHead readHead(const std::string& path)
{
    // 64 KiB reach past the namespace declarations and the CityModel's boundedBy in every file seen so far.
    std::ifstream file(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(file.gcount()));
    XmlHead result;
    std::size_t at = 0;
    // Skip the declaration, comments, processing instructions and a DOCTYPE up to the first element.
    while ((at = head.find('<', at)) != std::string::npos && at + 1 < head.size() &&
           (head[at + 1] == '?' || head[at + 1] == '!'))
        at = head.compare(at, 4, "<!--") == 0 ? head.find("-->", at) : head.find('>', at);
    if (at == std::string::npos || at + 1 >= head.size())
        return result;
    result.doctype = head.substr(0, at).find("<!DOCTYPE") != std::string::npos;
    const std::size_t end = head.find('>', at);
    const std::string tag = head.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    const std::string qualified = tag.substr(0, tag.find_first_of(" \t\r\n/"));
    const auto colon = qualified.find(':');
    result.rootName = colon == std::string::npos ? qualified : qualified.substr(colon + 1);
    const std::string prefix = colon == std::string::npos ? std::string() : qualified.substr(0, colon);
    // Element and prefix names are XML names; anything else (a binary file's bytes) is no XML root element.
    const auto nameCharacter = [](char c)
    {
        const auto byte = static_cast<unsigned char>(c);
        return std::isalnum(byte) || byte >= 0x80 || c == '_' || c == '-' || c == '.' || c == ':';
    };
    if (qualified.empty() || !std::all_of(qualified.begin(), qualified.end(), nameCharacter))
        return XmlHead{};
    const std::string attribute = prefix.empty() ? std::string("xmlns") : "xmlns:" + prefix;
    result.rootNamespace = attributeValue(tag, attribute);
    // The first srsName (no std::regex over 64 KiB of file: libstdc++'s matcher recurses per character).
    result.srsName = attributeValue(head, "srsName");
    return result;
}

std::string versionOfNamespace(const std::string& uri)
{
    static const std::regex citygml(R"(^http://www\.opengis\.net/citygml/([0-9]\.[0-9])/?$)");
    std::smatch match;
    return std::regex_match(uri, match, citygml) ? match[1].str() : std::string();
}

/// Keeps libcitygml's warnings (elements it skips) for the model's warnings, once each and a few at most.
class CollectingLogger : public citygml::CityGMLLogger
{
public:
    CollectingLogger() : CityGMLLogger(LOGLEVEL::LL_WARNING) {}
    void log(LOGLEVEL level, const std::string& message, const char*, int) const override
    {
        if (level < LOGLEVEL::LL_WARNING)
            return;
        // "Found start tag of unknown node <bldg:lod0FootPrint> at line 27..." -> one line per element name.
        static const std::regex unknown(R"(unknown node <([^>]+)>)");
        std::smatch match;
        const std::string key = std::regex_search(message, match, unknown) ? match[1].str() : message;
        if (mSeen.insert(key).second && mMessages.size() < 20)
            mMessages.push_back(std::regex_search(message, match, unknown)
                                    ? "element <" + key + "> is not supported and was skipped"
                                    : message);
    }
    const std::vector<std::string>& messages() const { return mMessages; }

private:
    mutable std::unordered_set<std::string> mSeen;
    mutable std::vector<std::string> mMessages;
};

SurfaceKind kindOfGeometry(citygml::Geometry::GeometryType type, SurfaceKind inherited)
{
    using Type = citygml::Geometry::GeometryType;
    switch (type)
    {
    case Type::GT_Roof:
        return SurfaceKind::Roof;
    case Type::GT_Wall:
        return SurfaceKind::Wall;
    case Type::GT_Ground:
        return SurfaceKind::Ground;
    case Type::GT_Closure:
        return SurfaceKind::Closure;
    case Type::GT_Unknown:
        return inherited;
    default:
        return SurfaceKind::Other;
    }
}

SurfaceKind kindOfObject(ObjectType type)
{
    switch (type)
    {
    case ObjectType::COT_RoofSurface:
        return SurfaceKind::Roof;
    case ObjectType::COT_WallSurface:
        return SurfaceKind::Wall;
    case ObjectType::COT_GroundSurface:
        return SurfaceKind::Ground;
    case ObjectType::COT_ClosureSurface:
        return SurfaceKind::Closure;
    default:
        return SurfaceKind::Other;
    }
}

/// Turns libcitygml's objects into our buildings: one reader per file.
class BuildingReader
{
public:
    BuildingReader(CityGmlModel& model, const citygml::CityModel& city) : mModel(model)
    {
        const auto themes = city.themes();
        if (!themes.empty())
            mTheme = themes.front();
        mFolder = std::filesystem::absolute(std::filesystem::path(model.path)).parent_path();
    }

    void addBuilding(const CityObject& object, int parent)
    {
        const int index = static_cast<int>(mModel.buildings.size());
        mModel.buildings.emplace_back();
        CityGmlBuilding& building = mModel.buildings.back();
        building.id = object.getId().rfind("genID_", 0) == 0 ? std::string() : object.getId();
        building.type = parent < 0 ? "Building" : "BuildingPart";
        building.parent = parent;
        readAttributes(object, building);
        // Semantic surfaces first: a polygon shared with the solid (xlink) keeps its semantic kind.
        std::unordered_set<const citygml::Polygon*> seen;
        collect(object, SurfaceKind::Unclassified, index, seen);
        for (unsigned int i = 0; i < object.getChildCityObjectsCount(); ++i)
            if (object.getChildCityObject(i).getType() == ObjectType::COT_BuildingPart)
                addBuilding(object.getChildCityObject(i), index);
    }

private:
    static void readAttributes(const CityObject& object, CityGmlBuilding& building)
    {
        for (const auto& [name, value] : object.getAttributes())
        {
            if (name == "bldg:measuredheight")
            {
                char* end = nullptr;
                const std::string text = value.asString();
                const double height = std::strtod(text.c_str(), &end);
                if (end != text.c_str() && std::isfinite(height))
                    building.measuredHeight = height;
                building.attributes.emplace_back("measuredHeight", text);
                continue;
            }
            std::string text = value.asString();
            std::replace_if(
                text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
            text.erase(std::unique(text.begin(), text.end(), [](char a, char b) { return a == ' ' && b == ' '; }),
                       text.end());
            building.attributes.emplace_back(name, text);
        }
        if (const citygml::Address* address = object.address())
        {
            std::string street = address->thoroughfareName();
            if (!address->thoroughfareNumber().empty())
                street += (street.empty() ? "" : " ") + address->thoroughfareNumber();
            std::string text = street;
            for (const std::string& part :
                 {address->postalCode() + (address->postalCode().empty() ? "" : " ") + address->locality(),
                  address->country()})
                if (!part.empty())
                    text += (text.empty() ? "" : ", ") + part;
            building.address = text;
        }
    }

    void collect(const CityObject& object, SurfaceKind kind, int building,
                 std::unordered_set<const citygml::Polygon*>& seen)
    {
        for (unsigned int i = 0; i < object.getChildCityObjectsCount(); ++i)
        {
            const CityObject& child = object.getChildCityObject(i);
            if (child.getType() != ObjectType::COT_BuildingPart)
                collect(child, kindOfObject(child.getType()), building, seen);
        }
        for (unsigned int i = 0; i < object.getGeometriesCount(); ++i)
            collectGeometry(object.getGeometry(i), kind, building, seen);
    }

    void collectGeometry(const citygml::Geometry& geometry, SurfaceKind inherited, int building,
                         std::unordered_set<const citygml::Polygon*>& seen)
    {
        const SurfaceKind kind = kindOfGeometry(geometry.getType(), inherited);
        for (unsigned int i = 0; i < geometry.getPolygonsCount(); ++i)
        {
            const auto polygon = geometry.getPolygon(i);
            if (polygon && polygon->getIndices().size() >= 3 && seen.insert(polygon.get()).second)
                addSurface(*polygon, kind, static_cast<int>(geometry.getLOD()), building);
        }
        for (unsigned int i = 0; i < geometry.getGeometriesCount(); ++i)
            collectGeometry(geometry.getGeometry(i), kind, building, seen);
    }

    static Ring ringOf(const citygml::LinearRing& ring)
    {
        Ring result;
        for (const TVec3d& vertex : ring.getVertices())
            result.push_back({vertex.x, vertex.y, vertex.z});
        if (result.size() > 1 && result.front().x == result.back().x && result.front().y == result.back().y &&
            result.front().z == result.back().z)
            result.pop_back();
        return result;
    }

    void addSurface(const citygml::Polygon& polygon, SurfaceKind kind, int lod, int building)
    {
        CityGmlSurface surface;
        surface.kind = kind;
        surface.lod = lod;
        for (const TVec3d& vertex : polygon.getVertices())
            surface.vertices.push_back({vertex.x, vertex.y, vertex.z});
        surface.indices = polygon.getIndices();
        if (const auto exterior = polygon.exteriorRing())
            surface.rings.push_back(ringOf(*exterior));
        for (const auto& interior : polygon.interiorRings())
            if (interior)
                surface.rings.push_back(ringOf(*interior));
        if (!mTheme.empty())
            if (const auto texture = polygon.getTextureFor(mTheme); texture && !texture->getUrl().empty())
            {
                const auto coordinates = polygon.getTexCoordsForTheme(mTheme, true);
                if (coordinates.size() == surface.vertices.size())
                {
                    surface.texturePath = (mFolder / texture->getUrl()).lexically_normal().string();
                    for (const TVec2f& uv : coordinates)
                        surface.texCoords.push_back({uv.x, uv.y});
                }
            }
        mModel.buildings[static_cast<std::size_t>(building)].surfaces.push_back(std::move(surface));
    }

    CityGmlModel& mModel;
    std::string mTheme;
    std::filesystem::path mFolder;
};

template <class Visit> void forEachVertex(CityGmlModel& model, Visit visit)
{
    for (CityGmlBuilding& building : model.buildings)
        for (CityGmlSurface& surface : building.surfaces)
        {
            for (Position& vertex : surface.vertices)
                visit(vertex);
            for (Ring& ring : surface.rings)
                for (Position& vertex : ring)
                    visit(vertex);
        }
}

void computeExtent(CityGmlModel& model)
{
    model.extent = Extent();
    model.minZ = std::numeric_limits<double>::max();
    model.maxZ = std::numeric_limits<double>::lowest();
    forEachVertex(model,
                  [&model](Position& vertex)
                  {
                      model.extent.include(vertex.x, vertex.y);
                      model.minZ = std::min(model.minZ, vertex.z);
                      model.maxZ = std::max(model.maxZ, vertex.z);
                  });
    if (!model.extent.isValid())
        model.minZ = model.maxZ = 0.0;
}

bool inRange(double low, double high, double limit)
{
    return low >= -limit && high <= limit;
}

/// Resolves the srsName (or the override) and checks that the coordinates can be in that CRS: degrees for a
/// geographic one (latitude first, as EPSG orders it, unless only longitude first fits), within the CRS's area of
/// use otherwise. Fills crs or crsProblem.
void resolveCrs(CityGmlModel& model, const std::string& crsOverride)
{
    const std::string& asked = crsOverride.empty() ? model.srsName : crsOverride;
    auto resolved = resolveSrsName(asked);
    if (!resolved)
    {
        model.crsProblem =
            crsOverride.empty() && model.srsName.empty() ? "the file declares no srsName" : resolved.error().detail;
        return;
    }
    const Extent& e = model.extent;
    if (resolved->geographic && e.isValid())
    {
        if (inRange(e.minX, e.maxX, 90.0) && inRange(e.minY, e.maxY, 180.0) && !inRange(e.minY, e.maxY, 90.0))
            forEachVertex(model, [](Position& vertex) { std::swap(vertex.x, vertex.y); });
        else if (inRange(e.minX, e.maxX, 90.0) && inRange(e.minY, e.maxY, 90.0))
            forEachVertex(model, [](Position& vertex) { std::swap(vertex.x, vertex.y); }); // EPSG order
        else if (!(inRange(e.minX, e.maxX, 180.0) && inRange(e.minY, e.maxY, 90.0)))
        {
            model.crsProblem = "srsName '" + asked + "' names the geographic CRS " + resolved->crs +
                               ", but the coordinates are no degrees";
            return;
        }
        computeExtent(model);
    }
    else if (const auto area = areaOfUse(resolved->crs); area && e.isValid())
    {
        double x = e.centerX(), y = e.centerY();
        auto toDegrees = CrsTransformer::create(resolved->crs, "EPSG:4326");
        // A degree of slack: data often reach a little past the official area of a national grid.
        if (!toDegrees || !toDegrees->transform(x, y) || x < area->minX - 1.0 || x > area->maxX + 1.0 ||
            y < area->minY - 1.0 || y > area->maxY + 1.0)
        {
            const std::string outside =
                resolved->crs + " (" + resolved->name + "), but the coordinates lie outside its area of use";
            // A CRS the user gives is taken as told (a local grid placed on purpose); the file's own is refused.
            if (!crsOverride.empty())
                model.warnings.push_back("the CRS given is " + outside);
            else
            {
                model.crsProblem = "srsName '" + asked + "' names " + outside;
                return;
            }
        }
    }
    model.crs = resolved->crs;
    model.crsName = resolved->name;
    model.crsDeclared = resolved->declared;
}

std::string transcoded(const XMLCh* text)
{
    char* bytes = xercesc::XMLString::transcode(text);
    std::string result = bytes ? bytes : "";
    xercesc::XMLString::release(&bytes);
    return result;
}

/// Loads with libcitygml, turning its exceptions (Xerces' parse errors are no std::exception) into errors.
Result<std::shared_ptr<const citygml::CityModel>> loadCityModel(const std::string& path, const std::string& version,
                                                                CollectingLogger& logger)
{
    const auto fail = [&](const std::string& why) -> Error {
        return Error{ErrorCode::OpenFailed, "CityGML " + version + " recognised, but " + why, path};
    };
    try
    {
        citygml::ParserParams params;
        params.keepVertices = true; // the rings, for footprints (tessellation would forget them)
        auto loggerPointer = std::shared_ptr<citygml::CityGMLLogger>(&logger, [](citygml::CityGMLLogger*) {});
        auto city = citygml::load(path, params, loggerPointer);
        if (!city)
            return fail("libcitygml found no CityModel in it");
        return city;
    }
    catch (const xercesc::SAXParseException& error)
    {
        return fail("the XML is broken at line " + std::to_string(error.getLineNumber()) + ", column " +
                    std::to_string(error.getColumnNumber()) + ": " + transcoded(error.getMessage()) +
                    " (a truncated or damaged file?)");
    }
    catch (const std::exception& error)
    {
        return fail(std::string("libcitygml failed: ") + error.what());
    }
    catch (...)
    {
        return fail("libcitygml failed to read it");
    }
}
/// Measure attributes and attribute sets, which libcitygml skips, read in a pass of our own; its notes about
/// them are dropped once they are read.
void addSkippedGenericAttributes(CityGmlModel& model)
{
    const GenericAttributesById generic = readSkippedGenericAttributes(model.path);
    if (generic.empty())
        return;
    for (CityGmlBuilding& building : model.buildings)
    {
        const auto found = generic.find(building.id);
        if (found == generic.end())
            continue;
        for (const auto& [name, value] : found->second)
            if (std::none_of(building.attributes.begin(), building.attributes.end(),
                             [&name](const auto& attribute) { return attribute.first == name; }))
                building.attributes.emplace_back(name, value);
    }
    std::erase_if(model.warnings, [](const std::string& warning) {
        return warning.find("gen:measureAttribute>") != std::string::npos ||
               warning.find("gen:genericAttributeSet>") != std::string::npos;
    });
}
} // namespace

const char* surfaceKindName(SurfaceKind kind)
{
    switch (kind)
    {
    case SurfaceKind::Roof:
        return "RoofSurface";
    case SurfaceKind::Wall:
        return "WallSurface";
    case SurfaceKind::Ground:
        return "GroundSurface";
    case SurfaceKind::Closure:
        return "ClosureSurface";
    case SurfaceKind::Other:
        return "other surface";
    case SurfaceKind::Unclassified:
        break;
    }
    return "unclassified";
}

int CityGmlModel::buildingCount() const
{
    return static_cast<int>(
        std::count_if(buildings.begin(), buildings.end(), [](const auto& b) { return b.parent < 0; }));
}

int CityGmlModel::partCount() const
{
    return static_cast<int>(buildings.size()) - buildingCount();
}

std::set<int> CityGmlModel::lods() const
{
    std::set<int> result;
    for (const CityGmlBuilding& building : buildings)
        for (const CityGmlSurface& surface : building.surfaces)
            result.insert(surface.lod);
    return result;
}

std::map<SurfaceKind, int> CityGmlModel::surfaceCounts() const
{
    std::map<SurfaceKind, int> counts;
    for (const CityGmlBuilding& building : buildings)
        for (const CityGmlSurface& surface : building.surfaces)
            ++counts[surface.kind];
    return counts;
}

std::string cityGmlVersion(const std::string& path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return {};
    const XmlHead head = readHead(path);
    return head.rootName == "CityModel" ? versionOfNamespace(head.rootNamespace) : std::string();
}

Result<CityGmlModel> readCityGml(const std::string& path, const std::string& crsOverride)
{
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return Error{ErrorCode::FileNotFound, "no such file", path};
    const XmlHead head = readHead(path);
    CityGmlModel model;
    model.path = path;
    model.version = head.rootName == "CityModel" ? versionOfNamespace(head.rootNamespace) : std::string();
    if (model.version.empty())
        return Error{ErrorCode::OpenFailed,
                     head.rootName.empty() ? "not an XML file: no root element found"
                                           : "the root element is <" + head.rootName + "> in namespace '" +
                                                 head.rootNamespace + "', not a CityGML CityModel",
                     path};
    if (model.version != "1.0" && model.version != "2.0")
        return Error{ErrorCode::ContentUnreadable,
                     "CityGML " + model.version + " recognised; only CityGML 1.0 and 2.0 are supported", path};
    // CityGML never uses a DTD; one with entities is a billion-laughs bomb or reads other files (XXE).
    if (head.doctype)
        return Error{ErrorCode::ContentUnreadable,
                     "CityGML " + model.version +
                         " recognised, but the file declares a DTD (<!DOCTYPE>), which CityGML does not use: its "
                         "entities are not expanded (they could exhaust memory or read other files)",
                     path};
    // Xerces' start-up and shut-down, which libcitygml runs on every load, are not thread-safe: one read at a time.
    static std::mutex oneReadAtATime;
    const std::lock_guard lock(oneReadAtATime);
    CollectingLogger logger;
    auto city = loadCityModel(path, model.version, logger);
    if (!city)
        return city.error();
    model.warnings = logger.messages();
    model.srsName = city.value()->getEnvelope().srsName();
    if (model.srsName.empty())
        model.srsName = head.srsName;
    BuildingReader reader(model, *city.value());
    for (const CityObject* object : city.value()->getRootCityObjects())
    {
        if (object->getType() == ObjectType::COT_Building)
            reader.addBuilding(*object, -1);
        else
            ++model.otherObjects[object->getTypeAsString()];
    }
    addSkippedGenericAttributes(model);
    computeExtent(model);
    resolveCrs(model, crsOverride);
    return model;
}

Result<bool> transformCityGml(CityGmlModel& model, const std::string& targetCrs)
{
    if (model.crs.empty())
        return Error{ErrorCode::CrsMissing, model.crsProblem, model.path};
    auto transformer = CrsTransformer::create(model.crs, targetCrs);
    if (!transformer)
        return Error{transformer.error().code, transformer.error().detail, model.path};
    std::vector<double> xs, ys;
    forEachVertex(model, [&](Position& vertex) { xs.push_back(vertex.x), ys.push_back(vertex.y); });
    if (auto done = transformer->transform(xs, ys); !done)
        return Error{done.error().code, done.error().detail, model.path};
    std::size_t i = 0;
    forEachVertex(model,
                  [&](Position& vertex)
                  {
                      vertex.x = xs[i];
                      vertex.y = ys[i++];
                  });
    model.crs = targetCrs;
    model.crsDeclared.clear();
    computeExtent(model);
    return true;
}

Extent cityGmlExtentIn(const CityGmlModel& model, const std::string& targetCrs)
{
    Extent result;
    auto transformer = model.crs.empty() || !model.extent.isValid() ? Result<CrsTransformer>(Error{})
                                                                    : CrsTransformer::create(model.crs, targetCrs);
    if (!transformer)
        return result;
    // The corners and edge midpoints: enough for a city-sized extent, whose sides stay nearly straight.
    const Extent& e = model.extent;
    for (const double fx : {0.0, 0.5, 1.0})
        for (const double fy : {0.0, 0.5, 1.0})
        {
            double x = e.minX + fx * (e.maxX - e.minX), y = e.minY + fy * (e.maxY - e.minY);
            if (transformer->transform(x, y))
                result.include(x, y);
        }
    return result;
}

std::pair<double, std::string> buildingHeight(const CityGmlModel& model, std::size_t building)
{
    const CityGmlBuilding& target = model.buildings.at(building);
    if (target.measuredHeight)
        return {*target.measuredHeight, "measuredHeight"};
    double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < model.buildings.size(); ++i)
    {
        if (i != building && model.buildings[i].parent != static_cast<int>(building))
            continue;
        for (const CityGmlSurface& surface : model.buildings[i].surfaces)
            for (const Position& vertex : surface.vertices)
            {
                low = std::min(low, vertex.z);
                high = std::max(high, vertex.z);
            }
    }
    return {high >= low ? high - low : 0.0, "geometry"};
}

VectorLayer cityGmlBuildingTable(const CityGmlModel& model)
{
    VectorLayer table;
    table.name = std::filesystem::path(model.path).filename().string();
    table.sourcePath = model.path;
    table.effectiveCrs = model.crs;
    table.fieldNames = {"gml_id", "type", "part_of", "lod", "height", "height_source", "address"};
    const std::size_t ownFields = table.fieldNames.size();
    for (const CityGmlBuilding& building : model.buildings)
        for (const auto& [name, value] : building.attributes)
            if (std::find(table.fieldNames.begin(), table.fieldNames.end(), name) == table.fieldNames.end())
                table.fieldNames.push_back(name);
    for (std::size_t i = 0; i < model.buildings.size(); ++i)
    {
        const CityGmlBuilding& building = model.buildings[i];
        Feature feature;
        feature.fid = static_cast<std::int64_t>(i);
        feature.values.resize(table.fieldNames.size());
        std::set<int> lods;
        for (const CityGmlSurface& surface : building.surfaces)
            lods.insert(surface.lod);
        std::string lodText;
        for (const int lod : lods)
            lodText += (lodText.empty() ? "" : ", ") + std::to_string(lod);
        const auto [height, source] = buildingHeight(model, i);
        char heightText[32];
        std::snprintf(heightText, sizeof heightText, "%.2f", height);
        feature.values[0] = building.id;
        feature.values[1] = building.type;
        feature.values[2] = building.parent >= 0 ? model.buildings[static_cast<std::size_t>(building.parent)].id : "";
        feature.values[3] = lodText;
        feature.values[4] = heightText;
        feature.values[5] = source;
        feature.values[6] = building.address;
        for (const auto& [name, value] : building.attributes)
            for (std::size_t f = ownFields; f < table.fieldNames.size(); ++f)
                if (table.fieldNames[f] == name)
                    feature.values[f] = value;
        table.features.push_back(std::move(feature));
    }
    return table;
}

} // namespace citytwin::data
