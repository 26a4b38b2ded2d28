#!/usr/bin/env python3
"""Writes the small demo district in resources/demo/ (deterministic): building footprints with floors,
a road grid and service stations around 118.18 E, 39.65 N, as WGS 84 GeoJSON. Uses only the standard
library; coordinates are made in a local metric frame and converted with a spherical approximation,
which is plenty for demo data. Run from the repository root."""
import json, math, random

LON0, LAT0 = 118.180, 39.650
M_PER_DEG_LAT = 111_132.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))
rng = random.Random(2257)

def lonlat(x, y):
    return [round(LON0 + x / M_PER_DEG_LON, 7), round(LAT0 + y / M_PER_DEG_LAT, 7)]

def rect(cx, cy, w, h, angle):
    c, s = math.cos(angle), math.sin(angle)
    pts = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        pts.append(lonlat(cx + dx * c - dy * s, cy + dx * s + dy * c))
    pts.append(pts[0])
    return [pts]

USES = [("residential", "住宅"), ("residential", "住宅"), ("residential", "住宅"), ("shop", "商业"),
        ("school", "学校"), ("office", "办公")]
BLOCK, ROAD, N = 220.0, 30.0, 6   # 6 x 6 blocks of 220 m with 30 m roads
half = N * (BLOCK + ROAD) / 2

buildings, fid = [], 1
for bi in range(N):
    for bj in range(N):
        x0 = -half + bi * (BLOCK + ROAD) + ROAD / 2
        y0 = -half + bj * (BLOCK + ROAD) + ROAD / 2
        for k in range(3):
            for m in range(2):
                if rng.random() < 0.2:
                    continue
                use, use_zh = rng.choice(USES)
                floors = rng.choice([6, 6, 11, 18, 26]) if use == "residential" else rng.randint(2, 8)
                cx = x0 + 40 + k * 70 + rng.uniform(-6, 6)
                cy = y0 + 55 + m * 110 + rng.uniform(-6, 6)
                buildings.append({"type": "Feature", "id": fid, "properties": {
                    "id": fid, "name": f"{bi + 1}区{bj + 1}排{k * 2 + m + 1}号楼", "use": use, "use_zh": use_zh,
                    "floors": floors, "households": floors * 8 if use == "residential" else 0},
                    "geometry": {"type": "Polygon", "coordinates": rect(cx, cy, 48, 14 + rng.uniform(0, 6), 0.0)}})
                fid += 1

roads, rid = [], 1
for i in range(N + 1):
    t = -half + i * (BLOCK + ROAD)
    roads.append({"type": "Feature", "id": rid, "properties": {"id": rid, "name": f"纬{i + 1}路", "class": "street"},
                  "geometry": {"type": "LineString", "coordinates": [lonlat(-half, t), lonlat(half, t)]}})
    rid += 1
    roads.append({"type": "Feature", "id": rid, "properties": {"id": rid, "name": f"经{i + 1}路", "class": "street"},
                  "geometry": {"type": "LineString", "coordinates": [lonlat(t, -half), lonlat(t, half)]}})
    rid += 1

KINDS = [("day_care", "日间照料站"), ("warm_station", "暖心驿站"), ("canteen", "社区食堂"), ("service_center", "党群服务中心")]
stations = []
for sid in range(1, 13):
    kind, kind_zh = KINDS[sid % len(KINDS)]
    x, y = rng.uniform(-half, half), rng.uniform(-half, half)
    stations.append({"type": "Feature", "id": sid, "properties": {
        "id": sid, "kind": kind, "name": f"路北{kind_zh}{sid}", "capacity": rng.randint(20, 80)},
        "geometry": {"type": "Point", "coordinates": lonlat(x, y)}})

for name, feats in (("demo-buildings", buildings), ("demo-roads", roads), ("demo-stations", stations)):
    with open(f"resources/demo/{name}.geojson", "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "name": name, "features": feats}, out, ensure_ascii=False)
        out.write("\n")
    print(name, len(feats))
