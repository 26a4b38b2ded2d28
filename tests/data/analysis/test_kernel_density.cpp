#include "data/analysis/kernel_density.hpp"

#include <chrono>
#include <cmath>

#include <QTest>

using namespace citytwin;

/// Kernel density: mass kept, spread as asked, peaks where the points are, fast.
class TestKernelDensity : public QObject
{
    Q_OBJECT
private slots:
    void onePointSpreadsAsAGaussian()
    {
        data::Extent extent;
        extent.include(0, 0);
        extent.include(2000, 2000);
        const data::DensityGrid grid = data::kernelDensity({{1005.0, 1005.0, 0.0}}, extent, 10.0, 100.0);
        QCOMPARE(grid.columns, 200);
        QCOMPARE(grid.rows, 200);
        // The mass is one point: density (per km²) x cell area (km²) sums to 1.
        double mass = 0.0, mx = 0.0, my = 0.0, vx = 0.0;
        for (int row = 0; row < grid.rows; ++row)
            for (int column = 0; column < grid.columns; ++column)
            {
                const double m = grid.values[static_cast<std::size_t>(row * grid.columns + column)] * 1e-4;
                mass += m;
                mx += m * (column + 0.5) * 10.0;
                my += m * (2000.0 - (row + 0.5) * 10.0);
            }
        QVERIFY2(std::abs(mass - 1.0) < 1e-3, qPrintable(QString::number(mass)));
        QVERIFY(std::abs(mx / mass - 1005.0) < 1.0 && std::abs(my / mass - 1005.0) < 1.0);
        for (int row = 0; row < grid.rows; ++row)
            for (int column = 0; column < grid.columns; ++column)
            {
                const double dx = (column + 0.5) * 10.0 - 1005.0;
                vx += grid.values[static_cast<std::size_t>(row * grid.columns + column)] * 1e-4 * dx * dx;
            }
        // Three box passes approximate the Gaussian: its standard deviation within 5 %.
        QVERIFY2(std::abs(std::sqrt(vx / mass) - 100.0) < 5.0, qPrintable(QString::number(std::sqrt(vx / mass))));
        // The peak is at the point's cell.
        const auto peak = std::max_element(grid.values.begin(), grid.values.end()) - grid.values.begin();
        QCOMPARE(int(peak % grid.columns), 100);
        QCOMPARE(int(peak / grid.columns), 99);
        QCOMPARE(grid.maximum, grid.values[static_cast<std::size_t>(peak)]);
    }

    void denserWhereMorePoints()
    {
        data::Extent extent;
        extent.include(0, 0);
        extent.include(1000, 1000);
        std::vector<data::Position> points;
        for (int i = 0; i < 30; ++i)
            points.push_back({250.0 + i % 5, 250.0 + i / 5, 0.0});
        points.push_back({750.0, 750.0, 0.0});
        const data::DensityGrid grid = data::kernelDensity(points, extent, 10.0, 50.0);
        const auto at = [&grid](double x, double y)
        {
            return grid.values[static_cast<std::size_t>(static_cast<int>((1000.0 - y) / 10.0) * grid.columns +
                                                        static_cast<int>(x / 10.0))];
        };
        QVERIFY(at(252, 252) > 20.0f * at(750, 750));
        QVERIFY(at(500, 500) < 0.01f * at(252, 252));
    }

    void millionPointsAtTenMetres()
    {
        data::Extent extent;
        extent.include(0, 0);
        extent.include(17000, 15000);
        std::vector<data::Position> points;
        for (int i = 0; i < 1000000; ++i)
            points.push_back({std::fmod(i * 7.31, 17000.0), std::fmod(i * 3.17, 15000.0), 0.0});
        const auto start = std::chrono::steady_clock::now();
        const data::DensityGrid grid = data::kernelDensity(points, extent, 10.0, 120.0);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        qInfo("1M points on %d x %d cells: %.2f s", grid.columns, grid.rows, seconds);
        QCOMPARE(grid.columns * grid.rows, 1700 * 1500);
        QVERIFY(grid.maximum > 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestKernelDensity)
#include "test_kernel_density.moc"
