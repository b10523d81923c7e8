/*
 * A bump allocator for trees that live and die together (a parsed file and
 * everything built from it).  arena_release() frees every allocation at
 * once; nothing allocated from an arena is freed on its own.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;
};

#define ARENA_INIT { NULL }

/* Returns zeroed memory owned by the arena, aligned for any object. */
void	*arena_alloc(struct arena *a, size_t size);
/* Returns a NUL-terminated copy of s[0..n) owned by the arena. */
char	*arena_strndup(struct arena *a, const char *s, size_t n);
/* Frees every block; the arena is empty and reusable afterwards. */
void	 arena_release(struct arena *a);

#endif
