#include "data/io/gpkg_geometry.hpp"

#include <bit>
#include <cmath>
#include <cstring>

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

/// Reads WKB (either byte order, ISO or EWKB-less Z/M codes) and extends an extent; false when malformed.
class WkbReader
{
public:
    explicit WkbReader(std::string_view wkb) : mData(wkb) {}

    bool readGeometry(Extent& extent, int depth = 0)
    {
        if (depth > 32 || mOffset + 5 > mData.size())
            return false;
        mLittle = static_cast<unsigned char>(mData[mOffset]) == 1;
        ++mOffset;
        std::uint32_t type = 0;
        if (!readUint(type))
            return false;
        const std::uint32_t base = type % 1000;
        if (depth == 0)
            mTopLevelType = base;
        const std::uint32_t dimensions = (type / 1000 == 1 || type / 1000 == 2) ? 3 : (type / 1000 == 3 ? 4 : 2);
        switch (base)
        {
        case 1:
            return readPoints(1, dimensions, extent);
        case 2:
            return readCountedPoints(dimensions, extent);
        case 3:
        {
            std::uint32_t rings = 0;
            if (!readUint(rings))
                return false;
            for (std::uint32_t i = 0; i < rings; ++i)
                if (!readCountedPoints(dimensions, extent))
                    return false;
            return true;
        }
        case 4:
        case 5:
        case 6:
        case 7:
        {
            std::uint32_t parts = 0;
            if (!readUint(parts))
                return false;
            for (std::uint32_t i = 0; i < parts; ++i)
                if (!readGeometry(extent, depth + 1))
                    return false;
            return true;
        }
        default:
            return false;
        }
    }

    /// The base type (1 point ... 7 collection) of the outermost geometry read.
    std::uint32_t topLevelType() const { return mTopLevelType; }

private:
    bool readUint(std::uint32_t& value)
    {
        if (mOffset + 4 > mData.size())
            return false;
        std::memcpy(&value, mData.data() + mOffset, 4);
        if (!mLittle)
            value = __builtin_bswap32(value);
        mOffset += 4;
        return true;
    }

    bool readDouble(double& value)
    {
        if (mOffset + 8 > mData.size())
            return false;
        std::uint64_t bits = 0;
        std::memcpy(&bits, mData.data() + mOffset, 8);
        if (!mLittle)
            bits = __builtin_bswap64(bits);
        value = std::bit_cast<double>(bits);
        mOffset += 8;
        return true;
    }

    bool readCountedPoints(std::uint32_t dimensions, Extent& extent)
    {
        std::uint32_t count = 0;
        return readUint(count) && readPoints(count, dimensions, extent);
    }

    bool readPoints(std::uint32_t count, std::uint32_t dimensions, Extent& extent)
    {
        for (std::uint32_t i = 0; i < count; ++i)
        {
            double x = 0, y = 0, ignored = 0;
            if (!readDouble(x) || !readDouble(y))
                return false;
            for (std::uint32_t d = 2; d < dimensions; ++d)
                if (!readDouble(ignored))
                    return false;
            if (!std::isnan(x) && !std::isnan(y))
                extent.include(x, y);
        }
        return true;
    }

    std::string_view mData;
    std::size_t mOffset = 0;
    bool mLittle = true;
    std::uint32_t mTopLevelType = 0;
};

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
    Extent extent;
    WkbReader reader(*wkb);
    if (!reader.readGeometry(extent) || !extent.isValid() || reader.topLevelType() != 1)
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
    WkbReader reader(blob.substr(HeaderSize));
    if (!reader.readGeometry(extent) || !extent.isValid())
        return std::nullopt;
    return extent;
}

} // namespace citytwin::data::gpkg
