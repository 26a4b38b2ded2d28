#!/usr/bin/env bash
# Incident store benchmark (issue 3): import rate from CSV and the "count per grid for one category and one
# month" query, for CityTwin against the baseline a user would otherwise run: a plain ogr2ogr import of the
# same CSV into a GeoPackage, then SpatiaLite SQL (R-tree + ST_Intersects) to count per grid.
# Usage: tests/bench/run_incident_bench.sh [BUILD_DIR] [ROWS...]     (default: build/dev 1000000)
# Prints a table of medians and ratios. Needs gdal-bin (ogr2ogr with SpatiaLite), python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build/dev}
shift || true
sizes=("${@:-1000000}")
citytwin=$(realpath "$build/app/citytwin")
query=$(realpath "$build/tests/bench/bench_incident_query")
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
runs=${RUNS:-3}
echo "work folder: $work"

source "$(dirname "$0")/bench-lib.sh"

printf '%-10s %-42s %12s %12s %8s\n' rows measure citytwin baseline ratio
for rows in "${sizes[@]}"; do
    csv=$work/incidents-$rows.csv
    grids=$work/grids.geojson
    [ -f "$csv" ] || python3 "$here/make_incidents.py" "$rows" "$csv" "$grids"
    [ -f "$grids" ] || python3 "$here/make_incidents.py" 1 /dev/null "$grids"

    ours=(); theirs=()
    for run in $(seq "$runs"); do
        rm -f "$work/p.gpkg"*
        "$citytwin" import "$work/p.gpkg" "$grids" --name grids --quiet >/dev/null
        ours+=("$(seconds "$citytwin" import "$work/p.gpkg" "$csv" --as incidents --crs EPSG:4326 --quiet)")
        rm -f "$work/base.gpkg"*
        ogr2ogr -f GPKG "$work/base.gpkg" "$grids" -nln grids
        theirs+=("$(seconds ogr2ogr -f GPKG -update "$work/base.gpkg" "$csv" -nln incidents -oo X_POSSIBLE_NAMES=经度 \
            -oo Y_POSSIBLE_NAMES=纬度 -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4326 -t_srs EPSG:4548)")
    done
    o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
    printf '%-10s %-42s %12.2f %12.2f %8.2f\n' "$rows" "import, s (median of $runs)" "$o" "$t" "$(echo "$t / $o" | bc -l)"
    printf '%-10s %-42s %12.0f %12.0f\n' "$rows" "import rate, rows/s" "$(echo "$rows / $o" | bc -l)" "$(echo "$rows / $t" | bc -l)"

    # Count per grid, street vending (占道经营), March 2024 local time.
    q=$("$query" "$work/p.gpkg" street_vending 2024-02-29T16:00:00.000Z 2024-03-31T16:00:00.000Z 7 | tail -1)
    qo=$(echo "$q" | awk '{print $2}')
    sql="SELECT g.id, (SELECT count(*) FROM incidents p WHERE p.fid IN (SELECT id FROM rtree_incidents_geom r
         WHERE r.minx <= ST_MaxX(g.geom) AND r.maxx >= ST_MinX(g.geom) AND r.miny <= ST_MaxY(g.geom)
         AND r.maxy >= ST_MinY(g.geom)) AND p.事件类型 = '占道经营' AND p.发生时间 >= '2024-03-01'
         AND p.发生时间 < '2024-04-01' AND ST_Intersects(g.geom, p.geom)) AS n FROM grids g"
    base=()
    for run in $(seq "$runs"); do
        rm -f "$work/count.csv"
        base+=("$(seconds ogr2ogr -f CSV "$work/count.csv" "$work/base.gpkg" -dialect SQLite -sql "$sql")")
    done
    bo=$(printf '%s\n' "${base[@]}" | median)
    printf '%-10s %-42s %12.3f %12.3f %8.0f\n' "$rows" "count per grid, 1 category x 1 month, s" "$(echo "$qo / 1000" | bc -l)" "$bo" \
        "$(echo "$bo * 1000 / $qo" | bc -l)"
    baseTotal=$(awk -F, 'NR > 1 { gsub(/"/, "", $1); s += $1 } END { print s + 0 }' "$work/count.csv")
    echo "           citytwin: $q"
    echo "           baseline total: $baseTotal incidents (must equal citytwin's total)"
done
