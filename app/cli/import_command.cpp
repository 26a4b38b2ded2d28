#include "app/cli/import_command.hpp"

#include "app/cli/table_column_options.hpp"

#include "app/cli/cli_output.hpp"
#include "app/common/error_text.hpp"

#include "data/incidents/incident_import.hpp"
#include "data/project/layer_import.hpp"
#include "data/project/project_store.hpp"
#include "data/io/vector_source.hpp"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace citytwin::app
{
namespace
{
constexpr int RejectionsShown = 20;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Loads a mapping: a JSON file (then saved in the project under its name), or the name of a saved one.
data::Result<data::FieldMapping> loadMapping(data::ProjectStore& project, const QString& argument)
{
    if (QFileInfo::exists(argument))
    {
        QFile file(argument);
        if (!file.open(QIODevice::ReadOnly))
            return data::Error{data::ErrorCode::OpenFailed, "cannot read the mapping profile", argument.toStdString()};
        const std::string json = file.readAll().toStdString();
        auto mapping = data::parseFieldMapping(json);
        if (!mapping)
            return data::Error{mapping.error().code, mapping.error().detail, argument.toStdString()};
        if (mapping->name.empty())
            mapping->name = QFileInfo(argument).completeBaseName().toStdString();
        if (auto saved = project.saveFieldMapping(mapping->name, data::toJson(mapping.value())); !saved)
            return saved.error();
        return mapping;
    }
    auto saved = project.fieldMapping(argument.toStdString());
    if (!saved)
        return saved.error();
    if (!saved.value())
        return data::Error{data::ErrorCode::InvalidArgument,
                           "no mapping file or saved mapping named '" + argument.toStdString() + "'", project.path()};
    auto mapping = data::parseFieldMapping(*saved.value());
    if (!mapping)
        return data::Error{mapping.error().code,
                           "the saved mapping '" + argument.toStdString() + "' cannot be read: " +
                               mapping.error().detail,
                           project.path()};
    return mapping;
}

bool writeRejections(const QString& path, const data::ImportReport& report)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&file);
    out << "row,reason,detail\n";
    for (const auto& rejection : report.rejections)
    {
        QString detail = qs(rejection.detail);
        detail.replace('"', QStringLiteral("\"\""));
        out << rejection.row << ',' << data::rejectReasonCode(rejection.reason) << ",\"" << detail << "\"\n";
    }
    return true;
}

void printIncidentReport(const data::ImportReport& report, const QString& source)
{
    QStringList reasons;
    for (const auto& [reason, count] : report.countsByReason())
        reasons << QStringLiteral("%1 %2").arg(ErrorText::rejectReason(reason)).arg(count);
    printLine(stdout, ImportCommand::tr("%1: %2 rows read, %3 imported, %4 rejected%5")
                          .arg(source)
                          .arg(report.rowsRead)
                          .arg(report.rowsImported)
                          .arg(report.rejections.size())
                          .arg(reasons.isEmpty() ? QString()
                                                 : QStringLiteral(" (%1)").arg(reasons.join(QStringLiteral(", ")))));
    printLine(stdout, ImportCommand::tr("coordinates taken as %1; %2 rows placed in a grid, %3 in a community")
                          .arg(qs(report.crsUsed))
                          .arg(report.rowsWithGrid)
                          .arg(report.rowsWithCommunity));
    QStringList columns;
    for (const auto& [target, column] : report.mapping.columns)
        columns << QStringLiteral("%1 ← %2").arg(qs(target), qs(column));
    printLine(stdout, ImportCommand::tr("columns: %1").arg(columns.join(QStringLiteral(", "))));
    int shown = 0;
    for (const auto& rejection : report.rejections)
    {
        if (++shown > RejectionsShown)
        {
            printLine(stdout, ImportCommand::tr("… and %1 more (use --report FILE.csv for all)")
                                  .arg(report.rejections.size() - RejectionsShown));
            break;
        }
        printLine(stdout, ImportCommand::tr("  row %1: %2 (%3)")
                              .arg(rejection.row)
                              .arg(ErrorText::rejectReason(rejection.reason), qs(rejection.detail)));
    }
}
/// Removes a project the import created when nothing got into it (an error, --strict refusing): unless keep is set
/// by then, the file and its WAL files go when the guard does (after the project store is closed).
struct NewProjectGuard
{
    QString path;
    bool created = false;
    bool keep = false;
    ~NewProjectGuard()
    {
        if (created && !keep)
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path + suffix);
    }
};

