/*
 * sams __complete: what the word under the cursor can be, for the bash
 * and zsh completions in contrib/completion.  A hidden command:
 *
 *	sams __complete WORD... CURRENT
 *
 * WORD... are the words after "sams" before the cursor, unquoted, and
 * CURRENT the word being completed ("" for a new one).  The first line
 * says what else the shell completes itself: "words" (nothing), "files"
 * (case files and folders), "dirs" (folders) or "any" (any file).  Then
 * the candidates that begin with CURRENT, one a line; for --opt=VALUE
 * only values, which replace what follows the '='.
 *
 * It runs on every TAB: it writes nothing, and says nothing on standard
 * error whatever it meets (a broken case gives no steps).  Options and
 * choices come from the parsers themselves (cli_set_lister()), so that
 * the completion cannot go stale.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "caseio.h"
#include "cli.h"
#include "date.h"
#include "facts.h"
#include "fileio.h"
#include "find.h"
#include "folder.h"
#include "modelset.h"
#include "sams.h"
#include "state.h"
#include "stats.h"
#include "text.h"
#include "walk.h"
#include "xalloc.h"
#include "yamlio.h"

#define MAX_OPTIONS	64

struct option_seen {
	char	*name;		/* "--format" */
	int	 value;		/* 1: takes a value */
};

struct completion {
	const char		*command;	/* NULL: not yet given */
	struct option_seen	 opts[MAX_OPTIONS];
	size_t			 nopts;
	char			**operands;	/* before the current word */
	size_t			 noperands;
	const char		*model;		/* --model on the line */
	const char		*prefix;	/* what candidates begin with */
	int			 anycase;	/* prefix matched as case ids are */
	const char		*more;		/* the first line */
	char			**out;
	size_t			 nout;
};

/*
 * What each command's operands are, one letter each, the last repeated
 * when a '*' follows: c a case (file or id), p a path (file or folder),
 * s a step of the case, k KEY=VALUE of sams set, n a new case file, d a
 * folder, f any file, m a command, r a role, S a step or a case file, t
 * free text.  The commands that are not parsed by cli_parse() are never
 * run to list their options: help, merge-file and this one.
 */
static const struct {
	const char	*command, *operands;
	int		 parses;
} commands[] = {
	{ "__complete", "", 0 },
	{ "check", "p*", 1 },
	{ "done", "cs", 1 },
	{ "form", "cs", 1 },
	{ "help", "m", 0 },
	{ "init", "d", 1 },
	{ "log", "c*", 1 },
	{ "merge-file", "ffff", 0 },
	{ "new", "n", 1 },
	{ "next", "c*", 1 },
	{ "note", "ct", 1 },
	{ "phases", "", 1 },
	{ "reopen", "cs", 1 },
	{ "replace", "c", 1 },
	{ "report", "p*", 1 },
	{ "roles", "r", 1 },
	{ "set", "ck*", 1 },
	{ "show", "S", 1 },
	{ "skip", "cs", 1 },
	{ "stats", "p*", 1 },
	{ "status", "c*", 1 },
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

static size_t
command_index(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NCOMMANDS; i++)
		if (strcmp(commands[i].command, name) == 0)
			return i;
	return NCOMMANDS;
}

/* Only what a terminal can show as it is, and one line. */
static int
printable(const char *s)
{
	unsigned long cp;
	size_t n = strlen(s), i, len;

	for (i = 0; i < n; i += len)
		if (text_next(s + i, n - i, &len, &cp) != TEXT_PLAIN)
			return 0;
	return n > 0;
}

static void
add(struct completion *cp, const char *word)
{
	size_t i, n = strlen(cp->prefix);

	if (!printable(word) || (cp->anycase ? strncasecmp(word, cp->prefix,
	    n) : strncmp(word, cp->prefix, n)) != 0)
		return;
	for (i = 0; i < cp->nout; i++)
		if (strcmp(cp->out[i], word) == 0)
			return;
	cp->out = xreallocarray(cp->out, cp->nout + 1, sizeof(*cp->out));
	cp->out[cp->nout++] = xstrdup(word);
}

/* KEY and "=", as --contact ROLE= and set KEY= want. */
static void
add_key(struct completion *cp, const char *key)
{
	char buf[128];

	if ((size_t)snprintf(buf, sizeof(buf), "%s=", key) < sizeof(buf))
		add(cp, buf);
}

/*
 * The figures stats --list takes, a table's with its "=" (its groups are
 * the data's: after the "=", nothing is offered).
 */
