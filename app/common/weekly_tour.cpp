#include "app/common/weekly_tour.hpp"

#include "app/common/analysis_inputs.hpp"

#include "data/analysis/analysis_runs.hpp"
#include "data/analysis/briefing_kpis.hpp"
#include "data/core/date_time.hpp"
#include "data/core/height_field.hpp"
#include "data/incidents/incident_filter.hpp"
#include "data/io/raster_source.hpp"
#include "data/project/schema.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

namespace citytwin::app
{
namespace
{
constexpr std::int64_t Day = 86400;
constexpr std::int64_t Week = 7 * Day;
/// Seconds a stop is shown when the tour plays by itself: a caption of two lines read aloud.
constexpr double StopSeconds = 10.0;
/// The camera of a grid's stop, from the grid's centre (metres): the view of a community from the south, as the
/// sample's community bookmark, so the heat around the grid shows with its neighbours. Grids wider than
/// GridViewSpan are seen from proportionally further.
constexpr double GridEyeSouth = 1600.0;
constexpr double GridEyeUp = 1900.0;
constexpr double GridViewSpan = 500.0;
/// The overview's camera per metre of the district's larger side: the sample's overview (19 km south, 22 km up over
/// a district 16.8 km at its widest) for any district.
constexpr double OverviewEyeSouth = 1.13;
constexpr double OverviewEyeUp = 1.31;
/// DEM samples a side for ground heights: a few metres off at most over a district, read in milliseconds.
constexpr int GroundSamples = 512;

/// The captions, in the interface language.
class WeeklyTourText
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::WeeklyTourText)
public:
    static QString finding(const data::WeeklyFinding& finding, const QString& categoryName)
    {
        const QString level = QString::number(confidencePercent(finding.pValue));
        switch (finding.kind)
        {
        case data::FindingKind::GridRise:
            if (finding.expected == 0.0)
                return tr("Grid %1: %2 incidents this week after none in the %3 weeks before (significant at %4%)")
                    .arg(finding.gridId)
                    .arg(finding.current)
                    .arg(finding.weeksBefore)
                    .arg(level);
            return tr("Grid %1: all incidents up from %2 a week to %3 this week (significant at %4%)")
                .arg(finding.gridId)
                .arg(finding.expected, 0, 'f', 1)
                .arg(finding.current)
                .arg(level);
        case data::FindingKind::CategoryRise:
            if (finding.expected > 0.0)
                return tr("Grid %1: %2 up %3× (%4 this week, %5 a week before), significant at %6%")
                    .arg(finding.gridId)
                    .arg(categoryName)
                    .arg(static_cast<double>(finding.current) / finding.expected, 0, 'f', 1)
                    .arg(finding.current)
                    .arg(finding.expected, 0, 'f', 1)
                    .arg(level);
            return tr("Grid %1: %2, %3 this week after none in the %4 weeks before, significant at %5%")
                .arg(finding.gridId)
                .arg(categoryName)
                .arg(finding.current)
                .arg(finding.weeksBefore)
                .arg(level);
        case data::FindingKind::BacklogGrowth:
            break;
        }
        return tr("Grid %1: overdue cases still open up from %2 to %3 over the week")
            .arg(finding.gridId)
            .arg(finding.before)
            .arg(finding.current);
    }

    /// "This week in the district: ..." from the week's KPIs (incidents against the week before, the overdue
    /// backlog at the week's end against a week before).
    static QString overview(const data::BriefingKpis& kpis)
    {
        const auto week = static_cast<qint64>(kpis.incidentsWeek.value);
        const auto before = static_cast<qint64>(kpis.incidentsWeek.previous);
        QString text;
        if (week == 0)
            text = tr("This week in the district: no incidents");
        else if (before == 0)
            text = tr("This week in the district: %1 incidents (none the week before)").arg(week);
        else
        {
            const double change = 100.0 * static_cast<double>(week - before) / static_cast<double>(before);
            const QString percent = QString::number(std::abs(change), 'f', 0);
            if (percent == QLatin1String("0"))
                text = tr("This week in the district: %1 incidents, as many as the week before").arg(week);
            else
                text = (change > 0.0 ? tr("This week in the district: %1 incidents, up %2% on the week before (%3)")
                                     : tr("This week in the district: %1 incidents, down %2% on the week before (%3)"))
                           .arg(week)
                           .arg(percent)
                           .arg(before);
        }
        return text + tr("; %1 overdue cases open at the week's end (%2 a week before)")
                          .arg(static_cast<qint64>(kpis.overdueNow.value))
                          .arg(static_cast<qint64>(kpis.overdueNow.previous));
    }

private:
    static int confidencePercent(double pValue)
    {
        switch (data::confidenceOf(pValue))
        {
        case data::Confidence::Percent99:
            return 99;
        case data::Confidence::Percent95:
            return 95;
        case data::Confidence::Percent90:
            return 90;
        case data::Confidence::None:
            break;
        }
        return 0;
    }
};

/// The ground height at a point from the project's DEM, 0 without one.
class Ground
{
public:
    explicit Ground(const std::string& projectPath)
    {
        const data::TerrainRasters rasters = data::findTerrainRasters(projectPath);
        if (rasters.dem.empty())
            return;
        // A DEM that cannot be read leaves the cameras at height 0 above sea level: still a view of the place.
        if (auto dem = data::RasterSource::open(rasters.dem))
            if (auto field = data::HeightField::load(*dem.value(), GroundSamples))
                mField = field.value();
    }
    double at(double x, double y) const { return mField ? mField->heightAt(x, y) : 0.0; }

private:
    std::shared_ptr<const data::HeightField> mField;
};

