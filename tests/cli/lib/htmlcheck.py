#!/usr/bin/env python3
"""Checks a page sams wrote: well formed enough and self-contained.

Every element opened is closed, in order (void elements excepted); the page
names nothing outside itself (no http:, https:, src=, href= or <link>) and
runs no script; every <table> has a <caption>, every <svg> a role="img", an
aria-label and a <title>.  Prints "ok" or the problems; exits 1 on any.
Usage: htmlcheck.py FILE
"""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# In SVG these are written self-closing ("<rect/>").
SVG_EMPTY = {"rect", "line", "circle", "path"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.tables = self.captions = self.svgs = self.svg_titles = 0

    def problem(self, what):
        self.problems.append("line %d: %s" % (self.getpos()[0], what))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name in ("src", "href") or (value or "").find("http") >= 0:
                self.problem("reference outside the page: %s" % name)
        if tag in ("script", "link", "iframe", "object", "img"):
            self.problem("<%s> in the page" % tag)
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "svg":
            self.svgs += 1
            if a.get("role") != "img" or not a.get("aria-label"):
                self.problem("<svg> without role=img and aria-label")
        if tag == "title" and self.stack and self.stack[-1] == "svg":
            self.svg_titles += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in SVG_EMPTY and tag not in VOID:
            self.problem("<%s/> is not an empty element" % tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problem("</%s> closes <%s>" % (tag, self.stack[-1]
                                                 if self.stack else "none"))
            return
        self.stack.pop()


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    c = Checker()
    c.feed(text)
    c.close()
    if c.stack:
        c.problems.append("never closed: %s" % " ".join(c.stack))
    if c.tables != c.captions:
        c.problems.append("%d tables, %d captions" % (c.tables, c.captions))
    if c.svgs != c.svg_titles:
        c.problems.append("%d svg, %d titles" % (c.svgs, c.svg_titles))
    for word in ("http:", "https:", "src="):
        if word in text:
            c.problems.append("the page contains %s" % word)
    if not text.startswith("<!DOCTYPE html>\n<html lang=\"sv\">"):
        c.problems.append("not a Swedish HTML5 document")
    print("\n".join(c.problems) if c.problems else "ok")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
