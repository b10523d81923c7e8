#!/bin/sh
# Golden CLI tests.  Each folder under tests/cli/cases/ is one test:
#   cmd     a shell script, run with sh in a scratch copy of the folder
#   out     the expected standard output
#   err     the expected standard error (missing: must be empty)
#   rc      the expected exit status (missing: 0)
#   needs   optional: a shell condition (e.g. being root), its first
#           comment saying what; the test is skipped, visibly, where it
#           does not hold
# Any other file in the folder is a fixture.  $SAMS is the binary under
# test; SAMS_TODAY, SAMS_BY, NO_COLOR, TERM and the locale are fixed and
# COLUMNS and the pagers unset (width 80, no pager): messages in
# Swedish, as the users read them (LANGUAGE=sv; tests/i18n checks English).
# UPDATE=1 rewrites out, err and rc from what the commands printed.
# VALGRIND=1 runs sams under valgrind (a sample: see below).
# JOBS=N runs the tests in N shards at once (default: one per core, at
# most 4), each taking the next test no other has taken; the output is the
# same, in the same order.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${SAMS:?set SAMS to the sams binary}"
SAMS_LOCALEDIR=${SAMS_LOCALEDIR:-$(dirname "$SAMS")/locale}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sams-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

# Under valgrind a test's first 12 runs of sams and every 4th after are
# checked (VALGRIND_ALL=1: every run): the long walk-throughs repeat the
# same commands with another date, and AddressSanitizer runs them all.
# The shards inherit the wrapper (SAMS_VG_WRAPPED), they do not wrap it.
if [ "${VALGRIND:-}" = 1 ] && [ -z "${SAMS_VG_WRAPPED:-}" ]; then
	cat > "$scratch/sams" <<WRAP
#!/bin/sh
n=0
if [ -n "\${SAMS_VG_COUNT:-}" ]; then
	n=\$(cat "\$SAMS_VG_COUNT" 2>/dev/null || echo 0)
	n=\$((n + 1))
	echo \$n > "\$SAMS_VG_COUNT"
fi
# valgrind keeps files of its own in TMPDIR and dies of a file size
# limit: a run that tests those on sams runs without it.
if { [ -n "\${TMPDIR:-}" ] && ! { [ -d "\$TMPDIR" ] && [ -w "\$TMPDIR" ]; }; } ||
    [ "\$(ulimit -f)" != unlimited ]; then
	exec "$SAMS" "\$@"
fi
if [ "\${VALGRIND_ALL:-}" = 1 ] || [ \$n -le 12 ] || [ \$((n % 4)) = 0 ]
then
	exec valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite --errors-for-leak-kinds=definite \
	    "$SAMS" "\$@"
fi
exec "$SAMS" "\$@"
WRAP
	chmod +x "$scratch/sams"
	SAMS="$scratch/sams"
	SAMS_VG_WRAPPED=1
	export SAMS_VG_WRAPPED
fi
SAMS_TOP=$(cd "$here/../.." && pwd)
export SAMS SAMS_TOP SAMS_TODAY=2026-11-23 SAMS_BY="Test Testsson" NO_COLOR=1 \
    TERM=dumb LC_ALL=C.UTF-8 LANGUAGE=sv SAMS_LOCK_TIMEOUT=1 SAMS_LOCALEDIR
# A test that makes a terminal (script) must never wait in less for a key.
PAGER=cat
export PAGER
unset SAMS_PHASES SAMS_OWNER COLUMNS SAMS_PAGER LESS
umask 022	# fixtures' modes matter to .sams/ trust checks
: > "$scratch/empty-err"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -le 4 ] 2>/dev/null || jobs=4
if [ -z "${1:-}" ] && [ -z "${SHARD:-}" ] && [ "$jobs" -gt 1 ]; then
	# Each shard claims the next test by making its folder in claims/
	# (mkdir is atomic), so a shard that drew long tests draws fewer;
	# their reports are put back in the order of the tests, and the counts
	# summed.
	mkdir "$scratch/claims"
	i=0
	while [ $i -lt "$jobs" ]; do
		mkdir "$scratch/shard.$i.d"
		SHARD=$i CLAIMS="$scratch/claims" SHARD_OUT="$scratch/shard.$i.d" \
		    sh "$0" > "$scratch/shard.$i" 2>&1 &
		i=$((i + 1))
	done
	wait
	pass=0 fail=0 skipped=""
	for dir in "$here"/cases/*/; do
		name=$(basename "$dir")
		cat "$scratch"/shard.*.d/"$name" 2>/dev/null
	done
	for f in "$scratch"/shard.[0-9]*; do
		[ -f "$f" ] || continue
		line=$(tail -n 1 "$f")
		case $line in
		"cli: "*) ;;
		*) cat "$f"; fail=$((fail + 1)); continue ;;
		esac
		set -- $line
		pass=$((pass + $2)) fail=$((fail + $4))
		s=$(echo "$line" | sed -n 's/.*(skipped:\(.*\))$/\1/p')
		skipped="$skipped$s"
	done
	echo "cli: $pass passed, $fail failed${skipped:+ (skipped:$skipped)}"
	[ $fail = 0 ]
	exit
fi
pass=0 fail=0 skipped=""
exec 3>&1
for dir in "$here"/cases/*/; do
	name=$(basename "$dir")
	case "${1:-}" in ""|"$name") ;; *) continue ;; esac
	if [ -n "${SHARD:-}" ]; then
		mkdir "$CLAIMS/$name" 2>/dev/null || continue
		# this test's report, for the parent to print in order
		exec > "$SHARD_OUT/$name"
	fi
	if [ -f "$dir/needs" ] && ! sh "$dir/needs" > /dev/null 2>&1; then
		echo "SKIP: $name (needs $(sed -n 's/^# *//p' "$dir/needs" |
		    head -n 1))"
		skipped="$skipped $name"
		continue
	fi
	work="$scratch/$name"
	mkdir -p "$work"
	cp -R "$dir". "$work/"
	chmod 0600 "$work"/*.yml 2>/dev/null
	(cd "$work" && SAMS_VG_COUNT="$scratch/$name.vg" sh ./cmd \
	    > "$scratch/out" 2> "$scratch/err")
	echo $? > "$scratch/rc"
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$scratch/out" "$dir/out"
		if [ -s "$scratch/err" ]; then cp "$scratch/err" "$dir/err";
		else rm -f "$dir/err"; fi
		if [ "$(cat "$scratch/rc")" != 0 ]; then
			cp "$scratch/rc" "$dir/rc"; else rm -f "$dir/rc"; fi
	fi
	ok=1
	diff -u "$dir/out" "$scratch/out" > "$scratch/diff" 2>&1 || ok=0
	want_err="$dir/err"; [ -f "$want_err" ] || want_err="$scratch/empty-err"
	diff -u "$want_err" "$scratch/err" >> "$scratch/diff" 2>&1 || ok=0
	want_rc=0; [ -f "$dir/rc" ] && want_rc=$(cat "$dir/rc")
	[ "$want_rc" = "$(cat "$scratch/rc")" ] || {
		ok=0; echo "exit status $(cat "$scratch/rc"), want $want_rc" \
		    >> "$scratch/diff"; }
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name"
		sed 's/^/    /' "$scratch/diff"
	fi
	rm -rf "$work"
done
exec >&3
echo "cli: $pass passed, $fail failed${skipped:+ (skipped:$skipped)}"
[ $fail = 0 ]
