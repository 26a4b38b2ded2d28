#pragma once

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
    /// Also names derived layers ("grids (columns)", service rings, view cones) and legend words ("other").
    static QString displayName(const std::string& table);
    /// The name of a kind of service station (`day_care` → 日间照料站), plural.
    static QString stationKindName(const std::string& kind);
};

} // namespace citytwin::app
