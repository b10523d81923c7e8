/*
 * A case file (format in sams-case(5)): the facts of one pupil's placement
 * and its history, one event per line.  A struct casefile owns its text,
 * its tree and every string in it; case_free() releases them all.  This
 * module is the format's one owner: it reads a case, appends an event to
 * one and writes a new one, with the same key tables.
 */
#ifndef CASE_H
#define CASE_H

#include <stddef.h>

#include "strbuf.h"
#include "yamlio.h"

#define CASE_FORMAT	"1"
#define CASE_NO_SHIFT	((size_t)-1)

enum event_kind {
	EV_OPENED,
	EV_DONE,
	EV_SKIP,
	EV_REOPEN,
	EV_NOTE,
	EV_SET,
	EV_REPLACE,		/* omplacering: a new placement period */
	EV_COUNT
};

struct event {
	enum event_kind	 kind;
	long		 date;
	const char	*step;		/* done, skip, reopen */
	const char	*by;		/* who recorded it, may be NULL */
	const char	*note;		/* note, or a remark on done */
	const char	*reason;	/* skip, reopen */
	const char	*fact, *value;	/* set */
	size_t		 line, col;
};

/*
 * Where an earlier placement period ended in the file: its first event,
 * the replace event that ended it, and the facts and shift as they stood
 * then.
 */
struct case_span {
	size_t	first, end, nfacts, shift;
};

/* A fact as written: in the header, or by an event; value NULL clears. */
struct fact_value {
	const char	*path, *value;
	size_t		 plen;		/* of path: looked up often */
	size_t		 line, col;
};

struct casefile {
	char		 *text;		/* the file's bytes, owned */
	size_t		  len;
	char		 *name;
	struct ydoc	  doc;
	const char	 *id, *model;
	struct fact_value *facts;	/* header facts, then set events */
	size_t		  nfacts;
	struct event	 *events;
	size_t		  nevents;
	size_t		  period;	/* first event of the current placement */
	size_t		  shift;	/* facts before the schools shifted, or
					   CASE_NO_SHIFT */
	size_t		  nperiods;	/* placements: 1 + replace events */
	struct case_span *spans;	/* the nperiods - 1 that ended */
	size_t		  item_col;	/* column of history items, 1-based */
	int		  appendable;	/* history is last and in block style */
};

/*
 * Parses a case from text (which the case takes over), reporting every
 * problem against name.  Returns NULL if anything was wrong.
 */
struct casefile	*case_load(char *text, size_t len, const char *name);
void		 case_free(struct casefile *c);

/*
 * Fills view with placement period k of c (k < nperiods) as it stood
 * when it ended: its events, the facts then and its shift, so that
 * state_compute() on it gives that placement's state; the current period
 * for the last.  The view borrows everything from c: never case_free() it.
 */
void		 case_period(const struct casefile *c, size_t k,
		    struct casefile *view);

/* The current value of a fact: the last set, the header, or a default. */
const char	*case_fact(const struct casefile *c, const char *path);
/*
 * The value a fact had before the schools' roles shifted at the end of
 * the placement (see sams-case(5)); case_fact() when they have not.
 */
const char	*case_fact_before_shift(const struct casefile *c,
		    const char *path);
/* Where the current value of a fact was written, or NULL if it was not. */
const struct fact_value *case_fact_source(const struct casefile *c,
		    const char *path);
/* Like case_fact() for a date; DATE_NONE when unknown. */
long		 case_fact_date(const struct casefile *c, const char *path);
/* The date the case was opened: its first event's date. */
long		 case_opened(const struct casefile *c);

/* What the reader makes of a key at the top of a case file. */
enum case_key {
	CASE_KEY_UNKNOWN,	/* kept as written, never read */
	CASE_KEY_READ,		/* id, model, contacts, history ... */
	CASE_KEY_FACTS		/* a group of facts: placement, school */
};

/*
 * The keys the reader knows, from the tables it reads with, so that
 * "sams check" warns about exactly the others.
 */
enum case_key	 case_top_key(const char *key);
/* Whether an event may have key (date, event, step ...). */
int		 case_event_key(const char *key);

/* The keyword of an event kind in files ("done"); do not free. */
const char	*event_kind_name(enum event_kind kind);

/*
 * Returns the new file contents with ev appended as one history line, or
 * NULL after reporting why the file cannot be appended to.  The caller
 * frees the result; *len gets its length.
 */
char		*case_append(const struct casefile *c, const struct event *ev,
		    size_t *len);

/* One contact of a new case: a role id and the name of a person. */
struct case_contact {
	const char	*role, *name;
};

/*
 * The facts a new case starts with; NULL for a value not given.  Every
 * string is borrowed: nothing here is freed by case.c.
 */
struct case_header {
	const char			*id, *model;
	const char			*type, *placement_date;
	int				 acute, other_municipality, lvu;
	const char			*born;
	int				 protected_data;
	int				 school_change;
	int				 no_change_at_end;
	const char			*form, *sending, *receiving;
	const struct case_contact	*contacts;
	size_t				 ncontacts;
};

/*
 * The text of a new case file: h's facts, then a history that holds the
 * one event opened.  Every value is written through case_quote(), so what
 * the command line lets through (cli_line(): no newline or control) reads
 * back as given.  The caller frees the result; *len gets its length.
 */
char		*case_new_text(const struct case_header *h,
		    const struct event *opened, size_t *len);

/* Appends s to sb as a YAML value, double-quoted unless it is plain. */
void		 case_quote(struct strbuf *sb, const char *s);

#endif
