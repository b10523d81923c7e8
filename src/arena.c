/* A bump allocator: one owner frees a whole tree in one call. */
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define ARENA_BLOCK	(32 * 1024)

struct arena_block {
	struct arena_block	*next;
	size_t			 used, size;
	alignas(max_align_t) unsigned char data[];
};

void *
arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b;
	size_t align = alignof(max_align_t);
	size_t want;

	size = (size + align - 1) / align * align;
	b = a->head;
	if (b == NULL || b->size - b->used < size) {
		want = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		b = xmalloc(sizeof(*b) + want);
		b->used = 0;
		b->size = want;
		b->next = a->head;
		a->head = b;
	}
	b->used += size;
	memset(b->data + b->used - size, 0, size);
	return b->data + b->used - size;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_release(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
