#include "data/core/field_values.hpp"

#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

namespace citytwin::data
{
namespace
{
/// Reads text as a finite number, C locale, surrounding blanks allowed.
double parseNumber(const std::string& text)
{
    constexpr double NoValue = std::numeric_limits<double>::quiet_NaN();
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return NoValue;
    const auto last = text.find_last_not_of(" \t\r\n");
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    // from_chars takes a minus sign only.
    if (*begin == '+' && end - begin > 1 && begin[1] != '-')
        ++begin;
    double value = NoValue;
    const auto [position, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || position != end || !std::isfinite(value))
        return NoValue;
    return value;
}

/// The position of a field among the layer's fields, or nothing.
std::optional<std::size_t> fieldPosition(const VectorLayer& layer, const std::string& field)
{
    const auto found = std::find(layer.fieldNames.begin(), layer.fieldNames.end(), field);
    if (found == layer.fieldNames.end())
        return std::nullopt;
    return static_cast<std::size_t>(found - layer.fieldNames.begin());
}
} // namespace

std::vector<double> numericValues(const VectorLayer& layer, const std::string& field)
{
    std::vector<double> values(layer.features.size(), std::numeric_limits<double>::quiet_NaN());
    const auto index = fieldPosition(layer, field);
    if (!index)
        return values;
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (*index < layer.features[i].values.size())
            values[i] = parseNumber(layer.features[i].values[*index]);
    return values;
}

std::vector<std::string> textValues(const VectorLayer& layer, const std::string& field)
{
    std::vector<std::string> texts(layer.features.size());
    const auto index = fieldPosition(layer, field);
    if (!index)
        return texts;
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (*index < layer.features[i].values.size())
            texts[i] = layer.features[i].values[*index];
    return texts;
}

std::vector<std::int64_t> featureIds(const VectorLayer& layer, const std::string& idField)
{
    const std::vector<double> values = numericValues(layer, idField);
    std::vector<std::int64_t> ids;
    ids.reserve(layer.features.size());
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        ids.push_back(std::isfinite(values[i]) ? static_cast<std::int64_t>(values[i]) : layer.features[i].fid);
    return ids;
}

} // namespace citytwin::data
