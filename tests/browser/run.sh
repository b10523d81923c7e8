#!/bin/sh
# make check-browser: the HTML pages in a real browser.  Headless
# Chromium renders each page (the screenshot must not be blank) and
# prints it to PDF; html5lib parses it strictly, and check.py looks for
# what matters to us: Swedish, no network, text alternatives, case data
# as text.  First the checker is tried on a hand-written page and on
# broken copies of it, so a check that cannot fail shows up here.
# Installs Chromium when root and it is missing; otherwise each test
# that needs it is counted as skipped, with a SKIPPED line saying why.
# Ends with "N passed, N failed, N skipped".  Needs $SAMS.
set -u
: "${SAMS:?set SAMS to the sams binary}"
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 1	# the pages name files as from the top
work=$(mktemp -d "${TMPDIR:-/tmp}/sams-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export SAMS_TODAY=2026-11-23 NO_COLOR=1 LC_ALL=C.UTF-8
unset SAMS_PHASES
. "$here/lib.sh"
pass=0 fail=0 skip=0
W=1200 H=2000

# check ARGS...: runs check.py and counts the ok and FAIL lines it
# prints; a check.py that stops without a FAIL line (a Python error) is
# one failure more
check() {
	"$python" "$here/check.py" "$@" > "$work/out" 2>&1
	rc=$?
	cat "$work/out"
	pass=$((pass + $(grep -c '^ok: ' "$work/out")))
	n=$(grep -c '^FAIL: ' "$work/out")
	[ $rc = 0 ] || [ "$n" -gt 0 ] || { n=1; echo "FAIL: check.py $*"; }
	fail=$((fail + n))
}
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
skipped() { skip=$((skip + $1)); shift; echo "SKIPPED: $*"; }

install_missing
browser=1 parser=1
have_chromium || { browser=0; echo "SKIPPED: chromium not installed (${why:-})"; }
have_html5lib || { parser=0; echo "SKIPPED: html5lib not installed (${why:-})"; }

# html FILE CHECK-ARGS...: the parser's checks (check.py html): 8, and
# one for --hostile and one per --text; or as many skipped
html() {
	if [ $parser = 1 ]; then
		check html "$@"
	else
		n=$(printf '%s\n' "$@" | grep -c -e '^--text$' -e '^--hostile$')
		skipped $((8 + n)) "$(basename "$1"): html5lib checks"
	fi
}

# render FILE MIN_PAGES [MAX_PAGES]: screenshot and PDF, 4 checks (6
# with MAX_PAGES: at most that many pages, each A4), or skipped
render() {
	base=${1%.html}
	if [ $browser = 0 ]; then
		n=4
		[ -z "${3:-}" ] || n=6
		skipped $n "$(basename "$1"): rendering in chromium"
		return
	fi
	if screenshot "$1" "$base.png" $W $H; then
		check png "$base.png" $W $H
	else
		bad "$(basename "$1"): chromium --screenshot failed:" \
		    "$(tail -n 3 "$work/chromium.log")"
	fi
	if pdf "$1" "$base.pdf"; then
		check pdf "$base.pdf" "$2" ${3:-}
	else
		bad "$(basename "$1"): chromium --print-to-pdf failed:" \
		    "$(tail -n 3 "$work/chromium.log")"
	fi
}

# catches WHAT PATTERN CHECK-ARGS...: check.py must fail on a broken page
catches() {
	what=$1 pattern=$2
	shift 2
	"$python" "$here/check.py" "$@" > "$work/out" 2>&1
	if grep -q "^FAIL: .*$pattern" "$work/out"; then
		ok "the checker catches $what"
	else
		bad "the checker misses $what:"
		cat "$work/out"
	fi
}

# sams_html OUT ARGS...: a page from sams; 0 when written, 1 when this
# sams cannot write HTML yet (counted as one skipped test), 2 on an error
sams_html() {
	out=$1
	shift
	"$SAMS" "$@" > "$out" 2> "$work/err"
	rc=$?
	[ $rc = 0 ] && [ -s "$out" ] && return 0
	if [ $rc = 64 ] && grep -q -e "--format wants" -e "unknown command" \
	    "$work/err"; then
		skipped 1 "sams $*: not in this sams yet"
		return 1
	fi
	bad "sams $*: exit $rc: $(cat "$work/err")"
	return 2
}

echo "== the checker, on a hand-written page and broken copies of it"
sample=$work/sample.html
cat > "$sample" <<'EOF'
<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Prov: ärenden</title>
<style>
body { font-family: "DejaVu Sans", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #666; padding: .3em .6em; }
section + section { break-before: page; }
@media print { @page { size: A4; margin: 15mm; } }
</style>
</head>
<body>
<section>
<h1>Ärenden 2026-11-23</h1>
<svg width="600" height="240" role="img" aria-labelledby="t1">
<title id="t1">Öppna steg per fas: 4, 7 och 2</title>
<rect x="20" y="20" width="160" height="200" fill="#3b6ea5"/>
<rect x="220" y="80" width="160" height="140" fill="#c0504d"/>
<rect x="420" y="160" width="160" height="60" fill="#9bbb59"/>
</svg>
</section>
<section>
<table>
<caption>Ärenden</caption>
<thead><tr><th>Ärende</th><th>Fas</th><th>Nästa steg</th></tr></thead>
<tbody>
<tr><td>A1B2-C3D4</td><td>Inför placering</td><td>ip-skolval</td></tr>
<tr><td>E5F6-G7H8</td><td>Under placering</td><td>up-narvaro</td></tr>
</tbody>
</table>
</section>
</body>
</html>
EOF
html "$sample" --min-svg 1 --min-table 1 --text "Ärenden 2026-11-23"
render "$sample" 2

broken() {	# broken NAME SED-ARGS...: a copy of the sample, changed
	name=$1
	shift
	sed "$@" "$sample" > "$work/$name.html"
	echo "$work/$name.html"
}
if [ $parser = 1 ]; then
	catches "a parse error" "parses without error" \
	    html "$(broken stray 's|</h1>|</h1></div>|')"
	catches "a missing lang" 'lang="sv"' \
	    html "$(broken lang 's|lang="sv"|lang="en"|')"
	catches "a missing charset" "charset" \
	    html "$(broken charset '/<meta charset/d')"
	catches "a stylesheet link" "external" html "$(broken link \
	    's|<meta charset="utf-8">|&<link rel="stylesheet" href="s.css">|')"
	catches "a remote image in CSS" "external" html "$(broken url \
	    's|color: #222;|background: url(https://example.invalid/a.png);|')"
	catches "an external script" "external" html "$(broken script \
	    's|<meta charset="utf-8">|&<script src="a.js"></script>|')"
	catches "a chart without a text alternative" "<svg>" html "$(broken \
	    svg -e 's| aria-labelledby="t1"||' -e '/<title id/d')"
	catches "a table without a caption" "<table>" \
	    html "$(broken table '/<caption>/d')"
	catches "a page without print CSS" "print CSS" \
	    html "$(broken print '/@media print/d')"
	catches "case data as markup" "is text, not elements" html "$(broken \
	    hostile 's|ip-skolval|"><img src=x onerror=alert(2)>|')" --hostile
else
	skipped 10 "the checker's own tests: html5lib not installed"
fi
if [ $browser = 1 ]; then
	printf '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'\
'<title>Tom</title></head><body><p>.</p></body></html>\n' \
	    > "$work/blank.html"
	if screenshot "$work/blank.html" "$work/blank.png" $W $H; then
		catches "a blank screenshot" "not blank" \
		    png "$work/blank.png" $W $H
		catches "a wrong window size" "is ${W}x$H" \
		    png "$work/blank.png" 1000 $H
	else
		bad "blank.html: chromium --screenshot failed"
	fi
	if pdf "$work/blank.html" "$work/blank.pdf"; then
		catches "a PDF with too few pages" "at least 2 pages" \
		    pdf "$work/blank.pdf" 2
		catches "a PDF with too many pages" "at most 0 pages" \
		    pdf "$work/blank.pdf" 0 0
	else
		bad "blank.html: chromium --print-to-pdf failed"
	fi
else
	skipped 4 "the checker's screenshot and PDF tests: no chromium"
fi

echo "== sams report --format html over examples/"
sams_html "$work/report.html" report --format html examples
case $? in
0)	html "$work/report.html" --min-svg 1 --min-table 1 \
	    --text "2026-11-23" --text "K7Q2-9XHD" --text "Inför placering"
	render "$work/report.html" 2 ;;
1)	;;
esac

