#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace citytwin::data
{

/// Name and value of generic attributes, by the gml:id of the city object that holds them.
using GenericAttributesById = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

/// Generic attributes libcitygml 2.4 skips, read in a second streaming pass over a CityGML file:
/// `gen:measureAttribute` (the value followed by its unit: "20.75 m") and the members of
/// `gen:genericAttributeSet` (named "set: member"; nested sets join their names the same way).
/// Returns an empty map for files without either element, and for files the pass cannot read (the main reader
/// reports those). Entities and external DTDs are not expanded.
GenericAttributesById readSkippedGenericAttributes(const std::string& path);

/// The unit of a `uom` attribute as a reader writes it: "#m" -> "m", "urn:ogc:def:uom:UCUM::m2" -> "m2".
std::string unitOfMeasure(const std::string& uom);

} // namespace citytwin::data
