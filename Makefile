# sams: plain GNU make.  See README.md.
PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man
DATADIR	 = $(PREFIX)/share/sams
LOCALEDIR = $(PREFIX)/share/locale
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/vendor-completions

CC	?= cc
CFLAGS	?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla
SAMS_CPPFLAGS = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc
LIBS	 = -lyaml -lz -pthread

ifdef DEVELOPER
WARNINGS += -Werror
endif
ifdef SANITIZE
SAN_FLAGS = -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer
BUILD	?= build-san
else
BUILD	?= build
endif

ALL_CFLAGS = $(WARNINGS) $(SAMS_CPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) \
	     -pthread
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)

LIB_SRCS = arena batch case caseio caselog cli colour date describe diag \
	   duerule facts fileio filter find folder form hash html htmlreport \
	   htmlstatus i18n \
	   json layout lint merge mergedriver model modeljson modellink \
	   modelset pager pathstream personnummer render report schema spill \
	   state stats statsout strbuf suggest svg sysio term text walk words \
	   xalloc xlsx yamlio
CMD_SRCS = main percase cmd_check cmd_complete cmd_doctor cmd_done cmd_form \
	   cmd_init cmd_log cmd_merge_file cmd_new cmd_next cmd_note \
	   cmd_phases cmd_reopen cmd_replace cmd_report cmd_roles cmd_set \
	   cmd_show cmd_skip cmd_stats cmd_status cmd_step
