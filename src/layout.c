/* Text laid out for people: padded cells and wrapped paragraphs. */
#include <stdarg.h>
#include <string.h>

#include "layout.h"
#include "text.h"

/* Where a wrapped paragraph ends: a terminal of 80 less a margin. */
#define WRAP_COLUMNS	78

void
layout_pad(FILE *fp, const char *s, size_t width)
{
	size_t w = text_width(s);

	text_put(fp, s);
	if (w >= width && width > 0)
		fputc(' ', fp);		/* an overlong cell still ends */
	for (; w < width; w++)
		fputc(' ', fp);
}

void
layout_wrap(FILE *fp, const char *text, size_t col, size_t indent)
{
	const char *p = text, *end;
	size_t word, i;
	int first = 1;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		end = p + strcspn(p, " \n");
		word = text_width_n(p, (size_t)(end - p));
		if (!first && col + 1 + word > WRAP_COLUMNS) {
			fputc('\n', fp);
			for (i = 0; i < indent; i++)
				fputc(' ', fp);
			col = indent;
		} else if (!first) {
			fputc(' ', fp);
			col++;
		}
		text_putn(fp, p, (size_t)(end - p));
		col += word;
		first = 0;
		p = end;
	}
	fputc('\n', fp);
}

void
layout_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	const char *p;

	va_start(ap, fmt);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			fputc(*p, fp);
			continue;
		}
		if (p[1] == 's')
			text_put(fp, va_arg(ap, const char *));
		else if (p[1] == 'd')
			fprintf(fp, "%d", va_arg(ap, int));
		else if (p[1] == 'z' && p[2] == 'u') {
			fprintf(fp, "%zu", va_arg(ap, size_t));
			p++;
		} else if (p[1] == '%')
			fputc('%', fp);
		else	/* sams's formats for people use no other */
			break;
		p++;
	}
	va_end(ap);
}