/// Imports a source as a feature table and prints what it did; returns the exit status.
int importAsLayer(data::ProjectStore& project, const QString& projectPath, const QString& sourcePath,
                  const data::LayerImportOptions& options)
{
    auto report = data::importLayer(project, sourcePath.toStdString(), options);
    if (!report)
    {
        printLine(stderr, ImportCommand::tr("citytwin import: %1").arg(ErrorText::describe(report.error())));
        if (report.error().code == data::ErrorCode::CrsMissing)
            printLine(stderr, ImportCommand::tr("citytwin import: --crs EPSG:n says what the coordinates are"));
        return 1;
    }
    for (const data::LayerWarning& note : report->notes)
        printLine(stderr, ImportCommand::tr("citytwin import: note: %1")
                              .arg(ErrorText::describeWarning(qs(report->table), note)));
    if (!report->sourceIdRenamedTo.empty())
        printLine(stderr,
                  ImportCommand::tr("citytwin import: warning: %1's id column is not unique whole numbers: kept as %2, "
                                    "and id numbers the features")
                      .arg(sourcePath, qs(report->sourceIdRenamedTo)));
    if (report->featuresWithoutGeometry > 0)
        printLine(stderr,
                  report->featuresWithoutGeometry == report->featuresRead
                      ? ImportCommand::tr(
                            "citytwin import: warning: none of the %n feature(s) of %1 has a geometry GDAL could "
                            "read (a table without coordinate columns?)",
                            nullptr, static_cast<int>(report->featuresRead))
                            .arg(sourcePath)
                      : ImportCommand::tr("citytwin import: warning: %n feature(s) of %1 have no geometry", nullptr,
                                          static_cast<int>(report->featuresWithoutGeometry))
                            .arg(sourcePath));
    if (report->geometriesSkipped > 0)
        printLine(stderr, ImportCommand::tr("citytwin import: warning: %n feature(s) of %1 skipped: a geometry "
                                            "invalid beyond repair or outside what the CRS can place",
                                            nullptr, static_cast<int>(report->geometriesSkipped))
                              .arg(sourcePath));
    if (report->refused)
    {
        printLine(stderr,
                  ImportCommand::tr("citytwin import: nothing imported: --strict and features without a geometry or "
                                    "with one skipped"));
        return 4;
    }
    printLine(
        stdout,
        ImportCommand::tr(
            "%1: layer %2 in %3: %4 features written (%5 read), %6 geometries repaired, %7 skipped; CRS %8; text %9")
            .arg(sourcePath, qs(report->table), projectPath)
            .arg(report->featuresWritten)
            .arg(report->featuresRead)
            .arg(report->geometriesRepaired)
            .arg(report->geometriesSkipped)
            .arg(qs(report->crsUsed), qs(report->encoding)));
    return 0;
}
} // namespace

int ImportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Copies a source into a project (created when it does not exist). A vector layer becomes a feature "
           "table in the project CRS; with --as incidents the rows go through a field mapping into the incident "
           "table, in one transaction, and rejected rows are reported with the reason."));
    parser.addHelpOption();
    const QCommandLineOption layerOption(QStringLiteral("layer"), tr("The source layer (default: the first)."),
                                         tr("name"));
    const QCommandLineOption asOption(QStringLiteral("as"), tr("What the rows are: 'incidents', or 'layer' (default)."),
                                      tr("kind"), QStringLiteral("layer"));
    const QCommandLineOption mappingOption(
        QStringLiteral("mapping"),
        tr("A field-mapping profile: a JSON file (saved in the project) or the name of a saved one."), tr("profile"));
    const QCommandLineOption crsOption(QStringLiteral("crs"),
                                       tr("The CRS of the source coordinates: EPSG:xxxx, gcj02 or bd09."), tr("crs"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("The table name in the project (layers)."),
                                        tr("table"));
    const QCommandLineOption replaceOption(QStringLiteral("replace"), tr("Replace a table of the same name."));
    const QCommandLineOption strictOption(QStringLiteral("strict"), tr("Import nothing if any row is rejected."));
    const QCommandLineOption reportOption(QStringLiteral("report"), tr("Write every rejected row to this CSV file."),
                                          tr("file"));
    const QCommandLineOption projectCrsOption(QStringLiteral("project-crs"),
                                              tr("The CRS of a new project (default EPSG:4548)."), tr("crs"),
                                              QString::fromLatin1(data::DefaultProjectCrs));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("Print no progress."));
    const QCommandLineOption langOption(QStringLiteral("lang"), tr("Language of messages: zh_CN or en."),
                                        tr("language"));
    for (const auto* option : {&layerOption, &asOption, &mappingOption, &crsOption, &nameOption, &replaceOption,
                               &strictOption, &reportOption, &projectCrsOption, &quietOption, &langOption})
        parser.addOption(*option);
    const TableColumnOptions columnOptions;
    columnOptions.addTo(parser);
    parser.addPositionalArgument(tr("PROJECT"), tr("The project GeoPackage."), tr("PROJECT.gpkg"));
    parser.addPositionalArgument(tr("SOURCE"), tr("The file or GDAL connection string to import."), tr("SOURCE"));

    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments))
    {
        printLine(stderr, tr("citytwin import: %1").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
    {
        printLine(stdout, parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                                    QStringLiteral("citytwin import")));
        return 0;
    }
    if (const QString problem = columnOptions.problem(parser); !problem.isEmpty())
    {
        printLine(stderr, tr("citytwin import: %1").arg(problem));
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    const QString kind = parser.value(asOption);
    if (positional.size() != 2 || (kind != QLatin1String("incidents") && kind != QLatin1String("layer")))
    {
        printLine(stderr, tr("citytwin import: expected PROJECT.gpkg SOURCE and --as incidents|layer"));
        return 2;
    }
    const QString projectPath = positional.at(0);
    const QString sourcePath = positional.at(1);
    if (QFileInfo(projectPath).absoluteFilePath() == QFileInfo(sourcePath).absoluteFilePath())
    {
        printLine(stderr, tr("citytwin import: the project and the source are the same file"));
        return 2;
    }
    const bool quiet = parser.isSet(quietOption);

    // A project this import creates is removed again when nothing gets into it (an error, --strict refusing).
    NewProjectGuard guard{projectPath, !QFileInfo::exists(projectPath)};
    auto project = data::ProjectStore::open(
        projectPath.toStdString(), {.create = true, .projectCrs = parser.value(projectCrsOption).toStdString()});
    if (!project)
    {
        printLine(stderr, tr("citytwin import: %1").arg(ErrorText::describe(project.error())));
        return 1;
    }

    if (kind == QLatin1String("layer"))
    {
        data::LayerImportOptions options;
        options.layerName = parser.value(layerOption).toStdString();
        options.targetName = parser.value(nameOption).toStdString();
        options.crs = parser.value(crsOption).toStdString();
        options.replace = parser.isSet(replaceOption);
        options.strict = parser.isSet(strictOption);
        options.columns = columnOptions.columns(parser);
        if (!quiet)
            options.progress = [](std::int64_t n)
            { printLine(stderr, ImportCommand::tr("citytwin import: %1 features written").arg(n)); };
        const int status = importAsLayer(project.value(), projectPath, sourcePath, options);
        guard.keep = status == 0;
        return status;
    }

    data::IncidentImportOptions options;
    options.layerName = parser.value(layerOption).toStdString();
    options.crs = parser.value(crsOption).toStdString();
    options.strict = parser.isSet(strictOption);
    if (parser.isSet(mappingOption))
    {
        auto mapping = loadMapping(project.value(), parser.value(mappingOption));
        if (!mapping)
        {
            printLine(stderr, tr("citytwin import: %1").arg(ErrorText::describe(mapping.error())));
            return 1;
        }
        options.mapping = mapping.value();
    }
    if (!quiet)
        options.progress = [](const char* phase, std::int64_t rows)
        {
            printLine(stderr, std::string(phase) == "read"
                                  ? ImportCommand::tr("citytwin import: %1 rows read").arg(rows)
                                  : ImportCommand::tr("citytwin import: %1 rows written").arg(rows));
        };
    auto report = data::importIncidents(project.value(), sourcePath.toStdString(), options);
    if (!report)
    {
        printLine(stderr, tr("citytwin import: %1").arg(ErrorText::describe(report.error())));
        return 1;
    }
    printIncidentReport(report.value(), sourcePath);
    if (parser.isSet(reportOption) && !writeRejections(parser.value(reportOption), report.value()))
        printLine(stderr, tr("citytwin import: %1: the report could not be written").arg(parser.value(reportOption)));
    if (!report->committed)
    {
        printLine(stderr, tr("citytwin import: nothing imported: --strict and %n row(s) rejected", nullptr,
                             static_cast<int>(report->rejections.size())));
        return 4;
    }
    guard.keep = true;
    return 0;
}

} // namespace citytwin::app
