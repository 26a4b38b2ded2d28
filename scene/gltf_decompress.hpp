#pragma once

#include "data/core/result.hpp"

#include <optional>
#include <string>

namespace tinygltf
{
class Model;
}

namespace citytwin::scene
{

/// The compression extensions decompressGltf reads (a model may require them).
inline constexpr const char* GltfCompressionExtensions[] = {"KHR_draco_mesh_compression", "EXT_meshopt_compression",
                                                            "KHR_meshopt_compression"};

/// Returns bytes (a glb or JSON glTF) rewritten so that tinygltf 2.7, built without Draco, loads a compressed
/// model: the fallback buffers of EXT_meshopt_compression / KHR_meshopt_compression, which have a byteLength but no
/// data (no uri), become one-byte data URIs (tinygltf fails a JSON glTF's buffer without uri, and copies the BIN
/// chunk into a glb's or fails when it is shorter); KHR_draco_mesh_compression primitives lose their indices,
/// whose accessor has no buffer view (tinygltf fails it). decompressGltf restores both from the decoded data.
/// Returns bytes unchanged when the model names neither extension or its JSON cannot be parsed (tinygltf then
/// reports it).
std::string prepareCompressedGltf(const std::string& bytes);

/// Decodes the compressed parts of a model tinygltf has loaded, in place, so that the mesh builder reads it as an
/// uncompressed one: every EXT_meshopt_compression / KHR_meshopt_compression buffer view (vertex, index and index
/// sequence codecs; octahedral, quaternion and exponential filters) and every KHR_draco_mesh_compression primitive
/// (float positions, normals, tangents and texture coordinates; other attributes such as _BATCHID or _FEATURE_ID_0
/// in their accessor's component type; uint32 indices) go to one new buffer, with new buffer views and accessors;
/// the extensions are dropped. Every index, size and count is checked: a corrupt buffer gives an Error naming path
/// and what failed, never an out-of-bounds read. Thread-safe (touches only model).
std::optional<data::Error> decompressGltf(tinygltf::Model& model, const std::string& path);

} // namespace citytwin::scene
