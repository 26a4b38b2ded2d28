#include "command_line.hpp"

#include "app/cli/import_command.hpp"
#include "app/cli/info_command.hpp"
#include "app/cli/make_tour_command.hpp"
#include "app/common/language.hpp"
#include "app/common/logging.hpp"
#include "app/gui/briefing/briefing_mode.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/project_session.hpp"
#include "app/gui/tour_player.hpp"
#include "app/cli/render_command.hpp"
#include "app/cli/report_command.hpp"
#include "app/cli/sample_command.hpp"
#include "app/cli/simulate_live_command.hpp"
#include "app/cli/stats_command.hpp"
#include "viewport/viewport_widget.hpp"

#include <cstdio>
#include <cstdlib>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSurfaceFormat>
#include <QTimer>

namespace citytwin::app
{
namespace
{
/// The verbs the executable knows; anything else on the command line is a file to open.
const QStringList Verbs = {QStringLiteral("import"), QStringLiteral("info"),   QStringLiteral("make-tour"),
                           QStringLiteral("render"), QStringLiteral("report"), QStringLiteral("sample"), QStringLiteral("simulate-live"),
                           QStringLiteral("stats"),  QStringLiteral("shot")};

class CommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::CommandLineText)
public:
    static QString verbsHelp()
    {
        return tr("Verbs:\n"
                  "  import      Copy a source into a project, or incidents into its incident table (citytwin import "
                  "--help).\n"
                  "  info        Describe data sources: layers, CRS, extents, fields (citytwin info --help).\n"
                  "  make-tour   Compose the week's briefing from its significant changes, as a tour in the "
                  "project (citytwin make-tour --help).\n"
                  "  render      Render the default view of FILEs to an image (citytwin render --help).\n"
                  "  report      Make a map report (PDF, PNG, SVG) from a template, one page per area for an atlas "
                  "(citytwin report --help).\n"
                  "  sample      Write the built-in sample district into a new project (citytwin sample --help).\n"
                  "  shot        Capture the window or the briefing screen exactly as it is shown, to a PNG (citytwin "
                  "shot --help).\n"
                  "  simulate-live  Append realistic new incidents to a project as they would arrive (citytwin "
                  "simulate-live --help).\n"
                  "  stats       Analyse incidents, party, service and camera coverage, hot spots; CSV, JSON or "
                  "GeoPackage out (citytwin stats --help).\n"
                  "With no verb, citytwin opens the desktop application and loads the FILEs given.");
    }
    static QString noDisplay()
    {
        return tr("citytwin: no display found (DISPLAY is not set); to get a picture without a desktop, run: "
                  "xvfb-run -a citytwin render FILE --out view.png");
    }
    static QString screenshotFailed(const QString& path)
    {
        return tr("citytwin: %1: the screenshot could not be written").arg(path);
    }
    static QString noSuchTour(const QString& project, const QString& tour)
    {
        return tr("citytwin: %1: the project has no tour named '%2'").arg(project, tour);
    }
    static QString noSuchStop(const QString& tour, int stop, int count)
    {
        return tr("citytwin: the tour '%1' has no stop %2 (it has %3)").arg(tour).arg(stop).arg(count);
    }
    static QString notAProject(const QString& path) { return tr("citytwin: %1: not a CityTwin project").arg(path); }
    static QString timedOut(const QString& path)
    {
        return tr("citytwin: %1: the project did not finish loading in time").arg(path);
    }
    static QString unknownLanguage(const QString& language)
    {
        return tr("citytwin: unknown language '%1' (use zh_CN or en)").arg(language);
    }
};

