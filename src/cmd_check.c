/* sams check: validate case and model files, reporting every problem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "find.h"
#include "folder.h"
#include "json.h"
#include "lint.h"
#include "mergedriver.h"
#include "modelset.h"
#include "sams.h"
#include "strbuf.h"
#include "walk.h"
#include "xalloc.h"
#include "yamlio.h"

static const char usage_check[] =
    "sams check [--format text|json] [--files0-from FILE] [--today DATE]\n"
    "           PATH...\n";

static const struct cli_opt_help check_opts[] = {
	{ OPT_FORMAT, NULL, N_("text (the default) or json: one object a "
	    "file, its problems listed") },
	{ 0, NULL, NULL }
};

const struct cli_help help_check = {
	usage_check,
	N_("validate case and model files"),
	check_opts,
	"sams check arenden/\n"
	"sams check --format json arenden/k7q2.yml arenden/.sams/local.yml\n"
};

/* The problems --format json collects for one file. */
struct problems {
	char		*file;
	struct strbuf	 buf;
	size_t		 n;
	size_t		 nbad;		/* not counting information */
};

/*
 * What --format json collects while one file is checked: its own problems,
 * and those of other files it made us read (an untrusted .sams/local.yml,
 * the folder whose merge driver is missing), each under its own name.
 */
struct collected {
	const char	*path;		/* the file being checked */
	struct problems	 own;
	struct problems	*others;
	size_t		 nothers;
};

static struct problems *
problems_of(struct collected *c, const char *file)
{
	size_t i;

	if (file == NULL || strcmp(file, c->path) == 0)
		return &c->own;
	for (i = 0; i < c->nothers; i++)
		if (strcmp(c->others[i].file, file) == 0)
			return &c->others[i];
	c->others = xreallocarray(c->others, c->nothers + 1,
	    sizeof(*c->others));
	memset(&c->others[c->nothers], 0, sizeof(*c->others));
	strbuf_init(&c->others[c->nothers].buf);
	c->others[c->nothers].file = xstrdup(file);
	return &c->others[c->nothers++];
}

static void
collect(enum diag_level level, const char *file, size_t line, size_t col,
    const char *msg, void *arg)
{
	static const char *const levels[] = {
		"note", "info", "warning", "error"
	};
	struct problems *p = problems_of(arg, file);

	if (level > DIAG_INFO)
		p->nbad++;
	strbuf_addf(&p->buf, "%s{\"line\": %zu, \"column\": %zu, "
	    "\"level\": \"%s\", \"message\": ", p->n++ ? ", " : "", line, col,
	    levels[level]);
	json_string(&p->buf, msg);
	strbuf_addch(&p->buf, '}');
}

/* Whether text is a model file: its top level has "sams-model:". */
static int
is_model(const char *text)
{
	return strncmp(text, "sams-model:", 11) == 0 ||
	    strstr(text, "\nsams-model:") != NULL;
}

/*
 * Once a folder, what a case in it does not show: whether git can merge
 * path's case folder (or, outside one, its folder) without losing a side
 * (git runs two commands), and whether the folder's .sams/config.yml,
 * which only new reads, is YAML.  A folder that may not be trusted was
 * reported when the case was opened (trusted 0): not again.
 */
static char *driver_checked;	/* the last folder asked about */

static void
check_folder_once(const char *path, int trusted)
{
	const char *folder = folder_find(path), *slash = strrchr(path, '/');
	char *key, *model;

	if (folder != NULL)
		key = xstrdup(folder);
	else
		key = slash != NULL ? xstrndup(path, (size_t)(slash - path)) :
		    xstrdup(".");
	if (driver_checked != NULL && strcmp(driver_checked, key) == 0) {
		free(key);
		return;
	}
	free(driver_checked);
	driver_checked = key;
	mergedriver_check(path, folder);
	if (folder != NULL && trusted &&
	    folder_default_model(folder, &model) == 0)
		free(model);
}

/*
 * The ids of the cases checked so far, hashed without regard to case as
 * find_same_id() compares them: two files with one id make "sams next ID"
 * ambiguous, so the second is a finding that names the first.
 */
struct id_seen {
	char	*id, *path;
};
static struct id_seen	*ids_seen;
static size_t		 ids_n, ids_cap;	/* cap: a power of two */

