/*
 * sams doctor: whether this sams and a case folder are set up to work:
 * the binary, the models, the folder's settings and whether they may be
 * trusted, the git merge driver, the locale and the catalogue.  One line
 * per check; a problem comes with the command that fixes it, and makes
 * the exit status 1.  What the modules below report while checking is
 * caught and shown as the problem's line, on standard output.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "folder.h"
#include "i18n.h"
#include "mergedriver.h"
#include "modelset.h"
#include "sams.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static const char usage_doctor[] = "sams doctor [DIR]\n";
static const int doctor_opts[] = { 0 };

const struct cli_help help_doctor = {
	usage_doctor,
	N_("check this sams and a case folder"),
	NULL,
	"sams doctor\n"
	"sams doctor arenden/\n"
};

/* A file name git's attributes are asked about: a case file in the folder. */
#define PROBE	"sams-doctor.yml"

struct doctor {
	const char	*dir;		/* the folder asked about */
	char		*dir_copy;	/* dir, when it was trimmed */
	char		*folder;	/* its case folder, or NULL */
	struct strbuf	 said;		/* what the modules reported, escaped */
	int		 problems;
	int		 models_ok;	/* local.yml can be tried on them */
};

/* A report from below, kept as a problem's line: "FILE: MESSAGE". */
static void
caught(enum diag_level level, const char *file, size_t line, size_t col,
    const char *msg, void *arg)
{
	struct strbuf *said = arg;

	(void)level;
	(void)line;
	(void)col;
	if (said->len > 0)
		strbuf_addstr(said, "; ");
	if (file != NULL) {
		diag_escape(said, file, strlen(file));
		strbuf_addstr(said, ": ");
	}
	strbuf_addstr(said, msg);
}

/* From here to catch_stop(), what is reported goes to d->said, not stderr. */
static void
catch_start(struct doctor *d)
{
	strbuf_reset(&d->said);
	diag_reset();
	diag_set_sink(caught, &d->said, 1);
}

static void
catch_stop(void)
{
	diag_set_sink(NULL, NULL, 0);
}

/* A result word, padded so the checks line up. */
static void
result(const char *word)
{
	size_t w = text_width(word);

	fputs(word, stdout);
	printf("%*s", w < 8 ? (int)(9 - w) : 1, "");
}

static void
ok(const char *text)
{
	/* TRANSLATORS: a check of sams doctor that passed; at most 8 letters. */
	result(_("ok"));
	text_put(stdout, text);
	putchar('\n');
}

static void
problem(struct doctor *d, const char *text, const char *fix)
{
	struct strbuf sb = STRBUF_INIT;

	d->problems++;
	/* TRANSLATORS: a check of sams doctor that failed; at most 8 letters. */
	result(_("problem"));
	text_put(stdout, text);
	putchar('\n');
	strbuf_addf(&sb, _("fix: %s"), fix);
	result("");
	text_put(stdout, sb.buf);
	putchar('\n');
	strbuf_release(&sb);
}

