#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin report PROJECT --template NAME --out FILE [--atlas community|grid|street] [--area ID,...] [--from T]
/// [--to T] [--filter SAVED] [--category C,...] [--dpi N] [--format pdf|png|svg]`: makes a map report without the
/// window (ReportWriter), printing its progress. Needs a QGuiApplication (fonts); 3D frames need an OpenGL display.
class ReportCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportCommand)
public:
    /// Runs the verb on its arguments (argument 0 is the program, 1 is "report"); returns the exit status.
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
