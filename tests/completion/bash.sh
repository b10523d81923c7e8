# The bash completion (contrib/completion/sams.bash), sourced into a
# non-interactive bash as bash runs it: COMP_WORDS, COMP_CWORD, COMP_LINE
# and COMP_POINT set, _sams called, COMPREPLY compared.  Run by run.sh,
# with "with" as $1 to load the bash-completion package first.
# Usage: bash tests/completion/bash.sh [with]  (SAMS, SAMS_TOP, FIXTURES set)
set -u
pass=0 fail=0
if [[ ${1:-} == with ]]; then
	source /usr/share/bash-completion/bash_completion || exit 1
fi
source "$SAMS_TOP/contrib/completion/sams.bash"
cd "$FIXTURES" || exit 1
err=$FIXTURES/../err

# t WANT WORD...: completes "sams WORD..." with the cursor at the end of
# the last word (or after $CUR in it), split as bash splits it ('=' a
# word of its own), and compares COMPREPLY, sorted and joined by spaces,
# with WANT.  Nothing may reach standard error.
t()
{
	local want=$1 cur got
	shift
	COMP_WORDS=(sams "$@")
	COMP_CWORD=$#
	COMP_LINE="sams $*"
	COMP_POINT=${#COMP_LINE}
	cur=${COMP_WORDS[COMP_CWORD]}
	[[ $cur == = ]] && cur=	# readline's word begins after the '='
	cur=${CUR-$cur}		# the word up to a cursor inside it
	COMPREPLY=()
	_sams sams "$cur" "${COMP_WORDS[COMP_CWORD-1]}" 2> "$err"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ')
	got=${got% }
	if [[ $got == "$want" && ! -s $err ]]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'FAIL: sams %s\n  want: %s\n  got:  %s\n' "$*" "$want" \
		    "$got"
		cat "$err"
	fi
}

# Commands: the 5 of sams help that begin with s; __complete is hidden.
t "set show skip stats status" s
t "" __
t "reopen replace report" re
# Global options, and --color's values from the table cli.c checks.
t "--color --help --phases --today --version" --
t "always auto never" --color ""
t "always auto" --color = a
# Options of a command: done's own (by, date, note, reason) and the 4
# every command takes, 8 in all.
t "--by --color --date --help --note --phases --today" done --
t "--output" status --o
# --format per command, from each command's own table.
t "html json text" status --format ""
t "json text" log --format ""
t "html md text" form --format ""
t "csv html json text tsv xlsx" report --format ""
t "csv json text xlsx" stats --format ""
t "json text" next --format ""
t "json" status --format = j
t "csv html json text tsv xlsx" report --format =
t "text" check --form t
# stats --by: its 4 groups (the empty choice is no candidate).
t "form month phase type" stats --by ""
# Values from the facts table and the models.
t "familjehem hvb jourhem sis skyddat-boende stodboende" new --type ""
t "anpassad-grundskola anpassad-gymnasieskola" new --school-form an
t "sams sisam" new --model ""
t "2026-11-23" done --date ""
# Roles: the 7 of sams for a sams case; 9 for a SiS case (SiSam adds sis
# and sis-placeringsenhet); both models' without a case on the line.
t "huvudman-mottagande rektor-avlamnande rektor-mottagande samordnare socialtjanst utbildningsforvaltning vardnadshavare" next k7q2-familjehem.yml --role ""
t "huvudman-mottagande rektor-avlamnande rektor-mottagande samordnare sis sis-placeringsenhet socialtjanst utbildningsforvaltning vardnadshavare" next sis.yml --role ""
t "sis sis-placeringsenhet" report --role sis
t "rektor-avlamnande= rektor-mottagande=" new --contact rek
# After ROLE= comes a name, free text: the key is not offered again
# (readline would put it after the '=': socialtjanst=socialtjanst=).
t "" new --contact socialtjanst =
t "" new --contact socialtjanst = Ann
# stats --list: the figures, a table's with its '=' (its groups are the
# data's: nothing after it).
t "counts.acute counts.by_form= counts.by_phase= counts.by_type= counts.cases counts.omplaceringar counts.placements" stats --list coun
t "" stats --list counts.by_type =
t "infor-avslut infor-placering" report --phase inf
# Steps of a sams case: the 15 ip- steps less the 3 done (kartlagg,
# samtycke, informera) and the 5 that do not apply to a placement in a
# familjehem without LVU in the home municipality (samrad, lvu-skola,
# medgivande, yttrande, tillfallig) leave 7 for done; reopen takes the 3.
t "ip-beslut ip-delaktighet ip-mottagande ip-overlamning ip-skolplats ip-skolval ip-vardplan" done k7q2-familjehem.yml ip-
t "ip-informera ip-kartlagg ip-samtycke" reopen k7q2-familjehem.yml ""
t "ip-informera" reopen --reason fel k7q2-familjehem.yml ip-i
# A SiS case: SiSam's 8 sis- steps, all open; 5 steps of it have a form.
t "sis-ansokan sis-aterkoppling sis-avtal sis-hemskola sis-information sis-overenskommelse sis-undervisning sis-utskrivning" skip sis.yml sis-
t "ia-beslut ia-skolplats sis-overenskommelse sis-utskrivning up-mote" form sis.yml ""
# By its id, whatever the case of its letters, as sams finds it.
t "sis-ansokan sis-aterkoppling sis-avtal" done sis-0002 sis-a
# A step of the folder's .sams/local.yml.
t "lokal-hembesok" done kommun/lok.yml lok
t "lokal-hembesok" form kommun/lok.yml lok
# show: the steps of sams, as show takes them, and case files.
t "up-mote" show up-m
# Case ids in the folder and case files: K7Q2-9XHD and SIS-0002 by their
# ids; k7q2-familjehem.yml by its name, with a lower-case k; folders.
t "K7Q2-9XHD" status K7
t "K7Q2-9XHD k7q2-familjehem.yml" status k7
t "SIS-0002 sis.yml" log si
t "kommun" check kom
# In a case folder, the ids of all its cases, in subfolders too.
cd kommun
t "LOK-1 LOK-2 lok.yml" status lok
cd ..
# A file name with a space, as typed plain, quoted or escaped (and the
# id of the case in it, MY-1); its steps.
t "MY-1 my case.yml" log my
t "MY-1 my case.yml" log '"my'
t "my case.yml" log 'my\ c'
t "up-mote" done 'my\ case.yml' up-m
t "up-mote" done "'my case.yml'" up-m
HOME=$FIXTURES t "up-mote" done '~/my\ case.yml' up-m
t "dir one" init di
# sams set: the keys, then a choice's values after the '='.
t "school.form=" set k7q2-familjehem.yml school.fo
t "contacts.samordnare=" set k7q2-familjehem.yml contacts.sa
t "grundskola gymnasieskola" set k7q2-familjehem.yml school.form = g
# With the cursor inside a word (after "ip-skolv" of "ip-skolvxx", after
# "j" of "jzz"), what is before it is completed.
CUR=ip-skolv t "ip-skolval" done k7q2-familjehem.yml ip-skolvxx
CUR=j t "json" status --format = jzz
# A broken case: no steps, no word on standard error.
t "" done broken.yml ""
t "" done missing.yml ""
# Free text: nothing to offer.
t "" note k7q2-familjehem.yml ""
t "" done --note ""
echo "bash${1:+ $1 bash-completion}: $pass passed, $fail failed"
