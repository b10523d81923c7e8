#!/usr/bin/env python3
"""Reads back a workbook sams wrote and checks it against the CSV.

  xlsxcheck.py report BOOK.xlsx REPORT.csv
      sheets Steg, Ärenden, Per ansvarig, Urval with their headers; Steg has the
      rows of `sams report --format csv` with the same filters, value for
      value (dates are dates, days are numbers, overdue rows bold); the
      counts of Ärenden and Per ansvarig add up to the rows of Steg; Urval
      says the date (a date), the selection, the paths and the version.
  xlsxcheck.py stats BOOK.xlsx STATS.csv
      every row of `sams stats --format csv` is a row of its sheet (Tal,
      Grupp, Namn, Värde, Nyckel), the same number; hidden (--aggregate)
      and none are no number ("dold", empty); the book has no other rows.

Both: the zip's CRCs are right and every part is XML; every sheet has
a frozen header row and an autofilter over its table; no cell is a formula (openpyxl's data type, and no <f> element in
the XML); no string starts as a formula would (= + - @, a tab or a
carriage return); the title is set and no author.  Prints what it checked
or the problems, one a line; exits 1 on any.
"""
import csv
import datetime
import re
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

STEG = ["Ärende", "Fil", "Fas", "Steg", "Titel", "Ansvarig", "Namn",
        "Senast", "Försenad", "Dagar försenad"]
ARENDEN = ["Ärende", "Fil", "Placeringsform", "Skolform",
           "Placeringsdatum", "Slutdatum", "Fas", "Öppna steg",
           "Försenade steg"]
PERSONER = ["Namn", "Roll", "Öppna steg", "Försenade", "Inom 7 dagar"]
STATS = ["Tal", "Grupp", "Namn", "Värde", "Nyckel"]
URVAL = ["Uppgift", "Värde"]
PLAIN_NUMBER = re.compile(r"^ *[+-]?[0-9]+(\.[0-9]+)?$")

problems = []


def problem(what):
    problems.append(what)


def rows(ws):
    return list(ws.iter_rows(min_row=2, values_only=True))


def check_every_sheet(path, wb):
    if not wb.properties.title:
        problem("no title")
    if wb.properties.creator:
        problem("an author: %r" % wb.properties.creator)
    for ws in wb.worksheets:
        if ws.freeze_panes != "A2":
            problem("%s: frozen at %r, not A2" % (ws.title, ws.freeze_panes))
        want = "A1:%s%d" % (get_column_letter(ws.max_column), ws.max_row)
        if ws.auto_filter.ref != want:
            problem("%s: autofilter %r, not %r" %
                    (ws.title, ws.auto_filter.ref, want))
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    problem("%s!%s: a formula" % (ws.title, c.coordinate))
                v = c.value
                if isinstance(v, str) and (v[:1] in ("\t", "\r") or (
                        v.lstrip(" ")[:1] in ("=", "+", "-", "@") and
                        not PLAIN_NUMBER.match(v))):
                    problem("%s!%s: starts like a formula: %r" %
                            (ws.title, c.coordinate, v))
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad is not None:
            problem("%s: a bad CRC in the zip" % bad)
        for name in z.namelist():
            data = z.read(name)
            try:
                ElementTree.fromstring(data)
            except ElementTree.ParseError as e:
                problem("%s: not XML: %s" % (name, e))
            if name.endswith(".xml") and re.search(rb"<f[ >/]", data):
                problem("%s: a <f> element" % name)


def header(ws, want):
    got = [c.value for c in ws[1]]
    if got != want:
        problem("%s: header %r" % (ws.title, got))


