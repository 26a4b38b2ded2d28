#include "app/common/report/report_data.hpp"

#include "app/common/error_text.hpp"

#include "data/analysis/briefing_kpis.hpp"
#include "data/core/field_values.hpp"
#include "data/incidents/incident_analysis.hpp"
#include "data/io/sqlite_database.hpp"
#include "data/project/schema.hpp"

#include <QDate>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace citytwin::app
{
namespace
{
namespace schema = data::schema;

/// The tables a report draws or counts; a project may lack any of them.
const char* const ReportLayers[] = {schema::district::Table,  schema::streets::Table,   schema::communities::Table,
                                    schema::grids::Table,     schema::river::Table,     schema::roads::Table,
                                    schema::buildings::Table, schema::stations::Table};

/// The id of each feature: its `id` field, or its fid.
std::vector<std::int64_t> idsOf(const data::VectorLayer& layer)
{
    return data::featureIds(layer, schema::StableId);
}

data::Extent extentOf(const std::vector<data::Polygon>& polygons)
{
    data::Extent extent;
    for (const data::Polygon& polygon : polygons)
        for (const data::Ring& ring : polygon.rings)
            for (const data::Position& p : ring)
                extent.include(p.x, p.y);
    return extent;
}

double share(double part, double whole)
{
    return whole > 0.0 ? part / whole : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

data::Result<std::unique_ptr<ReportData>> ReportData::load(const std::string& projectPath)
{
    std::unique_ptr<ReportData> report(new ReportData);
    report->mPath = projectPath;
    // A project without incidents (party or service reports only) has an empty store.
    auto database = data::Database::open(projectPath, data::Database::Mode::ReadOnly);
    if (!database)
        return database.error();
    bool hasIncidents = false;
    if (auto query = database->prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"))
    {
        query->bind(1, std::string(schema::incidents::Table));
        if (auto found = query->forEachRow([&hasIncidents](const data::Statement&) { hasIncidents = true; }); !found)
            return found.error();
    }
    if (hasIncidents)
    {
        auto store = data::IncidentStore::open(projectPath);
        if (!store)
            return store.error();
        report->mStore = std::make_unique<data::IncidentStore>(std::move(store.value()));
    }
    else
        report->mStore = std::make_unique<data::IncidentStore>();
    for (const char* table : ReportLayers)
    {
        auto layer = data::readProjectLayer(projectPath, table);
        if (layer)
            report->mLayers.emplace(table, std::move(layer.value()));
        else if (layer.error().code != data::ErrorCode::NoFeatures)
            return layer.error();
    }
    report->mCategories = AnalysisInputs::readCategories(projectPath);
    report->readCoverage();
    return report;
}

void ReportData::readCoverage()
{
    if (auto party = data::runPartyCoverage(mPath, data::AreaLevel::Community))
    {
        mHasParty = true;
        for (const data::PartyCoverageRow& row : party->coverage.communities)
        {
            CommunityCoverage& coverage = mCoverage[row.id];
            coverage.residential = row.residentialBuildings;
            coverage.withGroup = row.residentialWithGroup;
            coverage.households = static_cast<double>(row.households);
            coverage.linked = static_cast<double>(row.linkedHouseholds);
            coverage.branches = row.branches;
        }
    }
    data::ServiceRunOptions options;
    options.kind = "day_care";
    options.distances = {500.0};
    if (auto services = data::runServiceCoverage(mPath, options); services && !services->coverage.levels.empty())
    {
        mHasServices = true;
        for (const data::CoverageShare& row : services->coverage.levels.front().communities)
        {
            mCoverage[row.id].people = static_cast<double>(row.people);
            mCoverage[row.id].covered = static_cast<double>(row.covered);
        }
        if (const data::VectorLayer* stations = layer(schema::stations::Table))
        {
            const std::vector<std::string> kinds = data::textValues(*stations, schema::stations::Kind);
            const std::vector<double> communities = data::numericValues(*stations, schema::stations::CommunityId);
            for (std::size_t i = 0; i < kinds.size(); ++i)
                if (kinds[i] == options.kind && std::isfinite(communities[i]))
                    ++mCoverage[static_cast<std::int64_t>(communities[i])].stations;
        }
    }
}

QString ReportData::projectName() const
{
    return QFileInfo(QString::fromStdString(mPath)).completeBaseName();
}

QString ReportData::districtName() const
{
    if (const data::VectorLayer* district = layer(schema::district::Table); district && !district->features.empty())
    {
        const std::vector<std::string> names = data::textValues(*district, schema::district::Name);
        if (!names.front().empty())
            return QString::fromStdString(names.front());
    }
    return projectName();
}

const data::VectorLayer* ReportData::layer(const std::string& name) const
{
    const auto found = mLayers.find(name);
    return found == mLayers.end() ? nullptr : &found->second;
}

const std::vector<ReportArea>& ReportData::areas(data::AtlasLevel level) const
{
    auto found = mAreas.find(level);
    if (found == mAreas.end())
        found = mAreas.emplace(level, makeAreas(level)).first;
    return found->second;
}

std::vector<ReportArea> ReportData::makeAreas(data::AtlasLevel level) const
{
    std::vector<ReportArea> areas;
    const data::VectorLayer* grids = layer(schema::grids::Table);
    const std::vector<std::int64_t> gridIds = grids ? idsOf(*grids) : std::vector<std::int64_t>();
    const std::vector<double> gridCommunity =
        grids ? data::numericValues(*grids, schema::grids::CommunityId) : std::vector<double>();
    const std::vector<double> gridStreet =
        grids ? data::numericValues(*grids, schema::grids::StreetId) : std::vector<double>();
    if (level == data::AtlasLevel::None)
    {
        ReportArea district;
        district.name = districtName();
        if (const data::VectorLayer* boundary = layer(schema::district::Table))
            for (const data::Feature& feature : boundary->features)
                district.polygons.insert(district.polygons.end(), feature.polygons.begin(), feature.polygons.end());
        district.extent = extentOf(district.polygons);
        if (!district.extent.isValid())
            for (const auto& [name, any] : mLayers)
                district.extent.include(any.extent);
        areas.push_back(std::move(district));
        return areas;
    }
    const char* table = level == data::AtlasLevel::Community ? schema::communities::Table
                        : level == data::AtlasLevel::Grid    ? schema::grids::Table
                                                             : schema::streets::Table;
    const data::VectorLayer* source = layer(table);
    if (!source)
        return areas;
    const std::vector<std::int64_t> ids = idsOf(*source);
    const std::vector<std::string> names = data::textValues(*source, schema::FeatureName);
    for (std::size_t i = 0; i < source->features.size(); ++i)
    {
        ReportArea area;
        area.level = level;
        area.id = ids[i];
        area.name = names[i].empty() ? QString::number(area.id) : QString::fromStdString(names[i]);
        area.polygons = source->features[i].polygons;
        area.extent = extentOf(area.polygons);
        std::set<std::int64_t> communities;
        for (std::size_t g = 0; g < gridIds.size(); ++g)
        {
            const bool inside = level == data::AtlasLevel::Grid ? gridIds[g] == area.id
                                : level == data::AtlasLevel::Community
                                    ? std::isfinite(gridCommunity[g]) && gridCommunity[g] == area.id
                                    : std::isfinite(gridStreet[g]) && gridStreet[g] == area.id;
            if (!inside)
                continue;
            area.gridIds.push_back(gridIds[g]);
            if (std::isfinite(gridCommunity[g]))
                communities.insert(static_cast<std::int64_t>(gridCommunity[g]));
        }
        if (level == data::AtlasLevel::Community)
            communities = {area.id};
        area.communityIds.assign(communities.begin(), communities.end());
        areas.push_back(std::move(area));
    }
    std::sort(areas.begin(), areas.end(), [](const ReportArea& a, const ReportArea& b) { return a.id < b.id; });
    return areas;
}

const std::map<std::int64_t, QString>& ReportData::areaNames(const std::string& table) const
{
    if (const auto kept = mNames.find(table); kept != mNames.end())
        return kept->second;
    std::map<std::int64_t, QString>& names = mNames[table];
    if (const data::VectorLayer* source = layer(table))
    {
        const std::vector<std::int64_t> ids = idsOf(*source);
        const std::vector<std::string> texts = data::textValues(*source, schema::FeatureName);
        for (std::size_t i = 0; i < ids.size(); ++i)
            names[ids[i]] = texts[i].empty() ? QString::number(ids[i]) : QString::fromStdString(texts[i]);
    }
    return names;
}

data::IncidentFilter ReportData::narrowed(const data::IncidentFilter& filter, const ReportArea& area)
{
    data::IncidentFilter narrow = filter;
    if (area.level == data::AtlasLevel::Community)
    {
        narrow.communityId = area.id;
        narrow.gridIds.clear();
    }
    else if (area.level != data::AtlasLevel::None)
    {
        narrow.communityId.reset();
        narrow.gridIds = area.gridIds;
        if (narrow.gridIds.empty())
            narrow.gridIds = {std::numeric_limits<std::int64_t>::min()}; // an area without grids has no incidents
    }
    return narrow;
}

const data::StatsTable& ReportData::incidentTable(data::AtlasLevel level, const data::IncidentFilter& filter) const
{
    auto& [key, table] = mTables[level];
    const std::string wanted = filter.toJson();
    if (key != wanted || table.columns.empty())
    {
        key = wanted;
        table = data::runIncidents(*mStore, filter,
                                   level == data::AtlasLevel::Grid ? data::IncidentGrouping::Grid
                                                                   : data::IncidentGrouping::Community);
    }
    return table;
}

AreaFigures ReportData::figures(const ReportArea& area, const data::IncidentFilter& filter) const
{
    AreaFigures figures;
    if (area.level == data::AtlasLevel::Community || area.level == data::AtlasLevel::Grid)
    {
        // The area's row of `citytwin stats incidents --by grid|community` for the same filter.
        const data::StatsTable& table = incidentTable(area.level, filter);
        for (const auto& row : table.rows)
            if (static_cast<std::int64_t>(data::StatsTable::number(row[0])) == area.id)
            {
                auto cell = [&](const char* column) { return data::StatsTable::number(row[table.columnIndex(column)]); };
                figures.count = static_cast<std::int64_t>(cell("count"));
                figures.open = static_cast<std::int64_t>(cell("open"));
                figures.overdue = static_cast<std::int64_t>(cell("overdue"));
                figures.aiShare = cell("ai_share");
                figures.medianCloseHours = cell("median_close_h");
            }
    }
    else
    {
        // A street or the district: the same figures over the area's incidents.
        const data::IncidentFilter narrow = narrowed(filter, area);
        const data::IncidentMatcher matcher(*mStore, narrow);
        figures.count = static_cast<std::int64_t>(data::countByArea(*mStore, narrow).total);
        figures.open = static_cast<std::int64_t>(data::backlogAt(*mStore, narrow, matcher.asOf()).total);
        figures.overdue = static_cast<std::int64_t>(data::overdueCounts(*mStore, narrow).total);
        const data::AiShare ai = data::cameraAiShare(*mStore, narrow);
        figures.aiShare = share(static_cast<double>(ai.ai), static_cast<double>(ai.total));
        figures.medianCloseHours = data::lifecycle(*mStore, narrow).overall.toClose.medianHours;
    }
    // Coverage: the sum over the area's communities (a grid: its community's).
    CommunityCoverage sum;
    const std::vector<std::int64_t> communities =
        area.level == data::AtlasLevel::None ? [this]
    {
        std::vector<std::int64_t> all;
        for (const auto& [id, coverage] : mCoverage)
            all.push_back(id);
        return all;
    }()
                                             : area.communityIds;
    for (const std::int64_t id : communities)
        if (const auto found = mCoverage.find(id); found != mCoverage.end())
        {
            const CommunityCoverage& c = found->second;
            sum.residential += c.residential;
            sum.withGroup += c.withGroup;
            sum.households += c.households;
            sum.linked += c.linked;
            sum.branches += c.branches;
            sum.people += c.people;
            sum.covered += c.covered;
            sum.stations += c.stations;
        }
    if (mHasParty)
    {
        figures.groupShare = share(sum.withGroup, sum.residential);
        figures.linkShare = share(sum.linked, sum.households);
        figures.branches = sum.branches;
    }
    if (mHasServices)
    {
        figures.serviceCoverage = share(sum.covered, sum.people);
        figures.stations = sum.stations;
    }
    if (const data::VectorLayer* source = layer(area.level == data::AtlasLevel::Community ? schema::communities::Table
                                                : area.level == data::AtlasLevel::Street  ? schema::streets::Table
                                                : area.level == data::AtlasLevel::None    ? schema::district::Table
                                                                                          : ""))
    {
        const std::vector<std::int64_t> ids = idsOf(*source);
        const std::vector<double> population = data::numericValues(*source, "population");
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (area.level == data::AtlasLevel::None || ids[i] == area.id)
                figures.population = population[i];
    }
    return figures;
}

QString ReportData::periodWords(const data::IncidentFilter& filter) const
{
    if (!filter.from && !filter.to)
        return tr("all time");
    const QString from = filter.from ? AnalysisInputs::districtTime(*filter.from).date().toString(Qt::ISODate) : QString();
    // `to` is exclusive: the day before a midnight bound is the last day counted.
    QString to;
    if (filter.to)
    {
        const QDateTime end = AnalysisInputs::districtTime(*filter.to);
        to = (end.time() == QTime(0, 0) ? end.date().addDays(-1) : end.date()).toString(Qt::ISODate);
    }
    // A whole calendar month reads as the month: "2025年6月".
    if (filter.from && filter.to)
    {
        const QDateTime start = AnalysisInputs::districtTime(*filter.from);
        const QDateTime end = AnalysisInputs::districtTime(*filter.to);
        if (start.time() == QTime(0, 0) && start.date().day() == 1 && end.time() == QTime(0, 0) &&
            end.date() == start.date().addMonths(1))
        {
            // Replaced by hand: a translation may use any of the three (QString::arg fills the markers present in
            // order, whatever their numbers).
            QString month = tr("%3 %1", "a calendar month: %1 year, %2 month number, %3 month name");
            return month.replace(QStringLiteral("%1"), QString::number(start.date().year()))
                .replace(QStringLiteral("%2"), QString::number(start.date().month()))
                .replace(QStringLiteral("%3"), QLocale::c().monthName(start.date().month()));
        }
    }
    if (!filter.from)
        return tr("until %1").arg(to);
    if (!filter.to)
        return tr("from %1").arg(from);
    return tr("%1 to %2").arg(from, to);
}

QString ReportData::filterWords(const data::IncidentFilter& filter, const ReportArea& area) const
{
    QStringList parts{periodWords(filter)};
    if (filter.categories.empty())
        parts << tr("all categories");
    else
    {
        QStringList names;
        for (const std::string& code : filter.categories)
            names << AnalysisInputs::categoryName(mCategories, code);
        parts << names.join(QStringLiteral("、"));
    }
    if (!filter.sources.empty())
    {
        QStringList names;
        for (const std::string& code : filter.sources)
            names << AnalysisInputs::sourceName(code);
        parts << names.join(QStringLiteral("、"));
    }
    if (filter.overdueOnly)
        parts << tr("overdue only");
    parts << (area.level == data::AtlasLevel::None ? tr("%1, whole district").arg(area.name) : area.name);
    return parts.join(QStringLiteral(" · "));
}

QString ReportData::dataDate() const
{
    const std::optional<std::int64_t> latest = data::latestReport(*mStore);
    return (latest ? AnalysisInputs::districtTime(*latest).date() : QDate::currentDate()).toString(Qt::ISODate);
}

} // namespace citytwin::app
