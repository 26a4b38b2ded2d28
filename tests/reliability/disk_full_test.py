#!/usr/bin/env python3
"""Runs citytwin's writes against a full disk (a file-size limit, RLIMIT_FSIZE: what a full disk or a quota
looks like to a writer) and checks each fails cleanly.

    disk_full_test.py CITYTWIN SAMPLE.gpkg

  import  - `citytwin import --as incidents` into a copy of the sample: a clear error, the project unchanged
            (integrity_check ok, the same rows), its log files not left holding half a transaction;
  sample  - `citytwin sample --out`: a clear error, no project file (not even half of one);
  report  - `citytwin report --out`: a clear error, no PDF under the name (the one there before kept whole).
Exits 1 on the first failure. Only the standard library is used.
"""

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile

citytwin, sample = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="citytwin-diskfull-")
environment = dict(os.environ, LC_ALL="C.UTF-8")
environment.pop("QT_QPA_PLATFORM", None)


def limited(kilobytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (kilobytes * 1024, kilobytes * 1024))
    return apply


def run(command, kilobytes):
    return subprocess.run(command, env=environment, capture_output=True, timeout=300, preexec_fn=limited(kilobytes))


def fail(message):
    print("FAIL: " + message)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1)


def expect_clear_error(what, result, names):
    text = result.stderr.decode("utf-8", errors="replace")
    if result.returncode == 0:
        fail("%s: succeeded against a full disk\n%s" % (what, text[-500:]))
    if result.returncode < 0 or result.returncode >= 64:
        fail("%s: died (exit %d)\n%s" % (what, result.returncode, text[-500:]))
    if names not in text:
        fail("%s: the error does not name %s:\n%s" % (what, names, text[-500:]))
    return [line for line in text.splitlines() if line.startswith("citytwin ")][-1]


project = os.path.join(work, "project.gpkg")
shutil.copyfile(sample, project)
source = os.path.join(work, "new.csv")
with open(source, "w", encoding="utf-8") as out:
    out.write("事件编号,发生时间,事件类型,事件来源,经度,纬度\n")
    for i in range(40000):
        out.write("FULL-%d,2025-07-%02d %02d:%02d,占道经营,网格员,%.6f,%.6f\n" % (
            i, 1 + i % 28, i % 24, i % 60, 118.175 + (i % 200) * 0.00005, 39.625 + (i // 200) * 0.00005))

with sqlite3.connect(project) as db:
    before = db.execute("SELECT count(*) FROM incidents").fetchone()[0]
line = expect_clear_error("import", run([citytwin, "import", project, source, "--as", "incidents", "--crs",
                                         "EPSG:4326", "--quiet", "--lang", "en"], 512), "project.gpkg")
print("import: " + line)
with sqlite3.connect(project) as db:
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("import: integrity_check fails after the refused import")
    after = db.execute("SELECT count(*) FROM incidents").fetchone()[0]
    if after != before:
        fail("import: %d incidents before, %d after a refused import" % (before, after))
    if db.execute("SELECT count(*) FROM incidents WHERE external_id LIKE 'FULL-%'").fetchone()[0]:
        fail("import: rows of the refused import are in the project")

out = os.path.join(work, "sample.gpkg")
line = expect_clear_error("sample", run([citytwin, "sample", "--out", out, "--lang", "en"], 20 * 1024), "sample.gpkg")
print("sample: " + line)
left = [name for name in os.listdir(work) if name.startswith("sample")]
if left:
    fail("sample: files left behind: %s" % left)

pdf = os.path.join(work, "report.pdf")
with open(pdf, "wb") as previous:
    previous.write(b"%PDF-1.4 the report of last week\n%%EOF\n")
line = expect_clear_error("report", run([citytwin, "report", project, "--out", pdf, "--lang", "en"], 512),
                          "report.pdf")
print("report: " + line)
with open(pdf, "rb") as kept:
    if kept.read() != b"%PDF-1.4 the report of last week\n%%EOF\n":
        fail("report: the report there before was replaced by a refused one")
left = [name for name in os.listdir(work) if name.startswith("report.pdf.")]
if left:
    fail("report: temporary files left behind: %s" % left)

print("disk full: import, sample and report each refused with a clear error; nothing half-written")
shutil.rmtree(work, ignore_errors=True)
