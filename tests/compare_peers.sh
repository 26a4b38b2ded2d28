#!/usr/bin/env bash
# Counts a project's incidents per grid with CityTwin (bench_analysis count: countPointsInPolygons from the file)
# and with the two tools a user would otherwise run on the same GeoPackage, then prints how many of the grids
# agree exactly with each peer, the mismatches, and the totals that explain them:
#   - SpatiaLite through ogr2ogr -dialect SQLite (R-tree + ST_Intersects): a point on an edge shared by two grids
#     intersects both, so it is counted twice (its total exceeds the number of points);
#   - QGIS native:countpointsinpolygon (qgis_process.bin): points exactly on an edge are counted in neither grid.
# CityTwin counts a shared-edge point once (PolygonIndex: left and bottom edges inside, right and top outside).
# Usage: tests/compare_peers.sh PROJECT.gpkg [BUILD_DIR]     (BUILD_DIR default: build/dev)
# Needs gdal-bin (ogr2ogr with SpatiaLite) and qgis_process.bin (QGIS 3.22). QGIS=0 skips QGIS.
set -euo pipefail
project=$(realpath "$1")
build=${2:-build/dev}
bench=$(realpath "$build/tests/bench/bench_analysis")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

elapsed() { local s; s=$(date +%s.%N); "$@" >"$work/last.log" 2>&1; echo "$(date +%s.%N) - $s" | bc; }

echo "project: $project"
ours_s=$(elapsed "$bench" count "$project" --csv "$work/ours.csv")
echo "citytwin:   $(cat "$work/last.log") (process ${ours_s} s)"

sql="SELECT g.id, (SELECT COUNT(*) FROM incidents p WHERE p.fid IN (SELECT id FROM rtree_incidents_geom r
     WHERE r.minx <= ST_MaxX(g.geom) AND r.maxx >= ST_MinX(g.geom) AND r.miny <= ST_MaxY(g.geom)
     AND r.maxy >= ST_MinY(g.geom)) AND ST_Intersects(g.geom, p.geom)) AS n FROM grids g"
spatialite_s=$(elapsed ogr2ogr -f CSV "$work/spatialite.csv" "$project" -dialect SQLite -sql "$sql")
echo "spatialite: ${spatialite_s} s"

peers=(spatialite)
if [ "${QGIS:-1}" != 0 ]; then
    qgis_s=$(elapsed env QT_QPA_PLATFORM=offscreen qgis_process.bin run native:countpointsinpolygon \
        --POLYGONS="$project|layername=grids" --POINTS="$project|layername=incidents" --FIELD=NUMPOINTS \
        --OUTPUT="$work/qgis.gpkg")
    echo "qgis:       ${qgis_s} s"
    ogr2ogr -f CSV "$work/qgis.csv" "$work/qgis.gpkg" -sql "SELECT id, NUMPOINTS FROM qgis"
    peers+=(qgis)
fi

# Normalise to "id count" lines sorted by id.
norm() { tail -n +2 "$1" | tr -d '"' | tr ',' ' ' | sort -n -k1,1; }
norm "$work/ours.csv" >"$work/ours.txt"
ours_total=$(awk '{ s += $2 } END { print s + 0 }' "$work/ours.txt")
grids=$(wc -l <"$work/ours.txt")
echo
echo "citytwin: $grids grids, $ours_total points inside grids"
for peer in "${peers[@]}"; do
    norm "$work/$peer.csv" >"$work/$peer.txt"
    join "$work/ours.txt" "$work/$peer.txt" >"$work/$peer.joined"
    agree=$(awk '$2 == $3' "$work/$peer.joined" | wc -l)
    total=$(awk '{ s += $2 } END { print s + 0 }' "$work/$peer.txt")
    echo "$peer: $agree of $grids grids agree exactly; its total $total ($((total - ours_total)) vs citytwin)"
    awk '$2 != $3 { printf "    grid %s: citytwin %s, %s %s (%+d)\n", $1, $2, p, $3, $3 - $2 }' p="$peer" \
        "$work/$peer.joined" | head -20
done
echo
echo "Edge points explain the differences: a point exactly on an edge or vertex shared by k grids is counted in all"
echo "k by SpatiaLite (ST_Intersects includes the boundary: +1 in k - 1 of them), in none by QGIS (-1), and once by"
echo "CityTwin (PolygonIndex: in the grid to its right or above it)."
