#!/usr/bin/env python3
"""sams under a pseudo-terminal: long output for people goes through the
pager, as git's does, and only then.

Each run gives sams a terminal on standard input, output and error (or a
pipe where a test says so) and as PAGER a small script that writes what it
read, and the LESS it got, to a file; the test then checks whether that
file exists and what reached the terminal.

Usage: tests/tty/pager.py BUILD_DIR   (ends with "N passed, N failed")
"""
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CASE = os.path.join(TOP, "examples", "k7q2-familjehem.yml")
OTHER = os.path.join(TOP, "examples", "g2p6-gymnasieskola.yml")

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: %s%s" % (name, "\n    " + detail if detail else ""))


def run(sams, args, env, stdout_tty=True, columns=0, sigpipe_ignored=False):
    """Runs sams with a terminal (stdout a pipe unless stdout_tty) of
    columns (0: a size unknown), SIGPIPE ignored as its parent left it
    when sigpipe_ignored; returns (exit status, what the terminal showed,
    what a pipe got)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ,
                struct.pack("HHHH", 24, columns, 0, 0))
    out = slave if stdout_tty else subprocess.PIPE
    def ignore():
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    p = subprocess.Popen([sams] + args, stdin=slave, stdout=out,
                         stderr=slave, env=env, close_fds=True,
                         preexec_fn=ignore if sigpipe_ignored else None)
    os.close(slave)
    shown = b""
    deadline = time.time() + 60		# valgrind, a busy machine
    exited = None
    while time.time() < deadline:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:	# EIO: every process let the terminal go
                break
            if not data:
                break
            shown += data
        elif p.poll() is not None:
            # Exited: what it wrote last may still be on its way.
            exited = exited or time.time()
            if time.time() - exited > 0.5:
                break
    piped = p.stdout.read() if p.stdout is not None else b""
    rc = p.wait(timeout=10)
    os.close(master)
    return rc, shown.replace(b"\r\n", b"\n").decode(), piped.decode()


def main():
    build = sys.argv[1]
    sams = os.path.join(os.path.abspath(build), "sams")
    tmp = tempfile.mkdtemp(prefix="sams-tty.")
    got = os.path.join(tmp, "got")
    pager = os.path.join(tmp, "pager")
    with open(pager, "w") as f:
        # What the pager read, after the LESS it was given; exits 3 so
        # that a sams that took the pager's status would show it.
        f.write('#!/bin/sh\n{ echo "LESS=${LESS-unset}"; cat; } > "%s"\n'
                'exit 3\n' % got)
    os.chmod(pager, 0o755)
    quitter = os.path.join(tmp, "quitter")
    with open(quitter, "w") as f:	# a user who quits at once
        f.write("#!/bin/sh\nexec 0<&-\nexit 0\n")
    os.chmod(quitter, 0o755)

    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "TERM": "xterm", "LC_ALL": "C.UTF-8", "LANGUAGE": "",
            "SAMS_TODAY": "2026-11-23", "NO_COLOR": "1",
            "SAMS_LOCALEDIR": os.path.join(build, "locale"),
            "PAGER": pager}

    def paged(args, env=None, stdout_tty=True, columns=0,
              sigpipe_ignored=False):
        if os.path.exists(got):
            os.unlink(got)
        rc, shown, piped = run(sams, args, dict(base, **(env or {})),
                               stdout_tty, columns, sigpipe_ignored)
        text = open(got).read() if os.path.exists(got) else None
        return rc, shown, piped, text

    # status on a terminal: all of it to the pager, none to the terminal;
    # LESS=FRX since it was unset, and sams's status, not the pager's 3.
    rc, shown, _, text = paged(["status", CASE])
    check("status is paged", text is not None and "K7Q2-9XHD" in text and
          "K7Q2-9XHD" not in shown, "pager got %r, terminal %r" %
          (text, shown))
    check("LESS=FRX when unset", text is not None and
          text.startswith("LESS=FRX\n"), repr(text))
    check("exit status is sams's with a pager", rc == 0, "rc %d" % rc)

    # Colour passes to the pager as to the terminal it shows on: with
    # --color auto (NO_COLOR unset) the paged status has bold headings;
    # the same status into a pipe has none.
    rc, _, _, text = paged(["status", CASE], {"NO_COLOR": ""})
    check("colour passes to the pager", text is not None and
          "\033[1m" in text, repr(text))
    rc, _, piped, text = paged(["status", CASE], {"NO_COLOR": ""},
                               stdout_tty=False)
    check("no colour into a pipe", text is None and "\033[" not in piped,
          repr(piped))

    # The user's LESS is kept; SAMS_PAGER comes before PAGER.
    rc, _, _, text = paged(["status", CASE], {"LESS": "-S"})
    check("the user's LESS is kept", text is not None and
          text.startswith("LESS=-S\n"), repr(text))
    rc, shown, _, text = paged(["status", CASE],
                               {"SAMS_PAGER": "", "PAGER": pager})
    check("SAMS_PAGER empty: no pager", text is None and
          "K7Q2-9XHD" in shown, repr(text))

    # Not paged: --no-pager before or after the command, PAGER=cat, a
    # redirected standard output, TERM=dumb, JSON, and next of one case.
    for name, args, env in [
            ("--no-pager", ["--no-pager", "status", CASE], {}),
            ("status --no-pager", ["status", "--no-pager", CASE], {}),
            ("PAGER=cat", ["status", CASE], {"PAGER": "cat"}),
            ("TERM=dumb", ["status", CASE], {"TERM": "dumb"}),
            ("TERM empty", ["status", CASE], {"TERM": ""}),
            ("--format json", ["status", "--format", "json", CASE], {}),
            ("next of one case", ["next", CASE], {})]:
        rc, shown, _, text = paged(args, env)
        check("not paged: " + name, text is None and rc == 0 and
              "K7Q2-9XHD" in shown, "rc %d, pager got %r" % (rc, text))
    rc, shown, piped, text = paged(["status", CASE], stdout_tty=False)
    check("not paged: standard output a pipe", text is None and
          "K7Q2-9XHD" in piped and shown == "", repr(text))

    # Paged: next of two cases, report, log, show, phases.
    for name, args in [("next of two cases", ["next", CASE, OTHER]),
                       ("report", ["report", CASE, OTHER]),
                       ("log", ["log", CASE]),
                       ("show", ["show", "ip-kartlagg"]),
                       ("phases", ["phases"])]:
        rc, shown, _, text = paged(args)
        check("paged: " + name, text is not None and len(text) > 100 and
              rc == 0 and shown == "", "rc %d, terminal %r" % (rc, shown))

    # A failure keeps its status: 66 for a missing case, the message on
    # the terminal, the case that could be read in the pager.
    rc, shown, _, text = paged(["status", CASE, "saknas.yml"])
    check("exit status 66 with a pager", rc == 66 and text is not None and
          "K7Q2-9XHD" in text and "saknas.yml" in shown,
          "rc %d, terminal %r" % (rc, shown))

    # A pager that does not exist: a warning, and the output after all.
    rc, shown, _, text = paged(["status", CASE],
                               {"PAGER": os.path.join(tmp, "no-such")})
    check("missing pager: output still arrives", rc == 0 and
          "K7Q2-9XHD" in shown and "cannot run the pager" in shown,
          "rc %d, terminal %r" % (rc, shown))

    # A user who quits before reading 30 cases' next steps (some 90 kB,
    # more than a pipe holds): sams ends of SIGPIPE as a filter does,
    # without a word, and the case is as it was.
    before = open(CASE, "rb").read()
    rc, shown, _, _ = paged(["next"] + [CASE] * 30,
                            {"PAGER": quitter})
    check("quitting the pager early says nothing", shown == "" and
          rc == -13, "rc %d, terminal %r" % (rc, shown))
    check("quitting the pager early leaves the case",
          open(CASE, "rb").read() == before)
    # The same when sams's parent left SIGPIPE ignored (as some scripts'
    # runners do): still no "cannot write" and no exit 74.
    rc, shown, _, _ = paged(["next"] + [CASE] * 30, {"PAGER": quitter},
                            sigpipe_ignored=True)
    check("quitting the pager early says nothing, SIGPIPE ignored",
          shown == "" and rc == -13, "rc %d, terminal %r" % (rc, shown))

    # The width is the terminal's, found before the pager took standard
    # output: at 60 columns the why-text wraps at 58, after "svaret."
    # (the next word would end at column 59); at 80 it goes on.
    why = "Why:        Resten av processen beror p\u00e5 svaret.\n"
    rc, _, _, text = paged(["show", "ip-kartlagg"], columns=60)
    check("paged text wraps to the terminal's width", text is not None and
          why in text, repr(text))
    rc, _, _, text = paged(["show", "ip-kartlagg"], {"COLUMNS": "60"},
                           columns=100)
    check("COLUMNS comes before the terminal's width", text is not None and
          why in text, repr(text))
    rc, _, _, text = paged(["show", "ip-kartlagg"])
    check("an unknown size is 80", text is not None and why not in text and
          "svaret. Skolbytesstegen" in text, repr(text))

    for f in (got, pager, quitter):
        if os.path.exists(f):
            os.unlink(f)
    os.rmdir(tmp)
    print("tty: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
