#!/bin/sh
# make bench: every batch output of sams over N generated case files,
# against a baseline that only walks the folders and parses the files
# with libyaml's event API and against sams report --format json, in the
# same run: wall time, CPU time and peak memory, best of RUNS.
# make bench-guard (GUARD=1, N=20000): the same, quicker (each output
# run once unless past a margin), failing when a target is broken by
# more than a generous margin; ends "N passed, N failed".
# N (default 100000), BUILD (default build), BENCH_DIR (default in TMPDIR),
# RUNS (default 3).
set -eu
guard=${GUARD:-0}
if [ "$guard" = 1 ]; then N=${N:-20000}; else N=${N:-100000}; fi
build=${BUILD:-build}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/sams-bench-$N}
sams=$build/sams
runs=${RUNS:-3}
out=${TMPDIR:-/tmp}/sams-bench-$$.out
trap 'rm -f "$out"' EXIT
trap 'exit 130' INT TERM
# English, so that nothing depends on the catalogue being built.
export SAMS_TODAY=2026-11-23 NO_COLOR=1 LC_ALL=C.UTF-8 LANGUAGE=

cc -O2 -o "$build/bench-gen" tests/bench/gen.c
cc -O2 -o "$build/bench-baseline" tests/bench/baseline.c -lyaml
cc -O2 -o "$build/bench-measure" tests/bench/measure.c
# Kept between runs; made again when gen.c changed.
stamp=$(cksum < tests/bench/gen.c)
if [ "$(cat "$dir/.complete" 2>/dev/null)" != "$stamp" ]; then
	echo "generating $N case files in $dir"
	rm -rf "$dir"
	"$build/bench-gen" "$dir" "$N"
	echo "$stamp" > "$dir/.complete"
fi
"$build/bench-baseline" "$dir" 2>/dev/null	# warm the page cache

# best ARGS...: "wall cpu MiB" of the fastest of $runs runs, or "fail N"
# when a run exits with more than 1 (1 is overdue steps to some commands)
best() {
	i=0
	while [ $i -lt "$runs" ]; do
		rc=0
		"$build/bench-measure" "$@" || rc=$?
		[ $rc -le 1 ] || echo "fail $rc"
		i=$((i + 1))
	done | sort -n | { read -r line; echo "$line"; }
}

# median of 101 runs of one quick command, in milliseconds
median_ms() {
	i=0
	while [ $i -lt 101 ]; do
		"$build/bench-measure" "$@"
		i=$((i + 1))
	done | sort -n | sed -n 51p | awk '{ printf "%.2f", $1 * 1000 }'
}

pass=0 fail=0
check() {	# check WHAT 0|1: a target met or not, counted
	if [ "$2" = 1 ]; then
		echo "  met:     $1"
		pass=$((pass + 1))
	else
		echo "  NOT MET: $1"
		fail=$((fail + 1))
	fi
}
# In the guard a target fails only past a generous margin, and a time
# ratio only when its CPU time's ratio is past the margin too, so that a
# busy machine's wall times alone do not fail it: an output within 1.5 x
# the JSON report at 2.5 (the workbook is at 1.2 to 1.6 today), 64 MiB
# at 48 MiB (25 MiB at most today, 300,000 cases included), and the
# report within 1.0 x the one-thread baseline at 1.8 in wall time (1.0
# today) or 2.8 in CPU time (two threads' against one: 1.8 to 2.1).
if [ "$guard" = 1 ]; then
	lim_out=2.5 cpu_out=2.5 lim_rep=1.8 cpu_rep=2.8 lim_mib=48
else
	lim_out=1.5 cpu_out=1.5 lim_rep=1.0 cpu_rep=1.0 lim_mib=64
fi
within() {	# within WALL-RATIO CPU-RATIO LIMIT CPU-LIMIT: 1 or 0
	awk -v w="$1" -v c="$2" -v l="$3" -v cl="$4" -v g="$guard" \
	    'BEGIN { print (w <= l || (g == 1 && c <= cl)) ? 1 : 0 }'
}
below() { awk -v m="$1" -v l="$2" 'BEGIN { print m <= l ? 1 : 0 }'; }

echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$guard" = 1 ]; then
	echo "case files: $N ($(du -sh "$dir" | cut -f1)), yardsticks best" \
	    "of $runs, outputs one run (best of $runs past a margin)"
else
	echo "case files: $N ($(du -sh "$dir" | cut -f1)), best of $runs"
