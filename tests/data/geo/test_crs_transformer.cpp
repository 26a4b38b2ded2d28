#include "common/compare.hpp"

#include "data/geo/crs_transformer.hpp"

#include <cmath>
#include <vector>

#include <QTest>

using citytwin::data::CrsTransformer;

/// CRS transformations checked against figures printed by PROJ's cs2cs (PROJ 9.1.1), e.g.
/// `printf '39.65 118.18\n' | cs2cs -f %.4f EPSG:4326 EPSG:4548`.
class TestCrsTransformer : public QObject
{
    Q_OBJECT
private slots:
    void knownPoints_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("expectedX");
        QTest::addColumn<double>("expectedY");
        QTest::newRow("wgs84 -> cgcs2000 gk cm117 (Lubei centre)")
            << "EPSG:4326"
            << "EPSG:4548" << 118.18 << 39.65 << 601278.6678 << 4391333.6145;
        QTest::newRow("wgs84 -> cgcs2000 gk on the central meridian")
            << "EPSG:4326"
            << "EPSG:4548" << 117.0 << 39.0 << 500000.0 << 4318503.9847;
        QTest::newRow("wgs84 -> cgcs2000 gk south-east")
            << "EPSG:4326"
            << "EPSG:4548" << 118.25 << 39.60 << 607364.1548 << 4385863.3048;
        QTest::newRow("cgcs2000 geographic -> gk") << "EPSG:4490"
                                                   << "EPSG:4548" << 118.18 << 39.65 << 601278.6678 << 4391333.6145;
        QTest::newRow("wgs84 -> gk with zone prefix (EPSG:4527)")
            << "EPSG:4326"
            << "EPSG:4527" << 118.18 << 39.65 << 39601278.6678 << 4391333.6145;
        QTest::newRow("wgs84 -> web mercator") << "EPSG:4326"
                                               << "EPSG:3857" << 118.18 << 39.65 << 13155737.4219 << 4815210.8263;
    }

    void knownPoints()
    {
        QFETCH(QString, source);
        QFETCH(QString, target);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, expectedX);
        QFETCH(double, expectedY);
        auto transformer = CrsTransformer::create(source.toStdString(), target.toStdString());
        QVERIFY2(transformer.ok(), transformer.ok() ? "" : transformer.error().detail.c_str());
        QVERIFY(transformer->transform(x, y).ok());
        // cs2cs printed 4 decimals: agree to the tenth of a millimetre.
        CITYTWIN_COMPARE_NEAR(x, expectedX, 1e-4);
        CITYTWIN_COMPARE_NEAR(y, expectedY, 1e-4);
    }

    void roundTripWithinOneMillimetre()
    {
        auto forward = CrsTransformer::create("EPSG:4326", "EPSG:4548");
        auto inverse = CrsTransformer::create("EPSG:4548", "EPSG:4326");
        QVERIFY(forward.ok() && inverse.ok());
        for (double lon = 118.10; lon <= 118.30; lon += 0.05)
        {
            for (double lat = 39.58; lat <= 39.72; lat += 0.035)
            {
                double x = lon, y = lat;
                QVERIFY(forward->transform(x, y).ok());
                double backX = x, backY = y;
                QVERIFY(inverse->transform(backX, backY).ok());
                double againX = backX, againY = backY;
                QVERIFY(forward->transform(againX, againY).ok());
                CITYTWIN_COMPARE_NEAR(againX, x, 1e-3);
                CITYTWIN_COMPARE_NEAR(againY, y, 1e-3);
            }
        }
    }

    void batchEqualsSinglePoints()
    {
        auto transformer = CrsTransformer::create("EPSG:4326", "EPSG:4548");
        QVERIFY(transformer.ok());
        std::vector<double> xs, ys;
        for (int i = 0; i < 10000; ++i)
        {
            xs.push_back(118.1 + 0.2 * (i % 100) / 100.0);
            ys.push_back(39.58 + 0.14 * (i / 100) / 100.0);
        }
        std::vector<double> batchX = xs, batchY = ys;
        QVERIFY(transformer->transform(batchX, batchY).ok());
        for (std::size_t i = 0; i < xs.size(); i += 997)
        {
            double x = xs[i], y = ys[i];
            QVERIFY(transformer->transform(x, y).ok());
            QCOMPARE(batchX[i], x);
            QCOMPARE(batchY[i], y);
        }
    }

    void identityIsExact()
    {
        auto transformer = CrsTransformer::create("EPSG:4548", "EPSG:4548");
        QVERIFY(transformer.ok());
        QVERIFY(transformer->isIdentity());
        double x = 601278.6678, y = 4391333.6145;
        QVERIFY(transformer->transform(x, y).ok());
        QCOMPARE(x, 601278.6678);
        QCOMPARE(y, 4391333.6145);
    }

    void unknownCrsIsAnError()
    {
        auto transformer = CrsTransformer::create("EPSG:999999", "EPSG:4548");
        QVERIFY(!transformer.ok());
        QCOMPARE(transformer.error().code, citytwin::data::ErrorCode::CrsUnknown);
        QVERIFY(transformer.error().detail.find("EPSG:999999") != std::string::npos);
    }

    void pointOutsideTheProjectionFails()
    {
        auto transformer = CrsTransformer::create("EPSG:4326", "EPSG:4548");
        QVERIFY(transformer.ok());
        double x = 118.18, y = 95.0; // latitude beyond the pole
        QVERIFY(!transformer->transform(x, y).ok());
    }

    void identifiesEpsgCodes()
    {
        QCOMPARE(citytwin::data::identifyEpsg("EPSG:4548"), std::string("EPSG:4548"));
        QCOMPARE(citytwin::data::identifyEpsg("+proj=longlat +datum=WGS84 +no_defs +type=crs"),
                 std::string("EPSG:4326"));
    }
};

QTEST_GUILESS_MAIN(TestCrsTransformer)
#include "test_crs_transformer.moc"
