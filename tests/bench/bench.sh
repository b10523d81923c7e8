#!/bin/sh
# make bench: sams report over N generated case files against a baseline
# that only walks the folders and parses the files with libyaml's event
# API, in the same run; peak memory; sams next on one case; and sams stats
# and the HTML page against report on the same folder.
# N (default 100000), BUILD (default build), BENCH_DIR (default in TMPDIR).
set -eu
N=${N:-100000}
build=${BUILD:-build}
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/sams-bench-$N}
sams=$build/sams
runs=${RUNS:-3}
export SAMS_TODAY=2026-11-23 NO_COLOR=1

cc -O2 -o "$build/bench-gen" tests/bench/gen.c
cc -O2 -o "$build/bench-baseline" tests/bench/baseline.c -lyaml
cc -O2 -o "$build/bench-measure" tests/bench/measure.c
if [ ! -f "$dir/.complete" ]; then
	echo "generating $N case files in $dir"
	rm -rf "$dir"
	"$build/bench-gen" "$dir" "$N"
	touch "$dir/.complete"
fi
"$build/bench-baseline" "$dir" 2>/dev/null	# warm the page cache

# best RUNS: prints "seconds MiB" of the fastest of $runs runs
best() {
	i=0
	while [ $i -lt "$runs" ]; do
		"$build/bench-measure" "$@"
		i=$((i + 1))
	done | sort -n | head -n 1
}

# median of 101 runs of one quick command, in milliseconds
median_ms() {
	i=0
	while [ $i -lt 101 ]; do
		"$build/bench-measure" "$@"
		i=$((i + 1))
	done | sort -n | sed -n 51p | awk '{ printf "%.2f", $1 * 1000 }'
}

base=$(best "$build/bench-baseline" "$dir")
text1=$(SAMS_THREADS=1 best "$sams" report "$dir")
json1=$(SAMS_THREADS=1 best "$sams" report --format json "$dir")
text=$(best "$sams" report "$dir")
json=$(best "$sams" report --format json "$dir")
one=$(find "$dir" -name '*.yml' | sort | sed -n 5p)
next_ms=$(median_ms "$sams" next "$one")
base_ms=$(median_ms "$build/bench-baseline" "$one")

echo "machine: $(nproc) cores, $(uname -m), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "case files: $N ($(du -sh "$dir" | cut -f1))"
echo "$base $text1 $json1 $text $json $next_ms $base_ms $(nproc)" | awk '{
	printf "baseline, 1 thread (walk + libyaml events): %6.2f s\n", $1
	printf "sams report, 1 thread:                      %6.2f s  ratio %.2f  peak %.1f MiB\n", $3, $3 / $1, $4
	printf "sams report --format json, 1 thread:        %6.2f s  ratio %.2f  peak %.1f MiB\n", $5, $5 / $1, $6
	printf "sams report, %d threads:                     %6.2f s  ratio %.2f  peak %.1f MiB\n", $13, $7, $7 / $1, $8
	printf "sams report --format json, %d threads:       %6.2f s  ratio %.2f  peak %.1f MiB\n", $13, $9, $9 / $1, $10
	printf "sams next, one case (median of 101):        %6.2f ms; the baseline process on that file %.2f ms\n", $11, $12
	printf "target report <= 1.3 x baseline: %s\n", ($7 / $1 <= 1.3 && $9 / $1 <= 1.3) ? "met" : "NOT met"
	printf "target peak < 64 MiB:            %s\n", ($4 < 64 && $6 < 64 && $8 < 64 && $10 < 64) ? "met" : "NOT met"
	printf "target next < 3 ms:              %s\n", $11 < 3 ? "met" : "NOT met"
}'

# sams stats and report --format html, against report on the same folder
# with the same threads; each skipped while this sams cannot do it yet (a
# usage error, 64, on one file).  They may exit 1 for overdue steps.
page=${TMPDIR:-/tmp}/sams-bench-$N.html
can() { "$sams" "$@" "$one" > /dev/null 2>&1; [ $? != 64 ]; }
besta() {	# best, whatever the command's exit status
	i=0
	while [ $i -lt "$runs" ]; do
		"$build/bench-measure" "$@" || :
		i=$((i + 1))
	done | sort -n | head -n 1
}
against() {	# against LABEL SHORT "seconds MiB": ratios and targets
	echo "$3 $text $json $(nproc)" | awk -v what="$1" -v short="$2" '{
		r = $1 / $3; j = $1 / $5
		printf "%-44s%6.2f s  ratio to report %.2f, to json %.2f  " \
		    "peak %.1f MiB\n", sprintf(what ", %d threads:", $7),
		    $1, r, j, $2
		printf "target %s <= 1.5 x report, text and json: %s\n", short, (r <= 1.5 && j <= 1.5) ? "met" : "NOT met"
		printf "target %s peak < 64 MiB: %s\n", short, $2 < 64 ? "met" : "NOT met"
	}'
}
if can stats; then
	against "sams stats" stats "$(besta "$sams" stats "$dir")"
else
	echo "sams stats: skipped, not in this sams"
fi
if can report --format html --output "$page"; then
	against "sams report --format html" html \
	    "$(besta "$sams" report --format html --output "$page" "$dir")"
	rm -f "$page"
else
	echo "sams report --format html: skipped, not in this sams"
fi
