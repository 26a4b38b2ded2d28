#include "district_world.hpp"

#include "data/geo/planar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <optional>
#include <set>

namespace citytwin::data::sample
{
namespace
{
constexpr double TwoPi = 2.0 * std::numbers::pi;
/// The river's meanders: amplitude (m) and wavelength (m) of three waves.
constexpr double MeanderAmplitude[3] = {300.0, 90.0, 25.0};
constexpr double MeanderWavelength[3] = {4000.0, 1500.0, 700.0};
/// Cell edges are streets: lots keep this fraction of the cell's size away from them.
constexpr double StreetMargin = 0.07;
/// Nothing is built closer to the river's bank than this, metres.
constexpr double RiverSetback = 15.0;
/// Nothing is built where the hill rises more than this above the plain (the park), metres.
constexpr double HillParkRise = 6.0;

struct Shape
{
    double length = 0.0; ///< along the lot's u direction
    double width = 0.0;
    int floors = 1;
    double storey = 3.0;
};

/// A rectangle of the given size centred in the lot, turned along its u direction, shrunk until it fits.
std::optional<Ring> fitRectangle(const Ring& lot, const Position& center, double length, double width)
{
    const Position a0 = bilinear(lot, 0.0, 0.5), a1 = bilinear(lot, 1.0, 0.5);
    double ax = a1.x - a0.x, ay = a1.y - a0.y;
    const double norm = std::hypot(ax, ay);
    if (norm <= 0.0)
        return std::nullopt;
    ax /= norm;
    ay /= norm;
    const double bx = -ay, by = ax;
    for (int attempt = 0; attempt < 12; ++attempt)
    {
        const double hl = 0.5 * length, hw = 0.5 * width;
        Ring corners = {{center.x - ax * hl - bx * hw, center.y - ay * hl - by * hw, 0.0},
                        {center.x + ax * hl - bx * hw, center.y + ay * hl - by * hw, 0.0},
                        {center.x + ax * hl + bx * hw, center.y + ay * hl + by * hw, 0.0},
                        {center.x - ax * hl + bx * hw, center.y - ay * hl + by * hw, 0.0}};
        if (std::all_of(corners.begin(), corners.end(), [&lot](const Position& p) { return insideConvex(lot, p); }))
            return corners;
        length *= 0.88;
        width *= 0.88;
    }
    return std::nullopt;
}

int between(Random& random, int low, int high)
{
    return low + static_cast<int>(random.below(static_cast<std::uint64_t>(high - low + 1)));
}

/// The lots of one cell: a plotsU x plotsV division of its inner part.
struct CellLots
{
    int plotsU = 1;
    int plotsV = 1;
    std::vector<bool> taken;

    Ring lot(const Ring& cell, int u0, int v0, int u1, int v1) const
    {
        const double span = 1.0 - 2.0 * StreetMargin;
        auto u = [&](int i) { return StreetMargin + span * i / plotsU; };
        auto v = [&](int j) { return StreetMargin + span * j / plotsV; };
        return {bilinear(cell, u(u0), v(v0)), bilinear(cell, u(u1), v(v0)), bilinear(cell, u(u1), v(v1)),
                bilinear(cell, u(u0), v(v1))};
    }

    bool isTaken(int i, int j) const { return taken[static_cast<std::size_t>(j * plotsU + i)]; }

    /// Whether no lot of the block [u0, u1) x [v0, v1) is taken.
    bool isFree(int u0, int v0, int u1, int v1) const
    {
        bool free = true;
        for (int j = v0; j < v1; ++j)
            for (int i = u0; i < u1; ++i)
                free = free && !isTaken(i, j);
        return free;
    }

