#include "command_line.hpp"

#include <csignal>
#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
#ifdef SIGXFSZ
    // Past a file-size limit (ulimit -f, a quota) a write should fail with an error we report and roll back, not
    // kill the program half-way through a file.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    // Last resort: exceptions are for broken invariants; report them instead of aborting silently.
    try
    {
        return citytwin::app::runCityTwin(argc, argv);
    }
    catch (const std::exception& error)
    {
        std::fprintf(stderr, "citytwin: internal error: %s\n", error.what());
    }
    catch (...)
    {
        std::fprintf(stderr, "citytwin: internal error\n");
    }
    return 70;
}
