"""Shared code for tests/record.py and tests/run.py (the differential suite).

A *case* is either
  * a script case: tests/cases/<area>/<name>.py with its expectation
    tests/cases/<area>/<name>.json (only files directly inside an area
    directory are cases; subdirectories hold helper data/modules), or
  * a CLI case: tests/cli/<name>.json holding {"argv", "stdin", "env",
    "stdout", "stderr", "exit"}; it runs with cwd = tests/cli/data.

A case id is its path relative to tests/, e.g. "cases/str/upper.py" or
"cli/version.json".  See tests/README.md for the full description.
"""

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

TESTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TESTS)
CASES = os.path.join(TESTS, "cases")
CLI = os.path.join(TESTS, "cli")
CLI_CWD = os.path.join(CLI, "data")

DIRECTIVES = ("args", "stdin", "env", "timeout")

# A caret line: only whitespace plus at least one '^' or '~' (CPython 3.11
# prints these under source lines in tracebacks and SyntaxError reports).
CARET_RE = re.compile(r"^[ \t]*[\^~][ \t\^~]*$")


class CaseError(Exception):
    pass


class Case:
    """One test case.  kind is 'script' or 'cli'."""

    def __init__(self, kind, path):
        self.kind = kind
        self.path = path                      # absolute path of .py or cli .json
        self.id = os.path.relpath(path, TESTS).replace(os.sep, "/")
        if kind == "script":
            self.dir = os.path.dirname(path)
            self.expect_path = path[:-3] + ".json"
        else:
            self.dir = CLI_CWD
            self.expect_path = path
        self.area = self.id.split("/")[1] if kind == "script" else "cli"

    def __repr__(self):
        return "Case(%s)" % self.id

    # -- directives / inputs ------------------------------------------------
    def directives(self):
        """Parse leading '# key: value' comment lines of a script case."""
        d = {}
        if self.kind != "script":
            return d
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"#\s*(\w+)\s*:\s*(.*?)\s*$", line)
                if not m or m.group(1) not in DIRECTIVES:
                    break
                d[m.group(1)] = m.group(2)
        return d

    def load_expect(self):
        if not os.path.exists(self.expect_path):
            return None
        with open(self.expect_path, encoding="utf-8") as f:
            data = json.load(f)
        if self.kind == "cli" and "stdout" not in data:
            return None
        return data

    def inputs(self):
        """Return (args_after_binary, stdin_bytes, extra_env, timeout_factor)."""
        if self.kind == "script":
            d = self.directives()
            args = [os.path.basename(self.path)] + shlex.split(d.get("args", ""))
            stdin = b""
            if "stdin" in d:
                try:
                    with open(os.path.join(self.dir, d["stdin"]), "rb") as f:
                        stdin = f.read()
                except OSError as e:
                    raise CaseError("%s: stdin file: %s" % (self.id, e))
            env = {}
            for item in shlex.split(d.get("env", "")):
                k, _, v = item.partition("=")
                env[k] = v
            factor = float(d.get("timeout", "1"))
            return args, stdin, env, factor
        with open(self.path, encoding="utf-8") as f:
            spec = json.load(f)
        if not isinstance(spec.get("argv"), list):
            raise CaseError("%s: 'argv' must be a list" % self.id)
        stdin = spec.get("stdin", "").encode("utf-8")
        return list(spec["argv"]), stdin, dict(spec.get("env", {})), float(spec.get("timeout", 1))


def discover(selectors=None):
    """Return the sorted list of cases matching selectors.

    A selector is an area name ("str"), "cli", a case id ("cases/str/x.py",
    "cli/version.json"), a path to a case file or area directory, or a case
    without extension ("str/x").  No selector: every case.
    """
    all_cases = []
    if os.path.isdir(CASES):
        for area in sorted(os.listdir(CASES)):
            adir = os.path.join(CASES, area)
            if not os.path.isdir(adir):
                continue
            for name in sorted(os.listdir(adir)):
                p = os.path.join(adir, name)
                if name.endswith(".py") and os.path.isfile(p):
                    all_cases.append(Case("script", p))
    if os.path.isdir(CLI):
        for name in sorted(os.listdir(CLI)):
            p = os.path.join(CLI, name)
            if name.endswith(".json") and os.path.isfile(p):
                all_cases.append(Case("cli", p))
    if not selectors:
        return all_cases
    by_id = {c.id: c for c in all_cases}
    chosen = {}
    for sel in selectors:
        matched = _match(sel, all_cases, by_id)
        if not matched:
            raise CaseError("no case matches %r" % sel)
        for c in matched:
            chosen[c.id] = c
    return sorted(chosen.values(), key=lambda c: c.id)


