#!/usr/bin/env bash
# Scene benchmark (issue 5): renders a fixed camera path over the sample district at 1920x1080 under Xvfb
# (Mesa llvmpipe here) with CityTwin's tiled building batches and with a naive scene built in the same
# script (one node per building), for scale 1 and scale 10, and prints frame time (median, p95), OSG cull
# and draw times, draw calls, triangles, build time and peak memory, with the naive / tiled ratios.
# Usage: tests/bench/run_scene_bench.sh [BUILD_DIR] [SCALE...]     (default: build/dev 1 10)
# FRAMES (default 120) sets the path's length; TERRAIN=0 skips the run with the paged terrain. The samples are
# generated into BENCH_DIR once.
set -euo pipefail
build=${1:-build/dev}
shift || true
scales=("${@:-1 10}")
read -r -a scales <<< "${scales[*]}"
citytwin=$(realpath "$build/app/citytwin")
bench=$(realpath "$build/tests/bench/bench_scene")
work=${BENCH_DIR:-/tmp/citytwin-scene-bench}
frames=${FRAMES:-120}
mkdir -p "$work"
echo "work folder: $work"

field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
for scale in "${scales[@]}"; do
    sample=$work/sample-$scale.gpkg
    [ -f "$sample" ] || "$citytwin" sample --out "$sample" --scale "$scale" >/dev/null 2>&1
    tiled=$(xvfb-run -a -s "-screen 0 1920x1080x24" "$bench" "$sample" --frames "$frames")
    naive=$(xvfb-run -a -s "-screen 0 1920x1080x24" "$bench" "$sample" --frames "$frames" --naive)
    echo "scale $scale: $(field "$tiled" buildings) buildings, $frames frames at $(field "$tiled" size)"
    printf '  %-22s %12s %12s %10s\n' measure tiled naive naive/tiled
    for key in frame_median_ms frame_p95_ms cull_median_ms draw_median_ms draw_calls_median triangles_median \
        build_s peak_rss_mb; do
        t=$(field "$tiled" "$key"); n=$(field "$naive" "$key")
        ratio=$(echo "if ($t > 0) $n / $t else 0" | bc -l)
        printf '  %-22s %12s %12s %10.1f\n' "$key" "$t" "$n" "$ratio"
    done
done

# The same path over the smallest scale with the paged terrain and imagery draped (TERRAIN=0 skips it): what
# the DEM and the draped layers cost on top of the flat scene.
if [ "${TERRAIN:-1}" = 1 ]; then
    scale=${scales[0]}
    sample=$work/sample-$scale.gpkg
    flat=$(xvfb-run -a -s "-screen 0 1920x1080x24" "$bench" "$sample" --frames "$frames")
    draped=$(xvfb-run -a -s "-screen 0 1920x1080x24" "$bench" "$sample" --frames "$frames" --terrain)
    echo "scale $scale with the paged terrain and imagery (layers draped on the DEM):"
    printf '  %-22s %12s %12s %10s\n' measure flat terrain terrain/flat
    for key in frame_median_ms frame_p95_ms cull_median_ms draw_median_ms draw_calls_median triangles_median \
        build_s peak_rss_mb; do
        f=$(field "$flat" "$key"); d=$(field "$draped" "$key")
        ratio=$(echo "if ($f > 0) $d / $f else 0" | bc -l)
        printf '  %-22s %12s %12s %10.1f\n' "$key" "$f" "$d" "$ratio"
    done
fi