static size_t
id_hash(const char *id)
{
	size_t h = 2166136261u;

	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)(*id >= 'A' && *id <= 'Z' ?
		    *id - 'A' + 'a' : *id)) * 16777619u;
	return h;
}

static void
ids_grow(void)
{
	struct id_seen *old = ids_seen;
	size_t i, k, cap = ids_cap;

	ids_cap = cap ? cap * 2 : 1024;
	ids_seen = xcalloc(ids_cap, sizeof(*ids_seen));
	for (i = 0; i < cap; i++) {
		if (old[i].id == NULL)
			continue;
		for (k = id_hash(old[i].id) & (ids_cap - 1);
		    ids_seen[k].id != NULL; k = (k + 1) & (ids_cap - 1))
			;
		ids_seen[k] = old[i];
	}
	free(old);
}

static void
check_unique_id(const char *path, const char *id)
{
	size_t k;

	if (id == NULL)
		return;
	if (2 * (ids_n + 1) > ids_cap)
		ids_grow();
	for (k = id_hash(id) & (ids_cap - 1); ids_seen[k].id != NULL;
	    k = (k + 1) & (ids_cap - 1))
		if (find_same_id(ids_seen[k].id, id)) {
			error_at(path, 0, 0, "has the same id as %s; an id "
			    "must name one case ('sams next ID'): give one "
			    "of them another id", ids_seen[k].path);
			return;
		}
	ids_seen[k].id = xstrdup(id);
	ids_seen[k].path = xstrdup(path);
	ids_n++;
}

static void
ids_forget(void)
{
	size_t i;

	for (i = 0; i < ids_cap; i++) {
		free(ids_seen[i].id);
		free(ids_seen[i].path);
	}
	free(ids_seen);
	ids_seen = NULL;
	ids_n = ids_cap = 0;
}

/*
 * Reads the file to check, and a folder's settings in .sams/ as the other
 * commands read them: refused (FAIL_NOPERM) when they may not be trusted.
 * 0, or -1 after reporting.
 */
static int
read_input(const char *path, char **text, size_t *len)
{
	static const char *const tails[] = { ".sams/local.yml",
	    ".sams/config.yml" };
	size_t i, n = strlen(path), t = 0;
	char *folder;
	int rc;

	for (i = 0; i < sizeof(tails) / sizeof(*tails) && t == 0; i++) {
		t = strlen(tails[i]);
		if (n < t || strcmp(path + n - t, tails[i]) != 0 ||
		    (n > t && path[n - t - 1] != '/'))
			t = 0;
	}
	if (t == 0)
		return file_read(path, YAML_MAX_BYTES, text, len);
	folder = n == t ? xstrdup(".") : n == t + 1 ? xstrdup("/") :
	    xstrndup(path, n - t - 1);
	rc = folder_read(folder, path + n - t + 6, text, len);
	free(folder);
	if (rc == 0 && *text == NULL)	/* gone: say so as for any file */
		rc = file_read(path, YAML_MAX_BYTES, text, len);
	return rc;
}

/*
 * The exit status of a file that failed to be read or opened: 66 if it
 * could not be read, 77 if its folder's settings may not be trusted; any
 * other failure is a finding (0 here).
 */
static int
unchecked(void)
{
	enum diag_fail kind = diag_failure();

	return kind == FAIL_NOINPUT || kind == FAIL_NOPERM ?
	    cli_exit_status(kind) : 0;
}

/*
 * Checks one file; returns 66 if it could not be read, 77 if its folder's
 * settings may not be trusted, else 0.
 */
static int
check_file(const char *path)
{
	struct opened o;
	struct ydoc doc;
	struct model *m;
	char *text, *base;
	size_t len;
	int rc;

	if (read_input(path, &text, &len) != 0)
		return unchecked();
	if (is_model(text)) {
		m = model_load(text, len, path);
		model_free(m);
		return 0;
	}
	if (strncmp(text, "sams-config:", 12) == 0 ||
	    strstr(text, "\nsams-config:") != NULL) {
		/* A folder's settings, not a case: read as new reads them. */
		ydoc_parse(&doc, path, text, len);
		ydoc_release(&doc);
		free(text);
		return 0;
	}
	if (strncmp(text, "sams-local:", 11) == 0 ||
	    strstr(text, "\nsams-local:") != NULL) {
		/* A malformed config.yml is a finding here: check on. */
		rc = folder_default_model(folder_find(path), &base);
		if (rc != 0 && diag_failure() != FAIL_DATA) {
			free(text);
			return unchecked();
		}
		m = model_load_local(text, len, path, base != NULL ? base :
		    "sams");
		model_free(m);
		free(base);
		return 0;
	}
	rc = case_open_text(text, len, path, &o);
	if (rc == 0) {
		lint_case(o.c, o.m, cli_today());
		check_unique_id(path, o.c->id);
	} else
		rc = diag_failure() == FAIL_NOPERM ? SAMS_EXIT_NOPERM : 0;
	opened_close(&o);
	check_folder_once(path, rc != SAMS_EXIT_NOPERM);
	return rc;
}

