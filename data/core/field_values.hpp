#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::data
{

struct VectorLayer;

/// Returns the values of a field of a layer, one per feature in feature order, read as numbers in the C locale
/// (surrounding spaces allowed). NaN for empty, non-numeric or non-finite text, and for every feature when the layer
/// has no such field.
std::vector<double> numericValues(const VectorLayer& layer, const std::string& field);

/// Returns the id of each feature: its idField read as a whole number where it has one, else its fid (analysis
/// tables name areas by these ids).
std::vector<std::int64_t> featureIds(const VectorLayer& layer, const std::string& idField);

/// Returns the texts of a field of a layer, one per feature in feature order ("" for every feature when the layer
/// has no such field).
std::vector<std::string> textValues(const VectorLayer& layer, const std::string& field);

} // namespace citytwin::data
