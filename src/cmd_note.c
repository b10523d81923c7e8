/* sams note: add a dated note to a case's history. */
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "find.h"
#include "i18n.h"
#include "personnummer.h"
#include "cmd_step.h"
#include "sams.h"

static const char usage_note[] =
    "sams note [--date DATE] [--by NAME] FILE TEXT\n";

static const struct cli_opt_help note_opts[] = {
	{ OPT_DATE, NULL, N_("the day the note is about, YYYY-MM-DD "
	    "(default: today)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_note = {
	usage_note,
	N_("add a dated note to a case's history"),
	note_opts,
	"sams note K7Q2-9XHD 'Rektor ringde om skolskjuts'\n"
};

static int
add_note(const struct opened *o, struct event *evs, size_t *n, void *arg)
{
	(void)o;
	evs[0] = *(const struct event *)arg;
	*n = 1;
	return 0;
}

int
cmd_note(int argc, char *argv[])
{
	struct record_opts o;
	enum cli_parsed parsed;
	struct event ev;
	int rc;

	parsed = record_options(argc, argv, usage_note, 0, &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 2, 2, N_("FILE and TEXT"),
	    usage_note)) != 0)
		return rc;
	memset(&ev, 0, sizeof(ev));
	ev.kind = EV_NOTE;
	ev.note = argv[optind + 1];
	/* TRANSLATORS: the TEXT operand of sams note, in messages. */
	if ((rc = cli_text(ev.note, _("the note"))) != 0 ||
	    (rc = record_when_who(&ev, o.date, o.by)) != 0)
		return rc;
	if (find_operand(&argv[optind]) != 0)
		return cli_failed();
	pnr_warn(ev.note, _("the note"));
	if (case_update(argv[optind], add_note, &ev) != 0)
		return cli_failed();
	record_confirm(argv[optind], &ev);
	return 0;
}