static void
print_record(const char *path, struct problems *p, int ok)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addstr(&line, "{\"format\": 1, \"file\": ");
	json_string(&line, path);
	strbuf_addf(&line, ", \"ok\": %s, \"problems\": [%s]}\n",
	    ok ? "true" : "false", p->buf.buf);
	fputs(line.buf, stdout);
	strbuf_release(&line);
	strbuf_release(&p->buf);
	p->n = p->nbad = 0;
}

/*
 * The records of the other files first, then the checked file's; a file
 * left unchecked because its folder's settings may not be trusted says
 * so, for its problem is filed under the settings.
 */
static void
print_json(struct collected *c, int rc)
{
	size_t i;

	for (i = 0; i < c->nothers; i++) {
		print_record(c->others[i].file, &c->others[i],
		    c->others[i].nbad == 0);
		free(c->others[i].file);
	}
	free(c->others);
	c->others = NULL;
	c->nothers = 0;
	if (rc == SAMS_EXIT_NOPERM && c->own.nbad == 0) {
		c->own.nbad++;
		if (c->own.n++ > 0)
			strbuf_addstr(&c->own.buf, ", ");
		strbuf_addstr(&c->own.buf, "{\"line\": 0, \"column\": 0, "
		    "\"level\": \"error\", \"message\": \"not checked: the "
		    "settings of its folder may not be trusted\"}");
	}
	print_record(c->path, &c->own, c->own.nbad == 0);
}

static int
check_all(struct pathlist *files, enum cli_format format)
{
	struct collected c;
	size_t i, before;
	int rc, worst = 0;

	memset(&c, 0, sizeof(c));
	strbuf_init(&c.own.buf);
	if (format == FORMAT_JSON) {
		diag_set_sink(collect, &c, 1);
		i18n_machine(1);	/* JSON messages stay English */
	}
	for (i = 0; i < files->n; i++) {
		c.path = files->paths[i];
		before = diag_count(DIAG_ERROR) + diag_count(DIAG_WARNING);
		rc = check_file(files->paths[i]);
		if (format == FORMAT_JSON)
			print_json(&c, rc);
		if (rc == 0 && diag_count(DIAG_ERROR) +
		    diag_count(DIAG_WARNING) > before)
			rc = SAMS_EXIT_FINDINGS;
		if (rc > worst)		/* 1, then 66, then 77 */
			worst = rc;
	}
	diag_set_sink(NULL, NULL, 0);
	i18n_machine(0);
	free(driver_checked);
	driver_checked = NULL;
	ids_forget();
	return worst;
}

struct check_opts {
	enum cli_format	 format;
	const char	*files0;
};

static enum cli_parsed
check_option(int opt, char *arg, void *ctx)
{
	struct check_opts *o = ctx;

	if (opt == OPT_FORMAT)
		return cli_format(arg, &o->format);
	o->files0 = arg;	/* OPT_FILES0 */
	return CLI_GO;
}

int
cmd_check(int argc, char *argv[])
{
	static const int options[] = { OPT_FILES0, OPT_FORMAT, 0 };
	struct pathlist files = PATHLIST_INIT;
	struct check_opts o = { FORMAT_TEXT, NULL };
	enum cli_parsed parsed;
	int worst, rc;

	parsed = cli_parse(argc, argv, usage_check, options, check_option,
	    &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if (optind >= argc && o.files0 == NULL)
		return cli_usage(usage_check, 0);
	worst = cli_paths(&files, o.files0, argc - optind, argv + optind);
	rc = check_all(&files, o.format);
	pathlist_free(&files);
	return rc > worst ? rc : worst;	/* a status of a file, or 66 */
}
