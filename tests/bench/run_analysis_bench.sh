#!/usr/bin/env bash
# Analysis benchmark (incidents in memory, the fast spatial count, the heat map): for each size, a project-shaped
# GeoPackage with the sample's 2,257 grids and N random incidents (generated once into BENCH_DIR by
# bench_analysis generate), then, on the same machine and data:
#   - count per grid end to end from the file: CityTwin (bench_analysis count) vs SpatiaLite (ogr2ogr -dialect
#     SQLite, R-tree + ST_Intersects) vs QGIS (qgis_process.bin native:countpointsinpolygon), whole-process wall;
#   - IncidentStore load time, bytes per incident and peak memory over the store's;
#   - re-aggregation after a filter change (time range + category) and the other analyses, median ms;
#   - for the 1M size: the heat map, CityTwin (read + data::kernelDensity at 10 m + GeoTIFF) vs QGIS
#     qgis:heatmapkerneldensityestimation (radius 300 m, 10 m pixels, quartic kernel).
# Prints medians and ratios (peer / CityTwin).
# Usage: tests/bench/run_analysis_bench.sh [BUILD_DIR] [SIZE...]     (default: build/dev 1000000 10000000)
#   PEERS=0 skips SpatiaLite and QGIS; PEERS=N runs them only for sizes up to N (e.g. PEERS=1000000);
#   RUNS (default 3) runs per measure, PEER_RUNS (default RUNS up to 1M, then 1) per peer measure;
#   SAMPLE (default ~/.local/share/citytwin/lubei-sample-v3.gpkg) supplies the grids.
# One size only (1M): tests/bench/run_analysis_bench.sh build/dev 1000000
set -euo pipefail
build=${1:-build/dev}
shift || true
sizes=("${@:-1000000 10000000}")
read -r -a sizes <<< "${sizes[*]}"
bench=$(realpath "$build/tests/bench/bench_analysis")
sample=${SAMPLE:-$HOME/.local/share/citytwin/lubei-sample-v3.gpkg}
work=${BENCH_DIR:-/tmp/citytwin-analysis-bench}
runs=${RUNS:-3}
peers=${PEERS:-1}
mkdir -p "$work"
echo "work folder: $work; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"

source "$(dirname "$0")/bench-lib.sh"

