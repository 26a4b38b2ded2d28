#pragma once

#include "data/core/vector_layer.hpp"

#include <QCoreApplication>
#include <QString>

#include <string>

namespace citytwin::app
{

/// Display names of the layers a CityTwin project conventionally holds, in the interface language
/// (社区 for `communities`); any other table keeps its own name.
class LayerNames
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::LayerNames)
public:
    /// Also names the kinds of icon points and legend words ("other").
    static QString displayName(const std::string& table);
    /// Names a layer by its role: a source layer by its table, a derived layer (columns, service rings, view
    /// cones, seen ground, recurring places) by the layer it was made from ("Grid cells as columns").
    static QString displayName(const std::string& table, data::LayerRole role, const data::LayerDerivation& from);
    static QString displayName(const data::VectorLayer& layer);
    /// The name of a kind of service station (`day_care` → 日间照料站), plural.
    static QString stationKindName(const std::string& kind);
};

} // namespace citytwin::app