/* Appends s quoted for the shell, so a fix can be pasted as it is. */
static void
add_quoted(struct strbuf *sb, const char *s)
{
	if (s[strcspn(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~=%")] == '\0' &&
	    *s != '\0') {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			strbuf_addstr(sb, "'\\''");
		else
			strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '\'');
}

static void
check_binary(void)
{
	struct strbuf sb = STRBUF_INIT;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	exe[n > 0 ? n : 0] = '\0';
	strbuf_addf(&sb, _("program: %s, version %s"), n > 0 ? exe : "?",
	    SAMS_VERSION);
	ok(sb.buf);
	strbuf_release(&sb);
}

static int
is_model_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 4 && e->d_name[0] != '.' &&
	    strcmp(e->d_name + n - 4, ".yml") == 0;
}

/* Each model of the --phases folder loads; the ids that did in ids. */
static void
check_model_dir(struct doctor *d, const char *dir, struct strbuf *ids)
{
	struct strbuf sb = STRBUF_INIT, fix = STRBUF_INIT;
	const struct model *m;
	struct dirent **names;
	const char *env = getenv("SAMS_PHASES");
	char *id;
	int i, n, rc;

	if ((n = scandir(dir, &names, is_model_file, alphasort)) == -1) {
		strbuf_addf(&sb, _("models: the folder %s cannot be read"),
		    dir);
		problem(d, sb.buf, env != NULL && strcmp(env, dir) == 0 ?
		    "unset SAMS_PHASES" : _("leave out --phases"));
		goto out;
	}
	if (n == 0) {
		strbuf_addf(&sb, _("models: the folder %s holds no models "
		    "(no .yml file)"), dir);
		problem(d, sb.buf, env != NULL && strcmp(env, dir) == 0 ?
		    "unset SAMS_PHASES" : _("leave out --phases"));
	}
	for (i = 0; i < n; i++) {
		id = xstrndup(names[i]->d_name, strlen(names[i]->d_name) - 4);
		catch_start(d);
		rc = model_get(id, &m);
		catch_stop();
		if (rc == 0 && m != NULL)
			strbuf_addf(ids, "%s%s", ids->len > 0 ? ", " : "", id);
		else if (rc != 0) {
			strbuf_reset(&fix);
			strbuf_addstr(&fix, "sams check ");
			add_quoted(&fix, dir);
			strbuf_addf(&fix, "/%s", names[i]->d_name);
			problem(d, d->said.buf, fix.buf);
		}
		free(id);
		free(names[i]);
	}
	free(names);
out:
	strbuf_release(&sb);
	strbuf_release(&fix);
}

static void
check_models(struct doctor *d)
{
	struct strbuf sb = STRBUF_INIT, ids = STRBUF_INIT;
	const char *dir = model_get_dir();
	size_t i;

	d->models_ok = 1;
	if (dir != NULL) {
		check_model_dir(d, dir, &ids);
		d->models_ok = d->problems == 0;
		if (ids.len > 0) {
			strbuf_addf(&sb, _("models: from %s (%s)"), dir,
			    ids.buf);
			ok(sb.buf);
		}
	} else {
		for (i = 0; builtin_model_ids[i] != NULL; i++)
			strbuf_addf(&ids, "%s%s", i > 0 ? ", " : "",
			    builtin_model_ids[i]);
		strbuf_addf(&sb, _("models: built in (%s)"), ids.buf);
		ok(sb.buf);
	}
	strbuf_release(&sb);
	strbuf_release(&ids);
}

/*
 * The commands that make the folder's settings trusted: chmod go-w for
 * what others may change, chown for what others own.  Links are left to
 * SECURITY in sams(1).  Returns whether it named commands.
 */
static int
trust_fix(struct strbuf *fix, const char *folder)
{
	static const char *const names[] = { ".sams", ".sams/config.yml",
	    ".sams/local.yml" };
	struct strbuf chmod = STRBUF_INIT, chown = STRBUF_INIT;
	struct passwd *pw = getpwuid(geteuid());
	struct stat st;
	char *path;
	size_t i;
	int named;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		path = xasprintf("%s/%s", folder, names[i]);
		if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode)) {
			if (st.st_mode & (S_IWGRP | S_IWOTH)) {
				strbuf_addch(&chmod, ' ');
				add_quoted(&chmod, path);
			}
			if (st.st_uid != geteuid() && st.st_uid != 0) {
				strbuf_addch(&chown, ' ');
				add_quoted(&chown, path);
			}
		}
		free(path);
	}
	if (chown.len > 0 && pw != NULL)
		strbuf_addf(fix, "chown %s%s", pw->pw_name, chown.buf);
	else if (chown.len > 0)
		strbuf_addf(fix, "chown %lu%s", (unsigned long)geteuid(),
		    chown.buf);
	if (chmod.len > 0)
		strbuf_addf(fix, "%schmod go-w%s", fix->len > 0 ? " && " : "",
		    chmod.buf);
	named = fix->len > 0;
	if (!named)
		strbuf_addstr(fix, _("see SECURITY in sams(1)"));
	strbuf_release(&chmod);
	strbuf_release(&chown);
	return named;
}

/*
 * A settings file that was not read: the fix for a folder that may not
 * be trusted, or sams check on the file.  The reason why a folder is not
 * trusted ends with "; fix with ..." for the commands that met it; here
 * the fix line says exactly what to run, so that tail is left out.
 */
static void
settings_problem(struct doctor *d, const char *path)
{
	struct strbuf fix = STRBUF_INIT;
	char *tail;

	if (diag_failure() == FAIL_NOPERM) {
		if (trust_fix(&fix, d->folder) &&
		    (tail = strrchr(d->said.buf, ';')) != NULL) {
			d->said.len = (size_t)(tail - d->said.buf);
			*tail = '\0';
		}
	} else {
		strbuf_addstr(&fix, "sams check ");
		add_quoted(&fix, path);
	}
	problem(d, d->said.buf, fix.buf);
	strbuf_release(&fix);
}

/* config.yml read, and its model is there (or not to be tried). */
static void
config_ok(const char *config, const char *model)
{
	struct strbuf sb = STRBUF_INIT;

	if (access(config, F_OK) == 0)
		strbuf_addf(&sb, _("%s: trusted, default model %s"), config,
		    model);
	else
		strbuf_addf(&sb, _("%s: none, default model %s"), config,
		    model);
	ok(sb.buf);
	strbuf_release(&sb);
}

/*
 * The folder's default model and .sams/local.yml on top of it: config.yml
 * is ok only once its model is known to exist, so that no file gets both
 * an ok and a problem line.
 */
