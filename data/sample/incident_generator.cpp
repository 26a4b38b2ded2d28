#include "incident_generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace citytwin::data::sample
{
namespace
{

enum Place : std::uint8_t
{
    Market,
    School,
    Road,
    Home,
    PlaceCount
};

/// How each category behaves: its share, whether camera AI detects it, where it happens, its season, the
/// hours it is reported at, and the usual handling time.
struct CategorySpec
{
    const char* code;
    double weight;
    bool cameraAi;
    bool communityCamera; ///< seen by compound cameras rather than street cameras
    std::array<double, PlaceCount> places;
    int season; ///< 0 all year, 1 summer, 2 heating season, 3 spring and rainy season, 4 growing season, 5 winter
                ///< nights
    int hours;  ///< 0 daytime, 1 evening trade, 2 rush hours, 3 night
    double handleHours;
};

constexpr CategorySpec Categories[] = {
    {"street_vending", 9, true, false, {0.45, 0.2, 0.35, 0}, 1, 1, 4},
    {"unlicensed_vendor", 5, true, false, {0.6, 0.1, 0.3, 0}, 1, 1, 5},
    {"exposed_garbage", 8, true, true, {0.1, 0, 0.3, 0.6}, 1, 0, 8},
    {"illegal_parking", 10, true, false, {0.2, 0.2, 0.6, 0}, 0, 2, 2},
    {"non_motor_parking", 6, true, true, {0.1, 0.1, 0.3, 0.5}, 0, 2, 6},
    {"overflowing_bin", 6, true, true, {0.1, 0, 0.2, 0.7}, 1, 0, 4},
    {"outdoor_advertising", 2, true, false, {0.2, 0, 0.8, 0}, 0, 0, 30},
    {"stacked_materials", 4, true, true, {0.1, 0, 0.4, 0.5}, 0, 0, 20},
    {"laundry_on_street", 3, true, true, {0, 0, 0.2, 0.8}, 1, 0, 8},
    {"road_damage", 3, true, false, {0, 0, 1, 0}, 3, 0, 60},
    {"manhole_cover", 2, true, false, {0, 0, 1, 0}, 3, 0, 6},
    {"illegal_construction", 2, false, false, {0, 0, 0.1, 0.9}, 4, 0, 120},
    {"noise", 5, false, false, {0.2, 0, 0.1, 0.7}, 1, 3, 10},
    {"water_supply", 3, false, false, {0, 0, 0.1, 0.9}, 1, 0, 10},
    {"heating", 4, false, false, {0, 0.05, 0, 0.95}, 2, 0, 10},
    {"greening", 2, false, false, {0, 0, 0.7, 0.3}, 4, 0, 48},
    {"street_light", 3, false, false, {0, 0, 1, 0}, 5, 3, 30},
    {"property_dispute", 4, false, false, {0, 0, 0, 1}, 0, 0, 96},
    {"safety_hazard", 3, false, false, {0.1, 0.1, 0.4, 0.4}, 0, 0, 6},
    {"other", 3, false, false, {0.1, 0.1, 0.4, 0.4}, 0, 0, 24},
};
constexpr std::size_t CategoryCount = std::size(Categories);

/// Source shares: camera AI, grid inspectors, the citizen app and the 12345 hotline.
constexpr double SourceShare[4] = {0.20, 0.34, 0.30, 0.16}; // in IncidentSource order

/// Relative likelihood of a day of the year (0 = 1 January) for a season kind.
double seasonWeight(int season, int day)
{
    const double summer = std::cos(2.0 * std::numbers::pi * (day - 196) / 365.0); // +1 mid-July
    switch (season)
    {
    case 1:
        return 1.0 + 0.6 * summer;
    case 2: // heating season: 15 November to 15 March
        return (day < 74 || day >= 318) ? (day < 20 || day > 340 ? 1.3 : 1.0) : 0.04;
    case 3: // the spring thaw and the rainy season break roads
        return 0.6 + ((day >= 60 && day < 120) ? 1.2 : 0.0) + ((day >= 180 && day < 240) ? 1.0 : 0.0);
    case 4:
        return (day >= 90 && day < 300) ? 1.0 : 0.15;
    case 5:
        return 1.0 - 0.5 * summer;
    default:
        return 1.0;
    }
}

/// Relative likelihood of an hour (0-23, Beijing time) for a source and an hour profile.
double hourWeight(IncidentSource source, int profile, int hour)
{
    if (source == IncidentSource::GridInspector)
        return (hour >= 8 && hour < 12) || (hour >= 14 && hour < 18) ? 1.0 : (hour >= 7 && hour < 20 ? 0.15 : 0.01);
    if (source == IncidentSource::CameraAi)
    {
        switch (profile)
        {
        case 1:
            return (hour >= 6 && hour < 9) || (hour >= 16 && hour < 21) ? 1.0 : (hour >= 9 && hour < 16 ? 0.35 : 0.05);
        case 2:
            return (hour >= 7 && hour < 9) || (hour >= 16 && hour < 19) ? 1.0 : (hour >= 9 && hour < 22 ? 0.3 : 0.05);
        default:
            return hour >= 6 && hour < 21 ? 1.0 : 0.1;
        }
    }
    if (profile == 3)
        return hour >= 20 || hour < 1 ? 1.0 : (hour >= 8 ? 0.3 : 0.05);
    // Residents: mornings, lunch and evenings; the hotline is answered around the clock but quiet at night.
    if (hour < 6)
        return source == IncidentSource::Hotline ? 0.06 : 0.02;
    if (hour >= 19 && hour < 22)
        return source == IncidentSource::CitizenApp ? 1.3 : 0.7;
    if (hour == 8 || hour == 12)
        return 1.0;
    return hour >= 22 ? 0.25 : 0.7;
}

/// Relative likelihood of a weekday (0 = Monday) for a source and category.
double weekdayWeight(IncidentSource source, int profile, int weekday)
{
    const bool weekend = weekday >= 5;
    if (source == IncidentSource::GridInspector)
        return weekend ? 0.35 : 1.0;
    if (source == IncidentSource::CameraAi && profile == 1)
        return weekend ? 1.4 : 1.0; // weekend markets
    if (source == IncidentSource::CameraAi && profile == 2)
        return weekend ? 0.6 : 1.0; // school runs
    return weekend ? 1.15 : 1.0;
}

/// Draws from a small discrete distribution.
template <std::size_t N> std::size_t pick(const std::array<double, N>& weights, Random& random)
{
    double sum = 0.0;
    for (double w : weights)
        sum += w;
    double target = random.uniform() * sum;
    for (std::size_t i = 0; i < N; ++i)
    {
        if (target < weights[i])
            return i;
        target -= weights[i];
    }
    return N - 1;
}

std::size_t pickCumulative(const std::vector<double>& cumulative, Random& random)
{
    const double target = random.uniform() * cumulative.back();
    return std::min(
        cumulative.size() - 1,
        static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), target) - cumulative.begin()));
}

