#pragma once

#include "data/analysis/weekly_findings.hpp"
#include "data/core/result.hpp"
#include "data/project/project_store.hpp"

#include <QDate>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace citytwin::app
{

/// A weekly briefing composed from the week's significant changes: one stop per finding (data::weeklyFindings,
/// strongest first), each flying to its grid with the base layers, the grids and the heat layer of the week's
/// incidents (of the category that rose; the overdue ones for a backlog) and a plain-word caption, then the district
/// overview with the week's figures. `citytwin make-tour` and the tour editor's "Compose this week's briefing" make
/// it; the analyst edits it before the meeting.
struct WeeklyTour
{
    /// The tour: stops of 10 s through the bookmarks, captions in the bookmarks' states.
    data::Tour tour;
    /// One bookmark per stop, in stop order, named `<tour>-<n>` (n from 1); the last is the district overview.
    std::vector<data::Bookmark> bookmarks;
    /// The findings behind the stops before the overview, in the same order.
    std::vector<data::WeeklyFinding> findings;
    /// Monday 00:00 district time of the week (Unix s); the week ends 7 days later.
    std::int64_t weekStart = 0;
    /// The district's incidents of the week (0: the tour has the overview only).
    std::uint64_t weekIncidents = 0;
};

/// Returns the default name of the tour of the week holding day: "week-YYYY-MM-DD" of its Monday.
QString weeklyTourName(QDate day);

/// Composes the tour of the week holding `week` (any day of it, district time) without saving it: reads the
/// project's grids, district and DEM (ground heights; 0 without one) and categories, finds the week's changes in the
/// store, and writes the captions in the interface language. name empty: weeklyTourName. Fails with the read error
/// when the project has no grids layer. May run on a worker thread (reads the project itself, only reads the store;
/// translating is thread-safe); one linear pass over the store per figure, a fraction of a second on the sample.
data::Result<WeeklyTour> buildWeeklyTour(const std::string& projectPath, const data::IncidentStore& store, QDate week,
                                         const QString& name = {});

/// Composes the tour as buildWeeklyTour does and saves it in the project with its bookmarks, all or nothing
/// (ProjectStore::saveTourWithBookmarks: a tour and bookmarks of the same names are replaced). Fails with the
/// read or write error.
data::Result<WeeklyTour> composeWeeklyTour(const std::string& projectPath, const data::IncidentStore& store, QDate week,
                                           const QString& name = {});

} // namespace citytwin::app
