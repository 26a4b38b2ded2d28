#include "common/required_data.hpp"
#include "common/sample_layer.hpp"
#include "data/analysis/coverage.hpp"
#include "data/analysis/gpkg_records.hpp"

#include "common/compare.hpp"
#include "data/io/vector_source.hpp"

#include <chrono>
#include <cmath>
#include <random>
#include <set>

#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

#include <cstring>

using namespace citytwin;

namespace
{
data::BuildingRecord building(std::int64_t id, std::int64_t grid, std::int64_t community, std::int64_t households,
                              std::int64_t population = 0)
{
    data::BuildingRecord record;
    record.id = id;
    record.gridId = grid;
    record.communityId = community;
    record.households = households;
    record.population = population;
    return record;
}

data::BuildingRecord placed(std::int64_t id, double x, double y, std::int64_t elderly, std::int64_t community = 1)
{
    data::BuildingRecord record = building(id, 1, community, 1, 3 * elderly);
    record.x = x;
    record.y = y;
    record.elderly = elderly;
    return record;
}

data::StationRecord station(std::int64_t id, const std::string& kind, double x, double y, double capacity = 10.0,
                            double visits = 5.0)
{
    data::StationRecord record;
    record.id = id;
    record.kind = kind;
    record.x = x;
    record.y = y;
    record.capacity = capacity;
    record.dailyVisits = visits;
    return record;
}

data::Ring square(double x0, double y0, double x1, double y1)
{
    return {{x0, y0, 0.0}, {x1, y0, 0.0}, {x1, y1, 0.0}, {x0, y1, 0.0}};
}

} // namespace

