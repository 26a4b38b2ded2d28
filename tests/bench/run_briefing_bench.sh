#!/usr/bin/env bash
# Briefing benchmark (issue 12): the camera flies the sample's `briefing` tour (a smooth flight from stop to stop,
# the paged terrain and imagery loading as it goes) off-screen at 1920x1080 and 3840x2160, with the night theme
# and with the plain (day) scene, alternating in the same script, RUNS times each; prints the medians over the runs
# of each run's median, 95th percentile and longest frame, and the night / day ratios.
# Usage: tests/bench/run_briefing_bench.sh [BUILD_DIR] [SAMPLE]   (default: build/dev and a sample generated into
# BENCH_DIR); RUNS (default 3), FRAMES (default 90), SIZES (default "1920x1080 3840x2160").
set -euo pipefail
build=${1:-build/dev}
citytwin=$(realpath "$build/app/citytwin")
bench=$(realpath "$build/tests/bench/bench_scene")
work=${BENCH_DIR:-/tmp/citytwin-briefing-bench}
mkdir -p "$work"
sample=${2:-$work/sample.gpkg}
[ -f "$sample" ] || "$citytwin" sample --out "$sample" >/dev/null
runs=${RUNS:-3}
frames=${FRAMES:-90}
sizes=${SIZES:-"1920x1080 3840x2160"}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "sample: $sample, $frames frames along the briefing tour, $runs runs per case (GL: $(xvfb-run -a glxinfo -B 2>/dev/null | awk -F': ' '/OpenGL renderer/ { print $2 }'))"
for size in $sizes; do
    declare -A values=()
    for run in $(seq "$runs"); do
        for theme in day night; do
            line=$(xvfb-run -a -s "-screen 0 ${size}x24" "$bench" "$sample" --terrain --tour briefing --theme "$theme" \
                --frames "$frames" --size "$size")
            for key in frame_median_ms frame_p95_ms frame_max_ms; do
                values[$theme.$key]+="$(field "$line" "$key") "
            done
        done
    done
    echo "$size:"
    printf '  %-16s %10s %10s %12s\n' measure day night night/day
    for key in frame_median_ms frame_p95_ms frame_max_ms; do
        day=$(echo "${values[day.$key]}" | tr ' ' '\n' | grep . | median)
        night=$(echo "${values[night.$key]}" | tr ' ' '\n' | grep . | median)
        printf '  %-16s %10.1f %10.1f %12.2f\n' "$key" "$day" "$night" "$(echo "$night / $day" | bc -l)"
    done
    unset values
done
