#pragma once

#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace citytwin::data
{

/// GeoPackage geometry blobs (GeoPackage 1.2 "GP" header + ISO WKB), as stored in feature tables.
namespace gpkg
{

/// Encodes a 2D point (little-endian, no envelope: points need none).
std::string encodePoint(double x, double y, std::int32_t srsId);

/// Returns the WKB part of a GeoPackage geometry blob (after the header and its envelope); nothing when the blob
/// is not a GeoPackage geometry, has an unknown envelope code, or is flagged empty.
std::optional<std::string_view> wkbOf(std::string_view blob);

/// Decodes a point blob; nothing when the blob is not a non-empty 2D/3D point.
std::optional<Position> decodePoint(std::string_view blob);

/// Returns the envelope of any geometry blob (from the header when present, else by walking the WKB);
/// nothing for an empty geometry or an unreadable blob.
std::optional<Extent> envelope(std::string_view blob);

} // namespace gpkg
} // namespace citytwin::data
