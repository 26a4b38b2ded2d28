#pragma once

#include "app/common/language.hpp"
#include "app/gui/main_window.hpp"

#include "data/sample/sample_writer.hpp"

#include <memory>

#include <QSignalSpy>
#include <QSize>
#include <QString>
#include <QTest>

namespace citytwin::test
{

/// Writes a small sample district (a tenth of the buildings and incidents; the layers are the same) to path, opens
/// it in a new main window in English at that size and waits until its layers are loaded. Returns what failed, or
/// an empty string.
inline QString openSmallSample(const QString& path, app::Language& language, std::unique_ptr<app::MainWindow>& window,
                               QSize size, bool terrain = false)
{
    if (auto written = data::sample::writeSample(path.toStdString(), {.scale = 0.1, .terrain = terrain}); !written)
        return QString::fromStdString(written.error().message());
    if (!language.install(QStringLiteral("en")))
        return QStringLiteral("cannot install English");
    window = std::make_unique<app::MainWindow>(language);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return QStringLiteral("the window was not shown");
    QSignalSpy finished(window.get(), &app::MainWindow::loadsFinished);
    window->openProject(path);
    if (!finished.wait(60000))
        return QStringLiteral("the sample did not load within 60 s");
    return {};
}

} // namespace citytwin::test
