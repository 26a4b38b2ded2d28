#include "data/io/tile_content.hpp"

#include "data/io/draco_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace citytwin::data
{
namespace
{
using Json = nlohmann::ordered_json;
using Vec3 = std::array<double, 3>;

/// Tile files beyond this are not read (real tiles are kilobytes to a few tens of megabytes).
constexpr std::uintmax_t MaximumContentSize = 1024ull * 1024 * 1024;
/// A legacy (pre-1.0) header has a glTF magic or a huge count where version 1 has a JSON length; the 3D Tiles
/// specification gives this threshold ("glTF" read as a little-endian integer is above it).
constexpr std::uint32_t LegacyHeaderThreshold = 570425344;

std::uint32_t readUint32(std::string_view bytes, std::size_t offset)
{
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + offset, sizeof(value));
    return value;
}

/// The sections of a b3dm / i3dm / pnts after its header.
struct TileSections
{
    Json featureTable;
    std::string_view featureBinary;
    Json batchTable;
    std::string_view batchBinary;
    std::string_view body; ///< what follows the tables (the glTF of b3dm and i3dm)
    std::uint32_t gltfFormat = 1;
};

Error contentError(const std::string& kind, const std::string& detail, const std::string& path)
{
    return Error{ErrorCode::FormatNotSupported, kind + " tile recognised, but " + detail, path};
}

Result<TileSections> readSections(std::string_view bytes, const std::string& kind, std::size_t headerSize,
                                  const std::string& path)
{
    if (bytes.size() < headerSize)
        return contentError(kind, "truncated: " + std::to_string(bytes.size()) + " bytes, shorter than its header",
                            path);
    const std::uint32_t version = readUint32(bytes, 4);
    const std::uint32_t byteLength = readUint32(bytes, 8);
    if (readUint32(bytes, 20) >= LegacyHeaderThreshold || readUint32(bytes, 24) >= LegacyHeaderThreshold)
        return contentError(kind, "its legacy (pre-1.0) header is not supported", path);
    if (version != 1)
        return contentError(kind, "version " + std::to_string(version) + " is not supported (only 1)", path);
    if (byteLength > bytes.size())
        return contentError(kind,
                            "truncated: the header says " + std::to_string(byteLength) + " bytes, the file has " +
                                std::to_string(bytes.size()),
                            path);
    const std::uint64_t lengths[4] = {readUint32(bytes, 12), readUint32(bytes, 16), readUint32(bytes, 20),
                                      readUint32(bytes, 24)};
    if (headerSize + lengths[0] + lengths[1] + lengths[2] + lengths[3] > byteLength)
        return contentError(kind, "its table lengths run past the end of the tile", path);
    TileSections sections;
    if (headerSize >= 32)
        sections.gltfFormat = readUint32(bytes, 28);
    std::size_t offset = headerSize;
    std::string_view parts[4];
    for (int i = 0; i < 4; ++i)
    {
        parts[i] = bytes.substr(offset, lengths[i]);
        offset += lengths[i];
    }
    try
    {
        // Tables are padded with spaces (or, by some writers, zero bytes) to 8-byte boundaries.
        auto parse = [](std::string_view text)
        {
            const auto end = text.find('\0');
            text = text.substr(0, end);
            return text.find_first_not_of(" \t\r\n") == std::string_view::npos ? Json::object() : Json::parse(text);
        };
        sections.featureTable = parse(parts[0]);
        sections.batchTable = parse(parts[2]);
    }
    catch (const Json::exception& error)
    {
        return contentError(kind, std::string("its feature or batch table is not valid JSON (") + error.what() + ")",
                            path);
    }
    if (!sections.featureTable.is_object() || !sections.batchTable.is_object())
        return contentError(kind, "its feature or batch table is not a JSON object", path);
    sections.featureBinary = parts[1];
    sections.batchBinary = parts[3];
    sections.body = bytes.substr(offset, byteLength - offset);
    return sections;
}

std::size_t componentSize(const std::string& type)
{
    if (type == "BYTE" || type == "UNSIGNED_BYTE")
        return 1;
    if (type == "SHORT" || type == "UNSIGNED_SHORT")
        return 2;
    if (type == "DOUBLE")
        return 8;
    return 4;
}

double componentValue(const char* data, const std::string& type)
{
    auto read = [data]<typename T>(T)
    {
        T value;
        std::memcpy(&value, data, sizeof(T));
        return static_cast<double>(value);
    };
    if (type == "BYTE")
        return read(std::int8_t());
    if (type == "UNSIGNED_BYTE")
        return read(std::uint8_t());
    if (type == "SHORT")
        return read(std::int16_t());
    if (type == "UNSIGNED_SHORT")
        return read(std::uint16_t());
    if (type == "INT")
        return read(std::int32_t());
    if (type == "UNSIGNED_INT")
        return read(std::uint32_t());
    if (type == "DOUBLE")
        return read(double());
    return read(float());
}

/// Reads count * components values of a feature-table property: a JSON array, or {"byteOffset"} into the
/// binary body with componentType (given, or the semantic's default). Nothing when absent or out of bounds.
std::optional<std::vector<double>> tableValues(const Json& table, std::string_view binary, const std::string& name,
                                               std::size_t count, std::size_t components,
                                               const std::string& defaultType)
{
    if (!table.contains(name))
        return std::nullopt;
    // A count from the file (POINTS_LENGTH, INSTANCES_LENGTH) times the components must not wrap round.
    if (components == 0 || count > std::numeric_limits<std::size_t>::max() / components)
        return std::nullopt;
    const Json& property = table[name];
    std::vector<double> values;
    if (property.is_array())
    {
        for (const Json& value : property)
            if (value.is_number())
                values.push_back(value.get<double>());
        if (values.size() < count * components)
            return std::nullopt;
        return values;
    }
    if (!property.is_object() || !property.contains("byteOffset") || !property["byteOffset"].is_number_unsigned())
        return std::nullopt;
    const std::string type = property.value("componentType", defaultType);
    const std::size_t size = componentSize(type);
    const std::size_t offset = property["byteOffset"].get<std::size_t>();
    if (offset > binary.size() || (binary.size() - offset) / size < count * components)
        return std::nullopt;
    values.resize(count * components);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = componentValue(binary.data() + offset + i * size, type);
    return values;
}

/// True when the first count values convert to T without undefined behaviour: for an integral T, values whose whole
/// part T holds; for float, finite values within float's range. (A JSON array or a DOUBLE property can hold any
/// number, and converting one out of range is undefined.)
template <typename T> bool valuesFit(const std::vector<double>& values, std::size_t count)
{
    return std::all_of(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(count),
                       [](double value)
                       {
                           if constexpr (std::is_integral_v<T>)
                               return value > static_cast<double>(std::numeric_limits<T>::min()) - 1.0 &&
                                      value < static_cast<double>(std::numeric_limits<T>::max()) + 1.0;
                           else
                               return std::isfinite(value) && std::abs(value) <= std::numeric_limits<T>::max();
                       });
}

std::optional<Vec3> vec3Of(const Json& table, std::string_view binary, const std::string& name)
{
    const auto values = tableValues(table, binary, name, 1, 3, "FLOAT");
    if (!values)
        return std::nullopt;
    return Vec3{(*values)[0], (*values)[1], (*values)[2]};
}

std::size_t countOf(const Json& table, const std::string& name)
{
    return table.contains(name) && table[name].is_number_unsigned() ? table[name].get<std::size_t>() : 0;
}

std::string valueText(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_null())
        return {};
    return value.dump();
}

