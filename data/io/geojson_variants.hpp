#pragma once

#include "data/core/vector_layer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace citytwin::data
{

/// What reading a GeoJSON file as it is published (by Chinese map portals among others) takes beyond handing it
/// to GDAL: the text GDAL should read instead, the CRS the file names in a way GDAL does not understand, and
/// what was done, for the user.
struct GeoJsonAdaptation
{
    /// The text GDAL reads instead of the file (a bare array wrapped into a FeatureCollection, GBK decoded
    /// into UTF-8); empty when the file itself can be read.
    std::string text;
    /// The CRS the coordinates are in when the file says so in words GDAL ignores ("gcj02", "bd09",
    /// "EPSG:4490"), or guesses it (crsGuessed); empty: the source's own.
    std::string crs;
    bool crsGuessed = false;
    /// Plain facts about the reading, shown as layer warnings.
    std::vector<LayerWarning> notes;
};

/// Looks at a .json / .geojson file's text: a JSON array of Features (not a FeatureCollection), GBK text,
/// a UTF-8 byte-order mark, a "crs" member whose name GDAL does not know ("CGCS2000", "GCJ02", "EPSG4490",
/// {"type": "EPSG", "properties": {"code": 4490}}), and DataV GeoAtlas files (features with "adcode" and no
/// CRS: published in GCJ-02, a guess the user is told about). Nothing when the file needs nothing of this,
/// is not such a file, or cannot be read (GDAL then gives the error).
std::optional<GeoJsonAdaptation> adaptGeoJson(const std::string& path);

/// The CRS a name denotes, in the form the coordinate pipeline takes ("EPSG:4490", "gcj02", "bd09"):
/// EPSG codes in any of their spellings (URN, URL, "EPSG4490", a bare code), common names of WGS 84, CGCS2000,
/// Web Mercator, Beijing 1954, Xi'an 1980 and the Chinese offset datums, English or Chinese, else whatever
/// GDAL's user-input parser identifies. Nothing when the name denotes none.
std::optional<std::string> crsFromName(const std::string& name);

} // namespace citytwin::data
