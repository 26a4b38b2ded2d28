#pragma once

#include "data/analysis/stats_table.hpp"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <string>

namespace citytwin::app
{

/// The plain-word statements of a hot-spot table, as `citytwin stats hotspots` writes them and the Analysis dock
/// shows them: one sentence a leader can read per grid with a strong signal, in the interface language.
class HotspotStatements
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::HotspotStatements)
public:
    /// Adds a `statement` column to a hot-spot table (data::hotspotStatsTable): a sentence for grids with a
    /// significant change or hot spot, empty for the others; categoryName names category codes. Uses the
    /// translator, so call it on the GUI (main) thread when one is running.
    static void add(data::StatsTable& table, const std::function<QString(const std::string&)>& categoryName);
};

} // namespace citytwin::app
