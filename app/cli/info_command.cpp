#include "app/cli/info_command.hpp"

#include "app/cli/cli_output.hpp"
#include "app/cli/table_column_options.hpp"
#include "app/common/error_text.hpp"
#include "app/common/scene_sources.hpp"

#include "data/io/citygml_source.hpp"
#include "data/io/source_info.hpp"
#include "data/io/vector_source.hpp"

#include <algorithm>

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
        QJsonArray notes;
        for (const auto& note : layer.notes)
            notes.append(QJsonObject{{"value", qs(note.value)}, {"detail", qs(note.detail)}});
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
                        {"features_without_geometry", static_cast<qint64>(layer.featuresWithoutGeometry)},
                        {"notes", notes},
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
        for (const data::LayerWarning& note : layer.notes)
            printLine(stdout, InfoCommand::tr("  Note: %1").arg(ErrorText::describeWarning(qs(layer.name), note)));
        if (!layer.coordinatesOutsideCrs.empty())
            printLine(stdout, InfoCommand::tr("  Warning: %1").arg(qs(layer.coordinatesOutsideCrs)));
        if (layer.featureCount == 0)
            printLine(stdout, InfoCommand::tr("  Note: the layer is empty: nothing to show or import"));
        else if (layer.featuresWithoutGeometry == layer.featureCount && layer.geometryType == "None")
            printLine(stdout, InfoCommand::tr("  Note: none of the %n feature(s) has a geometry: nothing to "
                                              "show (a table without coordinate columns? --x-field, "
                                              "--y-field or --geometry-field name them)",
                                              nullptr, static_cast<int>(layer.featureCount)));
        else if (layer.featuresWithoutGeometry == layer.featureCount)
            printLine(stdout, InfoCommand::tr("  Note: none of the %n feature(s) has a geometry GDAL could read "
                                              "(damaged or unknown geometries): nothing to show",
                                              nullptr, static_cast<int>(layer.featureCount)));
        else if (layer.featuresWithoutGeometry > 0)
            printLine(stdout, InfoCommand::tr("  Note: %n feature(s) have no geometry", nullptr,
                                              static_cast<int>(layer.featuresWithoutGeometry)));
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
        if (t.format == "ContextCapture")
        {
            const auto extent = obliqueProjectExtent(qs(info.path), projectCrs.toStdString());
            if (extent)
                printLine(stdout, InfoCommand::tr("  Extent in %1: %2").arg(projectCrs, extentText(extent.value())));
            else
                printLine(stdout, InfoCommand::tr("  Warning: no extent: %1").arg(ErrorText::describe(extent.error())));
        }
    }
    if (info.layers.empty() && !info.raster && !info.tileset)
        printLine(stdout, InfoCommand::tr("No layers."));
}
/// Prints what a CityGML file holds (read with libcitygml; GDAL's GML driver does not assemble it); returns the exit
/// status.
int printCityGml(const QString& path, const QString& crs, const QString& projectCrs, bool json)
{
    auto city = data::readCityGml(path.toStdString(), crs.toStdString());
    if (!city)
    {
        printLine(stderr, InfoCommand::tr("citytwin info: %1").arg(ErrorText::describe(city.error())));
        return 1;
    }
    const data::CityGmlModel& model = city.value();
    QStringList lods, surfaces, others;
    for (const int lod : model.lods())
        lods << QString::number(lod);
    for (const auto& [kind, count] : model.surfaceCounts())
        surfaces << QStringLiteral("%1 %2").arg(count).arg(QString::fromLatin1(data::surfaceKindName(kind)));
    for (const auto& [type, count] : model.otherObjects)
        others << QStringLiteral("%1 %2").arg(count).arg(qs(type));
    const QString crsLine = model.crs.empty()
                                ? InfoCommand::tr("none usable (%1); --crs EPSG:n sets it").arg(qs(model.crsProblem))
                                : QStringLiteral("%1 (%2)%3")
                                      .arg(qs(model.crs), qs(model.crsName),
                                           model.crsDeclared.empty()
                                               ? QString()
                                               : InfoCommand::tr(", horizontal part of %1").arg(qs(model.crsDeclared)));
    const data::Extent projectExtent = data::cityGmlExtentIn(model, projectCrs.toStdString());
    if (json)
    {
        std::fputs(QJsonDocument(QJsonObject{{"path", path},
                                             {"format", QStringLiteral("CityGML %1").arg(qs(model.version))},
                                             {"srs_name", qs(model.srsName)},
                                             {"crs", model.crs.empty() ? QJsonValue::Null : QJsonValue(qs(model.crs))},
                                             {"crs_problem", qs(model.crsProblem)},
                                             {"buildings", model.buildingCount()},
                                             {"building_parts", model.partCount()},
                                             {"lods", lods.join(QLatin1Char(','))},
                                             {"surfaces", surfaces.join(QStringLiteral(", "))},
                                             {"extent", extentJson(model.extent)},
                                             {"project_crs", projectCrs},
                                             {"project_extent", extentJson(projectExtent)}})
                       .toJson(QJsonDocument::Indented)
                       .constData(),
                   stdout);
        return 0;
    }
    printLine(stdout, InfoCommand::tr("Source: %1").arg(path));
    printLine(stdout, InfoCommand::tr("Format: CityGML %1 (read with libcitygml)").arg(qs(model.version)));
    printLine(stdout,
              InfoCommand::tr("  Buildings: %1, building parts: %2").arg(model.buildingCount()).arg(model.partCount()));
    printLine(
        stdout,
        InfoCommand::tr("  LoDs: %1").arg(lods.isEmpty() ? InfoCommand::tr("none") : lods.join(QStringLiteral(", "))));
    printLine(stdout, InfoCommand::tr("  Surfaces (polygons) by type: %1")
                          .arg(surfaces.isEmpty() ? InfoCommand::tr("none") : surfaces.join(QStringLiteral(", "))));
    if (!others.isEmpty())
        printLine(stdout,
                  InfoCommand::tr("  Other city objects (not shown): %1").arg(others.join(QStringLiteral(", "))));
    printLine(
        stdout,
        InfoCommand::tr("  srsName: %1").arg(model.srsName.empty() ? InfoCommand::tr("none") : qs(model.srsName)));
    printLine(stdout, InfoCommand::tr("  CRS: %1").arg(crsLine));
    printLine(stdout, InfoCommand::tr("  Extent: %1 (heights %2 to %3 m)")
                          .arg(extentText(model.extent))
                          .arg(model.minZ, 0, 'f', 2)
                          .arg(model.maxZ, 0, 'f', 2));
    if (!model.crs.empty())
        printLine(stdout, InfoCommand::tr("  Extent in %1: %2").arg(projectCrs, extentText(projectExtent)));
    for (const std::string& warning : model.warnings)
        printLine(stdout, InfoCommand::tr("  Note: %1").arg(qs(warning)));
    if (model.buildings.empty())
        printLine(stdout, InfoCommand::tr("  Nothing to show: the CityModel holds no buildings."));
    return 0;
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
    const QCommandLineOption cityCrsOption(
        QStringLiteral("crs"), tr("The CRS of CityGML files that declare none, or one that is not recognised."),
        tr("crs"));
    parser.addOption(cityCrsOption);
    parser.addOption(langOption);
    const TableColumnOptions columnOptions;
    columnOptions.addTo(parser);
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
    if (const QString problem = columnOptions.problem(parser); !problem.isEmpty())
    {
        printLine(stderr, tr("citytwin info: %1").arg(problem));
        return 2;
    }
    const QString projectCrs = parser.value(crsOption);
    QJsonArray sources;
    int status = 0;
    for (const QString& path : parser.positionalArguments())
    {
        if (isCityGml(path))
        {
            status =
                std::max(status, printCityGml(path, parser.value(cityCrsOption), projectCrs, parser.isSet(jsonOption)));
            continue;
        }
        auto info = data::inspectSource(path.toStdString(), projectCrs.toStdString(), columnOptions.columns(parser));
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
