#pragma once
// Shared by the libFuzzer targets (issue 15): a scratch folder per process for the readers that take a file, quiet
// logging, and a check that stops the run with a message when an invariant breaks.
//
// Each fuzz_<target>.cpp defines one entry function (fuzz_targets.hpp) and, unless CITYTWIN_FUZZ_NO_MAIN is defined,
// libFuzzer's callbacks around it. tests/data/test_fuzz_inputs.cpp compiles the same files with CITYTWIN_FUZZ_NO_MAIN
// to replay the seed corpus and the regressions in the normal suite; there a broken invariant throws.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <cpl_error.h>
#include <unistd.h>

#include "data/core/log.hpp"
#include "fuzz_targets.hpp"

namespace citytwin::fuzz
{
/// Returns this process's scratch folder (created once, removed at exit).
inline const std::filesystem::path& scratchFolder()
{
    static const std::filesystem::path folder = []
    {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("citytwin-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        std::atexit(
            []
            {
                std::error_code ignored;
                std::filesystem::remove_all(scratchFolder(), ignored);
            });
        return path;
    }();
    return folder;
}

/// Writes bytes to a file of the scratch folder and returns its path.
inline std::string writeScratchFile(const std::string& name, std::string_view bytes)
{
    const std::filesystem::path path = scratchFolder() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
}

/// Silences our log and GDAL's error handler: the fuzzer's output is for crashes.
inline void quiet()
{
    data::setLogSink([](data::LogLevel, std::string_view, std::string_view) {});
    CPLSetErrorHandler(CPLQuietErrorHandler);
}

/// Stops the run (a find) when an invariant breaks; in the replay test, throws std::logic_error instead.
inline void check(bool condition, const char* what)
{
    if (condition)
        return;
#ifdef CITYTWIN_FUZZ_NO_MAIN
    throw std::logic_error(std::string("fuzz invariant broken: ") + what);
#else
    std::fprintf(stderr, "citytwin fuzz invariant broken: %s\n", what);
    std::abort();
#endif
}

inline std::string_view bytesView(const std::uint8_t* bytes, std::size_t size)
{
    return {reinterpret_cast<const char*>(bytes), size};
}
} // namespace citytwin::fuzz

#ifdef CITYTWIN_FUZZ_NO_MAIN
#define CITYTWIN_FUZZ_TARGET(function)
#else
/// libFuzzer's callbacks around one entry function of fuzz_targets.hpp.
#define CITYTWIN_FUZZ_TARGET(function)                                                                                 \
    extern "C" int LLVMFuzzerInitialize(int*, char***)                                                                 \
    {                                                                                                                  \
        citytwin::fuzz::quiet();                                                                                       \
        return 0;                                                                                                      \
    }                                                                                                                  \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)                                 \
    {                                                                                                                  \
        const citytwin::fuzz::Outcome outcome = function(citytwin::fuzz::bytesView(bytes, size));                      \
        /* CITYTWIN_FUZZ_OUTCOME=1 fuzz_x FILE... says what became of each file (to name seeds ok_ or bad_). */        \
        static const bool report = std::getenv("CITYTWIN_FUZZ_OUTCOME") != nullptr;                                    \
        if (report)                                                                                                    \
            std::fprintf(stderr, "outcome: %s\n",                                                                      \
                         outcome == citytwin::fuzz::Outcome::Accepted ? "accepted" : "refused");                       \
        return 0;                                                                                                      \
    }
#endif
