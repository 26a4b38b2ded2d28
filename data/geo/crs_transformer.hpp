#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <optional>

#include <memory>
#include <span>
#include <string>

namespace citytwin::data
{

/// Transforms coordinates between two CRSs with PROJ, in double precision and in batches.
///
/// CRSs are given as anything PROJ understands ("EPSG:4548", WKT, PROJJSON). Axis order is always
/// x = easting / longitude, y = northing / latitude, whatever the CRS definition says.
/// One instance owns its own PROJ context: use it from one thread at a time.
class CrsTransformer
{
public:
    /// Creates a transformer from sourceCrs to targetCrs; fails with CrsUnknown or TransformFailed.
    static Result<CrsTransformer> create(const std::string& sourceCrs, const std::string& targetCrs);

    CrsTransformer(CrsTransformer&&) noexcept;
    CrsTransformer& operator=(CrsTransformer&&) noexcept;
    ~CrsTransformer();

    /// Transforms the points in place (xs[i], ys[i]); fails if any point cannot be transformed.
    Result<bool> transform(std::span<double> xs, std::span<double> ys) const;

    /// Transforms one point in place.
    Result<bool> transform(double& x, double& y) const;

    /// Returns true when source and target are the same CRS (transform is then a no-op).
    bool isIdentity() const { return mIdentity; }

private:
    struct Impl;
    explicit CrsTransformer(std::unique_ptr<Impl> impl, bool identity);
    std::unique_ptr<Impl> mImpl;
    bool mIdentity = false;
};

/// Returns the area of use of a CRS in degrees (west, south, east, north as an Extent), when PROJ knows it.
std::optional<Extent> areaOfUse(const std::string& crsDefinition);

/// Returns "EPSG:nnnn" when PROJ identifies the CRS with an EPSG code (confidence >= 70), else "".
std::string identifyEpsg(const std::string& crsDefinition);

} // namespace citytwin::data
