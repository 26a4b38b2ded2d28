#include "data/project/tour_file.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace citytwin::data
{
namespace
{
/// The format version written in "citytwin_tour"; a file of a later version is refused.
constexpr int TourFileVersion = 1;
/// Tour files are small; anything larger is not one (and is not read into memory).
constexpr std::uintmax_t MaxTourFileBytes = 16u << 20;

nlohmann::ordered_json positionJson(const Position& p)
{
    return nlohmann::ordered_json::array({p.x, p.y, p.z});
}

/// Reads [x, y, z] of finite numbers.
bool readPosition(const nlohmann::json& json, Position& p)
{
    if (!json.is_array() || json.size() != 3)
        return false;
    for (const auto& value : json)
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            return false;
    p = {json[0].get<double>(), json[1].get<double>(), json[2].get<double>()};
    return true;
}
} // namespace

std::string tourFileJson(const TourFile& file)
{
    nlohmann::ordered_json json;
    json["citytwin_tour"] = TourFileVersion;
    json["name"] = file.tour.name;
    json["crs"] = file.crs;
    json["kpis"] = file.tour.kpis;
    nlohmann::ordered_json stops = nlohmann::ordered_json::array();
    for (const Tour::Stop& stop : file.tour.stops)
    {
        nlohmann::ordered_json entry;
        for (const Bookmark& bookmark : file.bookmarks)
            if (bookmark.name == stop.bookmark)
            {
                nlohmann::ordered_json b;
                b["name"] = bookmark.name;
                b["eye"] = positionJson(bookmark.eye);
                b["center"] = positionJson(bookmark.center);
                b["up"] = positionJson(bookmark.up);
                if (bookmark.state)
                    b["state"] = nlohmann::ordered_json::parse(bookmark.state->toJson());
                entry["bookmark"] = std::move(b);
                break;
            }
        if (!entry.contains("bookmark"))
            entry["bookmark"] = {{"name", stop.bookmark}};
        entry["duration_s"] = stop.durationSeconds;
        entry["caption"] = stop.caption;
        entry["notes"] = stop.notes;
        stops.push_back(std::move(entry));
    }
    json["stops"] = std::move(stops);
    return json.dump(2);
}

Result<TourFile> readTourFile(const std::string& text, const std::string& path)
{
    auto fail = [&path](const std::string& what) {
        return Error{ErrorCode::InvalidArgument, "not a CityTwin tour file: " + what, path};
    };
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded())
        return fail("not JSON");
    if (!json.is_object() || !json.contains("citytwin_tour"))
        return fail("no \"citytwin_tour\" version");
    if (!json["citytwin_tour"].is_number_integer())
        return fail("\"citytwin_tour\" is not a version number");
    if (json["citytwin_tour"].get<std::int64_t>() > TourFileVersion)
        return Error{ErrorCode::OpenFailed,
                     "made by a newer CityTwin (tour file version " +
                         std::to_string(json["citytwin_tour"].get<std::int64_t>()) + ")",
                     path};
    TourFile file;
    if (!json.contains("name") || !json["name"].is_string() || json["name"].get<std::string>().empty())
        return fail("the tour has no name");
    file.tour.name = json["name"].get<std::string>();
    if (json.contains("crs") && !json["crs"].is_string())
        return fail("\"crs\" is not text");
    file.crs = json.value("crs", std::string());
    if (json.contains("kpis"))
    {
        if (!json["kpis"].is_array())
            return fail("\"kpis\" is not a list");
        for (const auto& key : json["kpis"])
        {
            if (!key.is_string() || key.get<std::string>().empty() ||
                key.get<std::string>().find(',') != std::string::npos)
                return fail("\"kpis\" holds something that is not a KPI tile name");
            file.tour.kpis.push_back(key.get<std::string>());
        }
    }
    if (!json.contains("stops") || !json["stops"].is_array() || json["stops"].empty())
        return fail("the tour has no stops");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < json["stops"].size(); ++i)
    {
        const auto& entry = json["stops"][i];
        const std::string where = "stop " + std::to_string(i + 1) + ": ";
        if (!entry.is_object() || !entry.contains("bookmark") || !entry["bookmark"].is_object())
            return fail(where + "no bookmark");
        const auto& b = entry["bookmark"];
        Bookmark bookmark;
        if (!b.contains("name") || !b["name"].is_string() || b["name"].get<std::string>().empty())
            return fail(where + "the bookmark has no name");
        bookmark.name = b["name"].get<std::string>();
        if (!b.contains("eye") || !readPosition(b["eye"], bookmark.eye) || !b.contains("center") ||
            !readPosition(b["center"], bookmark.center))
            return fail(where + "the bookmark's camera needs \"eye\" and \"center\" as [x, y, z] numbers");
        if (b.contains("up") && !readPosition(b["up"], bookmark.up))
            return fail(where + "the bookmark's \"up\" is not [x, y, z] numbers");
        if (b.contains("state") && !b["state"].is_null())
        {
            auto state = ViewState::fromJson(b["state"].dump(), path);
            if (!state)
                return Error{state.error().code, where + state.error().detail, path};
            bookmark.state = std::move(state.value());
        }
        Tour::Stop stop{bookmark.name, 8.0, {}, {}};
        if (entry.contains("duration_s"))
        {
            if (!entry["duration_s"].is_number() || !(entry["duration_s"].get<double>() > 0.0) ||
                entry["duration_s"].get<double>() > 3600.0)
                return fail(where + "\"duration_s\" must be a number of seconds above 0 and at most 3600");
            stop.durationSeconds = entry["duration_s"].get<double>();
        }
        for (auto [key, target] :
             {std::pair<const char*, std::string*>{"caption", &stop.caption}, {"notes", &stop.notes}})
            if (entry.contains(key))
            {
                if (!entry[key].is_string())
                    return fail(where + "\"" + key + "\" is not text");
                *target = entry[key].get<std::string>();
            }
        file.tour.stops.push_back(std::move(stop));
        // A bookmark visited twice is listed once.
        if (seen.insert(bookmark.name).second)
            file.bookmarks.push_back(std::move(bookmark));
    }
    return file;
}

