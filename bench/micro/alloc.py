"""Allocation microbenchmark: build and drop many small objects.

Pure Python using only sys and time, so that it runs on an early Ferropy.

    INTERPRETER alloc.py [--scale F] [--warmups W] [--values V]

Each kind builds 8 small objects per loop iteration and stores them into an
8-slot list, dropping the objects built in the previous iteration (so they
really are allocated and freed, and a JIT cannot remove the allocations as
dead).  The rate is objects per second, loop overhead included; the same
fixed iteration count is used on every interpreter.  The last line of output
is "@@FERROBENCH@@ {json}" for bench/run.py.
"""

import sys
import time

clock = time.perf_counter
ITERATIONS = 250000
PER_ITER = 8


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def bench_tuple(n):
    r = [None] * 8
    a = 7
    t0 = clock()
    for i in range(n):
        r[0] = (i, a)
        r[1] = (a, i)
        r[2] = (i, a, i)
        r[3] = (a, a)
        r[4] = (i, i)
        r[5] = (a, i, a)
        r[6] = (i,)
        r[7] = (a, i, i, a)
    dt = clock() - t0
    if r[6][0] != n - 1:
        raise AssertionError("bad tuple result")
    return dt


def bench_list(n):
    r = [None] * 8
    a = 7
    t0 = clock()
    for i in range(n):
        r[0] = [i, a]
        r[1] = [a, i]
        r[2] = [i, a, i]
        r[3] = [a, a]
        r[4] = [i, i]
        r[5] = [a, i, a]
        r[6] = [i]
        r[7] = [a, i, i, a]
    dt = clock() - t0
    if r[6][0] != n - 1:
        raise AssertionError("bad list result")
    return dt


def bench_dict(n):
    r = [None] * 8
    a = 7
    t0 = clock()
    for i in range(n):
        r[0] = {"x": i}
        r[1] = {"x": a, "y": i}
        r[2] = {"y": i}
        r[3] = {"x": a}
        r[4] = {"x": i, "y": a}
        r[5] = {"z": i}
        r[6] = {"x": i}
        r[7] = {"y": a, "z": i}
    dt = clock() - t0
    if r[6]["x"] != n - 1:
        raise AssertionError("bad dict result")
    return dt


def bench_instance(n):
    r = [None] * 8
    a = 7
    P = Point
    t0 = clock()
    for i in range(n):
        r[0] = P(i, a)
        r[1] = P(a, i)
        r[2] = P(i, i)
        r[3] = P(a, a)
        r[4] = P(i, a)
        r[5] = P(a, i)
        r[6] = P(i, i)
        r[7] = P(a, a)
    dt = clock() - t0
    if r[6].x != n - 1:
        raise AssertionError("bad instance result")
    return dt


KINDS = [("tuple", bench_tuple), ("list", bench_list),
         ("dict", bench_dict), ("instance", bench_instance)]


def median(xs):
    xs = sorted(xs)
    m = len(xs) // 2
    if len(xs) % 2:
        return xs[m]
    return (xs[m - 1] + xs[m]) / 2.0


def main():
    argv = sys.argv[1:]
    scale, warmups, values = 1.0, 1, 5
    while argv:
        opt = argv.pop(0)
        val = argv.pop(0)
        if opt == "--scale":
            scale = float(val)
        elif opt == "--warmups":
            warmups = int(val)
        elif opt == "--values":
            values = int(val)
        else:
            raise SystemExit("alloc.py: unknown option " + opt)
    n = max(1, int(ITERATIONS * scale))
    parts = []
    for kind, func in KINDS:
        for _ in range(warmups):
            func(n)
        times = [func(n) for _ in range(values)]
        t = median(times)
        rate = n * PER_ITER / t
        sys.stdout.write("%-9s %8.2f M objects/s (median of %d x %d objects)\n"
                         % (kind, rate / 1e6, values, n * PER_ITER))
        parts.append('{"kind": "%s", "objects": %d, "seconds": %r, "times": [%s], "rate": %r}'
                     % (kind, n * PER_ITER, t, ", ".join(repr(x) for x in times), rate))
    sys.stdout.write('@@FERROBENCH@@ {"kinds": [%s], "error": null}\n' % ", ".join(parts))


main()
