#!/usr/bin/env python3
"""The manual pages: mandoc lint, and the Swedish pages in step with the
English ones.

Every English page must lint clean at -W warning.  A Swedish page may only
draw the two warnings its Swedish section names cause (mandoc knows the
NAME section by its English name; man-db's lexgrog knows NAMN).  Each
Swedish page must name the same options (Fl), variables (Ev), pages (Xr)
and constants (Dv) as many times as its English page, and every command
word (Cm) of the English page: a page that gains an option in English and
not in Swedish fails here.  Prints "man: N passed, N failed".
"""
import collections
import os
import re
import shutil
import subprocess
import sys

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PAGES = ["sams.1", "sams-case.5", "sams-phases.5"]
SWEDISH_SECTIONS = ('first section is not "NAME"',
                    "description line outside NAME section")
# Placeholders inside Cm that the Swedish page translates.
CM_TRANSLATED = {"BASE"}

passed = failed = 0


def result(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: man: " + what)


def lint(path, allowed):
    run = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", path],
                         capture_output=True, text=True)
    lines = [l for l in (run.stdout + run.stderr).splitlines()
             if not any(a in l for a in allowed)]
    for l in lines:
        print("    " + l)
    return not lines


def macros(path):
    found = collections.defaultdict(collections.Counter)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith(".") or line.startswith('.\\"'):
                continue
            for m in ("Fl", "Cm", "Ev", "Xr", "Dv"):
                for t in re.findall(r"(?:^\.|\s)" + m + r"\s+(\S+)", line):
                    found[m][t] += 1
    return found


if shutil.which("mandoc"):
    for p in PAGES:
        result(lint(os.path.join(TOP, "man", p), ()), "lint " + p)
        result(lint(os.path.join(TOP, "man", "sv", p), SWEDISH_SECTIONS),
               "lint sv/" + p)
else:
    print("SKIP: man: lint (no mandoc)")

for p in PAGES:
    en = macros(os.path.join(TOP, "man", p))
    sv = macros(os.path.join(TOP, "man", "sv", p))
    ok = True
    for m in ("Fl", "Ev", "Xr", "Dv"):
        if en[m] != sv[m]:
            ok = False
            print("    %s %s: English only %s, Swedish only %s" % (
                p, m, dict(en[m] - sv[m]), dict(sv[m] - en[m])))
    missing = set(en["Cm"]) - set(sv["Cm"]) - CM_TRANSLATED
    if missing:
        ok = False
        print("    %s Cm: not in the Swedish page: %s" % (p, sorted(missing)))
    result(ok, "sv/%s names what %s names" % (p, p))

print("man: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
