#!/usr/bin/env python3
"""Kills citytwin (SIGKILL) at random moments while it writes a project, and checks nothing committed is lost.

    kill_test.py CITYTWIN SAMPLE.gpkg [--rounds 50] [--seed N] [--workdir DIR]

SAMPLE.gpkg is the built-in sample district (`citytwin sample`); it is copied, never changed. The rounds cycle
through the writes a user can interrupt from the command line:
  import  - `citytwin import --as incidents` of 3,000 rows: all of them or none afterwards;
  live    - `citytwin simulate-live` appending as incidents arrive: every row committed is whole;
  tour    - `citytwin make-tour`: the tour is saved with all its stops and bookmarks, or not at all;
  report  - `citytwin report --out`: either no file or a complete PDF, never half a PDF under the name.
After every kill: PRAGMA integrity_check is "ok", the project still opens (`citytwin info`), and every row
counted before the kill is still there. Prints one line per round and a summary; exits 1 on the first failure.
Only the standard library is used.
"""

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("citytwin")
parser.add_argument("sample")
parser.add_argument("--rounds", type=int, default=50)
parser.add_argument("--seed", type=int, default=None)
parser.add_argument("--workdir", default=None)
args = parser.parse_args()

seed = args.seed if args.seed is not None else int(time.time())
rng = random.Random(seed)
work = args.workdir or tempfile.mkdtemp(prefix="citytwin-kill-")
os.makedirs(work, exist_ok=True)
project = os.path.join(work, "project.gpkg")
shutil.copyfile(args.sample, project)
environment = dict(os.environ, LC_ALL="C.UTF-8")
environment.pop("QT_QPA_PLATFORM", None)


def fail(message):
    print("FAIL (seed %d): %s" % (seed, message))
    sys.exit(1)


def query(sql):
    with sqlite3.connect(project) as db:
        return db.execute(sql).fetchall()


