#include "app/cli/info_command.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/error_text.hpp"

#include "data/io/source_info.hpp"
#include "data/io/vector_source.hpp"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace citytwin::app
{
namespace
{
QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QJsonValue extentJson(const data::Extent& extent)
{
    if (!extent.isValid())
        return QJsonValue::Null;
    return QJsonArray{extent.minX, extent.minY, extent.maxX, extent.maxY};
}

QJsonObject toJson(const data::SourceInfo& info, const QString& projectCrs)
{
    QJsonObject source{{"path", qs(info.path)}, {"driver", qs(info.driver)}, {"project_crs", projectCrs}};
    QJsonArray layers;
    for (const auto& layer : info.layers)
    {
        QJsonArray fields;
        for (const auto& field : layer.fields)
            fields.append(QJsonObject{{"name", qs(field.name)}, {"type", qs(field.type)}});
        layers.append(
            QJsonObject{{"name", qs(layer.name)},
                        {"geometry_type", qs(layer.geometryType)},
                        {"feature_count", static_cast<qint64>(layer.featureCount)},
                        {"crs", layer.crs.empty() ? QJsonValue::Null : QJsonValue(qs(layer.crs))},
                        {"crs_name", qs(layer.crsName)},
                        {"guessed_crs", layer.guessedCrs.empty() ? QJsonValue::Null : QJsonValue(qs(layer.guessedCrs))},
                        {"extent", extentJson(layer.sourceExtent)},
                        {"project_extent", extentJson(layer.projectExtent)},
                        {"outside_project_area", layer.outsideProjectArea},
                        {"encoding", qs(layer.encoding)},
                        {"fields", fields}});
    }
    source["layers"] = layers;
    if (info.raster)
    {
        const auto& r = *info.raster;
        source["raster"] = QJsonObject{{"width", r.width},
                                       {"height", r.height},
                                       {"bands", r.bandCount},
                                       {"data_type", qs(r.dataType)},
                                       {"crs", qs(r.crs)},
                                       {"crs_name", qs(r.crsName)},
                                       {"pixel_size", QJsonArray{r.pixelSizeX, r.pixelSizeY}},
                                       {"nodata", r.noData ? QJsonValue(*r.noData) : QJsonValue::Null},
                                       {"extent", extentJson(r.sourceExtent)},
                                       {"project_extent", extentJson(r.projectExtent)},
                                       {"outside_project_area", r.outsideProjectArea}};
    }
    if (info.tileset)
    {
        const auto& t = *info.tileset;
        QJsonObject kinds;
        for (const auto& [kind, count] : t.contentKinds)
            kinds[qs(kind)] = count;
        QJsonArray warnings;
        for (const std::string& warning : t.warnings)
            warnings.append(qs(warning));
        source["tileset"] = QJsonObject{{"format", qs(t.format)},
                                        {"srs", qs(t.srs)},
                                        {"origin", qs(t.origin)},
                                        {"tiles", t.tileCount},
                                        {"version", qs(t.version)},
                                        {"content_kinds", kinds},
                                        {"geometric_error", t.geometricError},
                                        {"project_extent", extentJson(t.projectExtent)},
                                        {"outside_project_area", t.outsideProjectArea},
                                        {"warnings", warnings}};
    }
    return source;
}

QString extentText(const data::Extent& extent, bool outside = false)
{
    if (outside)
        return InfoCommand::tr("outside the area of use of the project CRS");
    if (!extent.isValid())
        return InfoCommand::tr("not representable");
    return QStringLiteral("%1, %2 – %3, %4")
        .arg(extent.minX, 0, 'f', 2)
        .arg(extent.minY, 0, 'f', 2)
        .arg(extent.maxX, 0, 'f', 2)
        .arg(extent.maxY, 0, 'f', 2);
}

QString crsText(const std::string& crs, const std::string& name, const std::string& guessed)
{
    if (crs.empty())
        return guessed.empty() ? InfoCommand::tr("none declared")
                               : InfoCommand::tr("none declared (coordinates suggest %1)").arg(qs(guessed));
    return name.empty() || name == crs ? qs(crs) : QStringLiteral("%1 (%2)").arg(qs(crs), qs(name));
}

void printTileset3d(const data::TilesetInfo& t, const QString& projectCrs)
{
    QStringList kinds;
    for (const auto& [kind, count] : t.contentKinds)
        kinds << QStringLiteral("%1 × %2").arg(qs(kind)).arg(count);
    printLine(stdout, InfoCommand::tr("3D Tiles tileset, version %1").arg(qs(t.version)));
    printLine(stdout, InfoCommand::tr("  Tiles: %1").arg(t.tileCount));
    printLine(stdout, InfoCommand::tr("  Content: %1")
                          .arg(kinds.isEmpty() ? InfoCommand::tr("none") : kinds.join(QStringLiteral(", "))));
    printLine(stdout, InfoCommand::tr("  Geometric error: %1 m").arg(t.geometricError));
    printLine(stdout, InfoCommand::tr("  Root bounding volume: %1").arg(qs(t.origin)));
    // The numbers are PROJ's even outside the CRS's area of use; say so next to them.
    QString extent = extentText(t.projectExtent);
    if (t.outsideProjectArea)
        extent += QStringLiteral(" (%1)").arg(extentText(t.projectExtent, true));
    printLine(stdout, InfoCommand::tr("  Extent in %1: %2").arg(projectCrs, extent));
    for (const std::string& warning : t.warnings)
        printLine(stdout, InfoCommand::tr("  Warning: %1").arg(qs(warning)));
}

void printHuman(const data::SourceInfo& info, const QString& projectCrs)
{
    printLine(stdout, InfoCommand::tr("Source: %1").arg(qs(info.path)));
    printLine(stdout, InfoCommand::tr("Format: %1 (%2)").arg(qs(info.driver), qs(info.driverLongName)));
    for (std::size_t i = 0; i < info.layers.size(); ++i)
    {
        const auto& layer = info.layers[i];
        printLine(stdout, InfoCommand::tr("Layer %1: %2").arg(i + 1).arg(qs(layer.name)));
        printLine(stdout, InfoCommand::tr("  Geometry: %1").arg(qs(layer.geometryType)));
        printLine(stdout, InfoCommand::tr("  Features: %1").arg(layer.featureCount));
        printLine(stdout, InfoCommand::tr("  CRS: %1").arg(crsText(layer.crs, layer.crsName, layer.guessedCrs)));
        printLine(stdout, InfoCommand::tr("  Extent: %1").arg(extentText(layer.sourceExtent)));
        printLine(stdout, InfoCommand::tr("  Extent in %1: %2")
                              .arg(projectCrs, extentText(layer.projectExtent, layer.outsideProjectArea)));
        printLine(stdout, InfoCommand::tr("  Encoding: %1").arg(qs(layer.encoding)));
        QStringList fields;
        for (const auto& field : layer.fields)
            fields << QStringLiteral("%1 (%2)").arg(qs(field.name), qs(field.type));
        printLine(stdout, InfoCommand::tr("  Fields: %1")
                              .arg(fields.isEmpty() ? InfoCommand::tr("none") : fields.join(QStringLiteral(", "))));
    }
    if (info.raster)
    {
        const auto& r = *info.raster;
        printLine(stdout, InfoCommand::tr("Raster: %1 x %2 pixels, %3 band(s) of %4")
                              .arg(r.width)
                              .arg(r.height)
                              .arg(r.bandCount)
                              .arg(qs(r.dataType)));
        printLine(stdout, InfoCommand::tr("  CRS: %1").arg(crsText(r.crs, r.crsName, {})));
        printLine(stdout, InfoCommand::tr("  Pixel size: %1 x %2").arg(r.pixelSizeX).arg(r.pixelSizeY));
        printLine(stdout,
                  InfoCommand::tr("  NoData: %1").arg(r.noData ? QString::number(*r.noData) : InfoCommand::tr("none")));
        printLine(stdout, InfoCommand::tr("  Extent: %1").arg(extentText(r.sourceExtent)));
        printLine(
            stdout,
            InfoCommand::tr("  Extent in %1: %2").arg(projectCrs, extentText(r.projectExtent, r.outsideProjectArea)));
    }
    if (info.tileset)
    {
        const auto& t = *info.tileset;
        if (t.format == "3D Tiles")
            printTileset3d(t, projectCrs);
        else
            printLine(stdout, InfoCommand::tr("Oblique-photogrammetry tileset: SRS %1, origin %2, %3 top-level tile(s)")
                                  .arg(qs(t.srs).simplified().left(100) +
                                           (t.srs.size() > 100 ? QStringLiteral("…") : QString()),
                                       qs(t.origin))
                                  .arg(t.tileCount));
    }
    if (info.layers.empty() && !info.raster && !info.tileset)
        printLine(stdout, InfoCommand::tr("No layers."));
}
} // namespace

int InfoCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Describes data sources: each layer's name, geometry type, feature count, CRS, extent in the project "
           "CRS, fields and text encoding; a raster's size, bands and extent; a 3D tileset's header."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON for machines."));
    const QCommandLineOption crsOption(QStringLiteral("project-crs"),
                                       tr("The project CRS for extents (default EPSG:4548)."), tr("crs"),
                                       QString::fromLatin1(data::DefaultProjectCrs));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    parser.addOption(jsonOption);
    parser.addOption(crsOption);
    parser.addOption(langOption);
    parser.addPositionalArgument(tr("SOURCE"), tr("Files or GDAL connection strings to describe."), tr("SOURCE..."));
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments))
    {
        printLine(stderr, tr("citytwin info: %1").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout,
                  parser.helpText().replace(QCoreApplication::applicationFilePath(), QStringLiteral("citytwin info")));
        return 0;
    }
    if (parser.positionalArguments().isEmpty())
    {
        printLine(stderr, tr("citytwin info: name at least one SOURCE"));
        return 2;
    }
    const QString projectCrs = parser.value(crsOption);
    QJsonArray sources;
    int status = 0;
    for (const QString& path : parser.positionalArguments())
    {
        auto info = data::inspectSource(path.toStdString(), projectCrs.toStdString());
        if (!info)
        {
            printLine(stderr, tr("citytwin info: %1").arg(ErrorText::describe(info.error())));
            status = 1;
            continue;
        }
        if (parser.isSet(jsonOption))
            sources.append(toJson(info.value(), projectCrs));
        else
            printHuman(info.value(), projectCrs);
    }
    if (parser.isSet(jsonOption))
    {
        const QJsonDocument document =
            sources.size() == 1 ? QJsonDocument(sources.first().toObject()) : QJsonDocument(sources);
        std::fputs(document.toJson(QJsonDocument::Indented).constData(), stdout);
    }
    return status;
}

} // namespace citytwin::app