    void take(int u0, int v0, int u1, int v1)
    {
        for (int j = v0; j < v1; ++j)
            for (int i = u0; i < u1; ++i)
                taken[static_cast<std::size_t>(j * plotsU + i)] = true;
    }
};

/// The lots of a cell: fewer and larger in the industrial belt and the fields, more in the centre; scale
/// refines the division (refine is the square root of scale).
CellLots divideCell(double density, bool industry, double refine)
{
    int plotsU = 3, plotsV = 3;
    if (industry)
        plotsU = 2, plotsV = 2;
    else if (density > 0.55)
        plotsU = 3, plotsV = 5;
    else if (density > 0.25)
        plotsU = 3, plotsV = 4;
    else
        plotsU = 2, plotsV = 3;
    CellLots cellLots;
    cellLots.plotsU = std::max(1, static_cast<int>(std::lround(plotsU * refine)));
    cellLots.plotsV = std::max(1, static_cast<int>(std::lround(plotsV * refine)));
    cellLots.taken.assign(static_cast<std::size_t>(cellLots.plotsU * cellLots.plotsV), false);
    return cellLots;
}

/// The lengths of a lot's sides along u (first) and v (second), metres.
std::pair<double, double> lotSides(const Ring& lot)
{
    const double la = std::hypot(lot[1].x - lot[0].x, lot[1].y - lot[0].y);
    const double lb = std::hypot(lot[3].x - lot[0].x, lot[3].y - lot[0].y);
    return {la, lb};
}

/// Whether the lot's middle is in the hill park.
bool onHill(const Landscape& landscape, const Ring& lot)
{
    const Position middle = bilinear(lot, 0.5, 0.5);
    return landscape.hillRise(middle.x, middle.y) > HillParkRise;
}

/// Whether every corner keeps the setback from the river's bank.
bool riverClear(const Landscape& landscape, const Ring& corners)
{
    return std::all_of(corners.begin(), corners.end(),
                       [&landscape](const Position& p)
                       { return landscape.riverDistance(p.x, p.y) > Landscape::RiverHalfWidth + RiverSetback; });
}

/// The cells that get a school (one or two per community) and those that get a market (every second
/// community).
struct SpecialCells
{
    std::set<std::int64_t> schools;
    std::set<std::int64_t> markets;
};

SpecialCells chooseSpecialCells(const DistrictLayout& layout, Random& random)
{
    SpecialCells special;
    for (const Community& community : layout.communities)
    {
        const auto& cells = community.gridIds;
        const int schools = random.uniform() < 0.4 ? 2 : 1;
        for (int k = 0; k < schools; ++k)
            special.schools.insert(cells[random.below(cells.size())]);
        if (random.uniform() < 0.5)
            special.markets.insert(cells[random.below(cells.size())]);
    }
    return special;
}

/// A building for a lot of an ordinary cell by the pick in [0, 1): towers, slabs, shops, offices and public
/// buildings in the centre.
std::pair<BuildingUse, Shape> denseLotBuilding(double pick, double density, double la, double lb, Random& random)
{
    BuildingUse use = BuildingUse::Residential;
    Shape shape;
    if (pick < 0.08)
        use = BuildingUse::Shop, shape = {0.7 * la, 0.5 * lb, between(random, 2, 4), 4.0};
    else if (pick < 0.13)
        use = BuildingUse::Office,
        shape = {std::min(0.6 * la, 45.0), std::min(0.6 * lb, 30.0), between(random, 10, 26)};
    else if (pick < 0.16)
        use = BuildingUse::Public, shape = {0.6 * la, 0.5 * lb, between(random, 3, 8)};
    else if (pick < 0.16 + 0.3 * density)
        shape = {std::min(0.55 * la, 28.0), std::min(0.55 * lb, 24.0), between(random, 18, 33)};
    else
        shape = {std::min(0.85 * la, 70.0), std::min(0.5 * lb, 14.0),
                 random.uniform() < 0.6 ? between(random, 6, 7) : between(random, 11, 18)};
    return {use, shape};
}

/// Slabs with a few shops and public buildings in the middle ring.
std::pair<BuildingUse, Shape> middleLotBuilding(double pick, double la, double lb, Random& random)
{
    BuildingUse use = BuildingUse::Residential;
    Shape shape;
    if (pick < 0.07)
        use = BuildingUse::Shop, shape = {0.6 * la, 0.5 * lb, between(random, 1, 3), 4.0};
    else if (pick < 0.1)
        use = BuildingUse::Public, shape = {0.6 * la, 0.5 * lb, between(random, 2, 5)};
    else
        shape = {std::min(0.85 * la, 60.0), std::min(0.5 * lb, 13.0), between(random, 5, 7)};
    return {use, shape};
}

/// The building of one lot: its use and shape by the place (industrial belt, centre, middle ring, fields).
std::pair<BuildingUse, Shape> lotBuilding(bool industry, double density, const Ring& lot, Random& random)
{
    const auto [la, lb] = lotSides(lot);
    const double pick = random.uniform();
    if (industry)
    {
        const BuildingUse use = pick < 0.85 ? BuildingUse::Factory : BuildingUse::Office;
        const Shape shape = use == BuildingUse::Factory
                                ? Shape{0.75 * la, 0.6 * lb, between(random, 1, 2), random.uniform(5.0, 7.0)}
                                : Shape{0.5 * la, 0.4 * lb, between(random, 3, 6)};
        return {use, shape};
    }
    if (density > 0.55)
        return denseLotBuilding(pick, density, la, lb, random);
    if (density > 0.25)
        return middleLotBuilding(pick, la, lb, random);
    if (pick < 0.05)
        return {BuildingUse::Shop, {0.4 * la, 0.35 * lb, 1, 4.0}};
    return {BuildingUse::Residential, {std::min(0.6 * la, 18.0), std::min(0.6 * lb, 11.0), between(random, 1, 3)}};
}

/// Places the buildings of the district's cells, one lot at a time, numbering them as they come.
class BuildingPlacer
{
public:
    BuildingPlacer(const Landscape& landscape, Random& random) : mLandscape(landscape), mRandom(random) {}

