#include "common/compare.hpp"

#include "data/geo/chinese_coordinates.hpp"
#include "data/geo/coordinate_pipeline.hpp"

#include <QTest>

using namespace citytwin::data;

namespace
{
/// 2e-7 degrees: about 2 cm.
constexpr double PublishedTolerance = 2e-7;

/// Metres between two lon/lat points near the same place (equirectangular, plenty for < 1 km).
double metresBetween(LonLat a, LonLat b)
{
    constexpr double MetresPerDegree = 111'320.0;
    const double dx = (a.lon - b.lon) * MetresPerDegree * std::cos(a.lat * 3.14159265358979 / 180.0);
    const double dy = (a.lat - b.lat) * MetresPerDegree;
    return std::hypot(dx, dy);
}
} // namespace

/// GCJ-02 and BD-09 conversions checked against published conversion pairs (the values printed by the
/// widely used open-source coordtransform implementations and quoted in their test suites).
class TestChineseCoordinates : public QObject
{
    Q_OBJECT
private slots:
    void wgs84ToGcj02_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("gcjLon");
        QTest::addColumn<double>("gcjLat");
        QTest::newRow("Beijing") << 116.404 << 39.915 << 116.41024449916938 << 39.91640428150164;
        QTest::newRow("Jiaxing") << 121.0917077 << 30.6107779 << 121.09626935575027 << 30.608604331756705;
        QTest::newRow("116E 40N") << 116.0 << 40.0 << 116.006141221789 << 40.001213650174;
    }

    void wgs84ToGcj02()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(double, gcjLon);
        QFETCH(double, gcjLat);
        const LonLat gcj = chinese::wgs84ToGcj02({lon, lat});
        // Published implementations differ from each other in the 8th decimal (about 1 cm).
        CITYTWIN_COMPARE_NEAR(gcj.lon, gcjLon, PublishedTolerance);
        CITYTWIN_COMPARE_NEAR(gcj.lat, gcjLat, PublishedTolerance);
    }

    void gcj02ToBd09Pairs()
    {
        const LonLat bd = chinese::gcj02ToBd09({116.404, 39.915});
        CITYTWIN_COMPARE_NEAR(bd.lon, 116.41036949371029, 1e-9);
        CITYTWIN_COMPARE_NEAR(bd.lat, 39.92133699351022, 1e-9);
        const LonLat wgsToBd = chinese::wgs84ToBd09({121.0917077, 30.6107779});
        CITYTWIN_COMPARE_NEAR(wgsToBd.lon, 121.10271732371203, PublishedTolerance);
        CITYTWIN_COMPARE_NEAR(wgsToBd.lat, 30.61484572185035, PublishedTolerance);
        const LonLat north = chinese::wgs84ToBd09({122.99395597, 44.99804071});
        CITYTWIN_COMPARE_NEAR(north.lon, 123.00636516028885, PublishedTolerance);
        CITYTWIN_COMPARE_NEAR(north.lat, 45.0063690918959, PublishedTolerance);
    }

    void bd09ToGcj02InvertsTheForwardExactly()
    {
        // Published one-step inverse of BD (116.404, 39.915): (116.39762729119315, 39.90865673957631);
        // the iterative inverse agrees with it to well under a metre and maps back exactly.
        const LonLat gcj = chinese::bd09ToGcj02({116.404, 39.915});
        QVERIFY(metresBetween(gcj, {116.39762729119315, 39.90865673957631}) < 1.0);
        const LonLat back = chinese::gcj02ToBd09(gcj);
        CITYTWIN_COMPARE_NEAR(back.lon, 116.404, 1e-9);
        CITYTWIN_COMPARE_NEAR(back.lat, 39.915, 1e-9);
    }

    void inversesWithinHalfAMetreAcrossLubei()
    {
        double worst = 0.0;
        for (double lon = 118.05; lon <= 118.35; lon += 0.01)
        {
            for (double lat = 39.55; lat <= 39.75; lat += 0.01)
            {
                const LonLat wgs{lon, lat};
                worst = std::max(worst, metresBetween(chinese::gcj02ToWgs84(chinese::wgs84ToGcj02(wgs)), wgs));
                worst = std::max(worst, metresBetween(chinese::bd09ToWgs84(chinese::wgs84ToBd09(wgs)), wgs));
            }
        }
        QVERIFY2(worst < 0.5, qPrintable(QString::number(worst)));
        QVERIFY2(worst < 0.001, qPrintable(QStringLiteral("iterative inverse should be mm-exact: %1").arg(worst)));
    }

    void outsideChinaIsUnchanged()
    {
        const LonLat paris{2.35, 48.85};
        const LonLat gcj = chinese::wgs84ToGcj02(paris);
        QCOMPARE(gcj.lon, paris.lon);
        QCOMPARE(gcj.lat, paris.lat);
    }

    void pipelineAcceptsNames()
    {
        QCOMPARE(chineseOffsetName("GCJ-02").value_or(""), std::string("gcj02"));
        QCOMPARE(chineseOffsetName("bd09").value_or(""), std::string("bd09"));
        QVERIFY(!chineseOffsetName("EPSG:4326").has_value());
        auto pipeline = CoordinatePipeline::create("gcj02", "EPSG:4548");
        QVERIFY(pipeline.ok());
        // The GCJ-02 image of a point lands where the WGS 84 point lands, to a millimetre.
        const LonLat wgs{118.18, 39.65};
        const LonLat gcj = chinese::wgs84ToGcj02(wgs);
        double x = gcj.lon, y = gcj.lat;
        QVERIFY(pipeline->transform(std::span(&x, 1), std::span(&y, 1)).ok());
        CITYTWIN_COMPARE_NEAR(x, 601278.6678, 1e-3);
        CITYTWIN_COMPARE_NEAR(y, 4391333.6145, 1e-3);
    }

    void guessesFromMagnitudes_data()
    {
        QTest::addColumn<double>("minX");
        QTest::addColumn<double>("minY");
        QTest::addColumn<double>("maxX");
        QTest::addColumn<double>("maxY");
        QTest::addColumn<QString>("expected");
        QTest::newRow("degrees") << 118.1 << 39.58 << 118.3 << 39.72 << "EPSG:4326";
        QTest::newRow("gk 3-degree zone 39 prefix")
            << 39590000.0 << 4380000.0 << 39610000.0 << 4400000.0 << "EPSG:4527";
        QTest::newRow("gk 6-degree zone 20 prefix")
            << 20500000.0 << 4380000.0 << 20610000.0 << 4400000.0 << "EPSG:4498";
        QTest::newRow("gk without prefix") << 590000.0 << 4380000.0 << 610000.0 << 4400000.0 << "EPSG:4548";
        QTest::newRow("fits nothing") << 13950000.0 << 4815000.0 << 13956000.0 << 4816000.0 << "";
        QTest::newRow("northing out of range") << 500000.0 << -5000.0 << 600000.0 << 4816000.0 << "";
    }

    void guessesFromMagnitudes()
    {
        QFETCH(double, minX);
        QFETCH(double, minY);
        QFETCH(double, maxX);
        QFETCH(double, maxY);
        QFETCH(QString, expected);
        Extent extent;
        extent.include(minX, minY);
        extent.include(maxX, maxY);
        const auto guess = guessCrs(extent, "EPSG:4548");
        QCOMPARE(QString::fromStdString(guess ? guess->crs : std::string()), expected);
    }
};

QTEST_GUILESS_MAIN(TestChineseCoordinates)
#include "test_chinese_coordinates.moc"
