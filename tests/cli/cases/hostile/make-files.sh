# Writes the hostile case files, one a kind of attack or accident.
ok='sams-case: 1\nid: H-1\nmodel: sams\n'
h='history:\n- {date: 2026-11-20, event: opened}\n'
w() { printf "$2" > "$1.yml"; }
w 01-truncated "${ok}history:\n- {date: 2026-11-20, event: op"
w 02-invalid-utf8 "${ok}school: {sending: \"Sk\377la\"}\n$h"
w 03-overlong-utf8 "${ok}school: {sending: \"\300\257\"}\n$h"
w 04-latin1 "${ok}school: {sending: \"Bj\366rkskolan\"}\n$h"
printf '\377\376s\000a\000' > 05-utf16le.yml
printf '\376\377\000s\000a' > 06-utf16be.yml
w 07-tab-indent "${ok}placement:\n\ttype: hvb\n$h"
w 08-alias-bomb "${ok}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n$h"
{ printf 'sams-case: 1\nx: '; head -c 50000 /dev/zero | tr '\0' '['; head -c 50000 /dev/zero | tr '\0' ']'; printf '\n'; } > 09-deep-flow.yml
{ printf 'sams-case: 1\nx:\n'; i=0; while [ $i -lt 40 ]; do printf '%*s- \n' $((i * 2)) ''; i=$((i + 1)); done; } > 10-deep-block.yml
{ printf 'sams-case: 1\nid: "'; head -c 10485760 /dev/zero | tr '\0' a; printf '"\n'; } > 11-10mb-scalar.yml
{ printf 'sams-case: 1\nid: "'; head -c 100000 /dev/zero | tr '\0' a; printf '"\n'; } > 12-100kb-scalar.yml
{ printf 'sams-case: 1\nx: ['; head -c 300000 /dev/zero | tr '\0' '\n' | sed 's/.*/[],/' | tr -d '\n'; printf ']\n'; } > 13-many-events.yml
w 14-duplicate-keys "${ok}id: H-2\n$h"
w 15-escaped-escape "${ok}contacts: {socialtjanst: \"\\\\e[31mröd\"}\n$h"
w 16-raw-bell "${ok}contacts: {socialtjanst: \"Anna\007\"}\n$h"
printf 'sams-case: 1\nid: H\000-1\nmodel: sams\n' > 17-nul-byte.yml
w 18-tag "${ok}placement: {type: !!str hvb}\n$h"
w 19-custom-tag "${ok}placement: !ruby/object {type: hvb}\n$h"
w 20-two-documents "${ok}$h---\n${ok}$h"
w 21-directive "%%YAML 1.1\n---\n${ok}$h"
w 22-conflict "${ok}<<<<<<< HEAD\n$h=======\n$h>>>>>>> annan\n"
w 23-bidi-override "${ok}contacts: {socialtjanst: \"Anna \342\200\256nossredna\"}\n$h"
w 24-c1-control "${ok}contacts: {socialtjanst: \"Anna\\\\x85\"}\n$h"
w 25-complex-key "${ok}? {a: 1}\n: b\n$h"
: > 26-empty.yml
w 27-only-comment "# bara en kommentar\n"
printf '%s\n' '- sams-case: 1' '- id: X' > 28-top-level-list.yml
w 29-top-level-scalar "just text\n"
w 30-history-mapping "${ok}history: {date: 2026-11-20, event: opened}\n"
w 31-event-not-mapping "${ok}history:\n- opened 2026-11-20\n"
w 32-unknown-event "${ok}history:\n- {date: 2026-11-20, event: raderad}\n"
w 33-impossible-date "${ok}history:\n- {date: 2026-02-30, event: opened}\n"
w 34-future-format "sams-case: 2\nid: H-1\nmodel: sams\n$h"
w 35-long-key "${ok}$(head -c 20000 /dev/zero | tr '\0' k): 1\n$h"
{ printf 'sams-case: 1\nx: '; i=0; while [ $i -lt 20 ]; do printf '{a: '; i=$((i + 1)); done; printf '1'; i=0; while [ $i -lt 20 ]; do printf '}'; i=$((i + 1)); done; printf '\n'; } > 36-deep-mapping.yml
w 37-crlf-broken "${ok}history:\r\n- {date: 2026-11-20, event: opened\r\n"
w 38-escape-nul "${ok}contacts: {socialtjanst: \"A\\\\0B\"}\n$h"
w 39-second-history "${ok}$h- {date: 2026-11-21, event: note, note: a}\nhistory:\n- {date: 2026-11-22, event: note, note: b}\n- {date: 2026-11-23, event: note, note: c}\n- {date: 2026-11-24, event: note, note: d}\n"
# Many keys: one mapping of 90,000 (refused: at most 10,000 in one), and
# 90,000 in mappings of 9,000 with a duplicate at the very end (found
# without comparing every key with every other).
keys() { awk -v n="$1" -v p="$2" -v ind="$3" \
    'BEGIN { for (i = 0; i < n; i++) printf "%s%s%d:\n", ind, p, i }'; }
{ printf "${ok}"; keys 90000 k ''; printf "$h"; } > 40-many-keys.yml
{ printf "${ok}"; for g in 0 1 2 3 4 5 6 7 8 9; do printf "x$g:\n"; keys 9000 k '  '; done;
  printf '  k0: 2\n'; printf "$h"; } > 41-many-keys-duplicate-last.yml