std::size_t typeComponents(const std::string& type)
{
    if (type == "VEC2")
        return 2;
    if (type == "VEC3")
        return 3;
    if (type == "VEC4")
        return 4;
    return 1;
}

/// Each feature of a tile has at least a byte of it (a vertex's batch id, a point): a larger BATCH_LENGTH is corrupt
/// and would have readBatchTable allocate a value per feature and property.
std::string batchLengthError(std::size_t batchLength, std::size_t tileBytes)
{
    return "its BATCH_LENGTH " + std::to_string(batchLength) + " is more than a tile of " + std::to_string(tileBytes) +
           " bytes can hold";
}

BatchTable readBatchTable(const Json& table, std::string_view binary, std::size_t length)
{
    BatchTable batch;
    batch.length = length;
    for (const auto& [name, property] : table.items())
    {
        if (name == "extensions" || name == "extras")
            continue;
        std::vector<std::string> values(length);
        if (property.is_array())
        {
            for (std::size_t i = 0; i < length && i < property.size(); ++i)
                values[i] = valueText(property[i]);
        }
        else if (property.is_object() && property.contains("componentType"))
        {
            const std::size_t components = typeComponents(property.value("type", "SCALAR"));
            const auto numbers = tableValues(table, binary, name, length, components, "FLOAT");
            for (std::size_t i = 0; numbers && i < length; ++i)
                for (std::size_t c = 0; c < components; ++c)
                {
                    std::ostringstream text;
                    text << (*numbers)[i * components + c];
                    values[i] += (c ? ", " : "") + text.str();
                }
        }
        else
            continue;
        batch.names.push_back(name);
        batch.values.push_back(std::move(values));
    }
    return batch;
}

