#include "common/compare.hpp"

#include "data/analysis/classification.hpp"
#include "data/core/field_values.hpp"
#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <QElapsedTimer>
#include <QStringList>
#include <QTest>

using namespace citytwin::data;

namespace
{
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QString edgesText(const std::vector<double>& edges)
{
    QStringList parts;
    for (double edge : edges)
        parts << QString::number(edge, 'g', 10);
    return QStringLiteral("{") + parts.join(QStringLiteral(", ")) + QStringLiteral("}");
}

bool sameEdges(const std::vector<double>& actual, const std::vector<double>& expected, double eps = 1e-9)
{
    return actual.size() == expected.size() && std::equal(actual.begin(), actual.end(), expected.begin(),
                                                          [eps](double a, double b) { return std::abs(a - b) <= eps; });
}

#define COMPARE_EDGES(actual, expected)                                                                                \
    do                                                                                                                 \
    {                                                                                                                  \
        const std::vector<double> edgesActual = (actual);                                                              \
        const std::vector<double> edgesExpected = expected;                                                            \
        QVERIFY2(sameEdges(edgesActual, edgesExpected),                                                                \
                 qPrintable(edgesText(edgesActual) + QStringLiteral(", expected ") + edgesText(edgesExpected)));       \
    } while (false)

std::vector<double> range(int first, int last)
{
    std::vector<double> values(static_cast<std::size_t>(last - first + 1));
    std::iota(values.begin(), values.end(), static_cast<double>(first));
    return values;
}

std::vector<int> classCounts(const std::vector<double>& values, const std::vector<double>& edges)
{
    std::vector<int> counts(edges.size() - 1, 0);
    for (double value : values)
        ++counts[static_cast<std::size_t>(classOf(value, edges))];
    return counts;
}

bool strictlyIncreasing(const std::vector<double>& edges)
{
    return std::adjacent_find(edges.begin(), edges.end(), std::greater_equal<double>()) == edges.end();
}

/// Sum of squared deviations from the class means of values classified by edges.
double withinClassDeviation(const std::vector<double>& values, const std::vector<double>& edges)
{
    const std::size_t classes = edges.size() - 1;
    std::vector<double> sums(classes, 0.0), squares(classes, 0.0), counts(classes, 0.0);
    for (double value : values)
    {
        const auto index = static_cast<std::size_t>(classOf(value, edges));
        sums[index] += value;
        squares[index] += value * value;
        counts[index] += 1.0;
    }
    double total = 0.0;
    for (std::size_t i = 0; i < classes; ++i)
        if (counts[i] > 0.0)
            total += squares[i] - sums[i] * sums[i] / counts[i];
    return total;
}

/// The least within-class deviation of sorted values split into three contiguous classes, by trying every split.
double bestThreeClassDeviation(const std::vector<double>& sorted)
{
    const auto deviation = [&](std::size_t from, std::size_t to)
    {
        const double mean = std::accumulate(sorted.begin() + from, sorted.begin() + to, 0.0) / (to - from);
        double total = 0.0;
        for (std::size_t i = from; i < to; ++i)
            total += (sorted[i] - mean) * (sorted[i] - mean);
        return total;
    };
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t first = 1; first + 1 < sorted.size(); ++first)
        for (std::size_t second = first + 1; second < sorted.size(); ++second)
            best = std::min(best, deviation(0, first) + deviation(first, second) + deviation(second, sorted.size()));
    return best;
}

/// Values scattered by up to ±3 % around 1, 10 and 100, count of each (a wider spread around 100 would make
/// splitting that cluster cheaper, in variance, than separating 1 from 10).
std::vector<double> threeClusters(int count, unsigned seed)
{
    std::mt19937 generator(seed);
    std::uniform_real_distribution<double> noise(0.97, 1.03);
    std::vector<double> values;
    for (double centre : {1.0, 10.0, 100.0})
        for (int i = 0; i < count; ++i)
            values.push_back(centre * noise(generator));
    std::shuffle(values.begin(), values.end(), generator);
    return values;
}

int clusterOf(double value)
{
    return value < 3.0 ? 0 : value < 30.0 ? 1 : 2;
}
} // namespace

class TestClassification : public QObject
{
    Q_OBJECT
private slots:
    void methodCodes()
    {
        for (ClassMethod method : {ClassMethod::EqualInterval, ClassMethod::Quantile, ClassMethod::NaturalBreaks})
            QVERIFY(parseClassMethod(classMethodCode(method)) == method);
        QCOMPARE(classMethodCode(ClassMethod::NaturalBreaks), "jenks");
        QVERIFY(!parseClassMethod("Jenks").has_value());
        QVERIFY(!parseClassMethod("").has_value());
    }

    void equalInterval()
    {
        COMPARE_EDGES(classBreaks(range(0, 100), 4, ClassMethod::EqualInterval),
                      (std::vector<double>{0.0, 25, 50, 75, 100}));
        // Order of the input does not matter.
        std::vector<double> reversed = range(0, 100);
        std::reverse(reversed.begin(), reversed.end());
        COMPARE_EDGES(classBreaks(reversed, 4, ClassMethod::EqualInterval),
                      (std::vector<double>{0.0, 25, 50, 75, 100}));
        COMPARE_EDGES(classBreaks({-10.0, 0.0, 5.0}, 3, ClassMethod::EqualInterval),
                      (std::vector<double>{-10.0, -5, 0, 5}));
    }

