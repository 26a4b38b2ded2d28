#include "data/analysis/stats_table.hpp"

#include "data/io/gdal_open.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
std::string formatNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return std::to_string(static_cast<std::int64_t>(value));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
    {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (unsigned char c : text)
    {
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20)
            {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            }
            else
                out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

/// The OGR type of a column: integer when every value is an integer, real when numbers, else text.
OGRFieldType columnType(const StatsTable& table, std::size_t column)
{
    bool integers = true, numbers = true;
    for (const auto& row : table.rows)
    {
        const StatsTable::Value& value = row[column];
        if (std::holds_alternative<std::string>(value))
            integers = numbers = false;
        else if (std::holds_alternative<double>(value))
            integers = false;
    }
    return integers ? OFTInteger64 : numbers ? OFTReal : OFTString;
}
} // namespace

int StatsTable::columnIndex(const std::string& name) const
{
    const auto found = std::find(columns.begin(), columns.end(), name);
    return found == columns.end() ? -1 : static_cast<int>(found - columns.begin());
}

double StatsTable::number(const Value& value)
{
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*integer);
    if (const auto* real = std::get_if<double>(&value))
        return *real;
    return std::nan("");
}

std::string StatsTable::text(const Value& value)
{
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return std::to_string(*integer);
    if (const auto* real = std::get_if<double>(&value))
        return formatNumber(*real);
    if (const auto* string = std::get_if<std::string>(&value))
        return *string;
    return {};
}

void writeCsv(const StatsTable& table, std::ostream& out)
{
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        out << (c ? "," : "") << csvField(table.columns[c]);
    out << '\n';
    for (const auto& row : table.rows)
    {
        for (std::size_t c = 0; c < row.size(); ++c)
            out << (c ? "," : "") << csvField(StatsTable::text(row[c]));
        out << '\n';
    }
}

void writeJson(const StatsTable& table, std::ostream& out)
{
    out << "[";
    for (std::size_t r = 0; r < table.rows.size(); ++r)
    {
        out << (r ? ",\n " : "\n ") << "{";
        const auto& row = table.rows[r];
        for (std::size_t c = 0; c < row.size() && c < table.columns.size(); ++c)
        {
            out << (c ? ", " : "") << jsonString(table.columns[c]) << ": ";
            const StatsTable::Value& value = row[c];
            if (std::holds_alternative<std::monostate>(value))
                out << "null";
            else if (const auto* string = std::get_if<std::string>(&value))
                out << jsonString(*string);
            else
            {
                const std::string text = StatsTable::text(value);
                out << (text.empty() ? "null" : text);
            }
        }
        out << "}";
    }
    out << (table.rows.empty() ? "]\n" : "\n]\n");
}

Result<bool> writeGeoPackage(const StatsTable& table, const std::string& path, const std::string& layerName,
                             const VectorLayer* areas, const std::string& areaIdField, const std::string& crs)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return Error{ErrorCode::StoreFailed, "GDAL has no GeoPackage driver", path};
    std::error_code ignored;
    const bool exists = std::filesystem::exists(path, ignored);
    GdalDatasetPtr dataset(exists ? static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                                         nullptr, nullptr, nullptr))
                                  : driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        return Error{ErrorCode::StoreFailed,
                     exists ? "cannot open the GeoPackage for writing" : "cannot create the file", path};
    for (int i = 0; i < dataset->GetLayerCount(); ++i)
        if (layerName == dataset->GetLayer(i)->GetName())
        {
            dataset->DeleteLayer(i);
            break;
        }

    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const bool withGeometry = areas != nullptr && srs.SetFromUserInput(crs.c_str()) == OGRERR_NONE;
    OGRLayer* layer = dataset->CreateLayer(layerName.c_str(), withGeometry ? &srs : nullptr,
                                           withGeometry ? wkbMultiPolygon : wkbNone);
    if (!layer)
        return Error{ErrorCode::StoreFailed, "cannot create layer " + layerName, path};
    std::vector<OGRFieldType> types;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
    {
        types.push_back(columnType(table, c));
        OGRFieldDefn field(table.columns[c].c_str(), types.back());
        if (layer->CreateField(&field) != OGRERR_NONE)
            return Error{ErrorCode::StoreFailed, "cannot create field " + table.columns[c], path};
    }

    // Area geometries by id.
    std::map<std::int64_t, const Feature*> areaById;
    if (withGeometry)
    {
        const auto field = std::find(areas->fieldNames.begin(), areas->fieldNames.end(), areaIdField);
        for (const Feature& feature : areas->features)
        {
            std::int64_t id = feature.fid;
            if (field != areas->fieldNames.end())
            {
                const std::string& text = feature.values.at(field - areas->fieldNames.begin());
                std::from_chars(text.data(), text.data() + text.size(), id);
            }
            areaById[id] = &feature;
        }
    }

    if (layer->StartTransaction() != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, "cannot start a transaction", path};
    for (const auto& row : table.rows)
    {
        OGRFeature feature(layer->GetLayerDefn());
        for (std::size_t c = 0; c < row.size() && c < types.size(); ++c)
        {
            const StatsTable::Value& value = row[c];
            if (std::holds_alternative<std::monostate>(value))
                feature.SetFieldNull(static_cast<int>(c));
            else if (types[c] == OFTInteger64)
                feature.SetField(static_cast<int>(c), static_cast<GIntBig>(std::get<std::int64_t>(value)));
            else if (types[c] == OFTReal)
                feature.SetField(static_cast<int>(c), StatsTable::number(value));
            else
                feature.SetField(static_cast<int>(c), StatsTable::text(value).c_str());
        }
        if (withGeometry && !row.empty())
        {
            const auto found = areaById.find(static_cast<std::int64_t>(StatsTable::number(row.front())));
            if (found != areaById.end())
            {
                OGRMultiPolygon multi;
                for (const Polygon& polygon : found->second->polygons)
                {
                    OGRPolygon ogrPolygon;
                    for (const Ring& ring : polygon.rings)
                    {
                        OGRLinearRing ogrRing;
                        for (const Position& p : ring)
                            ogrRing.addPoint(p.x, p.y);
                        ogrRing.closeRings();
                        ogrPolygon.addRing(&ogrRing);
                    }
                    multi.addGeometry(&ogrPolygon);
                }
                feature.SetGeometry(&multi);
            }
        }
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
        {
            layer->RollbackTransaction();
            return Error{ErrorCode::StoreFailed, "cannot write a row", path};
        }
    }
    if (layer->CommitTransaction() != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, "cannot commit", path};
    return true;
}

} // namespace citytwin::data
