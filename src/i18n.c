/* The locale for messages and where the catalogue is (see i18n.h). */
#include <sys/stat.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

#ifndef LOCALEDIR
#define LOCALEDIR	"/usr/local/share/locale"
#endif

/* The variables gettext reads the language from, in i18n_dropped(). */
static const char *const	 lang_vars[] = {
	"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"
};
#define NVARS	(sizeof(lang_vars) / sizeof(lang_vars[0]))

/*
 * The Plural-Forms a catalogue may have, without their spaces: those of
 * the languages with one form, or two split at 1 as in English and
 * Swedish or at 2 as in French.  An expression of its own is refused.
 */
static const char *const	 plurals_known[] = {
	"nplurals=2;plural=(n!=1);", "nplurals=2;plural=n!=1;",
	"nplurals=2;plural=(n>1);", "nplurals=2;plural=n>1;",
	"nplurals=1;plural=0;"
};

static char			 localedir[PATH_MAX];
static char			 locale_name[256];
static int			 locale_missing, locale_too_long;
static char			*dropped[NVARS];
static char			 refused[128];
static int			 catalogue_refused;
static _Thread_local int	 machine;

/* Whether a language or locale name would lead gettext out of its folder. */
static int
names_folder(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '/' || (s[i] == '.' && i + 1 < n &&
		    s[i + 1] == '.'))
			return 1;
	return 0;
}

/*
 * LANGUAGE less its elements that name a folder: "../../tmp/x:sv" would
 * have gettext load a catalogue from /tmp.  NULL when none does.
 */
static char *
safe_languages(const char *v)
{
	const char *p, *end;
	char *keep;
	size_t n, len = 0;
	int any = 0;

	keep = xmalloc(strlen(v) + 1);
	for (p = v; *p != '\0'; p = *end == ':' ? end + 1 : end) {
		end = p + strcspn(p, ":");
		n = (size_t)(end - p);
		if (names_folder(p, n)) {
			any = 1;
			continue;
		}
		if (len > 0)
			keep[len++] = ':';
		memcpy(keep + len, p, n);
		len += n;
	}
	keep[len] = '\0';
	if (!any) {
		free(keep);
		return NULL;
	}
	return keep;
}

/*
 * Drops what names a folder from the variables gettext reads, before it
 * reads them: it would load the catalogue found there.  The value dropped
 * is kept for doctor.
 */
static void
sanitize_environment(void)
{
	const char *v;
	char *keep;
	size_t i;

	for (i = 0; i < NVARS; i++) {
		if ((v = getenv(lang_vars[i])) == NULL)
			continue;
		if (i == 0 && (keep = safe_languages(v)) != NULL) {
			dropped[i] = xstrdup(v);
			if (*keep != '\0')
				setenv(lang_vars[i], keep, 1);
			else
				unsetenv(lang_vars[i]);
			free(keep);
		} else if (i > 0 && names_folder(v, strlen(v))) {
			dropped[i] = xstrdup(v);
			unsetenv(lang_vars[i]);
		}
	}
}

/* The locale the environment asks for messages in, as setlocale() reads it. */
static const char *
wanted_messages(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return "";
}

/* The folder "locale" beside the running binary, if there is one. */
static int
beside_binary(char *dir, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct stat st;
	char *slash;

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL || (size_t)(slash - exe) + sizeof("/locale") > size)
		return -1;
	memcpy(dir, exe, (size_t)(slash - exe));
	strcpy(dir + (slash - exe), "/locale");
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

/*
 * Whether the header of the catalogue gettext finds now names a plural
 * rule sams knows (or none: gettext's default is n != 1).  The rule is
 * kept in refused when not.
 */
static int
plurals_ok(void)
{
	static const char header[] = "";	/* not a literal for xgettext */
	const char *h = gettext(header), *p;
	char rule[sizeof(refused)];
	size_t i, n = 0;

	if ((p = strstr(h, "Plural-Forms:")) == NULL)
		return 1;
	p += strlen("Plural-Forms:");
	p += strspn(p, " \t");
	snprintf(refused, sizeof(refused), "%.*s", (int)strcspn(p, "\n"), p);
	for (i = 0; refused[i] != '\0' && n + 2 < sizeof(rule); i++)
		if (refused[i] != ' ' && refused[i] != '\t')
			rule[n++] = refused[i];
	if (n > 0 && rule[n - 1] != ';')
		rule[n++] = ';';
	rule[n] = '\0';
	for (i = 0; i < sizeof(plurals_known) / sizeof(plurals_known[0]); i++)
		if (strcmp(rule, plurals_known[i]) == 0)
			return 1;
	return 0;
}

/*
 * Every catalogue LANGUAGE may lead to has a plural rule sams knows: one
 * language at a time (gettext takes each message from the first that has
 * it, and its plural from that catalogue), then the locale's own.
 */
