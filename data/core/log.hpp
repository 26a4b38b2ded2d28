#pragma once

#include <functional>
#include <string_view>

namespace citytwin::data
{

enum class LogLevel
{
    Error,
    Warning,
    Info,
    Debug,
    Trace,
};

/// Receives every log message: level, category (for example "data.vector") and text.
using LogSink = std::function<void(LogLevel, std::string_view category, std::string_view message)>;

/// Installs the process-wide sink; an empty sink restores the default (standard error, warnings and above).
void setLogSink(LogSink sink);

/// Sends one message to the sink. Thread-safe.
void log(LogLevel level, std::string_view category, std::string_view message);

/// Routes GDAL's and PROJ's own diagnostics into the same sink. Call once at start-up.
void routeLibraryDiagnostics();

} // namespace citytwin::data
