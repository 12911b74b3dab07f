#!/usr/bin/env python3
"""Ferropy benchmark harness: pyperformance under Ferropy, CPython and PyPy.

    python3 bench/run.py [--interpreters ferropy,cpython,pypy] [--bench LIST]
                         [--runs N] [--warmups W] [--values V] [--quick]
                         [--ferropy PATH] [--no-startup] [--no-alloc]

See bench/README.md for the methodology.  This script runs under CPython
(python3) and may use the whole standard library; the benchmark processes it
starts use only the pyperf stand-in in bench/pyperf_shim.
"""

import argparse
import datetime
import hashlib
import html
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import threading
import time
import urllib.request

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
CACHE_DIR = os.path.join(BENCH_DIR, ".cache")
RESULTS_DIR = os.path.join(BENCH_DIR, "results")
SHIM_BOOT = os.path.join(BENCH_DIR, "pyperf_shim", "ferrobench_boot.py")
ALLOC_SCRIPT = os.path.join(BENCH_DIR, "micro", "alloc.py")
RESULT_MARKER = "@@FERROBENCH@@"

PYPERFORMANCE_VERSION = "1.14.0"
PYPERFORMANCE_SDIST = "pyperformance-%s.tar.gz" % PYPERFORMANCE_VERSION
# sha256 of the sdist on PyPI, pinned after downloading it once.
PYPERFORMANCE_SHA256 = "91f74393997b604375ad5b79bf569a24076d70181c076a53abad5383a238a8aa"
PYPI_SIMPLE_URL = "https://pypi.org/simple/pyperformance/"

# ---------------------------------------------------------------------------
# The benchmark list.
#
# Each entry is one benchmark process: (entry name, directory under
# pyperformance/data-files/benchmarks, extra command-line arguments).  One
# process may report several results (e.g. deepcopy -> deepcopy,
# deepcopy_reduce, deepcopy_memo), exactly as under pyperformance.
# ---------------------------------------------------------------------------

ENTRIES = [
    ("argparse", "bm_argparse", ["many_optionals"]),
    ("argparse_subparsers", "bm_argparse", ["subparsers"]),
    ("async_generators", "bm_async_generators", []),
    ("async_tree", "bm_async_tree", ["none"]),
    ("async_tree_cpu_io_mixed", "bm_async_tree", ["cpu_io_mixed"]),
    ("async_tree_io", "bm_async_tree", ["io"]),
    ("async_tree_memoization", "bm_async_tree", ["memoization"]),
    ("async_tree_tg", "bm_async_tree", ["none", "--task-groups"]),
    ("async_tree_cpu_io_mixed_tg", "bm_async_tree", ["cpu_io_mixed", "--task-groups"]),
    ("async_tree_io_tg", "bm_async_tree", ["io", "--task-groups"]),
    ("async_tree_memoization_tg", "bm_async_tree", ["memoization", "--task-groups"]),
    ("asyncio_tcp", "bm_asyncio_tcp", []),
    ("asyncio_tcp_ssl", "bm_asyncio_tcp", ["--ssl"]),
    ("barnes_hut", "bm_barnes_hut", []),
    ("base64", "bm_base64", []),
    ("bpe_tokeniser", "bm_bpe_tokeniser", []),
    ("chaos", "bm_chaos", []),
    ("comprehensions", "bm_comprehensions", []),
    ("concurrent_imap", "bm_concurrent_imap", []),
    ("coroutines", "bm_coroutines", []),
    ("decimal_factorial", "bm_decimal_factorial", []),
    ("decimal_pi", "bm_decimal_pi", []),
    ("deepcopy", "bm_deepcopy", []),
    ("deltablue", "bm_deltablue", []),
    ("fannkuch", "bm_fannkuch", []),
    ("float", "bm_float", []),
    ("gc_collect", "bm_gc_collect", []),
    ("gc_traversal", "bm_gc_traversal", []),
    ("generators", "bm_generators", []),
    ("go", "bm_go", []),
    ("hexiom", "bm_hexiom", []),
    ("json_dumps", "bm_json_dumps", []),
    ("json_loads", "bm_json_loads", []),
    ("logging", "bm_logging", []),
    ("mdp", "bm_mdp", []),
    ("meteor_contest", "bm_meteor_contest", []),
    ("nbody", "bm_nbody", []),
    ("nqueens", "bm_nqueens", []),
    ("pathlib", "bm_pathlib", []),
    ("pickle", "bm_pickle", ["pickle"]),
    ("pickle_dict", "bm_pickle", ["pickle_dict"]),
    ("pickle_list", "bm_pickle", ["pickle_list"]),
    ("pickle_pure_python", "bm_pickle", ["--pure-python", "pickle"]),
    ("unpickle", "bm_pickle", ["unpickle"]),
    ("unpickle_list", "bm_pickle", ["unpickle_list"]),
    ("unpickle_pure_python", "bm_pickle", ["--pure-python", "unpickle"]),
    ("pidigits", "bm_pidigits", []),
    ("pprint", "bm_pprint", []),
    ("pyflate", "bm_pyflate", []),
    ("raytrace", "bm_raytrace", []),
    ("regex_compile", "bm_regex_compile", []),
    ("regex_dna", "bm_regex_dna", []),
    ("regex_effbot", "bm_regex_effbot", []),
    ("regex_v8", "bm_regex_v8", []),
    ("richards", "bm_richards", []),
    ("richards_super", "bm_richards_super", []),
    ("scimark", "bm_scimark", []),
    ("spectral_norm", "bm_spectral_norm", []),
    ("sqlite_synth", "bm_sqlite_synth", []),
    ("telco", "bm_telco", []),
    ("typing_runtime_protocols", "bm_typing_runtime_protocols", []),
    ("unpack_sequence", "bm_unpack_sequence", []),
    ("xml_etree", "bm_xml_etree", []),
]
ENTRY_MAP = {name: (d, extra) for name, d, extra in ENTRIES}

# pyperformance benchmarks with no third-party requirement that are NOT run,
# and why (printed by --list so that nothing is dropped silently).
EXCLUDED = {
    "2to3": "uses Runner.bench_command (runs a lib2to3 subprocess), not a Python workload of its own",
    "python_startup": "uses Runner.bench_command; start-up is measured by this harness's start-up section",
    "python_startup_no_site": "uses Runner.bench_command; see the start-up section",
    "async_tree_eager*": "8 variants needing Python 3.12's asyncio.eager_task_factory (fail on 3.11)",
}

GROUPS = {
    "core": ["nbody", "richards", "spectral_norm", "fannkuch", "float", "deltablue",
             "nqueens", "unpack_sequence", "coroutines"],
    "all": [name for name, _, _ in ENTRIES],
}

