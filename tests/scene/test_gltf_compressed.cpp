#include "common/compare.hpp"

#include "data/io/tile_content.hpp"
#include "scene/gltf_builder.hpp"
#include "scene/tiles3d_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include <dlfcn.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <draco/compression/encode.h>
#include <draco/mesh/triangle_soup_mesh_builder.h>
#include <draco/point_cloud/point_cloud_builder.h>
#include <meshoptimizer.h>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

using namespace citytwin;

namespace
{
/// The known mesh: a unit box centred on the origin (glTF axes), each face its own feature. Face f has batch id f,
/// lies on the plane axis(f) = sign(f) x 0.5 and has four vertices of its own (its normal differs from its
/// neighbours'), so 6 x 4 = 24 vertices and 6 x 2 = 12 triangles (36 indices).
constexpr int FaceCount = 6;
constexpr std::size_t VertexCount = 24;
constexpr std::size_t IndexCount = 36;
const char* const FaceNames[FaceCount] = {"+x", "-x", "+y", "-y", "+z", "-z"};

int faceAxis(int face)
{
    return face / 2;
}

float faceSign(int face)
{
    return face % 2 == 0 ? 1.0f : -1.0f;
}

struct Box
{
    std::vector<float> positions; ///< x, y, z per vertex
    std::vector<float> normals;   ///< x, y, z per vertex
    std::vector<std::uint16_t> batchIds;
    std::vector<std::uint32_t> indices;
};

Box makeBox()
{
    Box box;
    for (int face = 0; face < FaceCount; ++face)
    {
        const int axis = faceAxis(face);
        const int u = (axis + 1) % 3;
        const int v = (axis + 2) % 3;
        const auto first = static_cast<std::uint32_t>(box.batchIds.size());
        for (const auto& [a, b] : {std::pair(-0.5f, -0.5f), {0.5f, -0.5f}, {0.5f, 0.5f}, {-0.5f, 0.5f}})
        {
            std::array<float, 3> position{};
            std::array<float, 3> normal{};
            position[axis] = faceSign(face) * 0.5f;
            position[u] = a;
            position[v] = b;
            normal[axis] = faceSign(face);
            box.positions.insert(box.positions.end(), position.begin(), position.end());
            box.normals.insert(box.normals.end(), normal.begin(), normal.end());
            box.batchIds.push_back(static_cast<std::uint16_t>(face));
        }
        box.indices.insert(box.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
    }
    return box;
}

QByteArray padded(QByteArray bytes, int alignment, char fill)
{
    while (bytes.size() % alignment != 0)
        bytes.append(fill);
    return bytes;
}

void appendUint32(QByteArray& bytes, std::uint32_t value)
{
    bytes.append(reinterpret_cast<const char*>(&value), sizeof(value));
}

/// A binary glTF (glb) from its JSON and BIN chunk.
QByteArray glb(const QJsonObject& json, const QByteArray& bin)
{
    const QByteArray text = padded(QJsonDocument(json).toJson(QJsonDocument::Compact), 4, ' ');
    const QByteArray body = padded(bin, 4, '\0');
    QByteArray bytes("glTF");
    appendUint32(bytes, 2);
    appendUint32(bytes, static_cast<std::uint32_t>(12 + 8 + text.size() + (body.isEmpty() ? 0 : 8 + body.size())));
    appendUint32(bytes, static_cast<std::uint32_t>(text.size()));
    bytes.append("JSON");
    bytes.append(text);
    if (!body.isEmpty())
    {
        appendUint32(bytes, static_cast<std::uint32_t>(body.size()));
        bytes.append("BIN", 4);
        bytes.append(body);
    }
    return bytes;
}

/// A b3dm (version 1) around a glb, its six features named in the batch table.
QByteArray b3dm(const QByteArray& model)
{
    const QByteArray featureTable = padded(QByteArrayLiteral(R"({"BATCH_LENGTH":6})"), 8, ' ');
    QJsonArray names;
    for (const char* name : FaceNames)
        names.append(QString::fromLatin1(name));
    const QByteArray batchTable =
        padded(QJsonDocument(QJsonObject{{"face", names}}).toJson(QJsonDocument::Compact), 8, ' ');
    QByteArray bytes("b3dm");
    appendUint32(bytes, 1);
    appendUint32(bytes, static_cast<std::uint32_t>(28 + featureTable.size() + batchTable.size() + model.size()));
    appendUint32(bytes, static_cast<std::uint32_t>(featureTable.size()));
    appendUint32(bytes, 0);
    appendUint32(bytes, static_cast<std::uint32_t>(batchTable.size()));
    appendUint32(bytes, 0);
    return bytes + featureTable + batchTable + model;
}

QJsonObject accessor(const QString& type, int componentType, int count, int bufferView = -1)
{
    QJsonObject object{{"type", type}, {"componentType", componentType}, {"count", count}};
    if (bufferView >= 0)
        object["bufferView"] = bufferView;
    return object;
}

QJsonObject gltfShell(QJsonArray accessors, QJsonObject primitive, QJsonArray extensions)
{
    return QJsonObject{{"asset", QJsonObject{{"version", "2.0"}}},
                       {"extensionsUsed", extensions},
                       {"extensionsRequired", extensions},
                       {"accessors", accessors},
                       {"meshes", QJsonArray{QJsonObject{{"primitives", QJsonArray{primitive}}}}},
                       {"nodes", QJsonArray{QJsonObject{{"mesh", 0}}}},
                       {"scenes", QJsonArray{QJsonObject{{"nodes", QJsonArray{0}}}}},
                       {"scene", 0}};
}

constexpr int Float = 5126;
constexpr int Byte = 5120;
constexpr int UnsignedShort = 5123;
constexpr int UnsignedInt = 5125;

/// Encodes a Draco mesh or point cloud (positions quantized to positionBits, normals to 10) and lets corrupt damage
/// the bytes; nothing when Draco cannot encode it.
std::optional<std::string> encodeDraco(const draco::PointCloud* geometry, int positionBits,
                                       const std::function<void(std::string&)>& corrupt)
{
    if (!geometry)
        return std::nullopt;
    draco::Encoder encoder;
    encoder.SetAttributeQuantization(draco::GeometryAttribute::POSITION, positionBits);
    encoder.SetAttributeQuantization(draco::GeometryAttribute::NORMAL, 10);
    draco::EncoderBuffer encoded;
    const auto* mesh = dynamic_cast<const draco::Mesh*>(geometry);
    const draco::Status status =
        mesh ? encoder.EncodeMeshToBuffer(*mesh, &encoded) : encoder.EncodePointCloudToBuffer(*geometry, &encoded);
    if (!status.ok())
        return std::nullopt;
    std::string bytes(encoded.data(), encoded.size());
    if (corrupt)
        corrupt(bytes);
    return bytes;
}

/// The Draco unique ids of attributes (by the builder's attribute ids), by name, for an extension's JSON.
QJsonObject dracoIds(const draco::PointCloud& geometry, std::initializer_list<std::pair<const char*, int>> attributes)
{
    QJsonObject ids;
    for (const auto& [name, attribute] : attributes)
        ids[QLatin1String(name)] = static_cast<int>(geometry.attribute(attribute)->unique_id());
    return ids;
}

/// The box as a Draco-compressed glb (KHR_draco_mesh_compression): positions quantized to 14 bits, normals to 10,
/// batch ids (UNSIGNED_SHORT) lossless.
QByteArray dracoBoxGlb(const std::function<void(std::string&)>& corrupt = {})
{
    const Box box = makeBox();
    draco::TriangleSoupMeshBuilder builder;
    builder.Start(static_cast<int>(IndexCount / 3));
    const int position = builder.AddAttribute(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32);
    const int normal = builder.AddAttribute(draco::GeometryAttribute::NORMAL, 3, draco::DT_FLOAT32);
    const int batch = builder.AddAttribute(draco::GeometryAttribute::GENERIC, 1, draco::DT_UINT16);
    for (std::size_t f = 0; f < IndexCount / 3; ++f)
    {
        const std::uint32_t* corner = &box.indices[f * 3];
        const draco::FaceIndex face(static_cast<std::uint32_t>(f));
        builder.SetAttributeValuesForFace(position, face, &box.positions[corner[0] * 3], &box.positions[corner[1] * 3],
                                          &box.positions[corner[2] * 3]);
        builder.SetAttributeValuesForFace(normal, face, &box.normals[corner[0] * 3], &box.normals[corner[1] * 3],
                                          &box.normals[corner[2] * 3]);
        builder.SetAttributeValuesForFace(batch, face, &box.batchIds[corner[0]], &box.batchIds[corner[1]],
                                          &box.batchIds[corner[2]]);
    }
    std::unique_ptr<draco::Mesh> mesh = builder.Finalize();
    const auto bytes = encodeDraco(mesh.get(), 14, corrupt);
    if (!bytes)
        return {};
    const QJsonObject ids = dracoIds(*mesh, {{"POSITION", position}, {"NORMAL", normal}, {"_BATCHID", batch}});
    const QJsonObject primitive{{"attributes", QJsonObject{{"POSITION", 0}, {"NORMAL", 1}, {"_BATCHID", 2}}},
                                {"indices", 3},
                                {"mode", 4},
                                {"extensions", QJsonObject{{"KHR_draco_mesh_compression",
                                                            QJsonObject{{"bufferView", 0}, {"attributes", ids}}}}}};
    QJsonObject json = gltfShell(QJsonArray{accessor("VEC3", Float, 24), accessor("VEC3", Float, 24),
                                            accessor("SCALAR", UnsignedShort, 24), accessor("SCALAR", UnsignedInt, 36)},
                                 primitive, QJsonArray{"KHR_draco_mesh_compression"});
    json["bufferViews"] = QJsonArray{QJsonObject{{"buffer", 0}, {"byteLength", static_cast<int>(bytes->size())}}};
    json["buffers"] = QJsonArray{QJsonObject{{"byteLength", static_cast<int>(bytes->size())}}};
    return glb(json, QByteArray(bytes->data(), static_cast<qsizetype>(bytes->size())));
}

/// One meshopt-compressed stream of the box: its compressed bytes and the EXT_meshopt_compression fields.
struct MeshoptStream
{
    QByteArray compressed;
    int byteStride = 0;
    int count = 0;
    QString mode;
    QString filter;
};

/// The box as a meshopt-compressed glb (EXT_meshopt_compression, gltfpack's layout): buffer 0 (the BIN chunk)
/// holds the compressed streams, buffer 1 is the fallback (a byteLength, no data). Positions float, normals as
/// octahedral-filtered normalized bytes (KHR_mesh_quantization), batch ids float, uint32 triangle indices.
/// truncateBy shortens the position stream's byteLength by that many bytes; withImage adds an image whose buffer
/// view is the (compressed) position view, in the fallback buffer.
QByteArray meshoptBoxGlb(int truncateBy = 0, bool withImage = false)
{
    const Box box = makeBox();
    auto encodeVertices = [](const void* data, std::size_t count, std::size_t stride)
    {
        std::vector<unsigned char> out(meshopt_encodeVertexBufferBound(count, stride));
        out.resize(meshopt_encodeVertexBuffer(out.data(), out.size(), data, count, stride));
        return QByteArray(reinterpret_cast<const char*>(out.data()), static_cast<qsizetype>(out.size()));
    };
    std::vector<float> normals4;
    for (std::size_t i = 0; i < VertexCount; ++i)
        normals4.insert(normals4.end(), {box.normals[i * 3], box.normals[i * 3 + 1], box.normals[i * 3 + 2], 0.0f});
    std::vector<std::int8_t> octahedral(VertexCount * 4);
    meshopt_encodeFilterOct(octahedral.data(), VertexCount, 4, 8, normals4.data());
    std::vector<float> batchIds(box.batchIds.begin(), box.batchIds.end());
    std::vector<unsigned char> indices(meshopt_encodeIndexBufferBound(IndexCount, VertexCount));
    indices.resize(meshopt_encodeIndexBuffer(indices.data(), indices.size(), box.indices.data(), IndexCount));
    const MeshoptStream streams[] = {
        {encodeVertices(box.positions.data(), VertexCount, 12), 12, 24, "ATTRIBUTES", "NONE"},
        {encodeVertices(octahedral.data(), VertexCount, 4), 4, 24, "ATTRIBUTES", "OCTAHEDRAL"},
        {encodeVertices(batchIds.data(), VertexCount, 4), 4, 24, "ATTRIBUTES", "NONE"},
        {QByteArray(reinterpret_cast<const char*>(indices.data()), static_cast<qsizetype>(indices.size())), 4, 36,
         "TRIANGLES", "NONE"}};
    QByteArray bin;
    QJsonArray views;
    int fallbackOffset = 0;
    for (const MeshoptStream& stream : streams)
    {
        const int length = static_cast<int>(stream.compressed.size()) - (views.isEmpty() ? truncateBy : 0);
        QJsonObject extension{{"buffer", 0},           {"byteOffset", static_cast<int>(bin.size())},
                              {"byteLength", length},  {"byteStride", stream.byteStride},
                              {"count", stream.count}, {"mode", stream.mode}};
        if (stream.filter != "NONE")
            extension["filter"] = stream.filter;
        QJsonObject view{{"buffer", 1},
                         {"byteOffset", fallbackOffset},
                         {"byteLength", stream.count * stream.byteStride},
                         {"extensions", QJsonObject{{"EXT_meshopt_compression", extension}}}};
        if (stream.mode == "ATTRIBUTES")
            view["byteStride"] = stream.byteStride;
        views.append(view);
        fallbackOffset += stream.count * stream.byteStride;
        bin = padded(bin + stream.compressed, 4, '\0');
    }
    QJsonObject normal = accessor("VEC3", Byte, 24, 1);
    normal["normalized"] = true;
    const QJsonObject primitive{
        {"attributes", QJsonObject{{"POSITION", 0}, {"NORMAL", 1}, {"_BATCHID", 2}}}, {"indices", 3}, {"mode", 4}};
    QJsonObject json = gltfShell(QJsonArray{accessor("VEC3", Float, 24, 0), normal, accessor("SCALAR", Float, 24, 2),
                                            accessor("SCALAR", UnsignedInt, 36, 3)},
                                 primitive, QJsonArray{"EXT_meshopt_compression", "KHR_mesh_quantization"});
    json["bufferViews"] = views;
    if (withImage)
        json["images"] = QJsonArray{QJsonObject{{"bufferView", 0}, {"mimeType", "image/png"}}};
    json["buffers"] = QJsonArray{
        QJsonObject{{"byteLength", static_cast<int>(bin.size())}},
        QJsonObject{{"byteLength", fallbackOffset},
                    {"extensions", QJsonObject{{"EXT_meshopt_compression", QJsonObject{{"fallback", true}}}}}}};
    return glb(json, bin);
}

/// Collects the geometries below a node.
class GeometryCollector : public osg::NodeVisitor
{
public:
    GeometryCollector() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Geometry& geometry) override { geometries.push_back(&geometry); }
    std::vector<osg::Geometry*> geometries;
};

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// Checks a decoded box: 24 vertices, 12 triangles, each vertex within tolerance of the face plane its batch id
/// names (so the batch id is per vertex and right), four vertices per feature, normals along the face's axis.
void verifyBox(osg::Node& node, float tolerance, float normalTolerance)
{
    GeometryCollector collector;
    node.accept(collector);
    QCOMPARE(collector.geometries.size(), std::size_t(1));
    const osg::Geometry& geometry = *collector.geometries.front();
    const auto* vertices = dynamic_cast<const osg::Vec3Array*>(geometry.getVertexArray());
    QVERIFY(vertices);
    QCOMPARE(vertices->size(), VertexCount);
    QCOMPARE(geometry.getNumPrimitiveSets(), 1u);
    const osg::PrimitiveSet* triangles = geometry.getPrimitiveSet(0);
    QCOMPARE(triangles->getMode(), GLenum(GL_TRIANGLES));
    QCOMPARE(triangles->getNumIndices(), static_cast<unsigned int>(IndexCount));
    const auto* ids = dynamic_cast<const scene::BatchIds*>(geometry.getUserData());
    QVERIFY(ids);
    QCOMPARE(ids->perVertex.size(), VertexCount);
    const auto* normals = dynamic_cast<const osg::Vec3Array*>(geometry.getNormalArray());
    QVERIFY(normals);
    QCOMPARE(normals->size(), VertexCount);
    std::map<std::uint32_t, int> perFeature;
    for (std::size_t i = 0; i < VertexCount; ++i)
    {
        const std::uint32_t id = ids->perVertex[i];
        QVERIFY2(id < FaceCount, std::to_string(id).c_str());
        ++perFeature[id];
        const int face = static_cast<int>(id);
        const osg::Vec3& vertex = (*vertices)[i];
        CITYTWIN_COMPARE_NEAR(vertex[faceAxis(face)], faceSign(face) * 0.5f, tolerance);
        for (int c = 0; c < 3; ++c)
        {
            CITYTWIN_COMPARE_NEAR(std::abs(vertex[c]), 0.5f, tolerance);
            CITYTWIN_COMPARE_NEAR((*normals)[i][c], c == faceAxis(face) ? faceSign(face) : 0.0f, normalTolerance);
        }
    }
    for (int face = 0; face < FaceCount; ++face)
        QCOMPARE(perFeature[static_cast<std::uint32_t>(face)], 4);
}

/// Checks that result failed naming path, with each of words in its detail.
template <class T>
void verifyFailure(const data::Result<T>& result, const std::string& path, std::initializer_list<const char*> words)
{
    QVERIFY(!result);
    QCOMPARE(result.error().path, path);
    for (const char* word : words)
        QVERIFY2(result.error().detail.find(word) != std::string::npos, result.error().detail.c_str());
}

/// Picks the tile node as the viewer does: a ray down world z onto the glTF +y face (turned to z-up), whose
/// feature is batch id 2, named "+y" in the batch table.
void verifyPick(osg::Node& node)
{
    osg::ref_ptr<osgUtil::LineSegmentIntersector> intersector =
        new osgUtil::LineSegmentIntersector(osg::Vec3d(0.1, 0.2, 10.0), osg::Vec3d(0.1, 0.2, -10.0));
    osgUtil::IntersectionVisitor visitor(intersector.get());
    node.accept(visitor);
    QVERIFY(intersector->containsIntersections());
    const auto feature = scene::tiles3dFeatureOf(intersector->getFirstIntersection());
    QVERIFY(feature);
    QCOMPARE(feature->batchId, std::size_t(2));
    QCOMPARE(feature->attributes.size(), std::size_t(1));
    QCOMPARE(feature->attributes.front().second, std::string("+y"));
}
} // namespace