/// Returns the value of --lang (either "--lang X" or "--lang=X"), or an empty string.
QString languageArgument(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
    {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--lang") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return {};
}

bool installLanguage(Language& language, const QString& requested)
{
    const QString chosen = requested.isEmpty() ? Language::systemLanguage() : requested;
    if (!language.install(chosen))
    {
        std::fprintf(stderr, "%s\n", CommandLineText::unknownLanguage(chosen).toLocal8Bit().constData());
        return false;
    }
    return true;
}

void setDefaultSurfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    // OSG's fixed-function state is used: ask for a compatibility profile.
    format.setProfile(QSurfaceFormat::CompatibilityProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(4);
    QSurfaceFormat::setDefaultFormat(format);
}

bool hasDisplay()
{
    return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") || std::getenv("QT_QPA_PLATFORM");
}

/// Grabs the window to a file once nothing is loading and the view has drawn, then quits (exit 0, or 1 when
/// the file cannot be written).
void scheduleScreenshot(MainWindow& window, const QString& path)
{
    auto* timer = new QTimer(&window);
    timer->setInterval(250);
    QObject::connect(timer, &QTimer::timeout, &window,
                     [&window, path, timer, settled = 0]() mutable
                     {
                         if (window.pendingLoads() > 0 || window.viewport()->frameCount() == 0)
                             return;
                         // A few quiet ticks so the last frame after loading has been drawn.
                         if (++settled < 4)
                             return;
                         timer->stop();
                         const bool saved = window.grab().save(path);
                         std::fprintf(
                             saved ? stdout : stderr, "%s\n",
                             (saved ? path : CommandLineText::screenshotFailed(path)).toLocal8Bit().constData());
                         QCoreApplication::exit(saved ? 0 : 1);
                     });
    timer->start();
}

/// Calls done once busy() has been false for a few ticks in a row (or timedOut after limitMs).
void whenSettled(MainWindow& window, std::function<bool()> busy, std::function<void()> done,
                 std::function<void()> timedOut, int limitMs)
{
    auto* timer = new QTimer(&window);
    timer->setInterval(200);
    QObject::connect(timer, &QTimer::timeout, &window,
                     [timer, busy, done, timedOut, limitMs, settled = 0, waited = 0]() mutable
                     {
                         waited += timer->interval();
                         const bool late = waited > limitMs;
                         if (!late && busy())
                         {
                             settled = 0;
                             return;
                         }
                         if (!late && ++settled < 4)
                             return;
                         timer->stop();
                         timer->deleteLater();
                         late ? timedOut() : done();
                     });
    timer->start();
}

/// Calls done once the window's project is loaded: no source pending, its incidents in the Analysis dock, a frame
/// drawn, and a few quiet ticks after (or timedOut after two minutes).
void whenProjectReady(MainWindow& window, std::function<void()> done, std::function<void()> timedOut)
{
    whenSettled(
        window,
        [&window]
        { return window.pendingLoads() > 0 || !window.incidentsReady() || window.viewport()->frameCount() == 0; },
        std::move(done), std::move(timedOut), 120000);
}

/// Opens a project in briefing mode on a screen once it is loaded, on a tour's first stop when one is named.
void startBriefing(MainWindow& window, const QString& project, const QString& tour, int screen, bool autoplay)
{
    if (!ProjectSession::isProject(project))
    {
        std::fprintf(stderr, "%s\n", CommandLineText::notAProject(project).toLocal8Bit().constData());
        QTimer::singleShot(0, [] { QCoreApplication::exit(2); });
        return;
    }
    window.openProject(project);
    whenProjectReady(
        window,
        [&window, project, tour, screen, autoplay]
        {
            const QString chosen = tour.isEmpty() ? window.tours()->tourNames().value(0) : tour;
            if (!tour.isEmpty() && !window.tours()->tourNames().contains(tour))
                std::fprintf(stderr, "%s\n", CommandLineText::noSuchTour(project, tour).toLocal8Bit().constData());
            window.briefing()->enter(screen, {}, chosen);
            if (autoplay)
                window.tours()->setAutoPlay(true);
        },
        [project] { std::fprintf(stderr, "%s\n", CommandLineText::timedOut(project).toLocal8Bit().constData()); });
}

/// `citytwin shot PROJECT --mode briefing|window [--tour NAME --stop N] --size WxH --out F.png`: opens the
/// project, shows it as the audience (or the analyst) sees it at that size, waits until everything is drawn (the
/// layers, the stop's heat layer, the KPI tiles), saves the window's picture and quits.
int runShot(QApplication& application, Language& language)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "citytwin::app::CommandLineText",
        "Capture the window or the briefing screen exactly as it is shown (needs a display, e.g. xvfb-run -a -s "
        "\"-screen 0 7680x2160x24\").\n\nExample: citytwin shot lubei.gpkg --mode briefing --tour briefing --stop 2 "
        "--size 3840x2160 --out stop2.png"));
    parser.addHelpOption();
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "briefing (the full-screen briefing, the default) or window (the main window)."),
        QStringLiteral("mode"), QStringLiteral("briefing"));
    const QCommandLineOption tourOption(
        QStringLiteral("tour"),
        QCoreApplication::translate("citytwin::app::CommandLineText", "The tour to show (default: the first)."),
        QStringLiteral("name"));
    const QCommandLineOption stopOption(
        QStringLiteral("stop"),
        QCoreApplication::translate("citytwin::app::CommandLineText", "The tour's stop to show, from 1 (default 1)."),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QCoreApplication::translate("citytwin::app::CommandLineText", "The picture's size (default 1920x1080)."),
        QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QCoreApplication::translate("citytwin::app::CommandLineText", "The PNG to write."),
        QStringLiteral("file"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("citytwin::app::CommandLineText", "Interface language: zh_CN or en."),
        QStringLiteral("language"));
    parser.addOptions({modeOption, tourOption, stopOption, sizeOption, outOption, langOption});
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QCoreApplication::translate("citytwin::app::CommandLineText", "The project."));
    QStringList arguments = application.arguments();
    arguments.removeAt(1); // the verb
    if (!parser.parse(arguments))
    {
        std::fprintf(stderr, "citytwin shot: %s\n", parser.errorText().toLocal8Bit().constData());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        std::fprintf(stdout, "%s\n", parser.helpText().toLocal8Bit().constData());
        return 0;
    }
    const QString mode = parser.value(modeOption);
    const auto size = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(sizeOption));
    bool stopOk = false;
    const int stop = parser.value(stopOption).toInt(&stopOk);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOption) || !size.hasMatch() || !stopOk ||
        stop < 1 || (mode != QLatin1String("briefing") && mode != QLatin1String("window")))
    {
        std::fprintf(stderr, "%s\n", parser.helpText().toLocal8Bit().constData());
        return 2;
    }
    const QSize pixels(size.captured(1).toInt(), size.captured(2).toInt());
    if (pixels.width() < 320 || pixels.height() < 200 || pixels.width() > 16384 || pixels.height() > 16384)
    {
        std::fprintf(stderr, "citytwin shot: %s\n",
                     QCoreApplication::translate("citytwin::app::CommandLineText",
                                                 "the size must be from 320x200 to 16384x16384")
                         .toLocal8Bit()
                         .constData());
        return 2;
    }
    const QString project = parser.positionalArguments().front();
    if (!ProjectSession::isProject(project))
    {
        std::fprintf(stderr, "%s\n", CommandLineText::notAProject(project).toLocal8Bit().constData());
        return 2;
    }
    const QString out = parser.value(outOption);
    const QString tour = parser.value(tourOption);

    installLogging();
    MainWindow window(language);
    window.show();
    if (mode == QLatin1String("window"))
        window.setGeometry(QRect(QPoint(0, 0), pixels));
    window.openProject(project);
    int exitCode = 0;
    const auto save = [&window, out]
    {
        const bool saved = window.grab().save(out);
        std::fprintf(saved ? stdout : stderr, "%s\n",
                     (saved ? out : CommandLineText::screenshotFailed(out)).toLocal8Bit().constData());
        QCoreApplication::exit(saved ? 0 : 1);
    };
    // After the stop is shown: its KPIs computed, the loads its layers asked for done, then a few quiet frames
    // (after a minute it is saved as it is).
    const auto saveWhenDrawn = [&window, save]
    {
        whenSettled(
            window,
            [&window]
            {
                BriefingMode* briefing = window.briefing();
                return window.pendingLoads() > 0 ||
                       (briefing->isActive() && (briefing->isComputing() || briefing->kpis().asOf == 0));
            },
            save, save, 60000);
    };
    whenProjectReady(
        window,
        [&window, &exitCode, mode, project, tour, stop, pixels, saveWhenDrawn]
        {
            if (mode == QLatin1String("window"))
            {
                saveWhenDrawn();
                return;
            }
            const QStringList tours = window.tours()->tourNames();
            const QString chosen = tour.isEmpty() ? tours.value(0) : tour;
            if (!tour.isEmpty() && !tours.contains(tour))
            {
                std::fprintf(stderr, "%s\n", CommandLineText::noSuchTour(project, tour).toLocal8Bit().constData());
                exitCode = 2;
                QCoreApplication::exit(2);
                return;
            }
            window.briefing()->enter(-1, pixels, chosen);
            if (!chosen.isEmpty())
            {
                if (stop > window.tours()->stopCount())
                {
                    std::fprintf(stderr, "%s\n",
                                 CommandLineText::noSuchStop(chosen, stop, window.tours()->stopCount())
                                     .toLocal8Bit()
                                     .constData());
                    QCoreApplication::exit(2);
                    return;
                }
                window.tours()->showStop(stop - 1, 0.0);
            }
            saveWhenDrawn();
        },
        [project]
        {
            std::fprintf(stderr, "%s\n", CommandLineText::timedOut(project).toLocal8Bit().constData());
            QCoreApplication::exit(1);
        });
    const int code = application.exec();
    return exitCode != 0 ? exitCode : code;
}

