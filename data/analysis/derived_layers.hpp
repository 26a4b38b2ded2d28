#pragma once

#include "data/core/vector_layer.hpp"

#include <string>

namespace citytwin::data
{

/// Derived layers drawn from point layers. Both keep the source's fields and feature order, so a derived
/// feature i is the source's feature i (picking one shows the station or camera it belongs to). Each has its role
/// (LayerRole) and the source's name in derivedFrom; the names below are text for people, never parsed.

/// A ring of the given radius (metres, straight-line distance standing in for walking distance) around
/// each point: a 48-sided polygon. Named "<source> (<radius> m)", role ServiceRings (kind and radius in derivedFrom).
/// With a kind, only the points whose `kind` field equals it get a ring (the others keep an empty
/// feature, so that indices still match the source); the name then reads "<source> <kind> (<radius> m)".
VectorLayer serviceAreas(const VectorLayer& points, double radiusMetres, const std::string& kind = {});

/// Each camera's view on the ground: a sector from the camera at `heading` (degrees clockwise from north)
/// opening `fov` degrees, `range_m` metres deep (fields named so; missing values: 60° and 50 m).
/// Named "<source> (view)", role ViewCones.
VectorLayer viewCones(const VectorLayer& cameras);

/// Areas as 3D columns: each polygon feature extruded to a height proportional to a numeric field (the
/// largest value reaches maxHeight metres; features without a number stay flat). Named "<source> (columns)",
/// role Columns.
VectorLayer valueColumns(const VectorLayer& areas, const std::string& field, double maxHeight);

} // namespace citytwin::data
