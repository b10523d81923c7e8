/* sams new: create a case file, mode 0600, never over an existing one. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "case.h"
#include "caseio.h"
#include "cli.h"
#include "colour.h"
#include "date.h"
#include "diag.h"
#include "facts.h"
#include "fileio.h"
#include "i18n.h"
#include "folder.h"
#include "modelset.h"
#include "personnummer.h"
#include "cmd_step.h"
#include "sams.h"
#include "strbuf.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

static const char usage_new[] =
    "sams new [--id ID] [--model MODEL] [--placement-date DATE]\n"
    "           [--type TYPE] [--acute] [--other-municipality] [--lvu]\n"
    "           [--born YEAR] [--protected] [--no-school-change]\n"
    "           [--no-school-change-at-end] [--school-form FORM]\n"
    "           [--sending SCHOOL] [--receiving SCHOOL]\n"
    "           [--contact ROLE=NAME]... [--date DATE] [--by NAME] FILE\n";

static const struct cli_opt_help new_opts[] = {
	{ OPT_DATE, NULL, N_("the day the case was opened, YYYY-MM-DD "
	    "(default: today)") },
	{ OPT_MODEL, "MODEL", N_("the model the case follows (default: the "
	    "folder's, else sisam for --type sis, else sams)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_new = {
	usage_new,
	N_("create a case file, never over an existing one"),
	new_opts,
	"sams new --id K7Q2-9XHD --placement-date 2026-12-01 arenden/k7q2.yml\n"
	"sams new --type sis --acute --contact socialtjanst='Eva Ek' "
	"arenden/h3m8.yml\n"
};

#define MAX_CONTACTS	16

struct new_case {
	const char	*id, *model, *type, *placement_date, *form;
	const char	*sending, *receiving, *born;
	int		 acute, no_change, no_change_at_end;
	int		 other_municipality, lvu, protected_data;
	char		*contacts[MAX_CONTACTS];
	int		 ncontacts;
	struct event	 opened;
};

/* A pseudonymous id such as K7Q2-9XHD, from an alphabet without 0/O/1/I. */
static char *
random_id(void)
{
	static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	unsigned char raw[8];
	char id[10];
	size_t i;
	int fd;

	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd == -1 || read(fd, raw, sizeof(raw)) != (ssize_t)sizeof(raw))
		for (i = 0; i < sizeof(raw); i++)
			raw[i] = (unsigned char)random();
	if (fd != -1)
		close(fd);
	for (i = 0; i < 8; i++)
		id[i + (i >= 4)] = alphabet[raw[i] % 32];
	id[4] = '-';
	id[9] = '\0';
	return xstrdup(id);
}

static int
unknown_contact_role(const struct model *m, const char *role)
{
	struct suggest sg;
	const char *other = suggest_other_model(m, SUGGEST_ROLE, role);
	char cut[TEXT_CUT_SIZE];

	error_msg("--contact: unknown role '%s' in model '%s'; see 'sams "
	    "roles'", text_cut(role, strlen(role), cut), m->id);
	if (other != NULL) {
		diag(DIAG_NOTE, NULL, 0, 0, "'%s' is a role in model '%s'; "
		    "give --model %s", role, other, other);
		return SAMS_EXIT_USAGE;
	}
	suggest_init(&sg, role);
	suggest_add_model(&sg, m, SUGGEST_ROLE);
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

/* Checks the options against each other and the model. */
/*
 * Whether id can stand for the case on the command line: not taken for
 * an option (-x), a hidden file or a case file's name.
 */
static int
id_findable(const char *id)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_.";
	size_t n = strlen(id);

	if (n == 0 || n > 40 || strspn(id, chars) != n ||
	    strchr("-_.", id[0]) != NULL)
		return 0;
	return !(n >= 4 && strcasecmp(id + n - 4, ".yml") == 0) &&
	    !(n >= 5 && strcasecmp(id + n - 5, ".yaml") == 0);
}

