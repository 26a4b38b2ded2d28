#include "data/analysis/derived_layers.hpp"

#include <cmath>

#include <QTest>

using namespace citytwin;

namespace
{
data::VectorLayer points()
{
    data::VectorLayer layer;
    layer.name = "stations";
    layer.kind = data::GeometryKind::Point;
    layer.fieldNames = {"kind", "heading", "fov", "range_m"};
    data::Feature a;
    a.points.push_back({1000.0, 2000.0, 0.0});
    a.values = {"day_care", "90", "60", "50"};
    data::Feature b;
    b.points.push_back({5000.0, 2000.0, 0.0});
    b.values = {"canteen", "0", "90", "100"};
    layer.features = {a, b};
    return layer;
}
} // namespace

/// Service rings, view cones and value columns derived from layers.
class TestDerivedLayers : public QObject
{
    Q_OBJECT
private slots:
    void ringsHaveTheRadiusAndFollowTheKind()
    {
        const data::VectorLayer rings = data::serviceAreas(points(), 500.0, "day_care");
        QCOMPARE(rings.name, std::string("stations day_care (500 m)"));
        QCOMPARE(rings.role, data::LayerRole::ServiceRings);
        QCOMPARE(rings.derivedFrom.sourceLayer, std::string("stations"));
        QCOMPARE(rings.derivedFrom.stationKind, std::string("day_care"));
        QCOMPARE(rings.derivedFrom.radiusMetres, 500.0);
        QCOMPARE(rings.features.size(), std::size_t(2)); // indices match the source
        QCOMPARE(rings.features[0].polygons.size(), std::size_t(1));
        QVERIFY(rings.features[1].polygons.empty()); // a canteen: no ring
        for (const data::Position& p : rings.features[0].polygons[0].rings[0])
            QVERIFY(std::abs(std::hypot(p.x - 1000.0, p.y - 2000.0) - 500.0) < 1e-6);
        QCOMPARE(data::serviceAreas(points(), 300.0).features[1].polygons.size(), std::size_t(1));
    }

    void conesPointAlongTheHeading()
    {
        const data::VectorLayer cones = data::viewCones(points());
        QCOMPARE(cones.name, std::string("stations (view)"));
        QCOMPARE(cones.role, data::LayerRole::ViewCones);
        QCOMPARE(cones.derivedFrom.sourceLayer, std::string("stations"));
        const data::Ring& east = cones.features[0].polygons[0].rings[0];
        QCOMPARE(east.front().x, 1000.0); // the apex is the camera
        // Heading 90 (east), 60 degrees wide, 50 m deep: every arc point east of the camera, at 50 m.
        for (std::size_t i = 1; i < east.size(); ++i)
        {
            QVERIFY(east[i].x > 1000.0);
            QVERIFY(std::abs(std::hypot(east[i].x - 1000.0, east[i].y - 2000.0) - 50.0) < 1e-6);
        }
        const data::Ring& north = cones.features[1].polygons[0].rings[0];
        for (std::size_t i = 1; i < north.size(); ++i)
            QVERIFY(north[i].y > 2000.0 + 100.0 * std::cos(45.0 * M_PI / 180.0) - 1e-6);
    }

    void columnsRiseWithTheValue()
    {
        data::VectorLayer areas;
        areas.name = "communities";
        areas.kind = data::GeometryKind::Polygon;
        areas.fieldNames = {"population"};
        for (const char* value : {"1000", "4000", ""})
        {
            data::Feature feature;
            feature.polygons.push_back({{{{0, 0, 0}, {10, 0, 0}, {10, 10, 0}}}});
            feature.values = {value};
            areas.features.push_back(feature);
        }
        const data::VectorLayer columns = data::valueColumns(areas, "population", 800.0);
        QCOMPARE(columns.name, std::string("communities (columns)"));
        QCOMPARE(columns.role, data::LayerRole::Columns);
        QCOMPARE(columns.derivedFrom.sourceLayer, std::string("communities"));
        QCOMPARE(areas.role, data::LayerRole::Source);
        QCOMPARE(columns.features[0].height.value_or(0), 200.0);
        QCOMPARE(columns.features[1].height.value_or(0), 800.0);
        QVERIFY(!columns.features[2].height);
    }
};

QTEST_GUILESS_MAIN(TestDerivedLayers)
#include "test_derived_layers.moc"
