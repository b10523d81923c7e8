# bash completion for sams(1).  What a word can be comes from the hidden
# "sams __complete WORD... CURRENT", so that commands, options and the
# steps of a case are always those of the sams installed.  Works with or
# without the bash-completion package; installed as
# share/bash-completion/completions/sams.

# Sets REPLY to $1 as the shell will pass it: quotes and backslashes
# removed, a leading ~ expanded.  Nothing is evaluated.
_sams_dequote()
{
	local s=$1 c q=
	REPLY=
	while [[ -n $s ]]; do
		c=${s:0:1}
		s=${s:1}
		if [[ $q == "'" ]]; then
			[[ $c == "'" ]] && q= || REPLY+=$c
		elif [[ $q == '"' ]]; then
			if [[ $c == '"' ]]; then
				q=
			elif [[ $c == '\' && $s == [\"\\\$\`]* ]]; then
				REPLY+=${s:0:1}
				s=${s:1}
			else
				REPLY+=$c
			fi
		elif [[ $c == "'" || $c == '"' ]]; then
			q=$c
		elif [[ $c == '\' ]]; then
			REPLY+=${s:0:1}
			s=${s:1}
		else
			REPLY+=$c
		fi
	done
	if [[ $1 == "~" || $1 == "~/"* ]]; then
		REPLY=$HOME${REPLY:1}
	fi
}

# Files of one kind for the word $1: case files and folders, folders, or
# any file.
_sams_files()
{
	local f
	case $2 in
	files)
		compgen -d -- "$1"
		compgen -f -- "$1" | while IFS= read -r f; do
			[[ $f == *.yml || $f == *.yaml ]] && [[ ! -d $f ]] &&
			    printf '%s\n' "$f"
		done
		;;
	dirs)	compgen -d -- "$1" ;;
	any)	compgen -f -- "$1" ;;
	esac
}

_sams()
{
	local i w glue= more lead REPLY
	local -a ws=() args=() reply=()

	# bash splits "--format=json" at the '=' (COMP_WORDBREAKS); sams
	# wants the word whole, so such pieces are glued back.
	for ((i = 1; i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		# With the cursor inside the word, only what is before it.
		if ((i == COMP_CWORD)) && [[ -n $2 && $w != "$2" &&
		    $w == "$2"* ]]; then
			w=$2
		fi
		if ((${#ws[@]} > 0)) && [[ -n $glue || $w =~ ^[=:]+$ ]]; then
			ws[${#ws[@]}-1]+=$w
		else
			ws+=("$w")
		fi
		[[ $w =~ ^[=:]+$ ]] && glue=1 || glue=
	done
	((${#ws[@]} > 0)) || ws=("")
	for w in "${ws[@]}"; do
		_sams_dequote "$w"
		args+=("$REPLY")
	done
	_sams_dequote "${COMP_WORDS[0]}"
	mapfile -t reply < <("$REPLY" __complete "${args[@]}" \
	    < /dev/null 2> /dev/null)
	((${#reply[@]} > 0)) || return 0
	more=${reply[0]}
	reply=("${reply[@]:1}")
	COMPREPLY=()
	if [[ $more != words ]]; then
		compopt -o filenames 2>/dev/null
		w=${args[${#args[@]}-1]}
		mapfile -t COMPREPLY < <(_sams_files "$w" "$more")
		# What readline replaces begins after the last '=' or ':'.
		if [[ $w == *[=:]* ]]; then
			lead=${w%"${w##*[=:]}"}
			COMPREPLY=("${COMPREPLY[@]#"$lead"}")
		fi
	fi
	for w in "${reply[@]}"; do
		COMPREPLY+=("$w")
		[[ $w == *= ]] && compopt -o nospace 2>/dev/null
	done
	return 0
}

complete -F _sams sams
