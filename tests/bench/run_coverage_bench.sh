#!/usr/bin/env bash
# Coverage benchmark: "buildings and population within 500 m of the 175 day-care stations" (data::serviceCoverage)
# against the SpatiaLite query a user would otherwise run (GeoPackage R-tree + ST_Distance from the area-weighted
# centroid), both on the same GeoPackage: the sample's 7,047 buildings and 500k buildings (copies of them shifted by
# up to 250 m, written by `bench_coverage generate`). Then camera and party coverage on the sample.
# Usage: tests/bench/run_coverage_bench.sh [BUILD_DIR] [SAMPLE.gpkg]
#        (default: build/dev ~/.local/share/citytwin/lubei-sample-v3.gpkg; RUNS=5, SIZES="7047 500000", BENCH_DIR)
# Prints medians and ratios (baseline / ours). Needs gdal-bin (ogr2ogr with SpatiaLite) and bc.
set -euo pipefail
build=${1:-build/dev}
sample=${2:-$HOME/.local/share/citytwin/lubei-sample-v3.gpkg}
bench=$(realpath "$build/tests/bench/bench_coverage")
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
runs=${RUNS:-5}
read -r -a sizes <<<"${SIZES:-7047 500000}"
echo "work folder: $work"

source "$(dirname "$0")/bench-lib.sh"

sql="SELECT count(*) AS buildings, sum(population) AS population FROM buildings WHERE fid IN (
     SELECT b.fid FROM stations s JOIN buildings b ON b.fid IN (SELECT id FROM rtree_buildings_geom r
     WHERE r.minx <= ST_X(s.geom) + 500 AND r.maxx >= ST_X(s.geom) - 500
     AND r.miny <= ST_Y(s.geom) + 500 AND r.maxy >= ST_Y(s.geom) - 500)
     WHERE s.kind = 'day_care' AND ST_Distance(ST_Centroid(b.geom), s.geom) <= 500)"

printf '%-8s %-52s %12s %12s %8s\n' buildings measure citytwin spatialite ratio
for size in "${sizes[@]}"; do
    file=$work/buildings-$size.gpkg
    [ -f "$file" ] || "$bench" generate "$sample" "$file" "$size" >/dev/null

    ours=(); theirs=()
    for run in $(seq "$runs"); do
        ours+=("$(seconds "$bench" coverage "$file" day_care 500)")
        theirs+=("$(seconds ogr2ogr -f CSV /dev/stdout "$file" -dialect SQLite -sql "$sql")")
    done
    o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
    printf '%-8s %-52s %12.3f %12.3f %8.2f\n' "$size" "whole process from the GeoPackage, s (median of $runs)" \
        "$o" "$t" "$(echo "$t / $o" | bc -l)"

    out=$("$bench" service "$file" day_care 500 "$runs")
    memory=$(echo "$out" | awk '/^inmemory_ms/ {print $2}')
    kernel=$(echo "$out" | awk '/^kernel_ms/ {print $2}')
    printf '%-8s %-52s %12.4f %12.3f %8.0f\n' "$size" "layers in memory (records + coverage), s" \
        "$(echo "$memory / 1000" | bc -l)" "$t" "$(echo "$t * 1000 / $memory" | bc -l)"
    printf '%-8s %-52s %12.4f %12.3f %8.0f\n' "$size" "coverage kernel alone, s" \
        "$(echo "$kernel / 1000" | bc -l)" "$t" "$(echo "$t * 1000 / $kernel" | bc -l)"
    echo "$out" | head -2 | sed "s/^/         citytwin:   /"
    echo "         citytwin:   $("$bench" coverage "$file" day_care 500)"
    echo "         floor for a direct reader: sqlite3 reading the table, output discarded, s: $(seconds sqlite3 "$file" \
        "SELECT geom, id, grid_id, community_id, households, population, elderly, children FROM buildings")"
    echo "         spatialite: $(ogr2ogr -f CSV /dev/stdout "$file" -dialect SQLite -sql "$sql" | tail -1 |
        awk -F, '{gsub(/"/, ""); print "buildings " $1 " population " $2}') (must equal citytwin's)"
done

echo
"$bench" camera "$sample" 3
"$bench" party "$sample" 5
