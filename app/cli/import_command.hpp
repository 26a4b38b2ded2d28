#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin import PROJECT.gpkg SOURCE [--layer NAME] [--as incidents] [--mapping PROFILE.json|NAME]
/// [--crs EPSG:xxxx|gcj02|bd09] [--name TABLE] [--replace] [--strict] [--report FILE.csv]`: copies a source
/// into a project (created when missing), as a feature table or, with --as incidents, through a field
/// mapping into the incident table.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ImportCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
