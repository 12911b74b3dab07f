"""Run one pyperformance benchmark script under the pyperf shim.

Usage (the harness bench/run.py builds this command line):

    INTERPRETER ferrobench_boot.py [--loops N] [--loops-map a=1,b=2]
        [--warmups W] [--values V] -- /abs/path/run_benchmark.py [args...]

Uses only sys, time and builtins: it puts this directory (which holds the
``pyperf`` stand-in) and the benchmark's directory first on sys.path, runs
the script as ``__main__`` and prints the results as one JSON line.
"""

import sys


def _dirname(path):
    i = max(path.rfind("/"), path.rfind("\\"))
    if i < 0:
        return "."
    if i == 0:
        return path[:1]
    return path[:i]


def main():
    argv = sys.argv[1:]
    conf = {"loops": 1, "loops_map": {}, "warmups": 1, "values": 3}
    while argv and argv[0] != "--":
        opt = argv.pop(0)
        if not argv:
            raise SystemExit("ferrobench_boot: option %s needs a value" % opt)
        val = argv.pop(0)
        if opt == "--loops":
            conf["loops"] = int(val)
        elif opt == "--warmups":
            conf["warmups"] = int(val)
        elif opt == "--values":
            conf["values"] = int(val)
        elif opt == "--loops-map":
            for item in val.split(","):
                if item:
                    k, v = item.split("=")
                    conf["loops_map"][k] = int(v)
        else:
            raise SystemExit("ferrobench_boot: unknown option %s" % opt)
    if not argv:
        raise SystemExit("ferrobench_boot: missing '-- script.py'")
    argv.pop(0)
    script = argv[0]

    here = _dirname(__file__ if "__file__" in globals() else sys.argv[0])
    bench_dir = _dirname(script)
    sys.path.insert(0, bench_dir)
    sys.path.insert(0, here)
    sys.argv = list(argv)

    import pyperf
    pyperf.CONFIG.update(conf)

    f = open(script)
    try:
        source = f.read()
    finally:
        f.close()
    code = compile(source, script, "exec")
    # Run the script in a fresh module registered as __main__, so that code
    # looking objects up in __main__ (pickle, multiprocessing) finds them.
    try:
        module = type(sys)("__main__")
        glob = module.__dict__
        sys.modules["__main__"] = module
    except Exception:          # an interpreter without module objects yet
        glob = {"__name__": "__main__"}
    glob["__file__"] = script
    glob["__builtins__"] = __builtins__
    try:
        exec(code, glob)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            pyperf.report("SystemExit: %s" % (exc.code,))
            raise
    except BaseException as exc:
        msg = str(exc).strip().split("\n")[0]
        pyperf.report("%s: %s" % (type(exc).__name__, msg) if msg else type(exc).__name__)
        raise
    pyperf.report(None)


main()