static void
add_figures(struct completion *cp)
{
	const struct stats_figure *f;

	if (strchr(cp->prefix, '=') != NULL)
		return;
	for (f = stats_figures; f->name != NULL; f++)
		if (f->kind == FIG_LIMIT || f->tab == TAB_BY)
			continue;
		else if (f->tab == TAB_TOTAL)
			add(cp, f->name);
		else
			add_key(cp, f->name);
}

static void
add_list(struct completion *cp, const char *const *names)
{
	for (; *names != NULL; names++)
		add(cp, *names);
}

/* cli_list_fn: the options a command's parser took, or its choices. */
static void
listed(const char *word, enum cli_listed kind, void *arg)
{
	struct completion *cp = arg;
	struct option_seen *o;

	if (kind == CLI_LISTED_CHOICE) {
		add(cp, word);
		return;
	}
	if (cp->nopts == MAX_OPTIONS)
		return;
	o = &cp->opts[cp->nopts++];
	o->name = xstrdup(word);
	o->value = kind == CLI_LISTED_VALUE;
}

/*
 * Runs the command's parser on args under the lister: its options go to
 * cp->opts, the names a choice takes to the candidates.
 */
static void
run_listed(struct completion *cp, char *args[])
{
	sams_command_fn *fn = sams_command(cp->command);
	int argc = 0;

	if (fn == NULL || !commands[command_index(cp->command)].parses)
		return;
	while (args[argc] != NULL)
		argc++;
	optind = 0;	/* getopt starts over */
	cli_set_lister(listed, cp);
	fn(argc, args);
	cli_set_lister(NULL, NULL);
}

/* The option word names, "--form" as getopt takes it for "--format". */
static const struct option_seen *
find_option(const struct completion *cp, const char *word, size_t n)
{
	const struct option_seen *found = NULL;
	size_t i, nfound = 0;

	for (i = 0; i < cp->nopts; i++) {
		if (strncmp(cp->opts[i].name, word, n) != 0)
			continue;
		if (cp->opts[i].name[n] == '\0')
			return &cp->opts[i];
		found = &cp->opts[i];
		nfound++;
	}
	return nfound == 1 ? found : NULL;
}

/* The global options, before the command; those with 1 take a value. */
static const struct option_seen global_opts[] = {
	{ (char *)"--color", 1 }, { (char *)"--help", 0 },
	{ (char *)"--phases", 1 }, { (char *)"--today", 1 },
	{ (char *)"--version", 0 },
};

/* What a value on the line changes for the rest: the model, the day. */
static void
apply(struct completion *cp, const char *name, const char *value)
{
	if (strcmp(name, "--phases") == 0)
		model_set_dir(value);
	else if (strcmp(name, "--today") == 0)
		cli_common_option(OPT_TODAY, value);
	else if (strcmp(name, "--model") == 0)
		cp->model = value;
}

static void
add_files_of(struct completion *cp, const char *dir)
{
	struct dirent *de;
	size_t n;
	DIR *d;

	if (dir == NULL || (d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n > 4 && de->d_name[0] != '.' &&
		    strcmp(de->d_name + n - 4, ".yml") == 0) {
			de->d_name[n - 4] = '\0';
			add(cp, de->d_name);
		}
	}
	closedir(d);
}

/* The ids of the models --model takes: built in, or in --phases. */
static void
add_models(struct completion *cp)
{
	if (model_get_dir() != NULL)
		add_files_of(cp, model_get_dir());
	else
		add_list(cp, builtin_model_ids);
}

/*
 * The model of the first operand that opens as a case; *o to close.  Only
 * a regular file: a TAB must never wait for standard input or a fifo.
 */
static const struct model *
case_model(struct completion *cp, struct opened *o)
{
	const char *name;
	struct stat st;
	char *path;

	o->c = NULL;
	if (cp->noperands == 0 || find_case(cp->operands[0], &path) != 0)
		return NULL;
	name = path != NULL ? path : cp->operands[0];
	if (stat(name, &st) != 0 || !S_ISREG(st.st_mode) ||
	    case_open(name, o) != 0)
		o->c = NULL;
	free(path);
	return o->c != NULL ? o->m : NULL;
}

/* The model the values come from: --model's, else the one by default. */
static const struct model *
named_model(const char *id)
{
	const struct model *m;

	if (model_get_in(id, folder_find("./-"), &m) != 0)
		return NULL;
	return m;
}

/* Roles as --role takes them, as --contact ROLE= and set contacts.ROLE=. */
enum model_part {
	PART_ROLES, PART_CONTACTS, PART_CONTACT_FACTS, PART_PHASES, PART_STEPS
};

