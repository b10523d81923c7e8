/*
 * The one string hash of the hash tables (FNV-1a): a bucket index for
 * names, ids and keys, never stored or shown.
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>

/* The hash of the n bytes at p. */
size_t	hash_bytes(const void *p, size_t n);
/* The hash of the string s, as hash_bytes() of its bytes. */
size_t	hash_str(const char *s);

#endif
