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
				problems=$((problems + 1)); echo "  $err$mode call $n: folder sync failure is exit $rc, not 0 with a warning"
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
[ $faults -ge 60 ] && [ $problems = 0 ] && ok "$faults injected failures (EIO, ENOSPC, EDQUOT; once and persistent): exit 74 (66 while reading), file unchanged, no temporary file, lock free; after the rename, exit 0 with a warning" ||
    bad "fault sweep: $faults faults, $problems problems"

echo "== a failure at every I/O call of sams new"
n=1 faults=0 problems=0
while :; do
	rm -f n.yml .n.yml.*
	SAMS_FAULT=$n,EIO "$SAMS" new --id NY-1 n.yml > /dev/null 2> err.txt
	rc=$?
	grep -q 'fault injected' err.txt || break
	faults=$((faults + 1))
	if [ $rc != 0 ] && [ -e n.yml ]; then
		problems=$((problems + 1)); echo "  call $n: failed but left n.yml"
	fi
	if [ $rc = 0 ] && ! "$SAMS" check n.yml > /dev/null 2>&1; then
		problems=$((problems + 1)); echo "  call $n: exit 0 but no valid n.yml"
	fi
	[ "$(temps)" = 0 ] || { problems=$((problems + 1)); echo "  call $n: temporary file left"; }
	n=$((n + 1))
done
[ $faults -ge 5 ] && [ $problems = 0 ] && ok "new: $faults injected failures, no half-made file" ||
    bad "new sweep: $faults faults, $problems problems"

# The number of a call in the trace of a clean "sams done w.yml": $1 is
# "read" (the open of w.yml under the lock) or "check" (the first call
# of the comparison just before the rename: the last lstat before it).
call_no() {
	cp orig.yml w.yml
	SAMS_FAULT=1,trace,persist "$SAMS" done w.yml ip-kartlagg --note Klar 2>&1 >/dev/null |
	    awk -v want="$1" '
		/\(open w\.yml\)$/ && want == "read" && !found { found = 1; print $6 }
		/\(lstat w\.yml\)$/ { last = $6 }
		/\(rename w\.yml\)$/ && want == "check" && !found { found = 1; print last }'
}

# Waits until process $1 has stopped itself for the $2-th time (1 if not
# given): sams announces each stop on err.txt before it stops, so the
# count tells a new stop from the last one.  Fails when the process exits
# instead or takes more than 5 s.
stopped() {
	i=0
	while [ $i -lt 500 ]; do
		st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
		[ -z "$st" ] || [ "$st" = Z ] && return 1
		[ "$st" = T ] && [ "$(grep -c 'fault injected' err.txt)" -ge "${2:-1}" ] &&
		    return 0
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}

# Starts "sams done w.yml" stopped at call $1 (with $2, e.g. ",persist");
# sets pid, or fails when sams never stops there.
start_stopped() {
	SAMS_FAULT="$1,stop$2" "$SAMS" done w.yml ip-kartlagg --note Klar \
	    > out.txt 2> err.txt &
	pid=$!
	stopped $pid
}

finish_stopped() { kill -CONT $pid 2>/dev/null; wait $pid; rc=$?; }

foreign='- {date: 2026-11-22, event: note, by: Git Merge, note: "främmande skrivare"}'
read_at=$(call_no read) check_at=$(call_no check)
echo "== a writer that is not sams, at the last moment before the rename (call $check_at)"
problems=0
for how in append rename; do
	cp orig.yml w.yml
	if ! start_stopped "$check_at" ""; then
		problems=$((problems + 1)); echo "  $how: sams did not stop at call $check_at"
		wait $pid; continue
	fi
	if [ $how = append ]; then
		printf '%s\n' "$foreign" >> w.yml	# in place, as an editor may
	else
		cp w.yml theirs.yml; printf '%s\n' "$foreign" >> theirs.yml
		mv theirs.yml w.yml			# by rename, as git does
	fi
	cp w.yml theirs.yml
	finish_stopped
	lines=$(wc -l < theirs.yml)
	if [ $rc = 0 ] && head -n "$lines" w.yml | cmp -s - theirs.yml &&
	    [ "$(wc -l < w.yml)" = $((lines + 1)) ] &&
	    [ "$(grep -c 'event: done, step: ip-kartlagg' w.yml)" = 1 ] &&
	    "$SAMS" check w.yml > /dev/null && [ "$(temps)" = 0 ]; then
		:
	else
		problems=$((problems + 1)); echo "  $how: exit $rc, $(cat err.txt)"
	fi