# Fixed loop counts: outer loops per timed value, per result name, chosen so
# that one timed value takes roughly 0.1-0.5 s on CPython 3.11 (calibrated
# with --calibrate).  Every interpreter runs exactly these loop counts.
LOOPS = {
    'ascii85_large': 1,
    'ascii85_small': 12,
    'async_generators': 1,
    'bench_mp_pool': 25,
    'bench_thread_pool': 110,
    'async_tree_cpu_io_mixed': 1,
    'async_tree_cpu_io_mixed_tg': 1,
    'async_tree_io': 1,
    'async_tree_io_tg': 1,
    'async_tree_memoization': 1,
    'async_tree_memoization_tg': 1,
    'async_tree_none': 1,
    'async_tree_none_tg': 1,
    'asyncio_tcp': 1,
    'asyncio_tcp_ssl': 1,
    'base16_large': 6,
    'base16_small': 250,
    'base32_large': 1,
    'base32_small': 23,
    'base64_large': 24,
    'base64_small': 710,
    'base85_large': 1,
    'base85_small': 26,
    'bpe_tokeniser': 1,
    'chaos': 3,
    'comprehensions': 7100,
    'coroutines': 9,
    'create_gc_cycles': 120,
    'decimal_factorial': 1,
    'decimal_pi': 1,
    'deepcopy': 560,
    'deepcopy_memo': 5900,
    'deepcopy_reduce': 39000,
    'deltablue': 55,
    'fannkuch': 1,
    'float': 2,
    'gc_traversal': 34,
    'generators': 4,
    'go': 2,
    'hexiom': 35,
    'json_dumps': 14,
    'json_loads': 430,
    'logging_format': 2600,
    'logging_silent': 140000,
    'logging_simple': 3100,
    'many_optionals': 360,
    'mdp': 1,
    'meteor_contest': 2,
    'nbody': 3,
    'nqueens': 2,
    'pathlib': 8,
    'pickle': 1300,
    'pickle_dict': 1400,
    'pickle_list': 4800,
    'pickle_pure_python': 31,
    'pidigits': 1,
    'pprint_pformat': 1,
    'pprint_safe_repr': 1,
    'pyflate': 1,
    'quadtree_nbody': 1,
    'raytrace': 1,
    'regex_compile': 2,
    'regex_dna': 1,
    'regex_effbot': 9,
    'regex_v8': 16,
    'richards': 8,
    'richards_super': 3,
    'scimark_fft': 1,
    'scimark_lu': 2,
    'scimark_monte_carlo': 3,
    'scimark_sor': 2,
    'scimark_sparse_mat_mult': 68,
    'spectral_norm': 2,
    'sqlite_synth': 1300,
    'subparsers': 7,
    'telco': 25,
    'typing_runtime_protocols': 310,
    'unpack_sequence': 2600,
    'unpickle': 620,
    'unpickle_list': 4800,
    'unpickle_pure_python': 39,
    'urlsafe_base64_small': 370,
    'xml_etree_generate': 2,
    'xml_etree_iterparse': 1,
    'xml_etree_parse': 1,
    'xml_etree_process': 2,
}
DEFAULT_LOOPS = 1

INTERPRETER_DEFAULTS = {
    "ferropy": os.path.join(REPO_DIR, "target", "release", "ferropy"),
    "cpython": "python3",
    "pypy": "pypy3",
}
COLOURS = {"cpython": "#3572A5", "pypy": "#e07b00", "ferropy": "#b7410e"}
EXTRA_COLOURS = ["#2ca02c", "#9467bd", "#8c564b", "#e377c2"]

STARTUP_COMMANDS = [
    ("pass", ["-c", "pass"]),
    ("import sys, math, time", ["-c", "import sys, math, time"]),
    ("import os, re, json, collections", ["-c", "import os, re, json, collections"]),
]


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


# ---------------------------------------------------------------------------
# pyperformance download
# ---------------------------------------------------------------------------

def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download_sdist(dest):
    """Fetch the pinned sdist into `dest` (pip first, then PyPI's simple index)."""
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    tmpdir = dest + ".download"
    shutil.rmtree(tmpdir, ignore_errors=True)
    os.makedirs(tmpdir)
    try:
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
               "--no-binary", ":all:", "--dest", tmpdir,
               "pyperformance==%s" % PYPERFORMANCE_VERSION]
        log("downloading %s with pip ..." % PYPERFORMANCE_SDIST)
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        got = os.path.join(tmpdir, PYPERFORMANCE_SDIST)
        if r.returncode != 0 or not os.path.exists(got):
            log("pip download failed (%s); trying PyPI's simple index" % r.stdout.strip()[-300:])
            page = urllib.request.urlopen(PYPI_SIMPLE_URL, timeout=60).read().decode()
            m = re.search(r'href="([^"#]*/%s)(#[^"]*)?"' % re.escape(PYPERFORMANCE_SDIST), page)
            if not m:
                raise SystemExit("cannot find %s on %s" % (PYPERFORMANCE_SDIST, PYPI_SIMPLE_URL))
            with urllib.request.urlopen(html.unescape(m.group(1)), timeout=300) as resp, \
                    open(got, "wb") as out:
                shutil.copyfileobj(resp, out)
        os.replace(got, dest)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def ensure_pyperformance():
    """Return the benchmarks directory of the cached, verified pyperformance."""
    sdist = os.path.join(CACHE_DIR, PYPERFORMANCE_SDIST)
    root = os.path.join(CACHE_DIR, "pyperformance-%s" % PYPERFORMANCE_VERSION)
    bdir = os.path.join(root, "pyperformance", "data-files", "benchmarks")
    stamp = os.path.join(root, ".sha256")
    if os.path.isdir(bdir) and os.path.exists(stamp) and \
            open(stamp).read().strip() == PYPERFORMANCE_SHA256:
        return bdir
    if not os.path.exists(sdist):
        download_sdist(sdist)
    digest = sha256_of(sdist)
    if digest != PYPERFORMANCE_SHA256:
        os.remove(sdist)
        raise SystemExit("sha256 mismatch for %s: got %s, expected %s (file removed)"
                         % (PYPERFORMANCE_SDIST, digest, PYPERFORMANCE_SHA256))
    shutil.rmtree(root, ignore_errors=True)
    with tarfile.open(sdist) as tf:
        tf.extractall(CACHE_DIR, filter="data")
    with open(stamp, "w") as f:
        f.write(PYPERFORMANCE_SHA256 + "\n")
    log("pyperformance %s extracted to %s (sha256 ok)" % (PYPERFORMANCE_VERSION, root))
    return bdir


