#include "gltf_builder.hpp"

#include "gltf_decompress.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include <osg/BlendFunc>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Material>
#include <osg/MatrixTransform>
#include <osg/Texture2D>
#include <osgUtil/SmoothingVisitor>

// Debian ships tinygltf as a shared library (libtinygltf.so, with stb_image for textures): the implementation is
// not compiled here, only declarations are included (README.Debian of libtinygltf-dev).
#include <tiny_gltf.h>

namespace citytwin::scene
{
namespace
{
/// Extensions a model may require that change nothing this builder relies on (the compression extensions, in
/// GltfCompressionExtensions, are decoded before it runs).
const char* const SupportedExtensions[] = {"KHR_materials_unlit", "KHR_mesh_quantization", "KHR_texture_transform",
                                           "CESIUM_RTC", "KHR_materials_pbrSpecularGlossiness", "EXT_mesh_features",
                                           "EXT_structural_metadata", "CESIUM_primitive_outline"};

bool isSupported(const std::string& extension)
{
    return std::find(std::begin(SupportedExtensions), std::end(SupportedExtensions), extension) !=
               std::end(SupportedExtensions) ||
           std::find(std::begin(GltfCompressionExtensions), std::end(GltfCompressionExtensions), extension) !=
               std::end(GltfCompressionExtensions);
}

/// Reads an accessor as floats (normalized integers scaled to [0, 1] or [-1, 1]); components per element in
/// components. Empty when the accessor or its buffer view is out of bounds.
std::vector<float> readAccessor(const tinygltf::Model& model, int index, int& components)
{
    components = 0;
    if (index < 0 || index >= static_cast<int>(model.accessors.size()))
        return {};
    const tinygltf::Accessor& accessor = model.accessors[static_cast<std::size_t>(index)];
    components = tinygltf::GetNumComponentsInType(static_cast<std::uint32_t>(accessor.type));
    const int size = tinygltf::GetComponentSizeInBytes(static_cast<std::uint32_t>(accessor.componentType));
    if (components <= 0 || size <= 0 || accessor.bufferView < 0 ||
        accessor.bufferView >= static_cast<int>(model.bufferViews.size()))
        return {};
    const tinygltf::BufferView& view = model.bufferViews[static_cast<std::size_t>(accessor.bufferView)];
    if (view.buffer < 0 || view.buffer >= static_cast<int>(model.buffers.size()))
        return {};
    const std::vector<unsigned char>& buffer = model.buffers[static_cast<std::size_t>(view.buffer)].data;
    const int stride = accessor.ByteStride(view);
    const std::size_t start = view.byteOffset + accessor.byteOffset;
    const std::size_t elementSize = static_cast<std::size_t>(components * size);
    if (stride <= 0 || accessor.count == 0 || start + (accessor.count - 1) * static_cast<std::size_t>(stride) +
                                                      elementSize > std::min(buffer.size(), view.byteOffset + view.byteLength))
        return {};
    std::vector<float> values(accessor.count * static_cast<std::size_t>(components));
    for (std::size_t i = 0; i < accessor.count; ++i)
        for (int c = 0; c < components; ++c)
        {
            const unsigned char* data = buffer.data() + start + i * static_cast<std::size_t>(stride) +
                                        static_cast<std::size_t>(c * size);
            float value = 0.0f;
            auto read = [data]<typename T>(T, float scale)
            {
                T raw;
                std::memcpy(&raw, data, sizeof(T));
                return static_cast<float>(raw) / scale;
            };
            const bool n = accessor.normalized;
            switch (accessor.componentType)
            {
            case TINYGLTF_COMPONENT_TYPE_BYTE: value = n ? std::max(read(std::int8_t(), 127.0f), -1.0f) : read(std::int8_t(), 1.0f); break;
            case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: value = read(std::uint8_t(), n ? 255.0f : 1.0f); break;
            case TINYGLTF_COMPONENT_TYPE_SHORT: value = n ? std::max(read(std::int16_t(), 32767.0f), -1.0f) : read(std::int16_t(), 1.0f); break;
            case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: value = read(std::uint16_t(), n ? 65535.0f : 1.0f); break;
            case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: value = read(std::uint32_t(), 1.0f); break;
            case TINYGLTF_COMPONENT_TYPE_FLOAT: value = read(float(), 1.0f); break;
            default: return {};
            }
            values[i * static_cast<std::size_t>(components) + static_cast<std::size_t>(c)] = value;
        }
    return values;
}

GLenum primitiveMode(int mode)
{
    switch (mode)
    {
    case TINYGLTF_MODE_POINTS: return GL_POINTS;
    case TINYGLTF_MODE_LINE: return GL_LINES;
    case TINYGLTF_MODE_LINE_LOOP: return GL_LINE_LOOP;
    case TINYGLTF_MODE_LINE_STRIP: return GL_LINE_STRIP;
    case TINYGLTF_MODE_TRIANGLE_STRIP: return GL_TRIANGLE_STRIP;
    case TINYGLTF_MODE_TRIANGLE_FAN: return GL_TRIANGLE_FAN;
    default: return GL_TRIANGLES;
    }
}

/// Builds OSG state from glTF materials and textures, once per material.
class MaterialCache
{
public:
    MaterialCache(const tinygltf::Model& model, std::vector<std::string>& warnings) : mModel(model), mWarnings(warnings) {}