static int
check_case(struct new_case *nc, const struct model *m)
{
	const struct {
		const char	*path, *option, *value;
	} facts[] = {
		{ "placement.type", "--type", nc->type },
		{ "school.form", "--school-form", nc->form },
		{ "placement.date", "--placement-date", nc->placement_date },
		{ "school.sending", "--sending", nc->sending },
		{ "school.receiving", "--receiving", nc->receiving },
		{ "child.born", "--born", nc->born },
	};
	char *eq;
	size_t k;
	int i, rc;

	for (k = 0; k < sizeof(facts) / sizeof(facts[0]); k++)
		if (facts[k].value != NULL && (rc = record_fact_value(
		    facts[k].path, facts[k].value, facts[k].option)) != 0)
			return rc;
	if (!id_findable(nc->id)) {
		error_msg("--id wants 1-40 letters a-z, digits, '-', '_' or "
		    "'.', starting with a letter or digit and not ending in "
		    ".yml or .yaml, so that the id can name the case");
		return SAMS_EXIT_USAGE;
	}
	for (i = 0; i < nc->ncontacts; i++) {
		eq = strchr(nc->contacts[i], '=');
		if (eq == NULL || eq[1] == '\0') {
			error_msg("--contact wants ROLE=NAME");
			return SAMS_EXIT_USAGE;
		}
		*eq = '\0';
		if (model_role_index(m, nc->contacts[i]) == NO_INDEX)
			return unknown_contact_role(m, nc->contacts[i]);
		if ((rc = record_fact_value("contacts.x", eq + 1,
		    "--contact")) != 0)
			return rc;
	}
	pnr_warn(nc->id, "--id");
	return 0;
}

/* The case file's text: the options as the facts of a case header. */
static char *
new_text(const struct new_case *nc, size_t *len)
{
	struct case_contact contacts[MAX_CONTACTS];
	struct case_header h = {
		.id = nc->id, .model = nc->model, .type = nc->type,
		.placement_date = nc->placement_date, .acute = nc->acute,
		.other_municipality = nc->other_municipality, .lvu = nc->lvu,
		.born = nc->born, .protected_data = nc->protected_data,
		.school_change = !nc->no_change,
		.no_change_at_end = nc->no_change_at_end, .form = nc->form,
		.sending = nc->sending, .receiving = nc->receiving,
		.contacts = contacts, .ncontacts = (size_t)nc->ncontacts,
	};
	int i;

	for (i = 0; i < nc->ncontacts; i++) {	/* "ROLE\0NAME" by now */
		contacts[i].role = nc->contacts[i];
		contacts[i].name = nc->contacts[i] + strlen(nc->contacts[i]) +
		    1;
	}
	return case_new_text(&h, &nc->opened, len);
}

static void
new_confirm(const char *path, const char *id)
{
	struct strbuf name = STRBUF_INIT, bold = STRBUF_INIT;

	text_escape(&name, path, strlen(path), 0);
	colour_escape(&bold, stdout, COLOUR_HEADING, id);
	/* TRANSLATORS: FILE: new case ID, after "sams new". */
	printf(_("%s: new case %s\n"), name.buf, bold.buf);
	strbuf_release(&name);
	strbuf_release(&bold);
}

static int
create(struct new_case *nc, const char *path)
{
	const struct model *m;
	struct casefile *c;
	char *text, cut[TEXT_CUT_SIZE];
	size_t len;
	int rc;

	/* The last kind, not the worst: a model whose base cannot be read
	 * is a broken model (65), as always told. */
	if (model_get_in(nc->model, folder_find(path), &m) != 0)
		return cli_failed();
	if (m == NULL) {
		error_msg("--model: no model '%s'", text_cut(nc->model,
		    strlen(nc->model), cut));
		suggest_model_id(nc->model);
		return SAMS_EXIT_USAGE;
	}
	if ((rc = check_case(nc, m)) != 0)
		return rc;
	text = new_text(nc, &len);
	c = case_load(xstrndup(text, len), len, path);
	if (c == NULL)
		rc = SAMS_EXIT_SOFTWARE;	/* we wrote what we cannot read */
	else if (file_create(path, text, len) != 0)
		rc = cli_failed();
	else
		rc = 0;
	case_free(c);
	free(text);
	if (rc == 0)
		new_confirm(path, nc->id);
	return rc;
}

/*
 * Refuses a case file name that does not end in .yml or .yaml: report,
 * check and the search for a case id pass such a file by without a word.
 * Suggests the name with .yml rather than adding it unasked, so that the
 * file is where the user (or a script) said it would be.
 */
