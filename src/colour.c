/* Colour on a terminal: the decision and the SGR codes, in one place. */
#include <stdlib.h>
#include <string.h>

#include "colour.h"
#include "strbuf.h"
#include "term.h"
#include "text.h"

static const char *const codes[] = {
	[COLOUR_HEADING] = "\033[1m",
	[COLOUR_LATE] = "\033[31m",
	[COLOUR_DONE] = "\033[2m",
	[COLOUR_ASIDE] = "\033[2m",
	[COLOUR_SOON] = "\033[33m",
	[COLOUR_OK] = "\033[32m",
	[COLOUR_PROBLEM] = "\033[31m",
	[COLOUR_ERROR] = "\033[1;31m",
	[COLOUR_WARNING] = "\033[33m",
	[COLOUR_NOTE] = "\033[36m",
};

#define RESET	"\033[0m"

static enum color_mode mode = COLOR_AUTO;

void
colour_set_mode(enum color_mode m)
{
	mode = m;
}

int
colour_on(FILE *fp)
{
	const char *no = getenv("NO_COLOR");

	if (mode != COLOR_AUTO)
		return mode == COLOR_ALWAYS;
	if (no != NULL && *no != '\0')
		return 0;
	if (term_dumb())
		return 0;
	return term_isatty(fp);
}

const char *
colour_start(FILE *fp, enum colour c)
{
	return colour_on(fp) ? codes[c] : "";
}

const char *
colour_end(FILE *fp)
{
	return colour_on(fp) ? RESET : "";
}

void
colour_put(FILE *fp, enum colour c, const char *s)
{
	fputs(colour_start(fp, c), fp);
	text_put(fp, s);
	fputs(colour_end(fp), fp);
}

void
colour_escape(struct strbuf *sb, FILE *fp, enum colour c, const char *s)
{
	strbuf_addstr(sb, colour_start(fp, c));
	text_escape(sb, s, strlen(s), 0);
	strbuf_addstr(sb, colour_end(fp));
}
