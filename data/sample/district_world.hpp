#pragma once

#include "district_layout.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data::sample
{

/// The natural setting of the sample district: a plain sloping gently to the south-east, a hill (Lubei has
/// Fenghuang Mountain) north of the centre, and a meandering river (the Dou River) crossing the district
/// from north to south west of the centre. All positions are project CRS metres (EPSG:4548).
class Landscape
{
public:
    Landscape(const DistrictLayout& layout, Random& random);

    /// Ground elevation above sea level, metres: the plain, the hill and the river's valley and bed.
    double elevation(double x, double y) const;
    /// Height of the hill above the plain here, metres.
    double hillRise(double x, double y) const;
    /// Distance from the river's centre line, metres (accurate for its gentle meanders).
    double riverDistance(double x, double y) const;
    /// Whether the point is on water.
    bool inRiver(double x, double y) const { return riverDistance(x, y) < RiverHalfWidth; }
    /// The river's centre line, from north to south, every 50 m.
    std::vector<Position> riverLine() const;
    /// How built-up the place is, 0 (fields) to 1 (the centre).
    double urbanDensity(double x, double y) const;
    /// Whether the place is in the old industrial belt (ceramics works, east of the centre).
    bool industrial(double x, double y) const;

    double hillX() const { return mHillX; }
    double hillY() const { return mHillY; }
    double centerX() const { return mCenterX; }
    double centerY() const { return mCenterY; }

    static constexpr double RiverHalfWidth = 45.0;
    static constexpr double PlainElevation = 24.0;

private:
    /// The river in its own frame: s along the valley (north to south), lateral offset of the centre line.
    double riverOffset(double s) const;
    double riverSlope(double s) const;

    double mCenterX = 0.0, mCenterY = 0.0;
    double mHillX = 0.0, mHillY = 0.0;
    double mRiverX = 0.0, mRiverY = 0.0;        ///< a point of the valley axis
    double mRiverDirX = 0.0, mRiverDirY = -1.0; ///< the valley axis, unit, pointing downstream (south)
    double mMeanderPhase[3] = {};
    double mSubCenterX = 0.0, mSubCenterY = 0.0;
    double mIndustrialAngle = 0.0;
};

/// What a building is used for (the `use` field).
enum class BuildingUse
{
    Residential,
    School,
    Shop,
    Market,
    Office,
    Factory,
    Public,
};
const char* buildingUseCode(BuildingUse use);

struct Building
{
    std::int64_t id = 0;
    std::int64_t gridId = 0;
    std::int64_t communityId = 0;
    BuildingUse use = BuildingUse::Residential;
    Ring footprint; ///< 4 corners, counter-clockwise
    double centerX = 0.0, centerY = 0.0;
    double footprintArea = 0.0;
    int floors = 1;
    double height = 3.0;
    std::string name;
    std::int64_t households = 0;
    std::int64_t population = 0;
    std::int64_t elderly = 0;
    std::int64_t children = 0;
};

/// Places buildings in the grid cells: each cell's inner part (its edges are streets) is cut into lots
/// whose number grows with the urban density and with scale; lots are filled with residential slabs,
/// towers, schools, markets, shops, offices and factories. Footprints stay inside their lot, so they never
/// overlap; nothing is built on the water or on the hill. Every community gets residential buildings.
std::vector<Building> placeBuildings(const DistrictLayout& layout, const Landscape& landscape, double scale,
                                     Random& random);

/// Splits a total over weights into whole numbers that add up exactly (largest remainders).
std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<double>& weights);

/// Whether p is on the inner side of every edge of a counter-clockwise polygon (inside its kernel; for a
/// convex polygon, inside it).
bool insideConvex(const Ring& polygon, const Position& p);

/// A point inside a quadrilateral, by bilinear interpolation of its corners (u along corners 0 -> 1).
Position bilinear(const Ring& quad, double u, double v);

} // namespace citytwin::data::sample
