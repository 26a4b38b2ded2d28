#include "common/compare.hpp"
#include "common/mixed_geopackage.hpp"

#include "data/io/vector_source.hpp"

#include "common/required_data.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCryptographicHash>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace citytwin;
namespace mixed = citytwin::test::mixed;

namespace
{
QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

const data::VectorLayer* findLayer(const std::vector<data::VectorLayer>& layers, const std::string& name)
{
    const auto found = std::find_if(layers.begin(), layers.end(), [&](const auto& l) { return l.name == name; });
    return found == layers.end() ? nullptr : &*found;
}

std::string fieldValue(const data::VectorLayer& layer, const data::Feature& feature, const std::string& field)
{
    const auto found = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field);
    return found == layer.fieldNames.end() ? std::string() : feature.values.at(found - layer.fieldNames.begin());
}

bool hasWarning(const data::VectorLayer& layer, data::LayerWarning::Kind kind)
{
    return std::any_of(layer.warnings.begin(), layer.warnings.end(), [&](const auto& w) { return w.kind == kind; });
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// 118.18 E, 39.63 N (WGS 84) in EPSG:4548, by PROJ: `echo "39.63 118.18" | cs2cs EPSG:4326 EPSG:4548`.
constexpr double ReferenceX = 601307.8485;
constexpr double ReferenceY = 4389112.9713;
constexpr double ReferenceLon = 118.18;
constexpr double ReferenceLat = 39.63;

/// WGS 84 to GCJ-02 by the published formula (Krasovsky ellipsoid offsets), written here apart from the
/// program's own, so a GCJ-02 file's placement is checked against an independent computation.
std::pair<double, double> toGcj02(double lon, double lat)
{
    constexpr double pi = std::numbers::pi;
    constexpr double a = 6378245.0;
    constexpr double ee = 0.00669342162296594323;
    const double x = lon - 105.0, y = lat - 35.0;
    const double waves = (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x)) + waves +
                  (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0 +
                  (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x)) + waves +
                  (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0 +
                  (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    const double radLat = lat / 180.0 * pi;
    const double magic = 1.0 - ee * std::sin(radLat) * std::sin(radLat);
    dLat = dLat * 180.0 / ((a * (1.0 - ee)) / (magic * std::sqrt(magic)) * pi);
    dLon = dLon * 180.0 / (a / std::sqrt(magic) * std::cos(radLat) * pi);
    return {lon + dLon, lat + dLat};
}

/// A DataV-style feature (adcode, center, centroid) at a point, as GeoJSON text.
QByteArray dataVFeature(double lon, double lat)
{
    return QStringLiteral(R"({"type":"Feature","properties":{"adcode":130203,"name":"路北区","center":[%1,%2],)"
                          R"("centroid":[%1,%2],"level":"district"},"geometry":{"type":"Point","coordinates":[%1,%2]}})")
        .arg(lon, 0, 'f', 9)
        .arg(lat, 0, 'f', 9)
        .toUtf8();
}

/// Writes a spreadsheet (XLSX or ODS) through GDAL: one sheet with the header and rows given.
bool writeSheet(const QString& path, const char* driverName, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    GDALDataset* dataset = driver ? driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!dataset)
        return false;
    OGRLayer* sheet = dataset->CreateLayer("points", nullptr, wkbNone, nullptr);
    for (std::size_t i = 0; i < header.size(); ++i)
    {
        OGRFieldDefn field(header[i].c_str(), i == 0 ? OFTInteger : OFTReal);
        sheet->CreateField(&field);
    }
    for (const auto& row : rows)
    {
        OGRFeature feature(sheet->GetLayerDefn());
        for (std::size_t i = 0; i < row.size(); ++i)
            feature.SetField(static_cast<int>(i), row[i].c_str());
        sheet->CreateFeature(&feature);
    }
    GDALClose(dataset);
    return true;
}
} // namespace

