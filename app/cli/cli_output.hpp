#pragma once

#include <cstdio>

#include <QString>

namespace citytwin::app
{

/// Writes one line (UTF-8, in the local encoding of the terminal) to a standard stream.
inline void printLine(FILE* stream, const QString& line)
{
    std::fprintf(stream, "%s\n", line.toLocal8Bit().constData());
}

} // namespace citytwin::app