CORE_OBJS = $(LIB_SRCS:%=$(BUILD)/%.o)
LIB_OBJS = $(CORE_OBJS) $(BUILD)/builtin_models.o
CMD_OBJS = $(CMD_SRCS:%=$(BUILD)/%.o)
MODELS	 = $(sort $(wildcard phases/*.yml))
UNIT_TESTS = test_yamlio test_model test_case test_state test_date test_personnummer \
	     test_modelset test_fileio \
	     test_text test_suggest test_filter test_strbuf test_diag \
	     test_cli test_schema test_render test_report \
	     test_layout test_json test_when test_words test_svg \
	     test_html test_stats test_colour test_spill test_xlsx \
	     test_pathstream
UNIT_BINS = $(UNIT_TESTS:%=$(BUILD)/%)
MANPAGES = man/sams.1 man/sams-case.5 man/sams-phases.5

SAMS	 = $(BUILD)/sams

# Translations: po/LANG.po, built into BUILD/locale (which a binary run from
# BUILD finds) and installed under LOCALEDIR.  The keywords are the marks of
# i18n.h and the diag.h shorthands, which translate their format.
LINGUAS	 = sv
MOFILES	 = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/sams.mo)
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --add-comments=TRANSLATORS: \
	--keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=diag:5 \
	--keyword=fail_at:5 --keyword=error_at:4 --keyword=error_msg:1 \
	--keyword=info_at:4 --keyword=error_sys:3 --keyword=fail_sys:4 \
	--keyword=schema_error:3 --flag=schema_error:3:c-format \
	--flag=diag:5:c-format --flag=fail_at:5:c-format \
	--flag=error_at:4:c-format --flag=error_msg:1:c-format \
	--flag=info_at:4:c-format \
	--package-name=sams --package-version=$(VERSION) \
	--msgid-bugs-address="the sams issue tracker" --copyright-holder= --sort-by-file
VERSION	 = $(shell sed -n 's/^\#define SAMS_VERSION "\(.*\)"/\1/p' src/sams.h)

.PHONY: all demo update-po check check-all check-valgrind check-reliability bench bench-guard \
	fuzz install uninstall clean deps check-tsan check-browser screenshots \
	dist deb check-package

all: $(SAMS) $(MOFILES)

$(SAMS): $(CMD_OBJS) $(LIB_OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/i18n.o: ALL_CFLAGS += -DLOCALEDIR='"$(LOCALEDIR)"'

$(BUILD)/locale/%/LC_MESSAGES/sams.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# The catalogue of the sources as they are (make check compares it with
# po/LANG.po), and update-po, which merges it into every po/LANG.po.
$(BUILD)/sams.pot: $(wildcard src/*.c) | $(BUILD)
	xgettext $(XGETTEXT_FLAGS) -o $@.tmp $(sort $(wildcard src/*.c)) && \
	    mv $@.tmp $@

update-po: $(BUILD)/sams.pot
	cp $(BUILD)/sams.pot po/sams.pot
	for l in $(LINGUAS); do \
	    msgmerge --quiet --update --backup=none --no-wrap po/$$l.po \
	    po/sams.pot || exit 1; done

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The built-in models: checked by sams's own loader and written as C.
$(BUILD)/modelc: tools/modelc.c tools/nomodels.c $(CORE_OBJS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/modelc.c \
	    tools/nomodels.c $(CORE_OBJS) $(LIBS)

$(BUILD)/builtin_models.c: $(BUILD)/modelc $(MODELS)
	$(BUILD)/modelc $(MODELS) > $@.tmp && mv $@.tmp $@

$(BUILD)/builtin_models.o: $(BUILD)/builtin_models.c
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/test_%: tests/unit/test_%.c $(LIB_OBJS) tests/unit/testutil.h
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< \
	    $(LIB_OBJS) $(LIBS) -lcmocka

$(BUILD):
	mkdir -p $(BUILD)

# The README's two commands: both install what a Debian machine lacks
# (python3-openpyxl: the tests read the workbooks back).
demo:
	@$(MAKE) -s deps
	@$(MAKE) -s all
	$(SAMS) next examples/k7q2-familjehem.yml

check:
	@$(MAKE) -s deps
	@$(MAKE) -s check-all

check-all: $(SAMS) $(MOFILES) $(BUILD)/sams.pot $(UNIT_BINS)
	@sh tests/check.sh $(BUILD)

check-valgrind: $(SAMS) $(MOFILES) $(BUILD)/sams.pot $(UNIT_BINS)
	@VALGRIND=1 VALGRIND_CMD="valgrind -q --error-exitcode=1 \
	    --leak-check=full --show-leak-kinds=definite \
	    --errors-for-leak-kinds=definite" \
	    sh tests/check.sh $(BUILD)

# Kill and fault sweeps, concurrency, full disk: about a minute.
check-reliability: $(SAMS)
	@SAMS=$(abspath $(SAMS)) sh tests/reliability/run.sh

# The HTML pages in headless Chromium (installed when missing, as root):
# about a minute, so not part of make check.
check-browser: $(SAMS) $(MOFILES)
	@SAMS=$(abspath $(SAMS)) sh tests/browser/run.sh

# doc/report.png and doc/status.png for the README, from examples/.
screenshots: $(SAMS) $(MOFILES)
	@SAMS=$(abspath $(SAMS)) sh tests/browser/screenshot.sh doc

# ThreadSanitizer on report's reading threads, with clang, in build-tsan.
check-tsan:
	@$(MAKE) -s BUILD=build-tsan CC=clang SANITIZE=thread build-tsan/sams
	@sh tests/tsan/run.sh build-tsan

# libFuzzer on the readers and the merge driver, FUZZ_TIME seconds each:
# about 9 minutes in all, the CI budget.
FUZZ_TIME ?= 90
FUZZERS	 = case model local append date merge
fuzz:
	@$(MAKE) -s BUILD=build-fuzz CC=clang \
	    SANITIZE=fuzzer-no-link,address,undefined \
	    $(FUZZERS:%=build-fuzz/fuzz-%)
	@sh tests/fuzz/run.sh $(abspath build-fuzz) $(FUZZ_TIME)

$(BUILD)/fuzz-%: tests/fuzz/fuzz_%.c $(LIB_OBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $< \
	    $(LIB_OBJS) $(LIBS)

bench: $(SAMS)
	@BUILD=$(BUILD) sh tests/bench/bench.sh

# CI's quick run of the benchmark: 20,000 cases, ratios and memory only.
bench-guard: $(SAMS)
	@BUILD=$(BUILD) GUARD=1 sh tests/bench/bench.sh

deps:
	@command -v apt-get >/dev/null 2>&1 || exit 0; \
	missing=""; \
	for p in libyaml-dev zlib1g-dev libcmocka-dev python3-openpyxl \
	    mandoc gettext locales libc-l10n; do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO apt-get install -y -qq $$missing; fi

install: $(SAMS) $(MOFILES)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/phases
	install -m 0755 $(SAMS) $(DESTDIR)$(BINDIR)/sams
	install -m 0644 man/sams.1 $(DESTDIR)$(MANDIR)/man1/sams.1
	install -m 0644 man/sams-case.5 man/sams-phases.5 \
	    $(DESTDIR)$(MANDIR)/man5/
	mkdir -p $(DESTDIR)$(MANDIR)/sv/man1 $(DESTDIR)$(MANDIR)/sv/man5
	install -m 0644 man/sv/sams.1 $(DESTDIR)$(MANDIR)/sv/man1/sams.1
	install -m 0644 man/sv/sams-case.5 man/sv/sams-phases.5 \
	    $(DESTDIR)$(MANDIR)/sv/man5/
	install -m 0644 $(MODELS) $(DESTDIR)$(DATADIR)/phases/
	install -m 0755 contrib/pre-commit $(DESTDIR)$(DATADIR)/pre-commit
	mkdir -p $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0644 contrib/completion/sams.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/sams
	install -m 0644 contrib/completion/_sams $(DESTDIR)$(ZSHCOMPDIR)/_sams
	for l in $(LINGUAS); do \
	    mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 0644 $(BUILD)/locale/$$l/LC_MESSAGES/sams.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/sams.mo || exit 1; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sams $(DESTDIR)$(MANDIR)/man1/sams.1 \
	    $(DESTDIR)$(MANDIR)/man5/sams-case.5 \
	    $(DESTDIR)$(MANDIR)/man5/sams-phases.5 \
	    $(DESTDIR)$(MANDIR)/sv/man1/sams.1 \
	    $(DESTDIR)$(MANDIR)/sv/man5/sams-case.5 \
	    $(DESTDIR)$(MANDIR)/sv/man5/sams-phases.5 \
	    $(DESTDIR)$(BASHCOMPDIR)/sams $(DESTDIR)$(ZSHCOMPDIR)/_sams
	rm -rf $(DESTDIR)$(DATADIR)
	for l in $(LINGUAS); do \
	    rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/sams.mo; done

# The source tarball, from the committed tree: what is not committed is not
# in it, so the tarball is the same on every machine that has the commit.
DIST	 = sams-$(VERSION)
dist:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || \
	    { echo "make dist: needs a git checkout" >&2; exit 1; }
	@git diff --quiet HEAD 2>/dev/null || \
	    echo "make dist: uncommitted changes are left out of $(DIST).tar.gz"
	git archive --format=tar.gz --prefix=$(DIST)/ -o $(DIST).tar.gz HEAD

# The Debian package, built from the tarball in BUILD/deb so the working
# tree gets none of dpkg-buildpackage's files; then lintian on it.
deb: dist
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb
	tar -xzf $(DIST).tar.gz -C $(BUILD)/deb
	cd $(BUILD)/deb/$(DIST) && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    dpkg-buildpackage -us -uc -b -J
	lintian --info $(BUILD)/deb/*.changes
	@ls $(BUILD)/deb/*.deb

# The tarball built as a package (its tests run in the build), lintian and
# the package's contents: about three minutes, so not part of make check.
check-package: dist
	@sh tests/package/run.sh $(DIST).tar.gz

clean:
	rm -rf build build-san build-fuzz build-tsan $(DIST).tar.gz

-include $(wildcard $(BUILD)/*.d)