def check_project(what):
    result = query("PRAGMA integrity_check")
    if result != [("ok",)]:
        fail("%s: integrity_check says %s" % (what, result[:5]))
    opened = subprocess.run([args.citytwin, "info", project, "--lang", "en"], env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    if opened.returncode != 0:
        fail("%s: the project no longer opens: %s" % (what, opened.stderr.decode(errors="replace")[:300]))


def incident_csv(path, prefix, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write("事件编号,发生时间,事件类型,事件来源,经度,纬度\n")
        for i in range(rows):
            out.write("%s-%d,2025-06-%02d %02d:%02d,占道经营,网格员,%.6f,%.6f\n" % (
                prefix, i, 1 + i % 28, i % 24, i % 60, 118.17 + rng.random() * 0.02, 39.62 + rng.random() * 0.02))


def run_and_kill(command, delay):
    """Starts command, SIGKILLs it after delay seconds unless it ended; returns (killed, exit code)."""
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return False, process.returncode
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True, None


def round_import(n):
    source = os.path.join(work, "batch%d.csv" % n)
    incident_csv(source, "KILL%d" % n, 3000)
    before = query("SELECT count(*) FROM incidents")[0][0]
    killed, code = run_and_kill([args.citytwin, "import", project, source, "--as", "incidents", "--crs", "EPSG:4326",
                                 "--quiet", "--lang", "en"], rng.uniform(0.05, 2.5))
    check_project("import round %d" % n)
    mine = query("SELECT count(*) FROM incidents WHERE external_id LIKE 'KILL%d-%%'" % n)[0][0]
    after = query("SELECT count(*) FROM incidents")[0][0]
    if after != before + mine:
        fail("import round %d: %d rows before, %d after, %d of them from this import" % (n, before, after, mine))
    # One transaction: the rows and the import's record arrive together, or neither does.
    recorded = query("SELECT rows_imported FROM citytwin_imports WHERE source = '%s'" % source)
    if (recorded[0][0] if recorded else 0) != mine:
        fail("import round %d: %d rows in the table, the import record says %s" % (n, mine, recorded))
    if not killed and code == 0 and not recorded:
        fail("import round %d: the import succeeded but nothing is recorded" % n)
    return "import %s, %d rows in" % ("killed" if killed else "finished (exit %s)" % code, mine)


def round_live(n):
    before_rows = query("SELECT fid FROM incidents ORDER BY fid DESC LIMIT 1")
    last = before_rows[0][0] if before_rows else 0
    killed, code = run_and_kill([args.citytwin, "simulate-live", project, "--rate", "3000", "--duration", "20",
                                 "--seed", str(n), "--lang", "en"], rng.uniform(0.3, 3.0))
    check_project("live round %d" % n)
    broken = query("SELECT count(*) FROM incidents WHERE fid > %d AND (category IS NULL OR reported_at IS NULL OR "
                   "geom IS NULL OR status IS NULL)" % last)[0][0]
    if broken:
        fail("live round %d: %d appended rows are incomplete" % (n, broken))
    added = query("SELECT count(*) FROM incidents WHERE fid > %d" % last)[0][0]
    return "live %s, %d rows appended" % ("killed" if killed else "finished (exit %s)" % code, added)


def round_tour(n):
    name = "kill-%d" % n
    killed, code = run_and_kill([args.citytwin, "make-tour", project, "--week", "2025-06-11", "--name", name,
                                 "--lang", "en"], rng.uniform(0.05, 1.0))
    check_project("tour round %d" % n)
    tours = query("SELECT id FROM citytwin_tours WHERE name = '%s'" % name)
    orphans = query("SELECT count(*) FROM citytwin_tour_stops WHERE tour_id NOT IN (SELECT id FROM citytwin_tours) "
                    "OR bookmark_id NOT IN (SELECT id FROM citytwin_bookmarks)")[0][0]
    if orphans:
        fail("tour round %d: %d tour stops without their tour or bookmark" % (n, orphans))
    if tours:
        stops = query("SELECT count(*) FROM citytwin_tour_stops WHERE tour_id = %d" % tours[0][0])[0][0]
        if stops == 0:
            fail("tour round %d: the tour '%s' was saved without its stops" % (n, name))
        return "tour %s, saved with %d stops" % ("killed" if killed else "finished (exit %s)" % code, stops)
    if not killed and code == 0:
        fail("tour round %d: make-tour succeeded but the tour is missing" % n)
    return "tour killed before it was saved"


def round_report(n):
    out = os.path.join(work, "report%d.pdf" % n)
    killed, code = run_and_kill([args.citytwin, "report", project, "--out", out, "--lang", "en"],
                                rng.uniform(0.2, 2.6))
    check_project("report round %d" % n)
    if os.path.exists(out):
        with open(out, "rb") as pdf:
            data = pdf.read()
        if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
            fail("report round %d: %s is half a PDF (%d bytes)" % (n, out, len(data)))
        return "report %s, complete PDF of %d bytes" % ("killed" if killed else "finished", len(data))
    if not killed and code == 0:
        fail("report round %d: report succeeded but wrote no file" % n)
    return "report killed before the PDF was written"


rounds = [round_import, round_live, round_tour, round_report]
check_project("the copy of the sample")
started = time.time()
killed_rounds = 0
for n in range(args.rounds):
    line = rounds[n % len(rounds)](n)
    killed_rounds += "killed" in line
    print("round %2d: %s" % (n + 1, line), flush=True)
leftovers = [name for name in os.listdir(work) if ".pdf." in name]
print("%d rounds (%d killed mid-way), seed %d, %.0f s; integrity_check ok after each; %d temporary report file(s) "
      "left by killed reports (never under the report's name)" % (args.rounds, killed_rounds, seed,
                                                                  time.time() - started, len(leftovers)))
if args.workdir is None:
    shutil.rmtree(work)