/// Compressed 3D Tiles content: Draco and meshopt glTF meshes (in b3dm and plain glb) and Draco point clouds,
/// encoded here with the libraries' own encoders from a known box, decoded through the viewer's tile path.
class TestGltfCompressed : public QObject
{
    Q_OBJECT

private slots:
    void tinygltfIsDebiansLibrary()
    {
        // libdraco carries its own tinygltf build; ours must come from libtinygltf.so (see citytwin::draco in
        // cmake/CityTwinDependencies.cmake), or the glTF loader runs with another Model layout.
        void* loader = dlsym(RTLD_DEFAULT, "_ZN8tinygltf8TinyGLTF20LoadBinaryFromMemoryEPNS_5ModelEPNSt7__cxx1112basic_"
                                           "stringIcSt11char_traitsIcESaIcEEES9_PKhjRKS8_j");
        QVERIFY(loader);
        Dl_info info{};
        QVERIFY(dladdr(loader, &info) != 0 && info.dli_fname);
        QVERIFY2(std::string(info.dli_fname).find("libtinygltf") != std::string::npos, info.dli_fname);
    }

    void dracoBoxInB3dmDecodesAndPicks()
    {
        const QByteArray model = dracoBoxGlb();
        QVERIFY(!model.isEmpty());
        const QString path = mFolder.filePath("draco.b3dm");
        writeFile(path, b3dm(model));
        std::vector<std::string> warnings;
        auto node = scene::buildTileContentNode(path.toStdString(), data::identityMatrix(), warnings);
        QVERIFY2(node, node ? "" : node.error().message().c_str());
        QVERIFY(warnings.empty());
        // 14-bit positions over a 1 m box: 1 / 16383 m steps; 10-bit normals.
        verifyBox(*node.value(), 2e-4f, 1e-2f);
        verifyPick(*node.value());
    }