static void
check_local(struct doctor *d, const char *config, const char *model)
{
	struct strbuf sb = STRBUF_INIT, fix = STRBUF_INIT;
	const struct model *m;
	char *path = xasprintf("%s/.sams/local.yml", d->folder);
	int rc;

	catch_start(d);
	rc = model_get_in(model, d->folder, &m);
	catch_stop();
	if (rc == 0 && m == NULL) {
		strbuf_addf(&sb, _("%s: there is no model %s"), config, model);
		strbuf_addf(&fix, _("name a model that exists as model: in "
		    "%s"), config);
		problem(d, sb.buf, fix.buf);
		goto out;
	}
	config_ok(config, model);
	if (rc != 0)
		settings_problem(d, path);
	else {
		if (access(path, F_OK) == 0)
			strbuf_addf(&sb, _("%s: trusted, on top of the model "
			    "%s"), path, model);
		else
			strbuf_addf(&sb, _("%s: none, the model %s as it is"),
			    path, model);
		ok(sb.buf);
	}
out:
	strbuf_release(&sb);
	strbuf_release(&fix);
	free(path);
}

static void
check_folder(struct doctor *d)
{
	struct strbuf sb = STRBUF_INIT;
	char *probe = xasprintf("%s/%s", d->dir, PROBE), *model = NULL, *path;
	const char *found = folder_find(probe);
	int rc;

	free(probe);
	if (found == NULL) {
		/* Nothing here for the other checks: no fix to give. */
		strbuf_addf(&sb, _("case folder: none at or above %s (no "
		    ".sams folder); sams looks for one in the folder of each "
		    "case file and above it: run sams doctor on a case "
		    "folder"), d->dir);
		ok(sb.buf);
		strbuf_release(&sb);
		return;
	}
	d->folder = xstrdup(found);
	strbuf_addf(&sb, _("case folder: %s"), d->folder);
	ok(sb.buf);
	path = xasprintf("%s/.sams/config.yml", d->folder);
	catch_start(d);
	rc = folder_default_model(d->folder, &model);
	catch_stop();
	if (rc != 0)
		settings_problem(d, path);
	else if (d->models_ok)
		check_local(d, path, model != NULL ? model : "sams");
	else
		config_ok(path, model != NULL ? model : "sams");
	free(model);
	free(path);
	strbuf_release(&sb);
}

/* Whether git's attributes send a case file in dir to sams merge-file. */
static int
merged_by_sams(const char *dir)
{
	char *attr[] = { (char *)"check-attr", (char *)"merge", (char *)"--",
	    (char *)PROBE, NULL };
	struct strbuf out = STRBUF_INIT;
	int yes;

	yes = git_run(dir, attr, GIT_QUIET, &out) == 0 &&
	    strstr(out.buf != NULL ? out.buf : "", ": merge: sams\n") != NULL;
	strbuf_release(&out);
	return yes;
}

/*
 * Whether a driver line is sams's own, as sams init writes it: a program
 * called sams (by a path, perhaps quoted) and "merge-file %O %A %B %P".
 * Any other command would get the case files to merge, and is not ours
 * to vouch for.
 */
static int
is_sams_driver(const char *line)
{
	static const char tail[] = " merge-file %O %A %B %P";
	size_t n = strlen(line), t = sizeof(tail) - 1, p;
	const char *prog = line;

	if (n <= t || strcmp(line + n - t, tail) != 0)
		return 0;
	p = n - t;
	if (prog[0] == '\'' && p > 2 && prog[p - 1] == '\'') {
		prog++;
		p -= 2;
	}
	if (p == 4 && strncmp(prog, "sams", 4) == 0)
		return 1;
	return p > 5 && prog[0] == '/' && strncmp(prog + p - 5, "/sams", 5) == 0
	    && memchr(prog, '\'', p) == NULL;
}

