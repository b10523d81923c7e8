#!/bin/sh
# The catalogue is complete: every message the sources mark (BUILD/sams.pot,
# made by make) has a Swedish translation in po/sv.po that is neither
# missing nor fuzzy, and msgfmt accepts the catalogue (format directives
# that match their msgid).  Ends with "po: N passed, N failed".
# Usage: tests/i18n/po.sh BUILD_DIR
set -u
build=${1:?usage: tests/i18n/po.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sams-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

for po in "$top"/po/*.po; do
	lang=$(basename "$po" .po)
	# The catalogue as make update-po would leave it, without guessing.
	msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" \
	    "$build/sams.pot" || { fail=$((fail + 1)); continue; }
	msgattrib --untranslated --no-obsolete "$tmp/$lang.po" \
	    > "$tmp/untranslated" 2>&1
	msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" \
	    > "$tmp/fuzzy" 2>&1
	n=$(grep -c '^msgid ' "$tmp/untranslated")
	[ "$n" -gt 0 ] && n=$((n - 1))		# the header
	f=$(grep -c '^msgid ' "$tmp/fuzzy")
	if [ "$n" = 0 ] && [ "$f" = 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: po/$lang.po: $n untranslated, $f fuzzy" \
		    "(run make update-po and translate):"
		grep -h '^#: \|^msgid' "$tmp/untranslated" "$tmp/fuzzy" |
		    grep -v '^msgid ""$' | head -n 40
	fi
	if msgfmt --check --statistics -o /dev/null "$po" 2> "$tmp/fmt"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: msgfmt --check po/$lang.po:"
		cat "$tmp/fmt"
	fi
done
echo "po: $pass passed, $fail failed"
[ "$fail" = 0 ]
