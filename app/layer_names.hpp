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
    static QString displayName(const std::string& table);
};

} // namespace citytwin::app