fi
base=$(best "$build/bench-baseline" "$dir")
json=$(best "$sams" report --format json "$dir")
case $json in fail*) echo "report --format json: exits ${json#fail }"
	echo "0 passed, 1 failed"; exit 1;; esac
set -- $base; bw=$1 bc=$2
set -- $json; jw=$1 jc=$2
printf '%-40s %7s %7s %7s %7s %8s\n' "" wall cpu "/base" "/json" peak
line() {	# line LABEL "wall cpu MiB"
	echo "$2" | awk -v what="$1" -v bw="$bw" -v jw="$jw" '{
		printf "%-40s %6.2fs %6.2fs %7.2f %7.2f %5.1f MiB\n", what,
		    $1, $2, $1 / bw, $1 / jw, $3 }'
}
line "baseline (1 thread, libyaml events)" "$base"
line "report --format json" "$json"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

# output LABEL ARGS...: one batch output (ARGS before the folder) against
# the JSON report; skipped while this sams lacks it (64 on one folder).
output() {
	label=$1
	shift
	rc=0
	"$sams" "$@" "$dir/kommun-00/000" > /dev/null 2>&1 || rc=$?
	if [ $rc -ge 64 ]; then
		echo "$label: skipped, not in this sams (exit $rc)"
		return
	fi
	# The guard runs an output once, and RUNS times more only when that
	# run is past a margin: a run within them passes the best of RUNS
	# too, at a third of the time.
	if [ "$guard" = 1 ]; then
		got=$(runs=1 best "$sams" "$@" "$dir")
		case $got in fail*) ;; *)
			[ "$(verdicts "$label" $got)" = 111 ] ||
			    got=$(best "$sams" "$@" "$dir");;
		esac
	else
		got=$(best "$sams" "$@" "$dir")
	fi
	case $got in fail*)
		echo "$label: exits ${got#fail }"
		fail=$((fail + 1))
		return;;
	esac
	line "$label" "$got"
	v=$(verdicts "$label" $got)
	check "$label within $lim_out x json" "$(echo "$v" | cut -c1)"
	check "$label peak <= $lim_mib MiB" "$(echo "$v" | cut -c2)"
	[ "$label" != "report (text)" ] ||
	    check "report within $lim_rep x baseline" "$(echo "$v" | cut -c3)"
}

# verdicts LABEL WALL CPU MIB: 1 or 0 for the time against the JSON
# report, the memory, and (the text report only, else 1) the time
# against the baseline.
verdicts() {
	printf '%s%s' "$(within "$(ratio "$2" "$jw")" "$(ratio "$3" "$jc")" \
	    "$lim_out" "$cpu_out")" "$(below "$4" "$lim_mib")"
	if [ "$1" = "report (text)" ]; then
		within "$(ratio "$2" "$bw")" "$(ratio "$3" "$bc")" "$lim_rep" \
		    "$cpu_rep"
	else
		echo 1
	fi
}

set -- $json
check "report --format json within $lim_rep x baseline" \
    "$(within "$(ratio "$1" "$bw")" "$(ratio "$2" "$bc")" "$lim_rep" \
    "$cpu_rep")"
check "report --format json peak <= $lim_mib MiB" "$(below "$3" "$lim_mib")"
# --output FILE where a terminal is no place for the output.
output "report (text)" report
output "report --format csv" report --format csv
output "report --by-owner" report --by-owner
output "report --owner NAME" report --owner "Anna Andersson"
output "report --owner NAME --by-owner" report --owner "Anna Andersson" \
    --by-owner
output "report --format html" report --format html --output "$out"
output "report --format xlsx" report --format xlsx --output "$out"
output "stats" stats
output "stats --format xlsx" stats --format xlsx --output "$out"

if [ "$guard" != 1 ]; then
	text1=$(SAMS_THREADS=1 best "$sams" report "$dir")
	json1=$(SAMS_THREADS=1 best "$sams" report --format json "$dir")
	line "report (text), 1 thread" "$text1"
	line "report --format json, 1 thread" "$json1"
	one=$(find "$dir" -name '*.yml' | sort | sed -n 5p)
	echo "sams next, one case (median of 101): $(median_ms "$sams" next \
	    "$one") ms; the baseline process on that file $(median_ms \
	    "$build/bench-baseline" "$one") ms"
fi
echo "$pass passed, $fail failed"
[ "$guard" != 1 ] || [ "$fail" = 0 ]