static int
check_file_name(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	size_t n = strlen(path);

	base = base != NULL ? base + 1 : path;
	if ((n > 4 && strcmp(path + n - 4, ".yml") == 0 && base[0] != '.') ||
	    (n > 5 && strcmp(path + n - 5, ".yaml") == 0 && base[0] != '.'))
		return 0;
	dot = strrchr(base, '.');
	if (dot != NULL && dot != base && (strcasecmp(dot, ".yml") == 0 ||
	    strcasecmp(dot, ".yaml") == 0))
		n = (size_t)(dot - path);	/* .YML: say .yml */
	if (base[0] == '.')
		error_msg("a case file's name must not begin with '.': sams "
		    "passes hidden files by");
	else
		error_msg("a case file's name ends in .yml or .yaml, or "
		    "report and check pass it by; did you mean '%.*s.yml'?",
		    (int)n, path);
	return cli_usage(usage_new, 0);
}

/* Where --date and --by go, beside the case's own options. */
struct new_options {
	struct new_case	*nc;
	const char	*date, *by;
};

static enum cli_parsed
new_option(int opt, char *arg, void *ctx)
{
	struct new_options *o = ctx;
	struct new_case *nc = o->nc;

	switch (opt) {
	case OPT_ACUTE: nc->acute = 1; break;
	case OPT_BORN: nc->born = arg; break;
	case OPT_BY: o->by = arg; break;
	case OPT_DATE: o->date = arg; break;
	case OPT_ID: nc->id = arg; break;
	case OPT_MODEL: nc->model = arg; break;
	case OPT_LVU: nc->lvu = 1; break;
	case OPT_NO_CHANGE_AT_END: nc->no_change_at_end = 1; break;
	case OPT_NO_SCHOOL_CHANGE: nc->no_change = 1; break;
	case OPT_OTHER_MUNICIPALITY: nc->other_municipality = 1; break;
	case OPT_PROTECTED: nc->protected_data = 1; break;
	case OPT_PLACEMENT_DATE: nc->placement_date = arg; break;
	case OPT_RECEIVING: nc->receiving = arg; break;
	case OPT_SCHOOL_FORM: nc->form = arg; break;
	case OPT_SENDING: nc->sending = arg; break;
	case OPT_TYPE: nc->type = arg; break;
	case OPT_CONTACT:
		if (nc->ncontacts == MAX_CONTACTS) {
			error_msg("at most %d --contact options",
			    MAX_CONTACTS);
			return CLI_BAD;
		}
		nc->contacts[nc->ncontacts++] = arg;
		break;
	}
	return CLI_GO;
}

static enum cli_parsed
parse_options(int argc, char *argv[], struct new_options *o)
{
	static const int options[] = { OPT_ACUTE, OPT_BORN, OPT_BY,
	    OPT_CONTACT, OPT_DATE, OPT_ID, OPT_LVU, OPT_MODEL,
	    OPT_NO_CHANGE_AT_END, OPT_NO_SCHOOL_CHANGE,
	    OPT_OTHER_MUNICIPALITY, OPT_PLACEMENT_DATE, OPT_PROTECTED,
	    OPT_RECEIVING, OPT_SCHOOL_FORM, OPT_SENDING, OPT_TYPE, 0 };
	enum cli_parsed parsed;

	parsed = cli_parse(argc, argv, usage_new, options, new_option, o);
	if (parsed != CLI_GO || argc - optind == 1)
		return parsed;
	if (argc - optind == 0)
		error_msg("no FILE given: new makes one case file");
	else
		error_msg("one FILE expected, %d given: new makes one case "
		    "file at a time", argc - optind);
	return cli_bad_usage(usage_new);
}

int
cmd_new(int argc, char *argv[])
{
	struct new_case nc;
	struct new_options o = { &nc, NULL, NULL };
	enum cli_parsed parsed;
	char *id = NULL, *folder_model;
	int rc;

	memset(&nc, 0, sizeof(nc));
	parsed = parse_options(argc, argv, &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if (case_refuse_stdin(argv[optind]) != 0)
		return cli_failed();
	if ((rc = check_file_name(argv[optind])) != 0)
		return rc;
	if (folder_default_model(folder_find(argv[optind]), &folder_model) !=
	    0)
		return cli_failed();
	if (nc.model == NULL)	/* SiSam for placements at SiS */
		nc.model = nc.type != NULL && strcmp(nc.type, "sis") == 0 ?
		    "sisam" : folder_model != NULL ? folder_model : "sams";
	if (nc.id == NULL)
		nc.id = id = random_id();
	nc.opened.kind = EV_OPENED;
	rc = record_when_who(&nc.opened, o.date, o.by);
	if (rc == 0)
		rc = create(&nc, argv[optind]);
	free(id);
	free(folder_model);
	return rc;
}
