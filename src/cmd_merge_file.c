/*
 * sams merge-file: the git merge driver for case files.  When both sides
 * only added lines to the end of the common version, which is all sams
 * itself ever does, the result is the common version and both sides' new
 * lines, interleaved by date without reordering either side (merge.h), if
 * that is a valid case.  Anything else is left to git merge-file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "merge.h"
#include "mergedriver.h"
#include "sams.h"
#include "xalloc.h"
#include "yamlio.h"

static const char usage_merge[] =
    "sams merge-file BASE OURS THEIRS [PATH]\n";

const struct cli_help help_merge_file = {
	usage_merge,
	N_("the git merge driver for case files (set up by sams init)"),
	NULL,
	"git config merge.sams.driver 'sams merge-file %O %A %B %P'\n"
};

/* What git does without a driver: a line merge, conflicts marked. */
static int
git_merge_file(char *argv[])
{
	char *args[] = { (char *)"merge-file", (char *)"-L", (char *)"ours",
	    (char *)"-L", (char *)"base", (char *)"-L", (char *)"theirs",
	    argv[2], argv[1], argv[3], NULL };
	int st = git_run(NULL, args, GIT_SHOWN, NULL);

	return st == -1 ? 2 : st == 0 ? 0 : 1;
}

int
cmd_merge_file(int argc, char *argv[])
{
	char *base = NULL, *ours = NULL, *theirs = NULL, *merged = NULL;
	size_t nb, no, nt, nm;
	struct casefile *c;
	int rc;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		cli_print_help("merge-file", &help_merge_file, NULL);
		return SAMS_EXIT_OK;
	}
	if (argc != 4 && argc != 5)
		return cli_usage(usage_merge, 0);
	if (file_read(argv[1], YAML_MAX_BYTES, &base, &nb) != 0 ||
	    file_read(argv[2], YAML_MAX_BYTES, &ours, &no) != 0 ||
	    file_read(argv[3], YAML_MAX_BYTES, &theirs, &nt) != 0) {
		rc = cli_failed();
		goto out;
	}
	rc = 1;
	if (merge_appends(base, nb, ours, no, theirs, nt, &merged, &nm) == 0) {
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