# The peers, each removing its previous output first (they refuse to overwrite, or append).
spatialiteCount() {
    rm -f "$work/spatialite.csv"
    ogr2ogr -f CSV "$work/spatialite.csv" "$1" -dialect SQLite -sql "SELECT g.id, (SELECT COUNT(*) FROM incidents p
        WHERE p.fid IN (SELECT id FROM rtree_incidents_geom r WHERE r.minx <= ST_MaxX(g.geom) AND
        r.maxx >= ST_MinX(g.geom) AND r.miny <= ST_MaxY(g.geom) AND r.maxy >= ST_MinY(g.geom)) AND
        ST_Intersects(g.geom, p.geom)) AS n FROM grids g"
}
qgisCount() {
    rm -f "$work/qgis-count.gpkg"
    QT_QPA_PLATFORM=offscreen qgis_process.bin run native:countpointsinpolygon --POLYGONS="$1|layername=grids" \
        --POINTS="$1|layername=incidents" --FIELD=NUMPOINTS --OUTPUT="$work/qgis-count.gpkg"
}
qgisHeat() {
    rm -f "$work/heat-qgis.tif"
    QT_QPA_PLATFORM=offscreen qgis_process.bin run qgis:heatmapkerneldensityestimation \
        --INPUT="$1|layername=incidents" --RADIUS=300 --PIXEL_SIZE=10 --KERNEL=0 --OUTPUT_VALUE=0 \
        --OUTPUT="$work/heat-qgis.tif"
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
# medianOf N COMMAND...: runs the command N times, prints the median whole-process wall time in seconds.
medianOf() { local n=$1; shift; for _ in $(seq "$n"); do seconds "$@"; done | median; }
ratio() { echo "if ($2 > 0) $1 / $2 else 0" | bc -l; }
row() { printf '  %-44s %12s %12s %10s\n' "$@"; }

for n in "${sizes[@]}"; do
    project=$work/incidents-$n.gpkg
    if [ ! -f "$project" ]; then
        echo "generating $n incidents..."
        "$bench" generate "$sample" "$project" "$n" --no-indexes --edge-points $((n / 100000))
    fi
    withPeers=0
    if [ "$peers" = 1 ] || { [ "$peers" -gt 1 ] && [ "$n" -le "$peers" ]; }; then withPeers=1; fi
    peerRuns=${PEER_RUNS:-$([ "$n" -le 1000000 ] && echo "$runs" || echo 1)}
    echo
    echo "== $n incidents, $(du -m "$project" | cut -f1) MB =="

    # Count per grid, end to end.
    ours=$(medianOf "$runs" "$bench" count "$project")
    inner=$("$bench" count "$project")
    row "count per grid (process wall, s)" citytwin peer peer/ours
    row "  citytwin ($(field "$inner" count_s) s inside the process)" "$(printf '%.3f' "$ours")" "" ""
    if [ "$withPeers" = 1 ]; then
        spatialite=$(medianOf "$peerRuns" spatialiteCount "$project")
        row "  SpatiaLite (ogr2ogr -dialect SQLite)" "$(printf '%.3f' "$ours")" "$(printf '%.2f' "$spatialite")" \
            "$(printf '%.1f' "$(ratio "$spatialite" "$ours")")"
        qgis=$(medianOf "$peerRuns" qgisCount "$project")
        row "  QGIS (native:countpointsinpolygon)" "$(printf '%.3f' "$ours")" "$(printf '%.2f' "$qgis")" \
            "$(printf '%.1f' "$(ratio "$qgis" "$ours")")"
    fi

    # Load into memory.
    loads=(); line=""
    for _ in $(seq "$runs"); do line=$("$bench" load "$project"); loads+=("$(field "$line" load_s)"); done
    row "load into memory" "" "" ""
    row "  seconds (median)" "$(printf '%s\n' "${loads[@]}" | median)" "" ""
    row "  bytes per incident" "$(field "$line" bytes_per_incident)" "" ""
    row "  peak anonymous memory / store memory" "$(field "$line" peak_over_store)" "" ""
    # Opened again from the column cache beside the project (the first open writes it).
    "$bench" open "$project" >/dev/null
    opens=()
    for _ in $(seq "$runs"); do line=$("$bench" open "$project"); opens+=("$(field "$line" open_s)"); done
    openMedian=$(printf '%s\n' "${opens[@]}" | median)
    loadMedian=$(printf '%s\n' "${loads[@]}" | median)
    row "  opened from the column cache, seconds (median; from_cache=$(field "$line" from_cache))" \
        "$openMedian" "$loadMedian" "$(printf '%.1f' "$(ratio "$loadMedian" "$openMedian")")"

    # Re-aggregation and analyses, in memory.
    line=$("$bench" aggregate "$project" "$runs")
    row "in memory, median ms over $(field "$line" runs) filter changes" "" "" ""
    for key in count count_all_categories lifecycle overdue backlog ai_share series_day_by_source close_histogram \
        select; do
        row "  $key" "$(field "$line" "${key}_ms")" "" ""
    done

    # Heat map, 1M points.
    if [ "$n" = 1000000 ]; then
        ours=$(medianOf "$runs" "$bench" density "$project" "$work/heat-citytwin.tif")
        inner=$("$bench" density "$project" "$work/heat-citytwin.tif")
        row "heat map, 10 m cells, 300 m (process wall, s)" citytwin peer peer/ours
        row "  citytwin (kernel alone $(field "$inner" kernel_s) s)" "$(printf '%.3f' "$ours")" "" ""
        if [ "$withPeers" = 1 ]; then
            qgis=$(medianOf "$peerRuns" qgisHeat "$project")
            row "  QGIS (heatmapkerneldensityestimation)" "$(printf '%.3f' "$ours")" "$(printf '%.2f' "$qgis")" \
                "$(printf '%.1f' "$(ratio "$qgis" "$ours")")"
        fi
    fi
done
