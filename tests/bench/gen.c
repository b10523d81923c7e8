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

/*
 * The steps of each model in the order a case goes through them (as
 * "sams phases" lists them), and where Inför avslut starts: a case past
 * that point has an end date.
 */
static const char *const sams_steps[] = {
	"ip-kartlagg", "ip-samtycke", "ip-informera", "ip-samrad",
	"ip-skolval", "ip-lvu-skola", "ip-medgivande", "ip-skolplats",
	"ip-yttrande", "ip-beslut", "ip-overlamning", "ip-mottagande",
	"ip-tillfallig", "ip-vardplan", "ip-delaktighet", "up-skolstart",
	"up-narvaro", "up-hemkommun", "up-aktivitetsansvar", "up-folja",
	"up-mote", "ia-samtycke", "ia-informera", "ia-delaktighet",
	"ia-skolplats", "ia-beslut", "ia-overlamning", "ia-mottagande",
	"ia-efter", "uf-elev", "uf-kontinuitet", "uf-lardomar", NULL
};
static const char *const sisam_steps[] = {
	"ip-kartlagg", "ip-samtycke", "ip-vardplan", "ip-delaktighet",
	"sis-information", "sis-avtal", "sis-hemskola", "sis-ansokan",
	"up-hemkommun", "up-aktivitetsansvar", "up-folja", "up-mote",
	"sis-overenskommelse", "sis-undervisning", "sis-aterkoppling",
	"ia-samtycke", "ia-informera", "ia-delaktighet", "ia-skolplats",
	"ia-beslut", "ia-mottagande", "ia-efter", "sis-utskrivning",
	"uf-elev", "uf-kontinuitet", "uf-lardomar", NULL
};
/* 2026-11-23, the SAMS_TODAY of bench.sh: no event after it. */
#define TODAY	(2 * 336 + 10 * 28 + 22)
#define SAMS_ENDING	21	/* ia-samtycke */
#define SISAM_ENDING	15

/* 20 x 15 names: 300 people own the steps of every case. */
static const char *const first[] = { "Anna", "Bo", "Carl", "Disa", "Erik",
    "Frida", "Gun", "Hans", "Ida", "Jon", "Karin", "Leo", "Maja", "Nils",
    "Olga", "Per", "Rut", "Sven", "Tova", "Ulf" };
static const char *const last[] = { "Andersson", "Berg", "Dahl", "Ek",
    "Falk", "Holm", "Jansson", "Lind", "Nord", "Strand", "Hed", "Kvist",
    "Lund", "Moberg", "Sjö" };
#define NFIRST	(sizeof(first) / sizeof(first[0]))
#define NLAST	(sizeof(last) / sizeof(last[0]))
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
	snprintf(buf, size, "%s %s", first[rnd(NFIRST)], last[rnd(NLAST)]);
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

/* A contact named one time in two (always for the social worker). */
static void
contact(FILE *fp, const char *role)
{
	char who[64];

	if (rnd(2) == 0)
		return;
	person(who, sizeof(who));
	fprintf(fp, "  %s: \"%s\"\n", role, who);
}

/*
 * One case: one in twelve at SiS (the SiSam model), the rest SAMS; done
 * up to a random point of its model, with notes, skipped steps and, past
 * the start of Inför avslut, an end date.
 */
static void
write_case(FILE *fp, unsigned i)
{
	char d[16], who[64], sw[64];
	int start = 60 + (int)rnd(900), day = start - 20 - (int)rnd(20);
	int sis = rnd(12) == 0;
	const char *const *steps = sis ? sisam_steps : sams_steps;
	unsigned k, nsteps = 0, done;

	while (steps[nsteps] != NULL)
		nsteps++;
	done = rnd(nsteps + 1);
	person(sw, sizeof(sw));
	fprintf(fp, "# Påhittat ärende för prestandatest.\nsams-case: 1\n"
	    "id: BENCH-%06u\nmodel: %s\nplacement:\n  type: %s\n", i,
	    sis ? "sisam" : "sams", sis ? "sis" : types[rnd(5)]);
	date(d, start);
	fprintf(fp, "  date: %s\n", d);
	if (done > (sis ? SISAM_ENDING : SAMS_ENDING)) {
		date(d, start + 200 + (int)rnd(200));
		fprintf(fp, "  end: %s\n", d);
	}
	fprintf(fp, "  acute: %s\nschool:\n  change: true\n  form: %s\n"
	    "  sending: Skola %u\ncontacts:\n  socialtjanst: \"%s\"\n",
	    rnd(8) == 0 ? "true" : "false", forms[rnd(5)], rnd(400), sw);
	contact(fp, "rektor-avlamnande");
	if (sis)
		contact(fp, "sis");
	else
		contact(fp, "rektor-mottagande");
	contact(fp, "samordnare");
	date(d, day);
	fprintf(fp, "history:\n- {date: %s, event: opened, by: \"%s\"}\n", d,
	    sw);
	for (k = 0; k < done; k++) {
		day += (int)rnd(9);
		if (day > TODAY)
			break;
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