/// The layers every stop shows: the sample's base map and the grids.
std::vector<std::string> stopLayers()
{
    namespace s = data::schema;
    return {s::district::Table, s::streets::Table,   s::communities::Table, s::roads::Table,
            s::river::Table,    s::buildings::Table, s::grids::Table};
}

/// A bookmark looking north at an extent's centre from south and above (offsets in metres).
data::Bookmark viewOf(const std::string& name, const data::Extent& area, const Ground& ground, double south, double up,
                      data::ViewState state)
{
    data::Bookmark bookmark;
    bookmark.name = name;
    const double x = area.centerX(), y = area.centerY(), z = ground.at(x, y);
    bookmark.center = {x, y, z};
    bookmark.eye = {x, y - south, z + up};
    bookmark.state = std::move(state);
    return bookmark;
}

/// The filter a finding's stop shows: the week's incidents; of the category that rose; for a backlog, the cases
/// overdue at the week's end reported since the longest overdue limit before the week began (every case that can
/// have become overdue during the week; IncidentFilter::overdueOnly also shows cases closed late).
data::IncidentFilter stopFilter(const data::WeeklyFinding& finding, const data::IncidentStore& store,
                                std::int64_t weekStart)
{
    data::IncidentFilter filter;
    filter.from = weekStart;
    filter.to = weekStart + Week;
    if (finding.kind == data::FindingKind::CategoryRise)
        filter.categories = {finding.category};
    if (finding.kind == data::FindingKind::BacklogGrowth)
    {
        const std::vector<double>& limits = store.codes().overdueHours;
        const double longest = limits.empty() ? 0.0 : *std::max_element(limits.begin(), limits.end());
        filter.from = weekStart - static_cast<std::int64_t>(std::ceil(longest / 24.0)) * Day;
        filter.overdueOnly = true;
        filter.asOf = weekStart + Week;
    }
    return filter;
}
} // namespace

QString weeklyTourName(QDate day)
{
    return QStringLiteral("week-") + day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate);
}

data::Result<WeeklyTour> buildWeeklyTour(const std::string& projectPath, const data::IncidentStore& store, QDate week,
                                         const QString& name)
{
    auto grids = data::readProjectLayer(projectPath, data::schema::grids::Table);
    if (!grids)
        return grids.error();
    WeeklyTour result;
    // Noon district time of the day given lies in the same district week whatever the clock's zone.
    const QTimeZone districtZone(data::DistrictUtcOffsetMinutes * 60);
    result.weekStart = data::districtWeekStart(QDateTime(week, QTime(12, 0), districtZone).toSecsSinceEpoch());
    result.findings = data::weeklyFindings(grids.value(), store, result.weekStart);
    const std::string tourName = (name.isEmpty() ? weeklyTourName(week) : name).toStdString();
    result.tour.name = tourName;

    const std::vector<CategoryInfo> categories = AnalysisInputs::readCategories(projectPath);
    const Ground ground(projectPath);
    auto addStop = [&result, &tourName](data::Bookmark bookmark)
    {
        bookmark.name = tourName + "-" + std::to_string(result.bookmarks.size() + 1);
        result.tour.stops.push_back({bookmark.name, StopSeconds, {}, {}});
        result.bookmarks.push_back(std::move(bookmark));
    };
    for (const data::WeeklyFinding& finding : result.findings)
    {
        const data::ViewState state{
            stopLayers(), std::nullopt, true, stopFilter(finding, store, result.weekStart).toJson(),
            WeeklyTourText::finding(finding, AnalysisInputs::categoryName(categories, finding.category)).toStdString()};
        const double span = std::max(finding.area.maxX - finding.area.minX, finding.area.maxY - finding.area.minY);
        const double scale = std::max(1.0, span / GridViewSpan);
        addStop(viewOf({}, finding.area, ground, GridEyeSouth * scale, GridEyeUp * scale, state));
    }

    // The district overview: the week's incidents over the whole district, with the week's figures.
    data::IncidentFilter weekFilter;
    weekFilter.from = result.weekStart;
    weekFilter.to = result.weekStart + Week;
    const data::BriefingKpis kpis = data::briefingKpis(store, weekFilter);
    result.weekIncidents = static_cast<std::uint64_t>(kpis.incidentsWeek.value);
    data::Extent district = grids->extent;
    if (auto layer = data::readProjectLayer(projectPath, data::schema::district::Table);
        layer && layer->extent.isValid())
        district = layer->extent;
    const double side = std::max(district.maxX - district.minX, district.maxY - district.minY);
    addStop(
        viewOf({}, district, ground, OverviewEyeSouth * side, OverviewEyeUp * side,
               {stopLayers(), std::nullopt, true, weekFilter.toJson(), WeeklyTourText::overview(kpis).toStdString()}));
    return result;
}

data::Result<WeeklyTour> composeWeeklyTour(const std::string& projectPath, const data::IncidentStore& store, QDate week,
                                           const QString& name)
{
    auto composed = buildWeeklyTour(projectPath, store, week, name);
    if (!composed)
        return composed.error();
    auto project = data::ProjectStore::open(projectPath, {.create = false});
    if (!project)
        return project.error();
    if (auto saved = project->saveTourWithBookmarks(composed->tour, composed->bookmarks); !saved)
        return saved.error();
    return composed;
}

} // namespace citytwin::app
