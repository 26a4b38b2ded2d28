#pragma once

#include "district_services.hpp"
#include "incident_generator.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace citytwin::data::sample
{

/// The district's residents in total (domain.md).
constexpr std::int64_t DistrictPopulation = 785000;

/// Residents per community (index: community id - 1), shared out exactly from DistrictPopulation.
struct Residents
{
    std::vector<std::int64_t> people;
    std::vector<std::int64_t> households;
    std::vector<std::int64_t> elderly;
    std::vector<std::int64_t> children;
};

/// The whole sample district in memory, generated deterministically from a seed: the layout, the landscape, the
/// buildings with their names and residents, the stations, cameras and party organization, and a year of
/// incidents. `random` is left where generation stopped: the layer writer draws the grid inspectors' names from it.
struct DistrictModel
{
    /// `incidents` sets their number (IncidentsPerYear x scale when absent).
    DistrictModel(std::uint64_t seed, double scale, std::optional<std::int64_t> incidents = {});

    DistrictLayout layout;
    Random random;
    Landscape landscape;
    std::vector<Building> buildings;
    Residents residents;
    std::vector<Station> stations;
    std::vector<Camera> cameras;
    std::vector<PartyOrg> orgs;
    std::vector<PartyLink> links;
    std::vector<SampleIncident> incidents;
};

} // namespace citytwin::data::sample
