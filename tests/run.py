#!/usr/bin/env python3
"""Run the differential test suite against an interpreter binary.

    python3 tests/run.py                       # every case, target/release/ferropy
    python3 tests/run.py str classes/mro_basic # an area, a case
    python3 tests/run.py --binary python3      # sanity check against CPython
    python3 tests/run.py --stress              # FERROPY_GC_STRESS=1, longer timeout
    python3 tests/run.py --update-known        # drop now-passing cases from the list

Each case's stdout, normalised stderr and exit code must equal the recorded
expectation.  tests/known_failures.txt lists the cases allowed to fail (the
ratchet): the run exits 1 if a case NOT listed fails, 0 otherwise.
"""

import argparse
import difflib
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

KNOWN = os.path.join(harness.TESTS, "known_failures.txt")
KNOWN_STRESS = os.path.join(harness.TESTS, "known_failures_stress.txt")


class KnownList:
    """A known-failures file: one case id per line, optional '# reason'.
    Other lines (comments, blanks) are preserved when rewriting."""

    def __init__(self, path):
        self.path = path
        self.lines = []          # raw lines (without newline)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                self.lines = f.read().splitlines()

    @staticmethod
    def entry(line):
        s = line.split("#", 1)[0].strip()
        return s or None

    def ids(self):
        return {e for e in map(self.entry, self.lines) if e}

    def rewrite(self, remove, add):
        out = [l for l in self.lines if self.entry(l) not in remove]
        have = {self.entry(l) for l in out}
        for cid, reason in sorted(add.items()):
            if cid not in have:
                out.append("%s  # %s" % (cid, reason) if reason else cid)
        # keep header comments first, then entries sorted
        header = []
        if not self.lines:
            header = ["# Cases not passing yet (the ratchet): one case id per line, optional '# reason'.",
                      "# tests/run.py fails on any failing case NOT listed here; remove entries as",
                      "# features land (python3 tests/run.py --update-known). See tests/README.md."]
            out = header + out
            header = []
        while out and self.entry(out[0]) is None:
            header.append(out.pop(0))
        entries = sorted((l for l in out if self.entry(l)), key=self.entry)
        others = [l for l in out if self.entry(l) is None and l.strip()]
        with open(self.path, "w", encoding="utf-8") as f:
            for l in header + others + entries:
                f.write(l + "\n")


def diff_block(name, expected, actual, limit):
    d = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                  "expected " + name, "actual " + name, lineterm="", n=2))
    if len(d) > limit:
        d = d[:limit] + ["... (%d more diff lines)" % (len(d) - limit)]
    return d


def compare(case, res, limit):
    """Return a list of report lines ([] = pass)."""
    exp = case.load_expect()
    if exp is None:
        return ["no recorded expectation: run python3 tests/record.py %s" % case.id]
    out = []
    if res["timed_out"]:
        out.append("TIMEOUT after %.1fs" % res["time"])
    if res["exit"] != exp["exit"]:
        got = res["exit"]
        if got < 0:
            import signal
            try:
                got = "%d (%s)" % (got, signal.Signals(-got).name)
            except ValueError:
                pass
        out.append("exit: expected %s, got %s" % (exp["exit"], got))
    if res["stdout"] != exp["stdout"]:
        out += diff_block("stdout", exp["stdout"], res["stdout"], limit)
        if exp["stdout"].splitlines() == res["stdout"].splitlines():
            out.append("stdout differs in line endings/trailing newline")
    if res["stderr"] != exp["stderr"]:
        out += diff_block("stderr", exp["stderr"], res["stderr"], limit)
        if exp["stderr"].splitlines() == res["stderr"].splitlines():
            out.append("stderr differs in line endings/trailing newline")
    if res["timed_out"] and not out[1:]:
        pass
    return out