int runDesktop(int argc, char** argv)
{
    setDefaultSurfaceFormat();
    QApplication::setAttribute(Qt::AA_UseDesktopOpenGL);
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CityTwin"));
    QApplication::setApplicationVersion(QStringLiteral(CITYTWIN_VERSION));
    QApplication::setOrganizationName(QStringLiteral("CityTwin"));

    Language language;
    if (!installLanguage(language, languageArgument(argc, argv)))
        return 2;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "CityTwin: a 3D city-twin viewer and analysis tool.\n\n%1")
            .arg(CommandLineText::verbsHelp()));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("citytwin::app::CommandLineText", "Interface language: zh_CN or en."),
        QCoreApplication::translate("citytwin::app::CommandLineText", "language")));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "Save a picture of the whole window to this PNG file once the FILEs are "
                                    "loaded, then quit."),
        QCoreApplication::translate("citytwin::app::CommandLineText", "file"));
    parser.addOption(screenshotOption);
    const QCommandLineOption briefingOption(
        QStringLiteral("briefing"),
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "Open a project in briefing mode: full screen, KPI tiles, presenter keys."),
        QCoreApplication::translate("citytwin::app::CommandLineText", "project"));
    const QCommandLineOption tourOption(
        QStringLiteral("tour"),
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "With --briefing: the tour to present (default: the project's first)."),
        QCoreApplication::translate("citytwin::app::CommandLineText", "name"));
    const QCommandLineOption screenOption(
        QStringLiteral("screen"),
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "With --briefing: the screen to fill, from 0 (default: the window's)."),
        QCoreApplication::translate("citytwin::app::CommandLineText", "n"));
    const QCommandLineOption autoplayOption(
        QStringLiteral("autoplay"),
        QCoreApplication::translate("citytwin::app::CommandLineText",
                                    "With --briefing: play the tour by itself, each stop for its duration."));
    parser.addOptions({briefingOption, tourOption, screenOption, autoplayOption});
    parser.addPositionalArgument(
        QCoreApplication::translate("citytwin::app::CommandLineText", "FILE"),
        QCoreApplication::translate("citytwin::app::CommandLineText", "Vector sources to open."),
        QCoreApplication::translate("citytwin::app::CommandLineText", "[FILE...]"));
    if (!parser.parse(application.arguments()))
    {
        std::fprintf(stderr, "citytwin: %s\n", parser.errorText().toLocal8Bit().constData());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        std::fprintf(stdout, "%s\n", parser.helpText().toLocal8Bit().constData());
        return 0;
    }
    if (parser.isSet(QStringLiteral("version")))
    {
        std::fprintf(stdout, "citytwin %s\n", CITYTWIN_VERSION);
        return 0;
    }

    installLogging();
    MainWindow window(language);
    window.show();
    if (parser.isSet(screenshotOption))
        scheduleScreenshot(window, parser.value(screenshotOption));
    if (parser.isSet(briefingOption))
        startBriefing(window, parser.value(briefingOption), parser.value(tourOption),
                      parser.isSet(screenOption) ? parser.value(screenOption).toInt() : -1,
                      parser.isSet(autoplayOption));
    else if (!parser.positionalArguments().isEmpty())
        window.openFiles(parser.positionalArguments());
    return application.exec();
}