static int
catalogues_ok(void)
{
	const char *v = getenv("LANGUAGE");
	char *all, *each, *lang, *save;
	int good = 1;

	if (v == NULL || *v == '\0' || (all = strdup(v)) == NULL)
		return plurals_ok();
	if ((each = strdup(v)) != NULL) {
		for (lang = strtok_r(each, ":", &save); lang != NULL && good;
		    lang = strtok_r(NULL, ":", &save)) {
			setenv("LANGUAGE", lang, 1);
			textdomain("sams");	/* forgets what was found */
			good = plurals_ok();
		}
		free(each);
	}
	setenv("LANGUAGE", all, 1);
	textdomain("sams");
	free(all);
	return good && plurals_ok();
}

void
i18n_init(void)
{
	const char *env = getenv("SAMS_LOCALEDIR");
	const char *want;

	sanitize_environment();
	want = wanted_messages();

	/*
	 * sams reads and writes UTF-8 whatever the locale says; ctype stays
	 * as in C (C.UTF-8 classifies no byte above 127).
	 */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	if (strlen(want) < sizeof(locale_name))
		strcpy(locale_name, *want != '\0' ? want : "C");
	else
		locale_too_long = 1;
	if (setlocale(LC_MESSAGES, "") == NULL) {
		locale_missing = 1;
		/*
		 * LANG=sv_SE.UTF-8 on a machine where that locale was never
		 * generated: the catalogue needs no locale data, so ask for
		 * the language by LANGUAGE under C.UTF-8 (doctor says what
		 * is missing).
		 */
		if (setlocale(LC_MESSAGES, "C.UTF-8") != NULL &&
		    strncmp(want, "sv", 2) == 0 && getenv("LANGUAGE") == NULL)
			setenv("LANGUAGE", "sv", 1);
	}
	if (env != NULL && *env != '\0' && strlen(env) < sizeof(localedir))
		strcpy(localedir, env);
	else if (beside_binary(localedir, sizeof(localedir)) != 0)
		strcpy(localedir, LOCALEDIR);
	bindtextdomain("sams", localedir);
	bind_textdomain_codeset("sams", "UTF-8");
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain("sams");
	catalogue_refused = !catalogues_ok();
	if (!catalogue_refused)
		refused[0] = '\0';
}

/*
 * The next printf directive of s from *p, as what decides the arguments
 * it reads and how: a '*' width, and the precision, length and conversion
 * as they are written (".40s", "zu").  Flags and a width in digits only
 * pad, which a translation may do otherwise.  0 at the end of s.
 */
struct directive {
	const char	*at;
	size_t		 len;
	int		 star;
};

static int
next_directive(const char **p, struct directive *d)
{
	const char *s = *p;

	while ((s = strchr(s, '%')) != NULL && s[1] == '%')
		s += 2;
	if (s == NULL)
		return 0;
	s++;
	s += strspn(s, "-+ #0'");
	d->star = *s == '*';
	s += d->star ? 1 : strspn(s, "0123456789");
	d->at = s;
	if (*s == '.')
		s += 1 + strspn(s + 1, "0123456789*");
	s += strspn(s, "hlqjztL");
	if (*s != '\0')
		s++;
	d->len = (size_t)(s - d->at);
	*p = s;
	return 1;
}

/* Whether tr reads the arguments of msgid as msgid does; never with %n. */
static int
same_directives(const char *msgid, const char *tr)
{
	struct directive a, b;
	int more_a, more_b;

	for (;;) {
		more_a = next_directive(&msgid, &a);
		more_b = next_directive(&tr, &b);
		if (!more_a || !more_b)
			return more_a == more_b;
		if (a.star != b.star || a.len != b.len || b.len == 0 ||
		    memcmp(a.at, b.at, a.len) != 0 || b.at[b.len - 1] == 'n')
			return 0;
	}
}

const char *
i18n_gettext(const char *msgid)
{
	const char *tr;

	if (catalogue_refused || *msgid == '\0')
		return msgid;
	tr = gettext(msgid);
	return tr == msgid || same_directives(msgid, tr) ? tr : msgid;
}

const char *
i18n_ngettext(const char *msgid, const char *plural, unsigned long n)
{
	const char *tr, *english = n == 1 ? msgid : plural;

	if (catalogue_refused)
		return english;
	tr = ngettext(msgid, plural, n);
	if (tr == msgid || tr == plural || same_directives(plural, tr) ||
	    same_directives(msgid, tr))
		return tr;
	return english;
}

const char *
i18n_localedir(void)
{
	return localedir;
}

const char *
i18n_locale(void)
{
	return locale_too_long ? NULL : locale_name;
}

const char *
i18n_dropped(const char *var)
{
	size_t i;

	for (i = 0; i < NVARS; i++)
		if (strcmp(var, lang_vars[i]) == 0)
			return dropped[i];
	return NULL;
}

const char *
i18n_refused(void)
{
	return catalogue_refused ? refused : NULL;
}

int
i18n_locale_missing(void)
{
	return locale_missing;
}

const char *
i18n_language(void)
{
	/* TRANSLATORS: the name of your language, in your language. */
	return _("English");
}

int
i18n_translating(void)
{
	return strcmp(i18n_language(), "English") != 0;
}

void
i18n_machine(int on)
{
	machine = on;
}

int
i18n_is_machine(void)
{
	return machine;
}
