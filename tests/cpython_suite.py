#!/usr/bin/env python3
"""Run modules of CPython 3.11's own test package (Lib/test) under Ferropy.

    python3 tests/cpython_suite.py                    # check the ratchet list
    python3 tests/cpython_suite.py --survey           # every test_* module
    python3 tests/cpython_suite.py --survey test_int test_dict
    python3 tests/cpython_suite.py --survey --update  # also list newly passing ones
    python3 tests/cpython_suite.py --binary python3   # sanity check against CPython

Each module runs as `<binary> -m unittest test.<module>` in its own process
(fresh temporary cwd, per-module timeout).  Outcomes:

    pass     unittest reported OK and at least one test ran (skips allowed)
    skip     OK, but every test was skipped (or none ran)
    fail     unittest reported FAILED (failures/errors counted)
    crash    no unittest summary (import-time traceback, signal, ...)
    timeout  killed after --timeout seconds

tests/cpython_ratchet.txt lists the modules that pass entirely; it only grows.
Check mode (the default) runs the listed modules and exits 1 if one of them no
longer passes.  `--survey` runs every module (or the given ones) and prints
the passing modules not listed yet; `--update` adds them to the list (it never
removes one).

The test package is CPython 3.11.7's full Lib/test (Debian's
/usr/lib/python3.11/test is a stub): a temporary directory holding a `test`
symlink to it is put first on PYTHONPATH, so `import test` resolves there.
Ferropy runs with the standard library next to it (FERROPY_STDLIB), so tests
and library are the same release (Debian's /usr/lib/python3.11 is 3.11.2).
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

RATCHET = os.path.join(harness.TESTS, "cpython_ratchet.txt")
DEFAULT_TESTDIR = "/root/.pyenv/versions/3.11.7/lib/python3.11/test"

RAN_RE = re.compile(r"^Ran (\d+) tests? in ", re.M)
STATUS_RE = re.compile(r"^(OK|FAILED)(?: \((.*)\))?\s*$", re.M)


def read_ratchet(path):
    """Module names listed in the ratchet file (comments after '#')."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [m for m in (l.split("#", 1)[0].strip() for l in f) if m]


def add_to_ratchet(path, modules):
    """Append modules to the ratchet file, keeping it sorted below its header."""
    lines = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    header = [l for l in lines if not l.split("#", 1)[0].strip()]
    if not lines:
        header = ["# Modules of CPython's test package that pass entirely under Ferropy",
                  "# (tests/cpython_suite.py checks them; the list only grows:",
                  "# python3 tests/cpython_suite.py --survey --update)."]
    entries = sorted(set(read_ratchet(path)) | set(modules))
    with open(path, "w", encoding="utf-8") as f:
        for l in header + entries:
            f.write(l + "\n")


def all_modules(testdir):
    """Every test_* module or package of the test package."""
    out = []
    for name in os.listdir(testdir):
        path = os.path.join(testdir, name)
        if name.startswith("test_") and name.endswith(".py"):
            out.append(name[:-3])
        elif name.startswith("test_") and os.path.isfile(os.path.join(path, "__init__.py")):
            out.append(name)
    return sorted(out)


def parse_counts(text):
    """'failures=1, errors=2, skipped=3' -> dict."""
    counts = {}
    for part in (text or "").split(","):
        k, _, v = part.strip().partition("=")
        if v.isdigit():
            counts[k] = int(v)
    return counts


def classify(exit_code, timed_out, stderr):
    """(outcome, detail) for one module run from unittest's summary."""
    if timed_out:
        return "timeout", ""
    ran = RAN_RE.findall(stderr)
    status = STATUS_RE.findall(stderr)
    if not ran or not status:
        lines = [l for l in stderr.strip().splitlines() if l.strip()]
        detail = lines[-1] if lines else "exit %s" % exit_code
        if exit_code is not None and exit_code < 0:
            detail = "signal %d; %s" % (-exit_code, detail)
        return "crash", detail[:200]
    n = int(ran[-1])
    word, counts_text = status[-1]
    counts = parse_counts(counts_text)
    detail = "ran=%d%s" % (n, ", " + counts_text if counts_text else "")
    if word == "OK" and exit_code == 0:
        if n - counts.get("skipped", 0) <= 0:
            return "skip", detail
        return "pass", detail
    if word == "OK":
        return "crash", "OK but exit %s (%s)" % (exit_code, detail)
    return "fail", detail


