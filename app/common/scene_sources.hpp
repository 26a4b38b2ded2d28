#pragma once

#include "data/analysis/classification.hpp"
#include "data/core/height_field.hpp"
#include "data/io/raster_source.hpp"
#include "data/core/result.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QString>
#include <QStringList>

#include <osg/Node>
#include <osg/ref_ptr>

namespace citytwin::data
{
struct CityGmlModel;
} // namespace citytwin::data

namespace citytwin::scene
{
class SceneModel;
struct ThematicColors;
} // namespace citytwin::scene

namespace citytwin::app
{

/// A source's terrain, opened (on any thread) and ready to show.
struct TerrainData
{
    std::shared_ptr<const data::RasterSource> dem;
    std::shared_ptr<const data::RasterSource> imagery;
    std::shared_ptr<const data::HeightField> ground;
};

/// Finds and opens the DEM and imagery of a source (a project's `dem` / `imagery` raster tables, or a
/// raster file). Nothing when the source has no rasters; an error when they cannot be read.
data::Result<std::optional<TerrainData>> loadTerrainData(const QString& path);

/// Shows the terrain in the model (GUI thread): builds the paged terrain and drapes the layers on it.
void applyTerrain(scene::SceneModel& model, const TerrainData& terrain);

/// Colours for a layer by one of its fields: graduated (classes, yellow to red) when most values are numbers,
/// else categorized. Null when the layer has no such field.
std::shared_ptr<const scene::ThematicColors> thematicColorsFor(const data::VectorLayer& layer, const std::string& field,
                                                               int classes, data::ClassMethod method);

/// The heat layer of a point layer over its extent (20 m cells, a 120 m Gaussian kernel), draped on the
/// model's ground.
osg::ref_ptr<osg::Node> buildIncidentHeat(const scene::SceneModel& model, const data::VectorLayer& points);
/// As above, for points over an extent (the Analysis dock's filtered incidents).
osg::ref_ptr<osg::Node> buildIncidentHeat(const scene::SceneModel& model, const std::vector<data::Position>& points,
                                          const data::Extent& extent);

/// Has the model's legend name layers, icon kinds and legend words in the interface language (LayerNames), each
/// layer by its role (a derived layer by the one it was made from). Call again after a language change.
void useDisplayNames(scene::SceneModel& model);

/// Whether the path is part of an oblique-photogrammetry tileset: its folder, its metadata.xml, or any of its
/// tile folders or .osgb files (data::obliqueMetadataPath); the whole tileset is what opens.
bool isObliqueTileset(const QString& path);

/// The extent in the project CRS of an oblique tileset's top-level tiles (their geometry read, placed as the
/// viewer places them).
data::Result<data::Extent> obliqueProjectExtent(const QString& path, const std::string& projectCrs);

/// Loads an oblique tileset into the model (GUI thread; its finer tiles page in later).
data::Result<bool> addObliqueTileset(scene::SceneModel& model, const QString& path);

/// Whether the path is a CityGML file: its root element a CityModel in a CityGML namespace (any version, so that
/// CityGML 3.0 gets its own message rather than GDAL's GML driver).
bool isCityGml(const QString& path);

/// What addCityGml showed.
struct CityGmlAdded
{
    int buildings = 0;
    int parts = 0;
    /// The CRS the coordinates were placed from ("EPSG:28992"); "" when the model is shown at its own coordinates.
    std::string crsUsed;
    /// Why the model has no CRS (no srsName, an unknown one, coordinates that do not fit it); "" when placed.
    std::string crsProblem;
    /// Elements libcitygml skipped, non-building objects left out.
    std::vector<std::string> warnings;
    /// The model's node name, "citygml:<file name>".
    std::string nodeName;
};

/// A CityGML file read and placed in the project CRS, not yet in a scene (readCityGmlForScene may run on a
/// worker thread; showCityGml then runs on the GUI thread).
struct CityGmlRead
{
    std::shared_ptr<data::CityGmlModel> city;
    CityGmlAdded added; ///< all but nodeName
};

/// The reading half of addCityGml: thread-safe, touches no scene.
data::Result<CityGmlRead> readCityGmlForScene(const QString& path, const QString& crs = {});
/// The showing half of addCityGml: builds the node and adds it to the model (GUI thread).
CityGmlAdded showCityGml(scene::SceneModel& model, const CityGmlRead& read);

/// Reads a CityGML 1.0 / 2.0 file and adds its buildings to the model as a 3D model: placed in the project CRS
/// (EPSG:4548) from its srsName, or from crs when given ("EPSG:n" or a CRS name). Without a usable CRS the model is
/// still shown, its coordinates taken as project metres (on its own: the origin is its centre when nothing set it),
/// and crsProblem says why. Replaces a model shown before from the same file. Errors name the file: not found,
/// not CityGML, CityGML 3.0, broken XML, no buildings (saying what the CityModel holds instead).
data::Result<CityGmlAdded> addCityGml(scene::SceneModel& model, const QString& path, const QString& crs = {});
/// Whether the path is an OGC 3D Tiles tileset: a tileset.json (or another .json with "asset" and "root"), or a
/// folder holding a tileset.json.
bool isTileset3d(const QString& path);

/// Loads a 3D Tiles tileset into the model, named "3dtiles:<folder name>" (GUI thread; the root tileset.json is
/// read now, the tiles page in later in the background).
data::Result<bool> addTileset3d(scene::SceneModel& model, const QString& path);

/// Returns the warnings of the model's 3D Tiles tilesets so far (tile files missing or unreadable, features not
/// supported), each naming its file, in technical English.
QStringList tileset3dWarnings(const scene::SceneModel& model);

} // namespace citytwin::app
