# Checks the lines of sams report --format json: every step in "next"
# passes the filters given as variables: overdue=1; limit=YYYY-MM-DD (due
# on or before it, or overdue); owner=NAME (the same letters whatever
# their case, Å, Ä, Ö and É too); role=ID.  A case with no step listed is
# wrong under a filter.  Prints what it checked, and BAD lines.
function fold(s) {
	s = tolower(s)
	gsub(/Å/, "å", s); gsub(/Ä/, "ä", s); gsub(/Ö/, "ö", s)
	gsub(/É/, "é", s)
	return s
}
# The value of "key": in s, without quotes; "" when missing.
function value(s, key,    v) {
	if (!match(s, "\"" key "\": (\"[^\"]*\"|null|true|false)"))
		return ""
	v = substr(s, RSTART + length(key) + 4, RLENGTH - length(key) - 4)
	gsub(/"/, "", v)
	return v
}
function bad(what) {
	print "BAD: " value($0, "case") " " step ": " what
	nbad++
}
{
	cases++
	n = split($0, part, /\{"step": /)
	if (n < 2) {
		step = "-"
		bad("listed without a step")
	}
	for (i = 2; i <= n; i++) {
		steps++
		s = part[i]
		step = substr(s, 2, index(substr(s, 2), "\"") - 1)
		due = value(s, "due")
		late = value(s, "overdue")
		if (overdue && late != "true")
			bad("not overdue")
		if (limit != "" && late != "true" &&
		    (due == "null" || due > limit))
			bad("due " due ", after " limit)
		if (owner != "" && fold(value(s, "name")) != fold(owner))
			bad("owned by someone else")
		if (role != "" && value(s, "role") != role)
			bad("a step of another role")
	}
}
END {
	printf "checked %d cases, %d steps: %s\n", cases, steps,
	    nbad ? nbad " wrong" : "every one passes"
}
