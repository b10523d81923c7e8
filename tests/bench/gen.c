/*
 * gen: writes N invented case files for benchmarks, spread over nested
 * folders, at every point of the SAMS process, with realistic histories.
 * The same seed gives the same files.  Usage: gen DIR N [SEED]
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The SAMS steps in the order a case goes through them. */
static const char *const steps[] = {
	"ip-kartlagg", "ip-informera", "ip-skolplats", "ip-vardplan",
	"ip-delaktighet", "ip-beslut", "ip-overlamning", "ip-mottagande",
	"up-skolstart", "up-narvaro", "up-hemkommun", "up-folja", "up-mote",
	"ia-informera", "ia-efter", "ia-skolplats", "ia-beslut",
	"ia-overlamning", "ia-mottagande", "uf-elev", "uf-kontinuitet",
	"uf-lardomar"
};
#define NSTEPS	(sizeof(steps) / sizeof(steps[0]))

static const char *const first[] = { "Anna", "Bo", "Carl", "Disa", "Erik",
    "Frida", "Gun", "Hans", "Ida", "Jon" };
static const char *const last[] = { "Andersson", "Berg", "Dahl", "Ek",
    "Falk", "Holm", "Jansson", "Lind", "Nord", "Strand" };
static const char *const types[] = { "familjehem", "jourhem", "hvb",
    "stodboende", "skyddat-boende" };
static const char *const forms[] = { "grundskola", "grundskola",
    "gymnasieskola", "anpassad-grundskola", "forskoleklass" };

static unsigned long long state;

static unsigned
rnd(unsigned n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

static void
date(char *buf, int day)	/* day 0 is 2024-01-01, months of 28 days */
{
	sprintf(buf, "%04d-%02d-%02d", 2024 + day / 336, day % 336 / 28 + 1,
	    day % 28 + 1);
}

static void
person(char *buf, size_t size)
{
	snprintf(buf, size, "%s %s", first[rnd(10)], last[rnd(10)]);
}

static int
mkdirs(const char *path)
{
	char tmp[4096], *p;

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (p = tmp + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0700) == -1 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(tmp, 0700) == -1 && errno != EEXIST ? -1 : 0;
}

static void
write_case(FILE *fp, unsigned i)
{
	char d[11], who[64], sw[64];
	int start = 60 + (int)rnd(900), day = start - 20 - (int)rnd(20);
	unsigned k, done = rnd(NSTEPS + 1);

	person(sw, sizeof(sw));
	fprintf(fp, "# Påhittat ärende för prestandatest.\nsams-case: 1\n"
	    "id: BENCH-%06u\nmodel: sams\nplacement:\n  type: %s\n", i,
	    types[rnd(5)]);
	date(d, start);
	fprintf(fp, "  date: %s\n", d);
	if (done > 13) {
		date(d, start + 200 + (int)rnd(200));
		fprintf(fp, "  end: %s\n", d);
	}
	fprintf(fp, "  acute: %s\nschool:\n  change: true\n  form: %s\n"
	    "  sending: Skola %u\ncontacts:\n  socialtjanst: \"%s\"\n",
	    rnd(8) == 0 ? "true" : "false", forms[rnd(5)], rnd(400), sw);
	person(who, sizeof(who));
	fprintf(fp, "  rektor-avlamnande: \"%s\"\nhistory:\n", who);
	date(d, day);
	fprintf(fp, "- {date: %s, event: opened, by: \"%s\"}\n", d, sw);
	for (k = 0; k < done; k++) {
		day += (int)rnd(9);
		date(d, day);
		person(who, sizeof(who));
		if (rnd(6) == 0)
			fprintf(fp, "- {date: %s, event: note, by: \"%s\", "
			    "note: \"Samtal med skolan om stöd och närvaro, "
			    "uppföljning bokad.\"}\n", d, who);
		if (rnd(10) == 0)
			fprintf(fp, "- {date: %s, event: skip, step: %s, by: "
			    "\"%s\", reason: \"Gjort i tidigare ärende\"}\n",
			    d, steps[k], who);
		else
			fprintf(fp, "- {date: %s, event: done, step: %s, by: "
			    "\"%s\"}\n", d, steps[k], who);
	}
}

int
main(int argc, char *argv[])
{
	char dir[4096], path[4200];
	unsigned i, n;
	FILE *fp;

	if (argc < 3) {
		fputs("usage: gen DIR N [SEED]\n", stderr);
		return 64;
	}
	n = (unsigned)strtoul(argv[2], NULL, 10);
	state = argc > 3 ? strtoull(argv[3], NULL, 10) : 2026;
	for (i = 0; i < n; i++) {
		snprintf(dir, sizeof(dir), "%s/kommun-%02u/%03u", argv[1],
		    i % 7, i / 7 % 300);
		snprintf(path, sizeof(path), "%s/case-%06u.yml", dir, i);
		if (mkdirs(dir) == -1 || (fp = fopen(path, "w")) == NULL) {
			perror(path);
			return 1;
		}
		write_case(fp, i);
		if (fclose(fp) != 0) {
			perror(path);
			return 1;
		}
	}
	return 0;
}
