#!/usr/bin/env bash
# Briefing benchmark (issue 12): the camera flies the sample's `briefing` tour (a smooth flight from stop to stop,
# the paged terrain and imagery loading as it goes) off-screen at 1920x1080 and 3840x2160, with the plain (day)
# scene, the night theme, and the night theme with each heavier effect (shadows, ambient occlusion, bloom) and all
# three, alternating in the same script, RUNS times each; prints the medians over the runs of each run's median,
# 95th percentile and longest frame, and each case's ratio to the plain day scene.
# CASES (default "day night night+shadows night+ao night+bloom night+all") picks the cases: THEME[+EFFECTS].
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
cases=${CASES:-"day night night+shadows night+ao night+bloom night+all"}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "sample: $sample, $frames frames along the briefing tour, $runs runs per case (GL: $(xvfb-run -a glxinfo -B 2>/dev/null | awk -F': ' '/OpenGL renderer/ { print $2 }'))"
for size in $sizes; do
    declare -A values=()
    for run in $(seq "$runs"); do
        for case in $cases; do
            theme=${case%%+*}
            effects=none
            [ "$case" != "$theme" ] && effects=${case#*+}
            line=$(xvfb-run -a -s "-screen 0 ${size}x24" "$bench" "$sample" --terrain --tour briefing --theme "$theme" \
                --effects "$effects" --frames "$frames" --size "$size")
            for key in frame_median_ms frame_p95_ms frame_max_ms; do
                values[$case.$key]+="$(field "$line" "$key") "
            done
        done
    done
    echo "$size:"
    printf '  %-16s' measure
    for case in $cases; do printf ' %14s' "$case"; done
    echo
    for key in frame_median_ms frame_p95_ms frame_max_ms; do
        printf '  %-16s' "$key"
        base=""
        for case in $cases; do
            value=$(echo "${values[$case.$key]}" | tr ' ' '\n' | grep . | median)
            [ -z "$base" ] && base=$value
            printf ' %7.1f (%4.2f)' "$value" "$(echo "$value / $base" | bc -l)"
        done
        echo
    done
    unset values
done
