#include "command_line.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
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
