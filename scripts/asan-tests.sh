#!/usr/bin/env bash
# Builds the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer, Debug) and runs the whole test suite
# under it (xvfb-run, like `make test`). Any report of either sanitizer fails the test that triggered it.
#   scripts/asan-tests.sh [CTEST ARGS...]      e.g. scripts/asan-tests.sh -R test_citygml
# Leak detection is off: Qt, OSG, GDAL and Mesa keep process-lifetime allocations that LeakSanitizer lists as
# leaks; memory errors and undefined behaviour are what this run is for. ASan's strict_string_checks stay off:
# with them, libxkbcommon-x11 (Qt's X11 keyboard set-up, in every window and CLI verb that opens a display) is
# reported for its strndup of counted, unterminated atom names before any CityTwin code runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
cmake --preset asan >/dev/null
cmake --build --preset asan
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Tests that wait on a process give it this many times longer (a Debug build under ASan runs 3-5x slower); the
# event_loop test allows GUI-thread stalls up to CITYTWIN_EVENT_LOOP_FAIL_MS (3000 ms in the asan preset, 100 in CI).
export CITYTWIN_TEST_TIME_FACTOR=5
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --test-dir build/asan --output-on-failure --timeout 1800 -j2 "$@"