    osg::StateSet* stateSet(int index)
    {
        auto found = mStateSets.find(index);
        if (found != mStateSets.end())
            return found->second.get();
        osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
        if (index >= 0 && index < static_cast<int>(mModel.materials.size()))
            apply(mModel.materials[static_cast<std::size_t>(index)], *state);
        mStateSets[index] = state;
        return state.get();
    }

private:
    void apply(const tinygltf::Material& material, osg::StateSet& state)
    {
        const auto& factor = material.pbrMetallicRoughness.baseColorFactor;
        const osg::Vec4 color = factor.size() == 4 ? osg::Vec4(static_cast<float>(factor[0]), static_cast<float>(factor[1]),
                                                               static_cast<float>(factor[2]), static_cast<float>(factor[3]))
                                                   : osg::Vec4(1.0f, 1.0f, 1.0f, 1.0f);
        osg::ref_ptr<osg::Material> osgMaterial = new osg::Material;
        osgMaterial->setColorMode(osg::Material::OFF);
        osgMaterial->setDiffuse(osg::Material::FRONT_AND_BACK, color);
        osgMaterial->setAmbient(osg::Material::FRONT_AND_BACK, osg::Vec4(color.r() * 0.4f, color.g() * 0.4f, color.b() * 0.4f, color.a()));
        osgMaterial->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0.0f, 0.0f, 0.0f, 1.0f));
        state.setAttributeAndModes(osgMaterial.get());
        if (material.extensions.count("KHR_materials_unlit"))
            state.setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
        if (material.alphaMode == "BLEND" || color.a() < 1.0f)
        {
            state.setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
            state.setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
        }
        const int texture = material.pbrMetallicRoughness.baseColorTexture.index;
        if (osg::ref_ptr<osg::Texture2D> osgTexture = textureOf(texture))
        {
            state.setTextureAttributeAndModes(0, osgTexture.get());
            osgMaterial->setColorMode(osg::Material::OFF);
        }
    }

    osg::ref_ptr<osg::Texture2D> textureOf(int index)
    {
        if (index < 0 || index >= static_cast<int>(mModel.textures.size()))
            return nullptr;
        const int source = mModel.textures[static_cast<std::size_t>(index)].source;
        if (source < 0 || source >= static_cast<int>(mModel.images.size()))
            return nullptr;
        const tinygltf::Image& image = mModel.images[static_cast<std::size_t>(source)];
        if (image.image.empty() || image.width <= 0 || image.height <= 0 || image.bits != 8 || image.component < 1)
        {
            mWarnings.push_back("a texture (" + (image.uri.empty() ? image.mimeType : image.uri) +
                                ") could not be decoded and is left out");
            return nullptr;
        }
        static const GLenum Formats[] = {GL_LUMINANCE, GL_LUMINANCE_ALPHA, GL_RGB, GL_RGBA};
        const GLenum format = Formats[std::min(image.component, 4) - 1];
        osg::ref_ptr<osg::Image> osgImage = new osg::Image;
        auto* data = new unsigned char[image.image.size()];
        std::memcpy(data, image.image.data(), image.image.size());
        osgImage->setImage(image.width, image.height, 1, static_cast<GLint>(format), format, GL_UNSIGNED_BYTE, data,
                           osg::Image::USE_NEW_DELETE);
        osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(osgImage.get());
        texture->setWrap(osg::Texture::WRAP_S, osg::Texture::REPEAT);
        texture->setWrap(osg::Texture::WRAP_T, osg::Texture::REPEAT);
        texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
        texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
        texture->setResizeNonPowerOfTwoHint(false);
        return texture;
    }

    const tinygltf::Model& mModel;
    std::vector<std::string>& mWarnings;
    std::map<int, osg::ref_ptr<osg::StateSet>> mStateSets;
};

/// Builds the geometries of glTF meshes, once per mesh.
class MeshBuilder
{
public:
    MeshBuilder(const tinygltf::Model& model, std::vector<std::string>& warnings)
        : mModel(model), mWarnings(warnings), mMaterials(model, warnings)
    {
    }