    void dracoGlbDecodes()
    {
        auto gltf = scene::buildGltfNode(dracoBoxGlb().toStdString(), mFolder.path().toStdString(), "box.glb");
        QVERIFY2(gltf, gltf ? "" : gltf.error().message().c_str());
        verifyBox(*gltf->node, 2e-4f, 1e-2f);
    }

    void meshoptBoxInB3dmDecodesAndPicks()
    {
        const QString path = mFolder.filePath("meshopt.b3dm");
        writeFile(path, b3dm(meshoptBoxGlb()));
        std::vector<std::string> warnings;
        auto node = scene::buildTileContentNode(path.toStdString(), data::identityMatrix(), warnings);
        QVERIFY2(node, node ? "" : node.error().message().c_str());
        // Positions and batch ids are lossless; 8-bit octahedral normals.
        verifyBox(*node.value(), 1e-6f, 2e-2f);
        verifyPick(*node.value());
    }

    void meshoptGlbDecodes()
    {
        const QString path = mFolder.filePath("meshopt.glb");
        writeFile(path, meshoptBoxGlb());
        std::vector<std::string> warnings;
        auto node = scene::buildTileContentNode(path.toStdString(), data::identityMatrix(), warnings);
        QVERIFY2(node, node ? "" : node.error().message().c_str());
        verifyBox(*node.value(), 1e-6f, 2e-2f);
    }