/// Decodes an oct-encoded unit vector (components in [0, range]).
Vec3 octDecode(double x, double y, double range)
{
    x = x / range * 2.0 - 1.0;
    y = y / range * 2.0 - 1.0;
    Vec3 v{x, y, 1.0 - std::abs(x) - std::abs(y)};
    if (v[2] < 0.0)
    {
        const double oldX = v[0];
        v[0] = (1.0 - std::abs(v[1])) * (oldX >= 0.0 ? 1.0 : -1.0);
        v[1] = (1.0 - std::abs(oldX)) * (v[1] >= 0.0 ? 1.0 : -1.0);
    }
    const double norm = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return {v[0] / norm, v[1] / norm, v[2] / norm};
}

Vec3 cross(const Vec3& a, const Vec3& b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

/// Positions of count points or instances (POSITION or POSITION_QUANTIZED), relative to the quantized volume
/// offset (returned in offset) or absolute.
std::optional<std::vector<double>> readPositions(const TileSections& sections, std::size_t count, Vec3& offset)
{
    const Json& table = sections.featureTable;
    offset = {0.0, 0.0, 0.0};
    if (auto positions = tableValues(table, sections.featureBinary, "POSITION", count, 3, "FLOAT"))
        return positions;
    auto quantized = tableValues(table, sections.featureBinary, "POSITION_QUANTIZED", count, 3, "UNSIGNED_SHORT");
    const auto volumeOffset = vec3Of(table, sections.featureBinary, "QUANTIZED_VOLUME_OFFSET");
    const auto volumeScale = vec3Of(table, sections.featureBinary, "QUANTIZED_VOLUME_SCALE");
    if (!quantized || !volumeOffset || !volumeScale)
        return std::nullopt;
    offset = *volumeOffset;
    for (std::size_t i = 0; i < quantized->size(); ++i)
        (*quantized)[i] = (*quantized)[i] / 65535.0 * (*volumeScale)[i % 3];
    return quantized;
}

/// Reads the points' colours (RGBA, RGB, RGB565 or CONSTANT_RGBA, if any); an error text naming the property whose
/// values are not colours, empty when they are fine.
std::string readPointColors(const TileSections& sections, PntsContent& points)
{
    const Json& table = sections.featureTable;
    const std::size_t count = points.pointCount;
    points.colors.clear();
    if (auto rgba = tableValues(table, sections.featureBinary, "RGBA", count, 4, "UNSIGNED_BYTE"))
    {
        if (!valuesFit<std::uint8_t>(*rgba, count * 4))
            return "its RGBA values are not bytes (0 to 255)";
        points.colors.assign(rgba->begin(), rgba->begin() + static_cast<std::ptrdiff_t>(count * 4));
    }
    else if (auto rgb = tableValues(table, sections.featureBinary, "RGB", count, 3, "UNSIGNED_BYTE"))
    {
        if (!valuesFit<std::uint8_t>(*rgb, count * 3))
            return "its RGB values are not bytes (0 to 255)";
        for (std::size_t i = 0; i < count; ++i)
            points.colors.insert(points.colors.end(), {static_cast<std::uint8_t>((*rgb)[i * 3]),
                                                       static_cast<std::uint8_t>((*rgb)[i * 3 + 1]),
                                                       static_cast<std::uint8_t>((*rgb)[i * 3 + 2]), 255});
    }
    else if (auto packed = tableValues(table, sections.featureBinary, "RGB565", count, 1, "UNSIGNED_SHORT"))
    {
        if (!valuesFit<std::uint16_t>(*packed, count))
            return "its RGB565 values are not 16-bit numbers";
        for (std::size_t i = 0; i < count; ++i)
        {
            const auto value = static_cast<unsigned>((*packed)[i]);
            points.colors.insert(points.colors.end(), {static_cast<std::uint8_t>(((value >> 11) & 31) * 255 / 31),
                                                       static_cast<std::uint8_t>(((value >> 5) & 63) * 255 / 63),
                                                       static_cast<std::uint8_t>((value & 31) * 255 / 31), 255});
        }
    }
    else if (auto constant = tableValues(table, sections.featureBinary, "CONSTANT_RGBA", 1, 4, "UNSIGNED_BYTE"))
    {
        if (!valuesFit<std::uint8_t>(*constant, 4))
            return "its CONSTANT_RGBA values are not bytes (0 to 255)";
        for (std::size_t i = 0; i < count; ++i)
            for (int c = 0; c < 4; ++c)
                points.colors.push_back(static_cast<std::uint8_t>((*constant)[c]));
    }
    return {};
}

/// The Draco attribute id of a 3DTILES_draco_point_compression property, when it is compressed.
std::optional<std::uint32_t> dracoProperty(const Json& extension, const std::string& name)
{
    const Json& properties = extension.contains("properties") ? extension["properties"] : Json();
    if (!properties.is_object() || !properties.contains(name) || !properties[name].is_number_unsigned())
        return std::nullopt;
    return properties[name].get<std::uint32_t>();
}

/// Decodes the Draco-compressed properties of a pnts (3DTILES_draco_point_compression): POSITION (float, relative
/// to RTC_CENTER), RGBA / RGB, NORMAL and BATCH_ID. Properties not compressed are read from the table as usual.
std::optional<Error> readDracoPoints(const TileSections& sections, const Json& extension, PntsContent& points,
                                     const std::string& path)
{
    const std::size_t offset = extension.value("byteOffset", std::size_t(0));
    const std::size_t length = extension.value("byteLength", std::size_t(0));
    if (!extension.is_object() || offset > sections.featureBinary.size() ||
        length > sections.featureBinary.size() - offset)
        return contentError("pnts", "its Draco buffer (3DTILES_draco_point_compression) lies outside the feature "
                                    "table's binary body",
                            path);
    const auto position = dracoProperty(extension, "POSITION");
    if (!position)
        return contentError("pnts", "its Draco extension has no POSITION", path);
    auto geometry = DracoGeometry::decode(sections.featureBinary.substr(offset, length), path);
    if (!geometry)
        return contentError("pnts", "its Draco points cannot be decoded: " + geometry.error().detail, path);
    if (geometry->pointCount() != points.pointCount)
        return contentError("pnts", "its Draco buffer holds " + std::to_string(geometry->pointCount()) +
                                        " points, POINTS_LENGTH says " + std::to_string(points.pointCount),
                            path);
    auto floats = [&](std::uint32_t id, std::vector<float>& out) -> std::optional<Error>
    {
        auto bytes = geometry->attribute(id, 3, DracoComponent::Float, path);
        if (!bytes)
            return contentError("pnts", bytes.error().detail, path);
        out.resize(bytes->size() / sizeof(float));
        std::memcpy(out.data(), bytes->data(), bytes->size());
        return std::nullopt;
    };
    if (auto error = floats(*position, points.positions))
        return error;
    if (const auto normal = dracoProperty(extension, "NORMAL"))
        if (auto error = floats(*normal, points.normals))
            return error;
    const auto rgba = dracoProperty(extension, "RGBA");
    if (const auto color = rgba ? rgba : dracoProperty(extension, "RGB"))
    {
        const int components = rgba ? 4 : 3;
        auto bytes = geometry->attribute(*color, components, DracoComponent::Uint8, path);
        if (!bytes)
            return contentError("pnts", bytes.error().detail, path);
        points.colors.clear();
        for (std::size_t i = 0; i < points.pointCount; ++i)
            for (int c = 0; c < 4; ++c)
                points.colors.push_back(c < components ? (*bytes)[i * static_cast<std::size_t>(components) +
                                                                  static_cast<std::size_t>(c)]
                                                       : std::uint8_t(255));
    }
    if (const auto batchId = dracoProperty(extension, "BATCH_ID"))
    {
        auto bytes = geometry->attribute(*batchId, 1, DracoComponent::Uint32, path);
        if (!bytes)
            return contentError("pnts", bytes.error().detail, path);
        points.batchIds.resize(points.pointCount);
        std::memcpy(points.batchIds.data(), bytes->data(), bytes->size());
    }
    return std::nullopt;
}

/// Batch table properties a pnts compresses with Draco are not in the batch table's binary body: they are left
/// out rather than shown as garbage.
void dropDracoBatchProperties(const Json& table, BatchTable& batch)
{
    if (!table.contains("extensions") || !table["extensions"].is_object())
        return;
    const Json& extension = table["extensions"].value("3DTILES_draco_point_compression", Json::object());
    if (!extension.is_object() || !extension.contains("properties") || !extension["properties"].is_object())
        return;
    for (const auto& [name, id] : extension["properties"].items())
    {
        const auto found = std::find(batch.names.begin(), batch.names.end(), name);
        if (found == batch.names.end())
            continue;
        batch.values.erase(batch.values.begin() + (found - batch.names.begin()));
        batch.names.erase(found);
    }
}

/// The rotation columns (right, up, forward) of instance i, identity when the tile gives none.
std::array<Vec3, 3> instanceAxes(const TileSections& sections, std::size_t count, std::size_t i, const Vec3& position)
{
    const Json& table = sections.featureTable;
    const std::string_view binary = sections.featureBinary;
    std::optional<Vec3> up;
    std::optional<Vec3> right;
    if (auto ups = tableValues(table, binary, "NORMAL_UP", count, 3, "FLOAT"))
        if (auto rights = tableValues(table, binary, "NORMAL_RIGHT", count, 3, "FLOAT"))
        {
            up = Vec3{(*ups)[i * 3], (*ups)[i * 3 + 1], (*ups)[i * 3 + 2]};
            right = Vec3{(*rights)[i * 3], (*rights)[i * 3 + 1], (*rights)[i * 3 + 2]};
        }
    if (!up)
        if (auto ups = tableValues(table, binary, "NORMAL_UP_OCT32P", count, 2, "UNSIGNED_SHORT"))
            if (auto rights = tableValues(table, binary, "NORMAL_RIGHT_OCT32P", count, 2, "UNSIGNED_SHORT"))
            {
                up = octDecode((*ups)[i * 2], (*ups)[i * 2 + 1], 65535.0);
                right = octDecode((*rights)[i * 2], (*rights)[i * 2 + 1], 65535.0);
            }
    if (!up && table.value("EAST_NORTH_UP", false))
    {
        // The east-north-up frame at the instance, taken as an ECEF position.
        const Vec3 geodetic = ecefToGeodetic(position);
        right = Vec3{-std::sin(geodetic[0]), std::cos(geodetic[0]), 0.0};
        up = Vec3{std::cos(geodetic[1]) * std::cos(geodetic[0]), std::cos(geodetic[1]) * std::sin(geodetic[0]),
                  std::sin(geodetic[1])};
        const Vec3 north = cross(*up, *right);
        // Model y (up after the glTF rotation is z) points north in Cesium's convention: right = east, up = north.
        up = north;
    }
    if (!up)
        return {Vec3{1, 0, 0}, Vec3{0, 1, 0}, Vec3{0, 0, 1}};
    return {*right, *up, cross(*right, *up)};
}
} // namespace

