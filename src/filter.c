/* Selecting the steps a listing shows, and comparing people's names. */
#include <string.h>

#include "date.h"
#include "filter.h"
#include "strbuf.h"
#include "text.h"

/* A code point that no valid character has: an invalid byte b. */
#define RAW_BYTE(b)	(0x80000000UL | (b))

/*
 * Lower case for what Swedish names need: ASCII, and Latin-1's capitals
 * (U+00C0 to U+00DE but the multiplication sign), which hold Å, Ä, Ö, É
 * and the other letters of European names.
 */
static unsigned long
fold(unsigned long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	return cp;
}

/* The next character of s[0..n), folded; *len its length in bytes. */
static unsigned long
next_folded(const char *s, size_t n, size_t *len)
{
	unsigned long cp;

	if (text_next(s, n, len, &cp) == TEXT_INVALID)
		return RAW_BYTE(cp);
	return fold(cp);
}

int
name_equal(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), la, lb;

	while (na > 0 && nb > 0) {
		if (next_folded(a, na, &la) != next_folded(b, nb, &lb))
			return 0;
		a += la;
		na -= la;
		b += lb;
		nb -= lb;
	}
	return na == 0 && nb == 0;
}

static void
add_utf8(struct strbuf *sb, unsigned long cp)
{
	if (cp & RAW_BYTE(0))
		strbuf_addch(sb, (char)(cp & 0xff));
	else if (cp < 0x80)
		strbuf_addch(sb, (char)cp);
	else if (cp < 0x800) {
		strbuf_addch(sb, (char)(0xc0 | cp >> 6));
		strbuf_addch(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addch(sb, (char)(0xe0 | cp >> 12));
		strbuf_addch(sb, (char)(0x80 | (cp >> 6 & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addch(sb, (char)(0xf0 | cp >> 18));
		strbuf_addch(sb, (char)(0x80 | (cp >> 12 & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | (cp >> 6 & 0x3f)));
		strbuf_addch(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

void
name_fold(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s), len;

	for (; n > 0; s += len, n -= len)
		add_utf8(sb, next_folded(s, n, &len));
}

int
filter_active(const struct step_filter *f)
{
	return f != NULL && (f->role != NULL || f->owner != NULL ||
	    f->overdue || f->due_within >= 0);
}

int
filter_step(const struct step_filter *f, const struct case_state *st,
    size_t i)
{
	const struct step_status *ss = &st->steps[i];
	const char *name;

	if (!ss->ready)
		return 0;
	if (f == NULL)
		return 1;
	if (f->role != NULL &&
	    strcmp(st->m->roles[state_owner_role(st, i)].id, f->role) != 0)
		return 0;
	if (f->owner != NULL && ((name = state_owner(st, i)) == NULL ||
	    !name_equal(name, f->owner)))
		return 0;
	if (f->overdue && !ss->overdue)
		return 0;
	/* An overdue step is due within any number of days. */
	if (f->due_within >= 0 && !ss->overdue && (ss->due == DATE_NONE ||
	    ss->due > st->today + f->due_within))
		return 0;
	return 1;
}
