/*
 * Output of a case's state for people (aligned text in the language of
 * their messages, coloured only on a terminal) and for scripts (JSON
 * Lines, "format": 1, the same in every language).  Everything is written
 * to the FILE given; nothing is allocated that outlives a call.
 * File names and values reach people only through text.h's escapes.
 */
#ifndef RENDER_H
#define RENDER_H

#include <stdio.h>

#include "filter.h"
#include "state.h"
#include "strbuf.h"

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

void	 render_set_color(enum color_mode mode);
/* Whether to colour output to fp: the mode, NO_COLOR, TERM and a tty. */
int	 render_use_color(FILE *fp);

/* The steps that can be done now and pass f (NULL: every one). */
void	 render_next_text(FILE *fp, const struct case_state *st,
	    const struct step_filter *f);
void	 render_next_json(FILE *fp, const struct case_state *st,
	    const struct step_filter *f);
void	 render_status_text(FILE *fp, const struct case_state *st);
void	 render_status_json(FILE *fp, const struct case_state *st);

/*
 * Appends the case's facts and contacts as JSON members, each after a
 * comma: "facts" maps every fact path of sams-case(5) but id and model to
 * its value (true or false for yes-no facts, null when unknown), and
 * "contacts" lists every role of the model with its title and named
 * contact (null when none).  Shared by status and log.
 */
void	 render_facts_json(struct strbuf *sb, const struct case_state *st);
/*
 * What setting the end date changed: who owns the steps of the phase it
 * opened, and what to record (for file, as typed).
 */
void	render_shift_text(FILE *fp, const struct case_state *st,
	    const char *file);

#endif
