# Lives through a case as its people would: sourced by golden tests.
#
# walk FILE PLACED END [SHOW-OPTIONS]
#   Each round does every step that 'sams next' lists now (as its owner
#   would, checking the owner against 'sams show': the step's owner or
#   its fallback-owner), and prints the day, the
#   phase and each step with its owner's role and name.  When nothing new
#   is left to do, time or the facts move on, in order: the move on PLACED
#   (SAMS_TODAY), the decision that the placement ends (set placement.end
#   to END), the end date itself, and then nothing more: the case must be
#   complete.  Steps that were never done are shown by 'sams status'.
#   A test may define at_end FILE: run once the end date is set (the
#   coordinator records the next school, say).
walk() {
	file=$1 placed=$2 end=$3 show=${4:-}
	round=0
	while :; do
		json=$($SAMS next --format json "$file") || return 1
		phase=$(printf '%s\n' "$json" |
		    sed -n 's/.*"phase": {"id": "\([a-z-]*\)".*/\1/p')
		case $json in *'"complete": true'*)
			echo "$SAMS_TODAY klart"; return 0 ;;
		esac
		steps=$(printf '%s\n' "$json" | grep -o '"step": "[a-z-]*"' |
		    cut -d'"' -f4)
		fresh=$(for s in $steps; do
			grep -q "step: $s[,}]" "$file" || echo "$s"; done)
		round=$((round + 1))
		[ $round -lt 40 ] || { echo "no end"; return 1; }
		if [ -z "$fresh" ]; then
			walk_on "$file" "$phase" "$placed" "$end" || return 1
			continue
		fi
		printf '%s %s:' "$SAMS_TODAY" "$phase"
		for s in $fresh; do
			owner=$(printf '%s\n' "$json" | grep -o "\"step\": \"$s\"[^}]*\"owner\": {[^}]*}" |
			    sed 's/.*"role": "\([a-z-]*\)".*"name": \(.*\)}$/\1 \2/; s/"//g')
			# The step's owner, or its fallback-owner.
			named=$($SAMS show --format json $show "$s" |
			    grep -o '"\(fallback_\)\{0,1\}owner": "[a-z-]*"' |
			    cut -d'"' -f4 | tr '\n' ' ')
			case " $named" in *" ${owner%% *} "*) ;;
			*) echo " OWNER MISMATCH $s: $owner vs $named" ;;
			esac
			printf ' %s(%s)' "$s" "$(echo "$owner" | sed 's/ /: /')"
			$SAMS done "$file" "$s" > /dev/null || return 1
		done
		echo
	done
}

# Nothing new to do in phase: the next thing that happens in a placement.
walk_on() {
	case $2 in
	infor-placering)
		[ "$SAMS_TODAY" != "$3" ] || { echo "stuck in $2"; return 1; }
		SAMS_TODAY=$3
		echo "$SAMS_TODAY the pupil moves" ;;
	under-placering)
		echo "$SAMS_TODAY the placement is to end on $4"
		$SAMS set "$1" placement.end="$4" || return 1
		if command -v at_end > /dev/null; then at_end "$1"; fi ;;
	*)
		[ "$SAMS_TODAY" != "$4" ] || { echo "stuck in $2"; return 1; }
		SAMS_TODAY=$4
		echo "$SAMS_TODAY the placement ends" ;;
	esac
}