w 42-nel-in-comment "${ok}${h}# syns inte\302\205- {date: 2026-11-21, event: done, step: ip-kartlagg}\n"
w 43-ls-in-comment "${ok}${h}# syns inte\342\200\250- {date: 2026-11-21, event: done, step: ip-kartlagg}\n"
w 44-ps-in-value "${ok}${h}- {date: 2026-11-21, event: note, note: \"a\342\200\251b\"}\n"
w 45-ls-escaped "${ok}${h}- {date: 2026-11-21, event: note, note: \"a\\\\Lb\"}\n"
w 46-date-year-1 "${ok}placement: {type: hvb, date: 0001-01-05}\nhistory:\n- {date: 0001-01-01, event: opened}\n"
w 47-date-year-9999 "${ok}placement: {type: hvb, date: 2026-01-05}\n${h}- {date: 2026-11-21, event: set, fact: placement.end, value: 9999-12-20}\n"
w 48-recurs-past-9999 "${ok}placement: {type: hvb, date: 9999-01-05}\nhistory:\n- {date: 9999-01-01, event: opened}\n- {date: 9999-11-01, event: done, step: up-folja}\n"
{ printf "${ok}"; yes '=======' | head -c 1000000; } > 49-many-conflict-markers.yml
w 50-model-path "sams-case: 1\nid: H-1\nmodel: ../../phases/sams\n$h"
w 51-model-absolute "sams-case: 1\nid: H-1\nmodel: /etc/passwd\n$h"
# Hostile folders: DIR/case.yml with DIR/.sams/local.yml, or with a model
# folder DIR/phases (given as --phases).
folder() { mkdir -p "$1/$2"; chmod 0755 "$1" "$1/$2"; printf "${ok}$h" > "$1/case.yml"; }
folder 60-local-many-keys .sams
{ printf 'sams-local: 1\ndue:\n'; keys 90000 x '  '; } > 60-local-many-keys/.sams/local.yml
folder 61-local-many-steps .sams
awk 'BEGIN { print "sams-local: 1\nsteps:"; for (i = 0; i < 1000; i++)
    printf "  - {id: s%d, phase: infor-placering, title: T, owner: socialtjanst, why: W, what: X, source: local, after: s%d}\n", i, (i + 1) % 1000 }' \
    > 61-local-many-steps/.sams/local.yml
folder 62-local-hidden-line .sams
printf 'sams-local: 1\n# kontakt\302\205contacts: {socialtjanst: X}\n' > 62-local-hidden-line/.sams/local.yml
folder 63-models-cycle phases
sed -i 's/model: sams/model: a/' 63-models-cycle/case.yml
printf 'sams-model: 1\nid: a\ntitle: A\nextends: b\nsteps: []\n' > 63-models-cycle/phases/a.yml
printf 'sams-model: 1\nid: b\ntitle: B\nextends: a\nsteps: []\n' > 63-models-cycle/phases/b.yml
folder 64-models-self phases
printf 'sams-model: 1\nid: sams\ntitle: S\nextends: sams\nsteps: []\n' > 64-models-self/phases/sams.yml
folder 65-models-many-keys phases
{ printf 'sams-model: 1\nid: sams\ntitle: S\nextends: sisam\nsteps: []\nx:\n'; keys 90000 k '  '; } > 65-models-many-keys/phases/sams.yml
folder 66-models-many-steps phases
awk 'BEGIN { print "sams-model: 1\nid: sams\ntitle: S\nroles: [{id: r, title: R}]\nphases: [{id: p, title: P}]\nsteps:";
    for (i = 0; i < 5000; i++) printf "  - {id: s%d, phase: p, title: T, owner: r, why: W, what: X, source: local, after: s%d}\n", i, i + 1 }' \
    > 66-models-many-steps/phases/sams.yml
folder 67-models-deep-extends phases
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	printf 'sams-model: 1\nid: m%d\ntitle: M\nextends: m%d\nsteps: []\n' $i $((i + 1)) > 67-models-deep-extends/phases/m$i.yml
done
sed -i 's/model: sams/model: m1/' 67-models-deep-extends/case.yml
chmod 0644 [0-9]*/.sams/local.yml 2>/dev/null
