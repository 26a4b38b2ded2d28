#include "data/io/point_tables.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// The names the coordinate and geometry columns go by, English and Chinese, in the order they are tried.
const std::vector<std::string>& xColumnNames()
{
    static const std::vector<std::string> names = {"lon",  "lng",   "long",  "longitude", "x",      "经度",
                                                   "东经", "坐标X", "X坐标", "横坐标",    "easting"};
    return names;
}

const std::vector<std::string>& yColumnNames()
{
    static const std::vector<std::string> names = {"lat",   "latitude", "y",      "纬度",    "北纬",
                                                   "坐标Y", "Y坐标",    "纵坐标", "northing"};
    return names;
}

const std::vector<std::string>& geometryColumnNames()
{
    static const std::vector<std::string> names = {"wkt", "geometry", "geom", "the_geom", "geojson", "几何", "空间信息"};
    return names;
}

/// Whether a point's x looks like a northing and its y like an easting, as Chinese survey tables write them
/// (X north, Y east): x between 1,000 and 10,000 km and y below 1,000 km or with a zone number in front.
bool looksLikeSurveyOrder(double x, double y)
{
    return x >= 1.0e6 && x < 1.0e7 && y > 0.0 && (y < 1.0e6 || (y >= 1.3e7 && y < 4.6e7));
}

/// The column named (without regard to case) in the definition; -1 when none.
int findColumn(const OGRFeatureDefn& definition, const std::string& name)
{
    const std::string wanted = lowerAscii(name);
    for (int i = 0; i < definition.GetFieldCount(); ++i)
    {
        std::string field = definition.GetFieldDefn(i)->GetNameRef();
        const auto first = field.find_first_not_of(" \t");
        const auto last = field.find_last_not_of(" \t");
        field = first == std::string::npos ? "" : field.substr(first, last - first + 1);
        if (lowerAscii(field) == wanted)
            return i;
    }
    return -1;
}

/// The first of the names the definition has as a column; -1 when none.
int firstColumn(const OGRFeatureDefn& definition, const std::vector<std::string>& names)
{
    for (const std::string& name : names)
        if (const int index = findColumn(definition, name); index >= 0)
            return index;
    return -1;
}

/// A coordinate from a cell: a number, or text holding one ("118.18", " 118.18° ", "39.65N").
std::optional<double> coordinateOf(const OGRFeature& feature, int column)
{
    if (column < 0 || !feature.IsFieldSetAndNotNull(column))
        return std::nullopt;
    const OGRFieldType type = feature.GetFieldDefnRef(column)->GetType();
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64)
        return feature.GetFieldAsDouble(column);
    const char* text = feature.GetFieldAsString(column);
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || !std::isfinite(value))
        return std::nullopt;
    std::string rest(end);
    for (const char* allowed : {"\xC2\xB0", "E", "N", "e", "n", " ", "\t"})
        for (auto at = rest.find(allowed); at != std::string::npos; at = rest.find(allowed))
            rest.erase(at, std::char_traits<char>::length(allowed));
    return rest.empty() ? std::optional(value) : std::nullopt;
}

/// A geometry from a WKT or GeoJSON cell; null when it holds none.
std::unique_ptr<OGRGeometry> geometryOf(const OGRFeature& feature, int column)
{
    if (column < 0 || !feature.IsFieldSetAndNotNull(column))
        return nullptr;
    std::string text = feature.GetFieldAsString(column);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return nullptr;
    OGRGeometry* geometry = nullptr;
    if (text[first] == '{')
        geometry = OGRGeometryFactory::createFromGeoJson(text.c_str() + first);
    else
        OGRGeometryFactory::createFromWkt(text.c_str() + first, nullptr, &geometry);
    return std::unique_ptr<OGRGeometry>(geometry);
}

struct SheetColumns
{
    int x = -1;
    int y = -1;
    int geometry = -1;
    bool swapped = false;
};

/// Whether the sheet's first rows with coordinates are in survey order (X north, Y east).
bool sheetInSurveyOrder(OGRLayer& sheet, const SheetColumns& columns)
{
    int looked = 0, survey = 0;
    sheet.ResetReading();
    for (auto& feature : sheet)
    {
        const auto x = coordinateOf(*feature, columns.x);
        const auto y = coordinateOf(*feature, columns.y);
        if (!x || !y)
            continue;
        survey += looksLikeSurveyOrder(*x, *y) ? 1 : 0;
        if (++looked == 100)
            break;
    }
    sheet.ResetReading();
    return looked > 0 && survey == looked;
}