/// An approximately normal draw (sum of uniforms), mean 0, standard deviation 1.
double normal(Random& random)
{
    double sum = 0.0;
    for (int i = 0; i < 6; ++i)
        sum += random.uniform();
    return (sum - 3.0) * std::sqrt(2.0);
}

struct Generator
{
    const DistrictLayout& layout;
    const Landscape& landscape;
    const std::vector<Building>& buildings;
    const std::vector<Camera>& cameras;
    const PolygonIndex& grids;
    Random& random;

    std::vector<const Building*> markets, schools, homes;
    std::vector<double> homeCumulative, cellCumulative;
    std::vector<const Camera*> streetCameras, compoundCameras;
    std::vector<double> streetCameraCumulative, compoundCameraCumulative;
    std::vector<double> gridSpeed; ///< multiplies every delay of a grid's cases
    struct Spot
    {
        double x, y;
        std::int32_t buildingId;
    };
    std::array<std::vector<Spot>, CategoryCount> recurring;

    void prepare()
    {
        for (const Building& building : buildings)
        {
            if (building.use == BuildingUse::Market)
                markets.push_back(&building);
            else if (building.use == BuildingUse::School)
                schools.push_back(&building);
            else if (building.use == BuildingUse::Residential && building.population > 0)
            {
                homes.push_back(&building);
                homeCumulative.push_back((homeCumulative.empty() ? 0.0 : homeCumulative.back()) +
                                         static_cast<double>(building.population));
            }
        }
        for (const GridCell& cell : layout.grids)
            cellCumulative.push_back((cellCumulative.empty() ? 0.0 : cellCumulative.back()) + 0.03 +
                                     landscape.urbanDensity(cell.centerX, cell.centerY));
        // Cameras near markets and schools see much more.
        auto busy = [this](const Camera& camera)
        {
            double weight = 1.0;
            for (const auto* list : {&markets, &schools})
                for (const Building* place : *list)
                    if (std::abs(place->centerX - camera.x) < 250.0 && std::abs(place->centerY - camera.y) < 250.0)
                        weight += 4.0;
            return weight * (0.2 + landscape.urbanDensity(camera.x, camera.y));
        };
        for (const Camera& camera : cameras)
        {
            const bool street = camera.network == "public_security";
            auto& list = street ? streetCameras : compoundCameras;
            auto& cumulative = street ? streetCameraCumulative : compoundCameraCumulative;
            list.push_back(&camera);
            cumulative.push_back((cumulative.empty() ? 0.0 : cumulative.back()) + busy(camera));
        }
        for (std::size_t g = 0; g < layout.grids.size(); ++g)
        {
            double speed = std::exp(0.45 * normal(random));
            if (random.uniform() < 0.05)
                speed *= 2.5; // a few grids are slow
            gridSpeed.push_back(speed);
        }
        for (std::size_t c = 0; c < CategoryCount; ++c)
        {
            const int spots = static_cast<int>(Categories[c].weight * 6.0);
            for (int k = 0; k < spots; ++k)
            {
                Spot spot{};
                const std::size_t place = pick(Categories[c].places, random);
                locate(static_cast<Place>(place), spot.x, spot.y, spot.buildingId);
                recurring[c].push_back(spot);
            }
        }
    }