static void
add_part(struct completion *cp, const struct model *m, enum model_part part)
{
	char key[128];
	size_t i;

	for (i = 0; part <= PART_CONTACT_FACTS && i < m->nroles; i++)
		if (part == PART_ROLES)
			add(cp, m->roles[i].id);
		else if (part == PART_CONTACTS)
			add_key(cp, m->roles[i].id);
		else if ((size_t)snprintf(key, sizeof(key), "contacts.%s",
		    m->roles[i].id) < sizeof(key))
			add_key(cp, key);
	for (i = 0; part == PART_PHASES && i < m->nphases; i++)
		add(cp, m->phases[i].id);
	for (i = 0; part == PART_STEPS && i < m->nsteps; i++)
		add(cp, m->steps[i].id);
}

/*
 * Roles, phases or steps of the case on the line; without one, of
 * --model's model, else of every model (report, next over folders), or
 * of sams for show and roles, as they do.
 */
static void
add_model_part(struct completion *cp, enum model_part part)
{
	struct completion ids = { .prefix = "" };
	const struct model *m;
	struct opened o;
	size_t i;

	if ((m = case_model(cp, &o)) != NULL) {
		add_part(cp, m, part);
		opened_close(&o);
		return;
	}
	if (cp->model != NULL || strcmp(cp->command, "show") == 0 ||
	    strcmp(cp->command, "roles") == 0) {
		if ((m = named_model(cp->model != NULL ? cp->model :
		    "sams")) != NULL)
			add_part(cp, m, part);
		return;
	}
	add_models(&ids);
	for (i = 0; i < ids.nout; i++) {
		if ((m = named_model(ids.out[i])) != NULL)
			add_part(cp, m, part);
		free(ids.out[i]);
	}
	free(ids.out);
}

/*
 * Whether command takes the step now, as cmd_step.c checks it: done and
 * skip an open step, reopen a done or skipped one; form one with a form.
 */
static int
step_fits(const char *command, const struct step *s, enum step_state state)
{
	if (strcmp(command, "form") == 0)
		return s->form != NULL;
	if (strcmp(command, "reopen") == 0)
		return state == STEP_DONE || state == STEP_SKIPPED;
	return state == STEP_OPEN;
}

/* The steps of the case on the line; nothing when it does not open. */
static void
add_steps(struct completion *cp)
{
	struct case_state st;
	struct opened o;
	size_t i;

	if (case_model(cp, &o) == NULL)
		return;
	state_compute(&st, o.m, o.c, cli_today());
	for (i = 0; i < o.m->nsteps; i++)
		if (step_fits(cp->command, &o.m->steps[i], st.steps[i].state))
			add(cp, o.m->steps[i].id);
	state_release(&st);
	opened_close(&o);
}

static int
yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcasecmp(name + n - 4, ".yml") == 0) ||
	    (n > 5 && strcasecmp(name + n - 5, ".yaml") == 0);
}

/*
 * The id of the case in the file at path, when it has one to name it by.
 * Only a regular file: reading a fifo would hang the TAB.
 */
static void
add_case_id(struct completion *cp, const char *path)
{
	const struct ynode *v;
	struct ydoc doc;
	struct stat st;
	char *text;
	size_t len;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    file_read(path, YAML_MAX_BYTES, &text, &len) != 0)
		return;
	ydoc_parse(&doc, path, text, len);
	if (doc.root != NULL && doc.root->kind == YN_MAP &&
	    ymap_get(doc.root, "sams-case") != NULL &&
	    (v = ymap_get(doc.root, "id")) != NULL && v->kind == YN_SCALAR &&
	    find_is_case_id(v->str))
		add(cp, v->str);
	ydoc_release(&doc);
	free(text);
}

/*
 * Case files, and the ids of the cases that find.c looks among: those of
 * the case folder.  Outside one, find.c walks the current folder down,
 * but a TAB in a home folder must not read all of it: only the files of
 * the current folder itself are read then.
 */
static void
add_cases(struct completion *cp)
{
	struct pathlist list = PATHLIST_INIT;
	const char *folder;
	struct dirent *de;
	size_t i;
	DIR *d;

	cp->more = "files";
	if (strchr(cp->prefix, '/') != NULL)
		return;
	if ((folder = folder_find("./-")) != NULL)
		walk_operand(&list, folder);
	else if ((d = opendir(".")) != NULL) {
		cp->anycase = 1;	/* as find_same_id() */
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.' && yaml_name(de->d_name))
				add_case_id(cp, de->d_name);
		closedir(d);
	}
	cp->anycase = 1;
	for (i = 0; i < list.n; i++)
		add_case_id(cp, list.paths[i]);
	cp->anycase = 0;
	pathlist_free(&list);
}