Result<bool> exportTour(ProjectStore& project, const std::string& name, const std::string& path)
{
    auto tours = project.tours();
    if (!tours)
        return tours.error();
    TourFile file;
    bool found = false;
    for (const Tour& tour : tours.value())
        if (tour.name == name)
        {
            file.tour = tour;
            found = true;
        }
    if (!found)
        return Error{ErrorCode::InvalidArgument, "the project has no tour named '" + name + "'", project.path()};
    auto bookmarks = project.bookmarks();
    if (!bookmarks)
        return bookmarks.error();
    for (const Bookmark& bookmark : bookmarks.value())
        for (const Tour::Stop& stop : file.tour.stops)
            if (stop.bookmark == bookmark.name)
            {
                file.bookmarks.push_back(bookmark);
                break;
            }
    file.crs = project.projectCrs();
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << tourFileJson(file) << '\n';
        out.close();
        if (!out)
        {
            std::filesystem::remove(partial);
            return Error{ErrorCode::StoreFailed, "cannot write the tour file", path};
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error)
    {
        std::filesystem::remove(partial);
        return Error{ErrorCode::StoreFailed, "cannot write the tour file: " + error.message(), path};
    }
    return true;
}

Result<Tour> importTour(ProjectStore& project, const std::string& path, const std::string& newName)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        return Error{ErrorCode::FileNotFound, "cannot read the tour file: " + error.message(), path};
    if (size > MaxTourFileBytes)
        return Error{ErrorCode::InvalidArgument, "too large for a tour file (" + std::to_string(size) + " bytes)",
                     path};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in)
        return Error{ErrorCode::OpenFailed, "cannot read the tour file", path};
    auto file = readTourFile(text.str(), path);
    if (!file)
        return file.error();
    if (!file->crs.empty() && file->crs != project.projectCrs())
        return Error{ErrorCode::CrsUnknown,
                     "its cameras are in " + file->crs + ", the project's CRS is " + project.projectCrs(), path};
    if (!newName.empty())
        file->tour.name = newName;
    if (auto saved = project.saveTourWithBookmarks(file->tour, file->bookmarks); !saved)
        return saved.error();
    return file->tour;
}

} // namespace citytwin::data
