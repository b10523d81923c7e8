/* The locale for messages and where the catalogue is (see i18n.h). */
#include <sys/stat.h>

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR	"/usr/local/share/locale"
#endif

static char			 localedir[PATH_MAX];
static char			 locale_name[256];
static int			 locale_missing;
static _Thread_local int	 machine;

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

void
i18n_init(void)
{
	const char *env = getenv("SAMS_LOCALEDIR");
	const char *want = wanted_messages();

	/*
	 * sams reads and writes UTF-8 whatever the locale says; ctype stays
	 * as in C (C.UTF-8 classifies no byte above 127).
	 */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	if (strlen(want) < sizeof(locale_name))
		strcpy(locale_name, *want != '\0' ? want : "C");
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
}

const char *
i18n_localedir(void)
{
	return localedir;
}

const char *
i18n_locale(void)
{
	return locale_name;
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
