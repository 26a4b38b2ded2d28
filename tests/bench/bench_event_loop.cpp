// Measures how long the window's event loop stalls (issue 15: "a window that never freezes"): a 5 ms timer notes
// every gap between its ticks while the window opens a project, draws it, and runs each analysis tab. Prints the
// longest stalls of each phase and what the phase was. Needs an X display (xvfb-run -a).
//
//   bench_event_loop PROJECT.gpkg [--stacks | --stacks-over MS] [--fail-over MS] [--import-rows N]
//
// --stacks prints the GUI thread's call stack to stderr each 100 ms it stays stalled (a watchdog thread signals it),
// which names the code to move off the GUI thread; --stacks-over MS does so after MS. Each stall is printed with the
// GUI thread's CPU time in it: a stall with little CPU is time the thread waited for a core or the disk. --fail-over MS
// exits with 1 when any stall was longer. Painting is left out of the stalls and reported on its own: it is the
// graphics card's work, and on a software renderer (Mesa llvmpipe on a CI machine) one frame of the 3D view alone takes
// longer than 100 ms.
//
// A stall is the time the GUI thread was busy beyond the timer's period: input and painting wait that long.

#include "app/common/language.hpp"
#include "app/gui/analysis/analysis_dock.hpp"
#include "app/gui/import_dialog.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/report/report_dialog.hpp"
#include "app/viewport/viewport_widget.hpp"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <thread>

#include <execinfo.h>
#include <pthread.h>
#include <unistd.h>
#include <map>
#include <vector>

using namespace citytwin;

namespace
{
std::atomic<std::int64_t> gLastTickNs{0};
std::atomic<bool> gWatching{false};
std::atomic<const char*> gPhaseName{"start"};
std::atomic<std::int64_t> gPaintNs{0};
std::atomic<bool> gPainting{false};
std::atomic<std::int64_t> gStackAfterNs{100'000'000};

/// CPU time the calling thread has used: a stall with little of it was the scheduler's (another thread or
/// program had the core), not the GUI thread's own work.
std::int64_t threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void printStack(int /*signal*/)
{
    void* frames[48];
    const int count = backtrace(frames, 48);
    static const char kHeader[] = "---- GUI thread stalled; its stack: ";
    (void)!write(STDERR_FILENO, kHeader, sizeof kHeader - 1);
    const char* phase = gPhaseName;
    (void)!write(STDERR_FILENO, phase, std::strlen(phase));
    (void)!write(STDERR_FILENO, "\n", 1);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
}

// Signals the GUI thread (which prints its own stack) each 100 ms that its timer has not ticked.
void startStackWatchdog()
{
    // backtrace() loads libgcc on its first call, which allocates: a first call here, so that the one in the
    // handler (which may interrupt malloc) does not.
    void* warmUp[4];
    (void)backtrace(warmUp, 4);
    std::signal(SIGUSR1, printStack);
    const pthread_t gui = pthread_self();
    gWatching = true;
    std::thread(
        [gui]
        {
            std::int64_t lastSignalled = 0;
            const std::int64_t after = gStackAfterNs;
            while (gWatching)
            {
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(std::clamp<std::int64_t>(after / 5'000'000, 2, 20)));
                const std::int64_t now = steadyNs();
                const std::int64_t last = gLastTickNs;
                if (!gPainting && now - last > after && now - lastSignalled > after)
                {
                    lastSignalled = now;
                    pthread_kill(gui, SIGUSR1);
                }
            }
        })
        .detach();
}

// Time the GUI thread spends painting (outermost paint, expose and update-request events): on a software
// renderer a frame of the 3D view takes longer than any budget, and it is the GPU's work, not the program's.
class PaintClock : public QObject
{
protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        const QEvent::Type type = event->type();
        if ((type != QEvent::UpdateRequest && type != QEvent::Paint && type != QEvent::Expose) || mDepth > 0)
            return QObject::eventFilter(watched, event);
        ++mDepth;
        gPainting = true;
        const std::int64_t start = steadyNs();
        const bool handled = watched->event(event);
        gPaintNs += steadyNs() - start;
        gPainting = false;
        --mDepth;
        return handled;
    }

