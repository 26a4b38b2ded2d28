#include "data/io/sqlite_database.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"
#include "data/sample/sample_writer.hpp"

#include <algorithm>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include <QTemporaryDir>
#include <QTest>

using namespace citytwin::data;

namespace
{
/// A table of schema.hpp: its name, its listed columns and whether it is a feature table (fid and geom first).
struct DeclaredTable
{
    const char* table;
    std::span<const char* const> columns;
    bool features;
};

template <std::size_t Count>
DeclaredTable declared(const char* table, const char* const (&columns)[Count], bool features)
{
    return {table, std::span<const char* const>(columns, Count), features};
}

/// Every table of schema.hpp but the rasters.
std::vector<DeclaredTable> declaredTables()
{
    using namespace schema;
    return {
        declared(grids::Table, grids::Columns, true),
        declared(communities::Table, communities::Columns, true),
        declared(streets::Table, streets::Columns, true),
        declared(district::Table, district::Columns, true),
        declared(roads::Table, roads::Columns, true),
        declared(river::Table, river::Columns, true),
        declared(buildings::Table, buildings::Columns, true),
        declared(stations::Table, stations::Columns, true),
        declared(cameras::Table, cameras::Columns, true),
        declared(party_orgs::Table, party_orgs::Columns, true),
        declared(party_links::Table, party_links::Columns, true),
        declared(incidents::Table, incidents::Columns, true),
        declared(citytwin_meta::Table, citytwin_meta::Columns, false),
        declared(citytwin_bookmarks::Table, citytwin_bookmarks::Columns, false),
        declared(citytwin_tours::Table, citytwin_tours::Columns, false),
        declared(citytwin_tour_stops::Table, citytwin_tour_stops::Columns, false),
        declared(citytwin_filters::Table, citytwin_filters::Columns, false),
        declared(citytwin_field_mappings::Table, citytwin_field_mappings::Columns, false),
        declared(citytwin_report_settings::Table, citytwin_report_settings::Columns, false),
        declared(citytwin_report_templates::Table, citytwin_report_templates::Columns, false),
        declared(citytwin_incident_categories::Table, citytwin_incident_categories::Columns, false),
        declared(citytwin_imports::Table, citytwin_imports::Columns, false),
    };
}

/// The columns of a table as the file has them, in order.
std::vector<std::string> columnsOf(Database& database, const std::string& table)
{
    std::vector<std::string> columns;
    auto statement = database.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    if (!statement)
        return columns;
    statement->bind(1, table);
    if (!statement->forEachRow([&columns](const Statement& row) { columns.push_back(row.columnText(0)); }))
        return {};
    return columns;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}
} // namespace

/// schema.hpp against the files: a new project and the sample have exactly the tables and columns it names.
class TestSchema : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDirectory.isValid());
        mSamplePath = mDirectory.filePath(QStringLiteral("sample.gpkg")).toStdString();
        QVERIFY(sample::writeSample(mSamplePath, {.scale = 0.1, .terrain = false}).ok());
    }

    void sampleHasTheDeclaredTablesAndColumns()
    {
        auto project = ProjectStore::open(mSamplePath, {.create = false});
        QVERIFY(project.ok());
        for (const DeclaredTable& table : declaredTables())
        {
            std::vector<std::string> expected;
            if (table.features)
                expected = {schema::FeatureId, schema::Geometry};
            expected.insert(expected.end(), table.columns.begin(), table.columns.end());
            const std::vector<std::string> found = columnsOf(project->database(), table.table);
            QVERIFY2(found == expected,
                     (std::string(table.table) + ": " + joined(found) + " instead of " + joined(expected)).c_str());
        }
    }

    void newProjectHasTheIncidentTableAndOurs()
    {
        const std::string path = mDirectory.filePath(QStringLiteral("new.gpkg")).toStdString();
        auto project = ProjectStore::open(path);
        QVERIFY(project.ok());
        for (const DeclaredTable& table : declaredTables())
        {
            const std::vector<std::string> found = columnsOf(project->database(), table.table);
            const bool ours = std::string(table.table) == schema::incidents::Table || !table.features;
            QVERIFY2(found.empty() != ours, table.table);
        }
        QVERIFY(project->srsIdOf(schema::incidents::Table).ok());
    }

    void everyFeatureTableIsDeclared()
    {
        auto project = ProjectStore::open(mSamplePath, {.create = false});
        QVERIFY(project.ok());
        std::vector<std::string> declaredNames;
        for (const DeclaredTable& table : declaredTables())
            declaredNames.emplace_back(table.table);
        for (const std::string& table : project->featureTables())
            QVERIFY2(std::find(declaredNames.begin(), declaredNames.end(), table) != declaredNames.end(),
                     table.c_str());
    }

private:
    QTemporaryDir mDirectory;
    std::string mSamplePath;
};

QTEST_GUILESS_MAIN(TestSchema)
#include "test_schema.moc"