    void quantile()
    {
        const std::vector<double> values = range(1, 100);
        const std::vector<double> edges = classBreaks(values, 4, ClassMethod::Quantile);
        QCOMPARE(edges.size(), std::size_t(5));
        QCOMPARE(edges.front(), 1.0);
        QCOMPARE(edges.back(), 100.0);
        CITYTWIN_COMPARE_NEAR(edges[1], 25.0, 1.0);
        CITYTWIN_COMPARE_NEAR(edges[2], 50.0, 1.0);
        CITYTWIN_COMPARE_NEAR(edges[3], 75.0, 1.0);
        QCOMPARE(classCounts(values, edges), (std::vector<int>{25, 25, 25, 25}));
        // Five classes of 1..100: twenty each.
        QCOMPARE(classCounts(values, classBreaks(values, 5, ClassMethod::Quantile)),
                 (std::vector<int>{20, 20, 20, 20, 20}));
    }

    void quantileTies()
    {
        // Half the values are 0: the first class takes all of them, the others share the rest.
        std::vector<double> values(50, 0.0);
        for (int i = 1; i <= 50; ++i)
            values.push_back(i);
        const std::vector<double> edges = classBreaks(values, 4, ClassMethod::Quantile);
        QVERIFY2(strictlyIncreasing(edges), qPrintable(edgesText(edges)));
        QCOMPARE(edges.size(), std::size_t(5));
        const std::vector<int> counts = classCounts(values, edges);
        QCOMPARE(counts[0], 50);
        QVERIFY(std::all_of(counts.begin(), counts.end(), [](int count) { return count > 0; }));
        // Heavy ties at the top: every class still gets values and equal values share one.
        const std::vector<double> top{1, 2, 3, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        const std::vector<double> topEdges = classBreaks(top, 3, ClassMethod::Quantile);
        QVERIFY2(strictlyIncreasing(topEdges), qPrintable(edgesText(topEdges)));
        QCOMPARE(classCounts(top, topEdges).size(), std::size_t(3));
        QCOMPARE(classCounts(top, topEdges).back(), 9);
    }

    void naturalBreaksSeparatesClusters()
    {
        for (unsigned seed : {1u, 2u, 3u})
        {
            const std::vector<double> values = threeClusters(20, seed);
            const std::vector<double> edges = classBreaks(values, 3, ClassMethod::NaturalBreaks);
            QCOMPARE(edges.size(), std::size_t(4));
            for (double value : values)
                QCOMPARE(classOf(value, edges), clusterOf(value));
        }
    }

    void naturalBreaksByHand()
    {
        // Two classes: {1 .. 10} | {20} has 69.71 (all other splits more, e.g. {1 .. 5} | {7 .. 20}: 111).
        // Three classes: {1, 2, 4, 5} | {7, 9, 10} | {20}: 10 + 4.67 + 0 = 14.67.
        const std::vector<double> values{7, 1, 20, 4, 10, 2, 9, 5};
        COMPARE_EDGES(classBreaks(values, 2, ClassMethod::NaturalBreaks), (std::vector<double>{1.0, 15, 20}));
        COMPARE_EDGES(classBreaks(values, 3, ClassMethod::NaturalBreaks), (std::vector<double>{1.0, 6, 15, 20}));
        CITYTWIN_COMPARE_NEAR(withinClassDeviation(values, classBreaks(values, 3, ClassMethod::NaturalBreaks)),
                              44.0 / 3.0, 1e-9);
    }

    void naturalBreaksAreOptimal()
    {
        std::mt19937 generator(42);
        std::lognormal_distribution<double> distribution(2.0, 1.0);
        for (int round = 0; round < 20; ++round)
        {
            std::vector<double> values(12);
            for (double& value : values)
                value = std::round(distribution(generator) * 10.0) / 10.0;
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end());
            if (std::unique(sorted.begin(), sorted.end()) != sorted.end())
                continue; // the brute force below splits ties, which edges cannot
            const std::vector<double> edges = classBreaks(values, 3, ClassMethod::NaturalBreaks);
            CITYTWIN_COMPARE_NEAR(withinClassDeviation(values, edges), bestThreeClassDeviation(sorted), 1e-6);
        }
    }

    void fewerDistinctValuesThanClasses()
    {
        const std::vector<double> values{3, 7, 3, 7, 7};
        for (ClassMethod method : {ClassMethod::EqualInterval, ClassMethod::Quantile, ClassMethod::NaturalBreaks})
        {
            const std::vector<double> edges = classBreaks(values, 5, method);
            COMPARE_EDGES(edges, (std::vector<double>{3.0, 5, 7}));
            QCOMPARE(classCounts(values, edges), (std::vector<int>{2, 3}));
            COMPARE_EDGES(classBreaks({4, 4, 4}, 3, method), (std::vector<double>{4.0, 4}));
        }
        QCOMPARE(classOf(4.0, {4.0, 4.0}), 0);
        // Fewer than one class counts as one.
        COMPARE_EDGES(classBreaks({5, 1, 3}, 0, ClassMethod::NaturalBreaks), (std::vector<double>{1.0, 5}));
        COMPARE_EDGES(classBreaks({5, 1, 3}, -2, ClassMethod::Quantile), (std::vector<double>{1.0, 5}));
    }

