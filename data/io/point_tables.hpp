#pragma once

#include "data/io/gdal_open.hpp"

#include <string>
#include <vector>

class OGRLayer;

namespace citytwin::data
{

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

} // namespace citytwin::data
