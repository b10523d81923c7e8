#!/bin/sh
# Runs each fuzzer for SECONDS, seeded from the project's YAML files, and
# prints what it did.  Usage: tests/fuzz/run.sh BUILD_DIR SECONDS
# As many fuzzers run at once as there are cores (each is one process).
# A crash leaves crash-* in BUILD_DIR/fuzz-*; make a test of it.
set -u
build=$1 seconds=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
kinds="case model local append date merge"
jobs=$(nproc 2>/dev/null || echo 1)
fail=0 pass=0 running=0
for kind in $kinds; do
	corpus="$build/corpus-$kind"
	mkdir -p "$corpus" "$build/findings-$kind"
	case $kind in
	case|append|merge)
		find "$top/tests/cli/cases" "$top/examples" -name '*.yml' -size -64k \
		    -exec cp {} "$corpus/" \; 2>/dev/null ;;
	model)
		cp "$top"/phases/*.yml "$top"/tests/cli/cases/*/*/sams.yml \
		    "$top"/tests/cli/cases/extends-*/*/*.yml "$corpus/" \
		    2>/dev/null ;;
	local)
		for f in "$top"/tests/cli/cases/*/*local.yml; do
			d=$(basename "$(dirname "$f")")
			cp "$f" "$corpus/$d-$(basename "$f")"
		done ;;
	date)	# YYYY-MM-DD, two bytes of months, a due rule
		c=$corpus
		printf '2026-01-31\000\001placement.date + 1m' > "$c/month-end"
		printf '0001-01-01\377\377opened - 3660w' > "$c/year-1"
		printf '9999-12-31\000\014placement.end + 6m' > "$c/year-9999"
		printf '2024-02-29\200\000done' > "$c/leap" ;;
	esac
	log="$build/fuzz-$kind.log"
	rm -f "$build/fuzz-$kind.rc"
	(cd "$build/findings-$kind" && "$build/fuzz-$kind" -max_total_time="$seconds" \
	    -max_len=65536 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
	    "$corpus"; echo $? > "$build/fuzz-$kind.rc") > "$log" 2>&1 &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait
for kind in $kinds; do
	log="$build/fuzz-$kind.log"
	rc=$(cat "$build/fuzz-$kind.rc" 2>/dev/null || echo 1)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc = 0 ]; then
		pass=$((pass + 1))
		echo "fuzz-$kind: ${runs:-?} executions in $seconds s, nothing found"
	else
		fail=$((fail + 1))
		echo "fuzz-$kind: FOUND A PROBLEM after ${runs:-?} executions:"
		tail -n 30 "$log"
	fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
