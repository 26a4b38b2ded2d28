#pragma once

#include "data/project/project_store.hpp"

#include <memory>

#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace citytwin::test
{

/// A new, empty project in its own temporary folder.
class TemporaryProject
{
public:
    TemporaryProject()
    {
        auto store = data::ProjectStore::open(mDir.filePath(QStringLiteral("p.gpkg")).toStdString());
        if (store)
            mStore = std::make_unique<data::ProjectStore>(std::move(store.value()));
    }

    bool ok() const { return mDir.isValid() && mStore != nullptr; }
    data::ProjectStore& store() { return *mStore; }
    /// Returns the path of a file in the project's temporary folder.
    QString filePath(const QString& name) const { return mDir.filePath(name); }

private:
    QTemporaryDir mDir;
    std::unique_ptr<data::ProjectStore> mStore;
};

/// Writes UTF-8 text (or raw bytes) to a file; returns false on failure.
inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

/// Returns the integer a query on a project yields (or -1).
inline std::int64_t queryInt(data::ProjectStore& project, const std::string& sql)
{
    auto value = project.database().queryInt64(sql);
    return value ? value.value() : -1;
}

/// A square polygon feature as GeoJSON, in EPSG:4548 coordinates.
inline QString squareFeature(qint64 id, double minX, double minY, double size)
{
    return QStringLiteral(
               R"({"type":"Feature","properties":{"id":%1},"geometry":{"type":"Polygon","coordinates":[[[%2,%3],[%4,%3],[%4,%5],[%2,%5],[%2,%3]]]}})")
        .arg(id)
        .arg(minX, 0, 'f', 3)
        .arg(minY, 0, 'f', 3)
        .arg(minX + size, 0, 'f', 3)
        .arg(minY + size, 0, 'f', 3);
}

/// A GeoJSON FeatureCollection declared in EPSG:4548.
inline QByteArray featureCollection(const QStringList& features)
{
    return QStringLiteral(
               R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}},"features":[%1]})")
        .arg(features.join(','))
        .toUtf8();
}

/// Replaces a suite's fixture with a new temporary project; false when it could not be made (for QVERIFY in init()).
inline bool freshProject(std::unique_ptr<TemporaryProject>& fixture)
{
    fixture = std::make_unique<TemporaryProject>();
    return fixture->ok();
}

} // namespace citytwin::test