    /// A location for a place kind.
    void locate(Place place, double& x, double& y, std::int32_t& buildingId)
    {
        buildingId = 0;
        if ((place == Market && !markets.empty()) || (place == School && !schools.empty()))
        {
            const auto& list = place == Market ? markets : schools;
            const Building& building = *list[random.below(list.size())];
            const double spread = place == Market ? 60.0 : 45.0;
            x = building.centerX + spread * normal(random);
            y = building.centerY + spread * normal(random);
            buildingId = static_cast<std::int32_t>(building.id);
            return;
        }
        if (place == Home && !homes.empty())
        {
            const Building& building = *homes[pickCumulative(homeCumulative, random)];
            const Position at = bilinear(building.footprint, random.uniform(-0.3, 1.3), random.uniform(-0.5, 1.5));
            x = at.x;
            y = at.y;
            buildingId = static_cast<std::int32_t>(building.id);
            return;
        }
        const GridCell& cell = layout.grids[pickCumulative(cellCumulative, random)];
        const std::size_t edge = random.below(4);
        const Position& a = cell.corners[edge];
        const Position& b = cell.corners[(edge + 1) % 4];
        const double t = random.uniform();
        const double ex = b.x - a.x, ey = b.y - a.y;
        const double length = std::hypot(ex, ey);
        const double side = random.uniform(-9.0, 9.0);
        x = a.x + t * ex - side * ey / length;
        y = a.y + t * ey + side * ex / length;
    }

    /// A time in the year for a category and source: season, weekday and hour by rejection.
    std::int64_t when(const CategorySpec& category, IncidentSource source)
    {
        for (;;)
        {
            const int day = static_cast<int>(random.below(365));
            const int weekday = (day + 2) % 7; // 1 January 2025 was a Wednesday
            const double dayWeight =
                seasonWeight(category.season, day) * weekdayWeight(source, category.hours, weekday);
            if (random.uniform() * 1.8 > dayWeight)
                continue;
            std::array<double, 24> hours{};
            for (int h = 0; h < 24; ++h)
                hours[static_cast<std::size_t>(h)] = hourWeight(source, category.hours, h);
            const auto hour = static_cast<std::int64_t>(pick(hours, random));
            return IncidentYearStart + day * 86400LL + hour * 3600 + static_cast<std::int64_t>(random.below(3600));
        }
    }

    /// The lifecycle: dispatch, handling and closing delays scaled by the grid's speed; night reports wait
    /// for the morning shift; a few cases get stuck.
    void lifecycle(SampleIncident& incident, const CategorySpec& category)
    {
        const double speed = gridSpeed[static_cast<std::size_t>(incident.gridId - 1)];
        double dispatch = 0.0;
        switch (incident.source)
        {
        case IncidentSource::CameraAi:
            dispatch = random.uniform(120.0, 1200.0);
            break;
        case IncidentSource::GridInspector:
            dispatch = random.uniform(300.0, 3600.0);
            break;
        default:
            dispatch = random.uniform(0.5, 6.0) * 3600.0;
            break;
        }
        dispatch *= speed;
        const std::int64_t localHour = ((incident.reportedAt - IncidentYearStart) / 3600) % 24;
        if (incident.source != IncidentSource::CameraAi && (localHour >= 22 || localHour < 7))
            dispatch += static_cast<double>(((31 - localHour) % 24) * 3600); // until 07:00
        double handle = category.handleHours * 3600.0 * speed * std::exp(0.6 * normal(random));
        if (random.uniform() < 0.02)
            handle *= 8.0;
        const double close = random.uniform(1.0, 24.0) * 3600.0 * std::sqrt(speed);
        const auto at = [&incident](double seconds)
        { return incident.reportedAt + static_cast<std::int64_t>(seconds); };
        const std::int64_t dispatched = at(dispatch);
        const std::int64_t handled = at(dispatch + handle);
        const std::int64_t closed = at(dispatch + handle + close);
        incident.dispatchedAt = dispatched <= IncidentSnapshot ? dispatched : 0;
        incident.handledAt = handled <= IncidentSnapshot ? handled : 0;
        incident.closedAt = closed <= IncidentSnapshot ? closed : 0;
    }

