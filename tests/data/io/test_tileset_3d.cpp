#include "common/compare.hpp"
#include "common/required_data.hpp"

#include "data/io/source_info.hpp"
#include "data/io/tile_content.hpp"
#include "data/io/tileset_3d.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace citytwin;

namespace
{
const QString SampleFolder = QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/3dtiles-cesium-requestvolume-city");

// The sample's root region is [-1.3197209591796106, 0.6988424218, -1.3196390408203893, 0.6989055782, 0, 20]
// (radians, metres). Its centre, 40.042530611426 N 75.612094307824 W at 10 m, in EPSG:4548 with
//   echo "40.042530611426 -75.612094307824 10" | cs2cs -f %.4f EPSG:4979 EPSG:4548
// (PROJ 9.1.1; EPSG:4548 prints northing first): 15492682.5049 1577789.7718. The sample lies 167 degrees west of
// the projection's central meridian (117 E), far outside its area of use, but the numbers are PROJ's all the same.
constexpr double CentreEasting = 1577789.7718;
constexpr double CentreNorthing = 15492682.5049;

/// Pads a table to a multiple of 8 bytes with spaces, as the 3D Tiles specification asks.
std::string padded(std::string text)
{
    while (text.size() % 8 != 0)
        text += ' ';
    return text;
}

void appendUint32(std::string& bytes, std::uint32_t value)
{
    bytes.append(reinterpret_cast<const char*>(&value), sizeof(value));
}

template <typename T> std::string binaryOf(const std::vector<T>& values)
{
    std::string bytes(values.size() * sizeof(T), '\0');
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

/// Writes a b3dm / pnts (28-byte header) or i3dm (32 bytes, gltfFormat 1) tile.
std::string tileBytes(const std::string& magic, const std::string& featureJson, const std::string& featureBinary,
                      const std::string& batchJson, const std::string& body)
{
    const std::string featureTable = padded(featureJson);
    const std::string batchTable = batchJson.empty() ? std::string() : padded(batchJson);
    const std::string binary = featureBinary + std::string((8 - featureBinary.size() % 8) % 8, '\0');
    const std::size_t header = magic == "i3dm" ? 32 : 28;
    std::string bytes = magic;
    appendUint32(bytes, 1);
    appendUint32(bytes, static_cast<std::uint32_t>(header + featureTable.size() + binary.size() + batchTable.size() +
                                                   body.size()));
    appendUint32(bytes, static_cast<std::uint32_t>(featureTable.size()));
    appendUint32(bytes, static_cast<std::uint32_t>(binary.size()));
    appendUint32(bytes, static_cast<std::uint32_t>(batchTable.size()));
    appendUint32(bytes, 0);
    if (magic == "i3dm")
        appendUint32(bytes, 1);
    return bytes + featureTable + binary + batchTable + body;
}

void writeFile(const QString& path, const std::string& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes.data(), static_cast<qint64>(bytes.size()));
}
} // namespace

