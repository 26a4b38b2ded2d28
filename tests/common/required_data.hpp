#pragma once

#include <QFileInfo>
#include <QStandardPaths>
#include <QString>

namespace citytwin::test
{

/// The built-in sample district where the app installs it (`citytwin sample --ensure`, `make run`), or "" when it
/// has not been written on this machine: tests that read it skip then. Keep the version in step with
/// app::SampleProject::GeneratorVersion.
inline QString installedSamplePath()
{
    const QString path = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         QStringLiteral("/citytwin/lubei-sample-v2.gpkg");
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace citytwin::test
