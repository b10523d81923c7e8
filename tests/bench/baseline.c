/*
 * baseline: what reading a case folder costs at the least: walk the
 * folders, read each *.yml file and run libyaml's event parser over it,
 * single-threaded.  sams report is measured against this.
 * Usage: baseline PATH...
 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

static unsigned long files, events;
static char buf[1 << 20];

static void
parse_file(const char *path)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	ssize_t n, len = 0;
	int fd, done = 0;

	fd = open(path, O_RDONLY);
	if (fd == -1)
		return;
	while ((n = read(fd, buf + len, sizeof(buf) - (size_t)len)) > 0)
		len += n;
	close(fd);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (unsigned char *)buf,
	    (size_t)len);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	files++;
}

static void
walk(const char *dir)
{
	struct dirent *de;
	struct stat st;
	char path[4096];
	size_t n;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		parse_file(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &st) == -1)
			continue;
		n = strlen(de->d_name);
		if (S_ISDIR(st.st_mode))
			walk(path);
		else if (n > 4 && strcmp(de->d_name + n - 4, ".yml") == 0)
			parse_file(path);
	}
	closedir(d);
}

int
main(int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc; i++)
		walk(argv[i]);
	fprintf(stderr, "baseline: %lu files, %lu events\n", files, events);
	return 0;
}
