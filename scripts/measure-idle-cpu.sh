#!/usr/bin/env bash
# Measures the CPU the desktop application uses while idle: opens a source (default: the demo district;
# e.g. the sample project, with its paged terrain and labels) in a window under Xvfb, waits for it to
# settle, then reads the process's CPU time over a quiet interval.
# Usage: scripts/measure-idle-cpu.sh [BUILD_DIR] [SECONDS] [FILE...]
set -euo pipefail
build=${1:-build/dev}
seconds=${2:-20}
shift 2 2>/dev/null || shift $#
here=$(cd "$(dirname "$0")/.." && pwd)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$here"/resources/demo/*.geojson)
tick=$(getconf CLK_TCK)
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/app/citytwin" "${files[@]}" &
runner=$!
trap 'kill $runner 2>/dev/null || true; pkill -f "$build/app/citytwin" 2>/dev/null || true' EXIT
pid=""
for _ in $(seq 50); do
    pid=$(pgrep -f "^$build/app/citytwin" | head -1 || true)
    [ -n "$pid" ] && break
    sleep 0.2
done
[ -n "$pid" ] || { echo "citytwin did not start" >&2; exit 1; }
sleep 12 # load, first frames, paged tiles
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(cpu "$pid")
sleep "$seconds"
after=$(cpu "$pid")
awk -v t="$((after - before))" -v hz="$tick" -v s="$seconds" \
    'BEGIN { printf "idle CPU: %.2f%% of one core (%d ticks in %d s)\n", 100 * t / hz / s, t, s }'
