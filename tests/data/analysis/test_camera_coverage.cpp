#include "common/required_data.hpp"
#include "common/sample_layer.hpp"
#include "data/analysis/camera_coverage.hpp"

#include "common/compare.hpp"
#include "data/analysis/coverage.hpp"
#include "data/geo/polygon_index.hpp"
#include "data/io/vector_source.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <numbers>
#include <random>

#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

using namespace citytwin;

namespace
{
data::Ring square(double x0, double y0, double x1, double y1)
{
    return {{x0, y0, 0.0}, {x1, y0, 0.0}, {x1, y1, 0.0}, {x0, y1, 0.0}};
}

/// A polygon layer of rectangles {x0, y0, x1, y1} with an `id` field counting from firstId.
data::VectorLayer rectangles(const std::vector<std::array<double, 4>>& boxes, int firstId = 1)
{
    data::VectorLayer layer;
    layer.kind = data::GeometryKind::Polygon;
    layer.fieldNames = {"id"};
    for (const auto& box : boxes)
    {
        data::Feature feature;
        feature.polygons.push_back({{square(box[0], box[1], box[2], box[3])}});
        feature.values = {std::to_string(firstId++)};
        layer.features.push_back(feature);
    }
    return layer;
}

data::CameraRecord camera(double x, double y, double heading, double fov, double range)
{
    data::CameraRecord record;
    record.id = 1;
    record.x = x;
    record.y = y;
    record.heading = heading;
    record.fov = fov;
    record.range = range;
    return record;
}

/// Checks that no part of the view lies inside a building: the centroid of each fan triangle and a point just short
/// of each ray's end must be outside every footprint (a view is star-shaped around its camera).
bool viewAvoidsBuildings(const data::CameraView& view, const data::PolygonIndex& buildings, QString& where)
{
    const data::Ring& p = view.polygon;
    for (std::size_t k = 1; k + 1 < p.size(); ++k)
    {
        const double cx = (p[0].x + p[k].x + p[k + 1].x) / 3.0, cy = (p[0].y + p[k].y + p[k + 1].y) / 3.0;
        const double length = std::hypot(p[k].x - p[0].x, p[k].y - p[0].y);
        const double f = length > 0.0 ? std::max(0.0, 1.0 - 1e-3 / length) : 0.0;
        for (const auto& [x, y] :
             {std::pair{cx, cy}, std::pair{p[0].x + f * (p[k].x - p[0].x), p[0].y + f * (p[k].y - p[0].y)}})
            if (buildings.find(x, y))
            {
                where = QStringLiteral("camera %1: (%2, %3) in building %4")
                            .arg(view.cameraId)
                            .arg(x, 0, 'f', 3)
                            .arg(y, 0, 'f', 3)
                            .arg(*buildings.find(x, y));
                return false;
            }
    }
    return true;
}

} // namespace

/// Camera views cut by buildings, and the share of each grid's open ground and streets in view.
class TestCameraCoverage : public QObject
{
    Q_OBJECT
private slots:
    void openConeIsASector()
    {
        const data::ViewshedCaster caster(data::VectorLayer{});
        const data::CameraView view = caster.view(camera(1000.0, 2000.0, 0.0, 90.0, 10.0));
        // Chords every degree: area 0.5 r^2 n sin(1°) with n = 90, 0.005 % under the sector's pi r^2 / 4.
        CITYTWIN_COMPARE_NEAR(view.area, 0.5 * 100.0 * 90.0 * std::sin(std::numbers::pi / 180.0), 1e-9);
        QCOMPARE(view.polygon.size(), std::size_t(92));
        QCOMPARE(view.polygon.front().x, 1000.0);
        // The cone opens from north-west (bearing -45°) to north-east (+45°), clockwise.
        CITYTWIN_COMPARE_NEAR(view.polygon[1].x, 1000.0 - 10.0 * std::sqrt(0.5), 1e-9);
        CITYTWIN_COMPARE_NEAR(view.polygon.back().x, 1000.0 + 10.0 * std::sqrt(0.5), 1e-9);
        for (std::size_t i = 1; i < view.polygon.size(); ++i)
            CITYTWIN_COMPARE_NEAR(std::hypot(view.polygon[i].x - 1000.0, view.polygon[i].y - 2000.0), 10.0, 1e-9);
        QVERIFY(caster.view(camera(0, 0, 0, 0, 10)).polygon.empty());
        QVERIFY(caster.view(camera(0, 0, 0, 90, 0)).polygon.empty());
    }