int runVerb(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("citytwin"));
    Language language;
    if (!installLanguage(language, languageArgument(argc, argv)))
        return 2;
    installLogging();
    const QString verb = application.arguments().value(1);
    if (verb == QLatin1String("info"))
        return InfoCommand::run(application.arguments());
    if (verb == QLatin1String("import"))
        return ImportCommand::run(application.arguments());
    if (verb == QLatin1String("sample"))
        return SampleCommand::run(application.arguments());
    if (verb == QLatin1String("stats"))
        return StatsCommand::run(application.arguments());
    if (verb == QLatin1String("simulate-live"))
        return SimulateLiveCommand::run(application.arguments());
    if (verb == QLatin1String("make-tour"))
        return MakeTourCommand::run(application.arguments());
    return RenderCommand::run(application.arguments());
}

/// True when the arguments only ask for help or the version, which needs no display.
bool wantsHelpOnly(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
    {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h") ||
            argument == QLatin1String("--version") || argument == QLatin1String("-v"))
            return true;
    }
    return false;
}
} // namespace

/// The shot verb needs the window: a QApplication with OpenGL, unlike the other verbs.
int runShotVerb(int argc, char** argv)
{
    if (!hasDisplay() && !wantsHelpOnly(argc, argv))
    {
        QCoreApplication application(argc, argv);
        Language language;
        installLanguage(language, languageArgument(argc, argv));
        std::fprintf(stderr, "%s\n", CommandLineText::noDisplay().toLocal8Bit().constData());
        return 3;
    }
    if (!hasDisplay())
        qputenv("QT_QPA_PLATFORM", "minimal");
    setDefaultSurfaceFormat();
    QApplication::setAttribute(Qt::AA_UseDesktopOpenGL);
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CityTwin"));
    QApplication::setOrganizationName(QStringLiteral("CityTwin"));
    Language language;
    if (!installLanguage(language, languageArgument(argc, argv)))
        return 2;
    return runShot(application, language);
}

