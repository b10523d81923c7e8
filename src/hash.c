/* FNV-1a, for the hash tables' buckets. */
#include <string.h>

#include "hash.h"

#define FNV_OFFSET	2166136261u
#define FNV_PRIME	16777619u

size_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t h = FNV_OFFSET, i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * FNV_PRIME;
	return h;
}

size_t
hash_str(const char *s)
{
	return hash_bytes(s, strlen(s));
}
