#include "data/io/gpkg_geometry.hpp"

#include <cmath>

namespace citytwin::data::gpkg
{
namespace
{
static_assert(std::endian::native == std::endian::little, "GeoPackage blobs are written little-endian");

constexpr std::size_t HeaderSize = 8;

std::size_t envelopeSize(unsigned char flags)
{
    switch ((flags >> 1) & 0x07)
    {
    case 0:
        return 0;
    case 1:
        return 32;
    case 2:
    case 3:
        return 48;
    case 4:
        return 64;
    default:
        return static_cast<std::size_t>(-1);
    }
}

bool includePoints(WkbReader& reader, std::uint32_t count, std::uint32_t dimensions, Extent& extent)
{
    for (std::uint32_t i = 0; i < count; ++i)
    {
        double x = 0, y = 0;
        if (!reader.readPoint(dimensions, x, y))
            return false;
        if (!std::isnan(x) && !std::isnan(y))
            extent.include(x, y);
    }
    return true;
}

bool includeCountedPoints(WkbReader& reader, std::uint32_t dimensions, Extent& extent)
{
    std::uint32_t count = 0;
    return reader.readUint(count) && includePoints(reader, count, dimensions, extent);
}

/// Extends an extent by every point of a geometry (nested up to 32 deep); false when malformed. Sets topLevelType
/// to the base type of the outermost geometry.
bool includeGeometry(WkbReader& reader, Extent& extent, std::uint32_t& topLevelType, int depth = 0)
{
    WkbType type;
    if (depth > 32 || !reader.readType(type))
        return false;
    if (depth == 0)
        topLevelType = type.base;
    switch (type.base)
    {
    case 1:
        return includePoints(reader, 1, type.dimensions, extent);
    case 2:
        return includeCountedPoints(reader, type.dimensions, extent);
    case 3:
    {
        std::uint32_t rings = 0;
        if (!reader.readUint(rings))
            return false;
        for (std::uint32_t i = 0; i < rings; ++i)
            if (!includeCountedPoints(reader, type.dimensions, extent))
                return false;
        return true;
    }
    case 4:
    case 5:
    case 6:
    case 7:
    {
        std::uint32_t parts = 0;
        if (!reader.readUint(parts))
            return false;
        for (std::uint32_t i = 0; i < parts; ++i)
            if (!includeGeometry(reader, extent, topLevelType, depth + 1))
                return false;
        return true;
    }
    default:
        return false;
    }
}

bool validHeader(std::string_view blob)
{
    return blob.size() >= HeaderSize && blob[0] == 'G' && blob[1] == 'P';
}
} // namespace

std::optional<std::string_view> wkbOf(std::string_view blob)
{
    if (!validHeader(blob))
        return std::nullopt;
    const auto flags = static_cast<unsigned char>(blob[3]);
    const std::size_t size = envelopeSize(flags);
    if ((flags & 0x10) || size == static_cast<std::size_t>(-1) || HeaderSize + size > blob.size())
        return std::nullopt;
    return blob.substr(HeaderSize + size);
}

std::string encodePoint(double x, double y, std::int32_t srsId)
{
    std::string blob(HeaderSize + 21, '\0');
    char* p = blob.data();
    p[0] = 'G';
    p[1] = 'P';
    p[2] = 0;    // version 1
    p[3] = 0x01; // little-endian, no envelope, not empty, standard type
    std::memcpy(p + 4, &srsId, 4);
    p[8] = 1; // WKB little-endian
    const std::uint32_t pointType = 1;
    std::memcpy(p + 9, &pointType, 4);
    std::memcpy(p + 13, &x, 8);
    std::memcpy(p + 21, &y, 8);
    return blob;
}

std::optional<Position> decodePoint(std::string_view blob)
{
    const auto wkb = wkbOf(blob);
    if (!wkb || wkb->size() < 21)
        return std::nullopt;
    // Fast path: a little-endian WKB point (2D, Z, M or ZM).
    if ((*wkb)[0] == 1)
    {
        std::uint32_t type = 0;
        std::memcpy(&type, wkb->data() + 1, 4);
        if (type % 1000 == 1)
        {
            double xy[2];
            std::memcpy(xy, wkb->data() + 5, sizeof(xy));
            if (std::isnan(xy[0]) || std::isnan(xy[1]))
                return std::nullopt;
            return Position{xy[0], xy[1], 0.0};
        }
    }
    Extent extent;
    std::uint32_t topLevelType = 0;
    WkbReader reader(*wkb);
    if (!includeGeometry(reader, extent, topLevelType) || !extent.isValid() || topLevelType != 1)
        return std::nullopt;
    return Position{extent.minX, extent.minY, 0.0};
}

std::optional<Extent> envelope(std::string_view blob)
{
    if (!validHeader(blob))
        return std::nullopt;
    const auto flags = static_cast<unsigned char>(blob[3]);
    if (flags & 0x10)
        return std::nullopt;
    const std::size_t size = envelopeSize(flags);
    if (size == static_cast<std::size_t>(-1) || HeaderSize + size > blob.size())
        return std::nullopt;
    if (size > 0)
    {
        double values[4];
        std::memcpy(values, blob.data() + HeaderSize, sizeof(values));
        if ((flags & 0x01) == 0)
            for (double& v : values)
                v = std::bit_cast<double>(__builtin_bswap64(std::bit_cast<std::uint64_t>(v)));
        Extent extent;
        extent.include(values[0], values[2]);
        extent.include(values[1], values[3]);
        return extent;
    }
    Extent extent;
    std::uint32_t topLevelType = 0;
    WkbReader reader(blob.substr(HeaderSize));
    if (!includeGeometry(reader, extent, topLevelType) || !extent.isValid())
        return std::nullopt;
    return extent;
}

} // namespace citytwin::data::gpkg
