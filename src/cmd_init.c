/*
 * sams init: make a folder a case folder: .sams/ with the municipality's
 * settings, git attributes that send case files to sams merge-file, ignore
 * rules for lock and temporary files, and in a git repository the merge
 * driver's configuration.  Running it again changes nothing that is there.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case.h"
#include "cli.h"
#include "colour.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "mergedriver.h"
#include "sams.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

static const char usage_init[] = "sams init [--name MUNICIPALITY] [DIR]\n";

const struct cli_help help_init = {
	usage_init,
	N_("make a folder a case folder, set up for git"),
	NULL,
	"sams init --name Exempelby arenden\n"
};

static const char attributes[] =
    "# Case files merge with sams merge-file: see sams(1).\n"
    "*.yml merge=sams\n"
    "*.yaml merge=sams\n";
static const char ignores[] =
    "# Lock and temporary files of sams.\n"
    ".*.lock\n.*.tmp.*\n";

static const char *init_dir;	/* the folder being made one */

/*
 * "sams init DIR:" before the first line under it, so that a folder that
 * cannot be made leaves only the error.
 */
static void
heading(void)
{
	static int said;

	if (said)
		return;
	said = 1;
	fputs("sams init ", stdout);
	text_put(stdout, init_dir);
	puts(":");
}

/* Says what was made: "  PATH" and suffix, the path escaped. */
static void
say_made(const char *path, const char *suffix)
{
	heading();
	fputs("  ", stdout);
	text_put(stdout, path);
	puts(suffix);
}

/* Whether text[0..len) has a line that is exactly line[0..n). */
static int
has_line(const char *text, size_t len, const char *line, size_t n)
{
	size_t i = 0;

	while (i < len) {
		if (len - i >= n && memcmp(text + i, line, n) == 0 &&
		    (i + n == len || text[i + n] == '\n'))
			return 1;
		while (i < len && text[i] != '\n')
			i++;
		i++;
	}
	return 0;
}

/* Appends the lines of want that path lacks; creates it if missing. */
static int
ensure_lines(const char *path, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *end;
	char *have = NULL;
	size_t len = 0;
	int rc = 0, missing = 0;

	if (access(path, F_OK) == 0 &&
	    file_read(path, 1 << 20, &have, &len) != 0)
		return cli_failed();
	strbuf_add(&sb, have != NULL ? have : "", len);
	if (len > 0 && have[len - 1] != '\n')
		strbuf_addch(&sb, '\n');
	for (p = want; *p != '\0'; p = end + 1) {
		end = strchr(p, '\n');
		if (have != NULL && (*p == '#' ||
		    has_line(have, len, p, (size_t)(end - p))))
			continue;	/* comments only in a new file */
		strbuf_add(&sb, p, (size_t)(end - p + 1));
		missing = 1;
	}
	if (missing && (have == NULL ? file_create(path, sb.buf, sb.len) :
	    file_replace(path, sb.buf, sb.len)) != 0)
		rc = cli_failed();
	if (rc == 0 && missing)
		say_made(path, "");
	free(have);
	strbuf_release(&sb);
	return rc;
}

/*
 * What init makes or extends in DIR, and of which type.  Every one is
 * checked before anything is written, so init does all or nothing of what
 * it can foresee, and none is written through a symbolic link: a link
 * named .gitattributes could point at any file the user may write.
 */
static const struct target {
	const char	*name;
	int		 folder;	/* else a regular file */
	int		 read;		/* its lines are read and kept */
} targets[] = {
	{ ".sams", 1, 0 },
	{ ".sams/config.yml", 0, 0 },
	{ ".sams/local.yml", 0, 0 },
	{ ".gitattributes", 0, 1 },
	{ ".gitignore", 0, 1 },
};

static int
check_target(const char *dir, const struct target *t)
{
	struct stat sb;
	char *path = xasprintf("%s/%s", dir, t->name);
	int rc = 0;

	if (lstat(path, &sb) != 0) {
		if (errno != ENOENT && errno != ENOTDIR) {
			error_sys(path, errno, "cannot look at");
			rc = SAMS_EXIT_CANTCREAT;
		}
	} else if (S_ISLNK(sb.st_mode)) {
		if (t->folder)
			diag(DIAG_ERROR, path, 0, 0, "is a symbolic link; sams "
			    "init writes no file through a link: replace it "
			    "with the folder itself");
		else
			diag(DIAG_ERROR, path, 0, 0, "is a symbolic link; sams "
			    "init writes no file through a link: replace it "
			    "with the file itself");
		rc = SAMS_EXIT_CANTCREAT;
	} else if (t->folder ? !S_ISDIR(sb.st_mode) : !S_ISREG(sb.st_mode)) {
		if (t->folder)
			diag(DIAG_ERROR, path, 0, 0, "is not a folder");
		else
			diag(DIAG_ERROR, path, 0, 0, "is not a regular file");
		rc = SAMS_EXIT_CANTCREAT;
	} else if (t->read && access(path, R_OK) != 0) {
		error_sys(path, errno, "cannot read");
		rc = SAMS_EXIT_CANTCREAT;
	}
	free(path);
	return rc;
}

/* 0 if every target is missing or of its type; else 73 after saying why. */
static int
check_targets(const char *dir)
{
	size_t i;
	int rc, worst = 0;

	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
		if ((rc = check_target(dir, &targets[i])) != 0)
			worst = rc;
	return worst;
}

