#!/bin/sh
# make check-package: the source tarball builds a Debian package.  It is
# unpacked in a scratch folder where dpkg-buildpackage builds it and runs
# make check-all (that suite's counts are counted here), lintian reads the
# package (every tag is shown; an error fails), and the .deb is listed to
# see that what a user needs is in it.  Ends with "N passed, N failed".
# Usage: tests/package/run.sh TARBALL
set -u
tarball=${1:?usage: tests/package/run.sh TARBALL}
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
work=$(mktemp -d "${TMPDIR:-/tmp}/sams-package.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() { echo "$pass passed, $fail failed"; [ $fail = 0 ]; exit; }

tar -xzf "$tarball" -C "$work" || { bad "unpack $tarball"; finish; }
top=$(echo "$work"/sams-*/)
[ -f "$top/debian/control" ] || { bad "no sams-VERSION/debian in the tarball"; finish; }

# The build and its tests: the tests' counts, and the build as one more.
# Built as by hand, not with the options of the make that runs this.
unset MAKEFLAGS MFLAGS MAKELEVEL
(cd "$top" && dpkg-buildpackage -us -uc -b -J) > "$work/build.log" 2>&1
rc=$?
grep -E '^(unit|cli|man): ' "$work/build.log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/build.log" | tail -n 1)
if [ -n "$line" ]; then
	set -- $line
	pass=$((pass + $1)) fail=$((fail + $3))
fi
if [ $rc = 0 ] && [ -n "$line" ]; then
	ok "dpkg-buildpackage -us -uc -b ran make check-all and built the package"
else
	tail -n 40 "$work/build.log"
	bad "dpkg-buildpackage (exit $rc)"
	finish
fi
deb=$(echo "$work"/sams_*.deb)

lintian --info "$work"/sams_*.changes > "$work/lintian" 2>&1
rc=$?
cat "$work/lintian"
if [ $rc = 0 ] && ! grep -q '^E: ' "$work/lintian"; then
	ok "lintian: no errors ($(grep -c '^W: ' "$work/lintian") warnings)"
else
	bad "lintian found errors (exit $rc)"
fi

# What the package must hold: each path one test.
dpkg-deb -c "$deb" | awk '{ print $6 }' > "$work/contents"
want="usr/bin/sams usr/share/sams/phases/sams.yml
    usr/share/sams/phases/sisam.yml usr/share/sams/pre-commit
    usr/share/man/man1/sams.1.gz usr/share/man/man5/sams-case.5.gz
    usr/share/man/man5/sams-phases.5.gz
    usr/share/locale/sv/LC_MESSAGES/sams.mo usr/share/doc/sams/copyright"
[ ! -f "$top/contrib/completion/sams.bash" ] ||
    want="$want usr/share/bash-completion/completions/sams"
[ ! -f "$top/contrib/completion/_sams" ] ||
    want="$want usr/share/zsh/vendor-completions/_sams"
for p in $want; do
	if grep -qx "\./$p" "$work/contents"; then
		ok "the .deb holds /$p"
	else
		bad "the .deb lacks /$p"
	fi
done

# The packaged binary runs, and looks for its catalogue where the package
# put it (PREFIX=/usr at build time, not only at install).
dpkg-deb -x "$deb" "$work/root"
version=$(sed -n 's/^#define SAMS_VERSION "\(.*\)"/\1/p' "$top/src/sams.h")
if [ "$("$work/root/usr/bin/sams" --version | head -n 1)" = "sams $version" ]; then
	ok "the packaged sams --version says sams $version"
else
	bad "the packaged sams --version"
fi
# sams doctor names the folder of the catalogue, found or not (the
# extracted binary has no "locale" folder beside it).
if env -u SAMS_LOCALEDIR LC_ALL=C.UTF-8 LANGUAGE=sv \
    "$work/root/usr/bin/sams" doctor "$work" | grep -q ' /usr/share/locale$'
then
	ok "the packaged sams looks in /usr/share/locale"
else
	bad "the packaged sams does not look in /usr/share/locale"
fi
finish
