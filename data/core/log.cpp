#include "data/core/log.hpp"

#include <cstdio>
#include <mutex>
#include <string>

#include <cpl_error.h>
#include <proj.h>

namespace citytwin::data
{
namespace
{
std::mutex sSinkMutex;
LogSink sSink;

const char* levelName(LogLevel level)
{
    switch (level)
    {
    case LogLevel::Error:
        return "error";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Info:
        return "info";
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Trace:
        return "trace";
    }
    return "?";
}

// GDAL's and PROJ's own messages are details for the log, not for the user: every failure that matters comes back
// as our error or layer warning, naming the file and the problem (often quoting GDAL's last message). Shown at the
// information level, so that a broken file gives one line on the command line, not GDAL's running commentary.
void gdalHandler(CPLErr errorClass, CPLErrorNum, const char* message)
{
    const LogLevel level = errorClass == CE_Failure || errorClass == CE_Fatal || errorClass == CE_Warning
                               ? LogLevel::Info
                               : LogLevel::Debug;
    log(level, "gdal", message ? message : "");
}

void projHandler(void*, int projLevel, const char* message)
{
    log(projLevel == PJ_LOG_ERROR ? LogLevel::Info : LogLevel::Debug, "proj", message ? message : "");
}
} // namespace

void setLogSink(LogSink sink)
{
    std::lock_guard lock(sSinkMutex);
    sSink = std::move(sink);
}

void log(LogLevel level, std::string_view category, std::string_view message)
{
    std::lock_guard lock(sSinkMutex);
    if (sSink)
    {
        sSink(level, category, message);
        return;
    }
    if (level <= LogLevel::Warning)
        std::fprintf(stderr, "[%s] %s: %.*s\n", std::string(category).c_str(), levelName(level),
                     static_cast<int>(message.size()), message.data());
}

void routeLibraryDiagnostics()
{
    CPLSetErrorHandler(gdalHandler);
    proj_log_func(nullptr, nullptr, projHandler);
}

} // namespace citytwin::data