std::vector<std::pair<std::string, std::string>> BatchTable::attributes(std::size_t batchId) const
{
    std::vector<std::pair<std::string, std::string>> result;
    if (batchId >= length)
        return result;
    for (std::size_t i = 0; i < names.size(); ++i)
        result.emplace_back(names[i], batchId < values[i].size() ? values[i][batchId] : std::string());
    return result;
}

TileContentKind contentKindFromMagic(std::string_view bytes)
{
    const std::string_view magic = bytes.substr(0, 4);
    if (magic == "b3dm")
        return TileContentKind::B3dm;
    if (magic == "i3dm")
        return TileContentKind::I3dm;
    if (magic == "pnts")
        return TileContentKind::Pnts;
    if (magic == "cmpt")
        return TileContentKind::Cmpt;
    if (magic == "glTF")
        return TileContentKind::Glb;
    const auto first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos && bytes[first] == '{')
        return bytes.find("\"asset\"") != std::string_view::npos && bytes.find("\"root\"") != std::string_view::npos
                   ? TileContentKind::Tileset
                   : TileContentKind::Gltf;
    return TileContentKind::Unknown;
}

Result<std::string> readContentFile(const std::string& path)
{
    return readWholeFile(path, MaximumContentSize, "tile content file");
}

Result<B3dmContent> parseB3dm(std::string_view bytes, const std::string& path)
{
    auto sections = readSections(bytes, "b3dm", 28, path);
    if (!sections)
        return sections.error();
    B3dmContent content;
    content.rtcCenter = vec3Of(sections->featureTable, sections->featureBinary, "RTC_CENTER");
    const std::size_t batchLength = countOf(sections->featureTable, "BATCH_LENGTH");
    if (batchLength > bytes.size())
        return contentError("b3dm", batchLengthError(batchLength, bytes.size()), path);
    content.batchTable = readBatchTable(sections->batchTable, sections->batchBinary, batchLength);
    if (sections->body.size() < 12 || sections->body.substr(0, 4) != "glTF")
        return contentError("b3dm", "it holds no binary glTF (glb) after its tables", path);
    content.glb = std::string(sections->body);
    return content;
}

