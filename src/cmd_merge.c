/*
 * sams merge-file: the git merge driver for case files.  When both sides
 * only added lines to the end of the common version, which is all sams
 * itself ever does, the result is the common version and both sides' new
 * lines, in date order.  Anything else is left to git merge-file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "case.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "sams.h"
#include "strbuf.h"
#include "xalloc.h"
#include "yamlio.h"

static const char usage_merge[] =
    "sams merge-file BASE OURS THEIRS [PATH]\n";

struct line {
	const char	*text;
	size_t		 len;
	long		 date;		/* of the event on it, or the one before */
	int		 side;		/* 0 ours, 1 theirs */
};

/* The date in "- {date: YYYY-MM-DD, ..." or DATE_NONE. */
static long
line_date(const char *s, size_t len)
{
	const char *p = memchr(s, '{', len);
	char buf[11];
	long day;

	if (p == NULL || (size_t)(s + len - p) < 18 ||
	    strncmp(p, "{date: ", 7) != 0)
		return DATE_NONE;
	memcpy(buf, p + 7, 10);
	buf[10] = '\0';
	return date_parse(buf, &day) == 0 ? day : DATE_NONE;
}

/* Splits the text after the common part into lines. */
static size_t
split(const char *s, size_t len, int side, struct line *out, long last)
{
	size_t n = 0, i = 0, start;

	while (i < len) {
		start = i;
		while (i < len && s[i] != '\n')
			i++;
		if (i < len)
			i++;
		out[n].text = s + start;
		out[n].len = i - start;
		out[n].date = line_date(s + start, i - start);
		if (out[n].date == DATE_NONE)
			out[n].date = last;
		last = out[n].date;
		out[n++].side = side;
	}
	return n;
}

static int
compare_lines(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->side != y->side)
		return x->side - y->side;
	return x->text < y->text ? -1 : x->text > y->text;
}

static int
seen(const struct line *lines, size_t n, const struct line *l)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lines[i].len == l->len &&
		    memcmp(lines[i].text, l->text, l->len) == 0)
			return 1;
	return 0;
}

/* Both sides appended to base: base + the union of new lines by date. */
static char *
merge_appends(const char *base, size_t nb, const char *ours, size_t no,
    const char *theirs, size_t nt, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	struct line *lines;
	size_t n, k, i, m;
	long last = DATE_NONE;

	lines = xcalloc(no + nt + 2, sizeof(*lines));
	n = split(ours + nb, no - nb, 0, lines, last);
	k = split(theirs + nb, nt - nb, 1, lines + n, last);
	for (i = 0, m = n; i < k; i++)	/* a line both added counts once */
		if (!seen(lines, n, &lines[n + i]))
			lines[m++] = lines[n + i];
	n = m;
	qsort(lines, n, sizeof(*lines), compare_lines);
	strbuf_add(&sb, base, nb);
	for (i = 0; i < n; i++) {
		strbuf_add(&sb, lines[i].text, lines[i].len);
		if (lines[i].text[lines[i].len - 1] != '\n')
			strbuf_addch(&sb, '\n');
	}
	free(lines);
	return strbuf_detach(&sb, len);
}

/* What git does without a driver: a line merge, conflicts marked. */
static int
git_merge_file(char *argv[])
{
	char *args[] = { (char *)"git", (char *)"merge-file", (char *)"-L",
	    (char *)"ours", (char *)"-L", (char *)"base", (char *)"-L",
	    (char *)"theirs", argv[2], argv[1], argv[3], NULL };
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execvp("git", args);
		_exit(127);
	}
	if (pid == -1 || waitpid(pid, &status, 0) == -1)
		return 2;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

static int
is_prefix(const char *base, size_t nb, const char *s, size_t ns)
{
	return ns >= nb && memcmp(base, s, nb) == 0 &&
	    (nb == 0 || base[nb - 1] == '\n');
}

int
cmd_merge_file(int argc, char *argv[])
{
	char *base = NULL, *ours = NULL, *theirs = NULL, *merged = NULL;
	size_t nb, no, nt, nm;
	struct casefile *c;
	int rc;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0))
		return cli_usage(usage_merge, 1);
	if (argc != 4 && argc != 5)
		return cli_usage(usage_merge, 0);
	if ((rc = file_read(argv[1], YAML_MAX_BYTES, &base, &nb)) != 0 ||
	    (rc = file_read(argv[2], YAML_MAX_BYTES, &ours, &no)) != 0 ||
	    (rc = file_read(argv[3], YAML_MAX_BYTES, &theirs, &nt)) != 0)
		goto out;
	rc = 1;
	if (is_prefix(base, nb, ours, no) && is_prefix(base, nb, theirs, nt)) {
		merged = merge_appends(base, nb, ours, no, theirs, nt, &nm);
		diag_set_sink(NULL, NULL, 1);
		c = case_load(xstrndup(merged, nm), nm, argv[2]);
		diag_set_sink(NULL, NULL, 0);
		if (c != NULL)
			rc = file_replace(argv[2], merged, nm) == 0 ? 0 : 2;
		case_free(c);
	}
	if (rc == 1)
		rc = git_merge_file(argv);
out:
	free(base);
	free(ours);
	free(theirs);
	free(merged);
	return rc;
}
