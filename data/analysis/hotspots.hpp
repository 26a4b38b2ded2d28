#pragma once

#include "data/project/schema.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace citytwin::data
{

struct VectorLayer;

/// Which areas touch which: area i's neighbours are neighbours[offsets[i] .. offsets[i + 1]) (CSR layout),
/// as indices into ids, ascending, never i itself. Symmetric: j is a neighbour of i exactly when i is one of j.
struct GridAdjacency
{
    /// The areas' ids, one per feature in feature order.
    std::vector<std::int64_t> ids;
    /// ids.size() + 1 offsets into neighbours.
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> neighbours;

    std::size_t size() const { return ids.size(); }
    /// Returns the neighbours of area index i (ascending indices).
    std::span<const std::uint32_t> neighboursOf(std::size_t i) const
    {
        return std::span<const std::uint32_t>(neighbours).subspan(offsets[i], offsets[i + 1] - offsets[i]);
    }
};

/// Returns which polygon features share a boundary (rook adjacency): two features are neighbours when an edge of
/// one and an edge of the other are collinear within tolerance (metres, perpendicular distance) and overlap over a
/// length above tolerance. Vertices need not coincide (an edge split by the other side's vertex still matches);
/// touching at a corner point only is not adjacency. Ids are the integer values of idField (the feature's position
/// when the field is missing or not a number). Features without polygons have no neighbours. Edges are matched
/// through a spatial hash, in about O(edges).
GridAdjacency gridAdjacency(const VectorLayer& grids, const std::string& idField = schema::grids::Id,
                            double tolerance = 0.01);

/// Builds an adjacency from neighbour lists (indices into ids); lists are made symmetric, sorted and de-duplicated,
/// and self-references and out-of-range indices dropped.
GridAdjacency adjacencyFromLists(std::vector<std::int64_t> ids, const std::vector<std::vector<std::uint32_t>>& lists);

/// The confidence at which a two-sided (or one-sided, where said) test rejects "no difference".
enum class Confidence
{
    None,      ///< p > 0.10
    Percent90, ///< p <= 0.10
    Percent95, ///< p <= 0.05
    Percent99, ///< p <= 0.01
};

/// Returns the highest confidence whose level the p-value reaches (None for NaN).
Confidence confidenceOf(double pValue);

/// A Gi* class as in ArcGIS's hot spot analysis: hot (high values clustered) or cold at a confidence. Ordered from
/// coldest to hottest, so `>= Hot90` means hot at any confidence.
enum class HotSpotClass
{
    Cold99,
    Cold95,
    Cold90,
    NotSignificant,
    Hot90,
    Hot95,
    Hot99,
};

/// Getis-Ord Gi* of one area.
struct GiStar
{
    double z = 0.0;      ///< the Gi* statistic, a standard normal z-score under spatial randomness
    double pValue = 1.0; ///< two-sided, from the normal distribution
    HotSpotClass hotSpotClass = HotSpotClass::NotSignificant;
    double localSum = 0.0; ///< the sum of values over the area and its neighbours
};

/// Returns the Getis-Ord Gi* statistic of every area (Getis & Ord 1995; binary weights, the area itself included):
/// z_i = (L_i - m W_i) / (s sqrt((n W_i - W_i^2) / (n - 1))), with L_i the local sum, W_i the number of areas in
/// it, m and s the mean and population standard deviation of all n values. Non-finite values are missing: left
/// out of every sum and of n, their own result NaN / NotSignificant. z is 0 where s or the denominator is 0.
/// No correction for multiple testing is made. Throws std::invalid_argument when values.size() != adjacency.size().
std::vector<GiStar> getisOrdGiStar(std::span<const double> values, const GridAdjacency& adjacency);

/// The alternative a change test checks.
enum class ChangeTest
{
    TwoSided, ///< the rate changed (up or down)
    Increase, ///< the rate went up (one-sided)
};

/// The exact conditional test for two Poisson counts: given n = current + before, current ~ Binomial(n, share)
/// under "same rate", share = the current period's part of the total exposure. Returns the p-value: two-sided as in
/// R's binom.test (the probability of every outcome no more likely than the one seen), or P(X >= current) for
/// Increase. Each tail is anchored at an exact log probability (lgamma) and summed outward, so n may be in the
/// millions and p-values down to about 1e-300 keep their relative precision (smaller ones are 0). Returns 1 when
/// n = 0, NaN when share is not in (0, 1) or a count is negative.
double poissonRateTest(std::int64_t current, std::int64_t before, double share, ChangeTest test = ChangeTest::TwoSided);

/// Counts of one area (optionally of one category) in the period tested and in the periods before it.
struct ChangeCounts
{
    std::int64_t areaId = 0;
    int category = -1; ///< -1: all categories together
    std::int64_t current = 0;
    std::int64_t before = 0; ///< the total over ChangeOptions::beforePeriods periods
};

/// How changes are tested.
struct ChangeOptions
{
    /// How many periods (of the current period's length) `before` covers: 1 for week over week, K to compare with
    /// the mean of the K weeks before.
    double beforePeriods = 1.0;
    ChangeTest test = ChangeTest::TwoSided;
};

enum class ChangeDirection
{
    Same,
    Up,
    Down,
};

/// A tested change.
struct ChangeResult
{
    std::int64_t areaId = 0;
    int category = -1;
    std::int64_t current = 0;
    std::int64_t before = 0;
    double expected = 0.0; ///< the count the current period would have at the before rate: before / beforePeriods
    double ratio = 1.0;    ///< current / expected (+inf when expected is 0 and current is not)
    double pValue = 1.0;
    Confidence level = Confidence::None;
    ChangeDirection direction = ChangeDirection::Same;
};

/// Tests every row with current + before > 0 (rows with nothing in either period are left out) and returns the
/// results sorted by level (99 % first), then by the absolute excess |current - expected|, then by p-value, area
/// id and category.
std::vector<ChangeResult> periodChanges(std::span<const ChangeCounts> counts, const ChangeOptions& options = {});

/// Tallies incidents into ChangeCounts: per area (and per area and category when byCategory) in the current period
/// [periodStart, periodStart + periodSeconds) and in the beforePeriods periods right before it. areaOfIncident holds
/// indices into areaIds (negative: outside every area); times are seconds. Rows are in area order, then category
/// order, and include areas with no incidents. Throws std::invalid_argument when the spans' sizes differ.
std::vector<ChangeCounts> tallyChangeCounts(std::span<const std::int64_t> areaIds,
                                            std::span<const std::int32_t> areaOfIncident,
                                            std::span<const std::int64_t> times,
                                            std::span<const std::uint8_t> categories, std::int64_t periodStart,
                                            std::int64_t periodSeconds, int beforePeriods, bool byCategory);

/// Returns a technical English line for logs, e.g. "grid 412: street_vending up 3.0x (12 vs 4), significant at 99%"
/// or "grid 7: down to 0.25x (3 vs 12), not significant (p = 0.077)". categoryNames[category] names the category
/// when given ("category 3" otherwise); areaKind names the area.
std::string describe(const ChangeResult& result, std::span<const std::string> categoryNames = {},
                     const std::string& areaKind = "grid");

/// How recurring places are found.
struct RecurringOptions
{
    double distance = 50.0;                 ///< metres; must be > 0
    std::int64_t window = 30LL * 24 * 3600; ///< seconds; must be >= 0
    std::size_t minimumCount = 3;           ///< smaller clusters are dropped
};

/// A place where incidents of one category keep happening.
struct RecurringPlace
{
    std::uint8_t category = 0;
    std::uint32_t count = 0;
    double centerX = 0.0; ///< the members' centroid, input coordinates
    double centerY = 0.0;
    std::int64_t firstTime = 0;
    std::int64_t lastTime = 0;
    double radius = 0.0;            ///< the largest distance of a member from the centroid
    std::uint32_t memberOffset = 0; ///< the first of count member indices in RecurringPlaces::members
};

/// Recurring places, largest first, with their members' input indices (each place's members by time).
struct RecurringPlaces
{
    std::vector<RecurringPlace> places;
    std::vector<std::uint32_t> members;

    /// Returns the input indices of place i's incidents.
    std::span<const std::uint32_t> membersOf(std::size_t i) const
    {
        return std::span<const std::uint32_t>(members).subspan(places[i].memberOffset, places[i].count);
    }
};

/// Returns the clusters of at least minimumCount incidents found by single linkage: two incidents are linked when
/// they have the same category, lie at most distance apart and happen at most window apart; a cluster is a
/// connected component (a chain of links may span more than distance and window). Incidents with non-finite
/// coordinates are left out. Places are sorted by count (largest first), then category and first time. Runs in
/// O(n log n) plus the links tested: incidents are sorted into cells a little under distance / sqrt(2) wide (two
/// incidents of one cell are always linked when within the window), and each cell is compared with the 24 cells
/// around it by time. Throws std::invalid_argument when the spans' sizes differ or the options are invalid.
RecurringPlaces recurringPlaces(std::span<const double> x, std::span<const double> y,
                                std::span<const std::int64_t> times, std::span<const std::uint8_t> categories,
                                const RecurringOptions& options = {});
/// As above, for float coordinates.
RecurringPlaces recurringPlaces(std::span<const float> x, std::span<const float> y, std::span<const std::int64_t> times,
                                std::span<const std::uint8_t> categories, const RecurringOptions& options = {});

} // namespace citytwin::data
