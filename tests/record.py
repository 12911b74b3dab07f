#!/usr/bin/env python3
"""Record the expected output of differential test cases from CPython.

    python3 tests/record.py                 # record every case lacking an expectation
    python3 tests/record.py str cli/x.json  # (re-)record the named cases / areas
    python3 tests/record.py --all           # re-record everything

Script cases get <name>.json next to <name>.py; CLI cases (tests/cli/*.json)
get their stdout/stderr/exit fields rewritten in place (argv/stdin/env are
kept).  Never hand-edit the recorded outputs: fix the program and re-record.
"""

import argparse
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def write_expect(case, res):
    if case.kind == "script":
        data = {}
    else:
        with open(case.path, encoding="utf-8") as f:
            data = json.load(f)
    data["stdout"] = res["stdout"]
    data["stderr"] = res["stderr"]
    data["exit"] = res["exit"]
    with open(case.expect_path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases", nargs="*", help="areas, case ids or paths (default: cases lacking an expectation)")
    ap.add_argument("--all", action="store_true", help="re-record every case")
    ap.add_argument("--python", default="python3", help="reference interpreter (default: python3, must be CPython 3.11.7)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()

    binary = harness.resolve_binary(args.python)
    import subprocess
    ver = subprocess.run([binary, "-c", "import sys; print(sys.version.split()[0], sys.implementation.name)"],
                         capture_output=True, text=True, env=harness.base_env()).stdout.split()
    if ver != ["3.11.7", "cpython"]:
        print("warning: reference interpreter is %s, expected CPython 3.11.7" % " ".join(ver), file=sys.stderr)

    cases = harness.discover(args.cases or None)
    if not args.cases and not args.all:
        cases = [c for c in cases if c.load_expect() is None]
    if not cases:
        print("nothing to record")
        return 0

    def rec(case):
        try:
            return case, harness.execute(case, binary, timeout=args.timeout)
        except (harness.CaseError, OSError, ValueError) as e:
            return case, {"error": str(e), "timed_out": False}

    bad = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for case, res in ex.map(rec, cases):
            if "error" in res:
                print("ERROR %s: %s (not recorded)" % (case.id, res["error"]))
                bad += 1
                continue
            if res["timed_out"]:
                print("TIMEOUT %s (not recorded)" % case.id)
                bad += 1
                continue
            write_expect(case, res)
            note = ""
            if res["stdout"] == "" and res["stderr"] == "" and res["exit"] == 0:
                note = "  WARNING: empty output and exit 0 (a silent interpreter would pass it)"
            if re.search(r" at 0x[0-9a-fA-F]+", res["stdout"] + res["stderr"]):
                note += "  WARNING: output contains an address (' at 0x...'): not deterministic"
            print("recorded %s (exit %d)%s" % (case.id, res["exit"], note))
    print("%d recorded, %d not recorded" % (len(cases) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
