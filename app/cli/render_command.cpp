#include "app/cli/render_command.hpp"

#include "data/project/schema.hpp"
#include "app/common/point_icon_atlas.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/error_text.hpp"
#include "app/common/scene_sources.hpp"

#include "data/analysis/derived_layers.hpp"
#include "data/project/project_store.hpp"
#include "data/io/raster_source.hpp"
#include "data/io/vector_source.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/scene_model.hpp"

#include <cstdio>
#include <memory>
#include <optional>

#include <QCommandLineParser>
#include <QImage>
#include <QRegularExpression>

namespace citytwin::app
{
namespace
{
bool parseSize(const QString& text, int& width, int& height)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    width = match.captured(1).toInt();
    height = match.captured(2).toInt();
    return width >= 16 && height >= 16 && width <= 16384 && height <= 16384;
}

/// The verb's options, in the order its help lists them.
struct RenderOptions
{
    QCommandLineOption out;
    QCommandLineOption size;
    QCommandLineOption language;
    QCommandLineOption bookmark;
    QCommandLineOption rings;
    QCommandLineOption ringKind;
    QCommandLineOption cones;
    QCommandLineOption show;
    QCommandLineOption heat;
    QCommandLineOption columns;
    QCommandLineOption colorBy;
    QCommandLineOption classes;
    QCommandLineOption method;
    QCommandLineOption theme;
    QCommandLineOption effects;
    QCommandLineOption crs;
};

/// One run of the verb, step by step: the options parsed, the scene built from the sources (derived layers,
/// colours, terrain, heat), the view chosen, rendered and written. A step that ends the run returns its exit
/// status; nullopt goes on.
class RenderRun
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::RenderCommand)
public:
    RenderRun() : mOptions(makeOptions()) {}

    int run(const QStringList& arguments);

private:
    static RenderOptions makeOptions();
    std::optional<int> parse(const QStringList& arguments);
    std::optional<int> loadSource(const QString& path);
    std::optional<int> loadCityGml(const QString& path);
    std::optional<int> addDerivedLayers();
    std::optional<int> colourByField();
    void addHeat();
    std::optional<int> applyBookmark(scene::ViewPose& pose) const;
    int writeImage(const scene::ViewPose& pose) const;
    /// Prints a message of the verb on stderr and returns the exit status.
    static int fail(int status, const QString& message);

    RenderOptions mOptions;
    QCommandLineParser mParser;
    int mWidth = 0;
    int mHeight = 0;
    scene::Theme mTheme = scene::Theme::Day;
    scene::Effects mEffects;
    /// Made once the options are read (not for --help or a mistake).
    std::unique_ptr<scene::SceneModel> mModel;
    std::optional<TerrainData> mTerrain;
};