private:
    int mDepth = 0;
};

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
                    const std::int64_t now = steadyNs();
                    const std::int64_t cpu = threadCpuNs();
                    gLastTickNs = now;
                    const std::int64_t paint = gPaintNs;
                    const double gapMs = static_cast<double>(now - mLast) / 1e6 - 5.0;
                    const double paintMs = static_cast<double>(paint - mLastPaint) / 1e6;
                    const double cpuMs = static_cast<double>(cpu - mLastCpu) / 1e6;
                    mLast = now;
                    mLastCpu = cpu;
                    mLastPaint = paint;
                    Phase& phase = mPhases[mPhase];
                    phase.longestPaint = std::max(phase.longestPaint, paintMs);
                    const double workMs = gapMs - paintMs;
                    if (workMs > 16.0)
                        phase.stalls.push_back({workMs, paintMs > 0.0 ? -1.0 : cpuMs});
                });
        mLast = steadyNs();
        mLastCpu = threadCpuNs();
        mTimer.start();
    }

    void phase(const std::string& name)
    {
        mPhase = name;
        mOrder.push_back(name);
        gPhaseName = strdup(name.c_str()); // kept for the watchdog's stacks
    }

    /// Prints each phase's stalls; returns the longest (painting left out).
    double report() const
    {
        double worst = 0.0;
        std::string worstPhase;
        for (const std::string& name : mOrder)
        {
            const Phase phase = mPhases.count(name) ? mPhases.at(name) : Phase{};
            std::vector<Stall> stalls = phase.stalls;
            std::sort(stalls.begin(), stalls.end(), [](const Stall& a, const Stall& b) { return a.wallMs > b.wallMs; });
            const auto over100 =
                std::count_if(stalls.begin(), stalls.end(), [](const Stall& s) { return s.wallMs > 100.0; });
            std::printf("%-30s stalls >16 ms: %3zu, >100 ms: %3ld, longest:", name.c_str(), stalls.size(),
                        static_cast<long>(over100));
            for (std::size_t i = 0; i < std::min<std::size_t>(5, stalls.size()); ++i)
                stalls[i].cpuMs < 0.0 ? std::printf(" %.0f", stalls[i].wallMs)
                                      : std::printf(" %.0f (cpu %.0f)", stalls[i].wallMs, stalls[i].cpuMs);
            std::printf(" ms; longest paint %.0f ms\n", phase.longestPaint);
            if (!stalls.empty() && stalls.front().wallMs > worst)
            {
                worst = stalls.front().wallMs;
                worstPhase = name;
            }
        }
        std::printf("longest stall (painting left out): %.0f ms%s%s\n", worst, worstPhase.empty() ? "" : ", in ",
                    worstPhase.c_str());
        return worst;
    }

private:
    /// A stall's wall time and the GUI thread's CPU time in it (-1 when painting fell in it: the CPU is then
    /// the renderer's too).
    struct Stall
    {
        double wallMs = 0.0;
        double cpuMs = 0.0;
    };
    struct Phase
    {
        std::vector<Stall> stalls;
        double longestPaint = 0.0;
    };
    QTimer mTimer;
    std::int64_t mLast = 0;
    std::int64_t mLastPaint = 0;
    std::int64_t mLastCpu = 0;
    std::string mPhase = "start";
    std::vector<std::string> mOrder{"start"};
    std::map<std::string, Phase> mPhases;
};

void settleFor(int milliseconds)
{
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

// How long one frame of the whole view takes, from the update request to the picture on screen (the GPU's share
// included: the window waits for it before it shows the frame).
void measureFrames(app::MainWindow& window)
{
    app::ViewportWidget* viewport = window.findChild<app::ViewportWidget*>();
    std::vector<double> frames;
    for (int i = 0; i < 20 && viewport; ++i)
    {
        QSignalSpy rendered(viewport, &app::ViewportWidget::frameRendered);
        QElapsedTimer frame;
        frame.start();
        viewport->update();
        rendered.wait(5000);
        QCoreApplication::processEvents(); // the flush to the screen
        frames.push_back(static_cast<double>(frame.nsecsElapsed()) / 1e6);
    }
    std::sort(frames.begin(), frames.end());
    if (!frames.empty())
        std::printf("one frame of the view (%dx%d): median %.0f ms, longest %.0f ms\n", viewport->width(),
                    viewport->height(), frames[frames.size() / 2], frames.back());
}

/// Writes n incident rows in WGS 84 around Lubei as CSV (the import dialog's Chinese column names).
bool writeIncidentCsv(const QString& path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("事件编号,发生时间,事件类型,事件来源,经度,纬度\n");
    QByteArray line;
    for (int i = 0; i < rows; ++i)
    {
        line = QStringLiteral("B%1,2024-03-%2 %3:%4,占道经营,网格员,%5,%6\n")
                   .arg(i)
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(i % 24, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(118.12 + (i % 1000) * 0.00012, 0, 'f', 6)
                   .arg(39.60 + (i / 1000 % 700) * 0.00012, 0, 'f', 6)
                   .toUtf8();
        file.write(line);
    }
    return file.flush();
}

/// Imports rows incidents through the import dialog, as a user does; false when it failed.
bool importIncidents(app::MainWindow& window, const QString& csv)
{
    app::ImportDialog* dialog = window.showImportDialog();
    if (!dialog)
        return false;
    dialog->setSource(csv);
    dialog->setKind(app::ImportDialog::Kind::Incidents);
    dialog->setCrs(QStringLiteral("EPSG:4326"));
    QSignalSpy done(dialog, &app::ImportDialog::importFinished);
    QSignalSpy updated(&window, &app::MainWindow::incidentsUpdated);
    dialog->startImport();
    if (!done.wait(600000) || !done.first().first().toBool())
    {
        std::fprintf(stderr, "the import failed: %s\n", qPrintable(dialog->summary()));
        return false;
    }
    std::printf("import: %s\n", qPrintable(dialog->summary()));
    // The new rows come into the view through the project's watch.
    const bool seen = updated.count() > 0 || updated.wait(120000);
    dialog->close();
    return seen;
}

/// Writes the weekly report as PDF through the report dialog; false when it failed.
bool writeReport(app::MainWindow& window, const QString& pdf)
{
    // The project is read on the thread pool; the dialog opens when it is.
    app::ReportDialog* dialog = window.showReportDialog();
    QElapsedTimer waited;
    waited.start();
    while (!(dialog = window.findChild<app::ReportDialog*>()) && waited.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!dialog)
        return false;
    dialog->selectTemplate(QStringLiteral("weekly"));
    auto* format = dialog->findChild<QComboBox*>(QStringLiteral("format"));
    auto* output = dialog->findChild<QLineEdit*>(QStringLiteral("output"));
    if (!format || !output)
        return false;
    format->setCurrentIndex(format->findData(QStringLiteral("pdf")));
    output->setText(pdf);
    QSignalSpy exported(dialog, &app::ReportDialog::exported);
    if (!dialog->exportReport() || !exported.wait(300000))
        return false;
    settleFor(500);
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(widget))
            box->close();
    dialog->close();
    return !exported.first().first().toStringList().isEmpty();
}
} // namespace

