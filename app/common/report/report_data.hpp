#pragma once

#include "app/common/analysis_inputs.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/incidents/incident_store.hpp"
#include "data/project/report_template.hpp"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::app
{

/// One area a report page is made for: a community, grid or street of the project, or the whole district.
struct ReportArea
{
    data::AtlasLevel level = data::AtlasLevel::None;
    std::int64_t id = 0;
    QString name;
    std::vector<data::Polygon> polygons;
    data::Extent extent;
    /// The project's grid ids inside the area (a street's, a community's, the grid itself).
    std::vector<std::int64_t> gridIds;
    /// The communities inside the area (a street's, the community itself, a grid's community).
    std::vector<std::int64_t> communityIds;
};

/// The figures of one area under a filter. Incident figures are those of `citytwin stats incidents` for the same
/// filter (a community's or grid's are its row of that table); coverage figures are NaN where the project has
/// no such layer.
struct AreaFigures
{
    std::int64_t count = 0;
    std::int64_t open = 0;
    std::int64_t overdue = 0;
    double aiShare = std::numeric_limits<double>::quiet_NaN();
    double medianCloseHours = std::numeric_limits<double>::quiet_NaN();
    double population = std::numeric_limits<double>::quiet_NaN();
    double groupShare = std::numeric_limits<double>::quiet_NaN(); ///< residential buildings with a party group
    double linkShare = std::numeric_limits<double>::quiet_NaN();  ///< households reached by a 1+10 link
    std::int64_t branches = 0;
    double serviceCoverage = std::numeric_limits<double>::quiet_NaN(); ///< people within 500 m of a day-care station
    std::int64_t stations = 0;
};

/// Everything a report reads from a project, read once: its layers (project CRS), incidents, categories, party and
/// service coverage per community. Read-only; pages are made from it on one thread.
class ReportData
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportData)
public:
    /// Reads a project (its layers, incidents and categories); an error naming the file and the problem.
    static data::Result<std::unique_ptr<ReportData>> load(const std::string& projectPath);

    const std::string& path() const { return mPath; }
    /// The project's file name without extension.
    QString projectName() const;
    /// The district's name (its `district` layer's name, else the project's).
    QString districtName() const;
    /// A layer by table name, or null when the project has none.
    const data::VectorLayer* layer(const std::string& name) const;
    const data::IncidentStore& store() const { return *mStore; }
    const std::vector<CategoryInfo>& categories() const { return mCategories; }

    /// The areas of a level, by id; the district (one area) for None. Made on the first call, then kept.
    const std::vector<ReportArea>& areas(data::AtlasLevel level) const;
    /// Returns a filter narrowed to an area (the district's filter is unchanged).
    static data::IncidentFilter narrowed(const data::IncidentFilter& filter, const ReportArea& area);
    /// The figures of an area under a filter.
    AreaFigures figures(const ReportArea& area, const data::IncidentFilter& filter) const;
    /// The filter in words: "2025-06-01 至 2025-06-30 · 占道经营 · 路北区全区" (interface language).
    QString filterWords(const data::IncidentFilter& filter, const ReportArea& area) const;
    /// The filter's time range in words, or "all time".
    QString periodWords(const data::IncidentFilter& filter) const;
    /// The data's date: the latest incident report (district time), or today.
    QString dataDate() const;

    /// `citytwin stats incidents --by grid|community` for a filter (Grid, else Community), kept for the next call.
    const data::StatsTable& incidentTable(data::AtlasLevel level, const data::IncidentFilter& filter) const;
    /// The names of a table's areas by id (kept after the first call).
    const std::map<std::int64_t, QString>& areaNames(const std::string& table) const;

private:
    ReportData() = default;
    std::vector<ReportArea> makeAreas(data::AtlasLevel level) const;
    void readCoverage();

    std::string mPath;
    std::map<std::string, data::VectorLayer> mLayers;
    std::unique_ptr<data::IncidentStore> mStore;
    std::vector<CategoryInfo> mCategories;
    /// Party and service coverage per community id (NaN where unknown).
    struct CommunityCoverage
    {
        double residential = 0.0, withGroup = 0.0, households = 0.0, linked = 0.0;
        std::int64_t branches = 0;
        double people = 0.0, covered = 0.0;
        std::int64_t stations = 0;
    };
    std::map<std::int64_t, CommunityCoverage> mCoverage;
    bool mHasParty = false;
    bool mHasServices = false;
    /// The incidents table per level for the last filter asked (the atlas asks for the same one page after page).
    mutable std::map<data::AtlasLevel, std::pair<std::string, data::StatsTable>> mTables;
    mutable std::map<data::AtlasLevel, std::vector<ReportArea>> mAreas;
    mutable std::map<std::string, std::map<std::int64_t, QString>> mNames;
};

} // namespace citytwin::app
