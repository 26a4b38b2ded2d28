#pragma once

#include <QFileInfo>
#include <QStandardPaths>
#include <QString>
#include <QtGlobal>

namespace citytwin::test
{

/// True under CI (CI=true): there a test whose data is missing fails instead of skipping, so that no test can
/// silently not run.
inline bool underContinuousIntegration()
{
    return qEnvironmentVariable("CI").compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}

/// The built-in sample district the tests read: the one the CTest fixture `sample_project` generates into the build
/// folder once per run (CTest passes its path in CITYTWIN_TEST_SAMPLE), else the one the app installs
/// (`citytwin sample --ensure`, `make run`) when a suite is started by hand; "" when neither exists. Keep the
/// version in step with app::SampleProject::GeneratorVersion.
inline QString testSamplePath()
{
    const QString generated = qEnvironmentVariable("CITYTWIN_TEST_SAMPLE");
    if (!generated.isEmpty())
        return QFileInfo::exists(generated) ? generated : QString();
    const QString installed = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                              QStringLiteral("/citytwin/lubei-sample-v3.gpkg");
    return QFileInfo::exists(installed) ? installed : QString();
}

} // namespace citytwin::test

/// Ends the current test function when the data it needs (a file of ../shared/data, the sample) is missing: a skip
/// on a developer's machine, a failure under CI. `what` is a string literal naming the data.
#define CITYTWIN_REQUIRE_DATA(present, what)                                                                           \
    do                                                                                                                 \
    {                                                                                                                  \
        if (!(present))                                                                                                \
        {                                                                                                              \
            if (citytwin::test::underContinuousIntegration())                                                          \
                QFAIL(what " is missing, and CI=true does not allow skipping");                                        \
            QSKIP(what " is missing");                                                                                 \
        }                                                                                                              \
    } while (false)
