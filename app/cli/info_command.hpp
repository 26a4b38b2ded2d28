#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin info SOURCE... [--json]`: lists each layer of a source (name, geometry type, feature count, CRS,
/// extent in the project CRS, fields and types, text encoding), a raster's size, bands and extent, or a 3D
/// tileset's header.
class InfoCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::InfoCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