def run_module(binary, module, pathdir, timeout, extra_env, keep_output):
    env = harness.base_env(extra_env)
    env["PYTHONPATH"] = pathdir
    cwd = tempfile.mkdtemp(prefix="cpython_suite_")
    cmd = [binary, "-m", "unittest"] + (["-v"] if keep_output else []) + ["test." + module]
    t0 = time.monotonic()
    timed_out = False
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            out = b""
        finally:
            # Kill the module's whole process group (and any stray children).
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if timed_out:
            out, _ = proc.communicate()
        code = proc.returncode
    except OSError as e:
        out, code = ("cannot execute %s: %s" % (binary, e)).encode(), 127
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    text = out.decode("utf-8", errors="backslashreplace")
    outcome, detail = classify(code, timed_out, text)
    return {"module": module, "outcome": outcome, "detail": detail,
            "time": time.monotonic() - t0, "output": text}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*", help="test modules (default: the ratchet list, "
                    "or every test_* module with --survey)")
    ap.add_argument("--binary", default=os.path.join(harness.REPO, "target", "release", "ferropy"),
                    help="interpreter to test (default: target/release/ferropy)")
    ap.add_argument("--survey", action="store_true",
                    help="run every module (or the given ones) and report passing unlisted ones")
    ap.add_argument("--update", action="store_true",
                    help="with --survey: add newly passing modules to the ratchet list")
    ap.add_argument("--testdir", default=DEFAULT_TESTDIR,
                    help="CPython's Lib/test directory (default %s)" % DEFAULT_TESTDIR)
    ap.add_argument("--ratchet", default=RATCHET, help="ratchet list (default tests/cpython_ratchet.txt)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per module (default 60)")
    ap.add_argument("--max-time", type=float, default=None,
                    help="stop starting modules after this many seconds (not run = failure in check mode)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel modules (default 2)")
    ap.add_argument("--stress", action="store_true", help="set FERROPY_GC_STRESS=1")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="run unittest with -v and print the output of every module not passing")
    args = ap.parse_args()
    if args.update:
        args.survey = True

    try:
        binary = harness.resolve_binary(args.binary)
    except harness.CaseError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    if not os.path.isfile(os.path.join(args.testdir, "support", "__init__.py")):
        print("error: %s is not CPython's full test package" % args.testdir, file=sys.stderr)
        return 2

    listed = read_ratchet(args.ratchet)
    if args.modules:
        modules = [m[len("test."):] if m.startswith("test.") else m for m in args.modules]
    elif args.survey:
        modules = all_modules(args.testdir)
    else:
        modules = listed
    # The standard library the tests were written for (3.11.7's, next to its
    # test package), not whichever one Ferropy would find first.
    extra_env = {"FERROPY_STDLIB": os.path.dirname(os.path.realpath(args.testdir))}
    if args.stress:
        extra_env["FERROPY_GC_STRESS"] = "1"

    pathdir = tempfile.mkdtemp(prefix="cpython_suite_path_")
    os.symlink(args.testdir, os.path.join(pathdir, "test"))
    print("running %d modules of %s with %s (timeout %gs, %d jobs)" % (
        len(modules), args.testdir, binary, args.timeout, args.jobs))
    sys.stdout.flush()

    t_start = time.monotonic()
    lock = threading.Lock()
    results = {}

    def work(module):
        if args.max_time and time.monotonic() - t_start > args.max_time:
            return {"module": module, "outcome": "not run", "detail": "--max-time reached",
                    "time": 0.0, "output": ""}
        return run_module(binary, module, pathdir, args.timeout, extra_env, args.verbose)

    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            for fut in as_completed([ex.submit(work, m) for m in modules]):
                r = fut.result()
                with lock:
                    results[r["module"]] = r
                    print("%-8s %-32s %6.1fs  %s" % (r["outcome"], r["module"], r["time"], r["detail"]))
                    if args.verbose and r["outcome"] != "pass":
                        print("    " + "\n    ".join(r["output"].rstrip().splitlines()[-60:]))
                    sys.stdout.flush()
    finally:
        shutil.rmtree(pathdir, ignore_errors=True)

    by_outcome = {}
    for r in results.values():
        by_outcome.setdefault(r["outcome"], []).append(r["module"])
    print("\n%s in %.0fs" % (", ".join("%d %s" % (len(v), k) for k, v in sorted(by_outcome.items())),
                               time.monotonic() - t_start))

    passing = sorted(by_outcome.get("pass", []))
    listed_set = set(listed)
    regressed = sorted(m for m in modules if m in listed_set and results[m]["outcome"] != "pass")
    if regressed:
        print("\nREGRESSED (listed in %s but not passing):" % os.path.relpath(args.ratchet))
        for m in regressed:
            print("  %-32s %s %s" % (m, results[m]["outcome"], results[m]["detail"]))
    if args.survey:
        new = [m for m in passing if m not in listed_set]
        print("\npassing, not in the ratchet list yet: %s" % (" ".join(new) or "none"))
        if args.update and new:
            add_to_ratchet(args.ratchet, new)
            print("added %d modules to %s" % (len(new), os.path.relpath(args.ratchet)))
    return 1 if regressed else 0


if __name__ == "__main__":
    sys.exit(main())