Result<PntsContent> parsePnts(std::string_view bytes, const std::string& path)
{
    auto sections = readSections(bytes, "pnts", 28, path);
    if (!sections)
        return sections.error();
    const Json& table = sections->featureTable;
    PntsContent points;
    points.pointCount = countOf(table, "POINTS_LENGTH");
    const Vec3 rtc = vec3Of(table, sections->featureBinary, "RTC_CENTER").value_or(Vec3{0.0, 0.0, 0.0});
    const bool draco = table.contains("extensions") && table["extensions"].is_object() &&
                       table["extensions"].contains("3DTILES_draco_point_compression");
    if (draco)
    {
        if (auto error =
                readDracoPoints(*sections, table["extensions"]["3DTILES_draco_point_compression"], points, path))
            return *error;
        points.centre = rtc;
    }
    else
    {
        Vec3 offset;
        const auto positions = readPositions(*sections, points.pointCount, offset);
        if (!positions)
            return contentError("pnts", "it has no readable POSITION or POSITION_QUANTIZED for its " +
                                            std::to_string(points.pointCount) + " points",
                                path);
        for (int i = 0; i < 3; ++i)
            points.centre[i] = rtc[i] + offset[i];
        if (!valuesFit<float>(*positions, points.pointCount * 3))
            return contentError("pnts", "its positions are not finite 32-bit numbers", path);
        points.positions.assign(positions->begin(),
                                positions->begin() + static_cast<std::ptrdiff_t>(points.pointCount * 3));
    }
    if (points.colors.empty())
        if (const std::string error = readPointColors(*sections, points); !error.empty())
            return contentError("pnts", error, path);
    if (points.normals.empty())
        if (auto normals = tableValues(table, sections->featureBinary, "NORMAL", points.pointCount, 3, "FLOAT"))
        {
            if (!valuesFit<float>(*normals, points.pointCount * 3))
                return contentError("pnts", "its NORMAL values are not finite 32-bit numbers", path);
            points.normals.assign(normals->begin(),
                                  normals->begin() + static_cast<std::ptrdiff_t>(points.pointCount * 3));
        }
    if (points.batchIds.empty())
        if (auto ids =
                tableValues(table, sections->featureBinary, "BATCH_ID", points.pointCount, 1, "UNSIGNED_SHORT"))
        {
            if (!valuesFit<std::uint32_t>(*ids, points.pointCount))
                return contentError("pnts", "its BATCH_ID values are not 32-bit unsigned integers", path);
            points.batchIds.assign(ids->begin(), ids->begin() + static_cast<std::ptrdiff_t>(points.pointCount));
        }
    // Batch ids (from the table or from Draco) mean a BATCH_LENGTH, checked before a value is made per feature.
    std::size_t batchLength = points.pointCount;
    if (!points.batchIds.empty())
    {
        batchLength = countOf(table, "BATCH_LENGTH");
        if (batchLength > bytes.size())
            return contentError("pnts", batchLengthError(batchLength, bytes.size()), path);
    }
    points.batchTable = readBatchTable(sections->batchTable, sections->batchBinary, batchLength);
    dropDracoBatchProperties(sections->batchTable, points.batchTable);
    return points;
}