    void meshoptImageInFallbackIsLeftOut()
    {
        // tinygltf would read the image from the one-byte stub of the fallback buffer past its end: it gets the stub
        // itself, which does not decode, and the model loads without it.
        auto gltf = scene::buildGltfNode(meshoptBoxGlb(0, true).toStdString(), "", "image.glb");
        QVERIFY2(gltf, gltf ? "" : gltf.error().message().c_str());
        QVERIFY(!gltf->warnings.empty());
        QVERIFY2(gltf->warnings.front().find("image 0") != std::string::npos, gltf->warnings.front().c_str());
        verifyBox(*gltf->node, 1e-6f, 2e-2f);
    }

    void corruptDracoIsNamed()
    {
        // The Draco header kept, everything after it garbage.
        const QString path = mFolder.filePath("corrupt_draco.b3dm");
        writeFile(path, b3dm(dracoBoxGlb([](std::string& bytes)
                                         { std::fill(bytes.begin() + 11, bytes.end(), char(0xFF)); })));
        std::vector<std::string> warnings;
        auto node = scene::buildTileContentNode(path.toStdString(), data::identityMatrix(), warnings);
        verifyFailure(node, path.toStdString(), {"KHR_draco_mesh_compression", "Draco cannot decode"});
    }

    void everyDamagedDracoByteIsSafe()
    {
        // Each byte of the Draco stream flipped in turn, and the stream cut at each length: an error naming the
        // file or a model, never a crash (run under ASan in the asan preset).
        const std::size_t length = dracoBoxGlb([](std::string&) {}).size();
        QVERIFY(length > 0);
        for (std::size_t at = 0;; ++at)
        {
            bool inside = true;
            const QByteArray model = dracoBoxGlb(
                [&](std::string& bytes)
                {
                    inside = at < bytes.size();
                    if (inside)
                        bytes[at] = static_cast<char>(bytes[at] ^ 0x5A);
                });
            if (!inside)
                break;
            auto gltf = scene::buildGltfNode(model.toStdString(), "", "flipped.glb");
            QVERIFY(gltf || gltf.error().path == "flipped.glb");
            const QByteArray cut = dracoBoxGlb([&](std::string& bytes) { bytes.resize(at); });
            auto truncated = scene::buildGltfNode(cut.toStdString(), "", "cut.glb");
            QVERIFY(!truncated);
            QCOMPARE(truncated.error().path, std::string("cut.glb"));
        }
    }

