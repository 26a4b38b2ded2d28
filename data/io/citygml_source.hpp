#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace citytwin::data
{

/// The semantic type of a CityGML surface (its thematic boundary surface), or Unclassified for geometry written
/// straight under the building (LoD1 blocks, solids without boundedBy surfaces).
enum class SurfaceKind
{
    Roof,
    Wall,
    Ground,
    Closure,
    Other, ///< floor, ceiling, interior wall, outer floor / ceiling, installations, openings
    Unclassified,
};

/// Returns the English name of a surface kind ("RoofSurface", ..., "unclassified").
const char* surfaceKindName(SurfaceKind kind);

/// One polygon of a building, triangulated by libcitygml: vertices (file CRS, or the project CRS after
/// transformCityGml), triangle indices into them, and the texture that appearances give it.
struct CityGmlSurface
{
    SurfaceKind kind = SurfaceKind::Unclassified;
    int lod = 0;
    std::vector<Position> vertices;
    std::vector<unsigned int> indices;
    /// The polygon's rings as written (exterior first, then holes), not closed twice: for footprints.
    std::vector<Ring> rings;
    /// Texture image (absolute path) and one coordinate pair per vertex; empty when the appearance gives none.
    std::string texturePath;
    std::vector<std::array<float, 2>> texCoords;
};

/// A building or a building part, with what the Inspector shows of it.
struct CityGmlBuilding
{
    std::string id;   ///< gml:id ("" when the file gives none)
    std::string type; ///< "Building" or "BuildingPart"
    int parent = -1;  ///< for a part: the index of its building in CityGmlModel::buildings
    /// Name and value, in file order: gml:name, description, measuredHeight, generic attributes...
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string address;                  ///< "street number, postal code locality, country" ("" when none)
    std::optional<double> measuredHeight; ///< bldg:measuredHeight, metres
    std::vector<CityGmlSurface> surfaces;
};

/// What a CityGML file holds, read with libcitygml.
struct CityGmlModel
{
    std::string path;
    std::string version; ///< "1.0" or "2.0"
    std::string srsName; ///< as written ("" when none)
    /// The horizontal CRS as "EPSG:n" ("" when unknown or missing: crsProblem says why).
    std::string crs;
    std::string crsName;
    std::string crsDeclared; ///< the compound CRS the srsName names, when crs is its horizontal part
    std::string crsProblem;
    std::vector<CityGmlBuilding> buildings; ///< buildings, each followed by its parts
    /// City objects that are no buildings (roads, vegetation...), by type: counted, not read.
    std::map<std::string, int> otherObjects;
    /// Extent of every vertex (x, y) and its heights, in the CRS of the vertices.
    Extent extent;
    double minZ = 0.0;
    double maxZ = 0.0;
    std::vector<std::string> warnings;

    /// Counts the buildings (not parts) and the parts.
    int buildingCount() const;
    int partCount() const;
    /// The LoDs of the surfaces read.
    std::set<int> lods() const;
    /// Number of polygons by semantic kind.
    std::map<SurfaceKind, int> surfaceCounts() const;
};

/// Returns "1.0", "2.0" or "3.0" when the file's root element is a CityModel in a CityGML namespace, else "".
/// Reads the first 64 KiB only.
std::string cityGmlVersion(const std::string& path);

/// Reads the buildings and building parts of a CityGML 1.0 or 2.0 file (every LoD, semantic surfaces,
/// textures of the first appearance theme, generic attributes, addresses) and resolves its srsName (see
/// resolveSrsName); crsOverride, when given, replaces the srsName. A srsName that cannot be resolved, a geographic
/// one with coordinates no degrees can be, or a projected one whose area of use the coordinates lie outside, leaves
/// crs empty and says why in crsProblem (a crsOverride outside its area is kept, with a warning).
/// Errors name the file: FileNotFound, OpenFailed (not CityGML), ContentUnreadable (CityGML 3.0, broken XML with the
/// parser's line and message). A CityModel without buildings is no error: buildings is empty and otherObjects says what
/// there is. Never throws.
Result<CityGmlModel> readCityGml(const std::string& path, const std::string& crsOverride = {});

/// Transforms every vertex (x, y; z unchanged) from the model's crs into targetCrs and updates its extent and crs.
/// Fails with CrsMissing when the model has no crs, or TransformFailed.
Result<bool> transformCityGml(CityGmlModel& model, const std::string& targetCrs);

/// Returns the extent of the model in targetCrs (invalid when it has no crs or cannot be transformed).
Extent cityGmlExtentIn(const CityGmlModel& model, const std::string& targetCrs);

/// Returns the height of a building and where it comes from: its measuredHeight ("measuredHeight") when given,
/// else its highest vertex minus its lowest ("geometry"), its parts included.
std::pair<double, std::string> buildingHeight(const CityGmlModel& model, std::size_t building);

/// Returns the buildings and parts as a table for the Inspector, feature i being building i (no geometry): fields
/// gml_id, type, part_of (the building's gml_id), lod, height and height_source (buildingHeight), address, then
/// every attribute name met in the file. Named after the file (its file name).
VectorLayer cityGmlBuildingTable(const CityGmlModel& model);

} // namespace citytwin::data