def set_mem_limit(mb):
    if mb <= 0:
        return
    try:
        import resource
        lim = mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            lim = min(lim, hard)
        resource.setrlimit(resource.RLIMIT_AS, (lim, hard))
    except (ImportError, ValueError, OSError):
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases", nargs="*", help="areas, case ids or paths (default: all)")
    ap.add_argument("--binary", default=os.path.join(harness.REPO, "target", "release", "ferropy"),
                    help="interpreter to test (default: target/release/ferropy)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel workers (default 2)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per case (default 10, 180 with --stress)")
    ap.add_argument("--stress", action="store_true",
                    help="set FERROPY_GC_STRESS=1 (GC at every allocation); skips known failures")
    ap.add_argument("--jit-eager", action="store_true", help="set FERROPY_JIT=eager")
    ap.add_argument("--known", default=KNOWN, help="known-failures list (default tests/known_failures.txt)")
    ap.add_argument("--update-known", action="store_true",
                    help="rewrite the known-failures list without the cases that now pass")
    ap.add_argument("--record-failures", action="store_true",
                    help="bootstrap: also ADD every failing case to the known-failures list")
    ap.add_argument("--skip-known", dest="skip_known", action="store_true", default=None,
                    help="do not run listed known failures (default with --stress)")
    ap.add_argument("--no-skip-known", dest="skip_known", action="store_false")
    ap.add_argument("--show-known", action="store_true", help="also print diffs of known failures")
    ap.add_argument("--max-time", type=float, default=0,
                    help="overall budget in seconds; cases not started by then count as failures")
    ap.add_argument("--mem-limit", type=int, default=8192,
                    help="address-space limit per case in MiB (default 8192, 0 = none)")
    ap.add_argument("--diff-lines", type=int, default=24, help="diff lines shown per stream")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case's result")
    ap.add_argument("--list", action="store_true", help="list the selected cases and exit")
    args = ap.parse_args()

    try:
        cases = harness.discover(args.cases or None)
    except harness.CaseError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    if args.list:
        for c in cases:
            print(c.id)
        return 0
    try:
        binary = harness.resolve_binary(args.binary)
    except harness.CaseError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2

    timeout = args.timeout or (180.0 if args.stress else 10.0)
    skip_known = args.stress if args.skip_known is None else args.skip_known
    extra_env = {}
    if args.stress:
        extra_env["FERROPY_GC_STRESS"] = "1"
    if args.jit_eager:
        extra_env["FERROPY_JIT"] = "eager"

    base_list = KnownList(args.known)
    if args.stress:
        # Under --stress the list is tests/known_failures.txt plus
        # tests/known_failures_stress.txt; only the latter is rewritten.
        edit_list = KnownList(KNOWN_STRESS)
        known = base_list.ids() | edit_list.ids()
    else:
        edit_list = base_list
        known = base_list.ids()

    all_ids = {c.id for c in harness.discover()}
    stale = sorted(known - all_ids)
    for s in stale:
        print("warning: known-failures entry %s names no case" % s)

    to_run = [c for c in cases if not (skip_known and c.id in known)]
    skipped = len(cases) - len(to_run)
    set_mem_limit(args.mem_limit)

    mode = " ".join(x for x in ("stress" if args.stress else "", "jit-eager" if args.jit_eager else "") if x)
    print("running %d cases under %s%s (timeout %gs, %d workers)%s" % (
        len(to_run), binary, " [%s]" % mode if mode else "", timeout, args.jobs,
        ", %d known failures skipped" % skipped if skipped else ""))
    sys.stdout.flush()

    t_start = time.monotonic()
    lock = threading.Lock()
    results = {}

    def work(case):
        if args.max_time and time.monotonic() - t_start > args.max_time:
            return case, None
        try:
            res = harness.execute(case, binary, timeout=timeout, extra_env=extra_env)
        except (harness.CaseError, OSError, ValueError) as e:
            res = {"stdout": "", "stderr": "harness error: %s\n" % e, "exit": -999,
                   "timed_out": False, "time": 0.0}
        return case, res

    passed, unexpected, known_fail, fixed, not_run = [], [], [], [], []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(work, c) for c in to_run]
        for fut in as_completed(futs):
            case, res = fut.result()
            with lock:
                if res is None:
                    not_run.append(case.id)
                    continue
                report = compare(case, res, args.diff_lines)
                is_known = case.id in known
                if not report:
                    passed.append(case.id)
                    if is_known:
                        fixed.append(case.id)
                        print("FIXED %s (listed as known failure)" % case.id)
                    elif args.verbose:
                        print("ok    %s (%.2fs)" % (case.id, res["time"]))
                elif is_known:
                    known_fail.append(case.id)
                    if args.verbose or args.show_known:
                        print("known %s" % case.id)
                    if args.show_known:
                        for l in report:
                            print("    " + l)
                else:
                    unexpected.append(case.id)
                    print("FAIL  %s" % case.id)
                    for l in report:
                        print("    " + l)
                sys.stdout.flush()

    elapsed = time.monotonic() - t_start
    if args.update_known or args.record_failures:
        selected = {c.id for c in to_run}
        remove = set(fixed) & edit_list.ids()
        if not args.cases:
            remove |= set(stale) & edit_list.ids()
        add = {}
        if args.record_failures:
            add = {cid: "" for cid in unexpected if cid in selected}
        edit_list.rewrite(remove, add)
        print("%s: removed %d, added %d" % (os.path.relpath(edit_list.path), len(remove), len(add)))
        if args.record_failures:
            known_fail += unexpected
            unexpected = []

    if not_run:
        print("NOT RUN (--max-time %gs exceeded): %d cases, e.g. %s" % (
            args.max_time, len(not_run), ", ".join(sorted(not_run)[:5])))
    if unexpected:
        print("\nunexpected failures (%d):" % len(unexpected))
        for cid in sorted(unexpected):
            print("  " + cid)
    if fixed and not (args.update_known or args.record_failures):
        print("\n%d known failures now pass: remove them with  python3 tests/run.py --update-known" % len(fixed))
    total = len(cases)
    print("\ntotal %d, passed %d, failed %d (unexpected %d), known-failing %d (%d of the listed now pass), "
          "skipped %d, not run %d, %.1fs" % (
              total, len(passed), len(unexpected) + len(known_fail), len(unexpected), len(known_fail),
              len(fixed), skipped, len(not_run), elapsed))
    # Plain closing line: unexpected failures count as failed, known ones as skipped.
    print("%s: %d passed, %d failed, %d skipped" % (
        "stress" if args.stress else "differential", len(passed), len(unexpected) + len(not_run),
        len(known_fail) + skipped))
    return 1 if (unexpected or not_run) else 0


if __name__ == "__main__":
    sys.exit(main())
