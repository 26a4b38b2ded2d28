#pragma once

#include "data/core/result.hpp"
#include "data/project/project_store.hpp"

#include <string>
#include <vector>

namespace citytwin::data
{

/// A tour with the bookmarks its stops name: what a tour JSON file holds, so that it can be imported into another
/// project (the cameras are project-CRS metres; the file names its CRS).
struct TourFile
{
    Tour tour;
    std::vector<Bookmark> bookmarks;
    /// The CRS of the cameras ("EPSG:4548").
    std::string crs;
};

/// Returns the tour file's JSON text: {"citytwin_tour": 1, "name", "crs", "kpis", "stops": [{"bookmark": {name,
/// eye, center, up, state}, "duration_s", "caption", "notes"}]}.
std::string tourFileJson(const TourFile& file);
/// Reads a tour file's text; an Error naming the file (path) and what is wrong.
Result<TourFile> readTourFile(const std::string& text, const std::string& path);

/// Writes a project's tour, with its bookmarks, to a JSON file (replacing it; written beside it and renamed).
Result<bool> exportTour(ProjectStore& project, const std::string& name, const std::string& path);
/// Reads a tour file into a project: its bookmarks (replacing those of the same names) and the tour (named as in
/// the file, or newName when given), all or nothing. Refuses a file whose CRS is not the project's. Returns the tour.
Result<Tour> importTour(ProjectStore& project, const std::string& path, const std::string& newName = {});

} // namespace citytwin::data
