#pragma once

#include "district_services.hpp"

#include "data/core/date_time.hpp"
#include "data/geo/polygon_index.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace citytwin::data::sample
{

/// The sample's year of incidents: 2025 in the district's time; the project is a snapshot at its end.
constexpr std::int64_t IncidentYearStart = 1735689600 - DistrictUtcOffsetMinutes * 60; // 2025-01-01T00:00 local
constexpr std::int64_t IncidentSnapshot = 1767225600 - DistrictUtcOffsetMinutes * 60;  // 2026-01-01T00:00 local

/// Incident sources, in the codes of the incident table.
enum class IncidentSource : std::uint8_t
{
    CitizenApp,
    GridInspector,
    CameraAi,
    Hotline,
};
const char* incidentSourceCode(IncidentSource source);

/// One generated case, compact (a scale-10 sample holds 3.3 million in memory).
struct SampleIncident
{
    std::int64_t reportedAt = 0;
    std::int64_t dispatchedAt = 0; ///< 0: not yet
    std::int64_t handledAt = 0;
    std::int64_t closedAt = 0;
    double x = 0.0, y = 0.0;
    std::int32_t gridId = 0;
    std::int32_t cameraId = 0;   ///< 0: none
    std::int32_t buildingId = 0; ///< the building it is about, 0 when on the street
    IncidentSource source = IncidentSource::CitizenApp;
    std::uint8_t category = 0; ///< index into incidentCategoryCodes()
};

/// The category codes the generator uses (the project's seeded incident categories).
const std::vector<const char*>& incidentCategoryCodes();

/// Incidents in a year of the sample at scale 1.
inline constexpr double IncidentsPerYear = 330000.0;

/// Generates a year of `count` incidents (IncidentsPerYear x scale by default), sorted by report time: four sources with their
/// daily and weekly rhythms, seasonal categories, hot spots at markets and schools, camera-AI cases only
/// inside the view of a camera, places that recur, and a lifecycle (dispatch, handling, closing) whose
/// speed differs between grids, with some cases overdue and some still open at the snapshot.
std::vector<SampleIncident> generateIncidents(const DistrictLayout& layout, const Landscape& landscape,
                                              const std::vector<Building>& buildings,
                                              const std::vector<Camera>& cameras, const PolygonIndex& grids,
                                              std::size_t count, Random& random);

} // namespace citytwin::data::sample
