#include "gltf_decompress.hpp"

#include "data/io/draco_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include <meshoptimizer.h>
#include <nlohmann/json.hpp>
// Declarations only: Debian's libtinygltf.so holds the implementation (see gltf_builder.cpp).
#include <tiny_gltf.h>

namespace citytwin::scene
{
namespace
{
using Json = nlohmann::json;

/// Decoded data past this, per model, is refused: a hostile count could otherwise ask for any allocation (real
/// tiles decode to a few tens of megabytes; tile files past 1 GiB are not read either).
constexpr std::size_t MaximumDecodedBytes = 1024ull * 1024 * 1024;
/// The data of a stubbed meshopt fallback buffer: one zero byte, base64.
constexpr const char* StubBufferUri = "data:application/octet-stream;base64,AA==";
constexpr const char* DracoExtension = "KHR_draco_mesh_compression";
const char* const MeshoptExtensions[] = {"EXT_meshopt_compression", "KHR_meshopt_compression"};
/// The glb chunk type of the JSON chunk ("JSON", little-endian).
constexpr std::uint32_t GlbJsonChunk = 0x4E4F534A;

data::Error decompressError(const std::string& detail, const std::string& path)
{
    return data::Error{data::ErrorCode::FormatNotSupported, "glTF recognised, but " + detail, path};
}

std::uint32_t readUint32(const std::string& bytes, std::size_t offset)
{
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + offset, sizeof(value));
    return value;
}

void writeUint32(std::string& bytes, std::size_t offset, std::size_t value)
{
    const auto narrow = static_cast<std::uint32_t>(value);
    std::memcpy(bytes.data() + offset, &narrow, sizeof(narrow));
}

/// The decoded data of a model: one buffer appended to it when anything was decoded.
class DecodedBuffer
{
public:
    explicit DecodedBuffer(tinygltf::Model& model) : mModel(model), mIndex(static_cast<int>(model.buffers.size())) {}

    int index() const { return mIndex; }

    /// Reserves size bytes (4-byte aligned, as accessors need) and returns their offset, or nothing past
    /// MaximumDecodedBytes.
    std::optional<std::size_t> reserve(std::size_t size)
    {
        const std::size_t offset = (mData.size() + 3) & ~std::size_t(3);
        if (size > MaximumDecodedBytes || offset > MaximumDecodedBytes - size)
            return std::nullopt;
        mData.resize(offset + size);
        mUsed = true;
        return offset;
    }

    unsigned char* at(std::size_t offset) { return mData.data() + offset; }

    /// Appends bytes and a buffer view over them; returns the view's index, or -1 past MaximumDecodedBytes.
    int addView(const std::vector<unsigned char>& bytes, int target)
    {
        const auto offset = reserve(bytes.size());
        if (!offset)
            return -1;
        std::copy(bytes.begin(), bytes.end(), mData.begin() + static_cast<std::ptrdiff_t>(*offset));
        tinygltf::BufferView view;
        view.buffer = mIndex;
        view.byteOffset = *offset;
        view.byteLength = bytes.size();
        view.target = target;
        mModel.bufferViews.push_back(view);
        return static_cast<int>(mModel.bufferViews.size() - 1);
    }

