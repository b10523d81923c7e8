#!/bin/sh
# A crafted catalogue cannot crash sams or change what it does: catalogues
# built with plain msgfmt (no --check, as an attacker would) whose
# translations read other arguments (%s%s%s%n for "%zu step still open
# from %s") or whose Plural-Forms divides by zero or picks a form that is
# not there.  sams next, status and doctor run under each: no signal, the
# exit status they have without the catalogue, and the bad message in
# English.  LANGUAGE=../..: a catalogue outside the catalogue folder is
# never read.  Ends with "crafted: N passed, N failed".
# Usage: tests/i18n/crafted.sh BUILD_DIR
set -u
build=$(cd "${1:?usage: tests/i18n/crafted.sh BUILD_DIR}" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
sams=$build/sams
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sams-crafted.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
case=$top/examples/s8d3-skyddad.yml
export SAMS_TODAY=2026-11-23 NO_COLOR=1 LC_ALL=C.UTF-8 LANGUAGE=sv
unset SAMS_PHASES SAMS_LOCALEDIR LANG LC_MESSAGES

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# catalogue NAME PLURAL-FORMS MSGSTR0 MSGSTR1: $tmp/NAME/sv/LC_MESSAGES
catalogue() {
	mkdir -p "$tmp/$1/sv/LC_MESSAGES"
	cat > "$tmp/$1.po" <<PO
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: $2\n"

msgid "%zu step still open from %s"
msgid_plural "%zu steps still open from %s"
msgstr[0] "$3"
msgstr[1] "$4"

msgid "English"
msgstr "svenska"

msgid "Current phase: %s (%s)"
msgstr "FEL %s%s%s%s%s%n"
PO
	msgfmt -o "$tmp/$1/sv/LC_MESSAGES/sams.mo" "$tmp/$1.po" ||
	    bad "msgfmt $1"
}

# run NAME CMD: the exit status and output of sams CMD on the case (doctor:
# on its folder) under catalogue NAME
run() {
	arg=$case
	[ "$2" = doctor ] && arg=$(dirname "$case")
	SAMS_LOCALEDIR=$tmp/$1 "$sams" "$2" "$arg" > "$tmp/out" 2> "$tmp/err"
	echo $?
}

# With no catalogue at all, for the exit statuses to compare with.
mkdir -p "$tmp/none"
for c in next status doctor; do
	eval "rc_$c=\$(run none $c)"
done

catalogue directives 'nplurals=2; plural=(n != 1);' '%s%s%s%n' '%s%s%s%n'
catalogue divzero 'nplurals=2; plural=n/0;' '%zu steg FEL från %s' \
    '%zu steg FEL från %s'
catalogue manyforms 'nplurals=200; plural=n*7;' '%zu steg FEL från %s' \
    '%zu steg FEL från %s'

for name in directives divzero manyforms; do
	for c in next status doctor; do
		rc=$(run $name $c)
		eval "want=\$rc_$c"
		# 128 + the signal when one killed it (SIGSEGV 139, SIGFPE
		# 136).  doctor's 1 says whether the catalogue was refused.
		[ $c = doctor ] && [ "$rc" -le 1 ] && want=$rc
		[ "$rc" = "$want" ] && ok ||
		    bad "$name: sams $c exits $rc, $want without it"
		if grep -q 'FEL\|(null)' "$tmp/out" "$tmp/err"; then
			bad "$name: sams $c printed the crafted text"
			grep 'FEL\|(null)' "$tmp/out" "$tmp/err" | head -n 3
		else
			ok
		fi
	done
	# The message in English: 8 steps of Inför placering are open.
	run $name next > /dev/null
	grep -q '^8 steps still open from Inför placering' "$tmp/out" && ok ||
	    bad "$name: sams next does not say '8 steps still open' in English"
done

# Refused for its Plural-Forms: doctor names it and says English.
run divzero doctor > /dev/null
grep -q "plural=n/0" "$tmp/out" && ok ||
    bad "divzero: doctor does not name the refused Plural-Forms"

# A refused catalogue second in LANGUAGE: gettext takes the messages the
# first lacks from it, with its plural rule, so it is refused too.
mkdir -p "$tmp/two/sv" "$tmp/two/xx"
cp -R "$build/locale/sv/LC_MESSAGES" "$tmp/two/sv/"
cp -R "$tmp/divzero/sv/LC_MESSAGES" "$tmp/two/xx/"
SAMS_LOCALEDIR=$tmp/two LANGUAGE=sv:xx "$sams" next "$case" > "$tmp/out" \
    2>&1
grep -q '^8 steps still open from Inför placering' "$tmp/out" && ok ||
    bad "LANGUAGE=sv:xx with xx refused: not in English"

# LANGUAGE leading out of the catalogue folder: the crafted catalogue in
# $tmp/x is never read; messages come from the real one (Swedish).
mkdir -p "$tmp/x/LC_MESSAGES"
cp "$tmp/directives/sv/LC_MESSAGES/sams.mo" "$tmp/x/LC_MESSAGES/sams.mo"
rel=$(echo "$build/locale" | sed 's|[^/][^/]*|..|g; s|^/||')
lang=$rel$tmp/x
SAMS_LOCALEDIR=$build/locale LANGUAGE="$lang:sv" "$sams" status "$case" \
    > "$tmp/out" 2>&1
rc=$?
[ "$rc" = "$rc_status" ] && ok ||
    bad "LANGUAGE=$lang:sv: sams status exits $rc"
if grep -q 'FEL' "$tmp/out"; then
	bad "LANGUAGE=$lang:sv read the catalogue in $tmp/x"
else
	ok
fi
grep -q '8 steg släpar från Inför placering' "$tmp/out" && ok ||
    bad "LANGUAGE=$lang:sv: not the Swedish of the real catalogue"
# doctor shows what it dropped, and that it was ignored.
SAMS_LOCALEDIR=$build/locale LANGUAGE="$lang:sv" "$sams" doctor \
    "$tmp" > "$tmp/out" 2>&1
grep -q "LANGUAGE=$lang:sv: det som pekar ut en mapp ignoreras" \
    "$tmp/out" && ok || bad "doctor does not say LANGUAGE=$lang:sv was ignored"
# A LANG with a folder and an escape in it is shown escaped; one longer
# than a locale name can be (300 bytes) as too long, not as nothing.
esc=$(printf 'sv/\033[31m')
SAMS_LOCALEDIR=$build/locale LC_ALL= LANG="$esc" "$sams" doctor "$tmp" \
    > "$tmp/out" 2>&1
# (English: with LANG dropped the locale is C, where LANGUAGE counts not.)
grep -q 'LANG=sv/\\x1b\[31m: what names a folder in it is ignored' \
    "$tmp/out" && ok || bad "doctor does not show LANG=sv/ESC[31m escaped"
long=$(printf '%300s' '' | tr ' ' a)
SAMS_LOCALEDIR=$build/locale LC_ALL= LANG=$long "$sams" doctor "$tmp" \
    > "$tmp/out" 2>&1
grep -q 'språkmiljö: (för långt)' "$tmp/out" && ok ||
    bad "doctor does not call a 300-byte LANG too long"
echo "crafted: $pass passed, $fail failed"
[ "$fail" = 0 ]