/// The columns of a sheet its points come from; an error names a column the user asked for that is missing.
SheetColumns sheetColumns(OGRLayer& sheet, const TableColumns& asked, std::string& error)
{
    const OGRFeatureDefn& definition = *sheet.GetLayerDefn();
    SheetColumns columns;
    for (const auto& [name, index] :
         {std::pair{asked.x, &columns.x}, std::pair{asked.y, &columns.y}, std::pair{asked.geometry, &columns.geometry}})
    {
        if (name.empty())
            continue;
        *index = findColumn(definition, name);
        if (*index < 0)
            error = "sheet '" + std::string(sheet.GetName()) + "' has no column named '" + name + "'";
    }
    if (asked.empty())
    {
        columns.geometry = firstColumn(definition, geometryColumnNames());
        columns.x = firstColumn(definition, xColumnNames());
        columns.y = firstColumn(definition, yColumnNames());
    }
    if (columns.x >= 0 && columns.y >= 0)
        columns.swapped = sheetInSurveyOrder(sheet, columns);
    return columns;
}

/// The note naming the columns a sheet's points come from; nothing when it has none.
std::optional<LayerWarning> columnsNote(const OGRFeatureDefn& definition, const SheetColumns& columns)
{
    const auto name = [&](int index) { return std::string(definition.GetFieldDefn(index)->GetNameRef()); };
    std::string used;
    if (columns.x >= 0 && columns.y >= 0)
        used = name(columns.swapped ? columns.y : columns.x) + ", " + name(columns.swapped ? columns.x : columns.y) +
               (columns.swapped ? " (survey order: X north)" : "");
    else if (columns.geometry >= 0)
        used = name(columns.geometry);
    if (used.empty())
        return std::nullopt;
    return LayerWarning{LayerWarning::Kind::PointsFromColumns, used, "geometry from the columns " + used};
}

/// Copies one sheet into the memory dataset with its points.
void copySheet(OGRLayer& sheet, const SheetColumns& columns, GDALDataset& memory)
{
    const bool points = columns.x >= 0 && columns.y >= 0;
    const OGRwkbGeometryType type = points ? wkbPoint : columns.geometry >= 0 ? wkbUnknown : wkbNone;
    OGRLayer* copy = memory.CreateLayer(sheet.GetName(), nullptr, type, nullptr);
    OGRFeatureDefn& source = *sheet.GetLayerDefn();
    for (int i = 0; i < source.GetFieldCount(); ++i)
        copy->CreateField(source.GetFieldDefn(i));
    const int xColumn = columns.swapped ? columns.y : columns.x;
    const int yColumn = columns.swapped ? columns.x : columns.y;
    sheet.ResetReading();
    for (auto& feature : sheet)
    {
        OGRFeature out(copy->GetLayerDefn());
        out.SetFrom(feature.get(), TRUE);
        out.SetFID(feature->GetFID());
        if (points)
        {
            const auto x = coordinateOf(*feature, xColumn);
            const auto y = coordinateOf(*feature, yColumn);
            if (x && y)
                out.SetGeometryDirectly(new OGRPoint(*x, *y));
        }
        else if (auto geometry = geometryOf(*feature, columns.geometry))
            out.SetGeometryDirectly(geometry.release());
        copy->CreateFeature(&out);
    }
    if (auto note = columnsNote(source, columns))
        attachNotes(*copy, {*note});
}
} // namespace

std::vector<std::string> csvColumnOptions(OGRLayer& table, const TableColumns& asked, std::string& error,
                                          std::vector<LayerWarning>& notes)
{
    const SheetColumns columns = sheetColumns(table, asked, error);
    const OGRFeatureDefn& definition = *table.GetLayerDefn();
    const auto name = [&](int index) { return std::string(definition.GetFieldDefn(index)->GetNameRef()); };
    if (!error.empty())
        return {};
    if (auto note = columnsNote(definition, columns))
        notes.push_back(std::move(*note));
    if (columns.x >= 0 && columns.y >= 0)
        return {"X_POSSIBLE_NAMES=" + name(columns.swapped ? columns.y : columns.x),
                "Y_POSSIBLE_NAMES=" + name(columns.swapped ? columns.x : columns.y)};
    if (columns.geometry >= 0)
        return {"GEOM_POSSIBLE_NAMES=" + name(columns.geometry)};
    return {};
}

GdalDatasetPtr pointsFromColumns(GDALDataset& source, const TableColumns& asked, std::string& error)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!driver)
    {
        error = "GDAL's memory driver is missing";
        return nullptr;
    }
    GdalDatasetPtr memory(driver->Create("points", 0, 0, 0, GDT_Unknown, nullptr));
    for (OGRLayer* sheet : source.GetLayers())
    {
        const SheetColumns columns = sheetColumns(*sheet, asked, error);
        if (!error.empty())
            return nullptr;
        copySheet(*sheet, columns, *memory);
    }
    if (GDALDriver* sourceDriver = source.GetDriver())
        memory->SetMetadataItem("SOURCE_DRIVER", sourceDriver->GetDescription(), "CITYTWIN");
    return memory;
}

} // namespace citytwin::data
