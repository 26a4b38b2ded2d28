#!/usr/bin/env python3
"""Writes the corpus of broken and hostile inputs (issue 15) into a folder, one sub-folder per input.

    make_corpus.py OUT_DIR VALID.gpkg

VALID.gpkg is a small valid GeoPackage (the tests' fixture) that the GeoPackage cases copy and damage.
Prints one line per input: NAME<TAB>RELATIVE PATH<TAB>EXPECT<TAB>WHAT IS WRONG, where EXPECT is
  error  - every entry point refuses it with a message naming the file
  loads  - it opens (perhaps with a warning): huge, repaired or partly unreadable, not broken as a whole
Only the standard library is used, so that CI needs nothing more.
"""

import json
import math
import os
import shutil
import sqlite3
import struct
import sys
import zipfile
import zlib

OUT = sys.argv[1]
VALID_GPKG = sys.argv[2]
ENTRIES = []


def case(name, filename, expect, problem):
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    ENTRIES.append((name, os.path.join(name, filename), expect, problem))
    return os.path.join(folder, filename)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)


def feature_collection(features, crs=None):
    collection = {"type": "FeatureCollection", "features": features}
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(collection)


def point_feature(x, y, name="a"):
    return {"type": "Feature", "properties": {"name": name}, "geometry": {"type": "Point", "coordinates": [x, y]}}


# --- GeoPackage --------------------------------------------------------------------------------------------------
write(case("gpkg-zero-byte", "empty.gpkg", "error", "a zero-byte GeoPackage"), b"")
with open(VALID_GPKG, "rb") as f:
    valid = f.read()
write(case("gpkg-truncated", "truncated.gpkg", "error", "a GeoPackage cut after 3 of its pages"), valid[:3 * 4096])

corrupt = bytearray(valid)
page = 4096
for at in range(page * 2, min(len(corrupt), page * 8), 7):
    corrupt[at] = 0xA5
write(case("gpkg-corrupt-page", "corrupt.gpkg", "error", "a GeoPackage whose b-tree pages are overwritten"),
      bytes(corrupt))

garbage_path = case("gpkg-garbage-geometry", "garbage.gpkg", "loads", "geometry blobs that are random bytes")
shutil.copyfile(VALID_GPKG, garbage_path)


def drop_triggers(db):
    """GDAL's R-tree triggers call SpatiaLite-style functions plain sqlite3 lacks."""
    for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f'DROP TRIGGER "{trigger}"')


with sqlite3.connect(garbage_path) as db:
    drop_triggers(db)
    for (table, column) in db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall():
        db.execute(f'UPDATE "{table}" SET "{column}" = randomblob(40)')

claim_path = case("gpkg-vertex-claim", "claim.gpkg", "loads", "a LineString blob claiming 10^8 vertices")
shutil.copyfile(VALID_GPKG, claim_path)
with sqlite3.connect(claim_path) as db:
    drop_triggers(db)
    header = b"GP" + bytes([0, 0x01]) + struct.pack("<i", 0)  # version 0, little-endian, no envelope, srs 0
    wkb = struct.pack("<BII", 1, 2, 100_000_000) + struct.pack("<4d", 0, 0, 1, 1)
    for (table, column) in db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall():
        db.execute(f'UPDATE "{table}" SET "{column}" = ?', (header + wkb,))

write(case("gpkg-not-sqlite", "text.gpkg", "error", "a text file named .gpkg"), "this is not a database\n" * 50)

# --- Shapefile ---------------------------------------------------------------------------------------------------