RenderOptions RenderRun::makeOptions()
{
    return RenderOptions{
        .out = QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                  tr("Image file to write (PNG or JPEG)."), tr("file")),
        .size = QCommandLineOption(QStringLiteral("size"), tr("Image size in pixels, WIDTHxHEIGHT."), tr("size"),
                                   QStringLiteral("1920x1080")),
        .language =
            QCommandLineOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."), tr("language")),
        .bookmark =
            QCommandLineOption(QStringLiteral("bookmark"),
                               tr("Renders the view of a bookmark saved in the project (the first file)."), tr("name")),
        .rings =
            QCommandLineOption(QStringLiteral("rings"),
                               tr("Draws a service ring of this radius (metres) around every station."), tr("metres")),
        .ringKind =
            QCommandLineOption(QStringLiteral("ring-kind"),
                               tr("Draws the service rings of this station kind only (e.g. day_care)."), tr("kind")),
        .cones = QCommandLineOption(QStringLiteral("cones"), tr("Draws every camera's view cone on the ground.")),
        .show = QCommandLineOption(QStringLiteral("show"),
                                   tr("Shows layers that start hidden (comma-separated names, e.g. incidents)."),
                                   tr("layers")),
        .heat = QCommandLineOption(QStringLiteral("heat"),
                                   tr("Draws the density of the incidents as a heat layer on the ground.")),
        .columns =
            QCommandLineOption(QStringLiteral("columns"),
                               tr("With --color-by on areas: draws them as 3D columns whose height is the value.")),
        .colorBy = QCommandLineOption(
            QStringLiteral("color-by"),
            tr("Colours a layer by a field: LAYER.FIELD (classes of a numeric field, categories of a text field)."),
            tr("layer.field")),
        .classes = QCommandLineOption(QStringLiteral("classes"), tr("Number of classes (default 5)."), tr("number"),
                                      QStringLiteral("5")),
        .method = QCommandLineOption(QStringLiteral("method"),
                                     tr("Classification: equal, quantile or jenks (natural breaks, default)."),
                                     tr("method"), QStringLiteral("jenks")),
        .theme = QCommandLineOption(QStringLiteral("theme"),
                                    tr("Look of the view: day (default) or night (dark, for a big screen)."),
                                    tr("theme"), QStringLiteral("day")),
        .effects = QCommandLineOption(QStringLiteral("effects"),
                                      tr("Heavier effects: shadows, ao (ambient occlusion), bloom, comma-separated, "
                                         "or all or none (default)."),
                                      tr("effects"), QStringLiteral("none")),
        .crs = QCommandLineOption(QStringLiteral("crs"),
                                  tr("The CRS of CityGML files that declare none, or one that is not recognised "
                                     "(EPSG:n or a CRS name)."),
                                  tr("crs")),
    };
}

int RenderRun::fail(int status, const QString& message)
{
    printLine(stderr, message);
    return status;
}

int RenderRun::run(const QStringList& arguments)
{
    if (const auto status = parse(arguments))
        return *status;
    mModel = std::make_unique<scene::SceneModel>();
    mModel->setTheme(mTheme); // before the layers: each is built once, in the theme's palette
    mModel->setEffects(mEffects);
    useDisplayNames(*mModel);
    for (const QString& path : mParser.positionalArguments())
        if (const auto status = loadSource(path))
            return *status;
    if (const auto status = addDerivedLayers())
        return *status;
    if (const auto status = colourByField())
        return *status;
    if (mTerrain)
        applyTerrain(*mModel, *mTerrain);
    addHeat();
    scene::ViewPose pose = scene::homePose(mModel->contentBound(), static_cast<double>(mWidth) / mHeight);
    if (const auto status = applyBookmark(pose))
        return *status;
    return writeImage(pose);
}

std::optional<int> RenderRun::parse(const QStringList& arguments)
{
    mParser.setApplicationDescription(
        tr("Renders the default 3D view of the given vector sources off-screen and writes it as an image.\n"
           "Needs an OpenGL context: a desktop session, or xvfb-run -a on a headless machine."));
    mParser.addHelpOption();
    for (const QCommandLineOption& option :
         {mOptions.out, mOptions.size, mOptions.language, mOptions.bookmark, mOptions.rings, mOptions.ringKind,
          mOptions.cones, mOptions.show, mOptions.heat, mOptions.columns, mOptions.colorBy, mOptions.classes,
          mOptions.method, mOptions.theme, mOptions.effects, mOptions.crs})
        mParser.addOption(option);
    mParser.addPositionalArgument(tr("FILE"), tr("Vector sources to show (GeoPackage, Shapefile, GeoJSON, …)."),
                                  tr("[FILE...]"));
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1); // "render"
    if (!mParser.parse(verbArguments))
        return fail(2, tr("citytwin render: %1").arg(mParser.errorText()));
    if (mParser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, mParser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                     QStringLiteral("citytwin render")));
        return 0;
    }
    if (!mParser.isSet(mOptions.out))
        return fail(2, tr("citytwin render: --out FILE is required"));
    if (!parseSize(mParser.value(mOptions.size), mWidth, mHeight))
        return fail(2, tr("citytwin render: invalid --size '%1' (expected WIDTHxHEIGHT, 16 to 16384 pixels)")
                           .arg(mParser.value(mOptions.size)));
    const auto theme = scene::themeFromCode(mParser.value(mOptions.theme).toStdString());
    if (!theme)
        return fail(
            2, tr("citytwin render: unknown --theme '%1' (expected day or night)").arg(mParser.value(mOptions.theme)));
    mTheme = *theme;
    const auto effects = scene::effectsFromCode(mParser.value(mOptions.effects).toStdString());
    if (!effects)
        return fail(2, tr("citytwin render: unknown --effects '%1' (expected shadows, ao, bloom, all or none)")
                           .arg(mParser.value(mOptions.effects)));
    mEffects = *effects;
    return std::nullopt;
}