    osg::ref_ptr<osg::Geode> mesh(int index)
    {
        auto found = mMeshes.find(index);
        if (found != mMeshes.end())
            return found->second;
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        for (const tinygltf::Primitive& primitive : mModel.meshes[static_cast<std::size_t>(index)].primitives)
            if (osg::ref_ptr<osg::Geometry> geometry = build(primitive))
                geode->addDrawable(geometry.get());
        mMeshes[index] = geode;
        return geode;
    }

private:
    osg::ref_ptr<osg::Geometry> build(const tinygltf::Primitive& primitive)
    {
        int components = 0;
        const auto position = primitive.attributes.find("POSITION");
        const std::vector<float> positions =
            position == primitive.attributes.end() ? std::vector<float>() : readAccessor(mModel, position->second, components);
        if (positions.empty() || components != 3)
        {
            warn("a primitive without readable positions is left out");
            return nullptr;
        }
        const std::size_t count = positions.size() / 3;
        osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
        osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array(count);
        std::memcpy((*vertices)[0].ptr(), positions.data(), positions.size() * sizeof(float));
        geometry->setVertexArray(vertices.get());
        addAttributes(primitive, *geometry, count);
        const GLenum mode = primitiveMode(primitive.mode);
        if (primitive.indices >= 0)
        {
            const std::vector<float> indices = readAccessor(mModel, primitive.indices, components);
            osg::ref_ptr<osg::DrawElementsUInt> elements = new osg::DrawElementsUInt(mode);
            for (float value : indices)
                if (value >= 0.0f && static_cast<std::size_t>(value) < count)
                    elements->push_back(static_cast<GLuint>(value));
            geometry->addPrimitiveSet(elements.get());
        }
        else
            geometry->addPrimitiveSet(new osg::DrawArrays(mode, 0, static_cast<GLsizei>(count)));
        geometry->setStateSet(mMaterials.stateSet(primitive.material));
        const bool surface = mode == GL_TRIANGLES || mode == GL_TRIANGLE_STRIP || mode == GL_TRIANGLE_FAN;
        if (surface && !geometry->getNormalArray())
            osgUtil::SmoothingVisitor::smooth(*geometry);
        if (!surface)
            geometry->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
        return geometry;
    }

    void addAttributes(const tinygltf::Primitive& primitive, osg::Geometry& geometry, std::size_t count)
    {
        int components = 0;
        for (const auto& [name, accessor] : primitive.attributes)
        {
            const std::vector<float> values = readAccessor(mModel, accessor, components);
            if (values.size() != count * static_cast<std::size_t>(components))
                continue;
            if (name == "NORMAL" && components == 3)
            {
                osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array(count);
                std::memcpy((*normals)[0].ptr(), values.data(), values.size() * sizeof(float));
                geometry.setNormalArray(normals.get(), osg::Array::BIND_PER_VERTEX);
            }
            else if (name == "TEXCOORD_0" && components == 2)
            {
                osg::ref_ptr<osg::Vec2Array> coordinates = new osg::Vec2Array(count);
                std::memcpy((*coordinates)[0].ptr(), values.data(), values.size() * sizeof(float));
                geometry.setTexCoordArray(0, coordinates.get(), osg::Array::BIND_PER_VERTEX);
            }
            else if (name == "COLOR_0" && (components == 3 || components == 4))
            {
                osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array(count);
                for (std::size_t i = 0; i < count; ++i)
                    for (int c = 0; c < 4; ++c)
                        (*colors)[i][c] = c < components ? values[i * static_cast<std::size_t>(components) + static_cast<std::size_t>(c)] : 1.0f;
                geometry.setColorArray(colors.get(), osg::Array::BIND_PER_VERTEX);
            }
            else if ((name == "_BATCHID" || name == "_FEATURE_ID_0" || name == "BATCHID") && components == 1)
            {
                osg::ref_ptr<BatchIds> ids = new BatchIds;
                ids->perVertex.reserve(count);
                for (float value : values)
                    ids->perVertex.push_back(static_cast<std::uint32_t>(std::max(value, 0.0f)));
                geometry.setUserData(ids.get());
            }
        }
    }

    void warn(const std::string& text)
    {
        if (std::find(mWarnings.begin(), mWarnings.end(), text) == mWarnings.end())
            mWarnings.push_back(text);
    }

    const tinygltf::Model& mModel;
    std::vector<std::string>& mWarnings;
    MaterialCache mMaterials;
    std::map<int, osg::ref_ptr<osg::Geode>> mMeshes;
};

