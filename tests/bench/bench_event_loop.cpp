// Measures how long the window's event loop stalls (issue 15: "a window that never freezes"): a 5 ms timer notes
// every gap between its ticks while the window opens a project, draws it, and runs each analysis tab. Prints the
// longest stalls of each phase and what the phase was. Needs an X display (xvfb-run -a).
//
//   bench_event_loop PROJECT.gpkg
//
// A stall is the time the GUI thread was busy beyond the timer's period: input and painting wait that long.

#include "app/common/language.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/main_window.hpp"
#include "app/viewport/viewport_widget.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace citytwin;

namespace
{
class StallWatch : public QObject
{
public:
    StallWatch()
    {
        mTimer.setInterval(5);
        mTimer.setTimerType(Qt::PreciseTimer);
        connect(&mTimer, &QTimer::timeout, this,
                [this]
                {
                    const qint64 now = mClock.nsecsElapsed();
                    const double gapMs = static_cast<double>(now - mLast) / 1e6 - 5.0;
                    mLast = now;
                    if (gapMs > 16.0)
                        mStalls[mPhase].push_back(gapMs);
                });
        mClock.start();
        mLast = mClock.nsecsElapsed();
        mTimer.start();
    }

    void phase(const std::string& name)
    {
        mPhase = name;
        mOrder.push_back(name);
    }

    int report() const
    {
        double worst = 0.0;
        for (const std::string& name : mOrder)
        {
            std::vector<double> stalls = mStalls.count(name) ? mStalls.at(name) : std::vector<double>{};
            std::sort(stalls.rbegin(), stalls.rend());
            const auto over100 = std::count_if(stalls.begin(), stalls.end(), [](double s) { return s > 100.0; });
            std::printf("%-28s stalls >16 ms: %3zu, >100 ms: %3ld, longest:", name.c_str(), stalls.size(),
                        static_cast<long>(over100));
            for (std::size_t i = 0; i < std::min<std::size_t>(5, stalls.size()); ++i)
                std::printf(" %.0f", stalls[i]);
            std::printf(" ms\n");
            if (!stalls.empty())
                worst = std::max(worst, stalls.front());
        }
        std::printf("longest stall: %.0f ms\n", worst);
        return 0;
    }

private:
    QTimer mTimer;
    QElapsedTimer mClock;
    qint64 mLast = 0;
    std::string mPhase = "start";
    std::vector<std::string> mOrder{"start"};
    std::map<std::string, std::vector<double>> mStalls;
};
} // namespace

int main(int argc, char** argv)
{
    QSurfaceFormat format;
    format.setDepthBufferSize(24);
    QSurfaceFormat::setDefaultFormat(format);
    QApplication application(argc, argv);
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: bench_event_loop PROJECT.gpkg\n");
        return 2;
    }
    app::Language language;
    language.install(QStringLiteral("en"));
    app::MainWindow window(language);
    window.resize(1600, 900);
    window.show();
    StallWatch watch;

    watch.phase("open project (load, draw)");
    QSignalSpy loaded(&window, &app::MainWindow::loadsFinished);
    window.openProject(QString::fromLocal8Bit(argv[1]));
    loaded.wait(120000);
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 3000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    watch.phase("idle view");
    settle.restart();
    while (settle.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    app::AnalysisDock* dock = window.analysisDock();
    for (const char* tab : {"hotspots", "party", "services", "recurring", "cameras"})
    {
        watch.phase(std::string("analysis: ") + tab);
        QSignalSpy finished(dock, &app::AnalysisDock::analysisFinished);
        dock->runTab(QString::fromLatin1(tab));
        finished.wait(180000);
        settle.restart();
        while (settle.elapsed() < 1000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return watch.report();
}
