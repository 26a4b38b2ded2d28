#pragma once

#include "data/core/result.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <osg/Node>
#include <osg/Referenced>
#include <osg/ref_ptr>

namespace citytwin::scene
{

/// The feature (batch) id of each vertex of a geometry, from glTF's _BATCHID (3D Tiles 1.0) or _FEATURE_ID_0
/// (EXT_mesh_features) attribute, or the point index of a point cloud. Set as the geometry's user data.
class BatchIds : public osg::Referenced
{
public:
    std::vector<std::uint32_t> perVertex;
};

/// A glTF 2.0 model turned into OSG nodes.
struct GltfNode
{
    osg::ref_ptr<osg::Node> node; ///< in glTF's own axes (y up), node transforms applied below it
    /// The CESIUM_RTC extension's centre (legacy b3dm writers), when the model has one.
    std::optional<std::array<double, 3>> rtcCenter;
    std::vector<std::string> warnings; ///< what was skipped (a texture that cannot be read, ...), in English
};

/// Builds OSG nodes from a binary (glb) or JSON glTF 2.0 model with tinygltf: triangles, lines and points
/// with normals (computed where missing), texture coordinates, vertex colours, base colour and texture,
/// alpha blending, unlit materials, and per-vertex batch ids (BatchIds user data). Draco
/// (KHR_draco_mesh_compression) and meshopt (EXT_meshopt_compression, KHR_meshopt_compression) compressed models
/// are decoded first (decompressGltf). baseFolder resolves external buffers and images; path names the file in
/// errors. Fails naming path on a model tinygltf cannot read, on a compressed buffer that cannot be decoded and on
/// required extensions that are not supported.
/// Reads no GL state: safe on the database pager's threads.
data::Result<GltfNode> buildGltfNode(const std::string& bytes, const std::string& baseFolder,
                                     const std::string& path);

} // namespace citytwin::scene