    /// Adds a building of the shape near the lot's middle; false where it does not fit or is too near the
    /// river.
    bool add(const GridCell& cell, BuildingUse use, const Ring& lot, const Shape& shape)
    {
        Position center = bilinear(lot, mRandom.uniform(0.45, 0.55), mRandom.uniform(0.45, 0.55));
        auto corners = fitRectangle(lot, center, shape.length, shape.width);
        if (!corners || !riverClear(mLandscape, *corners))
            return false;
        Building building;
        building.id = static_cast<std::int64_t>(mBuildings.size()) + 1;
        building.gridId = cell.id;
        building.communityId = cell.communityId;
        building.use = use;
        building.footprint = std::move(*corners);
        building.centerX = center.x;
        building.centerY = center.y;
        building.footprintArea = signedArea(building.footprint, 0.0, 0.0);
        building.floors = shape.floors;
        building.height = std::round(shape.floors * shape.storey * 10.0) / 10.0;
        mBuildings.push_back(std::move(building));
        return true;
    }

    /// A school or a market on a block of lots (about half the cell in each direction), where it is free.
    void addSpecial(const GridCell& cell, CellLots& cellLots, BuildingUse use)
    {
        const int spanU = std::max(1, cellLots.plotsU / 2), spanV = std::max(1, cellLots.plotsV / 2);
        const int u0 = static_cast<int>(mRandom.below(static_cast<std::uint64_t>(cellLots.plotsU - spanU + 1)));
        const int v0 = static_cast<int>(mRandom.below(static_cast<std::uint64_t>(cellLots.plotsV - spanV + 1)));
        const bool free = cellLots.isFree(u0, v0, u0 + spanU, v0 + spanV);
        const Ring block = cellLots.lot(cell.corners, u0, v0, u0 + spanU, v0 + spanV);
        if (!free || onHill(mLandscape, block))
            return;
        const auto [la, lb] = lotSides(block);
        const Shape shape =
            use == BuildingUse::School
                ? Shape{std::min(0.8 * la, 90.0), std::min(0.35 * lb, 22.0), between(mRandom, 3, 5)}
                : Shape{std::min(0.8 * la, 80.0), std::min(0.6 * lb, 45.0), between(mRandom, 1, 2), 4.5};
        if (add(cell, use, block, shape))
        {
            cellLots.take(u0, v0, u0 + spanU, v0 + spanV);
            Building& added = mBuildings.back();
            added.name = use == BuildingUse::School ? "学校" : "农贸市场";
        }
    }

    /// Fills the cell's free lots, each with a chance that grows with the density.
    void fillLots(const GridCell& cell, CellLots& cellLots, double density, bool industry)
    {
        const double occupancy = industry ? 0.5 : 0.08 + 0.62 * density;
        for (int j = 0; j < cellLots.plotsV; ++j)
        {
            for (int i = 0; i < cellLots.plotsU; ++i)
            {
                if (cellLots.isTaken(i, j) || mRandom.uniform() > occupancy)
                    continue;
                const Ring lot = cellLots.lot(cell.corners, i, j, i + 1, j + 1);
                if (onHill(mLandscape, lot))
                    continue;
                const auto [use, shape] = lotBuilding(industry, density, lot, mRandom);
                if (add(cell, use, lot, shape))
                    cellLots.take(i, j, i + 1, j + 1);
            }
        }
    }

    /// Where a community has no home yet, the first free lot off the water gets one (the hill's foot
    /// included).
    void houseEveryCommunity(const DistrictLayout& layout, std::vector<CellLots>& lots)
    {
        std::set<std::int64_t> housed;
        for (const Building& building : mBuildings)
            if (building.use == BuildingUse::Residential)
                housed.insert(building.communityId);
        for (const Community& community : layout.communities)
        {
            if (housed.contains(community.id))
                continue;
            for (std::int64_t gridId : community.gridIds)
                if (houseInFirstFreeLot(layout.grids[gridId - 1], lots[gridId - 1]))
                    break;
        }
    }

