#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// A position in the project CRS, metres (z up, 0 when the source has none).
struct Position
{
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

using Ring = std::vector<Position>;

/// A polygon: the first ring is the outer boundary, the others are holes. Rings are not closed twice
/// (the last position differs from the first).
struct Polygon
{
    std::vector<Ring> rings;
};

/// Axis-aligned extent in the project CRS.
struct Extent
{
    double minX = std::numeric_limits<double>::max();
    double minY = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = std::numeric_limits<double>::lowest();

    bool isValid() const { return minX <= maxX && minY <= maxY; }
    void include(double x, double y)
    {
        minX = x < minX ? x : minX;
        minY = y < minY ? y : minY;
        maxX = x > maxX ? x : maxX;
        maxY = y > maxY ? y : maxY;
    }
    void include(const Extent& other)
    {
        if (other.isValid())
        {
            include(other.minX, other.minY);
            include(other.maxX, other.maxY);
        }
    }
    double centerX() const { return 0.5 * (minX + maxX); }
    double centerY() const { return 0.5 * (minY + maxY); }
};

/// The dominant geometry of a layer, which decides how it is drawn.
enum class GeometryKind
{
    None,
    Point,
    Line,
    Polygon,
};

/// One feature: its source id, its geometry parts in the project CRS, and its attribute values as text.
struct Feature
{
    std::int64_t fid = -1;
    std::vector<Position> points;
    std::vector<Ring> lines;
    std::vector<Polygon> polygons;
    /// One value per field of the layer, in field order; empty for NULL.
    std::vector<std::string> values;
    /// Extrusion height in metres, from `height`, `height_m`, `measuredHeight` (CityGML) or `floors` x 3 m;
    /// absent when none.
    std::optional<double> height;
};

/// A non-fatal problem met while reading a layer. The app turns `kind` and `value` into a translated sentence;
/// `detail` is technical English for logs.
struct LayerWarning
{
    enum class Kind
    {
        Empty,            ///< the layer has no features
        CrsGuessed,       ///< no CRS declared; value = the CRS assumed
        DecodedAsGbk,     ///< text was not UTF-8; decoded as GBK; value = values that could not be decoded
        GeometryRepaired, ///< invalid geometries repaired; value = how many
        GeometrySkipped,  ///< invalid or unreadable geometries skipped; value = how many
        ReadAsCollection, ///< a bare JSON array of Features, read as a FeatureCollection
        CrsFromName,      ///< the source names its CRS in words GDAL ignores; value = the name, detail = the CRS
        CrsNotRecognised, ///< the source names a CRS nobody knows; value = the name (the default was used)
        DataVAsGcj02,     ///< DataV GeoAtlas features (adcode) without a CRS, read as GCJ-02
        PointsFromColumns, ///< points made from a table's columns; value = the columns
        NoGeometry,       ///< features without a geometry GDAL could read; value = how many (detail: of how many)
        CodePageUnknown,  ///< a shapefile's .cpg names a code page nobody knows; value = the name (text read as is)
    };
    Kind kind = Kind::Empty;
    std::string value;
    std::string detail;
};

/// What a layer is: read from a source, or derived from another layer (by the app or an analysis). Styles and
/// display names follow the role; a derived layer's name ("cameras (view)") is text for people, never parsed.
enum class LayerRole
{
    Source,          ///< read from a source as it is
    Columns,         ///< areas as 3D columns as high as a value (valueColumns)
    ViewCones,       ///< each camera's view cone on the ground (viewCones)
    SeenGround,      ///< the ground the cameras see past the buildings (camera coverage)
    ServiceRings,    ///< a ring of a walking distance around each station (serviceAreas)
    RecurringPlaces, ///< places where incidents of one category came back (hot spots)
};

/// What a derived layer was made from, so that its display name can say so (empty for a source layer).
struct LayerDerivation
{
    /// The name of the layer it was made from ("stations", "communities").
    std::string sourceLayer;
    /// Service rings only: the kind of station ringed ("day_care"; empty for every station) and the radius (metres).
    std::string stationKind;
    double radiusMetres = 0.0;
};

/// A vector layer read from a source and transformed into the project CRS.
struct VectorLayer
{
    std::string name;
    std::string sourcePath;
    /// The source CRS as found ("EPSG:4326" when identified, else WKT), or "" when the source had none.
    std::string sourceCrs;
    /// The CRS the coordinates were taken to be in ("gcj02" / "bd09" included), after any declaration or guess.
    std::string effectiveCrs;
    /// True when effectiveCrs was guessed from the coordinates because the source had none.
    bool crsGuessed = false;
    /// How attribute text was decoded: "UTF-8", or "GBK" when detected.
    std::string encoding = "UTF-8";
    GeometryKind kind = GeometryKind::None;
    std::vector<std::string> fieldNames;
    std::vector<Feature> features;
    Extent extent;
    /// Non-fatal problems met while reading, shown to the user by the app.
    std::vector<LayerWarning> warnings;
    /// Set when the features were not read yet (VectorReadOptions::deferredLayers): how many there are.
    std::optional<std::int64_t> deferredCount;
    /// What the layer is, and for a derived layer what it was made from.
    LayerRole role = LayerRole::Source;
    LayerDerivation derivedFrom;
};

} // namespace citytwin::data