    void ignoresNaN()
    {
        QVERIFY(classBreaks({}, 4, ClassMethod::NaturalBreaks).empty());
        QVERIFY(classBreaks({NaN, NaN}, 4, ClassMethod::Quantile).empty());
        const double infinity = std::numeric_limits<double>::infinity();
        COMPARE_EDGES(classBreaks({NaN, 0.0, infinity, 100.0, NaN}, 2, ClassMethod::EqualInterval),
                      (std::vector<double>{0.0, 50, 100}));
        COMPARE_EDGES(classBreaks({NaN, 1.0, 2.0, NaN, 9.0, 10.0}, 2, ClassMethod::NaturalBreaks),
                      (std::vector<double>{1.0, 5.5, 10}));
        QCOMPARE(classOf(NaN, {0.0, 1.0}), -1);
    }

    void classOfBoundaries()
    {
        const std::vector<double> edges{0, 25, 50, 75, 100};
        QCOMPARE(classOf(0.0, edges), 0);
        QCOMPARE(classOf(24.999, edges), 0);
        QCOMPARE(classOf(25.0, edges), 1);
        QCOMPARE(classOf(50.0, edges), 2);
        QCOMPARE(classOf(75.0, edges), 3);
        QCOMPARE(classOf(99.0, edges), 3);
        QCOMPARE(classOf(100.0, edges), 3);
        QCOMPARE(classOf(-5.0, edges), 0);
        QCOMPARE(classOf(1e9, edges), 3);
        QCOMPARE(classOf(-std::numeric_limits<double>::infinity(), edges), 0);
        QCOMPARE(classOf(1.0, {}), -1);
        QCOMPARE(classOf(1.0, {1.0}), -1);
    }

    void readsNumericField()
    {
        VectorLayer layer;
        layer.fieldNames = {"name", "population"};
        for (const char* text : {"12", " 3.5 ", "", "abc", "1e3", "+7", "-2", "nan", "12abc", "1,5"})
        {
            Feature feature;
            feature.values = {"x", text};
            layer.features.push_back(feature);
        }
        layer.features.push_back(Feature{}); // no values at all
        const std::vector<double> values = numericValues(layer, "population");
        QCOMPARE(values.size(), layer.features.size());
        QCOMPARE(values[0], 12.0);
        QCOMPARE(values[1], 3.5);
        QVERIFY(std::isnan(values[2]));
        QVERIFY(std::isnan(values[3]));
        QCOMPARE(values[4], 1000.0);
        QCOMPARE(values[5], 7.0);
        QCOMPARE(values[6], -2.0);
        for (std::size_t i = 7; i < values.size(); ++i)
            QVERIFY2(std::isnan(values[i]), qPrintable(QString::number(i)));

        const std::vector<double> missing = numericValues(layer, "area");
        QCOMPARE(missing.size(), layer.features.size());
        QVERIFY(std::all_of(missing.begin(), missing.end(), [](double value) { return std::isnan(value); }));
    }

    void naturalBreaksOnManyValues()
    {
        // 100,000 distinct values: the breaks come from a sample of 4,000, and still separate the clusters.
        const std::vector<double> values = threeClusters(100000 / 3 + 1, 7);
        QElapsedTimer timer;
        timer.start();
        const std::vector<double> edges = classBreaks(values, 3, ClassMethod::NaturalBreaks);
        const qint64 elapsed = timer.elapsed();
        qInfo("natural breaks of %zu values: %lld ms", values.size(), static_cast<long long>(elapsed));
        QCOMPARE(edges.size(), std::size_t(4));
        QVERIFY2(strictlyIncreasing(edges), qPrintable(edgesText(edges)));
        QCOMPARE(edges.front(), *std::min_element(values.begin(), values.end()));
        QCOMPARE(edges.back(), *std::max_element(values.begin(), values.end()));
        for (double value : values)
            QCOMPARE(classOf(value, edges), clusterOf(value));
        // Seven classes of a skewed distribution: sorted edges, every class used.
        std::mt19937 generator(11);
        std::lognormal_distribution<double> distribution(3.0, 1.2);
        std::vector<double> skewed(100000);
        for (double& value : skewed)
            value = distribution(generator);
        timer.restart();
        const std::vector<double> skewedEdges = classBreaks(skewed, 7, ClassMethod::NaturalBreaks);
        qInfo("7 natural breaks of 100000 values: %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(skewedEdges.size(), std::size_t(8));
        QVERIFY2(strictlyIncreasing(skewedEdges), qPrintable(edgesText(skewedEdges)));
        const std::vector<int> counts = classCounts(skewed, skewedEdges);
        QVERIFY(std::all_of(counts.begin(), counts.end(), [](int count) { return count > 0; }));
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "test_classification.moc"