echo "== sams status --format html on two example cases"
for c in k7q2-familjehem s8d3-skyddad; do
	sams_html "$work/$c.html" status --format html "examples/$c.yml"
	case $? in
	0)	id=$(sed -n 's/^id: //p' "examples/$c.yml")
		html "$work/$c.html" --min-svg 1 --text "$id"
		render "$work/$c.html" 1 ;;
	1)	;;
	esac
done

# footers PDF ID: every printed page carries the case id, the secrecy
# line and "Sida N av M" (pdftotext, one check per form, or skipped)
footers() {
	if [ $browser = 0 ] || ! command -v pdftotext > /dev/null ||
	    ! [ -f "$1" ]; then
		skipped 1 "$(basename "$1"): page footers (no chromium or pdftotext)"
		return
	fi
	n=$(pdftotext "$1" - | grep -c '^Sida [0-9]* av ')
	k=1 miss=""
	while [ $k -le "$n" ]; do
		pdftotext -f $k -l $k "$1" - > "$work/page.txt"
		grep -q "^Ärende $2 · Innehåller uppgifter som kan omfattas av sekretess" \
		    "$work/page.txt" && grep -q "^Sida $k av $n\$" "$work/page.txt" ||
		    miss="$miss $k"
		k=$((k + 1))
	done
	if [ "$n" -ge 1 ] && [ -z "$miss" ]; then
		ok "$(basename "$1"): each of $n pages has the case id, secrecy and Sida N av $n"
	else
		bad "$(basename "$1"): pages without case id, secrecy or Sida N av M:${miss:- all}"
	fi
}

