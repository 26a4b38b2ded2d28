#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/io/gdal_open.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// A field of a vector layer: its name (decoded) and its OGR type name ("String", "Integer64", "Real", ...).
struct FieldInfo
{
    std::string name;
    std::string type;
};

/// What `citytwin info` tells about one vector layer.
struct LayerInfo
{
    std::string name;
    std::string geometryType;
    std::int64_t featureCount = 0;
    /// "EPSG:nnnn" when one matches, else the CRS's name; "" when the layer declares none.
    std::string crs;
    std::string crsName;
    /// When the layer declares no CRS: the guess, as "EPSG:nnnn" (else "").
    std::string guessedCrs;
    Extent sourceExtent;
    /// The extent in the project CRS (invalid when it cannot be transformed there, or lies outside the
    /// project CRS's area of use).
    Extent projectExtent;
    /// True when the data lie outside the area where the project CRS is meant to be used.
    bool outsideProjectArea = false;
    std::string encoding = "UTF-8";
    std::vector<FieldInfo> fields;
    /// Features without a geometry (all of them in a table without coordinate columns).
    std::int64_t featuresWithoutGeometry = 0;
    /// What reading the layer took (layerNotes): a bare GeoJSON array, GBK text, a CRS named in words, the
    /// columns a table's points came from.
    std::vector<LayerWarning> notes;
    /// When the layer's coordinates lie where its geographic CRS has no place (latitudes beyond ±90°,
    /// longitudes beyond -180…360°): what is wrong, in English ("" otherwise).
    std::string coordinatesOutsideCrs;
};

/// What `citytwin info` tells about a raster.
struct RasterInfo
{
    int width = 0;
    int height = 0;
    int bandCount = 0;
    std::string dataType;
    std::string crs;
    std::string crsName;
    double pixelSizeX = 0.0;
    double pixelSizeY = 0.0;
    std::optional<double> noData;
    Extent sourceExtent;
    Extent projectExtent;
    bool outsideProjectArea = false;
};

/// What `citytwin info` tells about a 3D tileset that GDAL does not read (ContextCapture metadata.xml,
/// 3D Tiles tileset.json).
struct TilesetInfo
{
    std::string format;  ///< "ContextCapture" or "3D Tiles"
    std::string srs;     ///< the SRS as written (ContextCapture), "" for 3D Tiles (always ECEF)
    std::string origin;  ///< SRSOrigin (ContextCapture), or the root bounding volume (3D Tiles)
    int tileCount = 0;   ///< top-level tile folders (ContextCapture) or tiles, external tilesets included (3D Tiles)
    std::string version; ///< 3D Tiles asset version
    // 3D Tiles only:
    std::map<std::string, int> contentKinds; ///< content files by kind ("b3dm" -> 4, "tileset" -> external ones)
    double geometricError = 0.0;             ///< the tileset's geometricError, metres
    Extent projectExtent;                    ///< the root bounding volume in the project CRS
    bool outsideProjectArea = false;
    std::vector<std::string> warnings;       ///< what is not supported or could not be read, naming files
};

/// Everything `citytwin info` prints about a source.
struct SourceInfo
{
    std::string path;
    std::string driver;
    std::string driverLongName;
    std::vector<LayerInfo> layers;
    std::optional<RasterInfo> raster;
    std::optional<TilesetInfo> tileset;
};

/// True when the path is a 3D Tiles tileset: a folder with a tileset.json, a file named tileset.json, or a .json
/// file with "asset" and "root" near its start (names in any case).
bool looksLikeTileset3d(const std::string& path);

/// Describes a source without reading all of it: layers (name, geometry type, count, CRS, extents,
/// fields, encoding), raster properties, or a 3D tileset's header. Read-only.
Result<SourceInfo> inspectSource(const std::string& path, const std::string& projectCrs,
                                 const TableColumns& columns = {});

} // namespace citytwin::data
