#pragma once

#include <string>
#include <vector>

namespace citytwin::data
{

struct VectorLayer;

/// Returns the values of a field of a layer, one per feature in feature order, read as numbers in the C locale
/// (surrounding spaces allowed). NaN for empty, non-numeric or non-finite text, and for every feature when the layer
/// has no such field.
std::vector<double> numericValues(const VectorLayer& layer, const std::string& field);

/// Returns the texts of a field of a layer, one per feature in feature order ("" for every feature when the layer
/// has no such field).
std::vector<std::string> textValues(const VectorLayer& layer, const std::string& field);

} // namespace citytwin::data
