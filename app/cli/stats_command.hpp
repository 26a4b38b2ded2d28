#pragma once

#include "data/analysis/stats_table.hpp"

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin stats SUBJECT [PROJECT] [options]`: analyses of a project as a table (CSV on standard output, or
/// `--out FILE`, `--format csv|json|gpkg`): incidents per area (counts, lifecycle, overdue, camera-AI share),
/// party coverage, service coverage, camera coverage, weekly hot spots, recurring places, and the fast spatial
/// count of points in polygons. Without a PROJECT, the built-in sample district.
class StatsCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::StatsCommand)
public:
    /// Runs the verb on its arguments (argument 0 is the program, 1 is "stats"); returns the exit status.
    static int run(const QStringList& arguments);

    /// Adds a `statement` column to a hot-spot table (data::hotspotStatsTable): a sentence a leader can read,
    /// in the interface language, for grids with a significant change or hot spot; categoryName names codes.
    static void addHotspotStatements(data::StatsTable& table,
                                     const std::function<QString(const std::string&)>& categoryName);
};

} // namespace citytwin::app
