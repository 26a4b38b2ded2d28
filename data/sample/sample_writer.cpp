#include "sample_writer.hpp"

#include "district_model.hpp"
#include "sample_layers.hpp"
#include "terrain_writer.hpp"

#include "data/incidents/incident_bulk.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_time.hpp"
#include "data/incidents/incident_rows.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

namespace citytwin::data::sample
{
namespace
{
/// The sample is a snapshot at the end of its incident year; fixed, so that files are reproducible.
constexpr const char* SampleAsOf = "2025-12-31T16:00:00.000Z";

class PhaseClock
{
public:
    explicit PhaseClock(const SampleOptions& options, SampleReport& report) : mOptions(options), mReport(report) {}
    void mark(const std::string& phase)
    {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - mLast).count();
        mLast = now;
        mReport.phases.push_back({phase, seconds});
        if (mOptions.progress)
            mOptions.progress(phase, seconds);
    }

private:
    const SampleOptions& mOptions;
    SampleReport& mReport;
    std::chrono::steady_clock::time_point mLast = std::chrono::steady_clock::now();
};

/// A sample view: where the camera looks from (an offset from the centre) and what the view shows.
struct SampleView
{
    std::string name;
    double centerX, centerY, centerZ;
    double eyeDx, eyeDy, eyeDz;
    ViewState state;
};

Result<bool> writeBookmarks(Database& database, const std::vector<SampleView>& bookmarks)
{
    auto insert = database.prepare(
        "INSERT OR REPLACE INTO citytwin_bookmarks(name, eye_x, eye_y, eye_z, center_x, center_y, center_z, up_x, "
        "up_y, up_z, created_at, state) VALUES(?, ?, ?, ?, ?, ?, ?, 0, 0, 1, ?, ?)");
    if (!insert)
        return insert.error();
    for (const SampleView& b : bookmarks)
    {
        insert->bind(1, b.name)
            .bind(2, b.centerX + b.eyeDx)
            .bind(3, b.centerY + b.eyeDy)
            .bind(4, b.centerZ + b.eyeDz)
            .bind(5, b.centerX)
            .bind(6, b.centerY)
            .bind(7, b.centerZ)
            .bind(8, std::string(SampleAsOf))
            .bind(9, b.state.toJson());
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return true;
}

/// Writes the incidents' content from the model: external ids per source, statuses from the lifecycle, addresses
/// from the building or the grid, descriptions from the source and the category's Chinese name.
class IncidentRows
{
public:
    IncidentRows(const DistrictModel& model, std::map<std::string, std::string> categoryNames)
        : mModel(model), mCategoryNames(std::move(categoryNames))
    {
    }

    /// Inserts one incident with the given fid.
    Result<bool> insert(IncidentInserter& inserter, const SampleIncident& incident, std::int64_t fid)
    {
        const auto source = static_cast<std::size_t>(incident.source);
        char externalId[32];
        std::snprintf(externalId, sizeof externalId, "%s2025%07lld", Prefixes[source],
                      static_cast<long long>(++mPerSource[source]));
        const char* status = incident.closedAt       ? "closed"
                             : incident.handledAt    ? "handled"
                             : incident.dispatchedAt ? "dispatched"
                                                     : "reported";
        const GridCell& cell = mModel.layout.grids[static_cast<std::size_t>(incident.gridId - 1)];
        const Community& community = mModel.layout.communities[cell.communityId - 1];
        const std::string address = addressOf(incident, community);
        const std::string category = incidentCategoryCodes()[incident.category];
        const std::string description = SourceNames[source] + ("：" + mCategoryNames[category]);
        const auto nonZero = [](std::int64_t value)
        { return value ? std::optional<std::int64_t>(value) : std::nullopt; };
        const IncidentRow row{.x = incident.x,
                              .y = incident.y,
                              .externalId = externalId,
                              .source = incidentSourceCode(incident.source),
                              .category = category,
                              .status = status,
                              .reportedAt = incident.reportedAt,
                              .dispatchedAt = nonZero(incident.dispatchedAt),
                              .handledAt = nonZero(incident.handledAt),
                              .closedAt = nonZero(incident.closedAt),
                              .gridId = static_cast<std::int64_t>(incident.gridId),
                              .communityId = community.id,
                              .cameraId = nonZero(incident.cameraId),
                              .address = address,
                              .description = description,
                              .fid = fid};
        return inserter.insert(row);
    }

private:
    static constexpr const char* Prefixes[] = {"APP", "WGY", "AI", "RX"};
    static constexpr const char* SourceNames[] = {"市民随手拍", "网格员巡查", "视频AI识别", "12345热线"};

    /// The building's name (residential buildings' names start with their community's), or the grid's road.
    std::string addressOf(const SampleIncident& incident, const Community& community) const
    {
        const Building* building =
            incident.buildingId ? &mModel.buildings[static_cast<std::size_t>(incident.buildingId - 1)] : nullptr;
        return !building ? community.name + "网格" + std::to_string(10000 + incident.gridId).substr(1) + "附近道路"
               : building->use == BuildingUse::Residential ? building->name
                                                           : community.name + building->name;
    }

    const DistrictModel& mModel;
    std::map<std::string, std::string> mCategoryNames;
    std::int64_t mPerSource[4] = {};
};

/// The Chinese names of the incident categories, by code.
Result<std::map<std::string, std::string>> categoryNames(Database& database)
{
    std::map<std::string, std::string> names;
    auto statement = database.prepare("SELECT code, name_zh FROM citytwin_incident_categories");
    if (!statement)
        return statement.error();
    if (auto read =
            statement->forEachRow([&names](const Statement& row) { names[row.columnText(0)] = row.columnText(1); });
        !read)
        return read.error();
    return names;
}

/// Sets the incident table's extent and last change in gpkg_contents (GDAL does not see rows written by SQL).
Result<bool> updateIncidentContents(Database& database, const Extent& extent)
{
    auto contents = database.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                                     "last_change = ? WHERE table_name = ?");
    if (!contents)
        return contents.error();
    return contents->bind(1, extent.minX)
        .bind(2, extent.minY)
        .bind(3, extent.maxX)
        .bind(4, extent.maxY)
        .bind(5, std::string(SampleAsOf))
        .bind(6, schema::incidents::Table)
        .run();
}

/// Writes the model's incidents in one transaction, with the secondary indexes and the R-tree built in bulk after
/// the rows; returns how many were written.
Result<std::int64_t> writeIncidents(ProjectStore& project, const DistrictModel& model)
{
    Database& database = project.database();
    auto srsId = project.srsIdOf(schema::incidents::Table);
    if (!srsId)
        return srsId.error();
    // A large page cache keeps the bulk load and the index builds off the disk until the commit.
    if (auto cached = database.exec("PRAGMA cache_size = -524288"); !cached)
        return cached.error();
    auto transaction = Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto bulk = BulkIndexes::suspend(database);
    if (!bulk)
        return bulk.error();
    auto names = categoryNames(database);
    if (!names)
        return names.error();
    auto inserter = IncidentInserter::prepare(database, srsId.value(), IncidentInserter::OnDuplicate::Fail);
    if (!inserter)
        return inserter.error();
    IncidentRows rows(model, std::move(names.value()));
    Extent extent;
    std::int64_t id = 0;
    for (const SampleIncident& incident : model.incidents)
    {
        extent.include(incident.x, incident.y);
        if (auto done = rows.insert(inserter.value(), incident, ++id); !done)
            return done.error();
    }
    if (auto rebuilt = bulk->restore(database, 0); !rebuilt)
        return rebuilt.error();
    if (extent.isValid())
    {
        if (auto updated = updateIncidentContents(database, extent); !updated)
            return updated.error();
    }
    if (auto committed = transaction.value()->commit(); !committed)
        return committed.error();
    if (auto cached = database.exec("PRAGMA cache_size = -2000"); !cached)
        return cached.error();
    return id;
}

/// The sample's bookmarks: the whole district, the densest block, the hill, the community with most stations, and
/// the grid with most incidents; each with the layers that show it and a Chinese caption (the incident view with
/// the heat layer of the last 30 days' incidents).
std::vector<SampleView> sampleBookmarks(const DistrictModel& model)
{
    const DistrictLayout& layout = model.layout;
    const Landscape& landscape = model.landscape;
    std::map<std::int64_t, int> buildingsPerGrid, stationsPerCommunity, incidentsPerGrid;
    for (const Building& building : model.buildings)
        ++buildingsPerGrid[building.gridId];
    for (const Station& station : model.stations)
        ++stationsPerCommunity[station.communityId];
    for (const SampleIncident& incident : model.incidents)
        ++incidentsPerGrid[incident.gridId];
    auto busiest = [](const std::map<std::int64_t, int>& counts)
    {
        return std::max_element(counts.begin(), counts.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    };
    const GridCell& dense = layout.grids[static_cast<std::size_t>(busiest(buildingsPerGrid) - 1)];
    const GridCell& hot = layout.grids[static_cast<std::size_t>(busiest(incidentsPerGrid) - 1)];
    const Community& served = layout.communities[static_cast<std::size_t>(busiest(stationsPerCommunity) - 1)];
    double servedX = 0.0, servedY = 0.0;
    for (std::int64_t gridId : served.gridIds)
    {
        servedX += layout.grids[gridId - 1].centerX / static_cast<double>(served.gridIds.size());
        servedY += layout.grids[gridId - 1].centerY / static_cast<double>(served.gridIds.size());
    }
    auto ground = [&landscape](double x, double y) { return landscape.elevation(x, y); };
    namespace s = schema;
    const std::vector<std::string> base = {s::district::Table, s::streets::Table, s::communities::Table,
                                           s::roads::Table,    s::river::Table,   s::buildings::Table};
    auto with = [&base](std::vector<std::string> more)
    {
        std::vector<std::string> layers = base;
        layers.insert(layers.end(), more.begin(), more.end());
        return layers;
    };
    auto number = [](std::size_t n) { return std::to_string(n); };
    // The heat stop shows the last 30 days' incidents before the sample's date; the others the whole year.
    const std::int64_t asOf = parseIncidentTime(SampleAsOf).value_or(0);
    IncidentFilter recent, year;
    recent.from = asOf - 30 * 86400;
    recent.to = asOf;
    year.from = asOf - 365 * 86400;
    year.to = asOf;
    const std::string yearJson = year.toJson();
    ViewState overview{with({s::stations::Table}), std::nullopt, false, yearJson,
                       "路北区全区 · " + number(layout.streets.size()) + "个街道 · " +
                           number(layout.communities.size()) + "个社区 · " + number(layout.grids.size()) + "个网格"};
    ViewState denseView{with({}), std::nullopt, false, yearJson, "建筑最密集的网格：" + number(dense.id) + "号网格"};
    ViewState hillView{with({}), std::nullopt, false, yearJson, "山体与周边社区：地形与建筑"};
    ViewState stationsView{with({s::stations::Table, s::grids::Table}), std::nullopt, false, yearJson,
                           served.name + "：辖区服务站点最多的社区"};
    ViewState heatView{with({}), std::nullopt, true, recent.toJson(),
                       "近30天事件热力：" + number(hot.id) + "号网格一带最集中"};
    return {
        {"overview", layout.centerX, layout.centerY, ground(layout.centerX, layout.centerY), 0.0, -19000.0, 22000.0,
         overview},
        {"dense-block", dense.centerX, dense.centerY, ground(dense.centerX, dense.centerY), 250.0, -450.0, 380.0,
         denseView},
        {"hill", landscape.hillX(), landscape.hillY(), ground(landscape.hillX(), landscape.hillY()), 900.0, -1500.0,
         700.0, hillView},
        {"community-stations", servedX, servedY, ground(servedX, servedY), 0.0, -1600.0, 1900.0, stationsView},
        {"incident-heat", hot.centerX, hot.centerY, ground(hot.centerX, hot.centerY), 0.0, -4500.0, 5200.0, heatView},
    };
}

/// Writes the bookmarks, the briefing tour through them, and the sample's metadata.
Result<bool> writeBookmarksAndMeta(ProjectStore& project, const DistrictModel& model, const SampleOptions& options,
                                   SampleReport& report)
{
    const std::vector<SampleView> bookmarks = sampleBookmarks(model);
    if (auto saved = writeBookmarks(project.database(), bookmarks); !saved)
        return saved.error();
    report.bookmarks = static_cast<int>(bookmarks.size());
    // The briefing tour: the five bookmarks in turn, with the presenter's notes; the captions are the bookmarks'.
    const std::map<std::string, std::string> notes = {
        {"overview", "开场：全区概况与本周关键指标。"},
        {"dense-block", "建筑密度最高的片区，网格员巡查任务最重。"},
        {"hill", "山体周边地形起伏，注意地质与防火巡查。"},
        {"community-stations", "服务站点覆盖较好的社区，可作为其他社区的参照。"},
        {"incident-heat", "近30天事件最集中的片区：说明主要类别与处置进度。"}};
    Tour briefing{"briefing", {}, {}};
    for (const SampleView& b : bookmarks)
        briefing.stops.push_back({b.name, 8.0, {}, notes.count(b.name) ? notes.at(b.name) : std::string()});
    if (auto saved = project.saveTour(briefing); !saved)
        return saved.error();
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"sample_seed", std::to_string(options.seed)},
                                     {"sample_scale", std::to_string(options.scale)},
                                     {"sample_as_of", SampleAsOf}})
        if (auto set = project.setMeta(key, value); !set)
            return set.error();
    return true;
}