    bool one(SampleIncident& incident)
    {
        const auto source = static_cast<IncidentSource>(
            pick(std::array<double, 4>{SourceShare[0], SourceShare[1], SourceShare[2], SourceShare[3]}, random));
        std::array<double, CategoryCount> weights{};
        for (std::size_t c = 0; c < CategoryCount; ++c)
        {
            const CategorySpec& spec = Categories[c];
            double w = spec.weight;
            if (source == IncidentSource::CameraAi && !spec.cameraAi)
                w = 0.0;
            else if (source == IncidentSource::GridInspector)
                w *= spec.places[Home] > 0.5 ? 0.5 : 1.5;
            else if (source != IncidentSource::CameraAi)
                w *= spec.places[Home] > 0.5 ? 2.0 : 0.7;
            weights[c] = w;
        }
        const std::size_t c = pick(weights, random);
        const CategorySpec& category = Categories[c];
        incident.source = source;
        incident.category = static_cast<std::uint8_t>(c);
        incident.cameraId = 0;
        if (source == IncidentSource::CameraAi)
        {
            const auto& list = category.communityCamera ? compoundCameras : streetCameras;
            const auto& cumulative = category.communityCamera ? compoundCameraCumulative : streetCameraCumulative;
            if (list.empty())
                return false;
            const Camera& camera = *list[pickCumulative(cumulative, random)];
            const double bearing =
                (camera.heading + random.uniform(-0.5, 0.5) * camera.fieldOfView) * std::numbers::pi / 180.0;
            const double distance = camera.range * std::sqrt(random.uniform(0.04, 1.0));
            incident.x = camera.x + distance * std::sin(bearing);
            incident.y = camera.y + distance * std::cos(bearing);
            incident.cameraId = static_cast<std::int32_t>(camera.id);
            incident.buildingId = 0;
        }
        else if (!recurring[c].empty() && random.uniform() < 0.12)
        {
            const Spot& spot = recurring[c][random.below(recurring[c].size())];
            incident.x = spot.x + 8.0 * normal(random);
            incident.y = spot.y + 8.0 * normal(random);
            incident.buildingId = spot.buildingId;
        }
        else
        {
            locate(static_cast<Place>(pick(category.places, random)), incident.x, incident.y, incident.buildingId);
        }
        if (landscape.inRiver(incident.x, incident.y))
            return false;
        const auto grid = grids.find(incident.x, incident.y);
        if (!grid)
            return false;
        incident.gridId = static_cast<std::int32_t>(*grid);
        incident.reportedAt = when(category, source);
        lifecycle(incident, category);
        return true;
    }
};
} // namespace

const char* incidentSourceCode(IncidentSource source)
{
    switch (source)
    {
    case IncidentSource::CitizenApp:
        return "citizen_app";
    case IncidentSource::GridInspector:
        return "grid_inspector";
    case IncidentSource::CameraAi:
        return "camera_ai";
    case IncidentSource::Hotline:
        return "hotline";
    }
    return "citizen_app";
}

const std::vector<const char*>& incidentCategoryCodes()
{
    static const std::vector<const char*> codes = []
    {
        std::vector<const char*> list;
        for (const CategorySpec& spec : Categories)
            list.push_back(spec.code);
        return list;
    }();
    return codes;
}

std::vector<SampleIncident> generateIncidents(const DistrictLayout& layout, const Landscape& landscape,
                                              const std::vector<Building>& buildings,
                                              const std::vector<Camera>& cameras, const PolygonIndex& grids,
                                              std::size_t count, Random& random)
{
    Generator generator{layout, landscape, buildings, cameras, grids, random, {}, {}, {},
                        {},     {},        {},        {},      {},    {},     {}, {}};
    generator.prepare();
    std::vector<SampleIncident> incidents;
    incidents.reserve(count);
    while (incidents.size() < count)
    {
        SampleIncident incident;
        if (generator.one(incident))
            incidents.push_back(incident);
    }
    std::stable_sort(incidents.begin(), incidents.end(),
                     [](const SampleIncident& a, const SampleIncident& b) { return a.reportedAt < b.reportedAt; });
    return incidents;
}

} // namespace citytwin::data::sample
