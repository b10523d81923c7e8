/*
 * Unit tests of spill.c: records come out in the order of their keys,
 * each once and whole, whether they stayed in memory or went through
 * the temporary file in many runs.
 */
#include <stdlib.h>
#include <string.h>

#include "spill.h"
#include "testutil.h"

/* The key of record i: its number scrambled, so the adding is unsorted. */
static void
key_of(unsigned i, char *key, size_t size)
{
	snprintf(key, size, "k%05u", i * 7919 % 10007);
}

/*
 * Adds n records under budget and reads them back: each key greater than
 * the last, each record's data the number it was made from; returns the
 * number of runs written.
 */
static size_t
round_trip(unsigned n, size_t budget)
{
	struct spill *s = spill_new(budget);
	const char *key, *data, *last = NULL;
	char buf[16], prev[16] = "";
	size_t klen, dlen, runs;
	unsigned i, got = 0, num;

	for (i = 0; i < n; i++) {
		key_of(i, buf, sizeof(buf));
		spill_add(s, buf, strlen(buf), &i, sizeof(i));
	}
	assert_int_equal(spill_sort(s), 0);
	while (spill_next(s, &key, &klen, &data, &dlen) == 1) {
		assert_int_equal(dlen, sizeof(num));
		memcpy(&num, data, sizeof(num));
		key_of(num, buf, sizeof(buf));
		assert_int_equal(klen, strlen(buf));
		assert_memory_equal(key, buf, klen);
		if (last != NULL)
			assert_true(strcmp(prev, buf) < 0);
		snprintf(prev, sizeof(prev), "%s", buf);
		last = prev;
		got++;
	}
	assert_int_equal(got, n);
	runs = spill_runs(s);
	spill_free(s);
	return runs;
}

static void
test_spill_sorts_records_held_in_memory(void **state)
{
	(void)state;
	/* 1,000 records of 8 + 6 + 4 = 18 bytes fit in 64 KiB: no file. */
	assert_int_equal(round_trip(1000, 64 * 1024), 0);
}

static void
test_spill_merges_many_runs_from_the_file(void **state)
{
	(void)state;
	/*
	 * 2,000 records of 18 bytes, 4 to a 80-byte budget (a fifth does
	 * not fit: 90 > 80): 2,000 / 4 = 500 runs, the last one too
	 * written since others were.
	 */
	assert_int_equal(round_trip(2000, 80), 500);
}

static void
test_spill_puts_a_key_before_its_longer_keys(void **state)
{
	struct spill *s = spill_new(1 << 16);
	const char *key, *data;
	size_t klen, dlen;

	(void)state;
	spill_add(s, "b", 1, NULL, 0);
	spill_add(s, "ab", 2, "2", 1);
	spill_add(s, "a\0z", 3, NULL, 0);	/* NUL is a byte like others */
	spill_add(s, "a", 1, "1", 1);
	assert_int_equal(spill_sort(s), 0);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_int_equal(klen, 1);
	assert_memory_equal(data, "1", 1);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_int_equal(klen, 3);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "ab", 2);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "b", 1);
	assert_int_equal(dlen, 0);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 0);
	spill_free(s);
}

static void
test_spill_keeps_a_record_larger_than_its_budget_whole(void **state)
{
	struct spill *s = spill_new(64);
	char big[100000];
	const char *key, *data;
	size_t klen, dlen;

	(void)state;
	memset(big, 'x', sizeof(big));
	big[sizeof(big) - 1] = 'y';
	spill_add(s, "b", 1, big, sizeof(big));
	spill_add(s, "a", 1, "small", 5);
	spill_add(s, "c", 1, "small", 5);
	assert_int_equal(spill_sort(s), 0);
	/* b alone (held while nothing else was), then a and c: 2 runs. */
	assert_int_equal(spill_runs(s), 2);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "a", 1);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_int_equal(dlen, sizeof(big));	/* more than a read buffer */
	assert_memory_equal(data, big, sizeof(big));
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "c", 1);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 0);
	spill_free(s);
}

static void
test_spill_of_nothing_reads_nothing(void **state)
{
	struct spill *s = spill_new(64);
	const char *key, *data;
	size_t klen, dlen;

	(void)state;
	assert_int_equal(spill_sort(s), 0);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 0);
	spill_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spill_sorts_records_held_in_memory),
		cmocka_unit_test(test_spill_merges_many_runs_from_the_file),
		cmocka_unit_test(test_spill_puts_a_key_before_its_longer_keys),
		cmocka_unit_test(
		    test_spill_keeps_a_record_larger_than_its_budget_whole),
		cmocka_unit_test(test_spill_of_nothing_reads_nothing),
	};

	return cmocka_run_group_tests_name("spill", tests, NULL, NULL);
}