static int
make_dir(const char *path)
{
	if (mkdir(path, 0700) == 0) {
		say_made(path, "/");
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	error_sys(path, errno, "cannot create the folder");
	return SAMS_EXIT_CANTCREAT;
}

/*
 * In a git work tree: the merge driver's two settings in .git/config.  The
 * driver runs this sams by its absolute path, refreshed by every init, so
 * that merging works when sams is not on git's PATH: a driver git cannot
 * run would leave our side of a case alone, without conflict markers.
 */
static void
configure_git(const char *dir, const char *esc)
{
	char *inside[] = { (char *)"rev-parse", (char *)"--is-inside-work-tree",
	    NULL };
	char *name[] = { (char *)"config", (char *)"merge.sams.name",
	    (char *)"sams case files", NULL };
	char *driver[] = { (char *)"config", (char *)"merge.sams.driver",
	    NULL, NULL };
	char *fsync[] = { (char *)"config", (char *)"core.fsync",
	    (char *)"committed", NULL };

	heading();
	if (git_run(dir, inside, GIT_QUIET, NULL) != 0) {
		printf("\n");
		printf(_("%s is not a git repository.  To keep the cases in "
		    "git:\n"), esc);
		printf("  %sgit init %s && sams init %s%s\n",
		    colour_start(stdout, COLOUR_HEADING), esc, esc,
		    colour_end(stdout));
		return;
	}
	driver[2] = mergedriver_command();
	if (git_run(dir, name, GIT_QUIET, NULL) == 0 &&
	    git_run(dir, driver, GIT_QUIET, NULL) == 0)
		printf("  %s\n", _("git config merge.sams.driver (case files "
		    "merge without conflicts)"));
	else
		diag(DIAG_WARNING, NULL, 0, 0, "could not set the git merge "
		    "driver; see sams(1)");
	free(driver[2]);
	git_run(dir, fsync, GIT_QUIET, NULL);
}

static const char local_template[] =
    "# Kommunens egna rutiner ovanpå modellen; se sams-phases(5).\n"
    "sams-local: 1\n"
    "# contacts:\n"
    "#   samordnare: Namn Namnsson\n"
    "# due:\n"
    "#   ip-informera: placement.date - 28d\n"
    "# steps:\n"
    "#   - id: lokal-samordnare\n"
    "#     phase: infor-placering\n"
    "#     title: Kontakta skolsamordnaren\n"
    "#     owner: socialtjanst\n"
    "#     why: Samordnaren följer alla placerade elevers skolgång.\n"
    "#     what: [Mejla samordnaren när beslutet är fattat.]\n"
    "#     source: local\n";

static int
write_local(const char *dir)
{
	char *path = xasprintf("%s/.sams/local.yml", dir);
	int rc = 0;

	if (access(path, F_OK) != 0) {
		if (file_create(path, local_template,
		    sizeof(local_template) - 1) != 0)
			rc = cli_failed();
		else
			say_made(path, "");
	}
	free(path);
	return rc;
}

static int
write_config(const char *dir, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	char *path;
	int rc = 0;

	path = xasprintf("%s/.sams/config.yml", dir);
	if (access(path, F_OK) != 0) {
		/* Every value through case_quote(): "X # y" is no comment. */
		strbuf_addstr(&sb, "# Inställningar för ärendemappen; se "
		    "sams(1).\nsams-config: 1\nmunicipality: ");
		case_quote(&sb, name != NULL ? name : "");
		strbuf_addstr(&sb, "\nmodel: ");
		case_quote(&sb, "sams");
		strbuf_addch(&sb, '\n');
		if (file_create(path, sb.buf, sb.len) != 0)
			rc = cli_failed();
		else
			say_made(path, "");
	}
	free(path);
	strbuf_release(&sb);
	return rc;
}

static enum cli_parsed
name_option(int opt, char *arg, void *ctx)
{
	(void)opt;	/* OPT_NAME */
	if (cli_line(arg, "--name") != 0)
		return CLI_BAD;
	*(const char **)ctx = arg;
	return CLI_GO;
}

int
cmd_init(int argc, char *argv[])
{
	static const int options[] = { OPT_NAME, 0 };
	const char *dir = ".", *name = NULL;
	struct strbuf esc = STRBUF_INIT;
	enum cli_parsed parsed;
	char *path;
	int rc;

	parsed = cli_parse(argc, argv, usage_init, options, name_option,
	    &name);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if (argc - optind > 1)
		return cli_usage(usage_init, 0);
	if (optind < argc)
		dir = argv[optind];
	if ((rc = check_targets(dir)) != 0)
		return rc;
	init_dir = dir;
	if ((rc = make_dir(dir)) != 0)
		return rc;
	path = xasprintf("%s/.sams", dir);
	rc = make_dir(path);
	free(path);
	if (rc == 0)
		rc = write_config(dir, name);
	if (rc == 0)
		rc = write_local(dir);
	path = xasprintf("%s/.gitattributes", dir);
	if (rc == 0)
		rc = ensure_lines(path, attributes);
	free(path);
	path = xasprintf("%s/.gitignore", dir);
	if (rc == 0)
		rc = ensure_lines(path, ignores);
	free(path);
	if (rc != 0)
		return rc;
	text_escape(&esc, dir, strlen(dir), 0);
	configure_git(dir, esc.buf);
	putchar('\n');
	/*
	 * TRANSLATORS: CASE.yml and DATE are for the user to fill in; the
	 * first and last %s begin and end the command's colour, so they
	 * stay around the command.
	 */
	printf(_("Next: %ssams new %s/CASE.yml --placement-date DATE ...%s "
	    "and commit it.\n"), colour_start(stdout, COLOUR_HEADING), esc.buf,
	    colour_end(stdout));
	strbuf_release(&esc);
	return 0;
}
