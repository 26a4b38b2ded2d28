#include "data/geo/planar_geometry.hpp"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace citytwin::data;

namespace
{
Ring square(double x, double y, double size)
{
    return {{x, y, 0.0}, {x + size, y, 0.0}, {x + size, y + size, 0.0}, {x, y + size, 0.0}};
}

Ring reversed(Ring ring)
{
    std::reverse(ring.begin(), ring.end());
    return ring;
}

/// A star-shaped ring of n vertices around (x, y) at projected magnitudes, with random radii.
Ring randomRing(std::mt19937_64& random, double x, double y, int n)
{
    std::uniform_real_distribution<double> radius(5.0, 80.0);
    Ring ring;
    for (int k = 0; k < n; ++k)
    {
        const double angle = 2.0 * 3.141592653589793 * k / n;
        const double r = radius(random);
        ring.push_back({x + r * std::cos(angle), y + r * std::sin(angle), 0.0});
    }
    return ring;
}
} // namespace

class TestPlanarGeometry : public QObject
{
    Q_OBJECT
private slots:
    void pointInRingFollowsTheEdgeRule()
    {
        const Ring ring = square(0.0, 0.0, 10.0);
        QVERIFY(pointInRing(ring, 5.0, 5.0));
        QVERIFY(!pointInRing(ring, 15.0, 5.0));
        QVERIFY(!pointInRing(ring, 5.0, -1.0));
        // Left and bottom edges are inside, right and top edges outside.
        QVERIFY(pointInRing(ring, 0.0, 5.0));
        QVERIFY(pointInRing(ring, 5.0, 0.0));
        QVERIFY(!pointInRing(ring, 10.0, 5.0));
        QVERIFY(!pointInRing(ring, 5.0, 10.0));
        // Either winding.
        QVERIFY(pointInRing(reversed(ring), 5.0, 5.0));
    }

    void sharedEdgeBelongsToOneRing()
    {
        const Ring left = square(0.0, 0.0, 10.0);
        const Ring right = square(10.0, 0.0, 10.0);
        for (double y : {0.0, 2.5, 5.0, 9.999})
            QCOMPARE(int(pointInRing(left, 10.0, y)) + int(pointInRing(right, 10.0, y)), 1);
    }

    void concaveRing()
    {
        // An L: the notch at the top right is outside.
        const Ring ell = {{0, 0, 0}, {10, 0, 0}, {10, 4, 0}, {4, 4, 0}, {4, 10, 0}, {0, 10, 0}};
        QVERIFY(pointInRing(ell, 2.0, 8.0));
        QVERIFY(pointInRing(ell, 8.0, 2.0));
        QVERIFY(!pointInRing(ell, 8.0, 8.0));
    }

    void edgeCrossing()
    {
        QCOMPARE(edgeCrossingX(4.0, 0.0, 0.0, 10.0, 10.0), 4.0);
        QCOMPARE(edgeCrossingX(5.0, 2.0, 0.0, 2.0, 10.0), 2.0);
        QVERIFY(crossesRayRight(1.0, 5.0, 2.0, 0.0, 2.0, 10.0));
        QVERIFY(!crossesRayRight(3.0, 5.0, 2.0, 0.0, 2.0, 10.0));
        QVERIFY(!crossesRayRight(1.0, 11.0, 2.0, 0.0, 2.0, 10.0));
    }

    void signedAreaByWinding()
    {
        QCOMPARE(signedArea(square(0.0, 0.0, 10.0)), 100.0);
        QCOMPARE(signedArea(reversed(square(0.0, 0.0, 10.0))), -100.0);
        QCOMPARE(signedArea(square(0.0, 0.0, 10.0), 0.0, 0.0), 100.0);
        QCOMPARE(signedArea(Ring{}), 0.0);
        QCOMPARE(signedArea(Ring{{1, 1, 0}, {2, 2, 0}}), 0.0);
        // Collinear: no area.
        QCOMPARE(signedArea(Ring{{0, 0, 0}, {1, 1, 0}, {2, 2, 0}}), 0.0);
    }

    void signedAreaKeepsPrecisionAtProjectedCoordinates()
    {
        // A 0.1 m square at CGCS2000 3-degree Gauss-Kruger magnitudes: relative to the first vertex it stays exact
        // to the rounding of its corners; absolute products of 1e14 would lose it.
        const Ring tiny = square(39512345.678, 4401234.567, 0.1);
        QVERIFY(std::abs(signedArea(tiny) - 0.01) < 1e-8);
    }

    void signedAreaIsTheShoelaceBitForBit()
    {
        // The sums are the ones written before: absolute about (0, 0), relative about the first vertex.
        std::mt19937_64 random(7);
        for (int n = 0; n < 200; ++n)
        {
            const Ring ring = randomRing(random, 500000.0 + n * 13.0, 4400000.0 - n * 7.0, 3 + n % 40);
            double absolute = 0.0, relative = 0.0;
            const double ox = ring.front().x, oy = ring.front().y;
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            {
                absolute += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
                relative += (ring[j].x - ox) * (ring[i].y - oy) - (ring[i].x - ox) * (ring[j].y - oy);
            }
            QCOMPARE(signedArea(ring, 0.0, 0.0), 0.5 * absolute);
            QCOMPARE(signedArea(ring), 0.5 * relative);
            QVERIFY(signedArea(ring) > 0.0);
        }
    }

    void centroid()
    {
        const auto triangle = ringCentroid({{0, 0, 0}, {6, 0, 0}, {0, 3, 0}});
        QVERIFY(triangle.has_value());
        QCOMPARE(triangle->x, 2.0);
        QCOMPARE(triangle->y, 1.0);
        // Either winding gives the same point.
        const auto clockwise = ringCentroid({{0, 3, 0}, {6, 0, 0}, {0, 0, 0}});
        QCOMPARE(clockwise->x, 2.0);
        QCOMPARE(clockwise->y, 1.0);
        // An L of two rectangles: 10 x 4 (centre 5, 2) and 4 x 6 (centre 2, 7).
        const auto ell = ringCentroid({{0, 0, 0}, {10, 0, 0}, {10, 4, 0}, {4, 4, 0}, {4, 10, 0}, {0, 10, 0}});
        QVERIFY(std::abs(ell->x - (40.0 * 5.0 + 24.0 * 2.0) / 64.0) < 1e-12);
        QVERIFY(std::abs(ell->y - (40.0 * 2.0 + 24.0 * 7.0) / 64.0) < 1e-12);
        QVERIFY(!ringCentroid({{0, 0, 0}, {1, 1, 0}, {2, 2, 0}}).has_value());
        QVERIFY(!ringCentroid({{0, 0, 0}, {1, 1, 0}}).has_value());
    }

    void ringSumsAddUp()
    {
        const Ring ring = square(100.0, 200.0, 4.0);
        const RingSums sums = ringSums(ring, 100.0, 200.0);
        QCOMPARE(sums.twiceArea, 32.0);
        const Position center = sums.centroid(100.0, 200.0);
        QCOMPARE(center.x, 102.0);
        QCOMPARE(center.y, 202.0);
        // Edge by edge, as a reader of a WKB stream adds them.
        RingSums streamed;
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            streamed.addEdge(ring[j].x - 100.0, ring[j].y - 200.0, ring[i].x - 100.0, ring[i].y - 200.0);
        QCOMPARE(streamed.twiceArea, sums.twiceArea);
        QCOMPARE(streamed.momentX, sums.momentX);
        QCOMPARE(streamed.momentY, sums.momentY);
    }
};

QTEST_GUILESS_MAIN(TestPlanarGeometry)
#include "test_planar_geometry.moc"
