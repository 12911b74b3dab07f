# cProfile.Profile (a subclass of _lsprof.Profiler) with a deterministic timer,
# read back through pstats: counts, times, callers and callees.
import cProfile
import io
import pstats
import sys

ticks = [0]


def timer():
    ticks[0] += 10
    return ticks[0]


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def main():
    out = [Box(fib(i)).get() for i in range(5)]
    out.sort()
    return sum(out)


prof = cProfile.Profile(timer, 0.001)
with prof as p:
    print(p is prof, sys.getprofile() is prof)
    main()
print(sys.getprofile())
for method in ("print_stats", "print_callers", "print_callees"):
    s = io.StringIO()
    st = pstats.Stats(prof, stream=s).strip_dirs().sort_stats("stdname")
    getattr(st, method)()
    for line in s.getvalue().splitlines():
        if "cprofile_pstats" in line or line.startswith(" " * 20):
            print(line.rstrip())
print(prof.runcall(fib, 6))