/// Party-organisation coverage, correlation helpers and service-station coverage.
class TestCoverage : public QObject
{
    Q_OBJECT
private slots:
    void readsBuildingsWithAreaWeightedCentroids()
    {
        data::VectorLayer layer;
        layer.name = "buildings";
        layer.fieldNames = {"id", "grid_id", "community_id", "households", "population", "elderly", "children"};
        const double x0 = 600000.0, y0 = 4390000.0;
        // An L of three unit squares: area 3, centroid (5/6, 5/6) from its corner.
        data::Feature l;
        l.polygons.push_back({{{{x0, y0, 0},
                                {x0 + 2, y0, 0},
                                {x0 + 2, y0 + 1, 0},
                                {x0 + 1, y0 + 1, 0},
                                {x0 + 1, y0 + 2, 0},
                                {x0, y0 + 2, 0}}}});
        l.values = {"7", "3", "2", "12", "30", "6", "4"};
        // A 4 x 4 square with a 1 x 1 hole wound the same way: area 15, centroid x = (16 * 2 - 1.5) / 15.
        data::Feature holed;
        holed.polygons.push_back({{square(x0, y0, x0 + 4, y0 + 4), square(x0 + 1, y0 + 1, x0 + 2, y0 + 2)}});
        holed.values = {"8", "", "", "", "", "", ""};
        layer.features = {l, holed};
        const auto records = data::readBuildings(layer);
        QVERIFY(records.ok());
        QCOMPARE(records->size(), std::size_t(2));
        const data::BuildingRecord& a = records->at(0);
        QCOMPARE(a.id, std::int64_t(7));
        QCOMPARE(a.gridId, std::int64_t(3));
        QCOMPARE(a.communityId, std::int64_t(2));
        QCOMPARE(a.households, std::int64_t(12));
        QCOMPARE(a.population, std::int64_t(30));
        QCOMPARE(a.elderly, std::int64_t(6));
        QCOMPARE(a.children, std::int64_t(4));
        CITYTWIN_COMPARE_NEAR(a.footprintArea, 3.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(a.x - x0, 5.0 / 6.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(a.y - y0, 5.0 / 6.0, 1e-9);
        const data::BuildingRecord& b = records->at(1);
        QCOMPARE(b.gridId, std::int64_t(-1)); // empty text: unknown
        QCOMPARE(b.households, std::int64_t(0));
        CITYTWIN_COMPARE_NEAR(b.footprintArea, 15.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(b.x - x0, 30.5 / 15.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(b.y - y0, 30.5 / 15.0, 1e-9);

        layer.fieldNames[0] = "fid";
        QVERIFY(!data::readBuildings(layer).ok());
        QCOMPARE(data::readBuildings(layer).error().code, data::ErrorCode::InvalidArgument);
    }

    void readsPartyTables()
    {
        data::VectorLayer orgs;
        orgs.fieldNames = {"id", "level", "parent_id", "community_id", "grid_id", "building_id"};
        for (const char* level : {"committee", "branch", "group", "member", "household", "other"})
        {
            data::Feature feature;
            feature.values = {"1", level, "", "4", "5", "6"};
            orgs.features.push_back(feature);
        }
        const auto records = data::readPartyOrgs(orgs);
        QVERIFY(records.ok());
        const std::vector<data::PartyLevel> expected = {data::PartyLevel::Committee, data::PartyLevel::Branch,
                                                        data::PartyLevel::Group,     data::PartyLevel::Member,
                                                        data::PartyLevel::Member,    data::PartyLevel::Unknown};
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(records->at(i).level, expected[i]);
        QCOMPARE(records->front().buildingId, std::int64_t(6));

        data::VectorLayer links;
        links.fieldNames = {"id", "household_id", "linked_household_id"};
        data::Feature link;
        link.values = {"1", "2332", "40020"};
        links.features = {link};
        const auto linkRecords = data::readPartyLinks(links);
        QVERIFY(linkRecords.ok());
        QCOMPARE(linkRecords->front().linkedHouseholdId, std::int64_t(40020));
        QCOMPARE(linkRecords->front().linkedBuildingId, std::int64_t(-1));
        orgs.fieldNames[1] = "kind";
        QVERIFY(!data::readPartyOrgs(orgs).ok());
    }

    void partyCoverageByGridAndCommunity()
    {
        // Grid 1 (community 10): two homes and a shop; grid 2 (community 10): one home; grid 3 (community 20): a shop.
        const std::vector<data::BuildingRecord> buildings = {
            building(1, 1, 10, 10, 25), building(2, 1, 10, 20, 50), building(3, 1, 10, 0),
            building(4, 2, 10, 5, 12),  building(5, 3, 20, 0),
        };
        using L = data::PartyLevel;
        const std::vector<data::PartyOrgRecord> orgs = {
            {1, L::Committee, 10, 1, 1}, {2, L::Branch, 10, 1, 2}, {3, L::Group, 10, 1, 1},
            {4, L::Group, 10, 1, 3}, // on a shop: not a building group of a residential building
            {5, L::Member, 10, 1, 1},    {6, L::Member, 10, 1, 2}, {7, L::Member, 10, 2, 4},
        };
        // Distinct linked households 1001, 1002, 2005, 4001; 9001 lives in an unknown building.
        const std::vector<data::PartyLinkRecord> links = {
            {5, 1001, 1}, {5, 1002, -1}, {6, 1002, 1}, {6, 2005, -1}, {7, 4001, 4}, {7, 9001, -1},
        };
        const data::PartyCoverage coverage = data::partyCoverage(buildings, orgs, links);
        QCOMPARE(coverage.grids.size(), std::size_t(3));
        const data::PartyCoverageRow& g1 = coverage.grids[0];
        QCOMPARE(g1.id, std::int64_t(1));
        QVERIFY(g1.hasBranch());
        QCOMPARE(g1.buildings, 3);
        QCOMPARE(g1.residentialBuildings, 2);
        QCOMPARE(g1.residentialWithGroup, 1);
        QCOMPARE(g1.groupShare, 0.5);
        QCOMPARE(g1.households, std::int64_t(30));
        QCOMPARE(g1.population, std::int64_t(75));
        QCOMPARE(g1.memberHouseholds, 2);
        QCOMPARE(g1.linkedHouseholds, std::int64_t(3));
        CITYTWIN_COMPARE_NEAR(g1.linkShare, 0.1, 1e-12);
        const data::PartyCoverageRow& g2 = coverage.grids[1];
        QVERIFY(!g2.hasBranch());
        QCOMPARE(g2.groupShare, 0.0);
        QCOMPARE(g2.memberHouseholds, 1);
        CITYTWIN_COMPARE_NEAR(g2.linkShare, 0.2, 1e-12);
        QCOMPARE(coverage.grids[2].households, std::int64_t(0));

        // Gaps: grid 3 has no branch but nobody lives there; the shop with a group is not residential.
        QCOMPARE(coverage.gridsWithoutBranch, std::vector<std::int64_t>({2}));
        QCOMPARE(coverage.buildingsWithoutGroup, std::vector<std::int64_t>({2, 4}));

        QCOMPARE(coverage.communities.size(), std::size_t(2));
        const data::PartyCoverageRow& c10 = coverage.communities[0];
        QCOMPARE(c10.branches, 1);
        QCOMPARE(c10.residentialBuildings, 3);
        CITYTWIN_COMPARE_NEAR(c10.groupShare, 1.0 / 3.0, 1e-12);
        QCOMPARE(c10.households, std::int64_t(35));
        QCOMPARE(c10.memberHouseholds, 3);
        CITYTWIN_COMPARE_NEAR(c10.linkShare, 4.0 / 35.0, 1e-12);
        QCOMPARE(coverage.district.linkedHouseholds, std::int64_t(4));
        QCOMPARE(coverage.district.buildings, 5);

        QCOMPARE(data::rowsBelow(coverage.communities, data::PartyMeasure::GroupShare, 0.5),
                 std::vector<std::int64_t>({10})); // community 20 has no homes: no share to fall short
        QCOMPARE(data::rowsBelow(coverage.grids, data::PartyMeasure::LinkShare, 0.15), std::vector<std::int64_t>({1}));
        QVERIFY(data::rowsBelow(coverage.grids, data::PartyMeasure::LinkShare, 0.1).empty()); // strictly below
    }

    void correlations()
    {
        const std::vector<double> x = {1, 2, 3, 4, 5}, line = {2, 4, 6, 8, 10}, falling = {9, 7, 5, 3, 1};
        CITYTWIN_COMPARE_NEAR(data::pearson(x, line), 1.0, 1e-12);
        CITYTWIN_COMPARE_NEAR(data::pearson(x, falling), -1.0, 1e-12);
        // Means 2 and 2: sum of products 1, sums of squares 2 and 2.
        CITYTWIN_COMPARE_NEAR(data::pearson(std::vector<double>{1, 2, 3}, std::vector<double>{1, 3, 2}), 0.5, 1e-12);
        // Monotonic but not linear: Spearman 1, Pearson below.
        const std::vector<double> cubes = {1, 8, 27, 64, 125};
        CITYTWIN_COMPARE_NEAR(data::spearman(x, cubes), 1.0, 1e-12);
        QVERIFY(data::pearson(x, cubes) < 0.99);
        // Ties take their average rank: ranks {1, 2.5, 2.5, 4} against {1, 2, 3, 4} give 4.5 / sqrt(4.5 * 5).
        CITYTWIN_COMPARE_NEAR(data::spearman(std::vector<double>{1, 2, 2, 3}, std::vector<double>{1, 2, 3, 4}),
                              4.5 / std::sqrt(22.5), 1e-12);
        // A pair with NaN is left out; a constant side or too few pairs give NaN.
        const std::vector<double> withGap = {2, 4, std::nan(""), 8, 10};
        CITYTWIN_COMPARE_NEAR(data::pearson(x, withGap), 1.0, 1e-12);
        QVERIFY(std::isnan(data::pearson(x, std::vector<double>(5, 3.0))));
        QVERIFY(std::isnan(data::spearman(std::vector<double>{1}, std::vector<double>{2})));
    }

    void targetGroups()
    {
        QCOMPARE(data::targetGroupOf("day_care"), data::TargetGroup::Elderly);
        QCOMPARE(data::targetGroupOf("canteen"), data::TargetGroup::Elderly);
        QCOMPARE(data::targetGroupOf("elderly_home"), data::TargetGroup::Elderly);
        QCOMPARE(data::targetGroupOf("after_school"), data::TargetGroup::Children);
        QCOMPARE(data::targetGroupOf("childcare"), data::TargetGroup::Children);
        QCOMPARE(data::targetGroupOf("warm_station"), data::TargetGroup::Residents);
    }

    void serviceCoverageHandComputed()
    {
        // A day-care station at the origin; a canteen that must not count for day care.
        const std::vector<data::StationRecord> stations = {station(1, "day_care", 0, 0, 20, 15),
                                                           station(2, "canteen", 1200, 0),
                                                           station(3, "day_care", 5000, 5000, 0, 4)};
        const std::vector<data::BuildingRecord> buildings = {
            placed(11, 300, 0, 10), placed(12, 0, 700, 5), placed(13, 1200, 0, 7),
            placed(14, 400, 300, 3, 2), // exactly 500 m away: within
        };
        data::ServiceCoverageOptions options;
        options.kind = "day_care";
        const data::ServiceCoverage coverage = data::serviceCoverage(buildings, stations, options);
        QCOMPARE(coverage.group, data::TargetGroup::Elderly);
        QCOMPARE(coverage.levels.size(), std::size_t(2));
        const data::ServiceLevel& near = coverage.levels[0];
        QCOMPARE(near.distance, 500.0);
        QCOMPARE(near.district.people, std::int64_t(25));
        QCOMPARE(near.district.covered, std::int64_t(13));
        CITYTWIN_COMPARE_NEAR(near.district.share, 0.52, 1e-12);
        QCOMPARE(near.communities.size(), std::size_t(2));
        CITYTWIN_COMPARE_NEAR(near.communities[0].share, 10.0 / 22.0, 1e-12);
        CITYTWIN_COMPARE_NEAR(near.communities[1].share, 1.0, 1e-12);
        QCOMPARE(near.uncovered.size(), std::size_t(2));
        QCOMPARE(near.uncovered[0].id, std::int64_t(13)); // most elderly first
        QCOMPARE(near.uncovered[0].people, std::int64_t(7));
        QCOMPARE(near.uncovered[1].id, std::int64_t(12));
        CITYTWIN_COMPARE_NEAR(coverage.levels[1].district.share, 18.0 / 25.0, 1e-12);

        CITYTWIN_COMPARE_NEAR(coverage.nearestDistance[0], 300.0, 1e-9);
        CITYTWIN_COMPARE_NEAR(coverage.nearestDistance[1], 700.0, 1e-9);
        QVERIFY(std::isinf(coverage.nearestDistance[2])); // beyond the largest distance asked
        CITYTWIN_COMPARE_NEAR(coverage.nearestDistance[3], 500.0, 1e-9);

        QCOMPARE(coverage.loads.size(), std::size_t(2));
        CITYTWIN_COMPARE_NEAR(coverage.loads[0].load, 0.75, 1e-12);
        QVERIFY(std::isnan(coverage.loads[1].load)); // no capacity

        // Residents instead of the elderly, and every kind of station (the canteen covers building 13).
        options.kind.clear();
        options.group = data::TargetGroup::Residents;
        options.distances = {500.0};
        const data::ServiceCoverage all = data::serviceCoverage(buildings, stations, options);
        QCOMPARE(all.levels[0].district.people, std::int64_t(75));
        QCOMPARE(all.levels[0].district.covered, std::int64_t(60));
    }

    void greedyPicksTheSiteServingBothClusters()
    {
        // Two clusters 800 m apart; only the small building halfway reaches both within 500 m.
        std::vector<data::BuildingRecord> buildings = {placed(1, 0, 0, 10), placed(2, 800, 0, 10), placed(3, 400, 0, 1),
                                                       placed(4, 5000, 0, 4)};
        data::SiteSuggestionOptions options;
        options.kind = "day_care";
        options.count = 5;
        const auto sites = data::suggestSites(buildings, {}, options);
        QCOMPARE(sites.size(), std::size_t(2)); // then nobody is left to cover
        QCOMPARE(sites[0].buildingId, std::int64_t(3));
        QCOMPARE(sites[0].peopleGained, std::int64_t(21));
        CITYTWIN_COMPARE_NEAR(sites[0].shareAfter, 21.0 / 25.0, 1e-12);
        QCOMPARE(sites[1].buildingId, std::int64_t(4));
        QCOMPARE(sites[1].peopleGained, std::int64_t(4));
        CITYTWIN_COMPARE_NEAR(sites[1].shareAfter, 1.0, 1e-12);

        // An existing station covers buildings 1 and 3 (the latter at exactly 500 m): 2 and 4 are left. Buildings 2
        // and 3 both reach building 2; the earlier candidate wins the tie.
        const std::vector<data::StationRecord> stations = {station(1, "day_care", -100, 0)};
        const auto withStation = data::suggestSites(buildings, stations, options);
        QCOMPARE(withStation.size(), std::size_t(2));
        QCOMPARE(withStation[0].buildingId, std::int64_t(2));
        QCOMPARE(withStation[0].peopleGained, std::int64_t(10));
        // Candidates limited to buildings 4, 3 and 1: building 3 first (10 people), then 4; 1 gains nobody.
        options.candidates = {4, 3, 1};
        const auto limited = data::suggestSites(buildings, stations, options);
        QCOMPARE(limited.size(), std::size_t(2));
        QCOMPARE(limited[0].buildingId, std::int64_t(3));
        QCOMPARE(limited[0].peopleGained, std::int64_t(10));
        QCOMPARE(limited[1].buildingId, std::int64_t(4));
        QCOMPARE(limited[1].peopleGained, std::int64_t(4));
    }

    void greedyTiesGoToTheEarlierCandidate()
    {
        std::vector<data::BuildingRecord> buildings;
        for (int i = 0; i < 5; ++i)
            buildings.push_back(placed(100 + i, 5000.0 + 50.0 * i, 0.0, 10));
        data::SiteSuggestionOptions options;
        options.count = 1;
        const auto sites = data::suggestSites(buildings, {}, options);
        QCOMPARE(sites.size(), std::size_t(1));
        QCOMPARE(sites[0].buildingId, std::int64_t(100));
        QCOMPARE(sites[0].peopleGained, std::int64_t(5 * 30)); // Residents: 3 per elderly in the fixture
    }

    void greedyMatchesBruteForce()
    {
        // 600 buildings in clusters over 3 x 3 km, two stations; picks compared with re-evaluating every candidate.
        std::mt19937 random(11);
        std::uniform_real_distribution<double> spot(0.0, 3000.0), near(-150.0, 150.0);
        std::uniform_int_distribution<int> people(0, 40);
        std::vector<data::BuildingRecord> buildings;
        for (int cluster = 0; cluster < 30; ++cluster)
        {
            const double cx = spot(random), cy = spot(random);
            for (int i = 0; i < 20; ++i)
                buildings.push_back(placed(static_cast<std::int64_t>(buildings.size()) + 1, cx + near(random),
                                           cy + near(random), people(random)));
        }
        const std::vector<data::StationRecord> stations = {station(1, "day_care", 1000, 1000),
                                                           station(2, "day_care", 2500, 500)};
        const double radius = 400.0;
        std::vector<std::int64_t> weight(buildings.size());
        for (std::size_t i = 0; i < buildings.size(); ++i)
        {
            bool covered = false;
            for (const data::StationRecord& s : stations)
                covered = covered || std::hypot(buildings[i].x - s.x, buildings[i].y - s.y) <= radius;
            weight[i] = covered ? 0 : buildings[i].elderly;
        }
        data::SiteSuggestionOptions options;
        options.kind = "day_care";
        options.distance = radius;
        options.count = 8;
        const auto sites = data::suggestSites(buildings, stations, options);
        QCOMPARE(sites.size(), std::size_t(8));
        for (const data::SiteSuggestion& site : sites)
        {
            std::int64_t bestGain = 0;
            std::size_t best = 0;
            for (std::size_t c = 0; c < buildings.size(); ++c)
            {
                std::int64_t gain = 0;
                for (std::size_t i = 0; i < buildings.size(); ++i)
                    if (std::hypot(buildings[c].x - buildings[i].x, buildings[c].y - buildings[i].y) <= radius)
                        gain += weight[i];
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = c;
                }
            }
            QCOMPARE(site.buildingId, buildings[best].id);
            QCOMPARE(site.peopleGained, bestGain);
            for (std::size_t i = 0; i < buildings.size(); ++i)
                if (std::hypot(buildings[best].x - buildings[i].x, buildings[best].y - buildings[i].y) <= radius)
                    weight[i] = 0;
        }
    }

    void leanReadersParseFootprintBlobs()
    {
        // A GeoPackage blob of a 10 x 10 square with a 2 x 2 hole at its corner, little-endian, no envelope.
        auto le32 = [](std::string& out, std::uint32_t v)
        {
            for (int i = 0; i < 4; ++i)
                out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
        };
        auto le64 = [](std::string& out, double d)
        {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &d, 8);
            for (int i = 0; i < 8; ++i)
                out.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
        };
        std::string blob = {'G', 'P', 0, 1};
        le32(blob, 4548);
        blob.push_back(1);
        le32(blob, 3);
        le32(blob, 2);
        const std::vector<std::pair<double, double>> outer = {
            {500000, 4400000}, {500010, 4400000}, {500010, 4400010}, {500000, 4400010}, {500000, 4400000}};
        const std::vector<std::pair<double, double>> hole = {
            {500000, 4400000}, {500000, 4400002}, {500002, 4400002}, {500002, 4400000}, {500000, 4400000}};
        for (const auto* ring : {&outer, &hole})
        {
            le32(blob, static_cast<std::uint32_t>(ring->size()));
            for (const auto& [x, y] : *ring)
            {
                le64(blob, x);
                le64(blob, y);
            }
        }
        double x = 0, y = 0, area = 0;
        QVERIFY(data::polygonCentroid(blob, x, y, area));
        QCOMPARE(area, 96.0);
        // (100 * 5 - 4 * 1) / 96 from the corner, on both axes.
        QVERIFY(std::abs(x - (500000.0 + 496.0 / 96.0)) < 1e-6);
        QVERIFY(std::abs(y - (4400000.0 + 496.0 / 96.0)) < 1e-6);
        QVERIFY(!data::polygonCentroid(blob.substr(0, blob.size() - 3), x, y, area)); // truncated
        QVERIFY(!data::polygonCentroid("not a blob", x, y, area));
    }

    void leanReadersMatchTheLayerReaders()
    {
        const QString path = test::testSamplePath();
        CITYTWIN_REQUIRE_DATA(!path.isEmpty(), "the sample project");
        const auto lean = data::readBuildingRecords(path.toStdString());
        const auto full = data::readBuildings(test::readSampleLayer(path, "buildings"));
        QVERIFY(lean.ok() && full.ok());
        QCOMPARE(lean->size(), full->size());
        for (std::size_t i = 0; i < lean->size(); ++i)
        {
            const data::BuildingRecord& a = (*lean)[i];
            const data::BuildingRecord& b = (*full)[i];
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.communityId, b.communityId);
            QCOMPARE(a.population, b.population);
            QCOMPARE(a.elderly, b.elderly);
            QVERIFY2(std::abs(a.x - b.x) < 1e-6 && std::abs(a.y - b.y) < 1e-6, qPrintable(QString::number(a.id)));
            QVERIFY(std::abs(a.footprintArea - b.footprintArea) < 1e-6 * b.footprintArea + 1e-9);
        }
        const auto leanStations = data::readStationRecords(path.toStdString());
        const auto fullStations = data::readStations(test::readSampleLayer(path, "stations"));
        QVERIFY(leanStations.ok() && fullStations.ok());
        QCOMPARE(leanStations->size(), fullStations->size());
        for (std::size_t i = 0; i < leanStations->size(); ++i)
        {
            QCOMPARE((*leanStations)[i].kind, (*fullStations)[i].kind);
            QCOMPARE((*leanStations)[i].x, (*fullStations)[i].x);
            QCOMPARE((*leanStations)[i].capacity, (*fullStations)[i].capacity);
        }
    }

    void sampleDistrict()
    {
        const QString path = test::testSamplePath();
        CITYTWIN_REQUIRE_DATA(!path.isEmpty(), "the sample project");
        const auto readStart = std::chrono::steady_clock::now();
        const auto buildings = data::readBuildings(test::readSampleLayer(path, "buildings"));
        const auto stations = data::readStations(test::readSampleLayer(path, "stations"));
        const auto orgs = data::readPartyOrgs(test::readSampleLayer(path, "party_orgs"));
        const auto links = data::readPartyLinks(test::readSampleLayer(path, "party_links"));
        QVERIFY(buildings.ok() && stations.ok() && orgs.ok() && links.ok());
        qInfo("read buildings, stations, party_orgs, party_links: %.2f s",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count());
        QCOMPARE(buildings->size(), std::size_t(7047));

        data::ServiceCoverageOptions options;
        options.kind = "day_care";
        const auto start = std::chrono::steady_clock::now();
        const data::ServiceCoverage coverage = data::serviceCoverage(*buildings, *stations, options);
        const double milliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        qInfo("day_care coverage, 175 stations x %zu buildings, 500 and 1000 m: %.2f ms", buildings->size(),
              milliseconds);
        const data::ServiceLevel& near = coverage.levels[0];
        QVERIFY(near.district.share > 0.0 && near.district.share < 1.0);
        QVERIFY(coverage.levels[1].district.share >= near.district.share);
        QCOMPARE(coverage.loads.size(), std::size_t(175));

        // Communities with no day-care station of their own are covered less (only by neighbours' stations).
        std::set<std::int64_t> withStation;
        for (const data::StationRecord& s : *stations)
            if (s.kind == "day_care")
                withStation.insert(s.communityId);
        double sumWith = 0.0, sumWithout = 0.0;
        int countWith = 0, countWithout = 0;
        for (const data::CoverageShare& share : near.communities)
        {
            QVERIFY(share.share >= 0.0 && share.share <= 1.0);
            if (share.people == 0)
                continue;
            (withStation.count(share.id) ? sumWith : sumWithout) += share.share;
            ++(withStation.count(share.id) ? countWith : countWithout);
        }
        if (countWithout > 0)
            QVERIFY(sumWithout / countWithout < sumWith / countWith);

        const auto sites = data::suggestSites(*buildings, *stations, {"day_care", 500.0, std::nullopt, 3, {}});
        QCOMPARE(sites.size(), std::size_t(3));
        QVERIFY(sites[0].peopleGained >= sites[1].peopleGained && sites[1].peopleGained >= sites[2].peopleGained);
        QVERIFY(sites[0].shareAfter > near.district.share && sites[2].shareAfter <= 1.0);

        const data::PartyCoverage party = data::partyCoverage(*buildings, *orgs, *links);
        for (const auto* rows : {&party.grids, &party.communities})
            for (const data::PartyCoverageRow& row : *rows)
            {
                QVERIFY(row.groupShare >= 0.0 && row.groupShare <= 1.0);
                QVERIFY(row.linkShare >= 0.0 && row.linkShare <= 1.0);
            }
        QVERIFY(party.district.linkedHouseholds > 0 && party.district.linkShare < 1.0);
        QVERIFY(!party.buildingsWithoutGroup.empty());
        std::int64_t households = 0;
        for (const data::BuildingRecord& b : *buildings)
            households += b.households;
        QCOMPARE(party.district.households, households);
    }
};

QTEST_GUILESS_MAIN(TestCoverage)
#include "test_coverage.moc"
