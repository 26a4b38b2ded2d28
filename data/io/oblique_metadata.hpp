#pragma once

#include "data/core/result.hpp"

#include <optional>
#include <string>

namespace citytwin::data
{

/// The spatial reference of a ContextCapture / Smart3D oblique-photogrammetry tileset, as written in its
/// metadata.xml (`<SRS>` and `<SRSOrigin>x,y,z</SRSOrigin>`). Tile vertices are offsets from the origin,
/// in the SRS's axes and units.
struct ObliqueMetadata
{
    /// How the `<SRS>` element is written.
    enum class SrsForm
    {
        Epsg, ///< "EPSG:nnnn"; the origin is in that CRS
        Enu,  ///< "ENU:lat,lon"; a local east-north-up frame tangent there, the origin an offset in metres
        Wkt,  ///< any other CRS definition PROJ reads, normally a full WKT
    };

    std::string path; ///< the metadata.xml read ("" when parsed from memory)
    std::string srs;  ///< the SRS text as written, trimmed and with XML entities decoded
    SrsForm form = SrsForm::Epsg;
    double originX = 0.0; ///< SRSOrigin (0 when the element is absent)
    double originY = 0.0;
    double originZ = 0.0;
    double enuLatitude = 0.0; ///< degrees, only for SrsForm::Enu
    double enuLongitude = 0.0;
};

/// Where a tileset lies in the project CRS.
struct ObliquePlacement
{
    double x = 0.0; ///< the tileset origin in the project CRS, metres (z is passed through unchanged)
    double y = 0.0;
    double z = 0.0;
    /// Radians, counter-clockwise about z: turns the tileset's local x/y axes onto the project grid's axes
    /// at the origin (grid convergence between the two projections, or ENU east onto grid east).
    double rotation = 0.0;
    /// Project-CRS metres per tileset unit at the origin: about 1 for metric SRSs, 0.3048 for feet.
    double scale = 1.0;
    std::string sourceCrs; ///< the CRS definition handed to PROJ (AUTHORITY clauses removed from WKT)
};

/// Parses the text of a metadata.xml; path is only used in error messages.
Result<ObliqueMetadata> parseObliqueMetadata(const std::string& xml, const std::string& path = {});

/// The metadata.xml of the oblique tileset a path belongs to: the tileset folder, its metadata.xml, its Data
/// folder, a tile folder or any of its .osgb files (found up to four folders above, beside a Data folder).
/// Nothing when the path is not part of one.
std::optional<std::string> obliqueMetadataPath(const std::string& path);

/// Reads a tileset's metadata.xml, given the tileset folder or the metadata.xml itself.
Result<ObliqueMetadata> readObliqueMetadata(const std::string& folderOrMetadataPath);

/// Returns a WKT with every AUTHORITY[...] and ID[...] clause removed, so that PROJ builds the CRS from the
/// parameters written in it rather than trusting a code that may contradict them.
std::string stripWktAuthorities(const std::string& wkt);

/// Returns the CRS definition of the tileset's SRS that PROJ is given (an ellipsoidal orthographic
/// projection, that is the tangent plane, for the ENU form).
std::string obliqueSourceCrs(const ObliqueMetadata& metadata);

/// Transforms the tileset origin into projectCrs and measures the local rotation (and scale) between the
/// tileset's axes and the project grid from points 100 units east and north of the origin.
/// Fails with CrsUnknown or TransformFailed, naming the metadata file.
Result<ObliquePlacement> placeInProjectCrs(const ObliqueMetadata& metadata, const std::string& projectCrs);

} // namespace citytwin::data