    void buildingBlocksHalfTheCone()
    {
        // Looking east (bearings 45° to 135°), 20 m. A building from x = 10 northwards blocks the northern half:
        // what is left there is the triangle (0, 0), (10, 10), (10, 0) of 50 m²; the southern half is a 45° sector.
        const data::ViewshedCaster caster(rectangles({{10.0, 0.0, 12.0, 30.0}}), 0.5);
        const data::CameraView view = caster.view(camera(0.0, 0.0, 90.0, 90.0, 20.0));
        const double southern = 0.5 * 400.0 * 90.0 * std::sin(0.5 * std::numbers::pi / 180.0); // 90 chords of 0.5°
        CITYTWIN_COMPARE_NEAR(view.area, 50.0 + southern, 1e-3);
        for (const data::Position& p : view.polygon)
            QVERIFY2(!(p.x > 10.0 + 1e-6 && p.y > 1e-6), qPrintable(QStringLiteral("%1 %2").arg(p.x).arg(p.y)));
        // Without the building the cone is twice the southern half.
        const data::CameraView open = data::ViewshedCaster(data::VectorLayer{}, 0.5).view(camera(0, 0, 90, 90, 20));
        CITYTWIN_COMPARE_NEAR(open.area, 2.0 * southern, 1e-9);
    }

    void cameraOnItsBuildingSeesOverIt()
    {
        const data::ViewshedCaster caster(rectangles({{-1.0, -1.0, 1.0, 1.0}, {-5.0, -120.0, 5.0, -110.0}}));
        const double sector = 0.5 * 100.0 * 90.0 * std::sin(std::numbers::pi / 180.0);
        // Inside a footprint: mounted on that building, it sees over it.
        CITYTWIN_COMPARE_NEAR(caster.view(camera(0.0, 0.0, 0.0, 90.0, 10.0)).area, sector, 1e-9);
        // On the north wall of the other one, looking north, away from it: the whole cone.
        CITYTWIN_COMPARE_NEAR(caster.view(camera(0.0, -110.0, 0.0, 90.0, 10.0)).area, sector, 1e-9);
        // Looking south from there, into the wall: nothing but the wall's own line.
        QVERIFY(caster.view(camera(0.0, -110.0, 180.0, 90.0, 10.0)).area < 1e-6);
        // The same on the south wall (which a point-in-polygon test counts as inside): away sees all, in nothing.
        CITYTWIN_COMPARE_NEAR(caster.view(camera(0.0, -120.0, 180.0, 90.0, 10.0)).area, sector, 1e-9);
        QVERIFY(caster.view(camera(0.0, -120.0, 0.0, 90.0, 10.0)).area < 1e-6);
    }

    void viewsNeverEnterBuildings()
    {
        // A 10 x 10 block of 12 m buildings on a 30 m pitch, with cameras scattered in the streets.
        std::vector<std::array<double, 4>> boxes;
        for (int i = 0; i < 10; ++i)
            for (int j = 0; j < 10; ++j)
                boxes.push_back({30.0 * i, 30.0 * j, 30.0 * i + 12.0 + (i + j) % 3, 30.0 * j + 12.0});
        const data::VectorLayer buildings = rectangles(boxes);
        const data::PolygonIndex index = data::PolygonIndex::fromLayer(buildings);
        const data::ViewshedCaster caster(buildings);
        std::mt19937 random(7);
        std::uniform_real_distribution<double> along(-20.0, 320.0), angle(0.0, 360.0), fov(20.0, 200.0),
            range(10.0, 150.0);
        int cameras = 0;
        while (cameras < 300)
        {
            data::CameraRecord c = camera(along(random), along(random), angle(random), fov(random), range(random));
            if (index.find(c.x, c.y))
                continue;
            c.id = ++cameras;
            const data::CameraView view = caster.view(c);
            QVERIFY(view.area > 0.0);
            QString where;
            QVERIFY2(viewAvoidsBuildings(view, index, where), qPrintable(where));
        }
    }

