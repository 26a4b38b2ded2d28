#include "common/required_data.hpp"
#include "common/compare.hpp"

#include "data/core/date_time.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/analysis/hotspots.hpp"
#include "data/io/sqlite_database.hpp"
#include "data/io/vector_source.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace citytwin::data;

namespace
{
constexpr std::int64_t Day = 86400;

/// An axis-aligned rectangle polygon, counter-clockwise.
Polygon rectangle(double x0, double y0, double x1, double y1)
{
    return Polygon{{Ring{{x0, y0, 0}, {x1, y0, 0}, {x1, y1, 0}, {x0, y1, 0}}}};
}

/// A polygon layer with an "id" field.
VectorLayer polygonLayer(const std::vector<std::pair<std::int64_t, Polygon>>& polygons)
{
    VectorLayer layer;
    layer.kind = GeometryKind::Polygon;
    layer.fieldNames = {"id"};
    for (const auto& [id, polygon] : polygons)
    {
        Feature feature;
        feature.polygons.push_back(polygon);
        feature.values.push_back(std::to_string(id));
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

/// A rows x columns grid of 100 m squares, ids 1.. row by row from the south-west.
VectorLayer squareGrid(int rows, int columns)
{
    std::vector<std::pair<std::int64_t, Polygon>> polygons;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            polygons.emplace_back(r * columns + c + 1,
                                  rectangle(c * 100.0, r * 100.0, c * 100.0 + 100, r * 100.0 + 100));
    return polygonLayer(polygons);
}

std::vector<std::uint32_t> neighbours(const GridAdjacency& adjacency, std::size_t i)
{
    const auto list = adjacency.neighboursOf(i);
    return {list.begin(), list.end()};
}

bool symmetric(const GridAdjacency& adjacency)
{
    for (std::size_t i = 0; i < adjacency.size(); ++i)
        for (std::uint32_t j : adjacency.neighboursOf(i))
        {
            const auto back = adjacency.neighboursOf(j);
            if (j == i || std::find(back.begin(), back.end(), static_cast<std::uint32_t>(i)) == back.end())
                return false;
        }
    return true;
}

/// Gi* the way PySAL's esda.G_Local(star=True, transform="B") computes it: the ratio G*_i = L_i / sum(x), its
/// expectation W_i / n and variance W_i (n - W_i) / (n^2 (n - 1)) s^2 / mean^2. An independent check of the
/// z-score form used by the library.
std::vector<double> pysalStyleZ(const std::vector<double>& x, const GridAdjacency& adjacency)
{
    const double n = static_cast<double>(x.size());
    const double total = std::accumulate(x.begin(), x.end(), 0.0);
    const double mean = total / n;
    double s2 = 0.0;
    for (double v : x)
        s2 += v * v / n;
    s2 -= mean * mean;
    std::vector<double> z;
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        double local = x[i], w = 1.0;
        for (std::uint32_t j : adjacency.neighboursOf(i))
        {
            local += x[j];
            w += 1.0;
        }
        const double g = local / total, expected = w / n;
        const double variance = w * (n - w) / (n * n * (n - 1.0)) * s2 / (mean * mean);
        z.push_back((g - expected) / std::sqrt(variance));
    }
    return z;
}

/// The two-sided binomial p-value by brute force in double: every outcome no more likely than a.
double bruteForceTwoSided(std::int64_t a, std::int64_t b, double p)
{
    const std::int64_t n = a + b;
    const auto logPmf = [&](std::int64_t k)
    {
        return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
               (n - k) * std::log1p(-p);
    };
    const double threshold = logPmf(a) + std::log1p(1e-7);
    double sum = 0.0;
    for (std::int64_t k = 0; k <= n; ++k)
        if (logPmf(k) <= threshold)
            sum += std::exp(logPmf(k));
    return std::min(1.0, sum);
}

/// Single-linkage components by brute force (all pairs), as sorted member lists of at least minimumCount.
std::set<std::vector<std::uint32_t>> bruteForceClusters(const std::vector<double>& x, const std::vector<double>& y,
                                                        const std::vector<std::int64_t>& t,
                                                        const std::vector<std::uint8_t>& c,
                                                        const RecurringOptions& options)
{
    const std::size_t n = x.size();
    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    const auto find = [&parent](std::uint32_t i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    for (std::uint32_t i = 0; i < n; ++i)
        for (std::uint32_t j = i + 1; j < n; ++j)
            if (c[i] == c[j] && std::abs(t[i] - t[j]) <= options.window &&
                std::hypot(x[i] - x[j], y[i] - y[j]) <= options.distance)
                parent[find(i)] = find(j);
    std::map<std::uint32_t, std::vector<std::uint32_t>> groups;
    for (std::uint32_t i = 0; i < n; ++i)
        groups[find(i)].push_back(i);
    std::set<std::vector<std::uint32_t>> result;
    for (auto& [root, members] : groups)
        if (members.size() >= options.minimumCount)
            result.insert(members);
    return result;
}

std::set<std::vector<std::uint32_t>> clusterSets(const RecurringPlaces& places)
{
    std::set<std::vector<std::uint32_t>> result;
    for (std::size_t i = 0; i < places.places.size(); ++i)
    {
        const auto members = places.membersOf(i);
        std::vector<std::uint32_t> sorted(members.begin(), members.end());
        std::sort(sorted.begin(), sorted.end());
        result.insert(sorted);
    }
    return result;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

/// Hot spots: grid adjacency, Getis-Ord Gi*, week-over-week change tests and recurring places.
class TestHotspots : public QObject
{
    Q_OBJECT
private slots:
    void rookAdjacencyOfThreeByThree()
    {
        const GridAdjacency adjacency = gridAdjacency(squareGrid(3, 3));
        QCOMPARE(adjacency.size(), std::size_t{9});
        QCOMPARE(adjacency.ids, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
        // 7 8 9
        // 4 5 6
        // 1 2 3   (indices one less): corners 2, edge middles 3, centre 4; diagonal corner contact is no adjacency.
        QCOMPARE(neighbours(adjacency, 0), (std::vector<std::uint32_t>{1, 3}));
        QCOMPARE(neighbours(adjacency, 1), (std::vector<std::uint32_t>{0, 2, 4}));
        QCOMPARE(neighbours(adjacency, 2), (std::vector<std::uint32_t>{1, 5}));
        QCOMPARE(neighbours(adjacency, 3), (std::vector<std::uint32_t>{0, 4, 6}));
        QCOMPARE(neighbours(adjacency, 4), (std::vector<std::uint32_t>{1, 3, 5, 7}));
        QCOMPARE(neighbours(adjacency, 5), (std::vector<std::uint32_t>{2, 4, 8}));
        QCOMPARE(neighbours(adjacency, 6), (std::vector<std::uint32_t>{3, 7}));
        QCOMPARE(neighbours(adjacency, 7), (std::vector<std::uint32_t>{4, 6, 8}));
        QCOMPARE(neighbours(adjacency, 8), (std::vector<std::uint32_t>{5, 7}));
        QCOMPARE(adjacency.neighbours.size(), std::size_t{24}); // 12 shared edges, both ways
        QVERIFY(symmetric(adjacency));
    }

    void splitEdgesStillMatch()
    {
        // A's east edge is one segment; B and C split it at y = 50; D's west edge has its own vertex at y = 130
        // where E's (a single edge) has none, and they overlap only over y 100..150.
        Polygon d{{Ring{{200, 0, 0}, {300, 0, 0}, {300, 200, 0}, {200, 200, 0}, {200, 130, 0}}}};
        const VectorLayer layer = polygonLayer({{10, rectangle(0, 0, 100, 100)},
                                                {20, rectangle(100, 0, 200, 50)},
                                                {30, rectangle(100, 50, 200, 100)},
                                                {40, d},
                                                {50, rectangle(100, 100, 200, 150)}});
        const GridAdjacency adjacency = gridAdjacency(layer);
        QCOMPARE(neighbours(adjacency, 0), (std::vector<std::uint32_t>{1, 2})); // A: B, C (E touches a corner only)
        QCOMPARE(neighbours(adjacency, 1), (std::vector<std::uint32_t>{0, 2, 3}));
        QCOMPARE(neighbours(adjacency, 2), (std::vector<std::uint32_t>{0, 1, 3, 4}));
        QCOMPARE(neighbours(adjacency, 3), (std::vector<std::uint32_t>{1, 2, 4}));
        QCOMPARE(neighbours(adjacency, 4), (std::vector<std::uint32_t>{2, 3}));
        QVERIFY(symmetric(adjacency));
    }

    void toleranceDecidesNearMisses()
    {
        // B's west edge lies 5 mm east of A's east edge: neighbours at 10 mm tolerance, not at 1 mm.
        const VectorLayer gap = polygonLayer({{1, rectangle(0, 0, 100, 100)}, {2, rectangle(100.005, 20, 200, 80)}});
        QCOMPARE(gridAdjacency(gap).neighbours.size(), std::size_t{2});
        QCOMPARE(gridAdjacency(gap, "id", 0.001).neighbours.size(), std::size_t{0});
        // Collinear edges meeting end to end (diagonal squares) or overlapping by less than the tolerance are not
        // a shared boundary.
        const VectorLayer corner = polygonLayer({{1, rectangle(0, 0, 100, 100)}, {2, rectangle(100, 100, 200, 200)}});
        QCOMPARE(gridAdjacency(corner).neighbours.size(), std::size_t{0});
        const VectorLayer sliver =
            polygonLayer({{1, rectangle(0, 0, 100, 100)}, {2, rectangle(100, 99.995, 200, 200)}});
        QCOMPARE(gridAdjacency(sliver).neighbours.size(), std::size_t{0});
        // A slanted shared edge, split differently on each side and off by rounding-sized amounts.
        Polygon left{{Ring{{0, 0, 0}, {100, 0, 0}, {150, 100, 0}, {0, 100, 0}}}};
        Polygon right{{Ring{{100.000001, 0, 0}, {200, 0, 0}, {200, 100, 0}, {150, 100, 0}, {125.0, 50.000002, 0}}}};
        QCOMPARE(gridAdjacency(polygonLayer({{1, left}, {2, right}})).neighbours.size(), std::size_t{2});
    }

    void idsHolesAndEmptyFeatures()
    {
        // An island inside a hole touches the hole's boundary; a feature without geometry has no neighbours;
        // ids fall back to positions when the field is missing.
        Polygon ring = rectangle(0, 0, 300, 300);
        ring.rings.push_back(Ring{{100, 100, 0}, {100, 200, 0}, {200, 200, 0}, {200, 100, 0}});
        VectorLayer layer = polygonLayer({{5, ring}, {6, rectangle(100, 100, 200, 200)}});
        layer.features.push_back(Feature{});
        layer.features.back().values.push_back("x");
        const GridAdjacency adjacency = gridAdjacency(layer);
        QCOMPARE(adjacency.ids, (std::vector<std::int64_t>{5, 6, 2}));
        QCOMPARE(neighbours(adjacency, 0), (std::vector<std::uint32_t>{1}));
        QCOMPARE(neighbours(adjacency, 2), (std::vector<std::uint32_t>{}));
        QCOMPARE(gridAdjacency(layer, "code").ids, (std::vector<std::int64_t>{0, 1, 2}));
    }

    void jitteredLatticeIsRook()
    {
        // 60 x 60 quadrilaterals on a jittered lattice, each edge split at a different point on each side:
        // 3,600 areas, interior degree 4.
        const int n = 60;
        std::mt19937 random(7);
        std::uniform_real_distribution<double> jitter(-30.0, 30.0), split(0.2, 0.8);
        std::vector<std::vector<Position>> corners(n + 1, std::vector<Position>(n + 1));
        for (int r = 0; r <= n; ++r)
            for (int c = 0; c <= n; ++c)
                corners[r][c] = {500000.0 + c * 300.0 + jitter(random), 4300000.0 + r * 300.0 + jitter(random), 0};
        const auto along = [](const Position& a, const Position& b, double t) {
            return Position{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), 0};
        };
        std::vector<std::pair<std::int64_t, Polygon>> polygons;
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c)
            {
                const Position& p00 = corners[r][c];
                const Position& p10 = corners[r][c + 1];
                const Position& p11 = corners[r + 1][c + 1];
                const Position& p01 = corners[r + 1][c];
                polygons.emplace_back(r * n + c, Polygon{{Ring{p00, along(p00, p10, split(random)), p10, p11,
                                                               along(p11, p01, split(random)), p01}}});
            }
        const VectorLayer layer = polygonLayer(polygons);
        const auto start = std::chrono::steady_clock::now();
        const GridAdjacency adjacency = gridAdjacency(layer);
        const double seconds = secondsSince(start);
        qInfo("jittered lattice of %zu quads: adjacency in %.3f s", adjacency.size(), seconds);
        QVERIFY(symmetric(adjacency));
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c)
            {
                const auto degree = adjacency.neighboursOf(static_cast<std::size_t>(r * n + c)).size();
                const int expected = 4 - (r == 0) - (r == n - 1) - (c == 0) - (c == n - 1);
                QCOMPARE(static_cast<int>(degree), expected);
            }
    }

    void giStarHandValues()
    {
        // A path of five areas 0-1-2-3-4 with values 1 2 3 4 10: n = 5, mean 4, s^2 = 50 / 5 = 10.
        // W = 2 at the ends, 3 inside; s sqrt((n W - W^2) / (n - 1)) = sqrt(10 * 1.5) = sqrt(15) for both.
        // z_i = (L_i - 4 W_i) / sqrt(15): L = 3, 6, 9, 17, 14.
        const GridAdjacency path = adjacencyFromLists({0, 1, 2, 3, 4}, {{1}, {2}, {3}, {4}, {}});
        QCOMPARE(neighbours(path, 2), (std::vector<std::uint32_t>{1, 3}));
        const std::vector<double> values{1, 2, 3, 4, 10};
        const std::vector<GiStar> gi = getisOrdGiStar(values, path);
        const double root15 = std::sqrt(15.0);
        const double expected[] = {-5 / root15, -6 / root15, -3 / root15, 5 / root15, 6 / root15};
        for (int i = 0; i < 5; ++i)
            CITYTWIN_COMPARE_NEAR(gi[i].z, expected[i], 1e-12);
        CITYTWIN_COMPARE_NEAR(gi[4].localSum, 14.0, 0.0);
        // z = 1.549193: two-sided p = erfc(z / sqrt 2) = 0.121335, not significant.
        CITYTWIN_COMPARE_NEAR(gi[4].pValue, 0.1213352503, 1e-9);
        QCOMPARE(gi[4].hotSpotClass, HotSpotClass::NotSignificant);
        // PySAL's ratio form gives the same z: G*_4 = 14 / 20 = 0.7, E = 0.4, Var = 0.06 * 10 / 16 = 0.0375.
        CITYTWIN_COMPARE_NEAR((0.7 - 0.4) / std::sqrt(0.0375), gi[4].z, 1e-12);

        // A missing value drops out of n and of its neighbours' sums: the same as the path without it.
        const GridAdjacency longer = adjacencyFromLists({0, 1, 2, 3, 4, 5}, {{1}, {2}, {3}, {4}, {5}, {}});
        const std::vector<double> withGap{1, 2, 3, 4, 10, std::numeric_limits<double>::quiet_NaN()};
        const std::vector<GiStar> gapped = getisOrdGiStar(withGap, longer);
        for (int i = 0; i < 5; ++i)
            CITYTWIN_COMPARE_NEAR(gapped[i].z, expected[i], 1e-12);
        QVERIFY(std::isnan(gapped[5].z));
        QCOMPARE(gapped[5].hotSpotClass, HotSpotClass::NotSignificant);

        // All values equal: nothing stands out.
        for (const GiStar& flat : getisOrdGiStar(std::vector<double>(5, 0.3), path))
        {
            QCOMPARE(flat.z, 0.0);
            QCOMPARE(flat.pValue, 1.0);
        }
    }

    void giStarMatchesPysalFormAndClassifies()
    {
        // 7 x 7 squares: a 3 x 3 block of 100 around the centre, 0 elsewhere, plus noise.
        const GridAdjacency adjacency = gridAdjacency(squareGrid(7, 7));
        std::vector<double> values(49);
        std::mt19937 random(3);
        std::uniform_real_distribution<double> noise(0.0, 5.0);
        for (int r = 0; r < 7; ++r)
            for (int c = 0; c < 7; ++c)
                values[r * 7 + c] = (std::abs(r - 3) <= 1 && std::abs(c - 3) <= 1 ? 100.0 : 0.0) + noise(random);
        const std::vector<GiStar> gi = getisOrdGiStar(values, adjacency);
        const std::vector<double> z = pysalStyleZ(values, adjacency);
        for (std::size_t i = 0; i < 49; ++i)
        {
            CITYTWIN_COMPARE_NEAR(gi[i].z, z[i], 1e-9);
            CITYTWIN_COMPARE_NEAR(gi[i].pValue, std::erfc(std::abs(z[i]) / std::sqrt(2.0)), 1e-12);
            const Confidence level = confidenceOf(gi[i].pValue);
            const bool hot = gi[i].hotSpotClass >= HotSpotClass::Hot90;
            const bool cold = gi[i].hotSpotClass <= HotSpotClass::Cold90;
            QCOMPARE(hot, level != Confidence::None && z[i] > 0);
            QCOMPARE(cold, level != Confidence::None && z[i] < 0);
        }
        // The block's centre: L = 5 x 100 + noise, W = 5 -> z about 4.3: hot at 99 %.
        QCOMPARE(gi[24].hotSpotClass, HotSpotClass::Hot99);
        QVERIFY(gi[24].z > 3.5);
        QCOMPARE(gi[0].hotSpotClass, HotSpotClass::NotSignificant);

        QCOMPARE(confidenceOf(0.0099), Confidence::Percent99);
        QCOMPARE(confidenceOf(0.01), Confidence::Percent99);
        QCOMPARE(confidenceOf(0.0101), Confidence::Percent95);
        QCOMPARE(confidenceOf(0.05), Confidence::Percent95);
        QCOMPARE(confidenceOf(0.0768), Confidence::Percent90);
        QCOMPARE(confidenceOf(0.1001), Confidence::None);
        QCOMPARE(confidenceOf(std::numeric_limits<double>::quiet_NaN()), Confidence::None);
    }

    void binomialRateTestExactValues()
    {
        // 12 vs 4 at equal exposure: P(X >= 12 | 16, 1/2) = (1820 + 560 + 120 + 16 + 1) / 65536 = 2517 / 65536.
        QCOMPARE(poissonRateTest(12, 4, 0.5), 2.0 * 2517.0 / 65536.0); // 0.0768
        QCOMPARE(poissonRateTest(12, 4, 0.5, ChangeTest::Increase), 2517.0 / 65536.0);
        // 3 vs 12: 2 (1 + 15 + 105 + 455) / 32768.
        QCOMPARE(poissonRateTest(3, 12, 0.5), 2.0 * 576.0 / 32768.0);
        // Values computed exactly with rational arithmetic (Python fractions, R's binom.test rule); the
        // unequal shares give asymmetric two-sided sets.
        struct Case
        {
            std::int64_t a, b;
            double share, twoSided, increase;
        };
        const Case cases[] = {
            {10, 8, 0.2, 0.00091089235738624002, 0.00091089235738624002},
            {10, 20, 0.2, 0.10526613344065248, 0.061087148288655475},
            {1, 30, 0.2, 0.013053043615528861, 0.99900964796857172},
            {1100, 1900, 0.4, 0.00019290925494394752, 0.99991612269826369},
            {1300, 2200, 1.0 / 3.0, 2.1840211577409973e-06, 1.1612022774646872e-06},
            {50, 2950, 0.01, 0.00064322124256845515, 0.00048468158958216465},
        };
        for (const Case& c : cases)
        {
            const double two = poissonRateTest(c.a, c.b, c.share);
            const double up = poissonRateTest(c.a, c.b, c.share, ChangeTest::Increase);
            QVERIFY2(std::abs(two / c.twoSided - 1.0) < 1e-8, qPrintable(QString::number(two, 'g', 17)));
            QVERIFY2(std::abs(up / c.increase - 1.0) < 1e-8, qPrintable(QString::number(up, 'g', 17)));
            QVERIFY(std::abs(two / bruteForceTwoSided(c.a, c.b, c.share) - 1.0) < 1e-8);
        }
        // Tiny tails keep their exponent: 1000 vs 0 at 1/2 is 2 x 2^-1000.
        QVERIFY(std::abs(poissonRateTest(1000, 0, 0.5) / std::ldexp(1.0, -999) - 1.0) < 1e-9);
        QCOMPARE(poissonRateTest(0, 0, 0.5), 1.0);
        QCOMPARE(poissonRateTest(5, 4, 0.5), 1.0); // the most likely outcome
        QCOMPARE(poissonRateTest(0, 7, 0.5, ChangeTest::Increase), 1.0);
        QVERIFY(std::isnan(poissonRateTest(1, 1, 1.0)));
        // Large n in little time.
        const auto start = std::chrono::steady_clock::now();
        double sum = 0.0;
        for (int i = 0; i < 10000; ++i)
            sum += poissonRateTest(2000 + i % 100, 2000, 0.5);
        qInfo("10,000 two-sided tests at n ~ 4,000: %.3f s", secondsSince(start));
        QVERIFY(sum > 0.0);
    }

    void periodChangesSortedAndDescribed()
    {
        const std::vector<ChangeCounts> rows{
            {412, 0, 12, 4}, {7, 1, 3, 12}, {8, -1, 0, 0}, {9, 0, 5, 0}, {5, -1, 5, 4}};
        const std::vector<ChangeResult> results = periodChanges(rows);
        QCOMPARE(results.size(), std::size_t{4}); // the row with nothing in either week is left out
        QCOMPARE(results[0].areaId, 7);           // 95 %
        QCOMPARE(results[1].areaId, 412);         // 90 %, excess 8
        QCOMPARE(results[2].areaId, 9);           // 90 %, excess 5
        QCOMPARE(results[3].areaId, 5);
        QCOMPARE(results[0].level, Confidence::Percent95);
        QCOMPARE(results[0].direction, ChangeDirection::Down);
        CITYTWIN_COMPARE_NEAR(results[0].ratio, 0.25, 1e-15);
        QCOMPARE(results[1].level, Confidence::Percent90);
        QCOMPARE(results[1].direction, ChangeDirection::Up);
        CITYTWIN_COMPARE_NEAR(results[1].ratio, 3.0, 1e-15);
        CITYTWIN_COMPARE_NEAR(results[1].pValue, 0.076812744140625, 1e-15);
        QVERIFY(std::isinf(results[2].ratio));
        QCOMPARE(results[3].level, Confidence::None);

        const std::vector<std::string> names{"street_vending", "exposed_garbage"};
        QCOMPARE(describe(results[0], names), std::string("grid 7: exposed_garbage down to 0.25x (3 vs 12), "
                                                          "significant at 95%"));
        QCOMPARE(describe(results[1], names),
                 std::string("grid 412: street_vending up 3.0x (12 vs 4), significant at 90%"));
        QCOMPARE(describe(results[2], names), std::string("grid 9: street_vending new (5 vs 0), significant at 90%"));
        QCOMPARE(describe(results[3]), std::string("grid 5: up 1.2x (5 vs 4), not significant (p = 1)"));
        QCOMPARE(describe(results[1], {}, "community"),
                 std::string("community 412: category 0 up 3.0x (12 vs 4), significant at 90%"));

        // Against the mean of the 4 weeks before: 10 this week vs 8 in four weeks (2 a week): share 1/5.
        ChangeOptions options;
        options.beforePeriods = 4.0;
        const std::vector<ChangeCounts> monthly{{1, -1, 10, 8}, {2, -1, 20, 10}};
        const std::vector<ChangeResult> vsMean = periodChanges(monthly, options);
        // Both at 99 %: the larger excess (20 - 2.5) first.
        QCOMPARE(vsMean[0].areaId, 2);
        QCOMPARE(describe(vsMean[0]), std::string("grid 2: up 8.0x (20 vs 2.5), significant at 99%"));
        QCOMPARE(vsMean[1].areaId, 1);
        CITYTWIN_COMPARE_NEAR(vsMean[1].expected, 2.0, 0.0);
        CITYTWIN_COMPARE_NEAR(vsMean[1].ratio, 5.0, 1e-15);
        QVERIFY(std::abs(vsMean[1].pValue / 0.00091089235738624002 - 1.0) < 1e-8);
        options.test = ChangeTest::Increase;
        QVERIFY(std::abs(periodChanges(std::vector<ChangeCounts>{{1, -1, 10, 20}}, options)[0].pValue /
                             0.061087148288655475 -
                         1.0) < 1e-8);
    }

    void tallyCountsPeriods()
    {
        // Week 0 = [0, 7 days); the two weeks before: [-14 days, 0).
        const std::vector<std::int64_t> areas{100, 200};
        const std::vector<std::int32_t> areaOf{0, 0, 0, 1, -1, 1, 0};
        const std::vector<std::int64_t> times{0, 6 * Day, -Day, -13 * Day, 0, 7 * Day, -15 * Day};
        const std::vector<std::uint8_t> categories{0, 1, 1, 2, 0, 0, 0};
        const std::vector<ChangeCounts> total =
            tallyChangeCounts(areas, areaOf, times, categories, 0, 7 * Day, 2, false);
        QCOMPARE(total.size(), std::size_t{2});
        QCOMPARE(total[0].areaId, 100);
        QCOMPARE(total[0].current, 2);
        QCOMPARE(total[0].before, 1);
        QCOMPARE(total[1].current, 0);
        QCOMPARE(total[1].before, 1);
        const std::vector<ChangeCounts> split =
            tallyChangeCounts(areas, areaOf, times, categories, 0, 7 * Day, 2, true);
        QCOMPARE(split.size(), std::size_t{6});
        QCOMPARE(split[1].areaId, 100);
        QCOMPARE(split[1].category, 1);
        QCOMPARE(split[1].current, 1);
        QCOMPARE(split[1].before, 1);
        QCOMPARE(split[5].category, 2);
        QCOMPARE(split[5].before, 1);
    }

    void clustersChainAndBreak()
    {
        // Category 1 at x = 0, 40, 80, 120 every 10 days: a chain of 50 m / 15 day links, 120 m and 30 days long.
        // The point at x = 170 (exactly the distance on) 15 days later (exactly the window) joins it. The one at
        // 220.5 is 50.5 m too far; the one at 205 is 15.5 m from it 15 days later (a pair of their own) and 35 m
        // from 170 but 16 days later. Category 2 on the chain stays apart; 1000 and 1060 are 60 m apart.
        std::vector<double> x{0, 40, 80, 120, 170, 220.5, 205, 60, 1000, 1060};
        std::vector<double> y{0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        std::vector<std::int64_t> t{0,        10 * Day, 20 * Day, 30 * Day, 45 * Day,
                                    46 * Day, 61 * Day, 15 * Day, 0,        15 * Day};
        std::vector<std::uint8_t> c{1, 1, 1, 1, 1, 1, 1, 2, 1, 1};
        RecurringOptions options;
        options.distance = 50.0;
        options.window = 15 * Day;
        options.minimumCount = 1;
        const RecurringPlaces result = recurringPlaces(x, y, t, c, options);
        QCOMPARE(result.places.size(), std::size_t{5});
        const RecurringPlace& chain = result.places[0];
        QCOMPARE(chain.count, 5u);
        QCOMPARE(chain.category, std::uint8_t{1});
        const auto members = result.membersOf(0);
        QCOMPARE(std::vector<std::uint32_t>(members.begin(), members.end()),
                 (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
        CITYTWIN_COMPARE_NEAR(chain.centerX, 82.0, 1e-12);
        CITYTWIN_COMPARE_NEAR(chain.centerY, 0.0, 1e-12);
        CITYTWIN_COMPARE_NEAR(chain.radius, 88.0, 1e-12);
        QCOMPARE(chain.firstTime, 0);
        QCOMPARE(chain.lastTime, 45 * Day);
        QCOMPARE(result.places[1].count, 2u);
        QCOMPARE(result.membersOf(1)[0], 5u);
        QCOMPARE(result.membersOf(1)[1], 6u);
        QCOMPARE(result.places[1].lastTime - result.places[1].firstTime, 15 * Day);
        CITYTWIN_COMPARE_NEAR(result.places[1].radius, 7.75, 1e-12);
        for (std::size_t i = 2; i < result.places.size(); ++i)
            QCOMPARE(result.places[i].count, 1u);
        // Equal counts: by category, then first time (8 at day 0, 9 at day 15, then category 2).
        QCOMPARE(result.membersOf(2)[0], 8u);
        QCOMPARE(result.membersOf(3)[0], 9u);
        QCOMPARE(result.places[4].category, std::uint8_t{2});

        // minimumCount drops the singles.
        options.minimumCount = 3;
        QCOMPARE(recurringPlaces(x, y, t, c, options).places.size(), std::size_t{1});
        // A 16-day window links 205 to 170, which brings 220.5 along.
        options.window = 16 * Day;
        QCOMPARE(recurringPlaces(x, y, t, c, options).places[0].count, 7u);
        // Float coordinates give the same, and a NaN coordinate is left out.
        x[1] = std::numeric_limits<double>::quiet_NaN();
        options.window = 15 * Day;
        options.minimumCount = 1;
        const RecurringPlaces broken = recurringPlaces(x, y, t, c, options);
        // 0 and 80 are 80 m apart without 40: the chain is 80, 120, 170.
        QCOMPARE(broken.places[0].count, 3u);
        QCOMPARE(broken.membersOf(0)[0], 2u);
        QCOMPARE(broken.members.size(), std::size_t{9});
        const std::vector<float> xf(x.begin(), x.end()), yf(y.begin(), y.end());
        QCOMPARE(clusterSets(recurringPlaces(xf, yf, t, c, options)), clusterSets(broken));
    }

    void clustersMatchBruteForce()
    {
        // 3,000 incidents in 600 m x 600 m over a year, three categories, some piled near a few spots: the sweep
        // finds exactly the all-pairs single-linkage components.
        std::mt19937 random(11);
        std::uniform_real_distribution<double> uniform(0.0, 600.0);
        std::normal_distribution<double> near(0.0, 30.0);
        std::uniform_int_distribution<std::int64_t> when(0, 365 * Day);
        std::uniform_int_distribution<int> category(0, 2);
        std::vector<double> x, y;
        std::vector<std::int64_t> t;
        std::vector<std::uint8_t> c;
        for (int i = 0; i < 3000; ++i)
        {
            const bool spot = i % 3 == 0;
            x.push_back(spot ? 150.0 * (1 + i % 4) + near(random) : uniform(random));
            y.push_back(spot ? 300.0 + near(random) : uniform(random));
            t.push_back(when(random));
            c.push_back(static_cast<std::uint8_t>(category(random)));
        }
        for (const double distance : {10.0, 35.0, 80.0})
        {
            RecurringOptions options;
            options.distance = distance;
            options.window = 20 * Day;
            options.minimumCount = 2;
            const RecurringPlaces result = recurringPlaces(x, y, t, c, options);
            QCOMPARE(clusterSets(result), bruteForceClusters(x, y, t, c, options));
            for (std::size_t i = 1; i < result.places.size(); ++i)
                QVERIFY(result.places[i - 1].count >= result.places[i].count);
        }

        // Ties everywhere: whole days, coordinates on a 5 m lattice (pairs exactly 50 m apart, such as 30 / 40,
        // and exactly on cell borders), a zero window.
        std::uniform_int_distribution<int> lattice(0, 40), day(0, 60);
        for (std::size_t i = 0; i < x.size(); ++i)
        {
            x[i] = 5.0 * lattice(random);
            y[i] = 5.0 * lattice(random);
            t[i] = day(random) * Day;
        }
        for (const std::int64_t window : {std::int64_t{0}, 3 * Day})
        {
            RecurringOptions options;
            options.distance = 50.0;
            options.window = window;
            options.minimumCount = 2;
            QCOMPARE(clusterSets(recurringPlaces(x, y, t, c, options)), bruteForceClusters(x, y, t, c, options));
        }
    }

    void clustersOfManyIncidents()
    {
        // 330,000 incidents over 17 km x 15 km and a year, 20 categories, a third around 300 hot spots.
        std::mt19937 random(5);
        std::uniform_real_distribution<double> ux(500000.0, 517000.0), uy(4370000.0, 4385000.0);
        std::normal_distribution<double> near(0.0, 40.0);
        std::uniform_int_distribution<std::int64_t> when(0, 365 * Day);
        std::vector<double> x, y;
        std::vector<std::int64_t> t;
        std::vector<std::uint8_t> c;
        std::vector<std::pair<double, double>> spots;
        for (int i = 0; i < 300; ++i)
            spots.emplace_back(ux(random), uy(random));
        for (int i = 0; i < 330000; ++i)
        {
            const auto& spot = spots[static_cast<std::size_t>(i) % spots.size()];
            x.push_back(i % 3 == 0 ? spot.first + near(random) : ux(random));
            y.push_back(i % 3 == 0 ? spot.second + near(random) : uy(random));
            t.push_back(when(random));
            c.push_back(static_cast<std::uint8_t>(i % 20));
        }
        const auto start = std::chrono::steady_clock::now();
        const RecurringPlaces result = recurringPlaces(x, y, t, c);
        const double seconds = secondsSince(start);
        qInfo("330k synthetic incidents: %zu recurring places in %.3f s", result.places.size(), seconds);
        QVERIFY(!result.places.empty());
    }

    void sampleProject()
    {
        const QString path = citytwin::test::testSamplePath();
        CITYTWIN_REQUIRE_DATA(QFileInfo::exists(path), "the sample project");

        // Grids: rook adjacency, everyone has a neighbour, symmetric.
        VectorReadOptions readOptions;
        readOptions.layerName = "grids";
        auto layers = readVectorSource(path.toStdString(), readOptions);
        QVERIFY2(layers.ok(), layers.ok() ? "" : layers.error().message().c_str());
        QCOMPARE(layers->size(), std::size_t{1});
        const VectorLayer& grids = layers->front();
        auto start = std::chrono::steady_clock::now();
        const GridAdjacency adjacency = gridAdjacency(grids);
        const double adjacencySeconds = secondsSince(start);
        QCOMPARE(adjacency.size(), std::size_t{2257});
        QVERIFY(symmetric(adjacency));
        std::map<std::size_t, int> degrees;
        for (std::size_t i = 0; i < adjacency.size(); ++i)
        {
            ++degrees[adjacency.neighboursOf(i).size()];
            QVERIFY2(!adjacency.neighboursOf(i).empty(), qPrintable(QString::number(adjacency.ids[i])));
        }
        QString degreeText;
        for (const auto& [degree, count] : degrees)
            degreeText += QStringLiteral(" %1:%2").arg(degree).arg(count);
        qInfo("sample grids: adjacency of %zu grids in %.3f s; degree:count%s", adjacency.size(), adjacencySeconds,
              qPrintable(degreeText));

        // Incidents: positions, times, categories, grids.
        auto database = Database::open(path.toStdString(), Database::Mode::ReadOnly);
        QVERIFY(database.ok());
        std::map<std::int64_t, std::size_t> gridIndex;
        for (std::size_t i = 0; i < adjacency.size(); ++i)
            gridIndex[adjacency.ids[i]] = i;
        std::vector<double> x, y;
        std::vector<std::int64_t> t;
        std::vector<std::uint8_t> c;
        std::vector<std::int32_t> areaOf;
        std::map<std::string, std::uint8_t> categoryCodes;
        std::vector<std::string> categoryNames;
        start = std::chrono::steady_clock::now();
        auto statement = database->prepare("SELECT geom, category, reported_at, grid_id FROM incidents");
        QVERIFY(statement.ok());
        const auto read = statement->forEachRow(
            [&](const Statement& row)
            {
                const auto point = gpkg::decodePoint(row.columnBlob(0));
                const auto time = parseDateTime(row.columnText(2), 480);
                if (!point || !time)
                    return;
                const std::string category = row.columnText(1);
                auto code = categoryCodes.find(category);
                if (code == categoryCodes.end())
                {
                    code = categoryCodes.emplace(category, static_cast<std::uint8_t>(categoryNames.size())).first;
                    categoryNames.push_back(category);
                }
                const auto grid = gridIndex.find(row.columnInt64(3));
                x.push_back(point->x);
                y.push_back(point->y);
                t.push_back(*time);
                c.push_back(code->second);
                areaOf.push_back(grid == gridIndex.end() ? -1 : static_cast<std::int32_t>(grid->second));
            });
        QVERIFY(read.ok());
        qInfo("sample incidents: %zu read in %.3f s", x.size(), secondsSince(start));
        QVERIFY(x.size() > 300000);

        // Gi* of incidents per grid. The sample puts about half of the street vending within some 60 m of its 94
        // markets, and a fifth of illegal parking and street vending around its schools. A market grid is a spike
        // among quieter neighbours, and Gi* (a cluster statistic over the grid and its rook neighbours) rates such
        // a spike only about z = 2: so every market grid leans hot, about half reach 90 %, and markets and schools
        // are far more often hot than grids in general.
        std::set<std::size_t> marketGrids, schoolGrids;
        for (const char* use : {"market", "school"})
        {
            auto query = database->prepare("SELECT DISTINCT grid_id FROM buildings WHERE use = ?");
            QVERIFY(query.ok());
            query->bind(1, use);
            const auto rows = query->forEachRow(
                [&](const Statement& row)
                {
                    const auto grid = gridIndex.find(row.columnInt64(0));
                    if (grid != gridIndex.end())
                        (std::string(use) == "market" ? marketGrids : schoolGrids).insert(grid->second);
                });
            QVERIFY(rows.ok());
        }
        QVERIFY(marketGrids.size() > 50 && schoolGrids.size() > 100);
        const auto countsOf = [&](std::initializer_list<const char*> categories)
        {
            std::vector<bool> wanted(categoryNames.size(), categories.size() == 0);
            for (const char* name : categories)
                for (std::size_t k = 0; k < categoryNames.size(); ++k)
                    wanted[k] = wanted[k] || categoryNames[k] == name;
            std::vector<double> counts(adjacency.size(), 0.0);
            for (std::size_t i = 0; i < areaOf.size(); ++i)
                if (areaOf[i] >= 0 && wanted[c[i]])
                    counts[static_cast<std::size_t>(areaOf[i])] += 1.0;
            return counts;
        };
        struct Share
        {
            double all, markets, schools, marketMeanZ, schoolMeanZ;
            int marketsLeaningHot;
        };
        const auto hotShares = [&](const std::vector<GiStar>& gi)
        {
            const auto hot = [&gi](std::size_t i) { return gi[i].hotSpotClass >= HotSpotClass::Hot90 ? 1.0 : 0.0; };
            Share share{0, 0, 0, 0, 0, 0};
            for (std::size_t i = 0; i < gi.size(); ++i)
                share.all += hot(i) / static_cast<double>(gi.size());
            for (std::size_t i : marketGrids)
            {
                share.markets += hot(i) / static_cast<double>(marketGrids.size());
                share.marketMeanZ += gi[i].z / static_cast<double>(marketGrids.size());
                share.marketsLeaningHot += gi[i].z > 0 ? 1 : 0;
            }
            for (std::size_t i : schoolGrids)
            {
                share.schools += hot(i) / static_cast<double>(schoolGrids.size());
                share.schoolMeanZ += gi[i].z / static_cast<double>(schoolGrids.size());
            }
            return share;
        };
        const std::vector<double> all = countsOf({});
        start = std::chrono::steady_clock::now();
        const std::vector<GiStar> giAll = getisOrdGiStar(all, adjacency);
        const double giSeconds = secondsSince(start);
        const Share total = hotShares(giAll);
        const Share vending = hotShares(getisOrdGiStar(countsOf({"street_vending", "unlicensed_vendor"}), adjacency));
        const Share school = hotShares(getisOrdGiStar(countsOf({"street_vending", "illegal_parking"}), adjacency));
        qInfo("sample Gi* (all incidents) in %.5f s: hot (>= 90 %%) %.0f %% of grids, %.0f %% of market grids, "
              "%.0f %% of school grids",
              giSeconds, 100 * total.all, 100 * total.markets, 100 * total.schools);
        qInfo("sample Gi* (vending): hot %.0f %% of grids, %.0f %% of market grids (mean z %.2f, %d of %zu z > 0)",
              100 * vending.all, 100 * vending.markets, vending.marketMeanZ, vending.marketsLeaningHot,
              marketGrids.size());
        qInfo("sample Gi* (vending + parking): hot %.0f %% of grids, %.0f %% of school grids (mean z %.2f)",
              100 * school.all, 100 * school.schools, school.schoolMeanZ);
        QCOMPARE(vending.marketsLeaningHot, static_cast<int>(marketGrids.size()));
        QVERIFY(vending.marketMeanZ > 1.5);
        QVERIFY(vending.markets > 0.4);
        QVERIFY(vending.markets > 3.0 * vending.all);
        QVERIFY(school.schools > 1.5 * school.all);
        QVERIFY(school.schoolMeanZ > 0.4);
        QVERIFY(total.markets > total.all && total.schools > total.all);

        // Recurring places over the whole year.
        start = std::chrono::steady_clock::now();
        const RecurringPlaces places = recurringPlaces(x, y, t, c);
        const double clusterSeconds = secondsSince(start);
        qInfo("sample recurring places (50 m, 30 days, >= 3): %zu places, %zu incidents, largest %u (%s), in %.3f s",
              places.places.size(), places.members.size(), places.places.empty() ? 0u : places.places[0].count,
              places.places.empty() ? "" : categoryNames[places.places[0].category].c_str(), clusterSeconds);
        QVERIFY(!places.places.empty());
        for (std::size_t i = 0; i < places.places.size(); ++i)
        {
            const RecurringPlace& place = places.places[i];
            QVERIFY(place.count >= 3 && (i == 0 || places.places[i - 1].count >= place.count));
            for (std::uint32_t member : places.membersOf(i))
                QVERIFY(c[member] == place.category && t[member] >= place.firstTime && t[member] <= place.lastTime);
        }

        // Week over week per grid and category for the last full week of the sample.
        const std::int64_t lastWeek = *parseDateTime("2025-12-22T00:00:00+08:00", 480);
        start = std::chrono::steady_clock::now();
        const std::vector<ChangeCounts> rows =
            tallyChangeCounts(adjacency.ids, areaOf, t, c, lastWeek, 7 * Day, 4, true);
        ChangeOptions changeOptions;
        changeOptions.beforePeriods = 4;
        const std::vector<ChangeResult> changes = periodChanges(rows, changeOptions);
        qInfo("sample week-over-4-week changes: %zu tested in %.3f s; first: %s", changes.size(), secondsSince(start),
              changes.empty() ? "" : describe(changes.front(), categoryNames).c_str());
        QVERIFY(!changes.empty());
    }
};

QTEST_GUILESS_MAIN(TestHotspots)
#include "test_hotspots.moc"
