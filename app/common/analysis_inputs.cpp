#include "app/common/analysis_inputs.hpp"

#include "app/common/error_text.hpp"

#include "data/io/sqlite_database.hpp"
#include "data/project/project_store.hpp"

#include <QDateTime>

#include <algorithm>
#include <tuple>
#include <QLocale>
#include <QTimeZone>

namespace citytwin::app
{

std::vector<CategoryInfo> AnalysisInputs::readCategories(const std::string& projectPath)
{
    std::vector<CategoryInfo> categories;
    auto database = data::Database::open(projectPath, data::Database::Mode::ReadOnly);
    if (!database)
        return categories;
    auto query = database->prepare(
        "SELECT code, name_zh, name_en, overdue_hours FROM citytwin_incident_categories ORDER BY rowid");
    if (!query)
        return categories;
    if (auto read = query->forEachRow(
            [&categories](const data::Statement& row) {
                categories.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnDouble(3)});
            });
        !read)
        qWarning("cannot read the incident categories: %s", read.error().message().c_str());
    return categories;
}

std::optional<std::string> AnalysisInputs::categoryCode(const std::vector<CategoryInfo>& categories,
                                                        const QString& text)
{
    const std::string wanted = text.trimmed().toStdString();
    for (const CategoryInfo& category : categories)
        if (category.code == wanted || category.nameZh == wanted ||
            QString::fromStdString(category.nameEn).compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            return category.code;
    return std::nullopt;
}

QString AnalysisInputs::categoryName(const std::vector<CategoryInfo>& categories, const std::string& code)
{
    // The interface language (Language::install sets the default locale) decides.
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const CategoryInfo& category : categories)
        if (category.code == code)
            return QString::fromStdString(chinese ? category.nameZh : category.nameEn);
    return QString::fromStdString(code);
}

QString AnalysisInputs::sourceName(const std::string& code)
{
    if (code == "camera_ai")
        return tr("Camera AI");
    if (code == "grid_inspector")
        return tr("Grid inspector");
    if (code == "hotline")
        return tr("12345 hotline");
    if (code == "citizen_app")
        return tr("Citizen app");
    return QString::fromStdString(code);
}

QString AnalysisInputs::statusName(const std::string& code)
{
    if (code == "reported")
        return tr("Reported");
    if (code == "dispatched")
        return tr("Dispatched");
    if (code == "handled")
        return tr("Handled");
    if (code == "closed")
        return tr("Closed");
    return QString::fromStdString(code);
}

std::optional<std::int64_t> AnalysisInputs::parseUserTime(const QString& text, bool endOfDay)
{
    const QString trimmed = text.trimmed();
    const QTimeZone beijing(data::DistrictUtcOffsetMinutes * 60);
    const QDate date = QDate::fromString(trimmed, Qt::ISODate);
    if (date.isValid())
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), beijing).toSecsSinceEpoch();
    for (const QString& format : {QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss"),
                                  QStringLiteral("yyyy-MM-ddTHH:mm"), QStringLiteral("yyyy-MM-ddTHH:mm:ss")})
    {
        QDateTime local = QDateTime::fromString(trimmed, format);
        if (local.isValid())
            return QDateTime(local.date(), local.time(), beijing).toSecsSinceEpoch();
    }
    const QDateTime zoned = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (zoned.isValid() && zoned.timeSpec() != Qt::LocalTime)
        return zoned.toSecsSinceEpoch();
    return std::nullopt;
}

QString AnalysisInputs::readTimes(const TimeOptions& options, data::IncidentFilter& filter)
{
    for (const auto& [option, text, target, endOfDay] :
         {std::tuple{"from", &options.from, &filter.from, false}, std::tuple{"to", &options.to, &filter.to, true},
          std::tuple{"as-of", &options.asOf, &filter.asOf, false}})
        if (*text)
        {
            *target = parseUserTime(**text, endOfDay);
            if (!*target)
                return tr("--%1: %2 is not a date or time (2025-06-01, 2025-06-01 08:30)")
                    .arg(QLatin1String(option), **text);
        }
    return {};
}

QString AnalysisInputs::formatLocal(std::int64_t seconds)
{
    return districtTime(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

std::optional<data::IncidentFilter> AnalysisInputs::savedFilter(const std::string& projectPath, const QString& name,
                                                                QString& error, bool* unknown)
{
    auto store = data::ProjectStore::open(projectPath, {.create = false, .readOnly = true});
    if (!store)
    {
        error = ErrorText::describe(store.error());
        return std::nullopt;
    }
    auto saved = store->filters();
    if (!saved)
    {
        error = ErrorText::describe(saved.error());
        return std::nullopt;
    }
    const std::string wanted = name.toStdString();
    const auto found =
        std::find_if(saved->begin(), saved->end(), [&wanted](const auto& entry) { return entry.first == wanted; });
    if (found == saved->end())
    {
        error = tr("%1 has no saved filter named %2").arg(QString::fromStdString(projectPath), name);
        if (unknown)
            *unknown = true;
        return std::nullopt;
    }
    auto read = data::IncidentFilter::fromJson(found->second);
    if (!read)
    {
        // A hostile or damaged project: the saved definition is only parsed, and the message says which one.
        error = tr("the saved filter %1 in %2 cannot be read: %3")
                    .arg(name, QString::fromStdString(projectPath), QString::fromStdString(read.error().detail));
        return std::nullopt;
    }
    return read.value();
}

QDateTime AnalysisInputs::districtTime(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone(data::DistrictUtcOffsetMinutes * 60));
}

} // namespace citytwin::app