done
[ $problems = 0 ] && ok "a foreign append and a foreign rename before sams's rename: both kept, sams started over, its event once, exit 0" ||
    bad "foreign writer: $problems problems"

echo "== a writer that keeps changing the file"
cp orig.yml w.yml
if start_stopped "$check_at" ",persist"; then
	k=1 changes=0
	while stopped $pid $k; do
		# At each comparison before a rename: the file has changed.
		if tail -n 1 err.txt | grep -q '(lstat w\.yml)$'; then
			changes=$((changes + 1))
			printf '%s\n' "- {date: 2026-11-22, event: note, by: Synk, note: \"ändring $changes\"}" >> w.yml
			cp w.yml theirs.yml
		fi
		kill -CONT $pid
		k=$((k + 1))
	done
	wait $pid; rc=$?
	if [ $rc = 75 ] && same w.yml theirs.yml && [ "$(temps)" = 0 ] &&
	    ! grep -q 'event: done' w.yml &&
	    grep -q 'another program keeps changing the file' err.txt &&
	    SAMS_LOCK_TIMEOUT=0 "$SAMS" note w.yml "lås fritt" > /dev/null; then
		ok "changed before each of $changes comparisons: exit 75, the file as the other writer left it, no temporary file, lock free"
	else
		bad "a writer that keeps changing: exit $rc, $(tail -1 err.txt)"
	fi
else
	wait $pid; bad "sams did not stop at call $check_at"
fi

echo "== a symbolic link swapped in after the checks (calls $read_at and $check_at)"
problems=0
for at in "$read_at" "$check_at"; do
	cp orig.yml w.yml
	sed 's/TEST-0001/ANNAT-BARN/' orig.yml > other.yml
	cp other.yml other.orig
	if ! start_stopped "$at" ""; then
		problems=$((problems + 1)); echo "  call $at: sams did not stop"
		wait $pid; continue
	fi
	rm w.yml && ln -s other.yml w.yml
	finish_stopped
	if [ $rc = 73 ] && [ -L w.yml ] && same other.yml other.orig &&
	    grep -q 'refusing to write through a symbolic link' err.txt &&
	    [ "$(temps)" = 0 ]; then
		:
	else
		problems=$((problems + 1)); echo "  call $at: exit $rc, link $([ -L w.yml ] && echo kept || echo replaced), $(cat err.txt)"
	fi
	rm -f w.yml other.yml other.orig
done
[ $problems = 0 ] && ok "a link swapped in before the read and before the rename: refused (73), link and its target untouched" ||
    bad "symlink swaps: $problems problems"

echo "== stale temporary files of one case, beside a case named like them"
cp orig.yml k.yml && cp orig.yml k.yml.tmp.1.yml
"$SAMS" note k.yml.tmp.1.yml "den andra" > /dev/null
touch .k.yml.tmp.1.yml.tmp.99.abc .k.yml.tmp.4242.0badcafe
(exec 9>> .k.yml.tmp.1.yml.lock; flock 9; exec sleep 30) &
holder=$!
sleep 0.3
"$SAMS" note k.yml "den första" > /dev/null
SAMS_LOCK_TIMEOUT=0 "$SAMS" note k.yml.tmp.1.yml "samtidigt" > /dev/null 2>&1
rc=$?
kill $holder; wait $holder 2>/dev/null
if [ $rc = 75 ] && [ -e .k.yml.tmp.1.yml.lock ] && [ -e .k.yml.tmp.1.yml.tmp.99.abc ] &&
    [ ! -e .k.yml.tmp.4242.0badcafe ]; then
	ok "updating k.yml removes its own stale temporary file only; k.yml.tmp.1.yml keeps its lock (held: 75) and files"
