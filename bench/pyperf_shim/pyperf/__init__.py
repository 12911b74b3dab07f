"""Ferropy's stand-in for ``pyperf``, used to run pyperformance benchmarks.

It implements the part of pyperf's API that pyperformance's pure-Python
benchmarks touch, with *fixed* loop counts so that every interpreter does
exactly the same work (pyperf calibrates loop counts per interpreter, which
makes the work differ between a slow and a fast interpreter).

Only ``sys``, ``time`` and builtins are imported at module level, because
Ferropy's standard library is still minimal; ``asyncio`` is imported only by
``bench_async_func`` (the benchmarks that use it import asyncio anyway).

Configuration comes from ``bench/pyperf_shim/ferrobench_boot.py`` which sets
``CONFIG`` before the benchmark script runs:

    loops      -- default loop count per timed value
    loops_map  -- {benchmark name: loop count} overrides
    warmups    -- number of untimed (discarded) values per benchmark
    values     -- number of timed values per benchmark

Every timed value is stored as *seconds per call* (elapsed time divided by
loops * inner_loops), the unit pyperf and pyperformance report.
"""

import sys
import time

__version__ = "2.6.0+ferrobench-shim"
VERSION = (2, 6, 0)

perf_counter = time.perf_counter

CONFIG = {"loops": 1, "loops_map": {}, "warmups": 1, "values": 3}

# name -> {"loops", "inner_loops", "warmups": [...], "values": [...]}
RESULTS = []
RESULT_MARKER = "@@FERROBENCH@@"


def python_implementation():
    impl = getattr(sys, "implementation", None)
    name = getattr(impl, "name", None)
    if name:
        return name.lower()
    return "unknown"


def python_has_jit():
    return python_implementation() == "pypy"


class _Namespace(object):
    def __init__(self, **kw):
        for k in kw:
            setattr(self, k, kw[k])

    def get(self, name, default=None):
        return getattr(self, name, default)

    def __contains__(self, name):
        return hasattr(self, name)

    def __repr__(self):
        return "Namespace(%r)" % (self.__dict__,)


class _ArgumentError(Exception):
    pass


class _Argument(object):
    def __init__(self, names, kw):
        self.names = names
        self.positional = not names[0].startswith("-")
        if "dest" in kw:
            self.dest = kw["dest"]
        elif self.positional:
            self.dest = names[0]
        else:
            longs = [n for n in names if n.startswith("--")]
            self.dest = (longs[0] if longs else names[0]).lstrip("-").replace("-", "_")
        self.action = kw.get("action", "store")
        self.type = kw.get("type")
        self.nargs = kw.get("nargs")
        self.choices = kw.get("choices")
        self.required = kw.get("required", False)
        if "default" in kw:
            self.default = kw["default"]
        elif self.action == "store_true":
            self.default = False
        elif self.action == "store_false":
            self.default = True
        else:
            self.default = None

    def convert(self, text):
        value = self.type(text) if self.type is not None else text
        if self.choices is not None and value not in self.choices:
            raise _ArgumentError("argument %s: invalid choice: %r" % (self.names[0], value))
        return value


class MiniArgumentParser(object):
    """A tiny subset of argparse.ArgumentParser: enough for the benchmarks.

    Supports positional arguments (nargs None, '?', '*', '+'), ``--opt VALUE``,
    ``--opt=VALUE``, short aliases, ``type``, ``choices``, ``default`` and the
    ``store``/``store_true``/``store_false`` actions.  Unknown options are an
    error, as with argparse.
    """

    def __init__(self, *args, **kw):
        self._args = []

    def add_argument(self, *names, **kw):
        arg = _Argument(names, kw)
        self._args.append(arg)
        return arg

    def add_argument_group(self, *args, **kw):
        return self

    def add_mutually_exclusive_group(self, *args, **kw):
        return self

    def set_defaults(self, **kw):
        for k in kw:
            for a in self._args:
                if a.dest == k:
                    a.default = kw[k]

    def parse_args(self, argv=None):
        if argv is None:
            argv = sys.argv[1:]
        values = {}
        for a in self._args:
            values[a.dest] = a.default
        options = {}
        positionals = []
        for a in self._args:
            if a.positional:
                positionals.append(a)
            else:
                for n in a.names:
                    options[n] = a
        free = []
        i = 0
        while i < len(argv):
            item = argv[i]
            i += 1
            if item.startswith("-") and len(item) > 1 and item != "--":
                text = None
                if "=" in item:
                    item, text = item.split("=", 1)
                if item not in options:
                    raise _ArgumentError("unrecognized argument: %s" % item)
                a = options[item]
                if a.action == "store_true":
                    values[a.dest] = True
                elif a.action == "store_false":
                    values[a.dest] = False
                else:
                    if text is None:
                        if i >= len(argv):
                            raise _ArgumentError("argument %s: expected one argument" % item)
                        text = argv[i]
                        i += 1
                    values[a.dest] = a.convert(text)
            elif item == "--":
                free.extend(argv[i:])
                break
            else:
                free.append(item)
        for a in positionals:
            if a.nargs in ("*", "+"):
                values[a.dest] = [a.convert(x) for x in free]
                if a.nargs == "+" and not free:
                    raise _ArgumentError("argument %s: expected at least one" % a.dest)
                free = []
            elif free:
                values[a.dest] = a.convert(free.pop(0))
            elif a.nargs is None and a.default is None:
                raise _ArgumentError("the following arguments are required: %s" % a.dest)
        if free:
            raise _ArgumentError("unrecognized arguments: %s" % " ".join(free))
        return _Namespace(**values)


