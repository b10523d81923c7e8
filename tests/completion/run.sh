#!/bin/sh
# The shell completions of contrib/completion, fed by "sams __complete":
# bash without and with the bash-completion package, zsh's syntax and a
# run of its function with compadd and _files stood in for.  Ends with
# "completion: N passed, N failed".
# Usage: SAMS=build/sams sh tests/completion/run.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${SAMS:?set SAMS to the sams binary}"
SAMS_TOP=$(cd "$here/../.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sams-completion.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
FIXTURES=$scratch/cases
export SAMS SAMS_TOP FIXTURES SAMS_TODAY=2026-11-23 SAMS_BY="Test Testsson" \
    LC_ALL=C.UTF-8 LANGUAGE= PATH="$scratch/bin:$PATH"
unset SAMS_PHASES SAMS_OWNER
umask 022	# the .sams/ folder must be trusted
mkdir -p "$scratch/bin" "$FIXTURES/dir one" "$FIXTURES/kommun/sub"
ln -s "$SAMS" "$scratch/bin/sams"
cd "$FIXTURES" || exit 1
cp "$SAMS_TOP/examples/k7q2-familjehem.yml" "$here/sis.yml" .
printf 'sams-case: 1\nid: [BROKEN\n' > broken.yml
sams init kommun > /dev/null
cp "$here/local.yml" kommun/.sams/local.yml
sams new --id MY-1 --placement-date 2026-12-01 "my case.yml" > /dev/null
sams new --id LOK-1 --placement-date 2026-12-01 kommun/lok.yml > /dev/null
sams new --id LOK-2 --placement-date 2026-12-01 kommun/sub/lok2.yml \
    > /dev/null

pass=0 fail=0
count() {	# adds the counts of the last "N passed, N failed" in $1
	cat "$1"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	p=$(echo "$line" | sed -E 's/^[^0-9]*([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-1}))
}
bash "$here/bash.sh" > "$scratch/log" 2>&1
count "$scratch/log"
if [ -r /usr/share/bash-completion/bash_completion ]; then
	bash "$here/bash.sh" with > "$scratch/log" 2>&1
	count "$scratch/log"
fi
if command -v zsh > /dev/null 2>&1; then
	if zsh -n "$SAMS_TOP/contrib/completion/_sams"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL: zsh -n _sams"
	fi
	zsh -f "$here/zsh.zsh" > "$scratch/log" 2>&1
	count "$scratch/log"
fi
echo "completion: $pass passed, $fail failed"
[ "$fail" = 0 ]
