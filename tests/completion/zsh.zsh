# The zsh completion (contrib/completion/_sams) run as a plain function:
# words, CURRENT and PREFIX set as zsh sets them (words as typed, quotes
# and all), compadd, compset and _files stood in for by functions that
# record what they were given.  Run by run.sh with zsh -f.
pass=0 fail=0
cd $FIXTURES || exit 1
typeset -a got

# compadd keeps what begins with PREFIX (-M: whatever the case), as zsh
# matches.
compadd()
{
	local anycase= c
	while (( $# )); do
		case $1 in
		-a)	for c in "${(@P)2}"; do
				[[ $c == $PREFIX* || -n $anycase &&
				    ${(L)c} == ${(L)PREFIX}* ]] && got+=("$c")
			done
			shift 2 ;;
		-M)	anycase=1; shift 2 ;;
		-S)	shift 2 ;;
		*)	shift ;;
		esac
	done
}
compset()	# compset -P 1 '*=': what precedes the first '='
{
	PREFIX=${PREFIX#*=}
}
_files()
{
	got+=("_files${*:+ $*}")
}
functions[_sams]=$(< $SAMS_TOP/contrib/completion/_sams)

# t WANT WORD...: completes "sams WORD..." at the end of the last word
# and compares what was offered, sorted and joined by spaces, with WANT.
t()
{
	local want=$1 out
	shift
	words=(sams "$@")
	CURRENT=$#words
	PREFIX=$words[-1]
	got=()
	_sams 2> $FIXTURES/../err
	out=${(j: :)${(o)got}}
	if [[ $out == $want && ! -s $FIXTURES/../err ]]; then
		(( pass++ ))
	else
		(( fail++ ))
		print -r -- "FAIL: sams $*"
		print -r -- "  want: $want"
		print -r -- "  got:  $out"
		cat $FIXTURES/../err
	fi
}

# Commands, options, --format values and roles, as in bash.sh.
t "set show skip stats status" s
t "--by --color --date --help --note --phases --today" done --
t "html md text" form --format ""
t "json" status --format=j
t "always auto never" --color=
t "sis sis-placeringsenhet" next sis.yml --role sis
# Steps of a SiS case, and of a case whose name has a space, escaped.
t "sis-ansokan sis-aterkoppling sis-avtal" done sis.yml sis-a
t "up-mote" done 'my\ case.yml' up-m
t "up-mote" done '"my case.yml"' up-m
HOME=$FIXTURES t "up-mote" done '~/my\ case.yml' up-m
# Case files by zsh's own _files, with the ids of the cases.
t "K7Q2-9XHD _files -g *.(yml|yaml)(-.)" status K7
t "K7Q2-9XHD _files -g *.(yml|yaml)(-.)" status k7
t "_files -/" init ""
t "grundskola gymnasieskola" set k7q2-familjehem.yml school.form=g
# After --contact ROLE= comes a name: the key is not offered again.
t "" new --contact socialtjanst=
# A broken case: nothing, and not a word on standard error.
t "" done broken.yml ""
print "zsh: $pass passed, $fail failed"
