#include "data/io/packed_rtree.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <set>

using namespace citytwin::data;

namespace
{
struct Box
{
    double minX, maxX, minY, maxY;
};

/// Boxes around Gauss-Krueger coordinates (where single precision rounds to 0.5 m), some points, some wide.
std::vector<Box> randomBoxes(std::size_t count, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> x(500000.0, 520000.0), y(4380000.0, 4400000.0), size(0.0, 80.0);
    std::vector<Box> boxes;
    for (std::size_t i = 0; i < count; ++i)
    {
        const double x0 = x(random), y0 = y(random);
        const double w = i % 3 == 0 ? 0.0 : size(random), h = i % 3 == 0 ? 0.0 : size(random);
        boxes.push_back({x0, x0 + w, y0, y0 + h});
    }
    return boxes;
}

Database openWithRtree(const QTemporaryDir& dir, const char* name)
{
    auto database = Database::open(dir.filePath(QString::fromLatin1(name)).toStdString(), Database::Mode::ReadWriteCreate);
    if (!database)
        qFatal("%s", database.error().message().c_str());
    if (!database->exec("CREATE VIRTUAL TABLE rtree_t_geom USING rtree(id, minx, maxx, miny, maxy)"))
        qFatal("no rtree module");
    return std::move(database.value());
}

std::vector<RtreeEntry> entriesOf(const std::vector<Box>& boxes)
{
    std::vector<RtreeEntry> entries;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        entries.push_back(RtreeEntry::ofBox(static_cast<std::int64_t>(i + 1), boxes[i].minX, boxes[i].maxX,
                                            boxes[i].minY, boxes[i].maxY));
    return entries;
}

std::string check(Database& database)
{
    auto statement = database.prepare("SELECT rtreecheck('rtree_t_geom')");
    if (!statement || !statement->step().value_or(false))
        return "rtreecheck failed to run";
    return statement->columnText(0);
}

/// The ids the R*Tree finds in a window, through SQLite's own R*Tree module.
std::set<std::int64_t> found(Database& database, const Box& window)
{
    auto statement = database.prepare(
        "SELECT id FROM rtree_t_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?");
    std::set<std::int64_t> ids;
    if (!statement)
        return ids;
    (void)statement->bind(1, window.maxX).bind(2, window.minX).bind(3, window.maxY).bind(4, window.minY)
        .forEachRow([&ids](const Statement& row) { ids.insert(row.columnInt64(0)); });
    return ids;
}

/// The ids whose boxes (as double) meet a window.
std::set<std::int64_t> meeting(const std::vector<Box>& boxes, const Box& window)
{
    std::set<std::int64_t> ids;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].minX <= window.maxX && boxes[i].maxX >= window.minX && boxes[i].minY <= window.maxY &&
            boxes[i].maxY >= window.minY)
            ids.insert(static_cast<std::int64_t>(i + 1));
    return ids;
}
} // namespace

/// The packed R*Tree writer: what it writes is a valid SQLite R*Tree (rtreecheck) that finds what it should, for
/// every size from empty to several levels, and that SQLite's module goes on updating.
class TestPackedRtree : public QObject
{
    Q_OBJECT
private slots:
    void boxesRoundOutwards()
    {
        const RtreeEntry entry = RtreeEntry::ofBox(7, 512345.123, 512345.126, 4391234.567, 4391234.567);
        QVERIFY(entry.minX <= 512345.123 && entry.maxX >= 512345.126);
        QVERIFY(entry.minY <= 4391234.567 && entry.maxY >= 4391234.567);
        QVERIFY(entry.maxY - entry.minY <= 1.0f); // one step of single precision there, not more
    }

    void everySizeGivesAValidTreeThatFindsItsBoxes_data()
    {
        QTest::addColumn<int>("count");
        for (int count : {0, 1, 50, 51, 52, 2601, 2602, 40000})
            QTest::addRow("%d", count) << count;
    }

    void everySizeGivesAValidTreeThatFindsItsBoxes()
    {
        QFETCH(int, count);
        QTemporaryDir dir;
        Database database = openWithRtree(dir, "t.sqlite");
        // Something there before, which the packed tree replaces.
        QVERIFY(database.exec("INSERT INTO rtree_t_geom VALUES(999999, 0, 1, 0, 1)").ok());
        const std::vector<Box> boxes = randomBoxes(static_cast<std::size_t>(count), 11);
        QVERIFY(database.exec("BEGIN").ok());
        QVERIFY(writePackedRtree(database, "rtree_t_geom", entriesOf(boxes)).ok());
        QVERIFY(database.exec("COMMIT").ok());
        QCOMPARE(check(database), std::string("ok"));
        QCOMPARE(database.queryInt64("SELECT count(*) FROM rtree_t_geom").value(), std::int64_t{count});
        auto read = readRtree(database, "rtree_t_geom");
        QVERIFY(read.ok());
        QCOMPARE(read->size(), boxes.size());
        std::mt19937 random(5);
        std::uniform_real_distribution<double> x(500000.0, 520000.0), y(4380000.0, 4400000.0), size(10.0, 3000.0);
        for (int i = 0; i < 30; ++i)
        {
            const double x0 = x(random), y0 = y(random);
            const Box window{x0, x0 + size(random), y0, y0 + size(random)};
            const std::set<std::int64_t> expected = meeting(boxes, window);
            const std::set<std::int64_t> actual = found(database, window);
            // The tree's boxes are the rows' rounded outwards: it finds every box that meets, and at most a few
            // that come within half a metre.
            QVERIFY(std::includes(actual.begin(), actual.end(), expected.begin(), expected.end()));
            QVERIFY(actual.size() <= expected.size() + 3);
        }
    }

    void sqliteGoesOnUpdatingThePackedTree()
    {
        QTemporaryDir dir;
        Database database = openWithRtree(dir, "t.sqlite");
        const std::vector<Box> boxes = randomBoxes(20000, 3);
        QVERIFY(database.exec("BEGIN").ok());
        QVERIFY(writePackedRtree(database, "rtree_t_geom", entriesOf(boxes)).ok());
        QVERIFY(database.exec("DELETE FROM rtree_t_geom WHERE id % 7 = 0").ok());
        QVERIFY(database.exec("UPDATE rtree_t_geom SET minx = minx + 100, maxx = maxx + 100 WHERE id % 11 = 0").ok());
        for (int i = 0; i < 5000; ++i)
            QVERIFY(database
                        .exec("INSERT INTO rtree_t_geom VALUES(" + std::to_string(100000 + i) + ", 510000, 510001, " +
                              std::to_string(4390000 + i) + ", " + std::to_string(4390001 + i) + ")")
                        .ok());
        QVERIFY(database.exec("COMMIT").ok());
        QCOMPARE(check(database), std::string("ok"));
        QCOMPARE(database.queryInt64("SELECT count(*) FROM rtree_t_geom").value(),
                 std::int64_t{20000 - 20000 / 7 + 5000});
        auto integrity = database.prepare("PRAGMA integrity_check");
        QVERIFY(integrity.ok() && integrity->step().value_or(false));
        QCOMPARE(integrity->columnText(0), std::string("ok"));
    }

    void duplicateIdsAreRefused()
    {
        QTemporaryDir dir;
        Database database = openWithRtree(dir, "t.sqlite");
        std::vector<RtreeEntry> entries = entriesOf(randomBoxes(10, 1));
        entries.push_back(entries.front());
        auto written = writePackedRtree(database, "rtree_t_geom", entries);
        QVERIFY(!written.ok());
        QVERIFY(written.error().detail.find("duplicate") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPackedRtree)
#include "test_packed_rtree.moc"
