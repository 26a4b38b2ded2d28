#include "command_line.hpp"

#include "app/cli/import_command.hpp"
#include "app/cli/info_command.hpp"
#include "app/common/language.hpp"
#include "app/common/logging.hpp"
#include "app/gui/main_window.hpp"
#include "app/cli/render_command.hpp"
#include "app/cli/sample_command.hpp"
#include "app/cli/simulate_live_command.hpp"
#include "app/cli/stats_command.hpp"
#include "viewport/viewport_widget.hpp"

#include <cstdio>
#include <cstdlib>

#include <QApplication>
#include <QCommandLineParser>
#include <QSurfaceFormat>
#include <QTimer>

namespace citytwin::app
{
namespace
{
/// The verbs the executable knows; anything else on the command line is a file to open.
const QStringList Verbs = {QStringLiteral("import"), QStringLiteral("info"),          QStringLiteral("render"),
                           QStringLiteral("sample"), QStringLiteral("simulate-live"), QStringLiteral("stats")};

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
                  "  render      Render the default view of FILEs to an image (citytwin render --help).\n"
                  "  sample      Write the built-in sample district into a new project (citytwin sample --help).\n"
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
    if (!parser.positionalArguments().isEmpty())
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

int runCityTwin(int argc, char** argv)
{
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
