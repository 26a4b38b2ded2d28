#!/usr/bin/env python3
"""Fills translations/citytwin_{zh_CN,en}.ts from scripts/translations-zh_CN.tsv after lupdate.

Workflow for a new user-visible string: write it with tr(), run
`cmake --build build/dev --target update_translations`, add a line `context<TAB>source<TAB>Chinese` to
the TSV (escape newlines as \\n), then run this script. English is the source text itself (plural forms
are made from "(s)"). Exits non-zero and lists what is missing when a message has no Chinese."""
import csv, re, sys, xml.etree.ElementTree as ET
from pathlib import Path

root = Path(__file__).resolve().parent.parent
table = {}
with open(root / "scripts/translations-zh_CN.tsv", encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row and not row[0].startswith("#"):
            context, source, chinese = (cell.replace("\\n", "\n") for cell in row)
            table[(context, source)] = chinese

def english_plural(source, plural):
    return re.sub(r"(\w+)\(s\)", lambda m: m.group(1) + ("s" if plural else ""), source)

missing = []
for language in ("zh_CN", "en"):
    path = root / f"translations/citytwin_{language}.ts"
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            source = message.find("source").text
            translation = message.find("translation")
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            translation.attrib.pop("type", None)
            numerus = message.get("numerus") == "yes"
            if language == "en":
                if numerus:
                    for plural in (False, True):
                        ET.SubElement(translation, "numerusform").text = english_plural(source, plural)
                else:
                    translation.text = source
                continue
            chinese = table.get((name, source))
            if chinese is None:
                missing.append(f"{name}\t{source}")
                translation.set("type", "unfinished")
            elif numerus:
                ET.SubElement(translation, "numerusform").text = chinese
            else:
                translation.text = chinese
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")

if missing:
    print("no Chinese for:\n" + "\n".join(missing), file=sys.stderr)
    sys.exit(1)
