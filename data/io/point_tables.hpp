#pragma once

#include "data/io/gdal_open.hpp"

#include <string>
#include <vector>

class OGRFeatureDefn;
class OGRLayer;

namespace citytwin::data
{

/// Whether the path is a table whose points come from its columns (.csv, .tsv, .xlsx, .ods).
bool isPointTable(const std::string& path);

/// The names the coordinate and geometry columns go by, English and Chinese, in the order they are tried.
const std::vector<std::string>& xColumnNames();
const std::vector<std::string>& yColumnNames();
const std::vector<std::string>& geometryColumnNames();

/// Whether a point's x looks like a northing and its y like an easting, as Chinese survey tables write them
/// (X north, Y east): x between 1,000 and 10,000 km and y below 1,000 km or with a zone number in front.
bool looksLikeSurveyOrder(double x, double y);

/// A copy, in GDAL's memory driver, of a spreadsheet (XLSX, ODS) or a table read without geometry, every
/// sheet with points made from its columns: those the user named, else those found by name; the values may
/// be numbers or text ("118.18", "118.18°"). Survey order (X north) is recognised and swapped. Each layer gets
/// a note naming the columns used (layerNotes). Null with error set when a named column is missing.
GdalDatasetPtr pointsFromColumns(GDALDataset& source, const TableColumns& asked, std::string& error);

/// The CSV driver's open options naming the coordinate or geometry columns of a table (opened plainly, every
/// column text): those the user named, else those found by name, swapped when in survey order; appends a note
/// naming them. Empty when the table has none; error set when a named column is missing.
std::vector<std::string> csvColumnOptions(OGRLayer& table, const TableColumns& asked, std::string& error,
                                          std::vector<LayerWarning>& notes);

/// The column named (without regard to case) in the definition; -1 when none.
int findColumn(const OGRFeatureDefn& definition, const std::string& name);

} // namespace citytwin::data
