#pragma once

#include "data/core/result.hpp"
#include "data/io/tileset_3d.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citytwin::data
{

/// The batch table of a 3D Tiles tile: per-feature attributes, as text, for the Inspector.
struct BatchTable
{
    std::size_t length = 0;                       ///< number of features (BATCH_LENGTH / INSTANCES_LENGTH)
    std::vector<std::string> names;               ///< property names, in file order
    std::vector<std::vector<std::string>> values; ///< values[property][batchId]; "" where absent

    /// Returns (name, value) pairs of one feature; empty when batchId is out of range.
    std::vector<std::pair<std::string, std::string>> attributes(std::size_t batchId) const;
};

/// A b3dm tile: an embedded binary glTF and its features.
struct B3dmContent
{
    std::string glb;                               ///< the binary glTF bytes
    std::optional<std::array<double, 3>> rtcCenter; ///< RTC_CENTER (tile coordinates, z-up), when given
    BatchTable batchTable;
};

/// A pnts tile, decoded: float positions relative to centre, colours, normals, batch ids.
struct PntsContent
{
    std::size_t pointCount = 0;
    std::array<double, 3> centre{};   ///< RTC_CENTER plus QUANTIZED_VOLUME_OFFSET, tile coordinates
    std::vector<float> positions;     ///< x, y, z per point, metres from centre
    std::vector<std::uint8_t> colors; ///< r, g, b, a per point; empty when the tile has no colour
    std::vector<float> normals;       ///< x, y, z per point; empty when none
    std::vector<std::uint32_t> batchIds; ///< per point (BATCH_ID), else empty: the point index is the feature
    BatchTable batchTable;
};

/// An i3dm tile: one glTF model placed many times.
struct I3dmContent
{
    std::string glb;                ///< embedded glTF bytes (binary or JSON), when gltfFormat is 1
    std::string gltfPath;           ///< the glTF file it names (absolute), when gltfFormat is 0
    std::vector<Matrix4d> instances; ///< model (z-up) to tile coordinates, one per instance
    BatchTable batchTable;
};

/// Returns the kind of a tile content from its first bytes (magic), or Unknown.
TileContentKind contentKindFromMagic(std::string_view bytes);

/// Reads a whole file; fails naming it when missing or unreadable.
Result<std::string> readContentFile(const std::string& path);

/// Parses a b3dm (version 1). Fails naming path on a truncated file, bad lengths or bad JSON; legacy headers of
/// pre-1.0 tilesets are reported as not supported.
Result<B3dmContent> parseB3dm(std::string_view bytes, const std::string& path);

/// Parses a pnts: POSITION or POSITION_QUANTIZED, RGBA / RGB / RGB565 / CONSTANT_RGBA, NORMAL / NORMAL_OCT16P,
/// RTC_CENTER, BATCH_ID, and Draco-compressed point clouds (3DTILES_draco_point_compression: POSITION, RGBA / RGB,
/// NORMAL, BATCH_ID); a corrupt Draco buffer fails naming path. Draco-compressed batch table properties are left
/// out of the batch table.
Result<PntsContent> parsePnts(std::string_view bytes, const std::string& path);

/// Parses an i3dm: POSITION or POSITION_QUANTIZED, NORMAL_UP / NORMAL_RIGHT (or the OCT32P forms) or
/// EAST_NORTH_UP, SCALE / SCALE_NON_UNIFORM, RTC_CENTER.
Result<I3dmContent> parseI3dm(std::string_view bytes, const std::string& path);

/// Splits a cmpt into its inner tiles (each a b3dm, i3dm, pnts or cmpt).
Result<std::vector<std::string>> splitCmpt(std::string_view bytes, const std::string& path);

} // namespace citytwin::data