    std::vector<Building>& buildings() { return mBuildings; }

private:
    bool houseInFirstFreeLot(const GridCell& cell, CellLots& cellLots)
    {
        bool placed = false;
        for (std::size_t k = 0; k < cellLots.taken.size() && !placed; ++k)
        {
            if (cellLots.taken[k])
                continue;
            const int i = static_cast<int>(k) % cellLots.plotsU, j = static_cast<int>(k) / cellLots.plotsU;
            const Ring lot = cellLots.lot(cell.corners, i, j, i + 1, j + 1);
            const auto [la, lb] = lotSides(lot);
            placed = add(cell, BuildingUse::Residential, lot, {std::min(0.85 * la, 60.0), std::min(0.5 * lb, 13.0), 6});
            cellLots.taken[k] = placed;
        }
        return placed;
    }

    const Landscape& mLandscape;
    Random& mRandom;
    std::vector<Building> mBuildings;
};
} // namespace

bool insideConvex(const Ring& polygon, const Position& p)
{
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++)
    {
        const double cross =
            (polygon[i].x - polygon[j].x) * (p.y - polygon[j].y) - (polygon[i].y - polygon[j].y) * (p.x - polygon[j].x);
        if (cross < 0.0)
            return false;
    }
    return true;
}

Position bilinear(const Ring& quad, double u, double v)
{
    const Position& a = quad[0];
    const Position& b = quad[1];
    const Position& c = quad[2];
    const Position& d = quad[3];
    return {(1 - u) * (1 - v) * a.x + u * (1 - v) * b.x + u * v * c.x + (1 - u) * v * d.x,
            (1 - u) * (1 - v) * a.y + u * (1 - v) * b.y + u * v * c.y + (1 - u) * v * d.y, 0.0};
}