std::optional<int> RenderRun::loadCityGml(const QString& path)
{
    auto added = addCityGml(*mModel, path, mParser.value(mOptions.crs));
    if (!added)
        return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(added.error())));
    for (const std::string& warning : added->warnings)
        printLine(stderr, tr("citytwin render: warning: %1: %2").arg(path, QString::fromStdString(warning)));
    if (added->crsUsed.empty())
        printLine(stderr, tr("citytwin render: warning: %1 has no usable CRS (%2): shown at its own coordinates; "
                             "--crs EPSG:n places it")
                              .arg(path, QString::fromStdString(added->crsProblem)));
    return std::nullopt;
}

std::optional<int> RenderRun::loadSource(const QString& path)
{
    if (isCityGml(path))
        return loadCityGml(path);
    if (isObliqueTileset(path))
    {
        if (auto added = addObliqueTileset(*mModel, path); !added)
            return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(added.error())));
        return std::nullopt;
    }
    if (isTileset3d(path))
    {
        if (auto added = addTileset3d(*mModel, path); !added)
            return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(added.error())));
        return std::nullopt;
    }
    // The first source with rasters gives the terrain (DEM and imagery).
    if (!mTerrain)
    {
        auto found = loadTerrainData(path);
        if (!found)
            return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(found.error())));
        mTerrain = std::move(found.value());
    }
    if (data::isRasterOnly(path.toStdString()))
        return std::nullopt;
    auto layers = data::readVectorSource(path.toStdString());
    if (!layers)
        return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(layers.error())));
    for (data::VectorLayer& layer : layers.value())
    {
        for (const data::LayerWarning& warning : layer.warnings)
            printLine(stderr, tr("citytwin render: warning: %1")
                                  .arg(ErrorText::describeWarning(QString::fromStdString(layer.name), warning)));
        mModel->addLayer(std::make_shared<const data::VectorLayer>(std::move(layer)));
    }
    return std::nullopt;
}

std::optional<int> RenderRun::addDerivedLayers()
{
    // Layers asked for, and the layers derived from the stations and the cameras.
    const QStringList shown = mParser.value(mOptions.show).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (int i = 0, count = mModel->layerCount(); i < count; ++i)
    {
        const data::VectorLayer& layer = mModel->layer(i);
        if (shown.contains(QString::fromStdString(layer.name)))
            mModel->setLayerVisible(i, true);
        if (mParser.isSet(mOptions.rings) && layer.name == data::schema::stations::Table)
        {
            bool ok = false;
            const double radius = mParser.value(mOptions.rings).toDouble(&ok);
            if (!ok || radius <= 0.0 || radius > 20000.0)
                return fail(2, tr("citytwin render: --rings needs a radius in metres (1 to 20000)"));
            mModel->addLayer(std::make_shared<const data::VectorLayer>(
                data::serviceAreas(layer, radius, mParser.value(mOptions.ringKind).toStdString())));
        }
        if (mParser.isSet(mOptions.cones) && layer.name == data::schema::cameras::Table)
            mModel->addLayer(std::make_shared<const data::VectorLayer>(data::viewCones(layer)));
    }
    return std::nullopt;
}