def shapefile(base, points, dbf=True, shx=True, records_claimed=None):
    """Writes a point shapefile by hand (the format's own layout)."""
    record_len = 20  # shape type + x + y, in bytes
    shp_len = 100 + len(points) * (8 + record_len)
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    bbox = struct.pack("<4d", min(xs), min(ys), max(xs), max(ys)) + struct.pack("<4d", 0, 0, 0, 0)

    def header(length):
        return struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length // 2) + struct.pack("<2i", 1000, 1) + bbox

    shp = header(shp_len)
    shx_bytes = header(100 + len(points) * 8)
    offset = 100
    for i, (x, y) in enumerate(points):
        shp += struct.pack(">2i", i + 1, record_len // 2) + struct.pack("<i2d", 1, x, y)
        shx_bytes += struct.pack(">2i", offset // 2, record_len // 2)
        offset += 8 + record_len
    write(base + ".shp", shp)
    if shx:
        write(base + ".shx", shx_bytes)
    if dbf:
        count = records_claimed if records_claimed is not None else len(points)
        field = b"NAME".ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([10, 0]) + b"\0" * 14
        header_len = 32 + 32 + 1
        dbf_bytes = struct.pack("<B3BIHH20x", 3, 126, 12, 1, count, header_len, 11) + field + b"\r"
        for i in range(len(points)):
            dbf_bytes += b" " + ("p%d" % i).encode().ljust(10)
        dbf_bytes += b"\x1a"
        write(base + ".dbf", dbf_bytes)


POINTS = [(500100.0, 4390100.0), (500200.0, 4390300.0)]
PRJ_4548 = ('PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",'
            'DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],'
            'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],'
            'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],'
            'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]')

base = case("shp-no-shx", "points.shp", "loads", "a shapefile without its .shx index")[:-4]
shapefile(base, POINTS, shx=False)
write(base + ".prj", PRJ_4548)
base = case("shp-no-dbf", "points.shp", "loads", "a shapefile without its .dbf table")[:-4]
shapefile(base, POINTS, dbf=False)
write(base + ".prj", PRJ_4548)
base = case("shp-prj-nonsense", "points.shp", "loads", "a .prj that is no CRS (the CRS is then guessed)")[:-4]
shapefile(base, POINTS)
write(base + ".prj", "this is not a coordinate reference system {{{")
base = case("shp-cpg-unknown", "points.shp", "loads", "a .cpg naming a code page nobody knows")[:-4]
shapefile(base, POINTS)
write(base + ".prj", PRJ_4548)
write(base + ".cpg", "KLINGON-42")
base = case("shp-truncated", "points.shp", "loads", "a .shp cut in the middle of its second record")[:-4]
shapefile(base, POINTS)
write(base + ".prj", PRJ_4548)
with open(base + ".shp", "rb+") as f:
    f.truncate(100 + 28 + 12)
base = case("shp-bad-magic", "points.shp", "error", "a .shp whose header is random bytes")[:-4]
shapefile(base, POINTS)
write(base + ".shp", os.urandom(400))
base = case("shp-dbf-claims-more", "points.shp", "loads", "a .dbf claiming a million records it does not hold")[:-4]
shapefile(base, POINTS, records_claimed=1_000_000)
write(base + ".prj", PRJ_4548)

# --- GeoJSON -----------------------------------------------------------------------------------------------------
write(case("geojson-wrong-nesting", "nesting.geojson", "error", "features as an object, geometry inside properties"),
      json.dumps({"type": "FeatureCollection", "features": {"type": "Feature",
                                                             "properties": {"geometry": {"type": "Point"}}}}))
write(case("geojson-deep-nesting", "deep.geojson", "error", "coordinates nested 100,000 arrays deep"),
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":'
      '{"type":"Polygon","coordinates":' + "[" * 100_000 + "]" * 100_000 + "}}]}")
write(case("geojson-1e300", "huge.geojson", "loads", "coordinates of 1e300 beside valid ones"),
      feature_collection([point_feature(1e300, -1e300, "huge"), point_feature(118.18, 39.63, "ok")]))
write(case("geojson-nan-inf", "naninf.geojson", "loads", "coordinates NaN and Infinity beside valid ones"),
      '{"type":"FeatureCollection","features":['
      '{"type":"Feature","properties":{"name":"nan"},"geometry":{"type":"Point","coordinates":[NaN,39.6]}},'
      '{"type":"Feature","properties":{"name":"inf"},"geometry":{"type":"Point","coordinates":[Infinity,-Infinity]}},'
      '{"type":"Feature","properties":{"name":"big"},"geometry":{"type":"Point","coordinates":[1e999,39.6]}},'
      '{"type":"Feature","properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[118.18,39.63]}}]}')
write(case("geojson-one-vertex", "one.geojson", "loads", "a polygon of one vertex beside a valid one"),
      feature_collection([
          {"type": "Feature", "properties": {"name": "one"},
           "geometry": {"type": "Polygon", "coordinates": [[[118.18, 39.63]]]}},
          {"type": "Feature", "properties": {"name": "ok"},
           "geometry": {"type": "Polygon", "coordinates": [[[118.18, 39.63], [118.19, 39.63], [118.19, 39.64],
                                                           [118.18, 39.63]]]}}]))
write(case("geojson-self-intersection", "bowtie.geojson", "loads", "a self-intersecting (bow-tie) polygon"),
      feature_collection([{"type": "Feature", "properties": {"name": "bowtie"},
                           "geometry": {"type": "Polygon",
                                        "coordinates": [[[118.18, 39.63], [118.19, 39.64], [118.19, 39.63],
                                                         [118.18, 39.64], [118.18, 39.63]]]}}]))
ring = [[118.18 + 0.01 * math.cos(2 * math.pi * i / 1_000_000), 39.63 + 0.01 * math.sin(2 * math.pi * i / 1_000_000)]
        for i in range(1_000_000)]
ring.append(ring[0])
with open(case("geojson-million-vertices", "million.geojson", "loads", "one polygon of a million vertices"),
          "w") as f:
    f.write('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"circle"},'
            '"geometry":{"type":"Polygon","coordinates":[[')
    f.write(",".join("[%.7f,%.7f]" % (x, y) for x, y in ring))
    f.write("]]}}]}")
collection = feature_collection([point_feature(118.18, 39.63), point_feature(118.19, 39.64)])
write(case("geojson-truncated", "truncated.geojson", "error", "a FeatureCollection cut in half"),
      collection[:len(collection) // 2])
write(case("geojson-empty", "empty.geojson", "error", "a FeatureCollection without features"),
      feature_collection([]))
write(case("geojson-binary", "binary.geojson", "error", "random bytes named .geojson"), os.urandom(2048))
write(case("geojson-unknown-type", "circle.geojson", "loads", "a geometry of type Circle (read without geometry)"),
      feature_collection([{"type": "Feature", "properties": {},
                           "geometry": {"type": "Circle", "coordinates": [118.18, 39.63], "radius": 5}}]))
write(case("geojson-latitude-400", "lat400.geojson", "error", "EPSG:4326 declared, latitudes of 400 degrees"),
      feature_collection([point_feature(118.18, 400.0), point_feature(118.19, 401.0)], "EPSG:4326"))

# --- CSV, spreadsheets -------------------------------------------------------------------------------------------
write(case("csv-mixed-encodings", "mixed.csv", "loads", "UTF-8 and GBK rows in one file"),
      "名称,经度,纬度\n".encode("utf-8") + "一号,118.18,39.63\n".encode("utf-8") +
      "二号,118.19,39.64\n".encode("gbk"))
write(case("csv-unbalanced-quotes", "quotes.csv", "loads", "a quote that is never closed"),
      'name,lon,lat\n"first,118.18,39.63\nsecond,118.19,39.64\n')
write(case("csv-header-only", "header.csv", "error", "a header and no rows"), "name,lon,lat\n")
write(case("csv-garbage-coordinates", "garbage.csv", "loads", "coordinate cells that are words"),
      "name,lon,lat\na,east,north\nb,118.19,39.64\n")
write(case("csv-binary", "binary.csv", "error", "NUL bytes and noise named .csv"), b"\0\1\2\3" * 512)


def zip_bomb(path):
    """An XLSX whose sheet inflates to 1 GiB of spaces (about 1 MB on disk)."""
    workbook = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                '<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    root_rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        b'2006/main"><sheetData>')
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")


zip_bomb(case("xlsx-zip-bomb", "bomb.xlsx", "error", "a sheet that inflates to 1 GiB"))
write(case("xlsx-not-zip", "text.xlsx", "error", "a text file named .xlsx"), "not a spreadsheet\n" * 20)
with zipfile.ZipFile(os.path.join(OUT, "ods.tmp"), "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", "<office:document-content/>" * 100)
with open(os.path.join(OUT, "ods.tmp"), "rb") as f:
    ods = f.read()
os.remove(os.path.join(OUT, "ods.tmp"))
write(case("ods-truncated", "cut.ods", "error", "an ODS cut before its central directory"), ods[:len(ods) // 2])

# --- Rasters -----------------------------------------------------------------------------------------------------
tiff = struct.pack("<2sHI", b"II", 42, 8) + struct.pack("<H", 200) + b"\0" * 64
write(case("tif-truncated", "dem.tif", "error", "a TIFF header promising 200 tags, then nothing"), tiff)
write(case("tif-garbage", "noise.tif", "error", "random bytes named .tif"), os.urandom(4096))

# --- Oblique photogrammetry --------------------------------------------------------------------------------------
METADATA = ('<?xml version="1.0" encoding="UTF-8"?><ModelMetadata version="1"><SRS>{srs}</SRS>'
            '<SRSOrigin>{origin}</SRSOrigin></ModelMetadata>')
folder = os.path.dirname(case("oblique-srs-outside", "metadata.xml", "error",
                              "an <SRS> that is a path to a file outside the folder"))
outside = os.path.join(OUT, "outside-secret.prj")
write(outside, PRJ_4548)
write(os.path.join(folder, "metadata.xml"), METADATA.format(srs="../outside-secret.prj", origin="500000,4390000,0"))
write(os.path.join(folder, "Data", "Tile_+000_+000", "Tile_+000_+000.osgb"), b"")
folder = os.path.dirname(case("oblique-broken-xml", "metadata.xml", "error", "metadata.xml cut inside an element"))
write(os.path.join(folder, "metadata.xml"), METADATA.format(srs="EPSG:4548", origin="500000,4390000,0")[:70])
os.makedirs(os.path.join(folder, "Data"), exist_ok=True)
folder = os.path.dirname(case("oblique-srs-nonsense", "metadata.xml", "error", "an <SRS> nobody can read"))
write(os.path.join(folder, "metadata.xml"), METADATA.format(srs="GREAT PLAINS OF NOWHERE", origin="1,2,3"))
os.makedirs(os.path.join(folder, "Data"), exist_ok=True)
folder = os.path.dirname(case("oblique-truncated-osgb", "metadata.xml", "error",
                              "a tileset whose only tile is a truncated .osgb"))
write(os.path.join(folder, "metadata.xml"), METADATA.format(srs="EPSG:4548", origin="500000,4390000,0"))
write(os.path.join(folder, "Data", "Tile_+000_+000", "Tile_+000_+000.osgb"),
      b"\x6c\x1f\xa3\x1a\x00\x00\x00\x00\x0a\x00\x00\x00" + b"\x01" * 37)

# --- 3D Tiles ----------------------------------------------------------------------------------------------------
BOX = [0, 0, 10, 100, 0, 0, 0, 100, 0, 0, 0, 10]
TRANSFORM = [0.9686, 0.2487, 0, 0, -0.1593, 0.6203, 0.7679, 0, 0.1910, -0.7439, 0.6404, 0,
             1215012.0, -4736313.0, 4081605.0, 1]


def tileset(children_uri=None, extra=None):
    root = {"boundingVolume": {"box": BOX}, "geometricError": 10, "refine": "ADD", "transform": TRANSFORM}
    if children_uri:
        root["content"] = {"uri": children_uri}
    if extra:
        root.update(extra)
    return json.dumps({"asset": {"version": "1.0"}, "geometricError": 100, "root": root})


folder = os.path.dirname(case("tileset-cycle", "tileset.json", "error", "external tilesets that refer to each other"))
write(os.path.join(folder, "tileset.json"), tileset("a.json"))
write(os.path.join(folder, "a.json"), tileset("b.json"))
write(os.path.join(folder, "b.json"), tileset("a.json"))
folder = os.path.dirname(case("tileset-self", "tileset.json", "error", "a tileset whose content is itself"))
write(os.path.join(folder, "tileset.json"), tileset("tileset.json"))
write(case("tileset-invalid-json", "tileset.json", "error", "a tileset.json cut in half"), tileset("t.b3dm")[:60])
write(case("tileset-no-root", "tileset.json", "error", "a tileset.json without root"),
      json.dumps({"asset": {"version": "1.0"}, "geometricError": 1}))
folder = os.path.dirname(case("tileset-b3dm-truncated", "tileset.json", "loads",
                              "a tileset whose only tile is a truncated b3dm"))
write(os.path.join(folder, "tileset.json"), tileset("t.b3dm"))
write(os.path.join(folder, "t.b3dm"), b"b3dm" + struct.pack("<6I", 1, 5000, 0, 0, 0, 0) + b"glTF")
folder = os.path.dirname(case("tileset-b3dm-lengths-lie", "tileset.json", "loads",
                              "a b3dm whose batch table claims 4 GB"))
write(os.path.join(folder, "tileset.json"), tileset("t.b3dm"))
write(os.path.join(folder, "t.b3dm"), b"b3dm" + struct.pack("<6I", 1, 60, 8, 0, 0xFFFFFF00, 0) +
      b'{"a":1} ' + b"glTF" + b"\0" * 20)

# --- CityGML -----------------------------------------------------------------------------------------------------
CITYGML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<core:CityModel '
                'xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" '
                'xmlns:gml="http://www.opengis.net/gml"><gml:name>{name}</gml:name>')
BUILDING = ('<core:cityObjectMember><bldg:Building gml:id="b1"><bldg:lod1Solid><gml:Solid><gml:exterior>'
            '<gml:CompositeSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList '
            'srsDimension="3">0 0 0 10 0 0 10 10 0 0 10 0 0 0 0</gml:posList></gml:LinearRing></gml:exterior>'
            '</gml:Polygon></gml:surfaceMember></gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>'
            '</bldg:Building></core:cityObjectMember></core:CityModel>')
laughs = '<!DOCTYPE core:CityModel [<!ENTITY l0 "ha">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10)) + "]>\n"
write(case("citygml-xml-bomb", "bomb.gml", "error", "entities that expand to 10^9 copies (billion laughs)"),
      CITYGML_HEAD.format(doctype=laughs, name="&l9;") + BUILDING)
external = '<!DOCTYPE core:CityModel [<!ENTITY secret SYSTEM "file://%s">]>\n' % outside
write(case("citygml-external-entity", "xxe.gml", "error", "an external entity naming a file outside the folder"),
      CITYGML_HEAD.format(doctype=external, name="&secret;") + BUILDING)
whole = CITYGML_HEAD.format(doctype="", name="x") + BUILDING
write(case("citygml-truncated", "cut.gml", "error", "a CityGML file cut in half"), whole[:len(whole) // 2])
write(case("citygml-no-buildings", "empty.gml", "error", "a CityModel without city objects"),
      CITYGML_HEAD.format(doctype="", name="x") + "</core:CityModel>")

with open(os.path.join(OUT, "corpus.tsv"), "w", encoding="utf-8") as index:
    for entry in ENTRIES:
        index.write("\t".join(entry) + "\n")
print("%d inputs written to %s" % (len(ENTRIES), OUT))
