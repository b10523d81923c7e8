/* sams note: add a dated note to a case's history. */
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "record.h"
#include "sams.h"

static const char usage_note[] =
    "sams note [--date DATE] [--by NAME] FILE TEXT\n";

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
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, OPT_BY },
		{ "date", required_argument, NULL, OPT_DATE },
		CLI_COMMON_OPTIONS
	};
	const char *date = NULL, *by = NULL;
	struct event ev;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_BY:
			by = optarg;
			break;
		case OPT_DATE:
			date = optarg;
			break;
		case 'h':
			return cli_usage(usage_note, 1);
		default:
			rc = cli_common_option(ch, optarg);
			if (rc != 0)
				return rc < 0 ? cli_usage(usage_note, 0) : rc;
		}
	}
	if (argc - optind != 2)
		return cli_usage(usage_note, 0);
	memset(&ev, 0, sizeof(ev));
	ev.kind = EV_NOTE;
	ev.note = argv[optind + 1];
	if ((rc = cli_text(ev.note, "the note")) != 0 ||
	    (rc = record_when_who(&ev, date, by)) != 0)
		return rc;
	rc = case_update(argv[optind], add_note, &ev);
	if (rc == 0)
		record_confirm(argv[optind], &ev);
	return rc;
}