std::optional<int> RenderRun::colourByField()
{
    if (!mParser.isSet(mOptions.colorBy))
        return std::nullopt;
    const QString spec = mParser.value(mOptions.colorBy);
    const auto dot = spec.indexOf(QLatin1Char('.'));
    bool classesOk = false;
    const int classes = mParser.value(mOptions.classes).toInt(&classesOk);
    const auto method = data::parseClassMethod(mParser.value(mOptions.method).toStdString());
    int index = -1;
    for (int i = 0; dot > 0 && i < mModel->layerCount(); ++i)
        if (QString::fromStdString(mModel->layer(i).name) == spec.left(dot))
            index = i;
    if (index < 0 || !classesOk || classes < 1 || classes > 12 || !method)
        return fail(2, tr("citytwin render: --color-by needs LAYER.FIELD of an open layer, --classes 1 to 12 "
                          "and --method equal, quantile or jenks"));
    auto colors = thematicColorsFor(mModel->layer(index), spec.mid(dot + 1).toStdString(), classes, *method);
    if (!colors)
        return fail(2, tr("citytwin render: layer %1 has no field %2").arg(spec.left(dot), spec.mid(dot + 1)));
    if (mParser.isSet(mOptions.columns))
    {
        // The columns replace the flat areas in the view.
        mModel->setLayerVisible(index, false);
        index = mModel->addLayer(std::make_shared<const data::VectorLayer>(
            data::valueColumns(mModel->layer(index), spec.mid(dot + 1).toStdString(), 1500.0)));
    }
    mModel->setLayerVisible(index, true);
    mModel->setLayerColors(index, std::move(colors));
    return std::nullopt;
}

void RenderRun::addHeat()
{
    if (mParser.isSet(mOptions.heat))
        for (int i = 0; i < mModel->layerCount(); ++i)
            if (mModel->layer(i).name == data::schema::incidents::Table)
                mModel->setHeatLayer(buildIncidentHeat(*mModel, mModel->layer(i)),
                                     tr("incidents per km²").toStdString());
}

std::optional<int> RenderRun::applyBookmark(scene::ViewPose& pose) const
{
    if (!mParser.isSet(mOptions.bookmark))
        return std::nullopt;
    const QString name = mParser.value(mOptions.bookmark);
    const QStringList files = mParser.positionalArguments();
    auto project =
        files.isEmpty()
            ? data::Result<data::ProjectStore>(data::Error{data::ErrorCode::InvalidArgument, "no project given", {}})
            : data::ProjectStore::open(files.front().toStdString(), {.create = false, .readOnly = true});
    if (!project)
        return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(project.error())));
    auto bookmark = project->bookmark(name.toStdString());
    if (!bookmark)
        return fail(1, tr("citytwin render: %1").arg(ErrorText::describe(bookmark.error())));
    if (!bookmark.value())
        return fail(1, tr("citytwin render: the project has no bookmark '%1'").arg(name));
    const osg::Vec3d& origin = mModel->origin();
    const data::Bookmark& view = *bookmark.value();
    pose.eye = osg::Vec3d(view.eye.x, view.eye.y, view.eye.z) - origin;
    pose.center = osg::Vec3d(view.center.x, view.center.y, view.center.z) - origin;
    pose.up = osg::Vec3d(view.up.x, view.up.y, view.up.z);
    return std::nullopt;
}

int RenderRun::writeImage(const scene::ViewPose& pose) const
{
    auto image = scene::OffscreenRenderer::render(mModel->root(), pose, mWidth, mHeight, mModel->theme());
    if (!image)
        return fail(1, tr("citytwin render: cannot render: %1").arg(QString::fromStdString(image.error().detail)));
    const osg::Image& pixels = *image.value();
    QImage picture(pixels.data(), pixels.s(), pixels.t(), static_cast<qsizetype>(pixels.getRowSizeInBytes()),
                   QImage::Format_RGBA8888);
    // Tiles that could not be shown (missing or unreadable files) are named; the rest of the tileset is drawn.
    for (const QString& warning : tileset3dWarnings(*mModel))
        printLine(stderr, tr("citytwin render: warning: %1").arg(warning));
    const QString out = mParser.value(mOptions.out);
    if (!picture.mirrored().convertToFormat(QImage::Format_RGB888).save(out))
        return fail(1, tr("citytwin render: %1: the image could not be written").arg(out));
    printLine(stdout, out);
    return 0;
}
} // namespace

int RenderCommand::run(const QStringList& arguments)
{
    registerPointIcons();
    RenderRun run;
    return run.run(arguments);
}

} // namespace citytwin::app
