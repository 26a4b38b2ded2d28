#include "app/cli/render_command.hpp"
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
} // namespace

int RenderCommand::run(const QStringList& arguments)
{
    registerPointIcons();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Renders the default 3D view of the given vector sources off-screen and writes it as an image.\n"
           "Needs an OpenGL context: a desktop session, or xvfb-run -a on a headless machine."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("Image file to write (PNG or JPEG)."), tr("file"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), tr("Image size in pixels, WIDTHxHEIGHT."), tr("size"),
                                        QStringLiteral("1920x1080"));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    parser.addOption(outOption);
    parser.addOption(sizeOption);
    const QCommandLineOption bookmarkOption(QStringLiteral("bookmark"),
                                            tr("Renders the view of a bookmark saved in the project (the first file)."),
                                            tr("name"));
    const QCommandLineOption ringsOption(QStringLiteral("rings"),
                                         tr("Draws a service ring of this radius (metres) around every station."),
                                         tr("metres"));
    const QCommandLineOption ringKindOption(QStringLiteral("ring-kind"),
                                            tr("Draws the service rings of this station kind only (e.g. day_care)."),
                                            tr("kind"));
    const QCommandLineOption conesOption(QStringLiteral("cones"), tr("Draws every camera's view cone on the ground."));
    const QCommandLineOption showOption(QStringLiteral("show"),
                                        tr("Shows layers that start hidden (comma-separated names, e.g. incidents)."),
                                        tr("layers"));
    parser.addOption(langOption);
    parser.addOption(bookmarkOption);
    parser.addOption(ringsOption);
    parser.addOption(ringKindOption);
    parser.addOption(conesOption);
    parser.addOption(showOption);
    const QCommandLineOption colorByOption(
        QStringLiteral("color-by"),
        tr("Colours a layer by a field: LAYER.FIELD (classes of a numeric field, categories of a text field)."),
        tr("layer.field"));
    const QCommandLineOption classesOption(QStringLiteral("classes"), tr("Number of classes (default 5)."),
                                           tr("number"), QStringLiteral("5"));
    const QCommandLineOption methodOption(QStringLiteral("method"),
                                          tr("Classification: equal, quantile or jenks (natural breaks, default)."),
                                          tr("method"), QStringLiteral("jenks"));
    const QCommandLineOption heatOption(QStringLiteral("heat"),
                                        tr("Draws the density of the incidents as a heat layer on the ground."));
    parser.addOption(heatOption);
    const QCommandLineOption columnsOption(
        QStringLiteral("columns"), tr("With --color-by on areas: draws them as 3D columns whose height is the value."));
    parser.addOption(columnsOption);
    parser.addOption(colorByOption);
    parser.addOption(classesOption);
    parser.addOption(methodOption);
    parser.addPositionalArgument(tr("FILE"), tr("Vector sources to show (GeoPackage, Shapefile, GeoJSON, …)."),
                                 tr("[FILE...]"));

    QStringList verbArguments = arguments;
    verbArguments.removeAt(1); // "render"
    if (!parser.parse(verbArguments))
    {
        printLine(stderr, tr("citytwin render: %1").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                    QStringLiteral("citytwin render")));
        return 0;
    }
    if (!parser.isSet(outOption))
    {
        printLine(stderr, tr("citytwin render: --out FILE is required"));
        return 2;
    }
    int width = 0, height = 0;
    if (!parseSize(parser.value(sizeOption), width, height))
    {
        printLine(stderr, tr("citytwin render: invalid --size '%1' (expected WIDTHxHEIGHT, 16 to 16384 pixels)")
                              .arg(parser.value(sizeOption)));
        return 2;
    }

    scene::SceneModel model;
    useDisplayNames(model);
    std::optional<TerrainData> terrain;
    for (const QString& path : parser.positionalArguments())
    {
        if (isObliqueTileset(path))
        {
            if (auto added = addObliqueTileset(model, path); !added)
            {
                printLine(stderr, tr("citytwin render: %1").arg(ErrorText::describe(added.error())));
                return 1;
            }
            continue;
        }
        // The first source with rasters gives the terrain (DEM and imagery).
        if (!terrain)
        {
            auto found = loadTerrainData(path);
            if (!found)
            {
                printLine(stderr, tr("citytwin render: %1").arg(ErrorText::describe(found.error())));
                return 1;
            }
            terrain = std::move(found.value());
        }
        if (data::isRasterOnly(path.toStdString()))
            continue;
        auto layers = data::readVectorSource(path.toStdString());
        if (!layers)
        {
            printLine(stderr, tr("citytwin render: %1").arg(ErrorText::describe(layers.error())));
            return 1;
        }
        for (data::VectorLayer& layer : layers.value())
        {
            for (const data::LayerWarning& warning : layer.warnings)
                printLine(stderr, tr("citytwin render: warning: %1")
                                      .arg(ErrorText::describeWarning(QString::fromStdString(layer.name), warning)));
            model.addLayer(std::make_shared<const data::VectorLayer>(std::move(layer)));
        }
    }
    // Derived layers and layers asked for.
    const QStringList shown = parser.value(showOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (int i = 0, count = model.layerCount(); i < count; ++i)
    {
        const data::VectorLayer& layer = model.layer(i);
        if (shown.contains(QString::fromStdString(layer.name)))
            model.setLayerVisible(i, true);
        if (parser.isSet(ringsOption) && layer.name == "stations")
        {
            bool ok = false;
            const double radius = parser.value(ringsOption).toDouble(&ok);
            if (!ok || radius <= 0.0 || radius > 20000.0)
            {
                printLine(stderr, tr("citytwin render: --rings needs a radius in metres (1 to 20000)"));
                return 2;
            }
            model.addLayer(std::make_shared<const data::VectorLayer>(
                data::serviceAreas(layer, radius, parser.value(ringKindOption).toStdString())));
        }
        if (parser.isSet(conesOption) && layer.name == "cameras")
            model.addLayer(std::make_shared<const data::VectorLayer>(data::viewCones(layer)));
    }
    if (parser.isSet(colorByOption))
    {
        const QString spec = parser.value(colorByOption);
        const auto dot = spec.indexOf(QLatin1Char('.'));
        bool classesOk = false;
        const int classes = parser.value(classesOption).toInt(&classesOk);
        const auto method = data::parseClassMethod(parser.value(methodOption).toStdString());
        int index = -1;
        for (int i = 0; dot > 0 && i < model.layerCount(); ++i)
            if (QString::fromStdString(model.layer(i).name) == spec.left(dot))
                index = i;
        if (index < 0 || !classesOk || classes < 1 || classes > 12 || !method)
        {
            printLine(stderr, tr("citytwin render: --color-by needs LAYER.FIELD of an open layer, --classes 1 to 12 "
                                 "and --method equal, quantile or jenks"));
            return 2;
        }
        auto colors = thematicColorsFor(model.layer(index), spec.mid(dot + 1).toStdString(), classes, *method);
        if (!colors)
        {
            printLine(stderr, tr("citytwin render: layer %1 has no field %2").arg(spec.left(dot), spec.mid(dot + 1)));
            return 2;
        }
        if (parser.isSet(columnsOption))
        {
            // The columns replace the flat areas in the view.
            model.setLayerVisible(index, false);
            index = model.addLayer(std::make_shared<const data::VectorLayer>(
                data::valueColumns(model.layer(index), spec.mid(dot + 1).toStdString(), 1500.0)));
        }
        model.setLayerVisible(index, true);
        model.setLayerColors(index, std::move(colors));
    }
    if (terrain)
        applyTerrain(model, *terrain);
    if (parser.isSet(heatOption))
        for (int i = 0; i < model.layerCount(); ++i)
            if (model.layer(i).name == "incidents")
                model.setHeatLayer(buildIncidentHeat(model, model.layer(i)), tr("incidents per km²").toStdString());

    scene::ViewPose pose = scene::homePose(model.contentBound(), static_cast<double>(width) / height);
    if (parser.isSet(bookmarkOption))
    {
        const QString name = parser.value(bookmarkOption);
        const QStringList files = parser.positionalArguments();
        auto project = files.isEmpty()
                           ? data::Result<data::ProjectStore>(
                                 data::Error{data::ErrorCode::InvalidArgument, "no project given", {}})
                           : data::ProjectStore::open(files.front().toStdString(), {.create = false, .readOnly = true});
        if (!project)
        {
            printLine(stderr, tr("citytwin render: %1").arg(ErrorText::describe(project.error())));
            return 1;
        }
        auto bookmark = project->bookmark(name.toStdString());
        if (!bookmark || !bookmark.value())
        {
            printLine(stderr, tr("citytwin render: the project has no bookmark '%1'").arg(name));
            return 1;
        }
        const osg::Vec3d& origin = model.origin();
        const data::Bookmark& view = *bookmark.value();
        pose.eye = osg::Vec3d(view.eye.x, view.eye.y, view.eye.z) - origin;
        pose.center = osg::Vec3d(view.center.x, view.center.y, view.center.z) - origin;
        pose.up = osg::Vec3d(view.up.x, view.up.y, view.up.z);
    }
    auto image = scene::OffscreenRenderer::render(model.root(), pose, width, height);
    if (!image)
    {
        printLine(stderr, tr("citytwin render: cannot render: %1").arg(QString::fromStdString(image.error().detail)));
        return 1;
    }
    const osg::Image& pixels = *image.value();
    QImage picture(pixels.data(), pixels.s(), pixels.t(), static_cast<qsizetype>(pixels.getRowSizeInBytes()),
                   QImage::Format_RGBA8888);
    const QString out = parser.value(outOption);
    if (!picture.mirrored().convertToFormat(QImage::Format_RGB888).save(out))
    {
        printLine(stderr, tr("citytwin render: %1: the image could not be written").arg(out));
        return 1;
    }
    printLine(stdout, out);
    return 0;
}

} // namespace citytwin::app