/* KEY= of sams set, and after the '=' the values a choice takes. */
static void
add_set_pair(struct completion *cp)
{
	const struct fact_def *def;
	const char *eq = strchr(cp->prefix, '=');
	char key[64];

	if (eq == NULL) {
		for (def = fact_table(); def->path != NULL; def++)
			if (def->settable)
				add_key(cp, def->path);
		add_model_part(cp, PART_CONTACT_FACTS);
		return;
	}
	if ((size_t)(eq - cp->prefix) >= sizeof(key))
		return;
	memcpy(key, cp->prefix, (size_t)(eq - cp->prefix));
	key[eq - cp->prefix] = '\0';
	def = fact_lookup(key);
	cp->prefix = eq + 1;
	if (def != NULL && def->choices != NULL)
		add_list(cp, def->choices);
}

static void
add_today(struct completion *cp)
{
	char buf[11];
	long day = cli_today();

	if (date_in_range(day)) {
		date_format(day, buf);
		add(cp, buf);
	}
}

static void
add_commands(struct completion *cp)
{
	const char *name;
	size_t i;

	for (i = 0; (name = sams_command_name(i)) != NULL; i++)
		add(cp, name);
}

/* The n-th operand of the command (from 0). */
static void
complete_operand(struct completion *cp, size_t n)
{
	const char *kinds = commands[command_index(cp->command)].operands;
	size_t len = strlen(kinds);
	char kind;

	if (len > 1 && kinds[len - 1] == '*')
		kind = n >= len - 2 ? kinds[len - 2] : kinds[n];
	else
		kind = n < len ? kinds[n] : '\0';
	switch (kind) {
	case 'c': add_cases(cp); break;
	case 'p': case 'n': cp->more = "files"; break;
	case 's': add_steps(cp); break;
	case 'S': add_model_part(cp, PART_STEPS); cp->more = "files"; break;
	case 'k': add_set_pair(cp); break;
	case 'd': cp->more = "dirs"; break;
	case 'f': cp->more = "any"; break;
	case 'm': add_commands(cp); break;
	case 'r': add_model_part(cp, PART_ROLES); break;
	default: break;
	}
}

/* The values of option name; the choices of any other from its parser. */
static void
complete_value(struct completion *cp, const char *name)
{
	char *args[] = { (char *)cp->command, (char *)name, (char *)"",
	    NULL };

	if (strcmp(name, "--phases") == 0)
		cp->more = "dirs";
	else if (strcmp(name, "--output") == 0 ||
	    strcmp(name, "--files0-from") == 0)
		cp->more = "any";
	else if (strcmp(name, "--role") == 0)
		add_model_part(cp, PART_ROLES);
	else if (strcmp(name, "--phase") == 0)
		add_model_part(cp, PART_PHASES);
	else if (strcmp(name, "--contact") == 0) {
		/* After ROLE= comes a name: free text, nothing to offer. */
		if (strchr(cp->prefix, '=') == NULL)
			add_model_part(cp, PART_CONTACTS);
	} else if (strcmp(name, "--model") == 0)
		add_models(cp);
	else if (strcmp(name, "--list") == 0)
		add_figures(cp);
	else if (strcmp(name, "--type") == 0)
		add_list(cp, placement_types);
	else if (strcmp(name, "--school-form") == 0)
		add_list(cp, school_forms);
	else if (strcmp(name, "--date") == 0 || strcmp(name, "--today") == 0 ||
	    strcmp(name, "--placement-date") == 0)
		add_today(cp);
	else if (cp->command == NULL) {		/* before the command */
		if (strcmp(name, "--color") == 0)
			cli_common_option(OPT_COLOR, "");
	} else
		run_listed(cp, args);
}

static void
complete_global(struct completion *cp, const char *prev, const char *cur)
{
	const char *eq = strchr(cur, '=');
	char name[16];
	size_t i;

	if (prev == NULL && eq != NULL && (size_t)(eq - cur) < sizeof(name)) {
		memcpy(name, cur, (size_t)(eq - cur));
		name[eq - cur] = '\0';
		prev = name;
		cp->prefix = eq + 1;
	}
	if (prev != NULL) {
		cli_set_lister(listed, cp);
		complete_value(cp, prev);
		cli_set_lister(NULL, NULL);
	} else if (cur[0] == '-') {
		for (i = 0; i < sizeof(global_opts) / sizeof(global_opts[0]);
		    i++)
			add(cp, global_opts[i].name);
	} else
		add_commands(cp);
}