int main(int argc, char** argv)
{
    QSurfaceFormat format;
    format.setDepthBufferSize(24);
    QSurfaceFormat::setDefaultFormat(format);
    QApplication application(argc, argv);
    if (argc < 2)
    {
        std::fprintf(
            stderr,
            "usage: bench_event_loop PROJECT.gpkg [--stacks | --stacks-over MS] [--fail-over MS] [--import-rows N]\n");
        return 2;
    }
    double failOverMs = 0.0;
    int importRows = 0;
    bool stacks = false;
    for (int i = 2; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--stacks") == 0)
            stacks = true;
        else if (std::strcmp(argv[i], "--stacks-over") == 0 && i + 1 < argc)
        {
            stacks = true;
            gStackAfterNs = static_cast<std::int64_t>(std::atof(argv[++i]) * 1e6);
        }
        else if (std::strcmp(argv[i], "--fail-over") == 0 && i + 1 < argc)
            failOverMs = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--import-rows") == 0 && i + 1 < argc)
            importRows = std::atoi(argv[++i]);
    }
    // The project is copied: the import and the report write into it, never into the file given.
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project.gpkg"));
    if (!dir.isValid() || !QFile::copy(QString::fromLocal8Bit(argv[1]), project))
    {
        std::fprintf(stderr, "cannot copy %s into a temporary folder\n", argv[1]);
        return 2;
    }
    const QString csv = dir.filePath(QStringLiteral("incidents.csv"));
    if (importRows > 0 && !writeIncidentCsv(csv, importRows))
        return 2;

    app::Language language;
    language.install(QStringLiteral("en"));
    app::MainWindow window(language);
    window.resize(1600, 900);
    window.show();
    PaintClock paintClock;
    application.installEventFilter(&paintClock);
    StallWatch watch;
    gLastTickNs = steadyNs();
    if (stacks)
        startStackWatchdog();

    watch.phase("open project (load, draw)");
    QSignalSpy loaded(&window, &app::MainWindow::loadsFinished);
    window.openProject(project);
    loaded.wait(120000);
    settleFor(3000);

    watch.phase("idle view, frames drawn");
    settleFor(1000);
    measureFrames(window);

    app::AnalysisDock* dock = window.analysisDock();
    for (const char* tab : {"hotspots", "party", "services", "recurring", "cameras"})
    {
        watch.phase(std::string("analysis: ") + tab);
        QSignalSpy finished(dock, &app::AnalysisDock::analysisFinished);
        dock->runTab(QString::fromLatin1(tab));
        finished.wait(180000);
        settleFor(1000);
    }
    bool ok = true;
    if (importRows > 0)
    {
        watch.phase("import " + std::to_string(importRows) + " incidents");
        ok = importIncidents(window, csv) && ok;
        settleFor(2000);
    }
    watch.phase("report written (weekly, PDF)");
    ok = writeReport(window, dir.filePath(QStringLiteral("weekly.pdf"))) && ok;
    settleFor(1000);

    gWatching = false;
    const double longest = watch.report();
    if (!ok)
    {
        std::printf("FAIL: a step did not finish (see above)\n");
        return 1;
    }
    if (failOverMs > 0.0 && longest > failOverMs)
    {
        std::printf("FAIL: the GUI thread was busy for %.0f ms at a stretch (more than %.0f ms)\n", longest, failOverMs);
        return 1;
    }
    return 0;
}
