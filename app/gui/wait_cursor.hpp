#pragma once

#include <QApplication>

namespace citytwin::app
{

/// Shows the wait cursor while it lives (a slow read or paint on the GUI thread), restored on every way out.
class WaitCursor
{
public:
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor&) = delete;
    WaitCursor& operator=(const WaitCursor&) = delete;
};

} // namespace citytwin::app