class Runner(object):
    def __init__(self, values=None, processes=None, loops=0, min_time=None,
                 metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, warmups=None, **kw):
        self.metadata = dict(metadata) if metadata else {}
        self.argparser = _argparser if _argparser is not None else MiniArgumentParser()
        self.args = None
        self._names = set()

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    # -- helpers -----------------------------------------------------------
    def _loops_for(self, name):
        m = CONFIG.get("loops_map") or {}
        if name in m:
            return int(m[name])
        return int(CONFIG.get("loops") or 1)

    def _run(self, name, inner_loops, measure):
        """measure(loops) -> elapsed seconds for `loops` outer iterations."""
        if name in self._names:
            raise ValueError("duplicated benchmark name: %r" % (name,))
        self._names.add(name)
        if self.args is None:
            self.parse_args()
        loops = self._loops_for(name)
        inner = inner_loops or 1
        entry = {"name": name, "loops": loops, "inner_loops": inner,
                 "warmups": [], "values": []}
        RESULTS.append(entry)
        for _ in range(int(CONFIG.get("warmups", 0))):
            entry["warmups"].append(measure(loops) / (loops * inner))
        for _ in range(int(CONFIG.get("values", 1))):
            entry["values"].append(measure(loops) / (loops * inner))
        return entry

    # -- pyperf API ----------------------------------------------------------
    def bench_time_func(self, name, time_func, *args, **kwargs):
        inner_loops = kwargs.pop("inner_loops", None)
        kwargs.pop("metadata", None)

        def measure(loops):
            dt = time_func(loops, *args)
            return float(dt)
        return self._run(name, inner_loops, measure)

    def bench_func(self, name, func, *args, **kwargs):
        inner_loops = kwargs.pop("inner_loops", None)
        kwargs.pop("metadata", None)
        clock = time.perf_counter

        def measure(loops):
            r = range(loops)
            t0 = clock()
            if args:
                for _ in r:
                    func(*args)
            else:
                for _ in r:
                    func()
            return clock() - t0
        return self._run(name, inner_loops, measure)

    def bench_async_func(self, name, func, *args, **kwargs):
        inner_loops = kwargs.pop("inner_loops", None)
        kwargs.pop("metadata", None)
        import asyncio
        clock = time.perf_counter

        def measure(loops):
            async def main():
                r = range(loops)
                t0 = clock()
                for _ in r:
                    await func(*args)
                return clock() - t0
            loop = asyncio.new_event_loop()
            try:
                return loop.run_until_complete(main())
            finally:
                loop.close()
        return self._run(name, inner_loops, measure)

    def bench_command(self, name, command):
        raise NotImplementedError("pyperf shim: Runner.bench_command is not supported")

    def timeit(self, *args, **kw):
        raise NotImplementedError("pyperf shim: Runner.timeit is not supported")


# --- result serialisation without the json module ---------------------------

def _json(obj):
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        text = repr(obj)
        if text in ("inf", "-inf", "nan"):
            return "null"
        return text
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            o = ord(ch)
            if ch == '"' or ch == "\\":
                out.append("\\" + ch)
            elif o < 0x20 or o > 0x7e:
                h = "0000" + hex(o)[2:]
                if o > 0xffff:
                    out.append("?")
                else:
                    out.append("\\u" + h[-4:])
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(obj, dict):
        return "{" + ", ".join(_json(str(k)) + ": " + _json(obj[k]) for k in obj) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_json(x) for x in obj) + "]"
    return _json(str(obj))


def report(error=None):
    """Print the results as one JSON line (prefixed by RESULT_MARKER)."""
    doc = {"implementation": python_implementation(),
           "results": RESULTS, "error": error}
    sys.stdout.write(RESULT_MARKER + " " + _json(doc) + "\n")
    sys.stdout.flush()
