#pragma once

#include "common/fixtures.hpp"

#include <QString>
#include <QTemporaryDir>

namespace citytwin::test
{

/// A temporary folder with the mixed fixture GeoPackage (see writeMixedGeoPackage) written into it.
class MixedGeoPackage
{
public:
    MixedGeoPackage() : mPath(mDir.filePath(QStringLiteral("mixed.gpkg")))
    {
        mOk = mDir.isValid() && writeMixedGeoPackage(mPath.toStdString());
    }

    /// Returns true when the folder and the GeoPackage were created.
    bool ok() const { return mOk; }
    const QString& path() const { return mPath; }
    std::string pathString() const { return mPath.toStdString(); }
    /// Returns the path of another file in the same temporary folder.
    QString filePath(const QString& name) const { return mDir.filePath(name); }

private:
    QTemporaryDir mDir;
    QString mPath;
    bool mOk = false;
};

} // namespace citytwin::test
