// Times "count per grid for one category and one month" on a CityTwin project: the indexed query the
// viewer and `citytwin stats` run. Prints every run and the median, in milliseconds.
// Usage: bench_incident_query PROJECT.gpkg CATEGORY FROM_UTC TO_UTC RUNS
#include "data/io/sqlite_database.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 6)
    {
        std::fprintf(stderr, "usage: %s PROJECT.gpkg CATEGORY FROM_UTC TO_UTC RUNS\n", argv[0]);
        return 2;
    }
    auto database = citytwin::data::Database::open(argv[1], citytwin::data::Database::Mode::ReadOnly);
    if (!database)
    {
        std::fprintf(stderr, "%s\n", database.error().message().c_str());
        return 1;
    }
    auto query = database->prepare("SELECT grid_id, count(*) FROM incidents WHERE category = ? AND reported_at >= ? "
                                   "AND reported_at < ? GROUP BY grid_id");
    if (!query)
    {
        std::fprintf(stderr, "%s\n", query.error().message().c_str());
        return 1;
    }
    std::vector<double> times;
    std::int64_t total = 0, groups = 0;
    for (int run = 0; run < std::atoi(argv[5]); ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        query->bind(1, argv[2]).bind(2, argv[3]).bind(3, argv[4]);
        total = groups = 0;
        while (query->step().value())
        {
            total += query->columnInt64(1);
            ++groups;
        }
        query->reset();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        std::printf("run %d: %.3f ms\n", run + 1, times.back());
    }
    std::sort(times.begin(), times.end());
    std::printf("median %.3f ms over %zu runs; %lld incidents in %lld grids\n", times[times.size() / 2], times.size(),
                static_cast<long long>(total), static_cast<long long>(groups));
    return 0;
}
