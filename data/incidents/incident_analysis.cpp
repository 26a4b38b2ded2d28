#include "data/incidents/incident_analysis.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <thread>

namespace citytwin::data
{
namespace
{
/// Below this many incidents a second thread costs more than it saves.
constexpr std::size_t ParallelThreshold = 200000;
constexpr int Threads = 2;
constexpr std::size_t GridSlots = std::size_t{IncidentStore::NoIndex} + 1;

/// Splits [0, n) between the threads and calls visit(thread, begin, end) for each share; the same n always gives
/// the same shares (thread 0 takes the first incidents).
template <class Visit> int scanShares(std::size_t n, Visit visit)
{
    const int threads = n >= ParallelThreshold ? Threads : 1;
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back([&visit, n, t, threads] { visit(t, n * t / threads, n * (t + 1) / threads); });
    visit(0, 0, n / threads);
    return threads;
}

/// As scanShares, with one partial result per thread: visit(partial, begin, end). Returns the partials in order.
template <class Partial, class Visit> std::vector<Partial> scan(std::size_t n, const Partial& initial, Visit visit)
{
    const int threads = n >= ParallelThreshold ? Threads : 1;
    std::vector<Partial> partials(static_cast<std::size_t>(threads), initial);
    scanShares(n, [&](int t, std::size_t begin, std::size_t end)
               { visit(partials[static_cast<std::size_t>(t)], begin, end); });
    return partials;
}

/// Sums per-thread vectors element-wise into the first.
std::vector<std::uint32_t> sumPartials(std::vector<std::vector<std::uint32_t>>& partials)
{
    std::vector<std::uint32_t> sum = std::move(partials.front());
    for (std::size_t t = 1; t < partials.size(); ++t)
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += partials[t][i];
    return sum;
}

/// Counts matching incidents for which keep(i) holds per grid slot (NoIndex included), with two threads.
template <class Keep>
std::vector<std::uint32_t> countPerGridSlot(const IncidentStore& store, const IncidentMatcher& matcher, Keep keep)
{
    const auto& grid = store.columns().grid;
    auto partials = scan(store.size(), std::vector<std::uint32_t>(GridSlots, 0),
                         [&](std::vector<std::uint32_t>& counts, std::size_t begin, std::size_t end)
                         {
                             for (std::size_t i = begin; i < end; ++i)
                                 if (matcher.matches(i) && keep(i))
                                     ++counts[grid[i]];
                         });
    return sumPartials(partials);
}

/// Splits per-grid-slot counts into per-grid and per-community vectors; returns the total.
std::uint64_t splitByArea(const IncidentStore& store, const std::vector<std::uint32_t>& slots,
                          std::vector<std::uint32_t>& perGrid, std::vector<std::uint32_t>& perCommunity)
{
    const IncidentCodes& codes = store.codes();
    perGrid.assign(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(codes.gridIds.size()));
    perCommunity.assign(codes.communityIds.size(), 0);
    for (std::size_t g = 0; g < perGrid.size(); ++g)
        if (codes.gridCommunity[g] != IncidentStore::NoIndex)
            perCommunity[codes.gridCommunity[g]] += perGrid[g];
    return std::accumulate(slots.begin(), slots.end(), std::uint64_t{0});
}

DurationSummary summarise(std::uint32_t* values, std::size_t n)
{
    DurationSummary summary;
    summary.count = static_cast<std::uint32_t>(n);
    if (n > 0)
    {
        summary.medianHours = percentile(values, n, 0.5) / 3600.0;
        summary.p90Hours = percentile(values, n, 0.9) / 3600.0;
    }
    return summary;
}

/// Durations of the three stages grouped so that each grid's values are contiguous and each community's grids
/// follow each other: one array per stage, and the grid order with offsets into it.
struct StageLayout
{
    std::vector<std::uint16_t> gridOrder;          ///< grid slots ordered by community (no community and no grid last)
    std::array<std::vector<std::size_t>, 3> begin; ///< per stage, per grid slot: first position
    std::array<std::vector<std::size_t>, 3> end;   ///< per stage, per grid slot: one past the last position
    std::array<std::vector<std::uint32_t>, 3> values;
};

const std::vector<std::uint32_t>& stageColumn(const IncidentColumns& c, int stage)
{
    return stage == 0 ? c.toDispatch : (stage == 1 ? c.toHandle : c.toClose);
}

StageLayout layoutStages(const IncidentStore& store, const IncidentMatcher& matcher,
                         std::vector<std::uint32_t>& incidentsPerSlot)
{
    const IncidentColumns& c = store.columns();
    const IncidentCodes& codes = store.codes();
    // Pass 1: per thread, per stage, per grid slot: how many reached the stage.
    using Counts = std::array<std::vector<std::uint32_t>, 4>;
    Counts zero;
    zero.fill(std::vector<std::uint32_t>(GridSlots, 0));
    auto partials = scan(store.size(), zero,
                         [&](Counts& counts, std::size_t begin, std::size_t end)
                         {
                             for (std::size_t i = begin; i < end; ++i)
                             {
                                 if (!matcher.matches(i))
                                     continue;
                                 const std::uint16_t g = c.grid[i];
                                 ++counts[3][g];
                                 counts[0][g] += c.toDispatch[i] != IncidentStore::NotYet;
                                 counts[1][g] += c.toHandle[i] != IncidentStore::NotYet;
                                 counts[2][g] += c.toClose[i] != IncidentStore::NotYet;
                             }
                         });
    incidentsPerSlot.assign(GridSlots, 0);
    for (const Counts& counts : partials)
        for (std::size_t g = 0; g < GridSlots; ++g)
            incidentsPerSlot[g] += counts[3][g];

    StageLayout layout;
    for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
        layout.gridOrder.push_back(static_cast<std::uint16_t>(g));
    std::stable_sort(layout.gridOrder.begin(), layout.gridOrder.end(),
                     [&codes](std::uint16_t a, std::uint16_t b)
                     { return codes.gridCommunity[a] < codes.gridCommunity[b]; });
    layout.gridOrder.push_back(IncidentStore::NoIndex);

    // Each thread writes its incidents of grid g after the earlier threads' ones: cursors per thread.
    std::vector<std::array<std::vector<std::size_t>, 3>> cursors(partials.size());
    for (int stage = 0; stage < 3; ++stage)
    {
        layout.begin[stage].assign(GridSlots, 0);
        layout.end[stage].assign(GridSlots, 0);
        for (auto& cursor : cursors)
            cursor[stage].assign(GridSlots, 0);
        std::size_t position = 0;
        for (std::uint16_t g : layout.gridOrder)
        {
            layout.begin[stage][g] = position;
            for (std::size_t t = 0; t < partials.size(); ++t)
            {
                cursors[t][stage][g] = position;
                position += partials[t][stage][g];
            }
            layout.end[stage][g] = position;
        }
        layout.values[stage].resize(position);
    }
    // Pass 2: scatter the durations (same shares as pass 1, so each thread's cursors fit its incidents).
    scanShares(store.size(),
               [&](int t, std::size_t begin, std::size_t end)
               {
                   auto& cursor = cursors[static_cast<std::size_t>(t)];
                   for (std::size_t i = begin; i < end; ++i)
                   {
                       if (!matcher.matches(i))
                           continue;
                       const std::uint16_t g = c.grid[i];
                       for (int stage = 0; stage < 3; ++stage)
                       {
                           const std::uint32_t value = stageColumn(c, stage)[i];
                           if (value != IncidentStore::NotYet)
                               layout.values[stage][cursor[stage][g]++] = value;
                       }
                   }
               });
    return layout;
}

template <class Count> std::uint64_t totalOf(const std::vector<Count>& values)
{
    return std::accumulate(values.begin(), values.end(), std::uint64_t{0});
}
} // namespace

double percentile(std::uint32_t* values, std::size_t n, double p)
{
    const double h = static_cast<double>(n - 1) * p;
    const auto k = static_cast<std::size_t>(h);
    std::nth_element(values, values + k, values + n);
    const double low = values[k];
    if (k + 1 >= n || h == static_cast<double>(k))
        return low;
    const double high = *std::min_element(values + k + 1, values + n);
    return low + (h - static_cast<double>(k)) * (high - low);
}

AreaCounts countByArea(const IncidentStore& store, const IncidentFilter& filter)
{
    AreaCounts counts;
    const IncidentMatcher matcher(store, filter);
    std::vector<std::uint32_t> slots(GridSlots, 0);
    if (!matcher.matchesNothing())
        slots = countPerGridSlot(store, matcher, [](std::size_t) { return true; });
    counts.total = splitByArea(store, slots, counts.perGrid, counts.perCommunity);
    counts.withoutGrid = slots[IncidentStore::NoIndex];
    return counts;
}

std::vector<GridCount> topGrids(const IncidentStore& store, const AreaCounts& counts, std::size_t n)
{
    std::vector<GridCount> grids;
    for (std::size_t g = 0; g < counts.perGrid.size() && g < store.codes().gridIds.size(); ++g)
        if (counts.perGrid[g] > 0)
            grids.push_back({store.codes().gridIds[g], counts.perGrid[g]});
    const auto order = [](const GridCount& a, const GridCount& b)
    { return a.count != b.count ? a.count > b.count : a.gridId < b.gridId; };
    const std::size_t kept = std::min(n, grids.size());
    std::partial_sort(grids.begin(), grids.begin() + static_cast<std::ptrdiff_t>(kept), grids.end(), order);
    grids.resize(kept);
    return grids;
}

LifecycleByArea lifecycle(const IncidentStore& store, const IncidentFilter& filter)
{
    const IncidentCodes& codes = store.codes();
    LifecycleByArea result;
    result.perGrid.resize(codes.gridIds.size());
    result.perCommunity.resize(codes.communityIds.size());
    const IncidentMatcher matcher(store, filter);
    if (matcher.matchesNothing())
        return result;
    std::vector<std::uint32_t> incidents;
    StageLayout layout = layoutStages(store, matcher, incidents);

    const auto stageOf = [](LifecycleSummary& summary, int stage) -> DurationSummary&
    { return stage == 0 ? summary.toDispatch : (stage == 1 ? summary.toHandle : summary.toClose); };
    for (int stage = 0; stage < 3; ++stage)
    {
        std::uint32_t* values = layout.values[stage].data();
        // Grids first, then communities (their grids are contiguous), then everything: nth_element only reorders
        // inside the range it is given, so each wider range still holds the same values.
        for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
            stageOf(result.perGrid[g], stage) =
                summarise(values + layout.begin[stage][g], layout.end[stage][g] - layout.begin[stage][g]);
        std::size_t k = 0;
        while (k + 1 < layout.gridOrder.size())
        {
            const std::uint16_t community = codes.gridCommunity[layout.gridOrder[k]];
            std::size_t last = k;
            while (last + 2 < layout.gridOrder.size() && codes.gridCommunity[layout.gridOrder[last + 1]] == community)
                ++last;
            if (community != IncidentStore::NoIndex)
            {
                const std::size_t first = layout.begin[stage][layout.gridOrder[k]];
                stageOf(result.perCommunity[community], stage) =
                    summarise(values + first, layout.end[stage][layout.gridOrder[last]] - first);
            }
            k = last + 1;
        }
        stageOf(result.overall, stage) = summarise(values, layout.values[stage].size());
    }
    for (std::size_t g = 0; g < codes.gridIds.size(); ++g)
    {
        result.perGrid[g].incidents = incidents[g];
        if (codes.gridCommunity[g] != IncidentStore::NoIndex)
            result.perCommunity[codes.gridCommunity[g]].incidents += incidents[g];
    }
    result.overall.incidents = static_cast<std::uint32_t>(totalOf(incidents));
    return result;
}

Backlog backlogAt(const IncidentStore& store, const IncidentFilter& filter, std::int64_t t)
{
    Backlog backlog;
    const IncidentMatcher matcher(store, filter);
    std::vector<std::uint32_t> slots(GridSlots, 0);
    if (!matcher.matchesNothing())
        slots = countPerGridSlot(store, matcher, [&](std::size_t i) { return matcher.openAt(i, t); });
    backlog.total = splitByArea(store, slots, backlog.perGrid, backlog.perCommunity);
    return backlog;
}

std::vector<std::uint32_t> backlogSeries(const IncidentStore& store, const IncidentFilter& filter, std::int64_t start,
                                         std::int64_t step, std::size_t count)
{
    std::vector<std::uint32_t> series(count, 0);
    const IncidentMatcher matcher(store, filter);
    if (step <= 0 || count == 0 || matcher.matchesNothing())
        return series;
    const IncidentColumns& c = store.columns();
    const auto moments = static_cast<std::int64_t>(count);
    // Incident i is open at the moments start + k step with reported <= moment < closed: +1 at the first such k,
    // -1 after the last, then a running sum.
    const auto firstMomentAtOrAfter = [&](std::int64_t t)
    {
        const std::int64_t k = t <= start ? 0 : (t - start + step - 1) / step;
        return std::min(k, moments);
    };
    auto partials = scan(store.size(), std::vector<std::int64_t>(count + 1, 0),
                         [&](std::vector<std::int64_t>& difference, std::size_t begin, std::size_t end)
                         {
                             for (std::size_t i = begin; i < end; ++i)
                             {
                                 if (!matcher.matches(i))
                                     continue;
                                 const std::int64_t reported = c.reported[i];
                                 const std::int64_t opened = firstMomentAtOrAfter(reported);
                                 const std::int64_t closed = c.toClose[i] == IncidentStore::NotYet
                                                                 ? moments
                                                                 : firstMomentAtOrAfter(reported + c.toClose[i]);
                                 if (opened < closed)
                                 {
                                     ++difference[static_cast<std::size_t>(opened)];
                                     --difference[static_cast<std::size_t>(closed)];
                                 }
                             }
                         });
    std::int64_t open = 0;
    for (std::size_t k = 0; k < count; ++k)
    {
        for (const auto& difference : partials)
            open += difference[k];
        series[k] = static_cast<std::uint32_t>(open);
    }
    return series;
}

OverdueCounts overdueCounts(const IncidentStore& store, const IncidentFilter& filter)
{
    OverdueCounts counts;
    const IncidentCodes& codes = store.codes();
    counts.perCategory.assign(codes.categories.size(), 0);
    const IncidentMatcher matcher(store, filter);
    const IncidentColumns& c = store.columns();
    std::vector<std::uint32_t> slots(GridSlots + 256, 0);
    if (!matcher.matchesNothing())
    {
        // Slots: grid slots, then 256 category slots.
        auto partials = scan(store.size(), std::vector<std::uint32_t>(GridSlots + 256, 0),
                             [&](std::vector<std::uint32_t>& part, std::size_t begin, std::size_t end)
                             {
                                 for (std::size_t i = begin; i < end; ++i)
                                     if (matcher.matches(i) && matcher.overdue(i))
                                     {
                                         ++part[c.grid[i]];
                                         ++part[GridSlots + c.category[i]];
                                     }
                             });
        slots = sumPartials(partials);
    }
    std::copy_n(slots.begin() + GridSlots, counts.perCategory.size(), counts.perCategory.begin());
    slots.resize(GridSlots);
    counts.total = splitByArea(store, slots, counts.perGrid, counts.perCommunity);
    return counts;
}

double ShareCounts::share(std::size_t i) const
{
    return total[i] == 0 ? std::numeric_limits<double>::quiet_NaN()
                         : static_cast<double>(ai[i]) / static_cast<double>(total[i]);
}

AiShare cameraAiShare(const IncidentStore& store, const IncidentFilter& filter, const std::string& aiSource)
{
    AiShare share;
    const IncidentCodes& codes = store.codes();
    const IncidentMatcher matcher(store, filter);
    const IncidentColumns& c = store.columns();
    const auto aiCode = IncidentCodes::find(codes.sources, aiSource);
    // Slots: [grid slots | 256 categories] for all, then the same for AI.
    constexpr std::size_t Width = GridSlots + 256;
    std::vector<std::uint32_t> slots(2 * Width, 0);
    if (!matcher.matchesNothing())
    {
        const int ai = aiCode ? *aiCode : -1;
        auto partials = scan(store.size(), slots,
                             [&](std::vector<std::uint32_t>& part, std::size_t begin, std::size_t end)
                             {
                                 for (std::size_t i = begin; i < end; ++i)
                                 {
                                     if (!matcher.matches(i))
                                         continue;
                                     const std::size_t offset = c.source[i] == ai ? Width : 0;
                                     ++part[c.grid[i]];
                                     ++part[GridSlots + c.category[i]];
                                     if (offset)
                                     {
                                         ++part[offset + c.grid[i]];
                                         ++part[offset + GridSlots + c.category[i]];
                                     }
                                 }
                             });
        slots = sumPartials(partials);
    }
    const auto grids = static_cast<std::ptrdiff_t>(codes.gridIds.size());
    const auto categories = static_cast<std::ptrdiff_t>(codes.categories.size());
    share.perGrid.total.assign(slots.begin(), slots.begin() + grids);
    share.perGrid.ai.assign(slots.begin() + Width, slots.begin() + Width + grids);
    share.perCategory.total.assign(slots.begin() + GridSlots, slots.begin() + GridSlots + categories);
    share.perCategory.ai.assign(slots.begin() + Width + GridSlots, slots.begin() + Width + GridSlots + categories);
    share.total = totalOf(std::vector<std::uint32_t>(slots.begin(), slots.begin() + GridSlots));
    share.ai = totalOf(std::vector<std::uint32_t>(slots.begin() + Width, slots.begin() + Width + GridSlots));
    return share;
}

std::vector<std::uint32_t> countPerCamera(const IncidentStore& store, const IncidentFilter& filter)
{
    const IncidentMatcher matcher(store, filter);
    const auto& camera = store.columns().camera;
    if (matcher.matchesNothing())
        return std::vector<std::uint32_t>(store.codes().cameraIds.size(), 0);
    auto partials = scan(store.size(), std::vector<std::uint32_t>(GridSlots, 0),
                         [&](std::vector<std::uint32_t>& counts, std::size_t begin, std::size_t end)
                         {
                             for (std::size_t i = begin; i < end; ++i)
                                 if (matcher.matches(i))
                                     ++counts[camera[i]];
                         });
    auto counts = sumPartials(partials);
    counts.resize(store.codes().cameraIds.size());
    return counts;
}

TimeSeries timeSeries(const IncidentStore& store, const IncidentFilter& filter, TimeBucket bucket, SeriesSplit split,
                      int utcOffsetMinutes)
{
    TimeSeries series;
    const IncidentCodes& codes = store.codes();
    const IncidentColumns& c = store.columns();
    series.bucketSeconds = bucket == TimeBucket::Hour ? 3600 : (bucket == TimeBucket::Day ? 86400 : 604800);
    series.names = split == SeriesSplit::Category ? codes.categories
                   : split == SeriesSplit::Source ? codes.sources
                                                  : std::vector<std::string>{"all"};
    const IncidentMatcher matcher(store, filter);
    // Buckets are aligned in local time; weeks start on Monday (1970-01-05 was one, 4 days after the epoch).
    const std::int64_t offset = static_cast<std::int64_t>(utcOffsetMinutes) * 60;
    const std::int64_t phase = bucket == TimeBucket::Week ? 4 * 86400 : 0;
    const std::int64_t size = series.bucketSeconds;
    const auto bucketStart = [&](std::int64_t t)
    {
        const std::int64_t local = t + offset - phase;
        const std::int64_t index = local >= 0 ? local / size : (local - size + 1) / size;
        return index * size + phase - offset;
    };
    std::int64_t first = filter.from.value_or(0), last = filter.to.value_or(0) - 1;
    if (!filter.from || !filter.to)
    {
        using Span = std::pair<std::int64_t, std::int64_t>;
        const auto spans = scan(store.size(), Span{INT64_MAX, INT64_MIN},
                                [&](Span& span, std::size_t begin, std::size_t end)
                                {
                                    for (std::size_t i = begin; i < end; ++i)
                                        if (matcher.matches(i))
                                        {
                                            span.first = std::min<std::int64_t>(span.first, c.reported[i]);
                                            span.second = std::max<std::int64_t>(span.second, c.reported[i]);
                                        }
                                });
        Span span{INT64_MAX, INT64_MIN};
        for (const Span& part : spans)
            span = {std::min(span.first, part.first), std::max(span.second, part.second)};
        first = filter.from ? first : span.first;
        last = filter.to ? last : span.second;
    }
    if (matcher.matchesNothing() || first > last)
    {
        series.counts.assign(series.names.size(), {});
        return series;
    }
    series.start = bucketStart(first);
    const auto buckets = static_cast<std::size_t>((bucketStart(last) - series.start) / size + 1);
    const std::size_t width = series.names.size();
    auto partials = scan(store.size(), std::vector<std::uint32_t>(width * buckets, 0),
                         [&](std::vector<std::uint32_t>& counts, std::size_t begin, std::size_t end)
                         {
                             for (std::size_t i = begin; i < end; ++i)
                             {
                                 if (!matcher.matches(i))
                                     continue;
                                 const std::int64_t at = c.reported[i];
                                 if (at < series.start)
                                     continue;
                                 const auto b = static_cast<std::size_t>((at - series.start) / size);
                                 if (b >= buckets)
                                     continue;
                                 const std::size_t s = split == SeriesSplit::Category ? c.category[i]
                                                       : split == SeriesSplit::Source ? c.source[i]
                                                                                      : 0;
                                 ++counts[s * buckets + b];
                             }
                         });
    const auto counts = sumPartials(partials);
    for (std::size_t s = 0; s < width; ++s)
        series.counts.emplace_back(counts.begin() + static_cast<std::ptrdiff_t>(s * buckets),
                                   counts.begin() + static_cast<std::ptrdiff_t>((s + 1) * buckets));
    return series;
}

Histogram closeTimeHistogram(const IncidentStore& store, const IncidentFilter& filter,
                             const std::vector<double>& edgesHours)
{
    Histogram histogram;
    histogram.edges = edgesHours;
    if (edgesHours.empty())
        return histogram;
    histogram.counts.assign(edgesHours.size() - 1, 0);
    const IncidentMatcher matcher(store, filter);
    if (matcher.matchesNothing())
        return histogram;
    std::vector<double> edges;
    for (double hours : edgesHours)
        edges.push_back(hours * 3600.0);
    const auto& toClose = store.columns().toClose;
    // Slot 0: below, slots 1 ... edges - 1: the buckets, slot edges: above.
    auto partials = scan(store.size(), std::vector<std::uint32_t>(edges.size() + 1, 0),
                         [&](std::vector<std::uint32_t>& counts, std::size_t begin, std::size_t end)
                         {
                             for (std::size_t i = begin; i < end; ++i)
                                 if (toClose[i] != IncidentStore::NotYet && matcher.matches(i))
                                 {
                                     const double seconds = toClose[i];
                                     ++counts[static_cast<std::size_t>(
                                         std::upper_bound(edges.begin(), edges.end(), seconds) - edges.begin())];
                                 }
                         });
    const auto counts = sumPartials(partials);
    histogram.below = counts.front();
    histogram.above = counts.back();
    std::copy(counts.begin() + 1, counts.end() - 1, histogram.counts.begin());
    return histogram;
}

} // namespace citytwin::data
