#pragma once

#include "data/core/result.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace draco
{
class PointCloud;
}

namespace citytwin::data
{

/// The component types a decoded Draco attribute can be converted to (those of glTF accessors). The order is that
/// of the conversion tables in draco_geometry.cpp.
enum class DracoComponent
{
    Int8,
    Uint8,
    Int16,
    Uint16,
    Uint32,
    Float,
};

/// Returns the size in bytes of one component.
std::size_t dracoComponentSize(DracoComponent component);

/// A Draco-compressed mesh or point cloud (glTF's KHR_draco_mesh_compression, 3D Tiles'
/// 3DTILES_draco_point_compression), decoded with the Draco library. Every index and size Draco returns is checked
/// before it is read, so a corrupt buffer gives an Error, never an out-of-bounds read. Immutable after decode;
/// safe to read from several threads.
class DracoGeometry
{
public:
    /// Decodes bytes (a Draco mesh or point cloud). Fails naming path, saying what Draco reported (details are
    /// technical English sentence parts, "Draco cannot decode the buffer (...)", for the caller to prefix).
    static Result<DracoGeometry> decode(std::string_view bytes, const std::string& path);

    /// Returns the number of points (vertices) every attribute has.
    std::size_t pointCount() const;

    /// Returns the triangle list (three point indices a face, each checked below pointCount()); empty for a point
    /// cloud.
    const std::vector<std::uint32_t>& indices() const { return mIndices; }

    /// Returns the number of components of the attribute with Draco unique id uniqueId, or 0 when there is none.
    int components(std::uint32_t uniqueId) const;

    /// Returns the attribute with Draco unique id uniqueId per point, components values each, converted to
    /// component (normalized integers become [0, 1] floats; floats into normalized integers when the attribute is
    /// normalized), packed little-endian. Fails naming path and the id when the attribute is missing, has fewer
    /// components, or a value cannot be converted.
    Result<std::vector<unsigned char>> attribute(std::uint32_t uniqueId, int components, DracoComponent component,
                                                 const std::string& path) const;

private:
    std::shared_ptr<const draco::PointCloud> mGeometry;
    std::vector<std::uint32_t> mIndices;
};

} // namespace citytwin::data
