#include "common/compare.hpp"
#include "common/project_fixture.hpp"

#include "data/geo/chinese_coordinates.hpp"
#include "data/io/gpkg_geometry.hpp"
#include "data/incidents/incident_import.hpp"
#include "data/project/layer_import.hpp"
#include "data/project/project_store.hpp"

#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace citytwin;

namespace
{
const QByteArray ChineseHeader = "事件编号,发生时间,事件类型,事件来源,经度,纬度,地址\n";

data::Result<data::ImportReport> importCsv(data::ProjectStore& project, const QString& path, const std::string& crs,
                                           bool strict = false)
{
    data::IncidentImportOptions options;
    options.crs = crs;
    options.strict = strict;
    return data::importIncidents(project, path.toStdString(), options);
}

/// Position of an incident by its external id, in the project CRS.
std::optional<data::Position> positionOf(data::ProjectStore& project, const std::string& externalId)
{
    auto statement = project.database().prepare("SELECT geom FROM incidents WHERE external_id = ?");
    statement->bind(1, externalId);
    if (!statement->step().value())
        return std::nullopt;
    return data::gpkg::decodePoint(statement->columnBlob(0));
}
} // namespace

class TestIncidentImport : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(test::freshProject(mFixture)); }

    void cleanup() { mFixture.reset(); }

    void guessesChineseColumns()
    {
        const auto mapping =
            data::guessFieldMapping({"事件编号", "发生时间", "事件类型", "事件来源", "经度", "纬度", "备注"});
        QCOMPARE(QString::fromStdString(mapping.column("external_id")), QStringLiteral("事件编号"));
        QCOMPARE(QString::fromStdString(mapping.column("reported_at")), QStringLiteral("发生时间"));
        QCOMPARE(QString::fromStdString(mapping.column("category")), QStringLiteral("事件类型"));
        QCOMPARE(QString::fromStdString(mapping.column("source")), QStringLiteral("事件来源"));
        QCOMPARE(QString::fromStdString(mapping.column("x")), QStringLiteral("经度"));
        QCOMPARE(QString::fromStdString(mapping.column("y")), QStringLiteral("纬度"));
        QVERIFY(mapping.column("description").empty());
    }

    /// Published WGS 84 / GCJ-02 pairs (see test_chinese_coordinates): the same places given both ways land
    /// within a metre of each other.
    void gcj02PointsLandWhereTheirWgs84TwinsLand()
    {
        const QString wgs = mFixture->filePath(QStringLiteral("wgs.csv"));
        const QString gcj = mFixture->filePath(QStringLiteral("gcj.csv"));
        QVERIFY(test::writeFile(wgs, ChineseHeader + "W1,2024-03-05 14:23,占道经营,网格员,116.404,39.915,\n"
                                                     "W2,2024-03-05 14:24,垃圾暴露,市民APP,116.0,40.0,\n"));
        QVERIFY(test::writeFile(gcj, ChineseHeader +
                                         "G1,2024-03-05 14:23,占道经营,网格员,116.41024449916938,39.91640428150164,\n"
                                         "G2,2024-03-05 14:24,垃圾暴露,市民APP,116.006141221789,40.001213650174,\n"));
        auto fromWgs = importCsv(mFixture->store(), wgs, "EPSG:4326");
        auto fromGcj = importCsv(mFixture->store(), gcj, "gcj02");
        QVERIFY2(fromWgs.ok() && fromGcj.ok(), fromWgs.ok() ? (fromGcj.ok() ? "" : fromGcj.error().message().c_str())
                                                            : fromWgs.error().message().c_str());
        QCOMPARE(fromWgs->rowsImported, 2);
        QCOMPARE(fromGcj->rowsImported, 2);
        for (const auto& [w, g] : {std::pair{"W1", "G1"}, std::pair{"W2", "G2"}})
        {
            const auto a = positionOf(mFixture->store(), w);
            const auto b = positionOf(mFixture->store(), g);
            QVERIFY(a && b);
            const double metres = std::hypot(a->x - b->x, a->y - b->y);
            qInfo("%s vs %s: %.4f m apart", w, g, metres);
            QVERIFY2(metres < 1.0, qPrintable(QStringLiteral("%1 vs %2: %3 m").arg(w, g).arg(metres)));
        }
    }

    void bd09PointsLandToo()
    {
        const data::LonLat wgs{118.18, 39.65};
        const data::LonLat bd = data::chinese::wgs84ToBd09(wgs);
        const QString path = mFixture->filePath(QStringLiteral("bd.csv"));
        QVERIFY(test::writeFile(path, ChineseHeader + "B1,2024-03-05 14:23,噪音扰民,12345热线," +
                                          QByteArray::number(bd.lon, 'f', 12) + "," +
                                          QByteArray::number(bd.lat, 'f', 12) + ",\n"));
        QVERIFY(importCsv(mFixture->store(), path, "bd09").ok());
        const auto p = positionOf(mFixture->store(), "B1");
        QVERIFY(p.has_value());
        CITYTWIN_COMPARE_NEAR(p->x, 601278.6678, 0.01);
        CITYTWIN_COMPARE_NEAR(p->y, 4391333.6145, 0.01);
    }

    void rejectsBadRowsWithReasons()
    {
        const QString path = mFixture->filePath(QStringLiteral("bad.csv"));
        QVERIFY(test::writeFile(path, "事件编号,发生时间,事件类型,事件来源,经度,纬度,结案时间\n"
                                      "1,2024-03-05 14:23,占道经营,网格员,118.18,39.65,\n"
                                      "2,2024-13-05 14:23,占道经营,网格员,118.18,39.65,\n"
                                      "3,2024-03-05 14:23,飞碟降落,网格员,118.18,39.65,\n"
                                      "4,2024-03-05 14:23,占道经营,网格员,,39.65,\n"
                                      "5,2024-03-05 14:23,占道经营,网格员,2.35,48.85,\n"
                                      "6,2024-03-05 14:23,占道经营,外星人,118.18,39.65,\n"
                                      "7,2024-03-05 14:23,占道经营,网格员,118.18,39.65,2024-03-01 10:00\n"
                                      "8,2024-03-05 14:23,illegal_parking,camera_ai,118.18,39.65,2024-03-05 18:00\n"));
        auto report = importCsv(mFixture->store(), path, "EPSG:4326");
        QVERIFY(report.ok());
        QCOMPARE(report->rowsRead, 8);
        QCOMPARE(report->rowsImported, 2);
        QVERIFY(report->committed);
        const std::vector<std::pair<std::int64_t, data::RejectReason>> expected = {
            {2, data::RejectReason::BadDate},       {3, data::RejectReason::UnknownCategory},
            {4, data::RejectReason::BadLocation},   {5, data::RejectReason::OutsideDistrict},
            {6, data::RejectReason::UnknownSource}, {7, data::RejectReason::TimesOutOfOrder}};
        QCOMPARE(report->rejections.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
        {
            QCOMPARE(report->rejections[i].row, expected[i].first);
            QCOMPARE(report->rejections[i].reason, expected[i].second);
        }
        // Row 8: the status follows from the times when there is no status column.
        auto statement = mFixture->store().database().prepare(
            "SELECT status, category, source FROM incidents WHERE external_id = '8'");
        QVERIFY(statement->step().value());
        QCOMPARE(statement->columnText(0), std::string("closed"));
        QCOMPARE(statement->columnText(1), std::string("illegal_parking"));
        QCOMPARE(statement->columnText(2), std::string("camera_ai"));
    }

    void strictImportsNothingWhenARowIsBad()
    {
        const QString path = mFixture->filePath(QStringLiteral("strict.csv"));
        QVERIFY(test::writeFile(path, ChineseHeader + "S1,2024-03-05 14:23,占道经营,网格员,118.18,39.65,\n"
                                                      "S2,not a date,占道经营,网格员,118.18,39.65,\n"));
        auto report = importCsv(mFixture->store(), path, "EPSG:4326", true);
        QVERIFY(report.ok());
        QVERIFY(!report->committed);
        QCOMPARE(report->rejections.size(), std::size_t(1));
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM incidents"), 0);
    }

    void reimportingTheSameCasesAddsNothing()
    {
        const QString path = mFixture->filePath(QStringLiteral("again.csv"));
        QVERIFY(test::writeFile(path, ChineseHeader + "R1,2024-03-05 14:23,占道经营,网格员,118.18,39.65,\n"
                                                      "R2,2024-03-05 14:25,占道经营,网格员,118.181,39.65,\n"));
        QCOMPARE(importCsv(mFixture->store(), path, "EPSG:4326")->rowsImported, 2);
        auto second = importCsv(mFixture->store(), path, "EPSG:4326");
        QCOMPARE(second->rowsImported, 0);
        QCOMPARE(second->rejections.size(), std::size_t(2));
        QCOMPARE(second->rejections[0].reason, data::RejectReason::Duplicate);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM incidents"), 2);
        // Stable integer ids equal the fids.
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM incidents WHERE id = fid"), 2);
    }

    void undeclaredCoordinatesAreRefusedWithAGuess()
    {
        const QString path = mFixture->filePath(QStringLiteral("nocrs.csv"));
        QVERIFY(test::writeFile(path, ChineseHeader + "N1,2024-03-05 14:23,占道经营,网格员,118.18,39.65,\n"));
        auto report = importCsv(mFixture->store(), path, "");
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, data::ErrorCode::CrsMissing);
        QVERIFY(report.error().detail.find("--crs EPSG:4326") != std::string::npos);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM incidents"), 0);
    }

    void spatialJoinFillsGridAndCommunity()
    {
        // Two grids side by side (ids 11 and 12) in one community (id 7), inside a district square.
        const QString grids = mFixture->filePath(QStringLiteral("grids.geojson"));
        const QString communities = mFixture->filePath(QStringLiteral("communities.geojson"));
        const QString district = mFixture->filePath(QStringLiteral("district.geojson"));
        QVERIFY(test::writeFile(grids, test::featureCollection({test::squareFeature(11, 601000, 4391000, 100),
                                                                test::squareFeature(12, 601100, 4391000, 100)})));
        QVERIFY(test::writeFile(communities, test::featureCollection({test::squareFeature(7, 601000, 4391000, 200)})));
        QVERIFY(test::writeFile(district, test::featureCollection({test::squareFeature(1, 600000, 4390000, 3000)})));
        for (const auto& [file, name] :
             {std::pair{grids, "grids"}, std::pair{communities, "communities"}, std::pair{district, "district"}})
            QVERIFY(data::importLayer(mFixture->store(), file.toStdString(), {.targetName = name}).ok());

        const QString path = mFixture->filePath(QStringLiteral("join.csv"));
        QVERIFY(test::writeFile(path, "id,time,type,x,y\n"
                                      "J1,2024-03-05 14:23,noise,601050,4391050\n"
                                      "J2,2024-03-05 14:23,noise,601150,4391050\n"
                                      "J3,2024-03-05 14:23,noise,601100,4391050\n"    // on the shared edge
                                      "J4,2024-03-05 14:23,noise,602500,4392500\n"    // in the district, no grid
                                      "J5,2024-03-05 14:23,noise,605000,4395000\n")); // outside the district
        data::IncidentImportOptions options;
        options.crs = "EPSG:4548";
        options.mapping.defaults["source"] = "hotline";
        options.mapping.columns = {
            {"external_id", "id"}, {"reported_at", "time"}, {"category", "type"}, {"x", "x"}, {"y", "y"}};
        auto report = data::importIncidents(mFixture->store(), path.toStdString(), options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->rowsImported, 4);
        QCOMPARE(report->rejections.size(), std::size_t(1));
        QCOMPARE(report->rejections[0].reason, data::RejectReason::OutsideDistrict);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT grid_id FROM incidents WHERE external_id = 'J1'"), 11);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT grid_id FROM incidents WHERE external_id = 'J2'"), 12);
        // The shared edge x = 601100 belongs to exactly one grid (the one to its right, by the edge rule).
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT grid_id FROM incidents WHERE external_id = 'J3'"), 12);
        QCOMPARE(test::queryInt(mFixture->store(),
                                "SELECT count(*) FROM incidents WHERE external_id = 'J4' AND grid_id IS NULL"),
                 1);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT community_id FROM incidents WHERE external_id = 'J1'"), 7);
        QCOMPARE(report->rowsWithGrid, 3);
    }

    void readsSpreadsheets()
    {
        const QString path = mFixture->filePath(QStringLiteral("events.xlsx"));
        {
            GDALAllRegister();
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
            QVERIFY(driver);
            std::unique_ptr<GDALDataset> book(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
            QVERIFY(book);
            OGRLayer* sheet = book->CreateLayer("事件", nullptr, wkbNone, nullptr);
            for (const char* name : {"发生时间", "事件类型", "经度", "纬度"})
            {
                OGRFieldDefn field(name, OFTString);
                sheet->CreateField(&field);
            }
            OGRFeature row(sheet->GetLayerDefn());
            row.SetField(0, "2024-03-05 14:23:00");
            row.SetField(1, "垃圾满溢");
            row.SetField(2, "118.18");
            row.SetField(3, "39.65");
            QVERIFY(sheet->CreateFeature(&row) == OGRERR_NONE);
        }
        data::IncidentImportOptions options;
        options.crs = "EPSG:4326";
        options.mapping = data::guessFieldMapping({"发生时间", "事件类型", "经度", "纬度"});
        options.mapping.defaults["source"] = "grid_inspector";
        auto report = data::importIncidents(mFixture->store(), path.toStdString(), options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->rowsImported, 1);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM incidents WHERE category = 'overflowing_bin'"),
                 1);
    }

    void gbkCsvIsDecoded()
    {
        const QString path = mFixture->filePath(QStringLiteral("gbk.csv"));
        // "发生时间,事件类型,经度,纬度\n2024-03-05 14:23,噪音扰民,118.18,39.65\n" in GBK.
        QByteArray bytes = QByteArray::fromHex("b7a2c9facab1bce42ccac2bcfec0e0d0cd2cbeadb6c82cceb3b6c80a");
        bytes += "2024-03-05 14:23," + QByteArray::fromHex("d4ebd2f4c8c5c3f1") + ",118.18,39.65\n";
        QVERIFY(test::writeFile(path, bytes));
        data::IncidentImportOptions options;
        options.crs = "EPSG:4326";
        options.mapping.defaults["source"] = "hotline";
        auto report = data::importIncidents(mFixture->store(), path.toStdString(), options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        QCOMPARE(report->rowsImported, 1);
        QCOMPARE(test::queryInt(mFixture->store(), "SELECT count(*) FROM incidents WHERE category = 'noise'"), 1);
    }

    void categoryMonthGridQueryUsesAnIndex()
    {
        auto plan = mFixture->store().database().prepare(
            "EXPLAIN QUERY PLAN SELECT grid_id, count(*) FROM incidents WHERE category = ? AND reported_at >= ? "
            "AND reported_at < ? GROUP BY grid_id");
        QVERIFY(plan.ok());
        plan->bind(1, "street_vending").bind(2, "2024-03-01").bind(3, "2024-04-01");
        QString text;
        while (plan->step().value())
            text += QString::fromStdString(plan->columnText(3)) + '\n';
        QVERIFY2(text.contains(QStringLiteral("USING COVERING INDEX incidents_category_time")), qPrintable(text));
    }

    void missingReportTimeColumnIsAClearError()
    {
        const QString path = mFixture->filePath(QStringLiteral("odd.csv"));
        QVERIFY(test::writeFile(path, "foo,bar\n1,2\n"));
        auto report = importCsv(mFixture->store(), path, "EPSG:4326");
        QVERIFY(!report.ok());
        QVERIFY(report.error().detail.find("foo, bar") != std::string::npos);
        QCOMPARE(report.error().path, path.toStdString());
    }

    void brokenCsvLineDoesNotCrash()
    {
        const QString path = mFixture->filePath(QStringLiteral("broken.csv"));
        QVERIFY(test::writeFile(path, ChineseHeader + "K1,2024-03-05 14:23,占道经营,网格员,118.18,39.65,\n"
                                                      "K2,\"2024-03-05 14:23,占道经营,网格员,118.18\n"
                                                      "K3,2024-03-05 14:23,占道经营,网格员,118.18,39.65,\n"));
        auto report = importCsv(mFixture->store(), path, "EPSG:4326");
        QVERIFY(report.ok());
        QVERIFY(report->rowsImported >= 1);
        QCOMPARE(report->rowsImported + static_cast<std::int64_t>(report->rejections.size()), report->rowsRead);
    }

private:
    std::unique_ptr<test::TemporaryProject> mFixture;
};

QTEST_GUILESS_MAIN(TestIncidentImport)
#include "test_incident_import.moc"
