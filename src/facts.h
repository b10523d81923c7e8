/*
 * The facts a case file can hold (placement type and dates, school change,
 * school form, schools, contacts), addressed by dotted paths such as
 * "placement.end".  The model's conditions and due rules name the same
 * paths.  Everything here is static data; nothing is allocated but what
 * is appended to a caller's strbuf.
 */
#ifndef FACTS_H
#define FACTS_H

#include <stddef.h>

struct strbuf;

enum fact_type {
	FACT_TEXT,
	FACT_DATE,
	FACT_BOOL,
	FACT_CHOICE,
	FACT_YEAR,		/* a year, YYYY */
	FACT_AGE		/* computed from child.born; in conditions a
				   range of ages such as 16-19 */
};

struct fact_def {
	const char		 *path;
	enum fact_type		  type;
	const char *const	 *choices;	/* FACT_CHOICE: NULL-ended */
	const char		 *fallback;	/* value when not given */
	int			  settable;	/* by "sams set" */
	int			  condition;	/* usable in a step's "when" */
	/*
	 * Swedish always, for the machine formats that name facts in
	 * Swedish (the model's JSON, opens_with_text).
	 */
	const char		 *label;
	const char		 *name;		/* English msgid: fact_name() */
};

extern const char *const placement_types[];
extern const char *const school_forms[];

/* The definition for path, or NULL.  "contacts.ROLE" is a text fact. */
const struct fact_def	*fact_lookup(const char *path);
/* Every definition, ended by one whose path is NULL. */
const struct fact_def	*fact_table(void);
/* The fact's name for people, in their language ("placement date"). */
const char		*fact_name(const struct fact_def *def);

/*
 * Whether "sams set KEY=" may clear the fact (make it unknown again): the
 * contacts, the placement's end and the schools.  The others are what a
 * case is about, or have a default that clearing would only disguise.
 */
int	fact_clearable(const struct fact_def *def);

/*
 * Checks that value fits def; on failure returns -1 and sets *why to a
 * static phrase such as "not a date (YYYY-MM-DD)", translated for a
 * message as text_msg() does.
 */
int	fact_check(const struct fact_def *def, const char *value,
	    const char **why);

/*
 * Whether age (whole years) is in range, a FACT_AGE condition value that
 * fact_check() accepted: "7", "16-19", "-17" (up to 17) or "18-" (18 and
 * over).
 */
int	fact_age_in(const char *range, long age);

/* Appends the facts a step's "when" may name, as "a, b or c". */
void	fact_conditions_text(struct strbuf *sb);

#endif