class TestVectorSource : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mFixture.ok());
        mGpkg = mFixture.path();
    }

    void readsPolygonsLinesAndPoints()
    {
        auto layers = data::readVectorSource(mGpkg.toStdString());
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        QCOMPARE(layers->size(), std::size_t(3));

        const auto* footprints = findLayer(*layers, "footprints");
        const auto* roads = findLayer(*layers, "roads");
        const auto* stations = findLayer(*layers, "stations");
        QVERIFY(footprints && roads && stations);
        QCOMPARE(footprints->kind, data::GeometryKind::Polygon);
        QCOMPARE(roads->kind, data::GeometryKind::Line);
        QCOMPARE(stations->kind, data::GeometryKind::Point);
        QCOMPARE(footprints->features.size(), std::size_t(3));
        QCOMPARE(roads->features.size(), std::size_t(2));
        QCOMPARE(stations->features.size(), std::size_t(1));
        QCOMPARE(footprints->sourceCrs, std::string("EPSG:4548"));
        QCOMPARE(stations->sourceCrs, std::string("EPSG:4326"));
    }

    void heightsComeFromHeightOrFloors()
    {
        auto layers =
            data::readVectorSource(mGpkg.toStdString(), {.projectCrs = "EPSG:4548", .layerName = "footprints"});
        QVERIFY(layers.ok());
        const auto& features = layers->front().features;
        QVERIFY(features[0].height.has_value());
        QCOMPARE(*features[0].height, mixed::FootprintAHeight);
        QVERIFY(features[1].height.has_value());
        QCOMPARE(*features[1].height, mixed::FootprintBFloors * 3.0);
        QVERIFY(!features[2].height.has_value());
    }

    void projectCrsCoordinatesStayExact()
    {
        auto layers =
            data::readVectorSource(mGpkg.toStdString(), {.projectCrs = "EPSG:4548", .layerName = "footprints"});
        QVERIFY(layers.ok());
        const data::Polygon& polygon = layers->front().features[0].polygons.at(0);
        QCOMPARE(polygon.rings.size(), std::size_t(1));
        QCOMPARE(polygon.rings[0].size(), std::size_t(4)); // closing point dropped
        QCOMPARE(polygon.rings[0][0].x, mixed::FootprintAMinX);
        QCOMPARE(polygon.rings[0][0].y, mixed::FootprintAMinY);
        QCOMPARE(layers->front().extent.minX, mixed::FootprintAMinX);
        QCOMPARE(layers->front().extent.maxY, mixed::ParcelCMinY + mixed::ParcelCSize);
    }

    void geographicCoordinatesAreTransformed()
    {
        auto layers = data::readVectorSource(mGpkg.toStdString(), {.projectCrs = "EPSG:4548", .layerName = "stations"});
        QVERIFY(layers.ok());
        const data::Position& p = layers->front().features.at(0).points.at(0);
        CITYTWIN_COMPARE_NEAR(p.x, mixed::StationEasting, 1e-3);
        CITYTWIN_COMPARE_NEAR(p.y, mixed::StationNorthing, 1e-3);
    }

    void chineseAttributesSurvive()
    {
        auto layers = data::readVectorSource(mGpkg.toStdString());
        QVERIFY(layers.ok());
        const auto* footprints = findLayer(*layers, "footprints");
        QCOMPARE(QString::fromStdString(fieldValue(*footprints, footprints->features[1], "name")),
                 QStringLiteral("路北区党群服务中心"));
        const auto* stations = findLayer(*layers, "stations");
        QCOMPARE(QString::fromStdString(fieldValue(*stations, stations->features[0], "name")),
                 QStringLiteral("日间照料站"));
    }

    void sourceIsNeverModified()
    {
        const QByteArray before = fileHash(mGpkg);
        QVERIFY(!before.isEmpty());
        QVERIFY(data::readVectorSource(mGpkg.toStdString()).ok());
        QCOMPARE(fileHash(mGpkg), before);
    }

    void missingFileNamesThePath()
    {
        const std::string path = mFixture.filePath(QStringLiteral("no-such-file.gpkg")).toStdString();
        auto layers = data::readVectorSource(path);
        QVERIFY(!layers.ok());
        QCOMPARE(layers.error().code, data::ErrorCode::FileNotFound);
        QCOMPARE(layers.error().path, path);
    }

    void corruptFileIsAnError()
    {
        const QString path = mFixture.filePath(QStringLiteral("corrupt.gpkg"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x5a'));
        file.close();
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY(!layers.ok());
        QCOMPARE(layers.error().code, data::ErrorCode::OpenFailed);
        QCOMPARE(layers.error().path, path.toStdString());
    }

    void rasterIsNotAVectorSource()
    {
        const QString path = mFixture.filePath(QStringLiteral("tiny.tif"));
        QVERIFY(test::writeTinyGeoTiff(path.toStdString()));
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY(!layers.ok());
        QCOMPARE(layers.error().code, data::ErrorCode::NotVector);
    }

    void unknownLayerNameIsAnError()
    {
        auto layers = data::readVectorSource(mGpkg.toStdString(), {.projectCrs = "EPSG:4548", .layerName = "nope"});
        QVERIFY(!layers.ok());
        QCOMPARE(layers.error().code, data::ErrorCode::NoFeatures);
    }

    void missingCrsIsGuessedLoudly()
    {
        const QString path = mFixture.filePath(QStringLiteral("nocrs.shp"));
        QVERIFY(test::writeShapefileWithoutCrs(path.toStdString()));
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY(layers.ok());
        const auto& layer = layers->front();
        QVERIFY(layer.sourceCrs.empty());
        QCOMPARE(layer.warnings.size(), std::size_t(1));
        QCOMPARE(layer.warnings[0].kind, data::LayerWarning::Kind::CrsGuessed);
        QCOMPARE(layer.warnings[0].value, std::string("EPSG:4326"));
        QVERIFY(layer.crsGuessed);
        CITYTWIN_COMPARE_NEAR(layer.features[0].points[0].x, mixed::StationEasting, 1e-3);
    }

    void pointTablesFindTheirCoordinateColumns()
    {
        // CSV and TSV point tables as districts hand them over: English and Chinese coordinate headers, a WKT column.
        // Each opens as points where the coordinates say (in the project CRS), its columns kept as fields.
        const std::pair<const char*, QByteArray> tables[] = {
            {"lonlat.csv", "id,lon,lat,name\n1,118.18,39.63,a\n2,118.19,39.64,b\n"},
            {"chinese.csv", "编号,经度,纬度,名称\n1,118.18,39.63,甲\n2,118.19,39.64,乙\n"},
            {"tabbed.tsv", "id\tlng\tlatitude\n1\t118.18\t39.63\n2\t118.19\t39.64\n"},
            {"wkt.csv", "id,WKT\n1,\"POINT (118.18 39.63)\"\n2,\"POINT (118.19 39.64)\"\n"},
        };
        std::optional<data::Position> first;
        for (const auto& [name, text] : tables)
        {
            const QString path = mFixture.filePath(QString::fromLatin1(name));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
            file.close();
            auto layers = data::readVectorSource(path.toStdString());
            QVERIFY2(layers.ok(), layers.ok() ? name : layers.error().message().c_str());
            const data::VectorLayer& layer = layers->front();
            QCOMPARE(layer.features.size(), std::size_t(2));
            QVERIFY2(layer.kind == data::GeometryKind::Point, name);
            QCOMPARE(layer.features[0].points.size(), std::size_t(1));
            // Degrees, no CRS declared: taken as EPSG:4326 (a warning says so) and brought into EPSG:4548.
            QVERIFY(layer.crsGuessed);
            const data::Position point = layer.features[0].points[0];
            QVERIFY2(point.x > 400000.0 && point.x < 700000.0 && point.y > 4300000.0 && point.y < 4500000.0, name);
            if (first)
            {
                CITYTWIN_COMPARE_NEAR(point.x, first->x, 1e-6);
                CITYTWIN_COMPARE_NEAR(point.y, first->y, 1e-6);
            }
            first = point;
        }
    }

    void bareArrayGcj02GeoJsonLandsWhereItShould()
    {
        // A Chinese portal's GeoJSON: a bare array of DataV features, no CRS, GCJ-02 coordinates. It opens (read as a
        // FeatureCollection, said), is taken as GCJ-02 (a guess the user confirms) and lands within 1 m of PROJ's
        // placement of the true WGS 84 point; adcode, center and centroid stay fields.
        const auto [gcjLon, gcjLat] = toGcj02(ReferenceLon, ReferenceLat);
        const QString path = mFixture.filePath(QStringLiteral("bare.json"));
        QVERIFY(writeBytes(path, "[" + dataVFeature(gcjLon, gcjLat) + "]"));
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        const data::VectorLayer& layer = layers->front();
        QCOMPARE(layer.name, std::string("bare"));
        QVERIFY(hasWarning(layer, data::LayerWarning::Kind::ReadAsCollection));
        QVERIFY(hasWarning(layer, data::LayerWarning::Kind::DataVAsGcj02));
        QVERIFY(layer.crsGuessed);
        QCOMPARE(layer.effectiveCrs, std::string("gcj02"));
        QCOMPARE(layer.features.size(), std::size_t(1));
        const data::Position point = layer.features[0].points.at(0);
        CITYTWIN_COMPARE_NEAR(point.x, ReferenceX, 1.0);
        CITYTWIN_COMPARE_NEAR(point.y, ReferenceY, 1.0);
        QCOMPARE(fieldValue(layer, layer.features[0], "adcode"), std::string("130203"));
        QCOMPARE(QString::fromStdString(fieldValue(layer, layer.features[0], "name")), QStringLiteral("路北区"));
        QVERIFY(!fieldValue(layer, layer.features[0], "center").empty());
        QVERIFY(!fieldValue(layer, layer.features[0], "centroid").empty());
        // Declared by the user, the file's coordinates are taken as they say, and no guess is reported.
        auto declared = data::readVectorSource(path.toStdString(), {.sourceCrs = "EPSG:4326"});
        QVERIFY(declared.ok());
        QVERIFY(!declared->front().crsGuessed);
        QVERIFY(!hasWarning(declared->front(), data::LayerWarning::Kind::DataVAsGcj02));
    }

    void bomAndGbkGeoJsonAreRead()
    {
        // The same FeatureCollection with a UTF-8 byte-order mark, and encoded in GBK: the Chinese name reads back.
        const QByteArray collection = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":)"
                                      R"("urn:ogc:def:crs:EPSG::4326"}},"features":[)" +
                                      dataVFeature(ReferenceLon, ReferenceLat) + "]}";
        const QString bom = mFixture.filePath(QStringLiteral("bom.geojson"));
        QVERIFY(writeBytes(bom, "\xEF\xBB\xBF" + collection));
        QStringDecoder fromUtf8(QStringDecoder::Utf8);
        const QString text = fromUtf8(collection);
        QStringEncoder toGbk("GB18030");
        QVERIFY(toGbk.isValid());
        const QString gbk = mFixture.filePath(QStringLiteral("gbk.geojson"));
        QVERIFY(writeBytes(gbk, toGbk(text)));
        for (const QString& path : {bom, gbk})
        {
            auto layers = data::readVectorSource(path.toStdString());
            QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
            const data::VectorLayer& layer = layers->front();
            QCOMPARE(QString::fromStdString(fieldValue(layer, layer.features.at(0), "name")), QStringLiteral("路北区"));
            QCOMPARE(layer.effectiveCrs, std::string("EPSG:4326"));
            QVERIFY(!layer.crsGuessed);
            CITYTWIN_COMPARE_NEAR(layer.features[0].points.at(0).x, ReferenceX, 1.0);
            CITYTWIN_COMPARE_NEAR(layer.features[0].points.at(0).y, ReferenceY, 1.0);
            QCOMPARE(hasWarning(layer, data::LayerWarning::Kind::DecodedAsGbk), path == gbk);
        }
    }

    void crsNamesInWordsAreUnderstood()
    {
        // "crs" members as portals write them: names GDAL ignores (it would read WGS 84 without a word).
        const std::pair<QByteArray, std::string> cases[] = {
            {R"({"type":"name","properties":{"name":"CGCS2000"}})", "EPSG:4490"},
            {R"({"type":"name","properties":{"name":"GCJ02"}})", "gcj02"},
            {R"({"type":"name","properties":{"name":"BD-09"}})", "bd09"},
            {R"({"type":"EPSG","properties":{"code":4490}})", "EPSG:4490"},
            {R"({"type":"name","properties":{"name":"EPSG4490"}})", "EPSG:4490"},
            {R"("国家2000")", "EPSG:4490"},
        };
        int n = 0;
        for (const auto& [crs, expected] : cases)
        {
            const QString path = mFixture.filePath(QStringLiteral("crs%1.geojson").arg(++n));
            QVERIFY(writeBytes(path, R"({"type":"FeatureCollection","crs":)" + crs + R"(,"features":[)" +
                                         dataVFeature(ReferenceLon, ReferenceLat) + "]}"));
            auto layers = data::readVectorSource(path.toStdString());
            QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
            QCOMPARE(layers->front().effectiveCrs, expected);
            QVERIFY(!layers->front().crsGuessed);
            // GDAL reads the 2008 specification's EPSG form itself; the names in words are ours, and said.
            if (!crs.contains("\"EPSG\""))
                QVERIFY(hasWarning(layers->front(), data::LayerWarning::Kind::CrsFromName));
        }
        const QString unknown = mFixture.filePath(QStringLiteral("crs-unknown.geojson"));
        QVERIFY(writeBytes(unknown, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":)"
                                    R"("my-own-grid"}},"features":[)" +
                                        dataVFeature(ReferenceLon, ReferenceLat) + "]}"));
        auto layers = data::readVectorSource(unknown.toStdString());
        QVERIFY(layers.ok());
        QVERIFY(hasWarning(layers->front(), data::LayerWarning::Kind::CrsNotRecognised));
    }

    void spreadsheetsOpenAsPoints()
    {
        // XLSX and ODS with Chinese and English headers and an id column: points where the columns say.
        const std::vector<std::vector<std::string>> rows = {{"1", "118.18", "39.63"}, {"2", "118.19", "39.64"}};
        const std::pair<QString, const char*> sheets[] = {{QStringLiteral("chinese.xlsx"), "XLSX"},
                                                          {QStringLiteral("english.ods"), "ODS"}};
        for (const auto& [name, driver] : sheets)
        {
            const QString path = mFixture.filePath(name);
            const bool chinese = name.startsWith(QLatin1String("chinese"));
            QVERIFY(writeSheet(path, driver,
                               chinese ? std::vector<std::string>{"编号", "经度", "纬度"}
                                       : std::vector<std::string>{"id", "Longitude", "Latitude"},
                               rows));
            auto layers = data::readVectorSource(path.toStdString());
            QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
            const data::VectorLayer& layer = layers->front();
            QCOMPARE(layer.kind, data::GeometryKind::Point);
            QCOMPARE(layer.features.size(), std::size_t(2));
            QVERIFY(hasWarning(layer, data::LayerWarning::Kind::PointsFromColumns));
            CITYTWIN_COMPARE_NEAR(layer.features[0].points.at(0).x, ReferenceX, 1.0);
            CITYTWIN_COMPARE_NEAR(layer.features[0].points.at(0).y, ReferenceY, 1.0);
            QCOMPARE(fieldValue(layer, layer.features[1], chinese ? "编号" : "id"), std::string("2"));
        }
    }

    void surveyOrderAndNamedColumns()
    {
        // A survey table (X north, Y east with the zone number, CGCS2000 zone 39) lands at its easting and northing.
        const QString survey = mFixture.filePath(QStringLiteral("survey.csv"));
        QVERIFY(writeBytes(survey, "点号,X,Y\nA,4389112.97,39601307.85\n"));
        auto layers = data::readVectorSource(survey.toStdString());
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        CITYTWIN_COMPARE_NEAR(layers->front().features.at(0).points.at(0).x, 601307.85, 0.01);
        CITYTWIN_COMPARE_NEAR(layers->front().features.at(0).points.at(0).y, 4389112.97, 0.01);

        // Columns the guess cannot know are named; a named column that is missing is an error naming it.
        const QString odd = mFixture.filePath(QStringLiteral("odd.csv"));
        QVERIFY(writeBytes(odd, "name,east_deg,north_deg\na,118.18,39.63\n"));
        auto plain = data::readVectorSource(odd.toStdString());
        QVERIFY(plain.ok());
        QCOMPARE(plain->front().kind, data::GeometryKind::None);
        QVERIFY(hasWarning(plain->front(), data::LayerWarning::Kind::NoGeometry));
        auto named = data::readVectorSource(odd.toStdString(), {.columns = {"east_deg", "north_deg", ""}});
        QVERIFY2(named.ok(), named.ok() ? "" : named.error().message().c_str());
        CITYTWIN_COMPARE_NEAR(named->front().features.at(0).points.at(0).x, ReferenceX, 1.0);
        auto missing = data::readVectorSource(odd.toStdString(), {.columns = {"lon_x", "north_deg", ""}});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message().find("lon_x") != std::string::npos, missing.error().message().c_str());
    }

    void gbkShapefileIsDetectedAndDecoded()
    {
        const QString path = mFixture.filePath(QStringLiteral("gbk.shp"));
        QVERIFY(test::writeGbkShapefile(path.toStdString()));
        QVERIFY(!QFile::exists(mFixture.filePath(QStringLiteral("gbk.cpg"))));
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        const auto& layer = layers->front();
        QCOMPARE(layer.encoding, std::string("GBK"));
        QCOMPARE(QString::fromStdString(layer.fieldNames.at(0)), QStringLiteral("名称"));
        QCOMPARE(QString::fromStdString(layer.features.at(0).values.at(0)), QStringLiteral("路北区"));
        QCOMPARE(QString::fromStdString(layer.features.at(0).values.at(1)), QStringLiteral("130203"));
        const bool said = std::any_of(layer.warnings.begin(), layer.warnings.end(),
                                      [](const auto& w) { return w.kind == data::LayerWarning::Kind::DecodedAsGbk; });
        QVERIFY(said);
    }

    void cpgIsHonoured()
    {
        // The same bytes with a .cpg that declares CP936: GDAL decodes them, no detection needed.
        const QString path = mFixture.filePath(QStringLiteral("gbkcpg.shp"));
        QVERIFY(test::writeGbkShapefile(path.toStdString()));
        QFile cpg(mFixture.filePath(QStringLiteral("gbkcpg.cpg")));
        QVERIFY(cpg.open(QIODevice::WriteOnly));
        cpg.write("CP936");
        cpg.close();
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY(layers.ok());
        QCOMPARE(layers->front().encoding, std::string("UTF-8"));
        QCOMPARE(QString::fromStdString(layers->front().features.at(0).values.at(0)), QStringLiteral("路北区"));
    }

    void declaredGcj02IsConvertedToTheProjectCrs()
    {
        // Tangshan shapefile-style data without CRS: declared GCJ-02, the point moves by the GCJ offset.
        const QString path = mFixture.filePath(QStringLiteral("gcj.shp"));
        QVERIFY(test::writeShapefileWithoutCrs(path.toStdString()));
        auto asWgs = data::readVectorSource(path.toStdString(), {.sourceCrs = "EPSG:4326"});
        auto asGcj = data::readVectorSource(path.toStdString(), {.sourceCrs = "gcj02"});
        QVERIFY(asWgs.ok() && asGcj.ok());
        QVERIFY(asGcj->front().warnings.empty());
        QCOMPARE(asGcj->front().effectiveCrs, std::string("gcj02"));
        const auto& w = asWgs->front().features[0].points[0];
        const auto& g = asGcj->front().features[0].points[0];
        const double shift = std::hypot(w.x - g.x, w.y - g.y);
        // Around Tangshan the GCJ-02 offset is a few hundred metres.
        QVERIFY2(shift > 100.0 && shift < 1000.0, qPrintable(QString::number(shift)));
    }

    void guessNeedsConfirmationWhenAsked()
    {
        const QString path = mFixture.filePath(QStringLiteral("confirm.shp"));
        QVERIFY(test::writeShapefileWithoutCrs(path.toStdString()));
        auto layers = data::readVectorSource(path.toStdString(), {.allowCrsGuess = false});
        QVERIFY(!layers.ok());
        QCOMPARE(layers.error().code, data::ErrorCode::CrsMissing);
        QVERIFY(layers.error().detail.find("--crs EPSG:4326") != std::string::npos);
        QCOMPARE(layers.error().path, path.toStdString());
    }

    void cityGmlSolidsBecomeFootprintsWithHeights()
    {
        const QString path = QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/citygml-delft-lod1/delft-citygml2.gml");
        CITYTWIN_REQUIRE_DATA(QFile::exists(path), "../shared/data");
        // Delft is far outside EPSG:4548: read it in its own CRS (RD New).
        auto layers = data::readVectorSource(path.toStdString(), {.projectCrs = "EPSG:28992"});
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        const auto& layer = layers->front();
        QCOMPARE(layer.features.size(), std::size_t(3));
        QCOMPARE(layer.kind, data::GeometryKind::Polygon);
        for (const auto& feature : layer.features)
        {
            QCOMPARE(feature.polygons.size(), std::size_t(1)); // one ground face per LoD1 solid
            QVERIFY(feature.height.has_value() && *feature.height > 0.0);
        }
    }

    void truncatedShapefileIsSaidNotFatal()
    {
        const QString source =
            QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/tangshan-districts-shp-gcj02/tangshan_districts");
        CITYTWIN_REQUIRE_DATA(QFile::exists(source + ".shp"), "../shared/data");
        const QString copy = mFixture.filePath(QStringLiteral("truncated"));
        for (const char* extension : {".shp", ".shx", ".dbf"})
            QVERIFY(QFile::copy(source + extension, copy + extension));
        QFile shp(copy + ".shp");
        QVERIFY(shp.resize(shp.size() / 2));
        auto layers = data::readVectorSource((copy + ".shp").toStdString());
        if (!layers.ok())
        {
            // Refusing the file is acceptable too, as long as it says which file.
            QCOMPARE(layers.error().path, (copy + ".shp").toStdString());
            return;
        }
        const auto& layer = layers->front();
        const bool said =
            std::any_of(layer.warnings.begin(), layer.warnings.end(),
                        [](const auto& w) { return w.kind == data::LayerWarning::Kind::GeometrySkipped; });
        QVERIFY2(said, "a truncated .shp must not be read silently");
        QVERIFY(layer.features.size() <= 14);
    }

    /// The real Tangshan district shapefile from ../shared/data: no .prj, no .cpg, Chinese names.
    void readsTheSharedTangshanShapefile()
    {
        const QString path =
            QStringLiteral(CITYTWIN_SHARED_DATA_DIR "/tangshan-districts-shp-gcj02/tangshan_districts.shp");
        CITYTWIN_REQUIRE_DATA(QFile::exists(path), "../shared/data");
        auto layers = data::readVectorSource(path.toStdString());
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        const auto& layer = layers->front();
        QCOMPARE(layer.kind, data::GeometryKind::Polygon);
        QCOMPARE(layer.features.size(), std::size_t(14));
        QVERIFY(!layer.warnings.empty()); // no CRS declared: said, not silent
        bool foundLubei = false;
        for (const auto& feature : layer.features)
        {
            for (const auto& value : feature.values)
                foundLubei = foundLubei || QString::fromStdString(value) == QStringLiteral("路北区");
        }
        QVERIFY(foundLubei);
        // Lubei lies around 601 km E / 4391 km N in EPSG:4548: the layer's extent must cover it.
        QVERIFY(layer.extent.minX < 601000.0 && layer.extent.maxX > 601000.0);
        QVERIFY(layer.extent.minY < 4391000.0 && layer.extent.maxY > 4391000.0);
    }

private:
    test::MixedGeoPackage mFixture;
    QString mGpkg;
};

QTEST_GUILESS_MAIN(TestVectorSource)
#include "test_vector_source.moc"