    void truncatedMeshoptIsNamed()
    {
        const QString path = mFolder.filePath("truncated_meshopt.glb");
        writeFile(path, meshoptBoxGlb(16));
        std::vector<std::string> warnings;
        auto node = scene::buildTileContentNode(path.toStdString(), data::identityMatrix(), warnings);
        verifyFailure(node, path.toStdString(), {"EXT_meshopt_compression", "truncated"});
    }

    void dracoPointCloudInPnts()
    {
        // Point i at (0.1 i, 0.2 i, 0.3 i) with colour (10 i, 255 - 10 i, i) and batch id i % 4: Draco may reorder
        // points, so each is checked against what its position says.
        constexpr int Count = 20;
        const QByteArray bytes = dracoPnts(Count, {});
        QVERIFY(!bytes.isEmpty());
        auto points =
            data::parsePnts(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), "cloud.pnts");
        QVERIFY2(points, points ? "" : points.error().message().c_str());
        QCOMPARE(points->pointCount, std::size_t(Count));
        QCOMPARE(points->positions.size(), std::size_t(Count * 3));
        QCOMPARE(points->colors.size(), std::size_t(Count * 4));
        QCOMPARE(points->batchIds.size(), std::size_t(Count));
        CITYTWIN_COMPARE_NEAR(points->centre[0], 4000000.0, 1e-6);
        std::vector<int> seen(Count, 0);
        for (std::size_t p = 0; p < Count; ++p)
        {
            const int i = static_cast<int>(std::lround(points->positions[p * 3] / 0.1f));
            QVERIFY(i >= 0 && i < Count);
            ++seen[static_cast<std::size_t>(i)];
            CITYTWIN_COMPARE_NEAR(points->positions[p * 3 + 1], 0.2f * static_cast<float>(i), 1e-3f);
            CITYTWIN_COMPARE_NEAR(points->positions[p * 3 + 2], 0.3f * static_cast<float>(i), 1e-3f);
            QCOMPARE(int(points->colors[p * 4]), 10 * i);
            QCOMPARE(int(points->colors[p * 4 + 1]), 255 - 10 * i);
            QCOMPARE(int(points->colors[p * 4 + 2]), i);
            QCOMPARE(int(points->colors[p * 4 + 3]), 255);
            QCOMPARE(points->batchIds[p], static_cast<std::uint32_t>(i % 4));
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
        QCOMPARE(points->batchTable.length, std::size_t(4));
        // The viewer's path: a point geometry with batch ids per point.
        const QString path = mFolder.filePath("cloud.pnts");
        writeFile(path, bytes);
        std::vector<std::string> warnings;
        auto node = scene::buildTileContentNode(path.toStdString(), data::identityMatrix(), warnings);
        QVERIFY2(node, node ? "" : node.error().message().c_str());
        GeometryCollector collector;
        node.value()->accept(collector);
        QCOMPARE(collector.geometries.size(), std::size_t(1));
        QCOMPARE(collector.geometries.front()->getVertexArray()->getNumElements(), static_cast<unsigned int>(Count));
        const auto* ids = dynamic_cast<const scene::BatchIds*>(collector.geometries.front()->getUserData());
        QVERIFY(ids);
        QVERIFY(ids->perVertex == points->batchIds);
    }

