#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin render [FILE...] --out shot.png --size 1920x1080`: renders the window's default view of the
/// given sources off-screen and writes the image.
class RenderCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::RenderCommand)
public:
    /// Runs the verb on its arguments (argument 0 is the program, 1 is "render"); returns the exit status.
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
