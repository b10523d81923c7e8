#!/bin/sh
# make bench: sams report over N generated case files against a baseline
# that only walks the folders and parses the files with libyaml's event
# API, in the same run; peak memory; and sams next on one case.
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