    /// Appends the buffer to the model, when anything was decoded.
    void commit()
    {
        if (!mUsed)
            return;
        tinygltf::Buffer buffer;
        buffer.name = "citytwin decoded";
        buffer.data = std::move(mData);
        mModel.buffers.push_back(std::move(buffer));
    }

private:
    tinygltf::Model& mModel;
    int mIndex;
    std::vector<unsigned char> mData;
    bool mUsed = false;
};

/// A glTF JSON number that is a non-negative integer, or nothing.
std::optional<std::size_t> sizeOf(const tinygltf::Value& value)
{
    const double number = value.IsNumber() ? value.GetNumberAsDouble() : -1.0;
    // 2^48 bounds every real size and keeps the conversion exact.
    if (!(number >= 0.0 && number < 281474976710656.0) || number != std::floor(number))
        return std::nullopt;
    return static_cast<std::size_t>(number);
}

/// A non-negative integer property of an extension object; fallback when absent, nothing when not such a number.
std::optional<std::size_t> sizeProperty(const tinygltf::Value& object, const char* key,
                                        std::optional<std::size_t> fallback = std::nullopt)
{
    return object.Has(key) ? sizeOf(object.Get(key)) : fallback;
}

std::string textProperty(const tinygltf::Value& object, const char* key, const std::string& fallback)
{
    return object.Has(key) && object.Get(key).IsString() ? object.Get(key).Get<std::string>() : fallback;
}

/// The bytes of a buffer view, or nothing when it or its buffer is out of bounds.
std::optional<std::string_view> viewBytes(const tinygltf::Model& model, std::size_t viewIndex)
{
    if (viewIndex >= model.bufferViews.size())
        return std::nullopt;
    const tinygltf::BufferView& view = model.bufferViews[viewIndex];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= model.buffers.size())
        return std::nullopt;
    const std::vector<unsigned char>& data = model.buffers[static_cast<std::size_t>(view.buffer)].data;
    if (view.byteOffset > data.size() || view.byteLength > data.size() - view.byteOffset)
        return std::nullopt;
    return std::string_view(reinterpret_cast<const char*>(data.data()) + view.byteOffset, view.byteLength);
}

void forgetExtension(tinygltf::Model& model, const std::string& name)
{
    std::erase(model.extensionsRequired, name);
    std::erase(model.extensionsUsed, name);
}

/// The meshopt-compressed form of one buffer view (EXT_meshopt_compression's fields).
struct MeshoptView
{
    std::size_t source = 0; ///< buffer view bytes: source buffer, offset, length
    std::size_t byteOffset = 0;
    std::size_t byteLength = 0;
    std::size_t byteStride = 0;
    std::size_t count = 0;
    std::string mode;
    std::string filter;
};

/// Checks a meshopt view's stride, count and filter against what its codec and filter accept (meshoptimizer only
/// asserts these); returns what is wrong.
std::optional<std::string> meshoptViewProblem(const MeshoptView& view)
{
    const std::size_t stride = view.byteStride;
    if (view.mode == "ATTRIBUTES")
    {
        if (stride == 0 || stride > 256 || stride % 4 != 0)
            return "its byteStride " + std::to_string(stride) + " is not a multiple of 4 up to 256";
    }
    else if (view.mode == "TRIANGLES" || view.mode == "INDICES")
    {
        if (stride != 2 && stride != 4)
            return "its index byteStride " + std::to_string(stride) + " is neither 2 nor 4";
        if (view.mode == "TRIANGLES" && view.count % 3 != 0)
            return "its triangle index count " + std::to_string(view.count) + " is not a multiple of 3";
    }
    else
        return "its mode '" + view.mode + "' is unknown";
    if (view.filter == "NONE")
        return std::nullopt;
    if (view.mode != "ATTRIBUTES")
        return "its filter " + view.filter + " applies to attributes only";
    if (view.filter == "OCTAHEDRAL" && stride != 4 && stride != 8)
        return "its octahedral filter needs byteStride 4 or 8, not " + std::to_string(stride);
    if (view.filter == "QUATERNION" && stride != 8)
        return "its quaternion filter needs byteStride 8, not " + std::to_string(stride);
    if (view.filter != "OCTAHEDRAL" && view.filter != "QUATERNION" && view.filter != "EXPONENTIAL")
        return "its filter '" + view.filter + "' is unknown";
    return std::nullopt;
}

