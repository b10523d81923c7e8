/*
 * modelc: loads model files with sams's own loader, so that a broken model
 * fails the build, and writes them as static C data, so that sams parses
 * nothing at start-up.  Usage: modelc FILE.yml... > builtin_models.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "modelset.h"

/* Writes s as a C string literal, or NULL. */
static void
str(const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			printf("\\%03o", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/* A static array of strings named NAME_N, or nothing when empty. */
static void
strings(const char *name, size_t n, const char **list, size_t count)
{
	size_t i;

	if (count == 0)
		return;
	printf("static const char *%s_%zu[] = {", name, n);
	for (i = 0; i < count; i++) {
		fputs(i ? ", " : " ", stdout);
		str(list[i]);
	}
	puts(" };");
}

static void
rule(const struct due_rule *r)
{
	printf("{ ");
	str(r->base);
	printf(", %d, %d }", r->amount, r->unit);
}

/* A "when" as a static array named PREFIX_ID, or nothing when empty. */
static void
conditions(const char *prefix, size_t id, const struct condition *when,
    size_t n)
{
	size_t k;
	char name[48];

	for (k = 0; k < n; k++) {
		snprintf(name, sizeof(name), "%s_values_%zu", prefix, k);
		strings(name, id, when[k].values, when[k].nvalues);
	}
	if (n == 0)
		return;
	printf("static struct condition %s_%zu[] = {", prefix, id);
	for (k = 0; k < n; k++) {
		printf(" { ");
		str(when[k].fact);
		printf(", %s_values_%zu_%zu, %zu, %zu },", prefix, k, id,
		    when[k].nvalues, when[k].group);
	}
	puts(" };");
}

/* ", .FIELD = NAME_ID, .NFIELD = COUNT", or nothing when empty. */
static void
list(const char *field, const char *name, size_t id, size_t count)
{
	if (count > 0)
		printf(", .%s = %s_%zu, .n%s = %zu", field, name, id, field,
		    count);
}

static void
field(const char *name, const char *value)
{
	printf(", .%s = ", name);
	str(value);
}

/* A step's form as static data named form_ID, or nothing when none. */
static void
form(const struct form *f, size_t id)
{
	size_t k;

	if (f == NULL)
		return;
	strings("signed", id, f->signed_by, f->nsigned);
	if (f->nfields > 0) {
		printf("static const struct form_field fields_%zu[] = {", id);
		for (k = 0; k < f->nfields; k++) {
			printf(" { ");
			str(f->fields[k].label);
			printf(", %d },", f->fields[k].lines);
		}
		puts(" };");
	}
	printf("static const struct form form_%zu = { .title = ", id);
	str(f->title);
	field("about", f->about);
	if (f->nfields > 0)
		printf(", .fields = fields_%zu, .nfields = %zu", id,
		    f->nfields);
	if (f->nsigned > 0)
		printf(", .signed_by = signed_%zu, .nsigned = %zu", id,
		    f->nsigned);
	printf(", .line = %zu, .col = %zu };\n", f->line, f->col);
}

static void
step_data(int mi, const struct step *s, size_t i)
{
	size_t k, id = (size_t)mi * 1000 + i;

	strings("what", id, s->what, s->nwhat);
	strings("law", id, s->law, s->nlaw);
	strings("warn", id, s->warn, s->nwarn);
	strings("after_ids", id, s->after_ids, s->nafter);
	conditions("when", id, s->when, s->nwhen);
	form(s->form, id);
	if (s->nafter > 0) {
		printf("static size_t after_%zu[] = {", id);
		for (k = 0; k < s->nafter; k++)
			printf(" %zu,", s->after[k]);
		puts(" };");
	}
}

static void
steps(int mi, const struct model *m)
{
	const struct step *s;
	size_t i, id;

	for (i = 0; i < m->nsteps; i++)
		step_data(mi, &m->steps[i], i);
	printf("static struct step steps_%d[] = {\n", mi);
	for (i = 0; i < m->nsteps; i++) {
		s = &m->steps[i];
		id = (size_t)mi * 1000 + i;
		printf("\t{ .id = ");
		str(s->id);
		field("title", s->title);
		field("why", s->why);
		field("source", s->source);
		field("source_note", s->source_note);
		printf(", .phase = %zu, .owner = %zu", s->phase, s->owner);
		if (s->fallback == NO_INDEX)
			printf(", .fallback = NO_INDEX");
		else
			printf(", .fallback = %zu", s->fallback);
		list("what", "what", id, s->nwhat);
		list("law", "law", id, s->nlaw);
		list("when", "when", id, s->nwhen);
		list("warn", "warn", id, s->nwarn);
		if (s->form != NULL)
			printf(", .form = &form_%zu", id);
		if (s->nafter > 0)
			printf(", .after_ids = after_ids_%zu, .after = "
			    "after_%zu, .nafter = %zu", id, id, s->nafter);
		printf(", .due = ");
		rule(&s->due);
		printf(", .due_acute = ");
		rule(&s->due_acute);
		printf(", .recurs = ");
		rule(&s->recurs);
		printf(", .line = %zu, .col = %zu },\n", s->line, s->col);
	}
	puts("};");
}

static void
roles_phases(int mi, const struct model *m)
{
	size_t i;

	printf("static struct role roles_%d[] = {\n", mi);
	for (i = 0; i < m->nroles; i++) {
		printf("\t{ .id = ");
		str(m->roles[i].id);
		field("title", m->roles[i].title);
		field("about", m->roles[i].about);
		printf(", .line = %zu, .col = %zu },\n", m->roles[i].line,
		    m->roles[i].col);
	}
	printf("};\nstatic struct phase phases_%d[] = {\n", mi);
	for (i = 0; i < m->nphases; i++) {
		printf("\t{ .id = ");
		str(m->phases[i].id);
		field("title", m->phases[i].title);
		field("about", m->phases[i].about);
		printf(", .starts = ");
		rule(&m->phases[i].starts);
		field("opens_with", m->phases[i].opens_with);
		printf(", .ends = ");
		rule(&m->phases[i].ends);
		printf(", .line = %zu, .col = %zu },\n", m->phases[i].line,
		    m->phases[i].col);
	}
	puts("};");
}

static void
warnings(int mi, const struct model *m)
{
	const struct warning *w;
	size_t i;

	for (i = 0; i < m->nwarnings; i++)
		conditions("wwhen", (size_t)mi * 1000 + i, m->warnings[i].when,
		    m->warnings[i].nwhen);
	printf("static struct warning warnings_%d[] = {\n", mi);
	for (i = 0; i < m->nwarnings; i++) {
		w = &m->warnings[i];
		printf("\t{ .id = ");
		str(w->id);
		field("text", w->text);
		list("when", "wwhen", (size_t)mi * 1000 + i, w->nwhen);
		printf(", .line = %zu, .col = %zu },\n", w->line, w->col);
	}
	puts("\t{ .id = NULL }\n};");
}

static void
model(int mi, const struct model *m)
{
	size_t i;

	roles_phases(mi, m);
	warnings(mi, m);
	steps(mi, m);
	printf("static size_t slots_%d[] = {", mi);
	for (i = 0; i < m->nslots; i++) {
		fputs(i % 12 ? " " : "\n\t", stdout);
		if (m->slots[i] == NO_INDEX)
			fputs("NO_INDEX,", stdout);
		else
			printf("%zu,", m->slots[i]);
	}
	printf("\n};\nstatic struct model model_%d = {\n\t.name = "
	    "(char *)", mi);
	str(m->name);
	printf(",\n\t.id = ");
	str(m->id);
	field("title", m->title);
	field("about", m->about);
	field("version", m->version);
	field("extends", m->extends);
	field("school_start", m->school_start);
	printf(",\n\t.roles = roles_%d, .nroles = %zu, .phases = "
	    "phases_%d, .nphases = %zu,\n\t.steps = steps_%d, .nsteps = "
	    "%zu, .slots = slots_%d, .nslots = %zu,\n\t.warnings = "
	    "warnings_%d, .nwarnings = %zu\n};\n\n", mi, m->nroles, mi,
	    m->nphases, mi, m->nsteps, mi, m->nslots, mi, m->nwarnings);
}

/* Models that extend another find it in the same folder. */
static void
set_dir(const char *path)
{
	static char dir[4096];
	const char *slash = strrchr(path, '/');

	snprintf(dir, sizeof(dir), "%.*s", slash != NULL ?
	    (int)(slash - path) : 1, slash != NULL ? path : ".");
	model_set_dir(dir);
}

int
main(int argc, char *argv[])
{
	struct model **models;
	char *text;
	size_t len;
	int i;

	models = calloc((size_t)argc, sizeof(*models));
	if (models == NULL)
		return 1;
	printf("/* Generated by tools/modelc from phases/; do not edit. */\n"
	    "#include <stddef.h>\n\n#include \"modelset.h\"\n\n");
	for (i = 1; i < argc; i++) {
		set_dir(argv[i]);	/* for "extends" */
		if (file_read(argv[i], 1 << 20, &text, &len) != 0)
			return 1;
		models[i] = model_load(text, len, argv[i]);
		if (models[i] == NULL)
			return 1;	/* the loader said why */
		model(i, models[i]);
	}
	puts("const struct builtin_model builtin_models[] = {");
	for (i = 1; i < argc; i++) {
		printf("\t{ ");
		str(models[i]->id);
		printf(", &model_%d },\n", i);
	}
	puts("\t{ NULL, NULL }\n};\n\nconst char *const builtin_model_ids[] "
	    "= {");
	for (i = 1; i < argc; i++) {
		printf("\t");
		str(models[i]->id);
		puts(",");
	}
	puts("\tNULL\n};");
	for (i = 1; i < argc; i++)
		model_free(models[i]);
	model_cache_release();
	free(models);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
