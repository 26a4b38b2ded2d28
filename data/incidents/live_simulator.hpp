#pragma once

#include "data/core/result.hpp"
#include "data/project/project_store.hpp"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace citytwin::data
{

/// Appends plausible new incidents to a project, as another process reporting live cases would (`citytwin
/// simulate-live`, briefing demos and the live-update tests). Each new case is modelled on a past incident of the
/// project picked at random, so busy places and common categories stay so: the same category, source, grid cell,
/// community and camera, the place moved by a few metres (at most JitterMetres), reported "now" and not yet
/// dispatched. Writes only the incident table, one transaction per batch (WAL lets viewers read meanwhile).
class LiveIncidentSimulator
{
public:
    /// How far a new case lies from the past incident it is modelled on (metres, project CRS).
    static constexpr double JitterMetres = 15.0;
    /// How many past incidents are kept as models (spread evenly over the table).
    static constexpr std::int64_t ModelCount = 20000;

    /// Opens the project read-write and reads its models. Fails, naming the file, when it is not a project or has
    /// no incidents to model new ones on.
    static Result<LiveIncidentSimulator> open(const std::string& projectPath, std::uint32_t seed);

    /// Appends count new incidents reported at reportedAt (seconds since the epoch, UTC) in one transaction;
    /// returns the incident count of the table after it.
    Result<std::int64_t> append(int count, std::int64_t reportedAt);

private:
    struct Model
    {
        double x = 0.0, y = 0.0;
        std::string category, source;
        std::optional<std::int64_t> gridId, communityId, cameraId;
    };

    LiveIncidentSimulator(ProjectStore project, std::vector<Model> models, std::int32_t srsId, std::uint32_t seed);
    static Result<std::vector<Model>> readModels(Database& database, const std::string& path);

    ProjectStore mProject;
    std::vector<Model> mModels;
    std::int32_t mSrsId = 0;
    std::mt19937_64 mRandom;
};

} // namespace citytwin::data