    void corruptDracoPointCloudIsNamed()
    {
        const QByteArray bytes =
            dracoPnts(20, [](std::string& draco) { std::fill(draco.begin() + 11, draco.end(), char(0xFF)); });
        auto points =
            data::parsePnts(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), "broken.pnts");
        verifyFailure(points, "broken.pnts", {"pnts", "Draco"});
    }

private:
    /// A pnts whose POSITION, RGB and BATCH_ID are Draco-compressed (3DTILES_draco_point_compression).
    static QByteArray dracoPnts(int count, const std::function<void(std::string&)>& corrupt)
    {
        draco::PointCloudBuilder builder;
        builder.Start(static_cast<draco::PointIndex::ValueType>(count));
        const int position = builder.AddAttribute(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32);
        const int color = builder.AddAttribute(draco::GeometryAttribute::COLOR, 3, draco::DT_UINT8);
        const int batch = builder.AddAttribute(draco::GeometryAttribute::GENERIC, 1, draco::DT_UINT16);
        for (int i = 0; i < count; ++i)
        {
            const draco::PointIndex point(static_cast<std::uint32_t>(i));
            const float xyz[3] = {0.1f * static_cast<float>(i), 0.2f * static_cast<float>(i),
                                  0.3f * static_cast<float>(i)};
            const std::uint8_t rgb[3] = {static_cast<std::uint8_t>(10 * i), static_cast<std::uint8_t>(255 - 10 * i),
                                         static_cast<std::uint8_t>(i)};
            const auto id = static_cast<std::uint16_t>(i % 4);
            builder.SetAttributeValueForPoint(position, point, xyz);
            builder.SetAttributeValueForPoint(color, point, rgb);
            builder.SetAttributeValueForPoint(batch, point, &id);
        }
        std::unique_ptr<draco::PointCloud> cloud = builder.Finalize(false);
        const auto draco = encodeDraco(cloud.get(), 16, corrupt);
        if (!draco)
            return {};
        const QJsonObject properties = dracoIds(*cloud, {{"POSITION", position}, {"RGB", color}, {"BATCH_ID", batch}});
        const QJsonObject table{
            {"POINTS_LENGTH", count},
            {"BATCH_LENGTH", 4},
            {"RTC_CENTER", QJsonArray{4000000.0, 0.0, 0.0}},
            {"extensions", QJsonObject{{"3DTILES_draco_point_compression",
                                        QJsonObject{{"properties", properties},
                                                    {"byteOffset", 0},
                                                    {"byteLength", static_cast<int>(draco->size())}}}}}};
        const QByteArray featureTable = padded(QJsonDocument(table).toJson(QJsonDocument::Compact), 8, ' ');
        const QByteArray featureBinary =
            padded(QByteArray(draco->data(), static_cast<qsizetype>(draco->size())), 8, '\0');
        const QByteArray batchTable = padded(QByteArrayLiteral(R"({"kind":["a","b","c","d"]})"), 8, ' ');
        QByteArray bytes("pnts");
        appendUint32(bytes, 1);
        appendUint32(bytes,
                     static_cast<std::uint32_t>(28 + featureTable.size() + featureBinary.size() + batchTable.size()));
        appendUint32(bytes, static_cast<std::uint32_t>(featureTable.size()));
        appendUint32(bytes, static_cast<std::uint32_t>(featureBinary.size()));
        appendUint32(bytes, static_cast<std::uint32_t>(batchTable.size()));
        appendUint32(bytes, 0);
        return bytes + featureTable + featureBinary + batchTable;
    }

    QTemporaryDir mFolder;
};

QTEST_GUILESS_MAIN(TestGltfCompressed)
#include "test_gltf_compressed.moc"
