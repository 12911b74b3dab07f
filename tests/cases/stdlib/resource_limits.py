# resource: getrlimit/setrlimit/prlimit, getrusage's struct sequence,
# getpagesize, the constants, and the errors.
import os
import resource


def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(n for n in dir(resource) if not n.startswith("__")))
print([(n, getattr(resource, n)) for n in sorted(dir(resource)) if n.isupper()])
print(resource.error is OSError)
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
t(resource.setrlimit, resource.RLIMIT_CORE, (0, hard))
t(resource.getrlimit, resource.RLIMIT_CORE)
t(resource.setrlimit, resource.RLIMIT_CORE, [0, hard])
t(resource.prlimit, 0, resource.RLIMIT_CORE)
t(resource.prlimit, 0, resource.RLIMIT_CORE, (0, hard))
t(resource.prlimit, os.getpid(), resource.RLIMIT_CORE, None)
for a in [-1, 16, 100, "x", 2**40]:
    t(resource.getrlimit, a)
for lim in [(1,), 5, ("a", 1), [10, 5], (2**70, 1), iter([0, hard])]:
    t(resource.setrlimit, resource.RLIMIT_CORE, lim)
t(resource.setrlimit, -1, (1, 1))
t(resource.prlimit, 0, -1)
t(resource.prlimit, 999999, resource.RLIMIT_CORE)
t(resource.prlimit, 0)
t(resource.getrlimit)
t(resource.setrlimit, 1)
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, r.n_fields, r.n_sequence_fields, type(r.ru_utime).__name__, type(r[2]).__name__,
      r.ru_maxrss > 0, r[0] == r.ru_utime, len(r))
print(type(resource.getrusage(resource.RUSAGE_CHILDREN)).__name__, len(resource.getrusage(resource.RUSAGE_THREAD)))
t(resource.getrusage, 5)
t(resource.getrusage, "x")
print(resource.getpagesize())
t(resource.getpagesize, 1)
