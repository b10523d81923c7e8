/*
 * Messages for people in the user's language (gettext, domain "sams"):
 * English in the source, Swedish in po/sv.po.  Machine formats (JSON,
 * TSV/CSV keys, workbooks, exit statuses) never pass through here.
 *
 *   _(s)        s translated
 *   N_(s)       s marked for the catalogue, translated where it is used
 *   P_(s, p, n) the singular s or the plural p for the count n, translated
 *
 * diag() translates its format itself: error_at(), error_msg(), fail_at(),
 * info_at() and diag() need no _() around their message (po/Makefile's
 * keywords mark them).
 */
#ifndef I18N_H
#define I18N_H

#include <libintl.h>

#define _(s)		gettext(s)
#define N_(s)		(s)
#define P_(s, p, n)	ngettext((s), (p), (unsigned long)(n))

/*
 * Sets the locale for messages from the environment (LC_ALL, LC_MESSAGES,
 * LANG, LANGUAGE) and finds the catalogue: $SAMS_LOCALEDIR, else a
 * "locale" folder beside the binary (an uninstalled build), else the
 * folder it was installed with.  Characters are always UTF-8.
 */
void	i18n_init(void);

/* The folder the catalogue is looked for in, as i18n_init() chose it. */
const char	*i18n_localedir(void);

/*
 * The locale the environment asks messages in ("C" when it names none),
 * and whether this machine lacks it (setlocale() refused it: never
 * generated).  For sams doctor.
 */
const char	*i18n_locale(void);
int		 i18n_locale_missing(void);

/*
 * The language messages are in, named in itself ("English", "svenska"),
 * and whether they are being translated (a catalogue for the language
 * asked for was found).  For sams doctor.
 */
const char	*i18n_language(void);
int		 i18n_translating(void);

/*
 * Until i18n_machine(0), diag() formats messages untranslated: for
 * messages that go into a machine format (check --format json).  Per
 * thread.
 */
void	i18n_machine(int on);
int	i18n_is_machine(void);

#endif