/// The report verb paints with fonts: a QGuiApplication (offscreen without a display; 3D frames then fall back to
/// top-down maps).
int runReportVerb(int argc, char** argv)
{
    if (!hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("citytwin"));
    Language language;
    if (!installLanguage(language, languageArgument(argc, argv)))
        return 2;
    installLogging();
    return ReportCommand::run(application.arguments());
}

int runCityTwin(int argc, char** argv)
{
    if (argc > 1 && QString::fromLocal8Bit(argv[1]) == QLatin1String("report"))
        return runReportVerb(argc, argv);
    if (argc > 1 && QString::fromLocal8Bit(argv[1]) == QLatin1String("shot"))
        return runShotVerb(argc, argv);
    if (argc > 1 && Verbs.contains(QString::fromLocal8Bit(argv[1])))
        return runVerb(argc, argv);
    if (!hasDisplay())
    {
        if (wantsHelpOnly(argc, argv))
        {
            // Help needs no window: answer it with the minimal platform.
            qputenv("QT_QPA_PLATFORM", "minimal");
            return runDesktop(argc, argv);
        }
        QCoreApplication application(argc, argv);
        Language language;
        installLanguage(language, languageArgument(argc, argv));
        std::fprintf(stderr, "%s\n", CommandLineText::noDisplay().toLocal8Bit().constData());
        return 3;
    }
    return runDesktop(argc, argv);
}

} // namespace citytwin::app