/// Decodes a checked meshopt view into destination (count x byteStride bytes); false when the data is corrupt or
/// truncated (meshoptimizer's decoders check their input's bounds).
bool decodeMeshoptView(const MeshoptView& view, std::string_view source, unsigned char* destination)
{
    const auto* input = reinterpret_cast<const unsigned char*>(source.data());
    int status = 0;
    if (view.mode == "ATTRIBUTES")
        status = meshopt_decodeVertexBuffer(destination, view.count, view.byteStride, input, source.size());
    else if (view.mode == "TRIANGLES")
        status = meshopt_decodeIndexBuffer(destination, view.count, view.byteStride, input, source.size());
    else
        status = meshopt_decodeIndexSequence(destination, view.count, view.byteStride, input, source.size());
    if (status != 0)
        return false;
    if (view.filter == "OCTAHEDRAL")
        meshopt_decodeFilterOct(destination, view.count, view.byteStride);
    else if (view.filter == "QUATERNION")
        meshopt_decodeFilterQuat(destination, view.count, view.byteStride);
    else if (view.filter == "EXPONENTIAL")
        meshopt_decodeFilterExp(destination, view.count, view.byteStride);
    return true;
}

/// Reads the extension object of a meshopt buffer view; nothing when a field is missing or not a size.
std::optional<MeshoptView> meshoptViewOf(const tinygltf::Value& extension)
{
    MeshoptView view;
    const auto buffer = sizeProperty(extension, "buffer");
    const auto offset = sizeProperty(extension, "byteOffset", 0);
    const auto length = sizeProperty(extension, "byteLength");
    const auto stride = sizeProperty(extension, "byteStride");
    const auto count = sizeProperty(extension, "count");
    if (!buffer || !offset || !length || !stride || !count)
        return std::nullopt;
    view.source = *buffer;
    view.byteOffset = *offset;
    view.byteLength = *length;
    view.byteStride = *stride;
    view.count = *count;
    view.mode = textProperty(extension, "mode", "");
    view.filter = textProperty(extension, "filter", "NONE");
    return view;
}

/// Decodes buffer view index (which has the meshopt extension extensionName) into decoded and repoints it there.
std::optional<data::Error> decodeMeshoptBufferView(tinygltf::Model& model, std::size_t index,
                                                   const std::string& extensionName, DecodedBuffer& decoded,
                                                   const std::string& path)
{
    const std::string where = "buffer view " + std::to_string(index) + " (" + extensionName + ")";
    tinygltf::BufferView& target = model.bufferViews[index];
    const auto view = meshoptViewOf(target.extensions.at(extensionName));
    if (!view)
        return decompressError(where + " lacks buffer, byteLength, byteStride or count", path);
    if (auto problem = meshoptViewProblem(*view))
        return decompressError(where + ": " + *problem, path);
    if (view->source >= model.buffers.size() || view->byteOffset > model.buffers[view->source].data.size() ||
        view->byteLength > model.buffers[view->source].data.size() - view->byteOffset)
        return decompressError(where + ": its compressed bytes lie outside buffer " + std::to_string(view->source),
                               path);
    const std::vector<unsigned char>& source = model.buffers[view->source].data;
    const std::string_view bytes(reinterpret_cast<const char*>(source.data()) + view->byteOffset, view->byteLength);
    const std::size_t size = view->count * view->byteStride; // both bounded by sizeProperty and the checks above
    const auto offset = view->count > MaximumDecodedBytes ? std::nullopt : decoded.reserve(size);
    if (!offset)
        return decompressError(where + ": it decodes to more than 1 GiB", path);
    if (!decodeMeshoptView(*view, bytes, decoded.at(*offset)))
        return decompressError(where + ": its meshopt data is corrupt or truncated (" +
                                   std::to_string(view->byteLength) + " bytes for " + std::to_string(view->count) +
                                   " elements of " + std::to_string(view->byteStride) + " bytes)",
                               path);
    target.buffer = decoded.index();
    target.byteOffset = *offset;
    target.byteLength = size;
    target.extensions.erase(extensionName);
    return std::nullopt;
}

std::optional<data::Error> decodeMeshopt(tinygltf::Model& model, DecodedBuffer& decoded, const std::string& path)
{
    for (std::size_t i = 0; i < model.bufferViews.size(); ++i)
        for (const char* name : MeshoptExtensions)
            if (model.bufferViews[i].extensions.count(name))
                if (auto error = decodeMeshoptBufferView(model, i, name, decoded, path))
                    return error;
    return std::nullopt;
}