osg::Matrixd nodeMatrix(const tinygltf::Node& node)
{
    if (node.matrix.size() == 16)
        return osg::Matrixd(node.matrix.data());
    osg::Matrixd matrix;
    if (node.scale.size() == 3)
        matrix.postMultScale(osg::Vec3d(node.scale[0], node.scale[1], node.scale[2]));
    if (node.rotation.size() == 4)
        matrix.postMultRotate(osg::Quat(node.rotation[0], node.rotation[1], node.rotation[2], node.rotation[3]));
    if (node.translation.size() == 3)
        matrix.postMultTranslate(osg::Vec3d(node.translation[0], node.translation[1], node.translation[2]));
    return matrix;
}

osg::ref_ptr<osg::Node> buildNode(const tinygltf::Model& model, int index, MeshBuilder& meshes, int depth)
{
    if (index < 0 || index >= static_cast<int>(model.nodes.size()) || depth > 64)
        return nullptr;
    const tinygltf::Node& node = model.nodes[static_cast<std::size_t>(index)];
    osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform(nodeMatrix(node));
    transform->setName(node.name);
    if (node.mesh >= 0 && node.mesh < static_cast<int>(model.meshes.size()))
        transform->addChild(meshes.mesh(node.mesh).get());
    for (int child : node.children)
        if (osg::ref_ptr<osg::Node> built = buildNode(model, child, meshes, depth + 1))
            transform->addChild(built.get());
    return transform;
}

/// Loads textures through tinygltf's own decoder, but lets a texture that cannot be decoded be left out
/// (with a warning) instead of failing the whole model.
bool loadImageLeniently(tinygltf::Image* image, const int index, std::string* error, std::string* warning, int width,
                        int height, const unsigned char* bytes, int size, void* userData)
{
    std::string ownError;
    if (tinygltf::LoadImageData(image, index, &ownError, warning, width, height, bytes, size, userData))
        return true;
    if (warning)
        *warning += "image " + std::to_string(index) + " left out: " + ownError + "\n";
    (void)error;
    return true;
}

std::optional<std::string> unsupportedExtension(const tinygltf::Model& model)
{
    for (const std::string& name : model.extensionsRequired)
        if (!isSupported(name))
            return name;
    return std::nullopt;
}
} // namespace

data::Result<GltfNode> buildGltfNode(const std::string& bytes, const std::string& baseFolder, const std::string& path)
{
    tinygltf::TinyGLTF loader;
    loader.SetImageLoader(&loadImageLeniently, nullptr);
    tinygltf::Model model;
    std::string error;
    std::string warning;
    const std::string prepared = prepareCompressedGltf(bytes);
    const bool binary = prepared.size() >= 4 && prepared.compare(0, 4, "glTF") == 0;
    const bool loaded =
        binary ? loader.LoadBinaryFromMemory(&model, &error, &warning, reinterpret_cast<const unsigned char*>(prepared.data()),
                                             static_cast<unsigned int>(prepared.size()), baseFolder)
               : loader.LoadASCIIFromString(&model, &error, &warning, prepared.data(),
                                            static_cast<unsigned int>(prepared.size()), baseFolder);
    if (!loaded)
    {
        if (error.empty())
            error = warning;
        error.erase(std::remove(error.begin(), error.end(), '\n'), error.end());
        return data::Error{data::ErrorCode::FormatNotSupported, "glTF recognised, but tinygltf cannot read it: " + error, path};
    }
    if (const auto extension = unsupportedExtension(model))
        return data::Error{data::ErrorCode::FormatNotSupported,
                           "glTF recognised, but it requires " + *extension + ", which is not supported", path};
    if (auto decompressError = decompressGltf(model, path))
        return *decompressError;
    GltfNode result;
    if (!warning.empty())
        result.warnings.push_back(warning.substr(0, warning.find('\n')));
    MeshBuilder meshes(model, result.warnings);
    osg::ref_ptr<osg::Group> root = new osg::Group;
    const int sceneIndex = model.defaultScene >= 0 ? model.defaultScene : 0;
    if (sceneIndex < static_cast<int>(model.scenes.size()))
    {
        for (int node : model.scenes[static_cast<std::size_t>(sceneIndex)].nodes)
            if (osg::ref_ptr<osg::Node> built = buildNode(model, node, meshes, 0))
                root->addChild(built.get());
    }
    else
        for (std::size_t i = 0; i < model.meshes.size(); ++i)
            root->addChild(meshes.mesh(static_cast<int>(i)).get());
    const auto rtc = model.extensions.find("CESIUM_RTC");
    if (rtc != model.extensions.end() && rtc->second.Has("center") && rtc->second.Get("center").ArrayLen() == 3)
    {
        const tinygltf::Value& centre = rtc->second.Get("center");
        result.rtcCenter = std::array<double, 3>{centre.Get(0).GetNumberAsDouble(), centre.Get(1).GetNumberAsDouble(),
                                                 centre.Get(2).GetNumberAsDouble()};
    }
    result.node = root;
    return result;
}

} // namespace citytwin::scene