def _match(sel, all_cases, by_id):
    s = sel
    if os.path.exists(s):
        s = os.path.relpath(os.path.abspath(s), TESTS).replace(os.sep, "/")
    s = s.rstrip("/")
    if s.startswith("tests/"):
        s = s[len("tests/"):]
    if s in by_id:
        return [by_id[s]]
    for cand in ("cases/" + s, "cases/" + s + ".py", s + ".py", s + ".json",
                 "cli/" + s, "cli/" + s + ".json"):
        if cand in by_id:
            return [by_id[cand]]
    if s == "cli":
        return [c for c in all_cases if c.kind == "cli"]
    area = s[len("cases/"):] if s.startswith("cases/") else s
    if s == "cases":
        return [c for c in all_cases if c.kind == "script"]
    return [c for c in all_cases if c.kind == "script" and c.area == area]


def base_env(extra=None):
    """Controlled environment: drop every PYTHON* / FERROPY* variable of the
    caller, then set PYTHONHASHSEED=0 and a UTF-8 C locale."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "FERROPY", "LC_"))}
    env["PYTHONHASHSEED"] = "0"
    env["LANG"] = "C.UTF-8"
    env["LC_ALL"] = "C.UTF-8"
    if extra:
        env.update(extra)
    return env


def normalise(case, text, binary, is_stderr):
    """Normalise an output stream (see tests/README.md)."""
    # The case directory (tests/cases/<area> or tests/cli/data), both as
    # given and symlink-resolved, becomes $DIR.
    dirs = {case.dir, os.path.realpath(case.dir)}
    for d in sorted(dirs, key=len, reverse=True):
        text = text.replace(d, "$DIR")
    if case.kind == "cli" and binary:
        names = {binary, os.path.realpath(binary)} if os.sep in binary else {binary}
        for n in sorted(names, key=len, reverse=True):
            text = text.replace(n, "$PY")
    if is_stderr:
        lines = text.split("\n")
        text = "\n".join(l for l in lines if not CARET_RE.match(l))
    return text


def _decode(b):
    return b.decode("utf-8", errors="backslashreplace")


def execute(case, binary, timeout=10.0, extra_env=None):
    """Run one case under `binary`.  Returns a dict with normalised stdout,
    stderr, exit (int; negative = killed by that signal) and timed_out."""
    args, stdin, case_env, factor = case.inputs()
    env = base_env(extra_env)
    env.update(case_env)
    cmd = [binary] + args
    t0 = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, cwd=case.dir, env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        return {"stdout": "", "stderr": "cannot execute %s: %s\n" % (binary, e),
                "exit": 127, "timed_out": False, "time": 0.0}
    timed_out = False
    try:
        out, err = proc.communicate(stdin, timeout=timeout * factor)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    else:
        # Reap stray children the case might have left behind.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    cleanup(case)
    return {
        "stdout": normalise(case, _decode(out), binary, False),
        "stderr": normalise(case, _decode(err), binary, True),
        "exit": proc.returncode,
        "timed_out": timed_out,
        "time": time.monotonic() - t0,
    }


def cleanup(case):
    """Delete the scratch files of a script case: tmp_<name>* in its dir."""
    if case.kind != "script":
        return
    prefix = "tmp_" + os.path.basename(case.path)[:-3]
    for n in os.listdir(case.dir):
        if n.startswith(prefix):
            p = os.path.join(case.dir, n)
            try:
                if os.path.isdir(p):
                    import shutil
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    os.remove(p)
            except OSError:
                pass


def resolve_binary(binary):
    """Absolute path of the binary (cases run with a different cwd).
    A name without a slash is looked up in PATH.  Shims (e.g. pyenv's
    python3) are resolved to the real interpreter via sys.executable when
    the binary is a CPython."""
    import shutil
    if os.sep not in binary:
        found = shutil.which(binary)
        if not found:
            raise CaseError("binary %r not found in PATH" % binary)
        binary = found
    binary = os.path.abspath(binary)
    if not os.path.exists(binary):
        raise CaseError("binary %s does not exist (build it with: cargo build --release -p ferropy)" % binary)
    if "python" in os.path.basename(binary):
        try:
            real = subprocess.run([binary, "-c", "import sys; print(sys.executable)"],
                                  capture_output=True, text=True, timeout=30,
                                  env=base_env()).stdout.strip()
            if real and os.path.exists(real):
                binary = real
        except (OSError, subprocess.SubprocessError):
            pass
    return binary
