# Shared by run.sh and screenshot.sh: finding, installing and running
# headless Chromium.  Sourced; needs $work, a scratch folder, and $SAMS.

# The pages as their users read them: in Swedish, as in tests/cli/run.sh
# (check.py wants lang="sv"), from the catalogue built beside $SAMS.
LANGUAGE=sv
SAMS_LOCALEDIR=${SAMS_LOCALEDIR:-$(dirname "$SAMS")/locale}
export LANGUAGE SAMS_LOCALEDIR

# Debian's html5lib is installed for Debian's Python, which a python3
# earlier on PATH (pyenv, a virtualenv) does not see.
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3

have_chromium() {
	for c in ${CHROMIUM:-chromium chromium-browser}; do
		if command -v "$c" >/dev/null 2>&1; then
			chromium=$c
			return 0
		fi
	done
	return 1
}

have_html5lib() {
	"$python" -c 'import html5lib' >/dev/null 2>&1
}

# Installs what is missing when it can: as root with apt-get, unless
# BROWSER_INSTALL=0.  Says why not in $why, for the SKIPPED line.
install_missing() {
	why=
	need=
	have_chromium || need="$need chromium"
	have_html5lib || need="$need python3-html5lib"
	# The screenshot needs a font; Chromium finds none without one.
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ||
	    need="$need fonts-dejavu-core"
	# The forms' page footers are read out of the PDF.
	command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
	[ -z "$need" ] && return 0
	if [ "${BROWSER_INSTALL:-1}" = 0 ]; then
		why="BROWSER_INSTALL=0, not installing$need"
	elif ! command -v apt-get >/dev/null 2>&1; then
		why="no apt-get to install$need"
	elif [ "$(id -u)" != 0 ]; then
		why="not root, cannot install$need"
	else
		echo "installing$need"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq \
		    > "$work/apt.log" 2>&1 &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need \
		    >> "$work/apt.log" 2>&1 ||
		why="apt-get install$need failed: $(tail -n 1 "$work/apt.log")"
	fi
}

# chrome ARGS... URL: one headless Chromium run that cannot hang, with a
# throwaway profile, no GPU, no sandbox (it needs user namespaces that a
# container running as root does not give) and every host name resolving
# to nothing, so a page that fetched anything would show it missing.
chrome() {
	profiles=$((${profiles:-0} + 1))
	timeout -k 5 "${CHROMIUM_TIMEOUT:-60}" "$chromium" --headless \
	    --no-sandbox --disable-gpu --disable-dev-shm-usage \
	    --no-first-run --no-default-browser-check --disable-extensions \
	    --disable-background-networking --disable-sync \
	    --host-resolver-rules='MAP * ~NOTFOUND' --hide-scrollbars \
	    --user-data-dir="$work/profile-$profiles" "$@" \
	    > "$work/chromium.log" 2>&1
}

# screenshot HTML PNG WIDTH HEIGHT
screenshot() {
	rm -f "$2"
	chrome --window-size="$3,$4" --screenshot="$2" "file://$1" &&
	    [ -s "$2" ]
}

# pdf HTML PDF: printed as on paper, A4 unless the page says otherwise.
pdf() {
	rm -f "$2"
	chrome --no-pdf-header-footer --print-to-pdf="$2" "file://$1" &&
	    [ -s "$2" ]
}
