"""Checks for make check-browser, one line per check: "ok: ..." or
"FAIL: ...".  The shell script counts the lines; the exit status is 1
when any check failed.

  check.py html FILE [--min-svg N] [--min-table N] [--text S]... [--hostile]
  check.py png FILE WIDTH HEIGHT
  check.py pdf FILE MIN_PAGES [MAX_PAGES]   (with MAX_PAGES: A4 too)

Only the Python standard library and html5lib (python3-html5lib): the
PNG is decoded with zlib and struct, since a screenshot needs no more
than its size and its colours.
"""

import re
import struct
import sys
import zlib

SVG = "{http://www.w3.org/2000/svg}"


failed = False


def report(name, problem):
    global failed
    if problem:
        failed = True
        print("FAIL: %s: %s" % (name, problem))
    else:
        print("ok: %s" % name)


def local(tag):
    """The element name without html5lib's namespace: svg elements keep
    theirs even when HTML elements do not."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(el):
    return "".join(el.itertext())


def parse(path, name):
    """html5lib in strict mode stops at the first parse error; its line
    and column are what someone fixing the page needs."""
    import html5lib
    with open(path, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        root = parser.parse(data)
    except html5lib.html5parser.ParseError as e:
        where = ""
        if parser.errors:
            (line, col), code, _ = parser.errors[0]
            where = "%s:%d:%d: " % (path, line, col)
            code = "%s %s" % (code, e)
        else:
            code = str(e)
        report(name + ": parses without error (html5lib strict)",
               where + code)
        return None
    report(name + ": parses without error (html5lib strict)", None)
    return root


def outside(url):
    """A URL the page would have to fetch: anything but a fragment or
    an inline data: URI (a relative file name too, since the page is
    handed on alone)."""
    u = url.strip().lower()
    return not (u.startswith("#") or u.startswith("data:") or u == "")


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.I)


def external(root):
    found = []
    for el in root.iter():
        tag = local(el.tag)
        if tag in ("link", "iframe", "object", "embed", "base", "frame"):
            found.append("<%s>" % tag)
        for attr, value in el.attrib.items():
            a = local(attr).lower()
            if a in ("src", "srcset", "poster", "data", "action",
                     "formaction", "background"):
                if tag == "script" or outside(value):
                    found.append('<%s %s="%s">' % (tag, a, value))
            elif a == "href" and outside(value):
                found.append('<%s href="%s">' % (tag, value))
        css = ""
        if tag == "style":
            css = text_of(el)
        css += " " + el.attrib.get("style", "")
        if "@import" in css:
            found.append("@import in CSS")
        for u in CSS_URL.findall(css):
            if outside(u):
                found.append("url(%s) in CSS" % u)
    return ", ".join(found[:5]) if found else None


def labelled(el):
    return el.attrib.get("aria-label", "").strip() or \
        el.attrib.get("aria-labelledby", "").strip()


def check_html(path, min_svg, min_table, texts, hostile):
    name = path.rsplit("/", 1)[-1]
    root = parse(path, name)
    if root is None:
        return
    html = root if local(root.tag) == "html" else root.find(".//html")
    lang = html.attrib.get("lang") if html is not None else None
    report(name + ': <html lang="sv">',
           None if lang == "sv" else "lang is %r" % lang)

    charset = None
    for m in root.iter("meta"):
        if "charset" in m.attrib:
            charset = m.attrib["charset"]
        elif m.attrib.get("http-equiv", "").lower() == "content-type":
            c = re.search(r"charset=([\w-]+)", m.attrib.get("content", ""))
            charset = c.group(1) if c else None
    report(name + ": declares charset utf-8",
           None if (charset or "").lower() == "utf-8"
           else "charset is %r" % charset)

    titles = [t for t in root.iter("title")]
    report(name + ": has a non-empty <title>",
           None if titles and text_of(titles[0]).strip() else "no title")

    report(name + ": no external reference", external(root))

    css = " ".join(text_of(s) for s in root.iter("style"))
    report(name + ": has print CSS (@media print or @page)",
           None if re.search(r"@media[^{]*\bprint\b|@page", css)
           else "no @media print or @page rule")

    svgs = [el for el in root.iter() if el.tag == SVG + "svg"]
    bare = [i for i, s in enumerate(svgs)
            if not labelled(s) and s.find(SVG + "title") is None]
    problem = None
    if len(svgs) < min_svg:
        problem = "%d <svg>, want at least %d" % (len(svgs), min_svg)
    elif bare:
        problem = "<svg> number %s of %d without <title> or aria-label" % (
            ", ".join(str(i + 1) for i in bare), len(svgs))
    report(name + ": every <svg> has a text alternative (%d)" % len(svgs),
           problem)

    tables = list(root.iter("table"))
    bare = [i for i, t in enumerate(tables)
            if not labelled(t) and t.find("caption") is None]
    problem = None
    if len(tables) < min_table:
        problem = "%d <table>, want at least %d" % (len(tables), min_table)
    elif bare:
        problem = "<table> number %s of %d without <caption> or aria-label" \
            % (", ".join(str(i + 1) for i in bare), len(tables))
    report(name + ": every <table> has a caption (%d)" % len(tables),
           problem)

    if hostile:
        check_hostile(root, name)
    body = text_of(root)
    for t in texts:
        report(name + ": shows %r as text" % t,
               None if t in body else "not in the page's text")


def check_hostile(root, name):
    """The fixture's names and notes are markup; on the page they must be
    text.  Markup that got through shows up as an element or attribute
    the page itself never writes."""
    found = []
    for el in root.iter():
        tag = local(el.tag)
        if tag in ("img", "iframe") and \
                el.attrib.get("src") in ("x", "//x"):
            found.append("<%s src=%s>" % (tag, el.attrib["src"]))
        if tag == "b" and text_of(el) == "Ek":
            found.append("<b>Ek</b>")
        if tag == "a" and "example.invalid" in el.attrib.get("href", ""):
            found.append("<a href=%s>" % el.attrib["href"])
        if tag == "script" and "alert(" in text_of(el):
            found.append("<script> with alert(")
        if tag == "style" and "display:none" in text_of(el):
            found.append("<style> from a note")
        for attr, value in el.attrib.items():
            if local(attr).lower().startswith("on"):
                found.append('%s="%s" on <%s>' % (attr, value, tag))
    report(name + ": markup from case data is text, not elements",
           ", ".join(found[:5]) if found else None)


def png_pixels(path):
    """Width, height and rows of RGB(A) bytes of an 8-bit, non-interlaced
    PNG, which is what Chromium writes."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, []
    w = h = bpp = None
    while pos + 8 <= len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, inter = struct.unpack(">IIBBBBB", body)
            if depth != 8 or inter != 0 or ctype not in (2, 6):
                raise ValueError("PNG depth %d type %d interlace %d not "
                                 "handled" % (depth, ctype, inter))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    prev = bytearray(stride)
    rows, i = [], 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        unfilter(f, line, prev, bpp)
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def unfilter(f, line, prev, bpp):
    n = len(line)
    if f == 1:
        for x in range(bpp, n):
            line[x] = (line[x] + line[x - bpp]) & 255
    elif f == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, prev))
    elif f == 3:
        for x in range(n):
            left = line[x - bpp] if x >= bpp else 0
            line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
    elif f == 4:
        for x in range(n):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[x] = (line[x] + pr) & 255


