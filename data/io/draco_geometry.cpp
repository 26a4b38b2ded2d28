#include "data/io/draco_geometry.hpp"

#include <cstring>

#include <draco/compression/decode.h>
#include <draco/mesh/mesh.h>

namespace citytwin::data
{
namespace
{
Error dracoError(const std::string& detail, const std::string& path)
{
    return Error{ErrorCode::FormatNotSupported, detail, path};
}

/// True when every value the attribute maps a point to lies inside its buffer: Draco's accessors do not check.
bool attributeInBounds(const draco::PointAttribute& attribute, std::size_t pointCount)
{
    if (!attribute.buffer() || attribute.byte_stride() <= 0 || attribute.byte_offset() < 0 ||
        attribute.num_components() == 0)
        return false;
    const auto stride = static_cast<std::size_t>(attribute.byte_stride());
    const std::size_t elementSize =
        static_cast<std::size_t>(draco::DataTypeLength(attribute.data_type())) * attribute.num_components();
    if (elementSize == 0 || elementSize > stride)
        return false;
    const std::size_t values = attribute.size();
    if (values == 0 || static_cast<std::size_t>(attribute.byte_offset()) + (values - 1) * stride + elementSize >
                           attribute.buffer()->data_size())
        return false;
    if (!attribute.is_mapping_identity() && attribute.indices_map_size() < pointCount)
        return false;
    for (std::size_t i = 0; i < pointCount; ++i)
        if (attribute.mapped_index(draco::PointIndex(static_cast<std::uint32_t>(i))).value() >= values)
            return false;
    return true;
}

template <typename T>
bool convertAll(const draco::PointAttribute& attribute, std::size_t pointCount, int components,
                std::vector<unsigned char>& bytes)
{
    bytes.resize(pointCount * static_cast<std::size_t>(components) * sizeof(T));
    std::vector<T> value(attribute.num_components());
    for (std::size_t i = 0; i < pointCount; ++i)
    {
        const auto index = attribute.mapped_index(draco::PointIndex(static_cast<std::uint32_t>(i)));
        if (!attribute.ConvertValue<T>(index, static_cast<std::int8_t>(attribute.num_components()), value.data()))
            return false;
        std::memcpy(bytes.data() + i * static_cast<std::size_t>(components) * sizeof(T), value.data(),
                    static_cast<std::size_t>(components) * sizeof(T));
    }
    return true;
}

/// One conversion per DracoComponent, in the enum's order.
using Converter = bool (*)(const draco::PointAttribute&, std::size_t, int, std::vector<unsigned char>&);
constexpr Converter Converters[] = {&convertAll<std::int8_t>,   &convertAll<std::uint8_t>,  &convertAll<std::int16_t>,
                                    &convertAll<std::uint16_t>, &convertAll<std::uint32_t>, &convertAll<float>};
/// The size of one component per DracoComponent, in the enum's order.
constexpr std::size_t ComponentSizes[] = {1, 1, 2, 2, 4, 4};
} // namespace

std::size_t dracoComponentSize(DracoComponent component)
{
    return ComponentSizes[static_cast<std::size_t>(component)];
}

Result<DracoGeometry> DracoGeometry::decode(std::string_view bytes, const std::string& path)
{
    if (bytes.empty())
        return dracoError("the Draco buffer is empty", path);
    draco::DecoderBuffer buffer;
    buffer.Init(bytes.data(), bytes.size());
    draco::Decoder decoder;
    // A mesh decodes as a point cloud too (draco::Mesh derives from it); the faces are read below.
    auto decoded = decoder.DecodePointCloudFromBuffer(&buffer);
    if (!decoded.ok() || !decoded.value())
        return dracoError("Draco cannot decode the buffer (" + decoded.status().error_msg_string() + ")", path);
    DracoGeometry geometry;
    std::shared_ptr<draco::PointCloud> cloud(std::move(decoded).value());
    const std::size_t pointCount = cloud->num_points();
    if (const auto* mesh = dynamic_cast<const draco::Mesh*>(cloud.get()))
    {
        geometry.mIndices.reserve(static_cast<std::size_t>(mesh->num_faces()) * 3);
        for (std::uint32_t f = 0; f < mesh->num_faces(); ++f)
            for (const draco::PointIndex& point : mesh->face(draco::FaceIndex(f)))
            {
                if (point.value() >= pointCount)
                    return dracoError("Draco face " + std::to_string(f) + " names point " +
                                          std::to_string(point.value()) + " of " + std::to_string(pointCount),
                                      path);
                geometry.mIndices.push_back(point.value());
            }
    }
    geometry.mGeometry = std::move(cloud);
    return geometry;
}

std::size_t DracoGeometry::pointCount() const
{
    return mGeometry ? mGeometry->num_points() : 0;
}

int DracoGeometry::components(std::uint32_t uniqueId) const
{
    const draco::PointAttribute* attribute = mGeometry ? mGeometry->GetAttributeByUniqueId(uniqueId) : nullptr;
    return attribute ? attribute->num_components() : 0;
}

Result<std::vector<unsigned char>> DracoGeometry::attribute(std::uint32_t uniqueId, int components,
                                                            DracoComponent component, const std::string& path) const
{
    const std::string name = "Draco attribute " + std::to_string(uniqueId);
    const draco::PointAttribute* attribute = mGeometry ? mGeometry->GetAttributeByUniqueId(uniqueId) : nullptr;
    if (!attribute)
        return dracoError("the Draco buffer has no attribute " + std::to_string(uniqueId), path);
    if (components <= 0 || components > attribute->num_components())
        return dracoError(name + " has " + std::to_string(attribute->num_components()) + " components, not " +
                              std::to_string(components),
                          path);
    if (!attributeInBounds(*attribute, pointCount()))
        return dracoError(name + " maps points outside its values", path);
    std::vector<unsigned char> bytes;
    const bool converted = Converters[static_cast<std::size_t>(component)](*attribute, pointCount(), components, bytes);
    if (!converted)
        return dracoError(name + " has values that do not fit the accessor's component type", path);
    return bytes;
}

} // namespace citytwin::data
