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
