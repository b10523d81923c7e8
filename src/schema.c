/* Reading YAML trees against key tables, reporting every problem. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "schema.h"
#include "text.h"

void
schema_error(struct schema *s, const struct ynode *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), i18n_is_machine() ? fmt : _(fmt), ap);
	va_end(ap);
	s->errors++;
	error_at(s->file, n != NULL ? n->line : 0, n != NULL ? n->col : 0,
	    "%s", msg);
}

static const struct keydef *
find_key(const struct keydef *keys, const char *key)
{
	for (; keys->key != NULL; keys++)
		if (keys->key[0] == key[0] && strcmp(keys->key, key) == 0)
			return keys;
	return NULL;
}

void
schema_map(struct schema *s, const struct ynode *map,
    const struct keydef *keys, void *obj, const char *what,
    schema_fn *unknown)
{
	const struct keydef *k;
	size_t i;

	if (map == NULL || map->kind != YN_MAP) {
		schema_error(s, map, "%s must be a mapping of keys",
		    text_msg(what));
		return;
	}
	for (i = 0; i + 1 < map->nkids; i += 2) {
		if (map->kids[i]->dup)
			continue;	/* yamlio reported it; read the first */
		k = find_key(keys, map->kids[i]->str);
		if (k != NULL)
			k->fn(s, map->kids[i], map->kids[i + 1], obj);
		else if (unknown != NULL)
			unknown(s, map->kids[i], map->kids[i + 1], obj);
		else
			schema_error(s, map->kids[i], "unknown key '%.40s' in "
			    "%s", map->kids[i]->str, text_msg(what));
	}
	for (k = keys; k->key != NULL; k++)
		if (k->required && ymap_get(map, k->key) == NULL)
			schema_error(s, map, "%s lacks the required key '%s'",
			    text_msg(what), k->key);
}

const char *
schema_text(struct schema *s, const struct ynode *n, const char *field)
{
	if (n == NULL || n->kind != YN_SCALAR || ynode_is_null(n)) {
		schema_error(s, n, "'%s' must be a non-empty text", field);
		return NULL;
	}
	return n->str;
}

void
schema_list(struct schema *s, const struct ynode *n, const char *field,
    const char ***out, size_t *count)
{
	size_t i;

	*out = NULL;
	*count = 0;
	if (n->kind == YN_SCALAR) {
		if (schema_text(s, n, field) == NULL)
			return;
		*out = arena_alloc(s->arena, sizeof(**out));
		(*out)[0] = n->str;
		*count = 1;
		return;
	}
	if (n->kind != YN_SEQ) {
		schema_error(s, n, "'%s' must be a list", field);
		return;
	}
	*out = arena_alloc(s->arena, (n->nkids + 1) * sizeof(**out));
	for (i = 0; i < n->nkids; i++)
		if (schema_text(s, n->kids[i], field) != NULL)
			(*out)[(*count)++] = n->kids[i]->str;
}

int
schema_is_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40 || s[0] == '-')
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

void
schema_version(struct schema *s, const struct ynode *v, const char *key)
{
	if (v->kind != YN_SCALAR || strcmp(v->str, "1") != 0)
		schema_error(s, v, "unsupported %s format (this sams reads "
		    "format 1)", key);
}

void
schema_format_key(struct schema *s, const struct ynode *k,
    const struct ynode *v, void *obj)
{
	(void)obj;
	schema_version(s, v, k->str);
}