def check_png(path, want_w, want_h):
    """Not blank: a page with text, tables and charts covers more than 1%
    of a 1200x2000 window (a line of text alone is about 0.3%) in more
    than 16 colours (antialiased text alone gives dozens, a blank or
    single-colour page one or two)."""
    name = path.rsplit("/", 1)[-1]
    try:
        w, h, bpp, rows = png_pixels(path)
    except (OSError, ValueError, zlib.error) as e:
        report(name + ": screenshot is a PNG", str(e))
        return
    report(name + ": screenshot is %dx%d" % (want_w, want_h),
           None if (w, h) == (want_w, want_h) else "it is %dx%d" % (w, h))
    white = b"\xff" * 3
    colours, ink = set(), 0
    for row in rows:
        for x in range(0, len(row), bpp):
            px = bytes(row[x:x + 3])
            if px != white:
                ink += 1
                colours.add(px)
    share = 100.0 * ink / (w * h)
    problem = None
    if share < 1.0 or len(colours) < 16:
        problem = "%.2f%% non-white pixels in %d colours, want >= 1%% " \
            "and >= 16" % (share, len(colours))
    report(name + ": screenshot not blank (%.1f%% ink, %d colours)"
           % (share, len(colours)), problem)


PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


def check_pdf(path, min_pages, max_pages=None):
    name = path.rsplit("/", 1)[-1]
    with open(path, "rb") as f:
        data = f.read()
    report(name + ": starts with %PDF",
           None if data[:5] == b"%PDF-" else "starts with %r" % data[:8])
    pages = len(PAGE.findall(data))
    report(name + ": has at least %d page%s (%d)"
           % (min_pages, "" if min_pages == 1 else "s", pages),
           None if pages >= min_pages else "%d pages" % pages)
    if max_pages is None:
        return
    report(name + ": has at most %d pages (%d)" % (max_pages, pages),
           None if pages <= max_pages else "%d pages" % pages)
    # A4 is 210 x 297 mm: 595.3 x 841.9 points, give or take rounding
    boxes = set(BOX.findall(data))
    a4 = [b for b in boxes if abs(float(b[0]) - 595.3) < 1.5
          and abs(float(b[1]) - 841.9) < 1.5]
    report(name + ": every page is A4 portrait",
           None if boxes and len(a4) == len(boxes)
           else "page sizes %r" % sorted(boxes))


def main(argv):
    if len(argv) >= 2 and argv[0] == "html":
        min_svg = min_table = 0
        texts, hostile = [], False
        args = argv[2:]
        while args:
            a = args.pop(0)
            if a == "--min-svg":
                min_svg = int(args.pop(0))
            elif a == "--min-table":
                min_table = int(args.pop(0))
            elif a == "--text":
                texts.append(args.pop(0))
            elif a == "--hostile":
                hostile = True
            else:
                raise SystemExit("check.py: unknown option " + a)
        check_html(argv[1], min_svg, min_table, texts, hostile)
    elif len(argv) == 4 and argv[0] == "png":
        check_png(argv[1], int(argv[2]), int(argv[3]))
    elif len(argv) in (3, 4) and argv[0] == "pdf":
        check_pdf(argv[1], int(argv[2]),
                  int(argv[3]) if len(argv) == 4 else None)
    else:
        raise SystemExit(__doc__)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
