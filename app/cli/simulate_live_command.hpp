#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin simulate-live PROJECT --rate N [--duration S] [--seed N]`: appends realistic new incidents to a project
/// at N a minute, as a live reporting system would, for briefing demos and the live-update tests. Runs for S seconds
/// (until interrupted without --duration); a line on standard output per batch.
class SimulateLiveCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::SimulateLiveCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