echo "== sams form --format html: forms that print on one or two A4 pages"
SAMS_TODAY=2026-11-23 "$SAMS" new --id SIS-9 --placement-date 2026-11-20 \
    --type sis --school-form grundskola --sending Björkskolan \
    --receiving "Skolan på Ungdomshemmet Exempel" \
    --contact sis="Ungdomshemmet Exempel" --contact rektor-avlamnande="Bo Berg" \
    --contact socialtjanst="Anna Andersson" "$work/sis-9.yml" > /dev/null
for f in examples/k7q2-familjehem.yml:ip-overlamning \
    examples/k7q2-familjehem.yml:up-mote examples/s8d3-skyddad.yml:ip-beslut \
    "$work/sis-9.yml:sis-overenskommelse"; do
	c=${f%%:*} step=${f#*:}
	sams_html "$work/form-$step.html" form --format html "$c" "$step"
	case $? in
	0)	id=$(sed -n 's/^id: //p' "$c")
		html "$work/form-$step.html" --text "$id" \
		    --text "Innehåller uppgifter som kan omfattas av sekretess"
		render "$work/form-$step.html" 1 2
		footers "$work/form-$step.pdf" "$id" ;;
	1)	;;
	esac
done
sams_html "$work/hostile-form.html" form --format html \
    tests/browser/hostile/h0st-fientlig.yml ip-overlamning
case $? in
0)	html "$work/hostile-form.html" --hostile \
	    --text '"><img src=x onerror=alert(2)>' \
	    --text "Eva <b>Ek</b> & 'Son'" ;;
1)	;;
esac

echo "== a hostile case: names and notes that look like HTML"
hostile=tests/browser/hostile
sams_html "$work/hostile-report.html" report --format html "$hostile"
case $? in
0)	html "$work/hostile-report.html" --hostile \
	    --text "<script>alert(1)</script>" ;;
1)	;;
esac
sams_html "$work/hostile-status.html" status --format html \
    "$hostile/h0st-fientlig.yml"
case $? in
0)	html "$work/hostile-status.html" --hostile \
	    --text "<script>alert(1)</script>" \
	    --text '"><img src=x onerror=alert(2)>' \
	    --text "</td></tr></table><script>alert(3)</script>" \
	    --text "Eva <b>Ek</b> & 'Son'" ;;
1)	;;
esac

echo "== a name of 4000 letters without a space wraps inside the window"
# The page copied with one line of script that puts the document's width
# in its title, read back with --dump-dom: no wider than the window.
long=$work/long
mkdir -p "$long"
name=$(head -c 4000 /dev/zero | tr '\0' 'x')
sed "s|^  socialtjanst: .*|  socialtjanst: \"$name\"|" \
    examples/k7q2-familjehem.yml > "$long/k7q2-familjehem.yml"
for kind in report status; do
	if [ $kind = report ]; then
		set -- report --format html "$long"
	else
		set -- status --format html "$long/k7q2-familjehem.yml"
	fi
	sams_html "$work/long-$kind.html" "$@" || continue
	if [ $browser = 0 ]; then
		skipped 1 "long-$kind.html: width in chromium"
		continue
	fi
	sed 's|</body>|<script>document.title = "width " + document.documentElement.scrollWidth;</script>&|' \
	    "$work/long-$kind.html" > "$work/long-$kind-js.html"
	chrome --window-size=$W,$H --dump-dom "file://$work/long-$kind-js.html"
	width=$(sed -n 's|.*<title>width \([0-9]*\)</title>.*|\1|p' \
	    "$work/chromium.log" | head -n 1)
	if [ -n "$width" ] && [ "$width" -le $W ]; then
		ok "long-$kind.html: $width px wide in a $W px window"
	else
		bad "long-$kind.html: ${width:-no} width in a $W px window"
	fi
done

echo "$pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