# ---------------------------------------------------------------------------
# processes
# ---------------------------------------------------------------------------

class ProcResult:
    def __init__(self, rc, out, err, maxrss_kib, wall, timed_out):
        self.rc, self.out, self.err = rc, out, err
        self.maxrss_kib, self.wall, self.timed_out = maxrss_kib, wall, timed_out


def child_env():
    env = dict(os.environ)
    # PYTHONDONTWRITEBYTECODE too: interpreters run as installed, writing their
    # bytecode caches, so that the check run of each start-up command leaves them
    # warm (the standard library's cache files of one Ferropy build are stale
    # for another, and left stale every process would compile them again).
    for k in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONDONTWRITEBYTECODE"):
        env.pop(k, None)
    env["PYTHONHASHSEED"] = "0"
    return env


def find_gnu_time():
    """GNU time measures a child's peak RSS correctly.

    ru_maxrss from wait4() is not: Linux keeps the larger of the forking
    parent's RSS (here the harness's ~25 MiB) across execve, so it can't
    report anything below the harness's own size.  GNU time is small, so
    the process it forks starts from a small RSS.
    """
    path = shutil.which("time") or "/usr/bin/time"
    for cand in (path, "/usr/bin/time"):
        try:
            r = subprocess.run([cand, "--version"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if "GNU" in r.stdout:
            return cand
    return None


GNU_TIME = None      # set in main()
RSS_METHOD = "wait4"


def run_process(cmd, cwd=None, timeout=None, capture=True, memory=True):
    """Run cmd; return its exit code, output, peak RSS (KiB) and wall time.

    With memory=True and GNU time available, the command runs under
    `time -f %M` for an exact peak RSS; otherwise ru_maxrss from wait4()
    (an upper bound that can't go below the harness's own RSS).
    """
    import tempfile
    out_f = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    err_f = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    rss_file = None
    if memory and GNU_TIME:
        fd, rss_file = tempfile.mkstemp(prefix="ferrobench-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file, "--"] + list(cmd)
    try:
        t0 = time.perf_counter()
        try:
            p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out_f,
                                 stderr=err_f, env=child_env(), start_new_session=True)
        except OSError as exc:
            return ProcResult(None, "", "%s: %s" % (type(exc).__name__, exc), None, 0.0, False)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(p.pid, 9)
            except OSError:
                pass
        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            while True:
                try:
                    _, status, usage = os.wait4(p.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        p.returncode = rc
        # kill left-over children of the benchmark (e.g. multiprocessing pools)
        try:
            os.killpg(p.pid, 9)
        except OSError:
            pass
        out = err = ""
        if capture:
            out_f.seek(0)
            err_f.seek(0)
            out = out_f.read().decode("utf-8", "replace")
            err = err_f.read().decode("utf-8", "replace")
        maxrss = usage.ru_maxrss if memory else None
        if rss_file:
            maxrss = None
            try:
                with open(rss_file) as f:
                    lines = [l.strip() for l in f if l.strip()]
                if lines and lines[-1].isdigit():
                    maxrss = int(lines[-1])
                for l in lines:
                    m = re.match(r"Command terminated by signal (\d+)", l)
                    if m:
                        rc = -int(m.group(1))
            except OSError:
                pass
        return ProcResult(rc, out, err, maxrss, wall, bool(timed_out))
    finally:
        if capture:
            out_f.close()
            err_f.close()
        if rss_file:
            try:
                os.remove(rss_file)
            except OSError:
                pass


def first_error_line(proc, doc_error=None, timeout=None):
    if proc.timed_out:
        return "timeout after %ss" % timeout
    if doc_error:
        return doc_error
    lines = [l.strip() for l in proc.err.splitlines() if l.strip()]
    # A Python traceback ends with "ExcType: message"; prefer that line.
    for l in reversed(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b.*", l) \
                or re.match(r"^[A-Za-z_][\w.]*: ", l):
            return l[:300]
    if lines:
        return lines[0][:300]
    if proc.rc is not None and proc.rc < 0:
        return "killed by signal %d" % -proc.rc
    if proc.rc is None:
        return "could not start"
    out = [l.strip() for l in proc.out.splitlines() if l.strip()]
    return "exit code %s without a result line (stdout: %r)" % (
        proc.rc, out[0][:60] if out else "")


def parse_marker(out):
    doc = None
    for line in out.splitlines():
        if line.startswith(RESULT_MARKER + " "):
            try:
                doc = json.loads(line[len(RESULT_MARKER) + 1:])
            except ValueError:
                pass
    return doc


# ---------------------------------------------------------------------------
# interpreters
# ---------------------------------------------------------------------------

class Interp:
    def __init__(self, name, cmd):
        self.name = name
        self.cmd = cmd          # argv prefix
        self.missing = None     # reason it can't run at all
        self.version = None
        self.executable = None


def resolve_interpreters(names, opts):
    interps = []
    for name in names:
        given = {"ferropy": opts.ferropy, "cpython": opts.cpython, "pypy": opts.pypy}.get(name)
        spec = given or INTERPRETER_DEFAULTS.get(name) or name
        it = Interp(name, [spec])
        path = shutil.which(spec) if os.sep not in spec else (spec if os.path.exists(spec) else None)
        if path is None:
            it.missing = "%s not found (%s)" % (name, spec)
            if name == "pypy" and not opts.pypy:
                log("note: pypy3 is not installed (apt-get install pypy3); pypy is left out")
                continue
            interps.append(it)
            continue
        it.cmd = [os.path.abspath(path)]
        # Resolve wrappers such as pyenv shims to the real executable, so that
        # start-up times are not those of a shell script.
        r = run_process(it.cmd + ["-c", "import sys; print(sys.executable); print(sys.version)"],
                        timeout=60)
        lines = r.out.splitlines()
        if r.rc == 0 and len(lines) >= 2:
            exe = lines[0].strip()
            if exe and os.path.exists(exe) and name != "ferropy":
                it.cmd = [exe]
            it.executable = it.cmd[0]
            it.version = " ".join(l.strip() for l in lines[1:])
        else:
            it.executable = it.cmd[0]
            it.version = "unknown (-c failed: %s)" % first_error_line(r, timeout=60)
        interps.append(it)
    return interps


# ---------------------------------------------------------------------------
# statistics and formatting
# ---------------------------------------------------------------------------

def fmt_time(sec):
    if sec is None:
        return "-"
    if sec >= 1:
        return "%.3g s" % sec
    if sec >= 1e-3:
        return "%.3g ms" % (sec * 1e3)
    if sec >= 1e-6:
        return "%.3g us" % (sec * 1e6)
    return "%.3g ns" % (sec * 1e9)


def fmt_mem(kib):
    if kib is None:
        return "-"
    return "%.1f MiB" % (kib / 1024.0)


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def summarize(samples):
    """samples: per-process medians -> dict(median, min, max, spread_pct)."""
    if not samples:
        return None
    med = statistics.median(samples)
    lo, hi = min(samples), max(samples)
    spread = (hi - lo) / 2.0 / med * 100.0 if med > 0 else 0.0
    return {"median": med, "min": lo, "max": hi, "spread_pct": spread, "n": len(samples)}


def render_table(headers, rows):
    widths = [len(h) for h in headers]
    for row in rows:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    sep = "|-" + "-|-".join("-" * w for w in widths) + "-|"
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |", sep]
    for row in rows:
        lines.append("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                        for i, (c, w) in enumerate(zip(row, widths))) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# pyperformance benchmarks
# ---------------------------------------------------------------------------

def loops_args(scale):
    items = []
    for k, v in sorted(LOOPS.items()):
        items.append("%s=%d" % (k, max(1, int(round(v * scale)))))
    return ["--loops", str(max(1, int(round(DEFAULT_LOOPS * scale)))),
            "--loops-map", ",".join(items)]


def run_benchmarks(interps, entries, bdir, opts):
    """Interleaved runs: for run: for benchmark: for interpreter."""
    # state[entry][interp] = {"procs": [...], "error": str|None, "results": {name: [medians]}}
    state = {e: {it.name: {"results": {}, "values": {}, "error": None, "maxrss": [],
                           "order": [], "failed_runs": 0}
                 for it in interps} for e in entries}
    total = opts.runs * len(entries) * len(interps)
    done = 0
    for run in range(opts.runs):
        for e in entries:
            d, extra = ENTRY_MAP[e]
            cwd = os.path.join(bdir, d)
            script = os.path.join(cwd, "run_benchmark.py")
            for it in interps:
                done += 1
                st = state[e][it.name]
                if it.missing:
                    st["error"] = it.missing
                    continue
                if st["error"] and not opts.retry_failed:
                    continue   # a failure is reported once; don't waste time repeating it
                cmd = it.cmd + [SHIM_BOOT] + loops_args(opts.scale) + [
                    "--warmups", str(opts.warmups), "--values", str(opts.values),
                    "--", script] + extra
                proc = run_process(cmd, cwd=cwd, timeout=opts.timeout)
                doc = parse_marker(proc.out)
                err = None
                if proc.timed_out or proc.rc != 0 or doc is None or doc.get("error"):
                    err = first_error_line(proc, doc and doc.get("error"), opts.timeout)
                if doc:
                    for res in doc.get("results", []):
                        name = res["name"]
                        if name not in st["order"]:
                            st["order"].append(name)
                        vals = res.get("values") or []
                        if vals and len(vals) == opts.values:
                            st["results"].setdefault(name, []).append(statistics.median(vals))
                            st["values"].setdefault(name, []).append(
                                {"warmups": res.get("warmups"), "values": vals,
                                 "loops": res.get("loops"), "inner_loops": res.get("inner_loops")})
                if err:
                    st["error"] = err
                    st["failed_runs"] += 1
                else:
                    st["maxrss"].append(proc.maxrss_kib)
                status = ("FAILED: " + err) if err else ", ".join(
                    "%s %s" % (n, fmt_time(st["results"][n][-1])) for n in st["order"]
                    if st["results"].get(n))
                log("[%d/%d] run %d %-26s %-8s %6.1fs  %s"
                    % (done, total, run + 1, e, it.name, proc.wall, status[:160]))
    return state


def collect_rows(state, interps, entries):
    """Flatten to one row per result name: rows[name] = {interp: {...}}."""
    rows = []
    for e in entries:
        names = []
        for it in interps:
            for n in state[e][it.name]["order"]:
                if n not in names:
                    names.append(n)
        if not names:
            names = [e]
        for n in names:
            row = {"name": n, "entry": e, "interps": {}}
            for it in interps:
                st = state[e][it.name]
                samples = st["results"].get(n, [])
                # A process that failed fails all the results of its entry
                # (its error line is shown), even those it completed.
                ok = bool(samples) and st["error"] is None
                s = summarize(samples) if ok else None
                if s and s["n"] == 1 and st["values"].get(n):
                    # one run: show the spread of the timed values instead
                    vals = st["values"][n][0]["values"]
                    s["spread_pct"] = (max(vals) - min(vals)) / 2.0 / s["median"] * 100.0 \
                        if s["median"] > 0 else 0.0
                    s["spread_basis"] = "timed values of the single run"
                elif s:
                    s["spread_basis"] = "per-process medians"
                # A process that succeeded without this result (e.g. PyPy's
                # pprint has no _safe_repr, xml_etree without its C
                # accelerator reports *_pure_python_*): not applicable.
                na = not samples and st["error"] is None and bool(st["order"])
                cell = {"status": "ok" if ok else ("n/a" if na else "failed"),
                        "error": None if (ok or na) else (st["error"] or "no result"),
                        "stats": s if ok else None,
                        "samples": samples,
                        "raw": st["values"].get(n, []),
                        "peak_rss_kib": (statistics.median(st["maxrss"]) if st["maxrss"] else None)}
                row["interps"][it.name] = cell
            rows.append(row)
    return rows


def add_ratios(rows, interps, baseline):
    for row in rows:
        base = row["interps"].get(baseline)
        bt = base["stats"]["median"] if base and base["stats"] else None
        for name, cell in row["interps"].items():
            st = cell["stats"]
            if bt and st and st["median"] > 0:
                cell["speedup"] = bt / st["median"]
                cell["speedup_min"] = bt / st["max"]
                cell["speedup_max"] = bt / st["min"]
            else:
                cell["speedup"] = None


def geomeans(rows, interps):
    everywhere = [r for r in rows if all(c["stats"] for c in r["interps"].values())]
    out = {}
    for it in interps:
        out[it.name] = geomean([r["interps"][it.name].get("speedup") for r in everywhere])
    return out, [r["name"] for r in everywhere]


def pairwise_geomeans(rows, interps):
    """Per interpreter: geometric mean over the benchmarks it ran along with the baseline."""
    out = {}
    for it in interps:
        sp = [r["interps"][it.name].get("speedup") for r in rows]
        sp = [x for x in sp if x]
        out[it.name] = {"speedup": geomean(sp), "count": len(sp)}
    return out


def bench_table(rows, interps, baseline):
    others = [it.name for it in interps if it.name != baseline]
    headers = ["benchmark"] + ["%s time (±%%)" % it.name for it in interps] + \
        ["%s speedup" % n for n in others] + ["%s peak mem" % it.name for it in interps]
    lines = []
    for row in rows:
        cells = [row["name"]]
        for it in interps:
            c = row["interps"][it.name]
            if c["stats"]:
                cells.append("%s ±%.1f%%" % (fmt_time(c["stats"]["median"]), c["stats"]["spread_pct"]))
            elif c["status"] == "n/a":
                cells.append("n/a (not reported)")
            else:
                cells.append("failed: " + (c["error"] or "?")[:70])
        for n in others:
            sp = row["interps"][n].get("speedup")
            cells.append("%.2fx" % sp if sp else "-")
        for it in interps:
            cells.append(fmt_mem(row["interps"][it.name]["peak_rss_kib"]))
        lines.append(cells)
    return render_table(headers, lines)


# ---------------------------------------------------------------------------
# start-up and allocation microbenchmarks
# ---------------------------------------------------------------------------

def run_startup(interps, opts):
    res = {label: {it.name: {"samples": [], "error": it.missing} for it in interps}
           for label, _ in STARTUP_COMMANDS}
    # Check once that each command really runs: the same code followed by a
    # print of a sentinel must print it (an interpreter that ignores -c, or
    # fails an import, must not get a start-up time).  This run also gives
    # the peak memory.
    for label, args in STARTUP_COMMANDS:
        for it in interps:
            cell = res[label][it.name]
            if cell["error"]:
                continue
            code = args[1] + "; print('ferrobench-ok')"
            proc = run_process(it.cmd + ["-c", code], cwd=BENCH_DIR, timeout=60)
            if proc.rc != 0 or proc.out.strip() != "ferrobench-ok":
                if proc.rc == 0:
                    cell["error"] = "exit code 0 but the code did not run (stdout %r)" % proc.out.strip()[:40]
                else:
                    cell["error"] = first_error_line(proc, timeout=60)
                continue
            cell["peak_rss_kib"] = proc.maxrss_kib
    for i in range(opts.startup_runs):
        for label, args in STARTUP_COMMANDS:
            for it in interps:
                cell = res[label][it.name]
                if cell["error"]:
                    continue
                proc = run_process(it.cmd + args, cwd=BENCH_DIR, timeout=60, memory=False)
                if proc.rc != 0:
                    cell["error"] = first_error_line(proc, timeout=60)
                    continue
                cell["samples"].append(proc.wall)
    for label in res:
        for it in interps:
            cell = res[label][it.name]
            cell["stats"] = summarize(cell["samples"]) if not cell["error"] else None
            cell.setdefault("peak_rss_kib", None)
    log("start-up: done (%d runs per command)" % opts.startup_runs)
    return res


def startup_table(res, interps):
    headers = ["command"] + ["%s median (min-max)" % it.name for it in interps] + \
        ["%s peak mem" % it.name for it in interps]
    rows = []
    for label, _ in STARTUP_COMMANDS:
        cells = ['-c "%s"' % label]
        for it in interps:
            c = res[label][it.name]
            if c["stats"]:
                s = c["stats"]
                cells.append("%.1f ms (%.1f-%.1f)" % (s["median"] * 1e3, s["min"] * 1e3, s["max"] * 1e3))
            else:
                cells.append("failed: " + (c["error"] or "?")[:60])
        for it in interps:
            cells.append(fmt_mem(res[label][it.name]["peak_rss_kib"]))
        rows.append(cells)
    return render_table(headers, rows)


def run_alloc(interps, opts):
    res = {it.name: {"runs": [], "error": it.missing, "maxrss": []} for it in interps}
    for run in range(opts.runs):
        for it in interps:
            cell = res[it.name]
            if cell["error"]:
                continue
            cmd = it.cmd + [ALLOC_SCRIPT, "--scale", str(opts.alloc_scale),
                            "--warmups", str(opts.warmups), "--values", str(opts.values)]
            proc = run_process(cmd, cwd=BENCH_DIR, timeout=opts.timeout)
            doc = parse_marker(proc.out)
            if proc.rc != 0 or not doc or doc.get("error"):
                cell["error"] = first_error_line(proc, doc and doc.get("error"), opts.timeout)
                continue
            cell["runs"].append(doc["kinds"])
            cell["maxrss"].append(proc.maxrss_kib)
    kinds = None
    for it in interps:
        cell = res[it.name]
        per_kind = {}
        for r in cell["runs"]:
            kinds = kinds or [k["kind"] for k in r]
            for k in r:
                per_kind.setdefault(k["kind"], []).append(k["rate"])
        cell["rates"] = {k: summarize(v) for k, v in per_kind.items()} if not cell["error"] else {}
        cell["peak_rss_kib"] = statistics.median(cell["maxrss"]) if cell["maxrss"] else None
        del cell["maxrss"]
    log("alloc microbenchmark: done")
    return {"kinds": kinds or [], "interps": res}


def alloc_table(res, interps, baseline):
    headers = ["allocation kind"] + ["%s (M/s, ±%%)" % it.name for it in interps] + \
        ["%s vs %s" % (it.name, baseline) for it in interps if it.name != baseline]
    rows = []
    for kind in res["kinds"]:
        cells = [kind]
        for it in interps:
            c = res["interps"][it.name]
            s = c["rates"].get(kind) if not c["error"] else None
            cells.append("%.2f ±%.1f%%" % (s["median"] / 1e6, s["spread_pct"]) if s
                         else "failed: " + (c["error"] or "?")[:60])
        b = res["interps"].get(baseline, {}).get("rates", {}).get(kind)
        for it in interps:
            if it.name == baseline:
                continue
            s = res["interps"][it.name]["rates"].get(kind)
            cells.append("%.2fx" % (s["median"] / b["median"]) if s and b else "-")
        rows.append(cells)
    if not res["kinds"]:
        rows.append(["(no interpreter ran it)"] + ["failed: " + (res["interps"][it.name]["error"] or "?")[:60]
                                                  for it in interps]
                    + ["-"] * (len(headers) - 1 - len(interps)))
    return render_table(headers, rows)


# ---------------------------------------------------------------------------
# HTML report
# ---------------------------------------------------------------------------

def colour_of(name, interps):
    if name in COLOURS:
        return COLOURS[name]
    extra = [it.name for it in interps if it.name not in COLOURS]
    return EXTRA_COLOURS[extra.index(name) % len(EXTRA_COLOURS)]


def svg_speedup_chart(rows, interps, baseline, gms, pairwise=None):
    """Horizontal grouped bars: speedup vs baseline, log scale, one colour per interpreter."""
    names = [it.name for it in interps]
    pw = pairwise or {}
    groups = [("geomean, ran everywhere", {n: gms.get(n) for n in names}, {}),
              ("geomean, ran with %s" % baseline,
               {n: (pw.get(n) or {}).get("speedup") for n in names}, {})] + [
        (r["name"], {n: r["interps"][n].get("speedup") for n in names},
         {n: r["interps"][n] for n in names}) for r in rows]
    vals = [v for _, g, _ in groups for v in g.values() if v]
    for _, _, cells in groups:
        for c in cells.values():
            for k in ("speedup_min", "speedup_max"):
                if c.get(k):
                    vals.append(c[k])
    lo = min(vals + [1.0]) if vals else 0.1
    hi = max(vals + [1.0]) if vals else 10
    lo_e = math.floor(math.log10(lo) - 0.05)
    hi_e = math.ceil(math.log10(hi) + 0.05)
    if hi_e - lo_e < 1:
        hi_e = lo_e + 1
    label_w, plot_w, bar_h, gap = 230, 760, 9, 8
    group_h = bar_h * len(names) + gap
    top = 40
    height = top + group_h * len(groups) + 30
    width = label_w + plot_w + 120

    def x_of(v):
        return label_w + (math.log10(v) - lo_e) / (hi_e - lo_e) * plot_w

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (width, height)]
    # grid
    for e in range(lo_e, hi_e + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if v < 10 ** lo_e or v > 10 ** hi_e:
                continue
            x = x_of(v)
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="1"/>'
                       % (x, top - 6, x, height - 26, "#bbb" if m == 1 else "#eee"))
            out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%gx</text>'
                       % (x, top - 10, v))
            out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%gx</text>'
                       % (x, height - 12, v))
    x1 = x_of(1.0)
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#000" stroke-dasharray="4,3"/>'
               % (x1, top - 6, x1, height - 26))
    x0 = label_w
    for gi, (label, g, cells) in enumerate(groups):
        y = top + gi * group_h
        if gi % 2 == 0:
            out.append('<rect x="0" y="%d" width="%d" height="%d" fill="#f7f7f7"/>'
                       % (y - gap // 2, width, group_h))
        weight = "bold" if gi < 2 else "normal"
        out.append('<text x="%d" y="%d" text-anchor="end" font-weight="%s">%s</text>'
                   % (label_w - 8, y + group_h // 2, weight, html.escape(label)))
        for ii, n in enumerate(names):
            by = y + ii * bar_h
            v = g.get(n)
            col = colour_of(n, interps)
            if v:
                xv = x_of(v)
                out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s">'
                           '<title>%s %s: %.3fx</title></rect>'
                           % (x0, by, max(1.0, xv - x0), bar_h - 1, col, html.escape(label), n, v))
                c = cells.get(n) or {}
                if c.get("speedup_min") and c.get("speedup_max") and n != baseline:
                    a, b = x_of(c["speedup_min"]), x_of(c["speedup_max"])
                    ym = by + (bar_h - 1) / 2.0
                    out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#222" '
                               'stroke-width="1"/>' % (a, ym, b, ym))
                out.append('<text x="%.1f" y="%d" fill="#333" font-size="9">%.2fx</text>'
                           % (max(xv, x1) + 4 if n != baseline else xv + 4, by + bar_h - 1, v))
            else:
                c = cells.get(n) or {}
                if c.get("status") == "failed":
                    text = "&#10007; %s failed: %s" % (n, html.escape(c.get("error") or "?")[:90])
                elif c.get("status") == "n/a":
                    text = "%s: n/a (not reported by %s)" % (n, n)
                elif c.get("status") == "ok":
                    text = "%s: no %s time to compare with" % (n, html.escape(baseline))
                else:
                    text = "%s: n/a" % n
                out.append('<text x="%d" y="%d" fill="%s" font-size="9">%s</text>'
                           % (x0 + 4, by + bar_h - 1, col, text))
    out.append("</svg>")
    return "\n".join(out)


def svg_simple_bars(title, groups, interps, unit, fmt):
    """groups: [(label, {interp: value or None}, {interp: error})] linear bars."""
    names = [it.name for it in interps]
    vals = [v for _, g, _ in groups for v in g.values() if v]
    hi = max(vals) if vals else 1.0
    label_w, plot_w, bar_h, gap = 260, 560, 12, 10
    group_h = bar_h * len(names) + gap
    top = 10
    height = top + group_h * len(groups) + 10
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (label_w + plot_w + 200, height)]
    for gi, (label, g, errs) in enumerate(groups):
        y = top + gi * group_h
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>'
                   % (label_w - 8, y + group_h // 2, html.escape(label)))
        for ii, n in enumerate(names):
            by = y + ii * bar_h
            v = g.get(n)
            col = colour_of(n, interps)
            if v:
                w = v / hi * plot_w
                out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s</title></rect>'
                           % (label_w, by, max(w, 1.0), bar_h - 2, col, html.escape(n)))
                out.append('<text x="%.1f" y="%d" font-size="10">%s %s</text>'
                           % (label_w + w + 4, by + bar_h - 3, fmt(v), unit))
            else:
                out.append('<text x="%d" y="%d" fill="%s" font-size="10">&#10007; %s failed: %s</text>'
                           % (label_w + 4, by + bar_h - 3, col, n, html.escape((errs.get(n) or "?")[:90])))
    out.append("</svg>")
    return "\n".join(out)


def html_table(headers, rows):
    out = ["<table><thead><tr>"]
    out += ["<th>%s</th>" % html.escape(h) for h in headers]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>")
        for i, c in enumerate(row):
            cls = ' class="fail"' if c.startswith("failed") else (' class="name"' if i == 0 else "")
            out.append("<td%s>%s</td>" % (cls, html.escape(c)))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def table_rows_from_text(text):
    lines = text.splitlines()
    split = lambda l: [c.strip() for c in l.strip().strip("|").split(" | ")]
    return split(lines[0]), [split(l) for l in lines[2:]]


def write_html(path, doc, interps, rows, baseline, gms, tables):
    legend = "".join('<span class="sw" style="background:%s"></span>%s &nbsp; '
                     % (colour_of(it.name, interps), html.escape(it.name)) for it in interps)
    meta_rows = "".join("<tr><td>%s</td><td>%s</td></tr>" % (html.escape(it.name), html.escape(
        "%s — %s" % (" ".join(it.cmd), it.missing or it.version or "?"))) for it in interps)
    parts = ["""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferropy benchmarks %(ts)s</title>
<style>
body{font-family:sans-serif;margin:20px;color:#222;max-width:1300px}
h1{font-size:22px} h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:12px;margin:8px 0}
td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}
table.meta td{text-align:left}
th{background:#eee} td.name{text-align:left;font-weight:bold}
td.fail{color:#b00;text-align:left;max-width:340px}
.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
.note{color:#555;font-size:12px}
</style></head><body>
<h1>Ferropy benchmarks — %(ts)s</h1>
<p class="note">pyperformance %(ppv)s benchmarks run with Ferropy's pyperf stand-in:
fixed loop counts (same work on every interpreter), %(w)d warm-up value(s) then %(v)d timed
value(s) per process, %(r)d interleaved run(s). Times are per benchmark call; the reported
time is the median of the per-process medians, ± half the min–max range.
Speedup = %(b)s time / interpreter time (&gt;1 = faster than %(b)s).</p>
<table class="meta">%(meta)s<tr><td>peak memory</td><td>%(rss)s</td></tr><tr><td>machine</td><td>%(machine)s</td></tr></table>
<h2>Speedup vs %(b)s (log scale; whiskers: min–max over runs)</h2>
<p>%(legend)s</p>
""" % {"ts": html.escape(doc["timestamp"]), "ppv": PYPERFORMANCE_VERSION,
       "w": doc["settings"]["warmups"], "v": doc["settings"]["values"], "r": doc["settings"]["runs"],
       "b": html.escape(baseline), "meta": meta_rows, "rss": html.escape(doc["peak_memory_method"]), "legend": legend,
       "machine": html.escape(doc["machine"]["platform"] + ", " + str(doc["machine"]["cpus"]) + " CPUs")}]
    gm_text = ", ".join("%s %.3fx" % (n, v) for n, v in gms.items() if v and n != baseline)
    parts.append('<p>Geometric mean over the %d benchmarks that ran on every interpreter: <b>%s</b></p>'
                 % (len(doc["geomean"]["benchmarks"]), html.escape(gm_text or "n/a")))
    pw = doc["geomean"].get("pairwise") or {}
    pw_text = ", ".join("%s %.3fx over %d" % (n, v["speedup"], v["count"]) for n, v in pw.items()
                        if v["speedup"] and n != baseline)
    parts.append('<p>Geometric mean over the benchmarks each interpreter ran along with %s: <b>%s</b></p>'
                 % (html.escape(baseline), html.escape(pw_text or "n/a")))
    parts.append(svg_speedup_chart(rows, interps, baseline, gms, pw))
    parts.append("<h2>Benchmarks</h2>")
    h, r = table_rows_from_text(tables["bench"])
    parts.append(html_table(h, r))
    if "startup" in tables:
        parts.append("<h2>Start-up (wall time of the whole process, %d runs)</h2>"
                     % doc["settings"]["startup_runs"])
        groups = []
        for label, _ in STARTUP_COMMANDS:
            cells = doc["startup"][label]
            groups.append(('-c "%s"' % label,
                           {n: (c["stats"]["median"] * 1e3 if c["stats"] else None) for n, c in cells.items()},
                           {n: c["error"] for n, c in cells.items()}))
        parts.append("<p>%s</p>" % legend)
        parts.append(svg_simple_bars("startup", groups, interps, "ms", lambda v: "%.1f" % v))
        h, r = table_rows_from_text(tables["startup"])
        parts.append(html_table(h, r))
    if "alloc" in tables:
        parts.append("<h2>Allocation throughput (bench/micro/alloc.py; higher is better)</h2>")
        groups = []
        for kind in doc["alloc"]["kinds"] or ["alloc"]:
            g, errs = {}, {}
            for n, c in doc["alloc"]["interps"].items():
                s = c["rates"].get(kind) if c.get("rates") else None
                g[n] = s["median"] / 1e6 if s else None
                errs[n] = c["error"]
            groups.append((kind, g, errs))
        parts.append("<p>%s</p>" % legend)
        parts.append(svg_simple_bars("alloc", groups, interps, "M/s", lambda v: "%.2f" % v))
        h, r = table_rows_from_text(tables["alloc"])
        parts.append(html_table(h, r))
    parts.append('<p class="note">Command: <code>%s</code><br>JSON: %s</p></body></html>'
                 % (html.escape(doc["command"]), html.escape(os.path.basename(path)[:-5] + ".json")))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


# ---------------------------------------------------------------------------
# calibration
# ---------------------------------------------------------------------------

def calibrate(interp, entries, bdir, target):
    """Print a LOOPS table: outer loops so that one value takes ~target s on `interp`."""
    table = {}
    for e in entries:
        d, extra = ENTRY_MAP[e]
        cwd = os.path.join(bdir, d)
        cmd = interp.cmd + [SHIM_BOOT, "--loops", "1", "--warmups", "1", "--values", "1",
                            "--", os.path.join(cwd, "run_benchmark.py")] + extra
        proc = run_process(cmd, cwd=cwd, timeout=600)
        doc = parse_marker(proc.out)
        if not doc or doc.get("error") or proc.rc != 0:
            log("%-28s failed: %s" % (e, first_error_line(proc, doc and doc.get("error"), 600)))
            continue
        for res in doc["results"]:
            per_outer = res["values"][0] * res["inner_loops"]
            loops = max(1, int(round(target / per_outer))) if per_outer > 0 else 1
            # round to 2 significant digits
            if loops >= 10:
                p = 10 ** (len(str(loops)) - 2)
                loops = int(round(loops / p) * p)
            table[res["name"]] = loops
            log("%-28s %-28s %10s per outer loop -> loops=%d" % (e, res["name"], fmt_time(per_outer), loops))
    print("LOOPS = {")
    for k in sorted(table):
        print("    %r: %d," % (k, table[k]))
    print("}")


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--interpreters", default="ferropy,cpython,pypy",
                   help="comma-separated: ferropy, cpython, pypy (default: all three)")
    p.add_argument("--bench", default="all",
                   help="comma-separated benchmark entries or groups (core, all); default all")
    p.add_argument("--runs", type=int, default=3, help="interleaved processes per benchmark and interpreter")
    p.add_argument("--warmups", type=int, default=2, help="untimed values per process")
    p.add_argument("--values", type=int, default=5, help="timed values per process")
    p.add_argument("--scale", type=float, default=1.0,
                   help="multiply every fixed loop count (same for all interpreters)")
    p.add_argument("--quick", action="store_true",
                   help="1 run, 1 warm-up, 3 values, loops scaled by 0.5, 5 start-up runs")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds per benchmark process (default 600, 180 with --quick)")
    p.add_argument("--retry-failed", action="store_true",
                   help="re-run a benchmark on an interpreter in later runs after it failed")
    p.add_argument("--ferropy", default=None, help="Ferropy binary (default target/release/ferropy)")
    p.add_argument("--cpython", default=None, help="CPython command (default python3)")
    p.add_argument("--pypy", default=None, help="PyPy command (default pypy3)")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    p.add_argument("--startup-runs", type=int, default=20)
    p.add_argument("--no-alloc", action="store_true", help="skip the allocation microbenchmark")
    p.add_argument("--alloc-scale", type=float, default=1.0)
    p.add_argument("--no-bench", action="store_true", help="skip the pyperformance benchmarks")
    p.add_argument("--output", default=None, help="results path prefix (default bench/results/<timestamp>)")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    p.add_argument("--calibrate", action="store_true",
                   help="print loop counts giving --target seconds per value on the first interpreter")
    p.add_argument("--target", type=float, default=0.25)
    opts = p.parse_args(argv)
    if opts.quick:
        opts.runs, opts.warmups, opts.values = 1, 1, 3
        opts.scale *= 0.5
        opts.startup_runs = min(opts.startup_runs, 5)
    if opts.timeout is None:
        opts.timeout = 180.0 if opts.quick else 600.0
    return opts


def select_entries(spec):
    entries = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        names = GROUPS.get(item, [item])
        for n in names:
            if n not in ENTRY_MAP:
                raise SystemExit("unknown benchmark %r (see --list)" % n)
            if n not in entries:
                entries.append(n)
    return entries


def main(argv=None):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    if opts.list:
        print("benchmark entries (%d):" % len(ENTRIES))
        for name, d, extra in ENTRIES:
            print("  %-28s %s %s" % (name, d, " ".join(extra)))
        print("groups: " + ", ".join("%s (%d)" % (g, len(v)) for g, v in GROUPS.items()))
        print("not run (no third-party package needed, but):")
        for k, v in EXCLUDED.items():
            print("  %-28s %s" % (k, v))
        return 0
    entries = select_entries(opts.bench)
    names = [n.strip() for n in opts.interpreters.split(",") if n.strip()]
    interps = resolve_interpreters(names, opts)
    if not interps:
        raise SystemExit("no interpreter to run")
    global GNU_TIME, RSS_METHOD
    GNU_TIME = find_gnu_time()
    RSS_METHOD = "GNU time %M" if GNU_TIME else "wait4 ru_maxrss (upper bound: includes the harness's RSS)"
    if not GNU_TIME:
        log("note: GNU time not found (apt-get install time); peak memory is an upper bound")
    for it in interps:
        log("%-8s %s: %s" % (it.name, " ".join(it.cmd), it.missing or it.version))
    bdir = ensure_pyperformance() if (not opts.no_bench or opts.calibrate) else None
    if opts.calibrate:
        calibrate(interps[0], entries, bdir, opts.target)
        return 0
    baseline = "cpython" if any(it.name == "cpython" for it in interps) else interps[0].name

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    prefix = opts.output or os.path.join(RESULTS_DIR, stamp)
    os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)
    doc = {
        "timestamp": stamp,
        "command": " ".join([os.path.basename(sys.executable), "bench/run.py"] + (sys.argv[1:] if argv is None else argv)),
        "pyperformance": {"version": PYPERFORMANCE_VERSION, "sha256": PYPERFORMANCE_SHA256},
        "settings": {"runs": opts.runs, "warmups": opts.warmups, "values": opts.values,
                     "scale": opts.scale, "timeout": opts.timeout, "startup_runs": opts.startup_runs,
                     "loops": LOOPS, "default_loops": DEFAULT_LOOPS},
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                    "processor": platform.processor()},
        "interpreters": {it.name: {"command": it.cmd, "version": it.version, "missing": it.missing}
                         for it in interps},
        "baseline": baseline,
        "peak_memory_method": RSS_METHOD,
        "speedup_convention": "speedup = %s time / interpreter time; > 1 means faster than %s"
                              % (baseline, baseline),
    }
    tables = {}
    t_start = time.time()
    rows = []
    gms = {}
    if not opts.no_bench:
        state = run_benchmarks(interps, entries, bdir, opts)
        rows = collect_rows(state, interps, entries)
        add_ratios(rows, interps, baseline)
        gms, everywhere = geomeans(rows, interps)
        doc["benchmarks"] = rows
        doc["geomean"] = {"speedup": gms, "benchmarks": everywhere,
                          "pairwise": pairwise_geomeans(rows, interps)}
        tables["bench"] = bench_table(rows, interps, baseline)
    else:
        doc["benchmarks"] = []
        doc["geomean"] = {"speedup": {}, "benchmarks": [], "pairwise": {}}
        tables["bench"] = render_table(["benchmark"], [["(skipped)"]])
    if not opts.no_startup:
        doc["startup"] = run_startup(interps, opts)
        tables["startup"] = startup_table(doc["startup"], interps)
    if not opts.no_alloc:
        doc["alloc"] = run_alloc(interps, opts)
        tables["alloc"] = alloc_table(doc["alloc"], interps, baseline)
    doc["elapsed_s"] = time.time() - t_start

    print()
    print("pyperformance %s under the pyperf shim: time per call = median of %d process "
          "median(s) ±half-range; speedup = %s time / interpreter time (>1 = faster than %s)"
          % (PYPERFORMANCE_VERSION, opts.runs, baseline, baseline))
    print(tables["bench"])
    if not opts.no_bench:
        print()
        for n, v in gms.items():
            if n != baseline:
                print("geometric mean speedup of %s vs %s over the %d benchmarks that ran everywhere: %s"
                      % (n, baseline, len(doc["geomean"]["benchmarks"]), "%.3fx" % v if v else "n/a"))
        for n, pw in doc["geomean"]["pairwise"].items():
            if n != baseline:
                print("  (%s vs %s over the %d benchmarks that ran on both: %s)"
                      % (n, baseline, pw["count"], "%.3fx" % pw["speedup"] if pw["speedup"] else "n/a"))
    if "startup" in tables:
        print()
        print("start-up (wall time per process, %d runs):" % opts.startup_runs)
        print(tables["startup"])
    if "alloc" in tables:
        print()
        print("allocation throughput (millions of objects built and dropped per second):")
        print(tables["alloc"])

    doc["tables"] = tables
    with open(prefix + ".json", "w") as f:
        json.dump(doc, f, indent=1)
    write_html(prefix + ".html", doc, interps, rows, baseline, gms, tables)
    if opts.output is None:
        shutil.copyfile(prefix + ".html", os.path.join(RESULTS_DIR, "latest.html"))
        shutil.copyfile(prefix + ".json", os.path.join(RESULTS_DIR, "latest.json"))
    print()
    print("results: %s.json, %s.html%s" % (prefix, prefix,
          " (and bench/results/latest.html)" if opts.output is None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