/// glTF component types and the Draco conversions that give them.
constexpr std::pair<int, data::DracoComponent> ComponentTypes[] = {
    {TINYGLTF_COMPONENT_TYPE_BYTE, data::DracoComponent::Int8},
    {TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE, data::DracoComponent::Uint8},
    {TINYGLTF_COMPONENT_TYPE_SHORT, data::DracoComponent::Int16},
    {TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT, data::DracoComponent::Uint16},
    {TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, data::DracoComponent::Uint32},
    {TINYGLTF_COMPONENT_TYPE_FLOAT, data::DracoComponent::Float}};

std::optional<data::DracoComponent> dracoComponentOf(int componentType)
{
    for (const auto& [type, component] : ComponentTypes)
        if (type == componentType)
            return component;
    return std::nullopt;
}

/// Attributes the builder reads as floats; Draco dequantizes them, so they are written as floats whatever the
/// accessor says (the KHR_draco_mesh_compression specification lets the decoder choose).
bool isFloatAttribute(const std::string& name)
{
    return name == "POSITION" || name == "NORMAL" || name == "TANGENT" || name.starts_with("TEXCOORD_");
}

/// Decodes one attribute of a Draco primitive into a new accessor and points the primitive at it.
std::optional<data::Error> decodeDracoAttribute(tinygltf::Model& model, tinygltf::Primitive& primitive,
                                                const std::string& name, const tinygltf::Value& uniqueId,
                                                const data::DracoGeometry& geometry, DecodedBuffer& decoded,
                                                const std::string& where, const std::string& path)
{
    const auto id = sizeOf(uniqueId);
    const auto found = primitive.attributes.find(name);
    if (found == primitive.attributes.end())
        return std::nullopt; // named by the extension only: nothing reads it
    if (!id || *id > UINT32_MAX || found->second < 0 ||
        static_cast<std::size_t>(found->second) >= model.accessors.size())
        return decompressError(where + ": attribute " + name + " has no valid Draco id or accessor", path);
    tinygltf::Accessor accessor = model.accessors[static_cast<std::size_t>(found->second)];
    const int components = tinygltf::GetNumComponentsInType(static_cast<std::uint32_t>(accessor.type));
    const bool asFloat = isFloatAttribute(name);
    const auto component =
        asFloat ? std::optional(data::DracoComponent::Float) : dracoComponentOf(accessor.componentType);
    if (components <= 0 || !component)
        return decompressError(where + ": the accessor of attribute " + name + " has a type Draco cannot give", path);
    auto values = geometry.attribute(static_cast<std::uint32_t>(*id), components, *component, path);
    if (!values)
        return decompressError(where + ", attribute " + name + ": " + values.error().detail, path);
    accessor.bufferView = decoded.addView(*values, TINYGLTF_TARGET_ARRAY_BUFFER);
    if (accessor.bufferView < 0)
        return decompressError(where + ": it decodes to more than 1 GiB", path);
    accessor.byteOffset = 0;
    accessor.count = geometry.pointCount();
    accessor.sparse.isSparse = false;
    if (asFloat)
    {
        accessor.componentType = TINYGLTF_COMPONENT_TYPE_FLOAT;
        accessor.normalized = false;
    }
    model.accessors.push_back(std::move(accessor));
    found->second = static_cast<int>(model.accessors.size() - 1);
    return std::nullopt;
}

