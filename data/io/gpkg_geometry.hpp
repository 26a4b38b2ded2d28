#pragma once

#include "data/core/vector_layer.hpp"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace citytwin::data
{

/// GeoPackage geometry blobs (GeoPackage 1.2 "GP" header + ISO WKB), as stored in feature tables, read in place:
/// the one WKB parser of data/ (the spatial joins, the lean table readers and the SQL geometry functions use it).
namespace gpkg
{

/// Encodes a 2D point (little-endian, no envelope: points need none).
std::string encodePoint(double x, double y, std::int32_t srsId);

/// Returns the WKB part of a GeoPackage geometry blob (after the header and its envelope); nothing when the blob
/// is not a GeoPackage geometry, has an unknown envelope code, or is flagged empty.
std::optional<std::string_view> wkbOf(std::string_view blob);

/// Decodes a point blob; nothing when the blob is not a non-empty 2D/3D point. The usual little-endian point is
/// read straight from its bytes (the hot path of loading and counting incidents), any other through WkbReader.
std::optional<Position> decodePoint(std::string_view blob);

/// Returns the envelope of any geometry blob (from the header when present, else by walking the WKB);
/// nothing for an empty geometry or an unreadable blob.
std::optional<Extent> envelope(std::string_view blob);

/// A WKB geometry type: the base type (1 point, 2 line string, 3 polygon, 4-6 multi, 7 collection) and the
/// ordinates per point (2, 3 or 4: ISO Z / M codes, or EWKB Z / M flags).
struct WkbType
{
    std::uint32_t base = 0;
    std::uint32_t dimensions = 2;
};

/// Reads WKB numbers in place, in the byte order of the geometry being read (little-endian hosts), bounds-checked:
/// every read returns false instead of reading past the end.
class WkbReader
{
public:
    explicit WkbReader(std::string_view wkb) : mData(wkb) {}

    /// Reads a geometry's byte order and type.
    bool readType(WkbType& type)
    {
        if (mOffset >= mData.size())
            return false;
        mLittle = static_cast<unsigned char>(mData[mOffset]) == 1;
        ++mOffset;
        std::uint32_t code = 0;
        if (!readUint(code))
            return false;
        const std::uint32_t iso = code & 0x0FFFFFFFu;
        const bool z = (iso % 10000) / 1000 == 1 || (iso % 10000) / 1000 == 3 || (code & 0x80000000u) != 0;
        const bool m = (iso % 10000) / 1000 == 2 || (iso % 10000) / 1000 == 3 || (code & 0x40000000u) != 0;
        type.base = iso % 1000;
        type.dimensions = 2 + (z ? 1 : 0) + (m ? 1 : 0);
        return true;
    }

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

    /// Reads a point's x and y and skips its other ordinates.
    bool readPoint(std::uint32_t dimensions, double& x, double& y)
    {
        return readDouble(x) && readDouble(y) && skip(8 * static_cast<std::size_t>(dimensions - 2));
    }
    bool skip(std::size_t bytes)
    {
        if (mOffset + bytes > mData.size())
            return false;
        mOffset += bytes;
        return true;
    }

private:
    std::string_view mData;
    std::size_t mOffset = 0;
    bool mLittle = true;
};

} // namespace gpkg
} // namespace citytwin::data
