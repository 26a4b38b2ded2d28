#!/usr/bin/env bash
# Sample district benchmark (issue 4): how long `citytwin sample` takes to generate and write the whole
# sample (all vector layers, a year of incidents, DEM, imagery, bookmarks), against a baseline run in the
# same script on the same machine: GDAL alone copying the finished sample's vector layers and rasters into a
# new GeoPackage (ogr2ogr + gdal_translate), i.e. the cost of just writing that much data.
# Usage: tests/bench/run_sample_bench.sh [BUILD_DIR] [SCALE...]     (default: build/dev 1)
# Prints medians of RUNS (default 3) runs and the phases of the last run. Needs gdal-bin and bc.
set -euo pipefail
build=${1:-build/dev}
shift || true
scales=("${@:-1}")
citytwin=$(realpath "$build/app/citytwin")
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
runs=${RUNS:-3}
echo "work folder: $work"

source "$(dirname "$0")/bench-lib.sh"
copy() {
    ogr2ogr -f GPKG "$2" "$1" district streets communities grids roads river buildings stations cameras \
        party_orgs party_links incidents
    gdal_translate -q -of GPKG "GPKG:$1:dem" "$2" -co APPEND_SUBDATASET=YES -co RASTER_TABLE=dem -co TILE_FORMAT=TIFF
    gdal_translate -q -of GPKG "GPKG:$1:imagery" "$2" -co APPEND_SUBDATASET=YES -co RASTER_TABLE=imagery \
        -co TILE_FORMAT=JPEG
}

printf '%-6s %-40s %12s %12s %8s\n' scale measure citytwin baseline ratio
for scale in "${scales[@]}"; do
    ours=(); theirs=()
    for run in $(seq "$runs"); do
        rm -f "$work/sample.gpkg"* "$work/copy.gpkg"*
        ours+=("$(seconds "$citytwin" sample --out "$work/sample.gpkg" --scale "$scale")")
        theirs+=("$(seconds copy "$work/sample.gpkg" "$work/copy.gpkg")")
    done
    o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
    printf '%-6s %-40s %12.2f %12.2f %8.2f\n' "$scale" "write the sample, s (median of $runs)" "$o" "$t" \
        "$(echo "$t / $o" | bc -l)"
    rm -f "$work/phases.gpkg"*
    "$citytwin" sample --out "$work/phases.gpkg" --scale "$scale" 2>&1 >/dev/null | sed 's/^/       phase /'
    echo "       counts: $(sqlite3 "$work/sample.gpkg" "SELECT (SELECT count(*) FROM buildings) || ' buildings, ' ||
        (SELECT count(*) FROM incidents) || ' incidents'" 2>/dev/null || echo '?'); file $(du -h "$work/sample.gpkg" | cut -f1)"
done
