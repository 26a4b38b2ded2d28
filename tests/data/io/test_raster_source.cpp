#include "common/fixtures.hpp"

#include "data/core/height_field.hpp"
#include "data/io/raster_source.hpp"

#include <cmath>

#include <QTemporaryDir>
#include <QTest>

using namespace citytwin;

namespace
{
// A 200 x 100 DEM with 10 m pixels whose value is 0.1 m per metre east plus 1 m per metre... kept simple:
// value = column + 1000 * row (pixel centres), so any bilinear sample is exact.
constexpr double X0 = 600000.0, Y0 = 4392000.0, Pixel = 10.0;
constexpr int Width = 200, Height = 100;

double planeAt(double x, double y)
{
    const double column = (x - X0) / Pixel - 0.5, row = (Y0 - y) / Pixel - 0.5;
    return column + 1000.0 * row;
}
} // namespace

/// Rasters seen in the project CRS: windows at any resolution, point grids, RGB, warping, the height field.
class TestRasterSource : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mDem = mDir.filePath(QStringLiteral("dem.tif")).toStdString();
        QVERIFY(test::writeGeoTiff(mDem, Width, Height, 1, "EPSG:4548", X0, Y0, Pixel,
                                   [](int, int c, int r) { return c + 1000.0 * r; }));
        mRgb = mDir.filePath(QStringLiteral("rgb.tif")).toStdString();
        // North half red, south half blue.
        QVERIFY(test::writeGeoTiff(mRgb, Width, Height, 3, "EPSG:4548", X0, Y0, Pixel,
                                   [](int band, int, int r) { return (band == 1) == (r < Height / 2) ? 255.0 : 0.0; }));
    }

    void opensWithExtentAndKind()
    {
        auto dem = data::RasterSource::open(mDem);
        QVERIFY2(dem.ok(), dem.ok() ? "" : dem.error().message().c_str());
        QCOMPARE((*dem)->extent().minX, X0);
        QCOMPARE((*dem)->extent().maxY, Y0);
        QCOMPARE((*dem)->extent().maxX, X0 + Width * Pixel);
        QCOMPARE((*dem)->resolution(), Pixel);
        QVERIFY((*dem)->isElevation());
        auto rgb = data::RasterSource::open(mRgb);
        QVERIFY(rgb.ok());
        QVERIFY(!(*rgb)->isElevation());
    }

    void sampleGridHitsTheGridPointsNorthFirst()
    {
        auto dem = data::RasterSource::open(mDem);
        data::Extent box;
        box.include(X0 + 105.0, Y0 - 305.0);
        box.include(X0 + 505.0, Y0 - 105.0);
        std::vector<float> values;
        QVERIFY(dem.value()->sampleGrid(box, 5, values).ok());
        for (int row = 0; row < 5; ++row)
            for (int column = 0; column < 5; ++column)
            {
                const double x = box.minX + column * (box.maxX - box.minX) / 4;
                const double y = box.maxY - row * (box.maxY - box.minY) / 4;
                QVERIFY2(std::abs(values[static_cast<std::size_t>(row * 5 + column)] - planeAt(x, y)) < 0.01,
                         qPrintable(QStringLiteral("%1 %2: %3 vs %4")
                                        .arg(column)
                                        .arg(row)
                                        .arg(values[static_cast<std::size_t>(row * 5 + column)])
                                        .arg(planeAt(x, y))));
            }
    }

    void outsideTheRasterIsNoData()
    {
        auto dem = data::RasterSource::open(mDem);
        data::Extent box;
        box.include(X0 - 1000.0, Y0 - 500.0);
        box.include(X0 + 1000.0, Y0 + 500.0);
        std::vector<float> values;
        QVERIFY(dem.value()->sampleGrid(box, 3, values, -9999.0f).ok());
        QCOMPARE(values[0], -9999.0f);                                          // north-west: outside
        QVERIFY(std::abs(values[8] - planeAt(X0 + 1000.0, Y0 - 500.0)) < 0.01); // south-east: inside
    }

    void readsRgbWithNorthOnTop()
    {
        auto rgb = data::RasterSource::open(mRgb);
        std::vector<std::uint8_t> pixels;
        QVERIFY(rgb.value()->readRgb(rgb.value()->extent(), 8, 8, pixels).ok());
        QCOMPARE(int(pixels[0]), 255); // top-left red
        QCOMPARE(int(pixels[2]), 0);
        QCOMPARE(int(pixels[(7 * 8) * 3]), 0); // bottom-left blue
        QCOMPARE(int(pixels[(7 * 8) * 3 + 2]), 255);
    }

    void aRasterInAnotherCrsIsWarped()
    {
        // The same DEM declared in degrees (EPSG:4490, around Lubei): seen in EPSG:4548 metres.
        const std::string path = mDir.filePath(QStringLiteral("degrees.tif")).toStdString();
        QVERIFY(test::writeGeoTiff(path, 50, 50, 1, "EPSG:4490", 118.15, 39.68, 0.001,
                                   [](int, int c, int) { return 10.0 + c; }));
        auto warped = data::RasterSource::open(path);
        QVERIFY2(warped.ok(), warped.ok() ? "" : warped.error().message().c_str());
        const data::Extent& extent = (*warped)->extent();
        QVERIFY2(extent.minX > 590000.0 && extent.maxX < 610000.0, qPrintable(QString::number(extent.minX)));
        QVERIFY(extent.minY > 4380000.0 && extent.maxY < 4400000.0);
        std::vector<float> values;
        QVERIFY((*warped)->sampleGrid(extent, 5, values, -1.0f).ok());
        QVERIFY(values[12] > 20.0f && values[12] < 50.0f); // the middle column's value, about 35
    }

    void heightFieldInterpolates()
    {
        auto dem = data::RasterSource::open(mDem);
        auto field = data::HeightField::load(*dem.value());
        QVERIFY(field.ok());
        for (const auto& [x, y] : {std::pair{X0 + 333.0, Y0 - 444.0}, std::pair{X0 + 1500.0, Y0 - 700.0}})
            QVERIFY2(std::abs((*field)->heightAt(x, y) - planeAt(x, y)) < 0.01,
                     qPrintable(QString::number((*field)->heightAt(x, y))));
        QCOMPARE((*field)->minimum(), 0.0f);
        QCOMPARE((*field)->maximum(), float(Width - 1 + 1000 * (Height - 1)));
    }

    void badRastersAreRefusedByName()
    {
        const std::string text = mDir.filePath(QStringLiteral("not-a-raster.tif")).toStdString();
        QFile file(QString::fromStdString(text));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello");
        file.close();
        auto bad = data::RasterSource::open(text);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().path, text);
        QVERIFY(data::findTerrainRasters(text).empty());
        const std::string plain = mDir.filePath(QStringLiteral("plain.tif")).toStdString();
        QVERIFY(test::writeTinyGeoTiff(plain)); // no georeferencing
        QVERIFY(!data::RasterSource::open(plain).ok());
    }

    void findsTheTerrainRasters()
    {
        const auto dem = data::findTerrainRasters(mDem);
        QCOMPARE(dem.dem, mDem);
        QVERIFY(dem.imagery.empty());
        const auto rgb = data::findTerrainRasters(mRgb);
        QCOMPARE(rgb.imagery, mRgb);
        QVERIFY(data::isRasterOnly(mDem));
    }

private:
    QTemporaryDir mDir;
    std::string mDem;
    std::string mRgb;
};

QTEST_GUILESS_MAIN(TestRasterSource)
#include "test_raster_source.moc"
