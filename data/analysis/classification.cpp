#include "data/analysis/classification.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>

namespace citytwin::data
{
namespace
{
/// Natural breaks are exact up to this many distinct values; above it they are computed on a sample (O(k·n²)).
constexpr std::size_t MaximumJenksValues = 4000;

/// Sorted distinct values with how often each occurs.
struct Distinct
{
    std::vector<double> values;
    std::vector<double> counts;
};

Distinct distinctOf(const std::vector<double>& sorted)
{
    Distinct distinct;
    for (double value : sorted)
    {
        if (!distinct.values.empty() && distinct.values.back() == value)
            distinct.counts.back() += 1.0;
        else
        {
            distinct.values.push_back(value);
            distinct.counts.push_back(1.0);
        }
    }
    return distinct;
}

/// Returns the edges of classes that start at the given distinct values (k - 1 increasing indices in 1 .. d - 1):
/// the minimum, the midpoints between the last value of each class and the first of the next, the maximum.
std::vector<double> edgesFromStarts(const std::vector<double>& values, const std::vector<std::size_t>& starts)
{
    std::vector<double> edges{values.front()};
    for (std::size_t start : starts)
        edges.push_back(std::midpoint(values[start - 1], values[start]));
    edges.push_back(values.back());
    return edges;
}

std::vector<double> equalIntervalEdges(double minimum, double maximum, int classes)
{
    std::vector<double> edges;
    for (int i = 0; i <= classes; ++i)
        edges.push_back(std::lerp(minimum, maximum, static_cast<double>(i) / classes));
    edges.back() = maximum;
    // A range of a few ulps cannot be cut into as many steps.
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

/// Starts each class at the distinct value whose rank is nearest to i·n/k, keeping every class non-empty: equal
/// values never straddle a class boundary, so heavy ties make some classes larger than n/k.
std::vector<std::size_t> quantileStarts(const Distinct& distinct, int classes)
{
    const std::size_t count = distinct.values.size();
    // valuesBefore[j]: how many values are smaller than distinct value j.
    std::vector<double> valuesBefore(count + 1, 0.0);
    std::partial_sum(distinct.counts.begin(), distinct.counts.end(), valuesBefore.begin() + 1);
    const double total = valuesBefore.back();

    std::vector<std::size_t> starts;
    std::size_t lowest = 1;
    for (int i = 1; i < classes; ++i)
    {
        const double target = total * i / classes;
        const auto at = std::lower_bound(valuesBefore.begin() + 1, valuesBefore.end() - 1, target);
        auto start = static_cast<std::size_t>(at - valuesBefore.begin());
        if (start > 1 && (start == count || target - valuesBefore[start - 1] <= valuesBefore[start] - target))
            --start;
        const std::size_t highest = count - static_cast<std::size_t>(classes - i);
        start = std::clamp(start, lowest, highest);
        starts.push_back(start);
        lowest = start + 1;
    }
    return starts;
}

/// Jenks-Fisher natural breaks by dynamic programming over the weighted distinct values: bestCost[c][j] is the
/// least sum of squared deviations of the first j values split into c + 1 classes. O(k·n²) time, O(k·n) memory.
std::vector<std::size_t> naturalBreakStarts(const Distinct& distinct, int classes)
{
    const std::size_t count = distinct.values.size();
    const auto k = static_cast<std::size_t>(classes);
    // Prefix sums of weights, of values and of squared values; the values are centred on their mean so that the
    // variance of large coordinates-like numbers (1e6 ± 10) does not cancel out in double precision.
    const double mean = distinct.values[count / 2];
    std::vector<double> weights(count + 1, 0.0), sums(count + 1, 0.0), squares(count + 1, 0.0);
    for (std::size_t i = 0; i < count; ++i)
    {
        const double x = distinct.values[i] - mean;
        const double w = distinct.counts[i];
        weights[i + 1] = weights[i] + w;
        sums[i + 1] = sums[i] + w * x;
        squares[i + 1] = squares[i] + w * x * x;
    }
    const auto cost = [&](std::size_t from, std::size_t to) // values [from, to)
    {
        const double sum = sums[to] - sums[from];
        return squares[to] - squares[from] - sum * sum / (weights[to] - weights[from]);
    };

    std::vector<double> previous(count + 1), current(count + 1, std::numeric_limits<double>::infinity());
    for (std::size_t j = 1; j <= count; ++j)
        previous[j] = cost(0, j);
    // bestStart[c][j]: where the last of c + 1 classes starts in the best split of the first j values.
    std::vector<std::vector<std::size_t>> bestStart(k, std::vector<std::size_t>(count + 1, 0));
    for (std::size_t c = 1; c < k; ++c)
    {
        // The last row only needs the split of all values.
        const std::size_t firstEnd = c + 1 == k ? count : c + 1;
        for (std::size_t j = firstEnd; j <= count; ++j)
        {
            double best = std::numeric_limits<double>::infinity();
            std::size_t bestAt = c;
            for (std::size_t start = c; start < j; ++start)
            {
                const double total = previous[start] + cost(start, j);
                if (total < best)
                {
                    best = total;
                    bestAt = start;
                }
            }
            current[j] = best;
            bestStart[c][j] = bestAt;
        }
        std::swap(previous, current);
    }

    std::vector<std::size_t> starts(k - 1);
    std::size_t end = count;
    for (std::size_t c = k - 1; c >= 1; --c)
    {
        end = bestStart[c][end];
        starts[c - 1] = end;
    }
    return starts;
}

std::vector<std::size_t> naturalBreakStartsSampled(const std::vector<double>& sorted, const Distinct& distinct,
                                                   int classes)
{
    if (distinct.values.size() <= MaximumJenksValues)
        return naturalBreakStarts(distinct, classes);
    // Too many distinct values for O(k·n²): run on an evenly spaced sample of MaximumJenksValues sorted values (by
    // rank, so the sample keeps the distribution, first and last included), then move each break to the gap of the
    // full data at the sample's midpoint. Breaks are near optimal, no longer exact.
    std::vector<double> sample(MaximumJenksValues);
    const double step = static_cast<double>(sorted.size() - 1) / static_cast<double>(MaximumJenksValues - 1);
    for (std::size_t i = 0; i < MaximumJenksValues; ++i)
        sample[i] = sorted[static_cast<std::size_t>(std::llround(step * static_cast<double>(i)))];
    const Distinct sampled = distinctOf(sample);
    const int sampledClasses = std::min(classes, static_cast<int>(sampled.values.size()));
    std::vector<std::size_t> starts;
    for (std::size_t start : naturalBreakStarts(sampled, sampledClasses))
    {
        // The sample's break lies between two sample values; the full data has at least one value in (lower, upper].
        const double middle = std::midpoint(sampled.values[start - 1], sampled.values[start]);
        const auto at = std::lower_bound(distinct.values.begin(), distinct.values.end(), middle);
        starts.push_back(static_cast<std::size_t>(at - distinct.values.begin()));
    }
    return starts;
}

} // namespace

const char* classMethodCode(ClassMethod method)
{
    switch (method)
    {
    case ClassMethod::EqualInterval:
        return "equal";
    case ClassMethod::Quantile:
        return "quantile";
    case ClassMethod::NaturalBreaks:
        return "jenks";
    }
    return "equal";
}

std::optional<ClassMethod> parseClassMethod(std::string_view code)
{
    for (ClassMethod method : {ClassMethod::EqualInterval, ClassMethod::Quantile, ClassMethod::NaturalBreaks})
        if (code == classMethodCode(method))
            return method;
    return std::nullopt;
}

std::vector<double> classBreaks(std::vector<double> values, int classes, ClassMethod method)
{
    std::erase_if(values, [](double value) { return !std::isfinite(value); });
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const Distinct distinct = distinctOf(values);
    if (distinct.values.size() == 1)
        return {values.front(), values.front()};
    classes = std::clamp(classes, 1, static_cast<int>(distinct.values.size()));

    switch (method)
    {
    case ClassMethod::Quantile:
        return edgesFromStarts(distinct.values, quantileStarts(distinct, classes));
    case ClassMethod::NaturalBreaks:
        return edgesFromStarts(distinct.values, naturalBreakStartsSampled(values, distinct, classes));
    case ClassMethod::EqualInterval:
        break;
    }
    return equalIntervalEdges(values.front(), values.back(), classes);
}

int classOf(double value, const std::vector<double>& edges)
{
    if (std::isnan(value) || edges.size() < 2)
        return -1;
    // Class i starts at inner edge i; below the first inner edge is class 0, at or above the last the last class.
    const auto innerBegin = edges.begin() + 1;
    const auto innerEnd = edges.end() - 1;
    return static_cast<int>(std::upper_bound(innerBegin, innerEnd, value) - innerBegin);
}

} // namespace citytwin::data
