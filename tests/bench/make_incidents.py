#!/usr/bin/env python3
"""Benchmark data: N incident rows as a Chinese-headed CSV in WGS 84 around Lubei, and a grid layer of
square cells (GeoJSON, EPSG:4548) covering the same area. Deterministic (seeded).
Usage: make_incidents.py ROWS OUT.csv [GRIDS.geojson]"""
import math, random, sys

rows, out = int(sys.argv[1]), sys.argv[2]
grids = sys.argv[3] if len(sys.argv) > 3 else None
rng = random.Random(785000)
CATEGORIES = ["占道经营", "无照摊贩", "垃圾暴露", "机动车乱停乱放", "垃圾满溢", "噪音扰民", "道路破损", "路灯故障",
              "供暖问题", "安全隐患", "乱堆物料", "违规户外广告"]
SOURCES = ["市民APP", "网格员", "视频AI", "12345热线"]
# Lubei's box, roughly: 118.10-118.26 E, 39.59-39.71 N.
W, E, S, N = 118.10, 118.26, 39.59, 39.71
with open(out, "w", encoding="utf-8") as f:
    f.write("事件编号,发生时间,事件类型,事件来源,经度,纬度\n")
    for i in range(rows):
        day = rng.randrange(366)
        month, mday = 1, day
        for m, length in enumerate([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], start=1):
            if mday < length:
                month = m
                break
            mday -= length
        f.write(f"E{i},2024-{month:02d}-{mday + 1:02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d},"
                f"{CATEGORIES[min(int(rng.expovariate(0.35)), len(CATEGORIES) - 1)]},{rng.choice(SOURCES)},"
                f"{rng.uniform(W, E):.6f},{rng.uniform(S, N):.6f}\n")

if grids:
    # 2,256 square cells (48 x 47) over the box in EPSG:4548 metres (from cs2cs of the corners).
    x0, y0, x1, y1 = 593800.0, 4384400.0, 608600.0, 4398300.0
    cols, rws = 48, 47
    dx, dy = (x1 - x0) / cols, (y1 - y0) / rws
    feats = []
    for r in range(rws):
        for c in range(cols):
            a, b = x0 + c * dx, y0 + r * dy
            ring = [[a, b], [a + dx, b], [a + dx, b + dy], [a, b + dy], [a, b]]
            feats.append('{"type":"Feature","properties":{"id":%d},"geometry":{"type":"Polygon","coordinates":[%s]}}'
                         % (r * cols + c + 1, str(ring).replace(" ", "")))
    with open(grids, "w") as f:
        f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}},'
                '"features":[' + ",".join(feats) + "]}\n")
