#pragma once

#include "data/core/date_time.hpp"
#include "data/incidents/incident_filter.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace citytwin::app
{

/// An incident category as the project lists it (citytwin_incident_categories).
struct CategoryInfo
{
    std::string code;
    std::string nameZh;
    std::string nameEn;
    double overdueHours = 72.0;
};

/// What the analyses of a project share: its category names, and how the user's words map onto codes and times.
class AnalysisInputs
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::AnalysisInputs)
public:
    /// Reads the project's categories (none when the table is missing).
    static std::vector<CategoryInfo> readCategories(const std::string& projectPath);
    /// Returns the code of a category named by its code, Chinese or English name; nothing when unknown.
    static std::optional<std::string> categoryCode(const std::vector<CategoryInfo>& categories, const QString& text);
    /// Returns a category's name in the interface language (its code when unknown).
    static QString categoryName(const std::vector<CategoryInfo>& categories, const std::string& code);
    /// Returns the name of an incident source (camera_ai → 视频AI) or status in the interface language.
    static QString sourceName(const std::string& code);
    static QString statusName(const std::string& code);

    /// Parses a user's date or date-time: "2025-06-01", "2025-06-01 08:30", ISO 8601 with or without a zone (none:
    /// Beijing time). A bare date given as an end (endOfDay) means the end of that day. Nothing when unreadable.
    static std::optional<std::int64_t> parseUserTime(const QString& text, bool endOfDay);
    /// Reads the time options a verb was given into a filter: each of from (start of day), to (end of day, included)
    /// and as-of that is present (nothing when absent). Returns the sentence naming a value that is not a time, or an
    /// empty string.
    struct TimeOptions
    {
        std::optional<QString> from, to, asOf;
    };
    static QString readTimes(const TimeOptions& options, data::IncidentFilter& filter);
    /// Formats Unix seconds as Beijing time "yyyy-MM-dd HH:mm".
    static QString formatLocal(std::int64_t seconds);
    /// Reads a filter saved in a project (citytwin_filters, from the Analysis dock) by name; nothing, with the
    /// sentence that says why in error, when it cannot (unknown: set when the project has no filter of that name).
    static std::optional<data::IncidentFilter> savedFilter(const std::string& projectPath, const QString& name,
                                                           QString& error, bool* unknown = nullptr);
    /// A moment (Unix seconds) in district time.
    static QDateTime districtTime(std::int64_t seconds);
};

} // namespace citytwin::app
