#!/bin/sh
# Runs every test of "make check": the cmocka unit tests, the golden CLI
# tests, the catalogue checks, the pager on a pseudo-terminal, the shell
# completions and the man page lint, and ends with one
# "N passed, N failed" line.
# Usage: tests/check.sh BUILD_DIR  (the folder with sams and test_*)
set -u
build=${1:?usage: tests/check.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
log=$(mktemp "${TMPDIR:-/tmp}/sams-check.XXXXXX")
trap 'rm -f "$log"' EXIT INT TERM

count() {	# adds the "N passed, N failed" counts of the last line of $log
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | sed -E 's/^[^0-9]*([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-1}))
}

for t in "$build"/test_*; do
	[ -x "$t" ] || continue
	${VALGRIND_CMD:-} "$t" > "$log" 2>&1
	rc=$?
	n=$(grep -c '^\[       OK \]' "$log")
	bad=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
	bad=${bad:-0}
	[ $rc = 0 ] || [ "$bad" -gt 0 ] || bad=1
	pass=$((pass + n))
	fail=$((fail + bad))
	[ $rc = 0 ] || { echo "FAIL: $(basename "$t")"; cat "$log"; }
done
echo "unit: $pass passed, $fail failed"

sams=$(cd "$build" && pwd)/sams
suite() {	# suite COMMAND...: runs one suite into $log, shows it, counts it
	"$@" > "$log" 2>&1
	grep -v ' passed, ' "$log"
	grep ' passed, ' "$log" | tail -n 1
	count
}

suite env SAMS="$sams" sh "$here/cli/run.sh"
# The catalogue: complete, and one language per locale.
suite sh "$here/i18n/po.sh" "$build"
suite python3 "$here/i18n/languages.py" "$build"
# Crafted catalogues: no crash, English for what they would break.
suite sh "$here/i18n/crafted.sh" "$build"
# The pager and the width on a terminal (a pseudo-terminal).
suite python3 "$here/tty/pager.py" "$build"
suite env SAMS="$sams" sh "$here/completion/run.sh"
# The manual pages: lint, and the Swedish ones in step with the English.
suite python3 "$here/man/check.py"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