Result<I3dmContent> parseI3dm(std::string_view bytes, const std::string& path)
{
    auto sections = readSections(bytes, "i3dm", 32, path);
    if (!sections)
        return sections.error();
    const Json& table = sections->featureTable;
    const std::size_t count = countOf(table, "INSTANCES_LENGTH");
    Vec3 offset;
    const auto positions = readPositions(*sections, count, offset);
    if (!positions)
        return contentError("i3dm", "it has no readable POSITION or POSITION_QUANTIZED for its " +
                                        std::to_string(count) + " instances",
                            path);
    const Vec3 rtc = vec3Of(table, sections->featureBinary, "RTC_CENTER").value_or(Vec3{0.0, 0.0, 0.0});
    const auto scales = tableValues(table, sections->featureBinary, "SCALE", count, 1, "FLOAT");
    const auto scales3 = tableValues(table, sections->featureBinary, "SCALE_NON_UNIFORM", count, 3, "FLOAT");
    I3dmContent content;
    for (std::size_t i = 0; i < count; ++i)
    {
        const Vec3 position{rtc[0] + offset[0] + (*positions)[i * 3], rtc[1] + offset[1] + (*positions)[i * 3 + 1],
                            rtc[2] + offset[2] + (*positions)[i * 3 + 2]};
        const auto axes = instanceAxes(*sections, count, i, position);
        Vec3 scale{1.0, 1.0, 1.0};
        if (scales3)
            scale = {(*scales3)[i * 3], (*scales3)[i * 3 + 1], (*scales3)[i * 3 + 2]};
        else if (scales)
            scale = {(*scales)[i], (*scales)[i], (*scales)[i]};
        Matrix4d matrix = identityMatrix();
        for (int column = 0; column < 3; ++column)
            for (int row = 0; row < 3; ++row)
                matrix[column * 4 + row] = axes[column][row] * scale[column];
        matrix[12] = position[0];
        matrix[13] = position[1];
        matrix[14] = position[2];
        content.instances.push_back(matrix);
    }
    content.batchTable = readBatchTable(sections->batchTable, sections->batchBinary, count);
    if (sections->gltfFormat == 0)
    {
        std::string uri(sections->body);
        uri = uri.substr(0, uri.find('\0'));
        while (!uri.empty() && uri.back() == ' ')
            uri.pop_back();
        content.gltfPath = (std::filesystem::path(path).parent_path() / uri).lexically_normal().string();
    }
    else
        content.glb = std::string(sections->body);
    if (content.glb.empty() && content.gltfPath.empty())
        return contentError("i3dm", "it holds no glTF model", path);
    return content;
}

Result<std::vector<std::string>> splitCmpt(std::string_view bytes, const std::string& path)
{
    if (bytes.size() < 16)
        return contentError("cmpt", "truncated: shorter than its header", path);
    const std::uint32_t byteLength = readUint32(bytes, 8);
    const std::uint32_t tilesLength = readUint32(bytes, 12);
    if (byteLength > bytes.size())
        return contentError("cmpt",
                            "truncated: the header says " + std::to_string(byteLength) + " bytes, the file has " +
                                std::to_string(bytes.size()),
                            path);
    std::vector<std::string> tiles;
    std::size_t offset = 16;
    for (std::uint32_t i = 0; i < tilesLength; ++i)
    {
        if (offset + 12 > byteLength)
            return contentError("cmpt", "an inner tile runs past the end", path);
        const std::uint32_t length = readUint32(bytes, offset + 8);
        if (length < 12 || offset + length > byteLength)
            return contentError("cmpt", "an inner tile runs past the end", path);
        tiles.emplace_back(bytes.substr(offset, length));
        offset += length;
    }
    return tiles;
}

} // namespace citytwin::data
