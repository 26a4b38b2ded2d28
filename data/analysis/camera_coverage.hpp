#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace citytwin::data
{

/// A camera on the ground plane (project CRS, metres).
struct CameraRecord
{
    std::int64_t id = -1;
    double x = 0.0;
    double y = 0.0;
    double heading = 0.0; ///< degrees clockwise from north
    double fov = 60.0;    ///< opening angle in degrees
    double range = 50.0;  ///< metres
};

/// Reads camera points (fields id, heading, fov, range_m; missing values: heading 0, fov 60°, range 50 m, as
/// viewCones() draws them). Fails with InvalidArgument when the layer has no `heading` field.
Result<std::vector<CameraRecord>> readCameras(const VectorLayer& cameras);

/// The ground one camera sees: its view cone cut by the buildings in the way.
struct CameraView
{
    std::int64_t cameraId = -1;
    /// The visible polygon, star-shaped around the camera: the camera position, then the far ends of the rays in
    /// clockwise order (not closed twice). Empty for a camera with no range or no opening.
    Ring polygon;
    double area = 0.0; ///< square metres
};

/// Casts the view of cameras against building footprints in 2D: a footprint blocks every ray behind it (building
/// heights and camera mounting heights are not used).
/// - A camera standing inside a footprint is taken to be mounted on that building and sees over it: its walls do not
///   block it.
/// - A camera exactly on a wall (within 1 µm) is outside: it sees everything on its side, nothing through the wall.
///
/// Rays leave the camera every rayStep degrees across the cone, plus just before, at and just after the bearing of
/// every footprint corner in range, so the polygon follows building edges exactly; between two rays that both run
/// to full range the arc is approximated by its chord (area error below 0.01 % at 1°). Thread-safe once built.
class ViewshedCaster
{
public:
    /// Indexes the footprints (polygons of the features of buildings).
    explicit ViewshedCaster(const VectorLayer& buildings, double rayStepDegrees = 1.0);
    ~ViewshedCaster();
    ViewshedCaster(ViewshedCaster&&) noexcept;
    ViewshedCaster& operator=(ViewshedCaster&&) noexcept;

    /// Returns the ground the camera sees.
    CameraView view(const CameraRecord& camera) const;

private:
    struct Index;
    std::unique_ptr<Index> mIndex;
};

/// How cameraCoverage() rasterises the views.
struct CameraCoverageOptions
{
    /// Raster cell size in metres (a cell is in view, in a building or in a grid when its centre is). The sample
    /// district (17 x 15 km) at 2 m is 62M cells, kept as bits (8 MB per layer).
    double cellSize = 2.0;
    double rayStepDegrees = 1.0;
    /// Grids whose share of open ground in view is below this are listed as blind spots.
    double blindSpotThreshold = 0.1;
};

/// Camera coverage of one grid.
struct GridViewShare
{
    std::int64_t gridId = -1;
    double openArea = 0.0;        ///< square metres of the grid outside building footprints
    double visibleOpenArea = 0.0; ///< of which in view of at least one camera
    double openShare = 0.0;       ///< visibleOpenArea / openArea; 0 without open ground
    double streetLength = 0.0;    ///< metres of road centre line in the grid outside footprints
    double visibleStreetLength = 0.0;
    double streetShare = 0.0; ///< visibleStreetLength / streetLength; 0 without streets
};

/// Camera coverage of a district.
struct CameraCoverage
{
    std::vector<CameraView> views;            ///< one per camera, input order
    std::vector<GridViewShare> grids;         ///< one per grid feature, layer order
    std::vector<std::int64_t> blindSpotGrids; ///< grids with open ground whose openShare < blindSpotThreshold
    GridViewShare district;                   ///< the sums over all grids (gridId -1)
};

/// Computes each camera's view and, on a bit raster over the grids' extent, the share of each grid's open ground
/// and street length (roads: an optional line layer, may be null) in view of any camera. Grid ids come from the
/// integer field `id` of grids (the feature position when missing).
CameraCoverage cameraCoverage(std::span<const CameraRecord> cameras, const VectorLayer& buildings,
                              const VectorLayer& grids, const VectorLayer* roads, const CameraCoverageOptions& options);

} // namespace citytwin::data
