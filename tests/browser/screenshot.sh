#!/bin/sh
# make screenshots: the HTML page over examples/, one case's page and
# one form, in headless Chromium, as DIR/report.png, DIR/status.png and
# DIR/form.png for the README.  Only the invented example cases appear.  Needs $SAMS.
# The windows are narrower and shorter than run.sh's so the files stay
# small (under 300 KB): the top of each page, as a reader first sees it.
set -u
: "${SAMS:?set SAMS to the sams binary}"
dir=${1:?usage: screenshot.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 1
mkdir -p "$dir" || exit 73
dir=$(cd "$dir" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sams-shot.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export SAMS_TODAY=2026-11-23 NO_COLOR=1 LC_ALL=C.UTF-8
unset SAMS_PHASES
. "$here/lib.sh"

install_missing
have_chromium || { echo "screenshot.sh: no chromium (${why:-})" >&2; exit 69; }

# shot NAME WIDTH HEIGHT SAMS-ARGS...: one picture, or rc=1
rc=0
shot() {
	name=$1 w=$2 h=$3
	shift 3
	if ! "$SAMS" "$@" > "$work/$name.html"; then
		echo "screenshot.sh: sams $* failed; $name.png not made" >&2
		rc=1
	elif ! screenshot "$work/$name.html" "$work/$name.png" "$w" "$h"
	then
		echo "screenshot.sh: chromium failed:" >&2
		tail -n 5 "$work/chromium.log" >&2
		rc=1
	else
		mv "$work/$name.png" "$dir/$name.png" &&
		    echo "$dir/$name.png: $(wc -c < "$dir/$name.png") bytes"
	fi
}

shot report 1000 1400 report --format html examples
shot status 1000 1100 status --format html examples/k7q2-familjehem.yml
shot form 900 1200 form --format html examples/k7q2-familjehem.yml \
    ip-overlamning
exit $rc