/// Points the primitive at the decoded triangles (uint32 indices), or at none for a point cloud.
std::optional<data::Error> setDracoIndices(tinygltf::Model& model, tinygltf::Primitive& primitive,
                                           const data::DracoGeometry& geometry, DecodedBuffer& decoded,
                                           const std::string& where, const std::string& path)
{
    if (geometry.indices().empty())
    {
        if (primitive.mode != TINYGLTF_MODE_POINTS)
            return decompressError(where + ": its Draco buffer holds points but the primitive draws triangles", path);
        primitive.indices = -1;
        return std::nullopt;
    }
    std::vector<unsigned char> bytes(geometry.indices().size() * sizeof(std::uint32_t));
    std::memcpy(bytes.data(), geometry.indices().data(), bytes.size());
    tinygltf::Accessor accessor;
    accessor.bufferView = decoded.addView(bytes, TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
    if (accessor.bufferView < 0)
        return decompressError(where + ": it decodes to more than 1 GiB", path);
    accessor.byteOffset = 0;
    accessor.componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
    accessor.type = TINYGLTF_TYPE_SCALAR;
    accessor.count = geometry.indices().size();
    model.accessors.push_back(std::move(accessor));
    primitive.indices = static_cast<int>(model.accessors.size() - 1);
    primitive.mode = TINYGLTF_MODE_TRIANGLES; // Draco decodes strips to a triangle list
    return std::nullopt;
}

std::optional<data::Error> decodeDracoPrimitive(tinygltf::Model& model, tinygltf::Primitive& primitive,
                                                DecodedBuffer& decoded, const std::string& where,
                                                const std::string& path)
{
    const tinygltf::Value extension = primitive.extensions.at(DracoExtension);
    const auto viewIndex = sizeProperty(extension, "bufferView");
    if (!viewIndex || !extension.Has("attributes") || !extension.Get("attributes").IsObject())
        return decompressError(where + ": its extension lacks bufferView or attributes", path);
    const auto bytes = viewBytes(model, *viewIndex);
    if (!bytes)
        return decompressError(where + ": its buffer view " + std::to_string(*viewIndex) + " lies outside its buffer",
                               path);
    auto geometry = data::DracoGeometry::decode(*bytes, path);
    if (!geometry)
        return decompressError(where + ": " + geometry.error().detail, path);
    const tinygltf::Value& attributes = extension.Get("attributes");
    for (const std::string& name : attributes.Keys())
        if (auto error =
                decodeDracoAttribute(model, primitive, name, attributes.Get(name), *geometry, decoded, where, path))
            return error;
    if (auto error = setDracoIndices(model, primitive, *geometry, decoded, where, path))
        return error;
    primitive.extensions.erase(DracoExtension);
    return std::nullopt;
}

std::optional<data::Error> decodeDraco(tinygltf::Model& model, DecodedBuffer& decoded, const std::string& path)
{
    for (std::size_t m = 0; m < model.meshes.size(); ++m)
        for (std::size_t p = 0; p < model.meshes[m].primitives.size(); ++p)
        {
            tinygltf::Primitive& primitive = model.meshes[m].primitives[p];
            if (!primitive.extensions.count(DracoExtension))
                continue;
            const std::string where = "the Draco-compressed primitive " + std::to_string(p) + " of mesh " +
                                      std::to_string(m) + " (" + DracoExtension + ")";
            if (auto error = decodeDracoPrimitive(model, primitive, decoded, where, path))
                return error;
        }
    return std::nullopt;
}

/// tinygltf 2.7 decodes images while loading and reads an image's buffer view without a bounds check: an image
/// whose view lies in a stubbed fallback buffer (one byte) gets the stub as its data instead, which does not decode
/// and is left out with a warning (the builder's lenient image loader).
void stubImagesIn(Json& json, const std::vector<std::size_t>& stubbedBuffers)
{
    if (stubbedBuffers.empty() || !json.contains("images") || !json["images"].is_array() ||
        !json.contains("bufferViews") || !json["bufferViews"].is_array())
        return;
    const Json& views = json["bufferViews"];
    for (Json& image : json["images"])
    {
        if (!image.is_object() || !image.contains("bufferView") || !image["bufferView"].is_number_unsigned())
            continue;
        const auto view = image["bufferView"].get<std::size_t>();
        if (view >= views.size() || !views[view].is_object() || !views[view].contains("buffer") ||
            !views[view]["buffer"].is_number_unsigned())
            continue;
        const auto buffer = views[view]["buffer"].get<std::size_t>();
        if (std::find(stubbedBuffers.begin(), stubbedBuffers.end(), buffer) == stubbedBuffers.end())
            continue;
        image.erase("bufferView");
        image.erase("mimeType");
        image["uri"] = StubBufferUri;
    }
}

/// Gives each uri-less meshopt fallback buffer of a parsed glTF JSON the stub data; true when any changed.
bool stubFallbacks(Json& json)
{
    if (!json.is_object() || !json.contains("buffers") || !json["buffers"].is_array())
        return false;
    std::vector<std::size_t> stubbed;
    for (std::size_t i = 0; i < json["buffers"].size(); ++i)
    {
        Json& buffer = json["buffers"][i];
        if (!buffer.is_object() || buffer.contains("uri") || !buffer.contains("extensions"))
            continue;
        const Json& extensions = buffer["extensions"];
        for (const char* name : MeshoptExtensions)
            if (extensions.is_object() && extensions.contains(name) && extensions[name].is_object() &&
                extensions[name].contains("fallback") && extensions[name]["fallback"] == true)
            {
                buffer["uri"] = StubBufferUri;
                buffer["byteLength"] = 1;
                stubbed.push_back(i);
            }
    }
    stubImagesIn(json, stubbed);
    return !stubbed.empty();
}

/// Drops the indices of every KHR_draco_mesh_compression primitive of a parsed glTF JSON: their accessor has no
/// buffer view (the indices are in the Draco buffer), which tinygltf 2.7 built without Draco refuses ("invalid
/// bufferView"); decompressGltf sets them from the decoded faces. True when any changed.
bool dropDracoIndices(Json& json)
{
    if (!json.is_object() || !json.contains("meshes") || !json["meshes"].is_array())
        return false;
    bool changed = false;
    for (Json& mesh : json["meshes"])
    {
        if (!mesh.is_object() || !mesh.contains("primitives") || !mesh["primitives"].is_array())
            continue;
        for (Json& primitive : mesh["primitives"])
            if (primitive.is_object() && primitive.contains("indices") && primitive.contains("extensions") &&
                primitive["extensions"].is_object() && primitive["extensions"].contains(DracoExtension))
            {
                primitive.erase("indices");
                changed = true;
            }
    }
    return changed;
}
} // namespace