    void gridSharesHandComputed()
    {
        // Grid 7 = [0, 100]², grid 8 = [-100, 0] x [0, 100]. A 20 m building in grid 7; one camera at the origin
        // sees the whole quadrant x, y > 0 (bearings 0° to 90°, 1 km) except the building and its shadow.
        const data::VectorLayer grids = rectangles({{0.0, 0.0, 100.0, 100.0}, {-100.0, 0.0, 0.0, 100.0}}, 7);
        const data::VectorLayer buildings = rectangles({{40.0, 40.0, 60.0, 60.0}});
        // Streets: y = 20 across both grids (seen in grid 7 only), y = 80 in grid 7, in the shadow from x = 53.3.
        data::VectorLayer roads;
        roads.kind = data::GeometryKind::Line;
        data::Feature low, high;
        low.lines = {{{-100.0, 20.0, 0.0}, {100.0, 20.0, 0.0}}};
        high.lines = {{{0.0, 80.0, 0.0}, {100.0, 80.0, 0.0}}};
        roads.features = {low, high};
        data::CameraCoverageOptions options;
        options.cellSize = 0.5;
        const std::vector<data::CameraRecord> cameras = {camera(0.0, 0.0, 45.0, 90.0, 1000.0)};
        const data::CameraCoverage coverage = data::cameraCoverage(cameras, buildings, grids, &roads, options);

        QCOMPARE(coverage.grids.size(), std::size_t(2));
        const data::GridViewShare& seen = coverage.grids[0];
        QCOMPARE(seen.gridId, std::int64_t(7));
        CITYTWIN_COMPARE_NEAR(seen.openArea, 9600.0, 1e-9);
        // The shadow behind the building: (40,60) (66.7,100) (100,100) (100,66.7) (60,40) (60,60), 2133.3 m².
        CITYTWIN_COMPARE_NEAR(seen.visibleOpenArea, 9600.0 - 6400.0 / 3.0, 20.0);
        CITYTWIN_COMPARE_NEAR(seen.openShare, (9600.0 - 6400.0 / 3.0) / 9600.0, 0.002);
        CITYTWIN_COMPARE_NEAR(seen.streetLength, 200.0, 1e-6);
        CITYTWIN_COMPARE_NEAR(seen.visibleStreetLength, 100.0 + 160.0 / 3.0, 0.5);
        const data::GridViewShare& blind = coverage.grids[1];
        CITYTWIN_COMPARE_NEAR(blind.openArea, 10000.0, 1e-9);
        QCOMPARE(blind.visibleOpenArea, 0.0);
        CITYTWIN_COMPARE_NEAR(blind.streetLength, 100.0, 1e-6);
        QCOMPARE(blind.streetShare, 0.0);
        QCOMPARE(coverage.blindSpotGrids, std::vector<std::int64_t>({8}));
        CITYTWIN_COMPARE_NEAR(coverage.district.openArea, 19600.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(coverage.district.openShare, seen.visibleOpenArea / 19600.0, 1e-12);
        QCOMPARE(coverage.views.size(), std::size_t(1));
    }

    void sampleDistrict()
    {
        const QString path = test::testSamplePath();
        CITYTWIN_REQUIRE_DATA(!path.isEmpty(), "the sample project");
        const data::VectorLayer buildings = test::readSampleLayer(path, "buildings");
        const data::VectorLayer grids = test::readSampleLayer(path, "grids");
        const data::VectorLayer roads = test::readSampleLayer(path, "roads");
        const auto cameras = data::readCameras(test::readSampleLayer(path, "cameras"));
        QVERIFY(cameras.ok());
        QVERIFY(cameras->size() > 7000);
        const auto start = std::chrono::steady_clock::now();
        const data::CameraCoverage coverage =
            data::cameraCoverage(*cameras, buildings, grids, &roads, data::CameraCoverageOptions{});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        qInfo("%zu cameras, %zu grids, 2 m cells: %.2f s; open ground in view %.1f %%, streets %.1f %%, %zu blind "
              "grids",
              cameras->size(), grids.features.size(), seconds, 100.0 * coverage.district.openShare,
              100.0 * coverage.district.streetShare, coverage.blindSpotGrids.size());
        QCOMPARE(coverage.grids.size(), grids.features.size());
        for (const data::GridViewShare& share : coverage.grids)
        {
            QVERIFY(share.openShare >= 0.0 && share.openShare <= 1.0);
            QVERIFY(share.streetShare >= 0.0 && share.streetShare <= 1.0);
        }
        QVERIFY(coverage.district.openShare > 0.0 && coverage.district.openShare < 1.0);
        // The grids tile 176 km²; open ground is that minus the footprints (the raster estimate within 0.1 %).
        double footprints = 0.0;
        for (const data::BuildingRecord& building : data::readBuildings(buildings).value())
            footprints += building.footprintArea;
        const double open = 176.0e6 - footprints;
        QVERIFY2(std::abs(coverage.district.openArea - open) < 1e-3 * open,
                 qPrintable(QStringLiteral("%1 vs %2").arg(coverage.district.openArea).arg(open)));

        const data::PolygonIndex index = data::PolygonIndex::fromLayer(buildings);
        int inside = 0;
        for (std::size_t i = 0; i < cameras->size(); ++i)
        {
            if (index.find(cameras->at(i).x, cameras->at(i).y))
            {
                ++inside; // mounted on that building: sees over it
                continue;
            }
            QString where;
            QVERIFY2(viewAvoidsBuildings(coverage.views[i], index, where), qPrintable(where));
        }
        QVERIFY(inside < 10);
    }
};

QTEST_GUILESS_MAIN(TestCameraCoverage)
#include "test_camera_coverage.moc"
