#pragma once

#include <QStringList>

namespace citytwin::app
{

/// `citytwin stats SUBJECT [PROJECT] [options]`: analyses of a project as a table (CSV on standard output, or
/// `--out FILE`, `--format csv|json|gpkg`): incidents per area (counts, lifecycle, overdue, camera-AI share),
/// party coverage, service coverage, camera coverage, weekly hot spots, recurring places, and the fast spatial
/// count of points in polygons. Without a PROJECT, the built-in sample district. The analyses themselves are
/// data/analysis/analysis_runs.hpp's, the same the Analysis dock runs.
class StatsCommand
{
public:
    /// Runs the verb on its arguments (argument 0 is the program, 1 is "stats"); returns the exit status.
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
