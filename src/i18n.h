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

#define _(s)		i18n_gettext(s)
#define N_(s)		(s)
#define P_(s, p, n)	i18n_ngettext((s), (p), (unsigned long)(n))

/*
 * gettext() and ngettext() that take a translation only when its printf
 * directives are those of the msgid (or, for a plural, of either form),
 * never %n: a crafted catalogue cannot make printf read what was not
 * passed.  Otherwise, or when the catalogue was refused, the English.
 * The result is static: never freed.
 */
const char	*i18n_gettext(const char *msgid)
		    __attribute__((format_arg(1)));
const char	*i18n_ngettext(const char *msgid, const char *plural,
		    unsigned long n)
		    __attribute__((format_arg(1), format_arg(2)));

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
 * The locale the environment asks messages in ("C" when it names none,
 * NULL when its name is too long to be one), and whether this machine
 * lacks it (setlocale() refused it: never generated).  For sams doctor.
 */
const char	*i18n_locale(void);
int		 i18n_locale_missing(void);

/*
 * What i18n_init() dropped from the environment variable var (LANGUAGE,
 * LC_ALL, LC_MESSAGES or LANG) because it names a folder ('/' or ".."),
 * which gettext would follow out of the catalogue's folder; NULL when
 * nothing.  For sams doctor, which must escape it.
 */
const char	*i18n_dropped(const char *var);

/*
 * The catalogue's Plural-Forms when i18n_init() refused the catalogue for
 * it (an expression sams does not know, which could divide by zero or
 * pick a form that is not there), else NULL.  Messages are then English.
 */
const char	*i18n_refused(void);

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
