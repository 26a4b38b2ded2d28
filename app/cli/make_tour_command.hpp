#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin make-tour PROJECT --week DATE [--name NAME]`: composes the week's briefing (composeWeeklyTour: one stop
/// per significant change of the week, strongest first, then the district overview), saves it in the project and
/// prints its stops' captions and where it saved. Exit 2 for bad arguments, 1 when the project cannot be read or
/// written.
class MakeTourCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::MakeTourCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
