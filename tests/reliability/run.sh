#!/bin/sh
# Reliability tests with numbers: kill and fault sweeps over every I/O
# call of an update, concurrent writers and readers, a full disk and a
# file size limit.  Ends with "N passed, N failed".  Needs $SAMS.
set -u
: "${SAMS:?set SAMS to the sams binary}"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sams-rel.XXXXXX")
trap 'cd /; umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
export SAMS_TODAY=2026-11-23 SAMS_BY="Test Testsson" NO_COLOR=1 LC_ALL=C.UTF-8
unset SAMS_PHASES SAMS_FAULT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
cd "$work" || exit 1
cp "$here/case.yml" orig.yml
chmod 600 orig.yml

temps() { ls -a | grep -c '\.tmp\.' ; }

# The file as a clean update leaves it, for byte-for-byte comparisons.
cp orig.yml new.yml
"$SAMS" done new.yml ip-kartlagg --note "Klar" > /dev/null || bad "clean update"
rm -f .new.yml.lock

# Runs "sams done" on w.yml with SAMS_FAULT=$1; sets rc and hit.
inject() {
	cp orig.yml w.yml
	SAMS_FAULT=$1 "$SAMS" done w.yml ip-kartlagg --note "Klar" \
	    > out.txt 2> err.txt
	rc=$?
	hit=0
	grep -q 'fault injected' err.txt && hit=1
}

same() { cmp -s "$1" "$2"; }

echo "== kill at every I/O call of sams done"
n=1 kills=0 problems=0
while :; do
	inject "$n,kill"
	[ $hit = 1 ] || break
	kills=$((kills + 1))
	if ! same w.yml orig.yml && ! same w.yml new.yml; then
		problems=$((problems + 1)); echo "  call $n: file is neither old nor new"
	fi
	if ! "$SAMS" next w.yml > /dev/null 2>&1; then
		problems=$((problems + 1)); echo "  call $n: next fails afterwards"
	fi
	if same w.yml orig.yml && ! "$SAMS" done w.yml ip-kartlagg --note Klar > /dev/null 2>&1; then
		problems=$((problems + 1)); echo "  call $n: cannot update afterwards"
	fi
	[ "$(temps)" = 0 ] || { problems=$((problems + 1)); echo "  call $n: temporary file left after the next run"; }
	rm -f .w.yml.tmp.*
	n=$((n + 1))
done
[ $kills -ge 10 ] && [ $problems = 0 ] && ok "killed at each of $kills calls: old or new file, next run works" ||
    bad "kill sweep: $kills kill points, $problems problems"

echo "== a failure at every I/O call of sams done"
faults=0 problems=0
for err in EIO ENOSPC EDQUOT; do
	for mode in "" ",persist"; do
		n=1
		while :; do
			inject "$n,$err$mode"
			[ $hit = 1 ] || break
			faults=$((faults + 1))
			left=$(temps)
			if [ $rc = 0 ]; then
				same w.yml new.yml || { problems=$((problems + 1)); echo "  $err$mode call $n: exit 0 but not the new file"; }
			elif grep -q 'cannot sync its folder' err.txt; then
				[ $rc = 74 ] && same w.yml new.yml || { problems=$((problems + 1)); echo "  $err$mode call $n: folder sync failure handled badly"; }
			else
				case $rc in 74|66) ;; *) problems=$((problems + 1)); echo "  $err$mode call $n: exit $rc";; esac
				same w.yml orig.yml || { problems=$((problems + 1)); echo "  $err$mode call $n: file changed"; }
			fi
			[ "$left" = 0 ] || { problems=$((problems + 1)); echo "  $err$mode call $n: temporary file left"; }
			if ! SAMS_LOCK_TIMEOUT=0 "$SAMS" note w.yml "lås fritt" > /dev/null 2>&1; then
				problems=$((problems + 1)); echo "  $err$mode call $n: lock not released"
			fi
			n=$((n + 1))
		done
	done
done
[ $faults -ge 60 ] && [ $problems = 0 ] && ok "$faults injected failures (EIO, ENOSPC, EDQUOT; once and persistent): exit 74 (66 while reading), file unchanged, no temporary file, lock free" ||
    bad "fault sweep: $faults faults, $problems problems"

echo "== a failure at every I/O call of sams new"
n=1 faults=0 problems=0
while :; do
	rm -f n.yml .n.yml.*
	SAMS_FAULT=$n,EIO "$SAMS" new --id NY-1 n.yml > /dev/null 2> err.txt
	rc=$?
	grep -q 'fault injected' err.txt || break
	faults=$((faults + 1))
	if [ $rc != 0 ] && [ -e n.yml ] && ! grep -q 'cannot sync' err.txt; then
		problems=$((problems + 1)); echo "  call $n: failed but left n.yml"
	fi
	[ "$(temps)" = 0 ] || { problems=$((problems + 1)); echo "  call $n: temporary file left"; }
	n=$((n + 1))