/* Only for a case folder: the merge driver is the folder's. */
static void
check_merge_driver(struct doctor *d)
{
	char *inside[] = { (char *)"rev-parse", (char *)"--is-inside-work-tree",
	    NULL };
	char *driver[] = { (char *)"config", (char *)"--get",
	    (char *)"merge.sams.driver", NULL };
	struct strbuf sb = STRBUF_INIT, fix = STRBUF_INIT, out = STRBUF_INIT;
	const char *where = d->folder;
	char *probe;
	int st, rc;

	if (where == NULL)
		return;
	st = git_run(where, inside, GIT_QUIET, NULL);
	if (st != 0) {
		if (st == 127 || st == -1)
			strbuf_addstr(&sb, _("merge driver: git is not "
			    "installed, so nothing is merged"));
		else
			strbuf_addf(&sb, _("merge driver: %s is not in a git "
			    "work tree"), where);
		ok(sb.buf);
		goto out;
	}
	strbuf_addstr(&fix, "sams init ");
	add_quoted(&fix, where);
	if (!merged_by_sams(where)) {
		strbuf_addf(&sb, _("merge driver: git does not merge the case "
		    "files in %s with sams (no merge=sams in .gitattributes)"),
		    where);
		problem(d, sb.buf, fix.buf);
		goto out;
	}
	st = git_run(where, driver, GIT_QUIET, &out);
	if (out.len > 0 && out.buf[out.len - 1] == '\n')
		out.buf[--out.len] = '\0';
	/* mergedriver_check's warnings end with their fix: ours is below. */
	probe = xasprintf("%s/%s", where, PROBE);
	catch_start(d);
	rc = mergedriver_check(probe, where);
	catch_stop();
	free(probe);
	if (st != 0 || out.len == 0)
		strbuf_addstr(&sb, _("merge driver: merge.sams.driver is not "
		    "set in git config, so additions on two branches "
		    "conflict"));
	else if (!is_sams_driver(out.buf))
		strbuf_addf(&sb, _("merge driver: merge.sams.driver is not "
		    "sams merge-file, but: %s"), out.buf);
	else if (rc != 0)
		strbuf_addf(&sb, _("merge driver: its program cannot be run, "
		    "so a merge would silently keep one side: %s"), out.buf);
	if (sb.len > 0) {
		problem(d, sb.buf, fix.buf);
		goto out;
	}
	strbuf_addf(&sb, _("merge driver: registered, and its program can be "
	    "run: %s"), out.buf);
	ok(sb.buf);
out:
	strbuf_release(&sb);
	strbuf_release(&fix);
	strbuf_release(&out);
}

static void
check_locale(struct doctor *d)
{
	struct strbuf sb = STRBUF_INIT, fix = STRBUF_INIT;

	if (i18n_locale_missing()) {
		strbuf_addf(&sb, _("locale: %s is not installed on this "
		    "machine"), i18n_locale());
		strbuf_addf(&fix, _("as root: dpkg-reconfigure locales, and "
		    "choose %s"), i18n_locale());
		problem(d, sb.buf, fix.buf);
	} else {
		strbuf_addf(&sb, _("locale: %s"), i18n_locale());
		ok(sb.buf);
	}
	strbuf_release(&sb);
	strbuf_release(&fix);
}

/*
 * The catalogue: a problem only when the language asked for is one sams
 * is translated into (LINGUAS in the Makefile) and it was not found.
 */
static void
check_catalogue(struct doctor *d)
{
	struct strbuf sb = STRBUF_INIT;
	const char *want = getenv("LANGUAGE"), *env;

	if (want == NULL || *want == '\0')
		want = i18n_locale();
	if (i18n_translating()) {
		strbuf_addf(&sb, _("messages: %s, from %s"), i18n_language(),
		    i18n_localedir());
		ok(sb.buf);
	} else if (strncmp(want, "sv", 2) == 0) {
		strbuf_addf(&sb, _("messages: no Swedish catalogue "
		    "(sv/LC_MESSAGES/sams.mo) in %s"), i18n_localedir());
		env = getenv("SAMS_LOCALEDIR");
		problem(d, sb.buf, env != NULL && *env != '\0' ?
		    "unset SAMS_LOCALEDIR" : _("install sams again (make "
		    "install, or apt-get install --reinstall sams)"));
	} else
		ok(_("messages: English"));
	strbuf_release(&sb);
}

/*
 * The folder asked about, without the slashes at its end (they would be
 * doubled in the paths shown); one that is not there is an error, not a
 * folder without a case folder above it.
 */
static int
folder_operand(struct doctor *d, const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);

	if (stat(arg, &st) == -1)
		return fail_sys(FAIL_NOINPUT, arg, errno, "cannot open");
	if (!S_ISDIR(st.st_mode))
		return fail_at(FAIL_NOINPUT, arg, 0, 0, "not a folder");
	while (n > 1 && arg[n - 1] == '/')
		n--;
	d->dir = d->dir_copy = xstrndup(arg, n);
	return 0;
}

int
cmd_doctor(int argc, char *argv[])
{
	struct doctor d = { ".", NULL, NULL, STRBUF_INIT, 0, 0 };
	enum cli_parsed parsed;

	parsed = cli_parse(argc, argv, usage_doctor, doctor_opts, NULL, NULL);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if (argc - optind > 1)
		return cli_usage(usage_doctor, 0);
	if (optind < argc && folder_operand(&d, argv[optind]) != 0)
		return cli_failed();
	check_binary();
	check_models(&d);
	check_folder(&d);
	check_merge_driver(&d);
	check_locale(&d);
	check_catalogue(&d);
	free(d.folder);
	free(d.dir_copy);
	strbuf_release(&d.said);
	return d.problems > 0 ? SAMS_EXIT_FINDINGS : SAMS_EXIT_OK;
}