def is_count(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and \
        v == int(v) and v >= 0


def check_steg(ws, lines):
    header(ws, STEG)
    got = rows(ws)
    if len(got) != len(lines):
        problem("Steg: %d rows, the CSV %d" % (len(got), len(lines)))
    for i, (x, c) in enumerate(zip(got, lines), start=2):
        due = x[7].strftime("%Y-%m-%d") if x[7] is not None else ""
        if x[7] is not None and not isinstance(x[7], datetime.datetime):
            problem("Steg!H%d: not a date: %r" % (i, x[7]))
        days = "" if x[9] is None else "%d" % x[9]
        if x[9] is not None and not is_count(x[9]):
            problem("Steg!J%d: not a number: %r" % (i, x[9]))
        over = {"Ja": "true", "Nej": "false"}.get(x[8])
        mine = [x[0], x[1], x[3], x[4], x[6] or "", due, over, days]
        theirs = [c["case"], c["file"], c["step"], c["title"], c["name"],
                  c["due"], c["overdue"], c["days_overdue"]]
        if mine != theirs:
            problem("Steg row %d: %r, the CSV %r" % (i, mine, theirs))
        bold = ws.cell(row=i, column=1).font.b
        if bool(bold) != (over == "true"):
            problem("Steg row %d: bold %r, overdue %s" % (i, bold, over))
    return got


def check_report(path, csvpath):
    wb = openpyxl.load_workbook(path)
    check_every_sheet(path, wb)
    if wb.sheetnames != ["Steg", "Ärenden", "Per ansvarig", "Urval"]:
        problem("sheets %r" % wb.sheetnames)
        return
    with open(csvpath, newline="", encoding="utf-8") as f:
        lines = list(csv.DictReader(f))
    steg = check_steg(wb["Steg"], lines)
    header(wb["Ärenden"], ARENDEN)
    cases = rows(wb["Ärenden"])
    for r in cases:
        if not all(is_count(v) for v in r[7:9]):
            problem("Ärenden: counts that are not numbers: %r" % (r,))
        if not isinstance(r[4], datetime.datetime):
            problem("Ärenden: a placement date that is no date: %r" % (r,))
    header(wb["Per ansvarig"], PERSONER)
    persons = rows(wb["Per ansvarig"])
    overdue = sum(1 for r in steg if r[8] == "Ja")
    for name, got, want in (
            ("Ärenden Öppna steg", sum(r[7] for r in cases), len(steg)),
            ("Ärenden Försenade steg", sum(r[8] for r in cases), overdue),
            ("Per ansvarig Öppna steg", sum(r[2] for r in persons),
             len(steg)),
            ("Per ansvarig Försenade", sum(r[3] for r in persons),
             overdue)):
        if got != want:
            problem("%s add up to %r, not %r" % (name, got, want))
    print("Steg %d rows (%d overdue, bold), Ärenden %d, Per ansvarig %d" %
          (len(steg), overdue, len(cases), len(persons)))
    check_urval(wb["Urval"])


def check_urval(ws):
    header(ws, URVAL)
    about = dict(rows(ws))
    if list(about) != ["Datum", "Urval", "Underlag", "Skapad av"]:
        problem("Urval: rows %r" % list(about))
        return
    if not isinstance(about["Datum"], datetime.datetime):
        problem("Urval: Datum is no date: %r" % about["Datum"])
    if not str(about["Skapad av"]).startswith("sams "):
        problem("Urval: Skapad av %r" % about["Skapad av"])
    print("Urval: %s; %s; %s" % (about["Datum"].strftime("%Y-%m-%d"),
          about["Urval"], about["Underlag"]))


def check_stats_urval(ws):
    """The period and rules of the figures, dates as dates; no paths."""
    about = {r[0]: r[1] for r in rows(ws)}
    want = ["Period från", "Period till", "Datum",
            "Gräns för skolstart (dagar)", "Uppdelning", "Sammanställning",
            "Skapad av"]
    if list(about) != want:
        problem("Urval: rows %r" % list(about))
        return
    for k in want[:3]:
        if not isinstance(about[k], datetime.datetime):
            problem("Urval: %s is no date: %r" % (k, about[k]))
    if not is_count(about[want[3]]):
        problem("Urval: the limit is no number: %r" % about[want[3]])
    print("Urval: %s – %s; %s; %s" % (
        about["Period från"].strftime("%Y-%m-%d"),
        about["Period till"].strftime("%Y-%m-%d"), about["Uppdelning"],
        about["Sammanställning"]))


def check_stats(path, csvpath):
    wb = openpyxl.load_workbook(path)
    check_every_sheet(path, wb)
    book = {}
    if wb.sheetnames[-1] != "Urval":
        problem("sheets %r: Urval is not last" % wb.sheetnames)
    else:
        check_stats_urval(wb["Urval"])
    for ws in wb.worksheets[:-1]:
        header(ws, STATS)
        for r in rows(ws):
            book[(r[4], r[1] or "")] = r[3]
            if not (r[3] is None or r[3] == "dold" or
                    isinstance(r[3], (int, float))):
                problem("%s: a value that is no number: %r" % (ws.title, r))
    with open(csvpath, newline="", encoding="utf-8") as f:
        lines = list(csv.DictReader(f))
    numbers = hidden = 0
    for c in lines:
        key = (c["figure"], c["group"])
        if key not in book:
            problem("%s %r: not in the book" % key)
            continue
        v = book.pop(key)
        if c["value"] == "":
            hidden += v == "dold"
            if isinstance(v, (int, float)):
                problem("%s %r: %r in the book, none in the CSV" %
                        (key[0], key[1], v))
        elif not isinstance(v, (int, float)) or \
                abs(float(c["value"]) - v) > 0.005:
            problem("%s %r: %r in the book, %s in the CSV" %
                    (key[0], key[1], v, c["value"]))
        else:
            numbers += 1
    for key, v in book.items():
        problem("%s %r: %r in the book only" % (key[0], key[1], v))
    print("%d figures alike: %d numbers, %d hidden; sheets %s" %
          (len(lines), numbers, hidden, ", ".join(wb.sheetnames)))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("report", "stats"):
        sys.exit("usage: xlsxcheck.py report|stats BOOK.xlsx FILE.csv")
    (check_report if sys.argv[1] == "report" else check_stats)(
        sys.argv[2], sys.argv[3])
    for p in problems:
        print("problem:", p)
    sys.exit(1 if problems else 0)


main()
