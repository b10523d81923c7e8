/* The HTML page: escapes, the document and its style sheet, sections. */
#include <string.h>

#include "date.h"
#include "html.h"
#include "i18n.h"
#include "text.h"

/*
 * The style: black on white and a dark red well above WCAG AA's 4.5:1
 * (#a4001d on white is 7.5:1); bars have a dark border so that they keep
 * their shape in grey on paper.  Dates, days late, states and ids never
 * wrap ("2026-11-" over "21" misreads).  Each section after the first begins
 * a new A4 page when printed.
 */
static const char style[] =
    "body{font-family:system-ui,sans-serif;color:#111;background:#fff;"
    "margin:0;line-height:1.4}\n"
    "main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}\n"
    "h1{font-size:1.6rem;margin:.5rem 0}\n"
    "h2{font-size:1.25rem;border-bottom:2px solid #111;margin-top:2rem}\n"
    "h3{font-size:1.05rem;margin:1.2rem 0 .3rem}\n"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}\n"
    "caption{text-align:left;font-weight:bold;padding:.2rem 0}\n"
    "th,td{border:1px solid #767676;padding:.2rem .45rem;"
    "text-align:left;vertical-align:top}\n"
    "th{background:#eee}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "h1,h2,h3,caption,dd,p,li,figcaption{overflow-wrap:anywhere}\n"
    "th,td{overflow-wrap:break-word}td.w{overflow-wrap:anywhere;min-width:8rem}\n"
    "td.nw{white-space:nowrap}\n"
    "ul.in{margin:0;padding-left:1rem}\n"
    "dl.facts{display:grid;grid-template-columns:max-content auto;"
    "gap:.1rem 1rem}\n"
    "dl.facts dt{font-weight:bold}\n"
    "dl.facts dd{margin:0}\n"
    ".late{color:#a4001d;font-weight:bold}\n"
    ".warn{border-left:4px solid #a4001d;padding:.3rem .6rem;"
    "background:#fff4f4}\n"
    "figure{margin:1rem 0}\n"
    "figcaption{font-size:.9rem}\n"
    "svg{max-width:100%;height:auto}\n"
    "svg text{font-family:system-ui,sans-serif;font-size:12px;"
    "fill:#111}\n"
    "code{font-size:.95em;white-space:nowrap}\n"
    "@page{size:A4;margin:15mm}\n"
    "@media print{main{max-width:none;padding:0}"
    "section+section{break-before:page}"
    "tr,figure{break-inside:avoid}th{background:#ddd}"
    ".warn{background:none}}\n";

/* The character reference of a markup character, or NULL. */
static const char *
reference(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

/*
 * A page holds a row or more per case: runs of bytes shown as they are go
 * out in one fwrite each, and only markup and text.h's unsafe characters
 * stop a run.
 */
static void
html_putn(FILE *fp, const char *s, size_t n)
{
	size_t start = 0, i = 0, len;
	unsigned long cp;
	const char *ref;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			if ((ref = reference(c)) == NULL) {
				i++;
				continue;
			}
			fwrite(s + start, 1, i - start, fp);
			fputs(ref, fp);
			start = ++i;
			continue;
		}
		if (text_next(s + i, n - i, &len, &cp) == TEXT_PLAIN) {
			i += len;
			continue;
		}
		fwrite(s + start, 1, i - start, fp);
		text_putn(fp, s + i, len);	/* its escape: no markup */
		start = i += len;
	}
	fwrite(s + start, 1, n - start, fp);
}

void
html_put(FILE *fp, const char *s)
{
	html_putn(fp, s, strlen(s));
}

void
html_put_format(FILE *fp, const char *fmt, const struct html_arg *args,
    size_t n)
{
	const char *p;
	size_t k;

	for (k = 0; k < n && (p = strstr(fmt, "%s")) != NULL; k++) {
		html_putn(fp, fmt, (size_t)(p - fmt));
		fputs(args[k].open, fp);
		html_put(fp, args[k].text);
		fputs(args[k].close, fp);
		fmt = p + 2;
	}
	html_put(fp, fmt);
}

void
html_long(FILE *fp, long v)
{
	char buf[24], *p = buf + sizeof(buf);
	unsigned long u = v < 0 ? 0 - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), fp);
}

void
html_date_text(long day, char buf[11])
{
	if (day == DATE_NONE || !date_in_range(day))
		strcpy(buf, "–");
	else
		date_format(day, buf);
}

void
html_date(FILE *fp, long day)
{
	char date[11];

	html_date_text(day, date);
	fputs(date, fp);
}

void
html_begin(FILE *fp, const char *title)
{
	html_begin_style(fp, title, "");
}

void
html_begin_style(FILE *fp, const char *title, const char *extra)
{
	/* TRANSLATORS: the language of HTML pages, for <html lang="...">: "sv" */
	const char *lang = _("en");

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", lang);
	html_put(fp, title);
	fprintf(fp, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n"
	    "<main>\n", style, extra);
}

void
html_end(FILE *fp)
{
	fputs("</main>\n</body>\n</html>\n", fp);
}

void
html_section(FILE *fp, const char *id, const char *heading)
{
	fprintf(fp, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n"
	    "<h2 id=\"%s-h\">", id, id, id);
	html_put(fp, heading);
	fputs("</h2>\n", fp);
}

void
html_section_end(FILE *fp)
{
	fputs("</section>\n", fp);
}