/// 3D Tiles: tileset.json trees, tile formats (b3dm, pnts, i3dm, cmpt), placement in EPSG:4548 and broken files.
class TestTileset3d : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSampleTileset()
    {
        CITYTWIN_REQUIRE_DATA(QFileInfo::exists(SampleFolder), "../shared/data/3dtiles-cesium-requestvolume-city");
        // The folder finds its tileset.json.
        auto tileset = data::readTileset3d(SampleFolder.toStdString());
        QVERIFY2(tileset, tileset ? "" : tileset.error().message().c_str());
        QCOMPARE(tileset->version, std::string("1.0"));
        QCOMPARE(tileset->geometricError, 70.0);
        // A root with four leaves (ll, lr, ur, ul), each a b3dm; ADD refinement inherited from the root.
        QCOMPARE(tileset->tiles.size(), std::size_t(5));
        QCOMPARE(tileset->tiles[0].children.size(), std::size_t(4));
        QCOMPARE(tileset->tiles[0].boundingVolume.kind, data::BoundingVolume3d::Kind::Region);
        QCOMPARE(tileset->tiles[0].contentKind, data::TileContentKind::None);
        for (std::size_t i = 1; i < 5; ++i)
        {
            QCOMPARE(tileset->tiles[i].contentKind, data::TileContentKind::B3dm);
            QCOMPARE(tileset->tiles[i].refine, data::TileRefine::Add);
            QCOMPARE(tileset->tiles[i].geometricError, 0.0);
            QVERIFY(QFileInfo::exists(QString::fromStdString(tileset->tiles[i].contentPath)));
        }
        QVERIFY(tileset->tiles[1].contentPath.ends_with("ll.b3dm"));
    }

    void placesTheRootInTheProjectCrs()
    {
        CITYTWIN_REQUIRE_DATA(QFileInfo::exists(SampleFolder), "../shared/data/3dtiles-cesium-requestvolume-city");
        auto tileset = data::readTileset3d(SampleFolder.toStdString());
        QVERIFY(tileset);
        const auto& v = tileset->tiles[0].boundingVolume.values;
        const auto centre = data::geodeticToEcef((v[0] + v[2]) / 2.0, (v[1] + v[3]) / 2.0, (v[4] + v[5]) / 2.0);
        auto placement = data::placeTileset3d(centre, "EPSG:4548", tileset->path);
        QVERIFY2(placement, placement ? "" : placement.error().message().c_str());
        const auto projected = data::transformPoint(placement->projectFromEcef, centre);
        CITYTWIN_COMPARE_NEAR(projected[0], CentreEasting, 1.0);
        CITYTWIN_COMPARE_NEAR(projected[1], CentreNorthing, 1.0);
        CITYTWIN_COMPARE_NEAR(projected[2], 10.0, 0.01);
        // Rigid: 100 m up stays 100 m up, and ECEF <-> geodetic round-trips to well below a millimetre.
        const auto above = data::geodeticToEcef((v[0] + v[2]) / 2.0, (v[1] + v[3]) / 2.0, 110.0);
        CITYTWIN_COMPARE_NEAR(data::transformPoint(placement->projectFromEcef, above)[2], 110.0, 0.01);
        const auto back = data::ecefToGeodetic(centre);
        CITYTWIN_COMPARE_NEAR(back[0], (v[0] + v[2]) / 2.0, 1e-10);
        CITYTWIN_COMPARE_NEAR(back[1], (v[1] + v[3]) / 2.0, 1e-10);
        CITYTWIN_COMPARE_NEAR(back[2], 10.0, 1e-3);
    }

    void summarizesForInfo()
    {
        CITYTWIN_REQUIRE_DATA(QFileInfo::exists(SampleFolder), "../shared/data/3dtiles-cesium-requestvolume-city");
        auto info = data::inspectSource((SampleFolder + "/tileset.json").toStdString(), "EPSG:4548");
        QVERIFY2(info, info ? "" : info.error().message().c_str());
        QVERIFY(info->tileset);
        QCOMPARE(info->driver, std::string("3D Tiles"));
        QCOMPARE(info->tileset->version, std::string("1.0"));
        QCOMPARE(info->tileset->tileCount, 5);
        QCOMPARE(info->tileset->contentKinds.at("b3dm"), 4);
        QCOMPARE(info->tileset->geometricError, 70.0);
        QVERIFY(info->tileset->origin.starts_with("region [-1.31972095918"));
        // The region's corners in EPSG:4548 surround the centre; Pennsylvania is outside the CRS's area of use.
        const data::Extent& extent = info->tileset->projectExtent;
        QVERIFY(extent.isValid());
        QVERIFY(extent.minX < CentreEasting && CentreEasting < extent.maxX);
        QVERIFY(extent.minY < CentreNorthing && CentreNorthing < extent.maxY);
        QVERIFY(info->tileset->outsideProjectArea);
        // The folder is recognised too.
        auto folder = data::inspectSource(SampleFolder.toStdString(), "EPSG:4548");
        QVERIFY(folder && folder->tileset && folder->tileset->tileCount == 5);
    }

    void parsesTheSampleB3dm()
    {
        CITYTWIN_REQUIRE_DATA(QFileInfo::exists(SampleFolder), "../shared/data/3dtiles-cesium-requestvolume-city");
        const std::string path = (SampleFolder + "/ll.b3dm").toStdString();
        auto bytes = data::readContentFile(path);
        QVERIFY(bytes);
        QCOMPARE(data::contentKindFromMagic(bytes.value()), data::TileContentKind::B3dm);
        auto content = data::parseB3dm(bytes.value(), path);
        QVERIFY2(content, content ? "" : content.error().message().c_str());
        QVERIFY(content->rtcCenter);
        CITYTWIN_COMPARE_NEAR((*content->rtcCenter)[0], 1214914.5525041146, 1e-6);
        QCOMPARE(content->glb.substr(0, 4), std::string("glTF"));
        // Ten buildings: id, Longitude, Latitude, Height per batch id, in the file's order.
        QCOMPARE(content->batchTable.length, std::size_t(10));
        const auto attributes = content->batchTable.attributes(3);
        QCOMPARE(attributes.size(), std::size_t(4));
        QCOMPARE(attributes[0].first, std::string("id"));
        QCOMPARE(attributes[0].second, std::string("3"));
        QCOMPARE(attributes[3].first, std::string("Height"));
        QCOMPARE(std::stod(attributes[3].second), 8.181250356137753);
        QVERIFY(content->batchTable.attributes(10).empty());
    }

    void parsesPointsWithRtcCentreAndRgb()
    {
        QTemporaryDir folder;
        // Three points 1, 2 and 3 m east of an RTC centre, red, green and blue, with a batch table per point.
        const std::vector<float> positions{1, 0, 0, 2, 0, 0, 3, 0, 0};
        const std::vector<std::uint8_t> colors{255, 0, 0, 0, 255, 0, 0, 0, 255};
        const std::string binary = binaryOf(positions) + binaryOf(colors);
        const std::string bytes = tileBytes(
            "pnts",
            R"({"POINTS_LENGTH":3,"RTC_CENTER":[1215000,-4736000,4081000],"POSITION":{"byteOffset":0},"RGB":{"byteOffset":36}})",
            binary, R"({"kind":["a","b","c"]})", "");
        const std::string path = folder.filePath("points.pnts").toStdString();
        auto points = data::parsePnts(bytes, path);
        QVERIFY2(points, points ? "" : points.error().message().c_str());
        QCOMPARE(points->pointCount, std::size_t(3));
        QCOMPARE(points->centre[0], 1215000.0);
        QCOMPARE(points->centre[2], 4081000.0);
        QCOMPARE(points->positions[6], 3.0f);
        QCOMPARE(points->colors.size(), std::size_t(12));
        QCOMPARE(int(points->colors[5]), 255); // green of the second point
        QCOMPARE(int(points->colors[7]), 255); // opaque
        QCOMPARE(points->batchTable.attributes(2).front().second, std::string("c"));

        // Quantized positions: offset + q / 65535 * scale.
        const std::vector<std::uint16_t> quantized{0, 0, 0, 65535, 65535, 65535};
        const std::string quantizedTile = tileBytes(
            "pnts",
            R"({"POINTS_LENGTH":2,"POSITION_QUANTIZED":{"byteOffset":0},"QUANTIZED_VOLUME_OFFSET":[10,20,30],)"
            R"("QUANTIZED_VOLUME_SCALE":[2,4,8]})",
            binaryOf(quantized), "", "");
        auto decoded = data::parsePnts(quantizedTile, path);
        QVERIFY2(decoded, decoded ? "" : decoded.error().message().c_str());
        QCOMPARE(decoded->centre[1], 20.0);
        QCOMPARE(decoded->positions[5], 8.0f);
        QVERIFY(decoded->colors.empty());
    }

    void parsesInstances()
    {
        // Two instances of an (empty) embedded glb: at x = 5 with scale 2, at x = -5 turned 90 degrees about z.
        const std::vector<float> positions{5, 0, 0, -5, 0, 0};
        const std::vector<float> ups{0, 1, 0, -1, 0, 0};
        const std::vector<float> rights{1, 0, 0, 0, 1, 0};
        const std::vector<float> scales{2, 1};
        const std::string binary = binaryOf(positions) + binaryOf(ups) + binaryOf(rights) + binaryOf(scales);
        std::string glb = "glTF";
        appendUint32(glb, 2);
        appendUint32(glb, 12);
        const std::string bytes = tileBytes(
            "i3dm",
            R"({"INSTANCES_LENGTH":2,"POSITION":{"byteOffset":0},"NORMAL_UP":{"byteOffset":24},)"
            R"("NORMAL_RIGHT":{"byteOffset":48},"SCALE":{"byteOffset":72}})",
            binary, R"({"name":["first","second"]})", glb);
        auto content = data::parseI3dm(bytes, "trees.i3dm");
        QVERIFY2(content, content ? "" : content.error().message().c_str());
        QCOMPARE(content->instances.size(), std::size_t(2));
        QCOMPARE(content->glb.substr(0, 4), std::string("glTF"));
        const auto first = data::transformPoint(content->instances[0], {1.0, 0.0, 0.0});
        QCOMPARE(first[0], 7.0); // 5 + 2 * 1
        // The second: right = +y, up = -x; its model x axis points along +y.
        const auto second = data::transformPoint(content->instances[1], {1.0, 0.0, 0.0});
        QCOMPARE(second[0], -5.0);
        QCOMPARE(second[1], 1.0);
        QCOMPARE(content->batchTable.attributes(1).front().second, std::string("second"));
    }

    void accumulatesTransformsThroughExternalTilesets()
    {
        QTemporaryDir folder;
        // The root moves by +100 m in x; its child names an external tileset whose root moves by +10 m more.
        const std::string root = R"({"asset":{"version":"1.1"},"geometricError":50,"root":{"transform":)"
                                 R"([1,0,0,0,0,1,0,0,0,0,1,0,100,0,0,1],"boundingVolume":{"sphere":[0,0,0,50]},)"
                                 R"("geometricError":50,"refine":"REPLACE","children":[{"boundingVolume":)"
                                 R"({"sphere":[0,0,0,10]},"geometricError":5,"content":{"uri":"sub/external.json"}}]}})";
        const std::string external =
            R"({"asset":{"version":"1.1"},"geometricError":5,"root":{"transform":[1,0,0,0,0,1,0,0,0,0,1,0,10,0,0,1],)"
            R"("boundingVolume":{"box":[0,0,0,1,0,0,0,1,0,0,0,1]},"geometricError":0,"content":{"uri":"a.glb"}}})";
        QVERIFY(QDir(folder.path()).mkpath("sub"));
        writeFile(folder.filePath("tileset.json"), root);
        writeFile(folder.filePath("sub/external.json"), external);
        auto tileset = data::readTileset3d(folder.path().toStdString());
        QVERIFY2(tileset, tileset ? "" : tileset.error().message().c_str());
        QCOMPARE(tileset->version, std::string("1.1"));
        QCOMPARE(tileset->tiles[1].contentKind, data::TileContentKind::Tileset);
        auto sub = data::readTileset3d(tileset->tiles[1].contentPath, tileset->tiles[1].transform,
                                       tileset->tiles[1].refine);
        QVERIFY2(sub, sub ? "" : sub.error().message().c_str());
        QCOMPARE(sub->tiles[0].transform[12], 110.0);
        QCOMPARE(sub->tiles[0].refine, data::TileRefine::Replace);
        QCOMPARE(sub->tiles[0].contentKind, data::TileContentKind::Glb);
        const data::Sphere3d sphere = data::boundingSphereEcef(sub->tiles[0].boundingVolume, sub->tiles[0].transform);
        QCOMPARE(sphere.centre[0], 110.0);
        CITYTWIN_COMPARE_NEAR(sphere.radius, std::sqrt(3.0), 1e-9);
        // info counts both files' tiles and names the external tileset among the contents.
        auto summary = data::summarizeTileset3d(folder.path().toStdString(), "EPSG:4548");
        QVERIFY(summary);
        QCOMPARE(summary->tileCount, 3);
        QCOMPARE(summary->tilesetFiles, 2);
        QCOMPARE(summary->contentKinds.at("tileset"), 1);
        QCOMPARE(summary->contentKinds.at("glb"), 1);
    }

    void brokenFilesGiveClearErrors()
    {
        QTemporaryDir folder;
        // Bad JSON: named, and said to be JSON that does not parse.
        const QString badJson = folder.filePath("tileset.json");
        writeFile(badJson, R"({"asset":{"version":"1.0"},"root":{)");
        auto bad = data::readTileset3d(badJson.toStdString());
        QVERIFY(!bad);
        QCOMPARE(bad.error().path, badJson.toStdString());
        QVERIFY(bad.error().detail.find("not valid JSON") != std::string::npos);
        // A tile without a bounding volume.
        writeFile(badJson, R"({"asset":{"version":"1.0"},"root":{"geometricError":1}})");
        bad = data::readTileset3d(badJson.toStdString());
        QVERIFY(!bad);
        QVERIFY(bad.error().detail.find("bounding volume") != std::string::npos);
        // A truncated b3dm: the header's length against the file's.
        const std::string whole = tileBytes("b3dm", R"({"BATCH_LENGTH":0})", "", "", std::string(64, 'x'));
        auto truncated = data::parseB3dm(whole.substr(0, 60), "cut.b3dm");
        QVERIFY(!truncated);
        QCOMPARE(truncated.error().path, std::string("cut.b3dm"));
        QVERIFY(truncated.error().detail.find("truncated") != std::string::npos);
        // Shorter than a header.
        QVERIFY(!data::parseB3dm("b3dm", "tiny.b3dm"));
        // A b3dm whose body is no glb.
        auto noGlb = data::parseB3dm(whole, "noglb.b3dm");
        QVERIFY(!noGlb);
        QVERIFY(noGlb.error().detail.find("glTF") != std::string::npos);
        // A bad feature table.
        auto badTable = data::parseB3dm(tileBytes("b3dm", "{nope", "", "", "glTF0000"), "table.b3dm");
        QVERIFY(!badTable);
        QVERIFY(badTable.error().detail.find("not valid JSON") != std::string::npos);
        // Unknown magic, and a missing content file.
        QCOMPARE(data::contentKindFromMagic("vctr...."), data::TileContentKind::Unknown);
        auto missing = data::readContentFile(folder.filePath("gone.b3dm").toStdString());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, data::ErrorCode::FileNotFound);
        QVERIFY(missing.error().path.ends_with("gone.b3dm"));
        // A pnts without positions.
        auto noPositions = data::parsePnts(tileBytes("pnts", R"({"POINTS_LENGTH":5})", "", "", ""), "p.pnts");
        QVERIFY(!noPositions);
        QVERIFY(noPositions.error().detail.find("POSITION") != std::string::npos);
        // Garbage of every length never crashes the parsers.
        const std::string sample = tileBytes("i3dm", R"({"INSTANCES_LENGTH":1,"POSITION":[0,0,0]})", "", "", "glTF");
        for (std::size_t length = 0; length < sample.size(); ++length)
        {
            (void)data::parseI3dm(sample.substr(0, length), "g.i3dm");
            (void)data::parsePnts(sample.substr(0, length), "g.pnts");
            (void)data::splitCmpt(sample.substr(0, length), "g.cmpt");
        }
    }

    void implicitTilingIsReportedAsNotSupported()
    {
        const std::string json = R"({"asset":{"version":"1.1"},"geometricError":10,"root":{"boundingVolume":)"
                                 R"({"sphere":[0,0,0,1]},"geometricError":10,"content":{"uri":"c/{level}/{x}/{y}.glb"},)"
                                 R"("implicitTiling":{"subdivisionScheme":"QUADTREE","subtreeLevels":2,)"
                                 R"("availableLevels":3,"subtrees":{"uri":"s/{level}/{x}/{y}.subtree"}}}})";
        auto tileset = data::parseTileset3d(json, "/tmp/implicit/tileset.json");
        QVERIFY(tileset);
        QCOMPARE(tileset->tiles[0].contentKind, data::TileContentKind::None);
        QCOMPARE(tileset->warnings.size(), std::size_t(1));
        QVERIFY(tileset->warnings[0].find("implicit tiling") != std::string::npos);
        QVERIFY(tileset->warnings[0].find("not supported yet") != std::string::npos);
    }

    void dracoPointCompressionIsARequiredExtensionThatIsRead()
    {
        // Draco point clouds are decoded now (test_gltf_compressed); an extension still unknown is named.
        const std::string json = R"({"asset":{"version":"1.0"},"geometricError":10,)"
                                 R"("extensionsUsed":["3DTILES_draco_point_compression","3DTILES_bounding_volume_S2"],)"
                                 R"("extensionsRequired":["3DTILES_draco_point_compression","3DTILES_bounding_volume_S2"],)"
                                 R"("root":{"boundingVolume":{"sphere":[0,0,0,1]},"geometricError":0}})";
        auto tileset = data::parseTileset3d(json, "/tmp/draco/tileset.json");
        QVERIFY(tileset);
        QCOMPARE(tileset->warnings.size(), std::size_t(1));
        QVERIFY2(tileset->warnings[0].find("3DTILES_bounding_volume_S2") != std::string::npos,
                 tileset->warnings[0].c_str());
    }
};

QTEST_GUILESS_MAIN(TestTileset3d)
#include "test_tileset_3d.moc"