/// Writes everything; writeSample removes the file when this fails.
Result<SampleReport> writeAll(const std::string& path, const SampleOptions& options)
{
    SampleReport report;
    PhaseClock clock(options, report);
    auto project = ProjectStore::open(path, {.create = true});
    if (!project)
        return project.error();
    auto fail = [&path](const Error& error) { return Error{error.code, error.detail, path}; };

    DistrictModel model(options.seed, options.scale, options.incidents);
    clock.mark("model");
    if (auto written = writeLayers(path, model, report); !written)
        return written.error();
    clock.mark("layers");
    auto written = writeIncidents(project.value(), model);
    if (!written)
        return fail(written.error());
    report.incidents = written.value();
    clock.mark("incidents");
    if (auto saved = writeBookmarksAndMeta(project.value(), model, options, report); !saved)
        return fail(saved.error());
    clock.mark("bookmarks");
    if (options.terrain)
    {
        if (auto terrain = writeTerrain(path, model.layout, model.landscape, model.buildings); !terrain)
            return fail(terrain.error());
        clock.mark("terrain");
    }
    report.grids = static_cast<int>(model.layout.grids.size());
    report.communities = static_cast<int>(model.layout.communities.size());
    report.streets = static_cast<int>(model.layout.streets.size());
    return report;
}
} // namespace

const std::vector<std::string>& sampleBookmarkNames()
{
    static const std::vector<std::string> names = {"overview", "dense-block", "hill", "community-stations",
                                                   "incident-heat"};
    return names;
}

Result<SampleReport> writeSample(const std::string& path, const SampleOptions& options)
{
    if (std::filesystem::exists(path))
        return Error{ErrorCode::InvalidArgument, "the file exists already; the sample is written to a new file", path};
    if (!(options.scale > 0.0) || options.scale > 100.0)
        return Error{ErrorCode::InvalidArgument, "the scale must be above 0 and at most 100", path};
    if (options.incidents && (*options.incidents < 0 || *options.incidents > MaxIncidents))
        return Error{ErrorCode::InvalidArgument, "the number of incidents must be 0 to 100,000,000", path};
    auto report = writeAll(path, options);
    if (!report)
    {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path + suffix, ignored);
    }
    return report;
}

} // namespace citytwin::data::sample
