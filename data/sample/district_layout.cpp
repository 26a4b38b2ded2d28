#include "district_layout.hpp"

#include "data/geo/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <queue>

namespace citytwin::data::sample
{
namespace
{
/// Lubei's centre in EPSG:4548 (118.18 E, 39.65 N, from cs2cs).
constexpr double CenterX = 601278.6678;
constexpr double CenterY = 4391333.6145;
/// Lattice corners move by up to this fraction of the spacing: cells stay simple quadrilaterals.
constexpr double Jitter = 0.22;

const char* const StreetNames[] = {"乔屯街道",   "文化路街道", "钓鱼台街道", "东新村街道", "缸窑街道", "机场路街道",
                                   "河北路街道", "龙东街道",   "光明街道",   "翔云道街道", "大里街道", "果园街道"};
const char* const CommunityStems[] = {"龙泉", "翔云", "凤凰", "光明", "友谊", "钓鱼台", "河北", "文化", "乔屯", "机场",
                                      "果园", "韩城", "祥和", "幸福", "和平", "建设",   "胜利", "新华", "长宁", "裕华",
                                      "荣华", "朝阳", "安居", "康乐", "兴业", "华岩",   "鹭港", "缸窑", "陶瓷", "北新",
                                      "东新", "西山", "南厂", "红星", "金融", "碧水",   "丽景", "春晖"};
const char* const CommunitySuffixes[] = {"里", "园", "新村", "北里", "南里", "东里", "西里", "楼"};

struct Lattice
{
    int size = 0; ///< vertices per side
    double spacing = 0.0;
    std::vector<Position> vertices;
    Position& at(int column, int row) { return vertices[static_cast<std::size_t>(row) * size + column]; }
};

/// The shape of the district: a radius factor per direction, a few low-frequency waves.
struct Outline
{
    double phase[3];
    double radius(double angle) const
    {
        return 1.0 + 0.16 * std::sin(2.0 * angle + phase[0]) + 0.09 * std::sin(3.0 * angle + phase[1]) +
               0.05 * std::sin(5.0 * angle + phase[2]);
    }
};

/// Grows contiguous groups over an adjacency graph from seeds, always feeding the smallest group.
std::vector<int> growGroups(const std::vector<std::vector<int>>& neighbours, const std::vector<Position>& centres,
                            const std::vector<int>& seeds)
{
    std::vector<int> owner(neighbours.size(), -1);
    std::vector<int> sizes(seeds.size(), 1);
    for (std::size_t g = 0; g < seeds.size(); ++g)
        owner[seeds[g]] = static_cast<int>(g);
    std::size_t assigned = seeds.size();
    while (assigned < neighbours.size())
    {
        // The smallest group that can still grow takes its nearest free neighbour.
        int bestGroup = -1, bestNode = -1;
        double bestDistance = std::numeric_limits<double>::max();
        int bestSize = std::numeric_limits<int>::max();
        for (std::size_t node = 0; node < neighbours.size(); ++node)
        {
            const int group = owner[node];
            if (group < 0 || sizes[group] > bestSize)
                continue;
            for (int next : neighbours[node])
            {
                if (owner[next] >= 0)
                    continue;
                const Position& seed = centres[seeds[group]];
                const double distance = std::hypot(centres[next].x - seed.x, centres[next].y - seed.y);
                if (sizes[group] < bestSize || distance < bestDistance)
                {
                    bestSize = sizes[group];
                    bestDistance = distance;
                    bestGroup = group;
                    bestNode = next;
                }
            }
        }
        if (bestNode < 0)
            break; // the rest is unreachable (cannot happen on a connected graph)
        owner[bestNode] = bestGroup;
        ++sizes[bestGroup];
        ++assigned;
    }
    return owner;
}

/// Picks well-spread seeds: the node nearest the centre, then repeatedly the node farthest from all seeds.
std::vector<int> spreadSeeds(const std::vector<Position>& centres, int count, const Position& middle)
{
    std::vector<int> seeds;
    std::vector<double> distance(centres.size(), std::numeric_limits<double>::max());
    int first = 0;
    for (std::size_t i = 0; i < centres.size(); ++i)
        if (std::hypot(centres[i].x - middle.x, centres[i].y - middle.y) <
            std::hypot(centres[first].x - middle.x, centres[first].y - middle.y))
            first = static_cast<int>(i);
    int next = first;
    while (static_cast<int>(seeds.size()) < count)
    {
        seeds.push_back(next);
        int farthest = 0;
        for (std::size_t i = 0; i < centres.size(); ++i)
        {
            distance[i] =
                std::min(distance[i], std::hypot(centres[i].x - centres[next].x, centres[i].y - centres[next].y));
            if (distance[i] > distance[farthest])
                farthest = static_cast<int>(i);
        }
        next = farthest;
    }
    return seeds;
}
} // namespace

std::uint64_t Random::next()
{
    std::uint64_t z = (mState += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double Random::uniform()
{
    return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0);
}

bool isMainRoadEdge(const GridCell& cell, int edge)
{
    // Edges 0 and 2 lie on lattice rows (row, row + 1), edges 1 and 3 on columns (column + 1, column).
    switch (edge)
    {
    case 0:
        return cell.row % 4 == 0;
    case 1:
        return (cell.column + 1) % 4 == 0;
    case 2:
        return (cell.row + 1) % 4 == 0;
    default:
        return cell.column % 4 == 0;
    }
}

DistrictLayout generateLayout(std::uint64_t seed, const LayoutTargets& targets)
{
    Random random(seed);
    const double spacing = std::sqrt(targets.areaSquareMetres / targets.gridCount);
    const double radius = std::sqrt(targets.areaSquareMetres / std::numbers::pi);
    Lattice lattice;
    lattice.spacing = spacing;
    lattice.size = static_cast<int>(std::ceil(2.0 * 1.5 * radius / spacing)) + 2;
    lattice.vertices.resize(static_cast<std::size_t>(lattice.size) * lattice.size);
    const double origin = -0.5 * (lattice.size - 1) * spacing;
    for (int row = 0; row < lattice.size; ++row)
        for (int column = 0; column < lattice.size; ++column)
            lattice.at(column, row) = {origin + column * spacing + random.uniform(-Jitter, Jitter) * spacing,
                                       origin + row * spacing + random.uniform(-Jitter, Jitter) * spacing, 0.0};
    Outline outline{{random.uniform(0, 6.283), random.uniform(0, 6.283), random.uniform(0, 6.283)}};

    // The district: the cells whose (unjittered) centre is relatively nearest the middle.
    struct Candidate
    {
        double rank;
        int column;
        int row;
    };
    std::vector<Candidate> candidates;
    for (int row = 0; row + 1 < lattice.size; ++row)
    {
        for (int column = 0; column + 1 < lattice.size; ++column)
        {
            const double x = origin + (column + 0.5) * spacing;
            const double y = origin + (row + 0.5) * spacing;
            candidates.push_back({std::hypot(x, y) / (radius * outline.radius(std::atan2(y, x))), column, row});
        }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b)
              { return a.rank != b.rank ? a.rank < b.rank : (a.row != b.row ? a.row < b.row : a.column < b.column); });
    candidates.resize(targets.gridCount);
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b)
              { return a.row != b.row ? a.row < b.row : a.column < b.column; });

    DistrictLayout layout;
    layout.centerX = CenterX;
    layout.centerY = CenterY;
    double area = 0.0;
    for (const Candidate& candidate : candidates)
    {
        GridCell cell;
        cell.id = static_cast<std::int64_t>(layout.grids.size()) + 1;
        cell.column = candidate.column;
        cell.row = candidate.row;
        cell.corners = {lattice.at(candidate.column, candidate.row), lattice.at(candidate.column + 1, candidate.row),
                        lattice.at(candidate.column + 1, candidate.row + 1),
                        lattice.at(candidate.column, candidate.row + 1)};
        area += signedArea(cell.corners, 0.0, 0.0); // about (0, 0), as the sample has always summed it
        layout.grids.push_back(std::move(cell));
    }
    // Scale about the middle so that the district has exactly the target area, then place it at Lubei.
    const double scale = std::sqrt(targets.areaSquareMetres / area);
    std::vector<Position> centres;
    for (GridCell& cell : layout.grids)
    {
        for (Position& p : cell.corners)
            p = {CenterX + p.x * scale, CenterY + p.y * scale, 0.0};
        for (const Position& p : cell.corners)
        {
            cell.centerX += p.x / 4.0;
            cell.centerY += p.y / 4.0;
        }
        centres.push_back({cell.centerX, cell.centerY, 0.0});
    }

    // Edge neighbours on the lattice.
    std::map<std::pair<int, int>, int> byPosition;
    for (std::size_t i = 0; i < layout.grids.size(); ++i)
        byPosition[{layout.grids[i].column, layout.grids[i].row}] = static_cast<int>(i);
    std::vector<std::vector<int>> neighbours(layout.grids.size());
    for (std::size_t i = 0; i < layout.grids.size(); ++i)
        for (const auto& [dc, dr] : {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}})
            if (auto found = byPosition.find({layout.grids[i].column + dc, layout.grids[i].row + dr});
                found != byPosition.end())
                neighbours[i].push_back(found->second);

    // Communities grow from spread seeds; streets grow over the communities.
    const Position middle{CenterX, CenterY, 0.0};
    const std::vector<int> owner =
        growGroups(neighbours, centres, spreadSeeds(centres, targets.communityCount, middle));
    layout.communities.resize(targets.communityCount);
    std::vector<Position> communityCentres(targets.communityCount);
    for (std::size_t i = 0; i < layout.grids.size(); ++i)
    {
        Community& community = layout.communities[owner[i]];
        layout.grids[i].communityId = owner[i] + 1;
        community.gridIds.push_back(layout.grids[i].id);
        communityCentres[owner[i]].x += centres[i].x;
        communityCentres[owner[i]].y += centres[i].y;
    }
    std::vector<std::vector<int>> communityNeighbours(targets.communityCount);
    for (std::size_t i = 0; i < layout.grids.size(); ++i)
        for (int j : neighbours[i])
            if (owner[i] != owner[j] &&
                std::find(communityNeighbours[owner[i]].begin(), communityNeighbours[owner[i]].end(), owner[j]) ==
                    communityNeighbours[owner[i]].end())
                communityNeighbours[owner[i]].push_back(owner[j]);
    for (int c = 0; c < targets.communityCount; ++c)
    {
        Community& community = layout.communities[c];
        community.id = c + 1;
        const double n = static_cast<double>(community.gridIds.size());
        communityCentres[c] = {communityCentres[c].x / n, communityCentres[c].y / n, 0.0};
        const std::size_t stems = std::size(CommunityStems), suffixes = std::size(CommunitySuffixes);
        community.name = std::string(CommunityStems[c % stems]) + CommunitySuffixes[(c / stems) % suffixes] + "社区";
    }
    const std::vector<int> streetOwner =
        growGroups(communityNeighbours, communityCentres, spreadSeeds(communityCentres, targets.streetCount, middle));
    layout.streets.resize(targets.streetCount);
    for (int s = 0; s < targets.streetCount; ++s)
    {
        layout.streets[s].id = s + 1;
        layout.streets[s].name = StreetNames[s % std::size(StreetNames)];
    }
    for (int c = 0; c < targets.communityCount; ++c)
    {
        layout.communities[c].streetId = streetOwner[c] + 1;
        layout.streets[streetOwner[c]].communityIds.push_back(c + 1);
    }
    return layout;
}

} // namespace citytwin::data::sample
