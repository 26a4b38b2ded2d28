#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace citytwin::app
{

/// The built-in sample district, generated once into the user's data folder
/// (QStandardPaths::AppDataLocation) and reused by `make run`, File ▸ Open Sample District and the tests.
class SampleProject
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::SampleProject)
public:
    /// Bumped whenever the generator's output changes, so that an old sample is not reused.
    static constexpr int GeneratorVersion = 3;

    /// Where the sample lives: <AppDataLocation>/lubei-sample-v<version>.gpkg.
    static QString path();

    /// Returns the sample's path, generating it first when it is missing. The sample is written under a
    /// temporary name and renamed when complete, so an interrupted run never leaves a partial sample behind.
    /// On failure returns nothing and sets error to a translated sentence naming the file.
    static std::optional<QString>
    ensure(QString* error, const std::function<void(const QString& phase, double seconds)>& progress = {});
};

} // namespace citytwin::app