std::string prepareCompressedGltf(const std::string& bytes)
{
    if (bytes.find("meshopt_compression") == std::string::npos && bytes.find(DracoExtension) == std::string::npos)
        return bytes;
    const bool binary = bytes.size() >= 20 && bytes.compare(0, 4, "glTF") == 0;
    std::size_t jsonLength = bytes.size();
    if (binary && (readUint32(bytes, 16) != GlbJsonChunk || (jsonLength = readUint32(bytes, 12)) > bytes.size() - 20))
        return bytes;
    const std::size_t jsonStart = binary ? 20 : 0;
    Json json = Json::parse(bytes.begin() + static_cast<std::ptrdiff_t>(jsonStart),
                            bytes.begin() + static_cast<std::ptrdiff_t>(jsonStart + jsonLength), nullptr, false);
    if (json.is_discarded())
        return bytes;
    const bool stubbed = stubFallbacks(json);
    if (!dropDracoIndices(json) && !stubbed)
        return bytes;
    std::string text = json.dump();
    if (!binary)
        return text;
    // glb chunks are 4-byte aligned; the JSON chunk is padded with spaces.
    text.append((4 - text.size() % 4) % 4, ' ');
    std::string result = bytes.substr(0, 20) + text + bytes.substr(20 + jsonLength);
    writeUint32(result, 8, result.size());
    writeUint32(result, 12, text.size());
    return result;
}

std::optional<data::Error> decompressGltf(tinygltf::Model& model, const std::string& path)
{
    // meshopt first, its buffer committed: a Draco buffer view could itself be meshopt-compressed.
    DecodedBuffer meshopt(model);
    if (auto error = decodeMeshopt(model, meshopt, path))
        return error;
    meshopt.commit();
    DecodedBuffer draco(model);
    if (auto error = decodeDraco(model, draco, path))
        return error;
    draco.commit();
    for (const char* name : GltfCompressionExtensions)
        forgetExtension(model, name);
    return std::nullopt;
}

} // namespace citytwin::scene
