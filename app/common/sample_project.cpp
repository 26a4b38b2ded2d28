#include "app/common/sample_project.hpp"

#include "app/common/error_text.hpp"

#include "data/sample/sample_writer.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace citytwin::app
{

QString SampleProject::path()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("lubei-sample-v%1.gpkg").arg(GeneratorVersion));
}

std::optional<QString> SampleProject::ensure(QString* error,
                                             const std::function<void(const QString& phase, double seconds)>& progress)
{
    const QString target = path();
    if (QFileInfo::exists(target))
        return target;
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
    {
        if (error)
            *error = tr("%1: the folder cannot be created").arg(folder);
        return std::nullopt;
    }
    // Each process writes its own partial file; the first to finish renames it into place.
    const QString partial = QDir(folder).filePath(QStringLiteral("lubei-sample-v%1.partial-%2.gpkg")
                                                      .arg(GeneratorVersion)
                                                      .arg(QCoreApplication::applicationPid()));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(partial + suffix);
    data::sample::SampleOptions options;
    if (progress)
        options.progress = [&progress](const std::string& phase, double seconds)
        { progress(QString::fromStdString(phase), seconds); };
    auto written = data::sample::writeSample(partial.toStdString(), options);
    if (!written)
    {
        if (error)
            *error = ErrorText::describe(written.error());
        return std::nullopt;
    }
    if (!QFile::rename(partial, target))
    {
        QFile::remove(partial);
        if (!QFileInfo::exists(target))
        {
            if (error)
                *error = tr("%1: the sample could not be moved into place").arg(target);
            return std::nullopt;
        }
    }
    return target;
}

} // namespace citytwin::app
