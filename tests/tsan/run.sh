#!/bin/sh
# make check-tsan: sams report's reading threads under ThreadSanitizer,
# over a few hundred generated cases (tests/bench/gen.c), in text, JSON
# and --by-owner, and with fault injection counting calls from every
# thread.  Any ThreadSanitizer report fails; so does output that differs
# from one thread's.  Ends with "N passed, N failed".
# Usage: tests/tsan/run.sh BUILD_DIR  (with a -fsanitize=thread sams)
set -u
build=${1:?usage: tests/tsan/run.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
sams=$(cd "$build" && pwd)/sams
work=$(mktemp -d "${TMPDIR:-/tmp}/sams-tsan.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export SAMS_TODAY=2026-11-23 NO_COLOR=1 LC_ALL=C.UTF-8
export TSAN_OPTIONS="halt_on_error=1 exitcode=99 second_deadlock_stack=1"
unset SAMS_PHASES SAMS_FAULT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Kernels with many bits of mmap randomness break clang 14's TSan runtime;
# without randomization it always maps.
run_sams() {
	if setarch "$(uname -m)" -R true 2>/dev/null; then
		setarch "$(uname -m)" -R "$sams" "$@"
	else
		"$sams" "$@"
	fi
}

cc -O2 -o "$work/gen" "$here/../bench/gen.c" || exit 1
"$work/gen" "$work/cases" 300 > /dev/null || exit 1

# check NAME WANT-RC ARGS...: runs sams report with 4 threads and 1.
check() {
	name=$1 want=$2
	shift 2
	SAMS_THREADS=4 run_sams report "$@" "$work/cases" > "$work/out4" \
	    2> "$work/err4"
	rc=$?
	SAMS_THREADS=1 run_sams report "$@" "$work/cases" > "$work/out1" \
	    2> "$work/err1"
	if grep -q ThreadSanitizer "$work/err4" "$work/err1"; then
		bad "$name: ThreadSanitizer reports"
		grep -A 20 'WARNING: ThreadSanitizer' "$work/err4" | head -n 40
	elif [ "$rc" != "$want" ]; then
		bad "$name: exit $rc, want $want"
		head -n 5 "$work/err4"
	elif ! cmp -s "$work/out4" "$work/out1"; then
		bad "$name: 4 threads print other lines than 1"
	else
		ok "$name: $(wc -l < "$work/out4") lines, 4 threads as 1, no race"
	fi
}

check "report" 0
check "report --format json" 0 --format json
check "report --by-owner" 0 --by-owner

# Every thread counts calls in one counter: from call 200 on, every read
# fails, in whichever thread makes it.
SAMS_THREADS=4 SAMS_FAULT=200,EIO,persist run_sams report "$work/cases" \
    > /dev/null 2> "$work/err"
rc=$?
if grep -q ThreadSanitizer "$work/err"; then
	bad "fault injection: ThreadSanitizer reports"
	grep -A 20 'WARNING: ThreadSanitizer' "$work/err" | head -n 40
elif [ $rc != 66 ] || ! grep -q 'fault injected at call 200 ' "$work/err"; then
	bad "fault injection: exit $rc"
else
	ok "fault injection from 4 threads: $(grep -c 'fault injected' "$work/err") failed calls, each number once: $(
	    sed -n 's/.*fault injected at call \([0-9]*\).*/\1/p' "$work/err" |
	    sort -n | uniq -d | wc -l) repeated"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
