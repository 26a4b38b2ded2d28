#!/usr/bin/env python3
"""Writes the binary seeds of tests/fuzz/corpus (3D Tiles content, GeoPackage geometry blobs).

The text seeds (CSV, JSON, XML) are written by hand; these are easier to get right from code. Run from anywhere:
python3 tests/fuzz/make_seeds.py. A seed named ok_* must be accepted, bad_* refused (test_fuzz_inputs checks).
"""
import json
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent / "corpus"


def padded_json(value, multiple=8):
    text = json.dumps(value, separators=(",", ":")).encode()
    return text + b" " * (-len(text) % multiple)


def padded(data, multiple=8):
    return data + b"\0" * (-len(data) % multiple)


def glb():
    document = padded_json({"asset": {"version": "2.0"}, "scenes": [{"nodes": []}], "scene": 0}, 4)
    body = struct.pack("<II", len(document), 0x4E4F534A) + document
    return b"glTF" + struct.pack("<II", 2, 12 + len(body)) + body


def tile(magic, feature_json, feature_binary=b"", batch_json=None, batch_binary=b"", extra_header=b"", body=b""):
    header_size = 28 + len(extra_header)
    feature = padded_json(feature_json)
    feature_binary = padded(feature_binary)
    batch = padded_json(batch_json) if batch_json is not None else b""
    batch_binary = padded(batch_binary)
    length = header_size + len(feature) + len(feature_binary) + len(batch) + len(batch_binary) + len(body)
    header = magic + struct.pack("<IIIIII", 1, length, len(feature), len(feature_binary), len(batch), len(batch_binary))
    return header + extra_header + feature + feature_binary + batch + batch_binary + body


def b3dm():
    return tile(b"b3dm", {"BATCH_LENGTH": 2, "RTC_CENTER": [1.0, 2.0, 3.0]},
                batch_json={"name": ["a", "b"], "height": [10.5, 20]}, body=glb())


def pnts():
    positions = struct.pack("<6f", 0, 0, 0, 1, 1, 1)
    colors = bytes([255, 0, 0, 0, 255, 0])
    return tile(b"pnts", {"POINTS_LENGTH": 2, "POSITION": {"byteOffset": 0}, "RGB": {"byteOffset": 24},
                          "RTC_CENTER": [100.0, 200.0, 0.0]},
                feature_binary=positions + colors, batch_json={"kind": ["x", "y"]})


def pnts_quantized():
    positions = struct.pack("<6H", 0, 0, 0, 65535, 65535, 65535)
    return tile(b"pnts", {"POINTS_LENGTH": 2, "POSITION_QUANTIZED": {"byteOffset": 0},
                          "QUANTIZED_VOLUME_OFFSET": [0, 0, 0], "QUANTIZED_VOLUME_SCALE": [10, 10, 10],
                          "BATCH_LENGTH": 2, "BATCH_ID": {"byteOffset": 16, "componentType": "UNSIGNED_BYTE"}},
                feature_binary=padded(positions) + bytes([0, 1]))


def i3dm(embedded):
    positions = struct.pack("<6f", 0, 0, 0, 5, 5, 0)
    body = glb() if embedded else b"model.glb"
    # i3dm has one more header field: gltfFormat.
    header_fields = struct.pack("<I", 1 if embedded else 0)
    feature = padded_json({"INSTANCES_LENGTH": 2, "POSITION": {"byteOffset": 0}, "EAST_NORTH_UP": True})
    feature_binary = padded(positions)
    batch = padded_json({"id": [7, 8]})
    length = 32 + len(feature) + len(feature_binary) + len(batch) + len(body)
    return (b"i3dm" + struct.pack("<IIIIII", 1, length, len(feature), len(feature_binary), len(batch), 0) +
            header_fields + feature + feature_binary + batch + body)


def cmpt(*tiles):
    inner = b"".join(padded(t) for t in tiles)
    return b"cmpt" + struct.pack("<III", 1, 16 + len(inner), len(tiles)) + inner


def wkb_point(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def gpkg(wkb, envelope=None, srs=4548):
    flags = 0x01
    extra = b""
    if envelope:
        flags |= 0x02
        extra = struct.pack("<4d", *envelope)
    return b"GP" + bytes([0, flags]) + struct.pack("<i", srs) + extra + wkb


def wkb_polygon(rings, type_code=3):
    out = struct.pack("<BII", 1, type_code, len(rings))
    for ring in rings:
        out += struct.pack("<I", len(ring)) + b"".join(struct.pack("<dd", *p) for p in ring)
    return out


def main():
    content = HERE / "tile_content"
    content.mkdir(parents=True, exist_ok=True)
    seeds = {
        "ok_b3dm_batch_table.b3dm": b3dm(),
        "ok_pnts_rgb.pnts": pnts(),
        "ok_pnts_quantized.pnts": pnts_quantized(),
        "ok_i3dm_embedded.i3dm": i3dm(True),
        "ok_i3dm_uri.i3dm": i3dm(False),
        "ok_cmpt_mixed.cmpt": cmpt(b3dm(), pnts()),
        "ok_cmpt_nested.cmpt": cmpt(cmpt(pnts())),
    }
    for name, data in seeds.items():
        (content / name).write_bytes(data)

    geometry = HERE / "gpkg_geometry"
    geometry.mkdir(parents=True, exist_ok=True)
    square = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    hole = [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)]
    big_endian_point = struct.pack(">BIdd", 0, 1, 500000.5, 4390000.25)
    point_z = struct.pack("<BI3d", 1, 1001, 1.0, 2.0, 3.0)
    multi = struct.pack("<BII", 1, 6, 2) + wkb_polygon([square]) + wkb_polygon([hole])
    collection = struct.pack("<BII", 1, 7, 2) + wkb_point(1, 2) + struct.pack("<BII", 1, 2, 2) + \
        struct.pack("<4d", 0, 0, 3, 4)
    seeds = {
        "ok_point.gpkg": gpkg(wkb_point(500000.5, 4390000.25)),
        "ok_point_big_endian_wkb.gpkg": gpkg(big_endian_point),
        "ok_point_z.gpkg": gpkg(point_z),
        "ok_polygon_hole_envelope.gpkg": gpkg(wkb_polygon([square, hole]), envelope=(0, 10, 0, 10)),
        "ok_multipolygon.gpkg": gpkg(multi),
        "ok_collection.gpkg": gpkg(collection),
        "bad_empty_point.gpkg": b"GP" + bytes([0, 0x11]) + struct.pack("<i", 0) + struct.pack("<BIdd", 1, 1, float("nan"),
                                                                                         float("nan")),
    }
    for name, data in seeds.items():
        (geometry / name).write_bytes(data)


if __name__ == "__main__":
    main()