/*
 * Reads the words before the current one: options, their values and the
 * operands.  Returns the option whose value the current word is, or NULL.
 */
static const char *
read_words(struct completion *cp, int n, char *words[])
{
	const struct option_seen *o;
	const char *eq;
	int i, operands_only = 0;

	for (i = 0; i < n; i++) {
		if (operands_only || words[i][0] != '-' ||
		    strcmp(words[i], "-") == 0) {
			cp->operands = xreallocarray(cp->operands,
			    cp->noperands + 1, sizeof(*cp->operands));
			cp->operands[cp->noperands++] = words[i];
			continue;
		}
		if (strcmp(words[i], "--") == 0) {
			operands_only = 1;
			continue;
		}
		eq = strchr(words[i], '=');
		o = find_option(cp, words[i], eq != NULL ?
		    (size_t)(eq - words[i]) : strlen(words[i]));
		if (o == NULL || !o->value)
			continue;
		if (eq != NULL)
			apply(cp, o->name, eq + 1);
		else if (i + 1 == n)
			return o->name;
		else
			apply(cp, o->name, words[++i]);
	}
	return NULL;
}

static void
complete_command(struct completion *cp, int n, char *words[],
    const char *cur)
{
	char *args[] = { (char *)cp->command, NULL };
	const struct option_seen *o;
	const char *value_of, *eq;
	size_t i;

	run_listed(cp, args);
	value_of = read_words(cp, n, words);
	eq = strchr(cur, '=');
	if (value_of != NULL)
		complete_value(cp, value_of);
	else if (strncmp(cur, "--", 2) == 0 && eq != NULL) {
		o = find_option(cp, cur, (size_t)(eq - cur));
		cp->prefix = eq + 1;
		if (o != NULL && o->value)
			complete_value(cp, o->name);
	} else if (cur[0] == '-' && strcmp(cur, "-") != 0 &&
	    (n == 0 || strcmp(words[n - 1], "--") != 0))
		for (i = 0; i < cp->nopts; i++)
			add(cp, cp->opts[i].name);
	else
		complete_operand(cp, cp->noperands);
}

/* The global options before the command; their values applied. */
static int
skip_globals(struct completion *cp, int n, char *words[], const char **prev)
{
	const char *eq;
	size_t k, len;
	int i;

	*prev = NULL;
	for (i = 0; i < n && words[i][0] == '-'; i++) {
		eq = strchr(words[i], '=');
		len = eq != NULL ? (size_t)(eq - words[i]) : strlen(words[i]);
		for (k = 0; k < sizeof(global_opts) / sizeof(global_opts[0]);
		    k++)
			if (strlen(global_opts[k].name) == len &&
			    strncmp(words[i], global_opts[k].name, len) == 0)
				break;
		if (k == sizeof(global_opts) / sizeof(global_opts[0]) ||
		    !global_opts[k].value)
			continue;
		if (eq != NULL)
			apply(cp, global_opts[k].name, eq + 1);
		else if (i + 1 == n)
			*prev = global_opts[k].name;
		else
			apply(cp, global_opts[k].name, words[++i]);
	}
	return i;
}

static void
print_free(struct completion *cp)
{
	size_t i;

	printf("%s\n", cp->more);
	for (i = 0; i < cp->nout; i++) {
		printf("%s\n", cp->out[i]);
		free(cp->out[i]);
	}
	for (i = 0; i < cp->nopts; i++)
		free(cp->opts[i].name);
	free(cp->out);
	free(cp->operands);
}

int
cmd_complete(int argc, char *argv[])
{
	struct completion cp = { .more = "words" };
	const char *cur, *prev;
	int n, i;

	/* Silent whatever happens: a TAB must not print over the line. */
	if (freopen("/dev/null", "w", stderr) == NULL || argc < 2)
		return SAMS_EXIT_OK;
	cur = argv[argc - 1];
	cp.prefix = cur;
	n = argc - 2;
	i = skip_globals(&cp, n, argv + 1, &prev);
	if (i == n)
		complete_global(&cp, prev, cur);
	else if (command_index(argv[1 + i]) < NCOMMANDS &&
	    sams_command(argv[1 + i]) != NULL) {
		cp.command = argv[1 + i];
		complete_command(&cp, n - i - 1, argv + 2 + i, cur);
	}
	print_free(&cp);
	return SAMS_EXIT_OK;
}
