/*
 * Follow-up figures over many cases (sams stats, and the charts of the
 * HTML page): days to school start, steps done on time, overdue and
 * missed steps, and counts, over the placements that overlap a period.
 * Every figure is defined in sams(1).  stats_add() is given one case's
 * computed state at a time and keeps counts per group, never the case
 * nor a number per placement (the distributions are counts per day), so
 * its memory does not grow with the cases, but for the files --list
 * names; struct stats owns its tables and arrays, stats_release() frees
 * them.  After stats_finish() every field below is plain data for
 * a writer to read.
 */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>
#include <stdio.h>

#include "state.h"

enum stats_by {
	STATS_BY_NONE,
	STATS_BY_TYPE,		/* placement.type of the placement */
	STATS_BY_FORM,		/* school.form of the placement */
	STATS_BY_PHASE,		/* the case's phase today */
	STATS_BY_MONTH		/* YYYY-MM of the placement date */
};

enum stats_format {
	STATS_TEXT,
	STATS_JSON,
	STATS_CSV,
	STATS_XLSX
};

/*
 * A count, and how many distinct cases it counts (--aggregate hides a
 * count of fewer than min_cell cases: hidden).
 */
struct stats_cell {
	size_t	value, cases;
	size_t	last;		/* the case counted last, by serial */
	int	hidden;
};

/* A distribution of days; n 0: empty, the rest meaningless. */
struct stats_dist {
	size_t	n;
	double	median;		/* of an even n the mean of the middle two */
	long	p90;		/* nearest rank: the value at ceil(0.9 n) */
	long	max;
};

/* Waits counted day by day below this; longer ones one by one. */
#define STATS_DENSE_DAYS	4096

/*
 * How many values there are of each whole number of days: count[d] of d
 * days, for d below len (at most STATS_DENSE_DAYS); the rare values of
 * more days (a date decades off) in far, one each, sorted when read; n
 * in all.  Its memory does not grow with the cases, and a case with
 * absurd dates cannot make it large.
 */
struct stats_hist {
	size_t	*count;
	size_t	 len, n;
	long	*far;
	size_t	 nfar, capfar;
	int	 unsorted;	/* far was added to since it was sorted */
};

/*
 * One group of a table: a role, step, person, placement type, school
 * form, phase or --by group.  Each table uses the cells it needs.
 */
struct stats_row {
	char			*key;	/* id, name or value; "" unknown */
	char			*match;	/* key as looked up, or NULL: key */
	char			*title;	/* Swedish, roles/steps/phases; or NULL */
	size_t			 model, pos;	/* for the order */
	struct stats_cell	 base;	/* the cases counted in any cell */
	struct stats_cell	 cases, placements, acute, replaced;
	/* days to school: n = started + open + ended (without a start) */
	struct stats_cell	 n, started, open, ended, over;
	struct stats_cell	 done, on_time, late;
	struct stats_cell	 overdue, missed;
	struct stats_hist	 waits, lates;	/* days to school, days late */
	struct stats_dist	 days, late_days;	/* stats_finish() */
};

struct stats_table {
	struct stats_row	*rows;
	size_t			 n, cap;
	size_t			*slots;	/* hash of keys: row + 1, 0 empty */
	size_t			 nslots;
};

enum stats_tab {
	TAB_TOTAL, TAB_ROLES, TAB_STEPS, TAB_PERSONS, TAB_TYPES, TAB_FORMS,
	TAB_PHASES, TAB_BY, TAB_COUNT
};

struct stats {
	/* settings */
	long			 from, to, today, limit;
	enum stats_by		 by;
	int			 aggregate;
	size_t			 min_cell;
	/* results */
	struct stats_row	 total;		/* cells and distribution */
	struct stats_table	 tabs[TAB_COUNT];	/* not TAB_TOTAL */
	/* --list */
	const struct stats_figure *list;
	const char		*list_group;
	char			**files;
	long			*file_days;	/* for the max */
	size_t			 nfiles, capfiles;
	/* bookkeeping */
	size_t			 serial;	/* of the case being added */
	const void		**models;	/* as first seen, for order */
	size_t			 nmodels;
};

/* What a figure is: a count, or computed from the cells at the end. */
enum stats_kind {
	FIG_COUNT, FIG_RATE, FIG_MEDIAN, FIG_P90, FIG_MAX, FIG_LATE_MEDIAN,
	FIG_LIMIT
};

/* A figure as named in CSV and by --list: "on_time.by_role.rate". */
struct stats_figure {
	const char	*name;		/* "by.%s..." for the --by table */
	enum stats_tab	 tab;
	size_t		 cell;		/* offset of the cell in the row */
	enum stats_kind	 kind;
	size_t		 shown;		/* a row is shown when this cell is
					   not 0 (tables but --by) */
};

/* Every figure, ended by one whose name is NULL. */
extern const struct stats_figure stats_figures[];

/* The first day of the default period: a year up to to, to included. */
long	stats_default_from(long to);
/* Starts with the period and today; limit 7 days, no --by. */
void	stats_init(struct stats *s, long from, long to, long today);
/*
 * Makes stats keep the case files behind one figure, "NAME" or
 * "NAME=GROUP".  Returns -1 after reporting (usage) an unknown figure,
 * with the nearest names, or one that counts no cases (the limit).
 */
int	stats_list(struct stats *s, const char *figure);
/* Adds the placements of a case whose current state is st. */
void	stats_add(struct stats *s, const struct case_state *st);
/* Sorts, computes the distributions and, aggregated, hides small cells. */
void	stats_finish(struct stats *s);
void	stats_release(struct stats *s);

/* Counts one more value of days (0 or more) in h. */
void	stats_hist_add(struct stats_hist *h, long days);
/*
 * The median of h's values (n > 0): the middle value, or the mean of the
 * middle two.  Sorts h's far values.
 */
double	stats_median(struct stats_hist *h);
/* The nearest-rank 90th percentile of h's values (n > 0); sorts too. */
long	stats_p90(struct stats_hist *h);
void	stats_hist_release(struct stats_hist *h);

/* The number a figure has in row; -1 when it has none (null). */
double	stats_value(const struct stats *s, const struct stats_figure *f,
	    const struct stats_row *row);
/* A rate as a whole percent, half up: as the text and the page show it. */
long	stats_percent(double rate);
/* v as people read it: whole, or one decimal ("5.5"; "5,5" in Swedish). */
void	stats_number(double v, char buf[32]);
/* Whether row is hidden for figure f (--aggregate). */
int	stats_hidden(const struct stats *s, const struct stats_figure *f,
	    const struct stats_row *row);
/* f's name in buf, by.KEY.* with the --by key. */
void	stats_figure_name(const struct stats *s, const struct stats_figure *f,
	    char buf[96]);
/* The name of the --by key ("type"), or NULL. */
const char *stats_by_name(enum stats_by by);

/*
 * Writes the figures; or with --list, the files one a line.  0, or -1
 * after reporting that the workbook could not be made (FAIL_IO).
 */
int	stats_print(const struct stats *s, enum stats_format fmt, FILE *out);

#endif