std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<double>& weights)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<std::int64_t> shares(weights.size(), 0);
    if (weights.empty() || sum <= 0.0)
        return shares;
    std::vector<std::pair<double, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
    {
        const double exact = static_cast<double>(total) * weights[i] / sum;
        shares[i] = static_cast<std::int64_t>(std::floor(exact));
        given += shares[i];
        remainders.push_back({exact - static_cast<double>(shares[i]), i});
    }
    std::sort(remainders.begin(), remainders.end(),
              [](const auto& a, const auto& b)
              { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (std::int64_t k = 0; k < total - given; ++k)
        ++shares[remainders[static_cast<std::size_t>(k) % remainders.size()].second];
    return shares;
}

const char* buildingUseCode(BuildingUse use)
{
    switch (use)
    {
    case BuildingUse::Residential:
        return "residential";
    case BuildingUse::School:
        return "school";
    case BuildingUse::Shop:
        return "shop";
    case BuildingUse::Market:
        return "market";
    case BuildingUse::Office:
        return "office";
    case BuildingUse::Factory:
        return "factory";
    case BuildingUse::Public:
        return "public";
    }
    return "residential";
}

Landscape::Landscape(const DistrictLayout& layout, Random& random) : mCenterX(layout.centerX), mCenterY(layout.centerY)
{
    mHillX = mCenterX + random.uniform(-500.0, 500.0);
    mHillY = mCenterY + random.uniform(1500.0, 2100.0);
    const double tilt = random.uniform(-0.25, 0.25); // radians from due south
    mRiverDirX = std::sin(tilt);
    mRiverDirY = -std::cos(tilt);
    mRiverX = mCenterX - random.uniform(2300.0, 2900.0);
    mRiverY = mCenterY;
    for (double& phase : mMeanderPhase)
        phase = random.uniform(0.0, TwoPi);
    const double angle = random.uniform(0.0, TwoPi);
    mSubCenterX = mCenterX + 3800.0 * std::cos(angle);
    mSubCenterY = mCenterY + 3800.0 * std::sin(angle);
    mIndustrialAngle = angle + std::numbers::pi * random.uniform(0.6, 1.4);
}

double Landscape::riverOffset(double s) const
{
    double offset = 0.0;
    for (int i = 0; i < 3; ++i)
        offset += MeanderAmplitude[i] * std::sin(TwoPi * s / MeanderWavelength[i] + mMeanderPhase[i]);
    return offset;
}

double Landscape::riverSlope(double s) const
{
    double slope = 0.0;
    for (int i = 0; i < 3; ++i)
        slope += MeanderAmplitude[i] * TwoPi / MeanderWavelength[i] *
                 std::cos(TwoPi * s / MeanderWavelength[i] + mMeanderPhase[i]);
    return slope;
}

double Landscape::riverDistance(double x, double y) const
{
    const double dx = x - mRiverX, dy = y - mRiverY;
    const double s = dx * mRiverDirX + dy * mRiverDirY;
    // The normal points to the river's left bank looking downstream (east when it flows south).
    const double lateral = -dx * mRiverDirY + dy * mRiverDirX;
    const double slope = riverSlope(s);
    return std::abs(lateral - riverOffset(s)) / std::sqrt(1.0 + slope * slope);
}

std::vector<Position> Landscape::riverLine() const
{
    std::vector<Position> line;
    for (double s = -12000.0; s <= 12000.0; s += 50.0)
    {
        const double offset = riverOffset(s);
        line.push_back(
            {mRiverX + s * mRiverDirX - offset * mRiverDirY, mRiverY + s * mRiverDirY + offset * mRiverDirX, 0.0});
    }
    return line;
}

double Landscape::hillRise(double x, double y) const
{
    const double dx = x - mHillX, dy = y - mHillY;
    const double main = 62.0 * std::exp(-(dx * dx / (2.0 * 380.0 * 380.0) + dy * dy / (2.0 * 290.0 * 290.0)));
    const double ex = dx - 520.0, ey = dy + 120.0;
    const double shoulder = 28.0 * std::exp(-(ex * ex + ey * ey) / (2.0 * 230.0 * 230.0));
    return main + shoulder;
}

double Landscape::elevation(double x, double y) const
{
    double z = PlainElevation + 0.0006 * (y - mCenterY) - 0.0002 * (x - mCenterX) +
               1.2 * std::sin(x / 1700.0) * std::cos(y / 2300.0);
    z += hillRise(x, y);
    const double d = riverDistance(x, y);
    if (d < 320.0)
        z -= 4.0 * (1.0 - d / 320.0) * (1.0 - d / 320.0);
    if (d < RiverHalfWidth)
        z -= 3.0 * (1.0 - (d / RiverHalfWidth) * (d / RiverHalfWidth));
    return z;
}

double Landscape::urbanDensity(double x, double y) const
{
    const double r = std::hypot(x - mCenterX, y - mCenterY);
    const double core = std::exp(-(r / 4300.0) * (r / 4300.0));
    const double rs = std::hypot(x - mSubCenterX, y - mSubCenterY);
    const double sub = 0.65 * std::exp(-(rs / 1700.0) * (rs / 1700.0));
    const double wobble = 0.08 * std::sin(x / 900.0 + 1.3) * std::sin(y / 1100.0 + 0.4);
    return std::clamp(std::max(core, sub) + wobble, 0.03, 1.0);
}

bool Landscape::industrial(double x, double y) const
{
    const double dx = x - mCenterX, dy = y - mCenterY;
    const double r = std::hypot(dx, dy);
    double delta = std::remainder(std::atan2(dy, dx) - mIndustrialAngle, TwoPi);
    return r > 3600.0 && r < 7000.0 && std::abs(delta) < 0.38;
}

std::vector<Building> placeBuildings(const DistrictLayout& layout, const Landscape& landscape, double scale,
                                     Random& random)
{
    const double refine = std::sqrt(std::max(scale, 0.01));
    const SpecialCells special = chooseSpecialCells(layout, random);
    BuildingPlacer placer(landscape, random);
    std::vector<CellLots> lots(layout.grids.size());
    for (const GridCell& cell : layout.grids)
    {
        const double density = landscape.urbanDensity(cell.centerX, cell.centerY);
        const bool industry = landscape.industrial(cell.centerX, cell.centerY);
        CellLots& cellLots = lots[cell.id - 1];
        cellLots = divideCell(density, industry, refine);
        if (special.schools.contains(cell.id))
            placer.addSpecial(cell, cellLots, BuildingUse::School);
        if (special.markets.contains(cell.id))
            placer.addSpecial(cell, cellLots, BuildingUse::Market);
        placer.fillLots(cell, cellLots, density, industry);
    }
    // Every community has residents.
    placer.houseEveryCommunity(layout, lots);

    // Ids follow the grid cells, so that a cell's buildings are neighbours in the table.
    std::vector<Building>& buildings = placer.buildings();
    std::stable_sort(buildings.begin(), buildings.end(),
                     [](const Building& a, const Building& b) { return a.gridId < b.gridId; });
    for (std::size_t i = 0; i < buildings.size(); ++i)
        buildings[i].id = static_cast<std::int64_t>(i) + 1;
    return std::move(buildings);
}

} // namespace citytwin::data::sample
