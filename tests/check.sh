#!/bin/sh
# Runs every test of "make check": the cmocka unit tests, the golden CLI
# tests, the shell completions and the man page lint, and ends with one
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

SAMS=$(cd "$build" && pwd)/sams sh "$here/cli/run.sh" > "$log" 2>&1
grep -v ' passed, ' "$log"
grep ' passed, ' "$log"
count

# The catalogue: complete, and one language per locale.
sh "$here/i18n/po.sh" "$build" > "$log" 2>&1
grep -v ' passed, ' "$log"
grep ' passed, ' "$log"
count
python3 "$here/i18n/languages.py" "$build" > "$log" 2>&1
grep -v ' passed, ' "$log"
grep ' passed, ' "$log"
count

SAMS=$(cd "$build" && pwd)/sams sh "$here/completion/run.sh" > "$log" 2>&1
grep -v ' passed, ' "$log"
tail -n 1 "$log"
count

if command -v mandoc >/dev/null 2>&1; then
	if mandoc -T lint -W warning "$here"/../man/*.[15]; then
		pass=$((pass + 1)); echo "man: 1 passed, 0 failed"
	else
		fail=$((fail + 1)); echo "man: 0 passed, 1 failed"
	fi
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