else
	bad "stale temporary files: exit $rc; $(ls -A | grep '^\.k' | tr '\n' ' ')"
fi
rm -f .k.yml* k.yml*

echo "== mode, group and owner in a setgid team folder"
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null && team=$(getent group users | cut -d: -f3) &&
    [ -n "$team" ] && nobody=$(id -u nobody 2>/dev/null); then
	chmod 711 "$work"
	mkdir team && chgrp "$team" team && chmod 2770 team
	problems=0
	as_member() { setpriv --reuid="$nobody" --regid=65534 --groups="$team" -- "$@"; }
	expect() {	# expect FILE MODE GROUP OWNER WHAT
		got=$(stat -c '%a %g %u' "$1")
		[ "$got" = "$2 $3 $4" ] || { problems=$((problems + 1)); echo "  $5: $got, want $2 $3 $4"; }
	}
	cp orig.yml team/a.yml && chgrp "$team" team/a.yml && chmod 640 team/a.yml
	"$SAMS" note team/a.yml "gruppen läser" > /dev/null
	expect team/a.yml 640 "$team" 0 "0640 file updated"
	cp orig.yml team/b.yml && chown "$nobody:$team" team/b.yml && chmod 660 team/b.yml
	"$SAMS" note team/b.yml "root skriver" > /dev/null
	expect team/b.yml 660 "$team" "$nobody" "a colleague's file updated by root"
	as_member "$SAMS" note team/a.yml "kollega skriver" > /dev/null 2> err.txt ||
	    { problems=$((problems + 1)); echo "  a member cannot update after root: $(cat err.txt)"; }
	expect team/a.yml 640 "$team" "$nobody" "root's file updated by a member"
	"$SAMS" new --id TEAM-1 team/n.yml > /dev/null
	expect team/n.yml 600 "$team" 0 "new file"
	chmod 660 team/n.yml
	as_member "$SAMS" note team/n.yml "kollega skriver" > /dev/null 2> err.txt ||
	    { problems=$((problems + 1)); echo "  a member cannot update: $(cat err.txt)"; }
	expect team/n.yml 660 "$team" "$nobody" "root's new file updated by a member"
	"$SAMS" note team/n.yml "root igen" > /dev/null
	expect team/n.yml 660 "$team" "$nobody" "updated back by root"
	mkdir plain && chmod 777 plain
	cp orig.yml plain/p.yml && chgrp daemon plain/p.yml && chmod 664 plain/p.yml
	setpriv --reuid="$nobody" --regid=65534 --clear-groups -- "$SAMS" note plain/p.yml "utan gruppen" > /dev/null 2> err.txt
	rc=$?
	expect plain/p.yml 604 65534 "$nobody" "a group the writer is not in"
	[ $rc = 0 ] && grep -q "cannot keep the file's group" err.txt ||
	    { problems=$((problems + 1)); echo "  no warning: exit $rc, $(cat err.txt)"; }
	[ "$(ls -A team plain | grep -c tmp)" = 0 ] || { problems=$((problems + 1)); echo "  temporary files left"; }
	[ $problems = 0 ] && ok "setgid folder: 0640 and 0660 kept with the group, root keeps the owner, a member updates root's files, new files 0600 in the folder's group; a group the writer is not in loses its access, with a warning" ||
	    bad "modes: $problems problems"
	chmod 700 "$work"
else
	echo "skipped: needs root, setpriv, a group 'users' and a user 'nobody'"
fi

