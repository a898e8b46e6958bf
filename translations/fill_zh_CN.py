#!/usr/bin/env python3
"""Fills translations/gradlab_zh_CN.ts from zh_CN.tsv (English source, TAB, Chinese).

A third column, the disambiguation comment of a tr() call, gives that call's text its own Chinese
(", " between a title's terms is "、", between formulas "；"); without it a row serves every call.

Run after `lupdate` has added new strings:
    python3 translations/fill_zh_CN.py
Every source text in the .ts must have a row; the script lists any that do not, and exits 1.
"""
import html
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
ts_path = os.path.join(here, "gradlab_zh_CN.ts")
table = {}
with open(os.path.join(here, "zh_CN.tsv"), encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        # A comment is a line starting with # that has no TAB, so that "#" itself can be a source text.
        if not line or (line.startswith("#") and "\t" not in line):
            continue
        src, dst, *comment = line.split("\t")
        table[(src.replace("\\n", "\n"), comment[0] if comment else None)] = dst.replace("\\n", "\n")

text = open(ts_path, encoding="utf-8").read()
missing = []


def fill(m):
    source = html.unescape(m.group(2))
    comment = html.unescape(m.group(3)) if m.group(3) is not None else None
    chinese = table.get((source, comment), table.get((source, None)))
    if chinese is None:
        missing.append(source if comment is None else f"{source} ({comment})")
        return m.group(0)
    return m.group(1) + "<translation>" + html.escape(chinese, quote=False) + "</translation>"


text = re.sub(r'(<source>(.*?)</source>\s*(?:<comment>(.*?)</comment>\s*)?)<translation[^>]*>.*?</translation>',
              fill, text, flags=re.S)
open(ts_path, "w", encoding="utf-8").write(text)
if missing:
    print("no Chinese for:", *missing, sep="\n  ")
    sys.exit(1)