done
[ $faults -ge 5 ] && [ $problems = 0 ] && ok "new: $faults injected failures, no half-made file" ||
    bad "new sweep: $faults faults, $problems problems"

echo "== 8 writers appending 250 events each, readers alongside"
cp orig.yml c.yml
before=$(grep -c '^- {' c.yml)
: > readers.txt
( i=0; while [ ! -e stop ]; do "$SAMS" next c.yml > /dev/null 2>&1 || echo "reader saw a bad file" >> readers.txt; i=$((i + 1)); done; echo "$i" > reads ) &
reader=$!
writers=""
w=1
while [ $w -le 8 ]; do
	( i=1; while [ $i -le 250 ]; do SAMS_LOCK_TIMEOUT=60 "$SAMS" note c.yml "skrivare $w nummer $i" > /dev/null || echo "writer $w failed" >> readers.txt; i=$((i + 1)); done ) &
	writers="$writers $!"
	w=$((w + 1))
done
wait $writers
touch stop
wait $reader
after=$(grep -c '^- {' c.yml)
distinct=$(grep -o 'skrivare [0-9]* nummer [0-9]*' c.yml | sort -u | wc -l)
if [ $((after - before)) = 2000 ] && [ "$distinct" = 2000 ] && "$SAMS" check c.yml && [ ! -s readers.txt ] && [ "$(temps)" = 0 ]; then
	ok "8 x 250 appends: 2000 events, none lost, valid; $(cat reads) reads never saw a bad file"
else
	bad "concurrency: $((after - before)) events, $distinct distinct; $(head -3 readers.txt)"
fi

echo "== hostile files are refused quickly"
mkdir hostile && cd hostile || exit 1
. "$here/../cli/cases/hostile/make-files.sh"
slow=0 wrong=0 files=0 worst=0
for f in [0-9]*.yml [0-9]*/case.yml; do
	files=$((files + 1))
	phases=
	[ -d "${f%/*}/phases" ] && phases="--phases ${f%/*}/phases"
	t0=$(date +%s%N)
	"$SAMS" $phases next "$f" > /dev/null 2>&1
	rc=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ $ms -gt $worst ] && worst=$ms
	[ $ms -lt 1000 ] || { slow=$((slow + 1)); echo "  $f: $ms ms"; }
	[ $rc = 65 ] || { wrong=$((wrong + 1)); echo "  $f: exit $rc"; }
done
cd ..
[ $files -ge 30 ] && [ $slow = 0 ] && [ $wrong = 0 ] &&
    ok "$files hostile files: each exit 65, the slowest in $worst ms" ||
    bad "hostile files: $slow slow, $wrong wrong exit"

echo "== no core dumps, files 0600 whatever the umask"
cp orig.yml core.yml
flock .core.yml.lock sleep 3 &
sleep 0.5
( ulimit -c unlimited; SAMS_LOCK_TIMEOUT=2 exec "$SAMS" note core.yml x ) > /dev/null 2>&1 &
sams_pid=$!
sleep 0.5
core=$(awk '/Max core file size/ { print $5 }' "/proc/$sams_pid/limits" 2>/dev/null)
wait $sams_pid
wait
rm -f umask.yml
( umask 000; "$SAMS" new --id UMASK-1 umask.yml > /dev/null )
mode=$(stat -c %a umask.yml)
[ "$core" = 0 ] && [ "$mode" = 600 ] &&
    ok "a waiting sams has core size limit 0; sams new under umask 000 makes mode $mode" ||
    bad "core limit '$core', mode $mode"

echo "== a file size limit"
cp orig.yml u.yml
size=$(wc -c < u.yml)
( ulimit -f 1; "$SAMS" note u.yml "$(head -c 1500 /dev/zero | tr '\0' x)" ) > /dev/null 2> err.txt
rc=$?
if [ $rc = 74 ] && same u.yml orig.yml && [ "$(temps)" = 0 ]; then
	ok "ulimit -f: exit 74, file unchanged ($size bytes), no temporary file"
else
	bad "ulimit -f: exit $rc, $(cat err.txt)"
fi

echo "== a full disk"
mkdir disk
if mount -t tmpfs -o size=64k tmpfs disk 2>/dev/null; then
	cp orig.yml disk/d.yml
	head -c 60000 /dev/zero > disk/filler 2>/dev/null
	"$SAMS" note disk/d.yml "$(head -c 3000 /dev/zero | tr '\0' y)" > /dev/null 2> err.txt
	rc=$?
	if [ $rc = 74 ] && same disk/d.yml orig.yml && [ "$(ls -a disk | grep -c tmp)" = 0 ]; then
		ok "full tmpfs: exit 74, file unchanged, no temporary file"
	else
		bad "full tmpfs: exit $rc, $(cat err.txt)"
	fi
	umount disk
else
	echo "skipped: mounting a tmpfs needs root"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