echo "== standard output fails after the write"
cp orig.yml s.yml
problems=0
for how in full closed pipe; do
	case $how in
	full) "$SAMS" note s.yml "$how" > /dev/full 2> err.txt ;;
	closed) "$SAMS" note s.yml "$how" >&- 2> err.txt ;;
	pipe) perl -e 'pipe(my $r, my $w) or die; close $r;
	    open(STDOUT, ">&", $w) or die; exec @ARGV' -- "$SAMS" note s.yml "$how" 2> err.txt ;;
	esac
	rc=$?
	n=$(grep -c "note: $how" s.yml)
	[ $rc = 0 ] && [ "$n" = 1 ] || { problems=$((problems + 1)); echo "  $how: exit $rc, the event $n times; $(cat err.txt)"; }
	case $how in closed) ;; *) grep -q 'warning: the case file was written' err.txt ||
	    { problems=$((problems + 1)); echo "  $how: no warning"; } ;; esac
done
# A retry loop on failure, as a script would write it.
i=0
until "$SAMS" note s.yml "retry" > /dev/full 2> /dev/null; do
	i=$((i + 1)); [ $i -lt 3 ] || break
done
[ "$(grep -c 'note: retry' s.yml)" = 1 ] || { problems=$((problems + 1)); echo "  a retry loop recorded the event $(grep -c 'note: retry' s.yml) times"; }
[ $problems = 0 ] && ok "/dev/full, closed stdout, a broken pipe, a retry loop: exit 0, each event once" ||
    bad "stdout after a write: $problems problems"

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

echo "== Ctrl-C, SIGTERM or SIGHUP while a workbook is built"
# The workbook is built in private files in TMPDIR (case ids, names),
# unlinked as soon as they are made: none may ever be seen there, nor
# left behind by a signal.  First at each I/O call of the report (stopped
# there, looked at, then signalled), then at a few delays into a report
# of a large folder.
mkdir -p xt big
cp orig.yml xt/a.yml; sed 's/TEST-0001/TEST-0002/' orig.yml > xt/b.yml
i=1
while [ $i -le 400 ]; do
	sed "s/TEST-0001/BIG-$i/" orig.yml > big/c$i.yml
	i=$((i + 1))
done
workbooks() { ls xt/tmp | grep -c '^sams-xlsx\.' ; }
n=1 points=0 problems=0
set -- INT TERM HUP
while :; do
	rm -rf xt/tmp xt/o.xlsx; mkdir xt/tmp
	SAMS_FAULT="$n,stop" TMPDIR=$work/xt/tmp "$SAMS" report --format xlsx \
	    --output xt/o.xlsx xt > out.txt 2> err.txt &
	pid=$!
	if ! stopped $pid; then
		wait $pid
		break
	fi
	[ "$(workbooks)" = 0 ] || { problems=$((problems + 1)); echo "  call $n: a workbook file is seen in TMPDIR"; }
	points=$((points + 1))
	sig=$1; shift; set -- "$@" "$sig"
	kill -$sig $pid
	finish_stopped
	[ "$(workbooks)" = 0 ] || { problems=$((problems + 1)); echo "  call $n: the workbook is left in TMPDIR (exit $rc)"; }
	n=$((n + 1))
done
rm -rf xt/tmp; mkdir xt/tmp
for d in 0.05 0.1 0.2 0.4 0.8; do
	TMPDIR=$work/xt/tmp timeout -s INT $d "$SAMS" report --format xlsx \
	    --output xt/o.xlsx big > /dev/null 2>&1
	rc=$?
	[ "$(workbooks)" = 0 ] || { problems=$((problems + 1)); echo "  after $d s: the workbook is left in TMPDIR (exit $rc)"; }
	rm -f xt/tmp/*
done
[ $points -ge 5 ] && [ $problems = 0 ] &&
    ok "signalled at each of $points calls of the report and at 5 delays: no sams-xlsx.* seen or left" ||
    bad "workbook signal sweep: $points points, $problems problems"

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
