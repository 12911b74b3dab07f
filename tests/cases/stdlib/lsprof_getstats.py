# _lsprof.Profiler with a deterministic timer: per-function call counts, recursive
# calls, total/inline times, per-caller subentries, builtins' labels.
import _lsprof

ticks = [0]


def timer():
    ticks[0] += 1
    return ticks[0]


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def work():
    lst = []
    lst.append(fact(4))
    len(lst)
    return sorted(lst)


def label(code):
    return code if isinstance(code, str) else code.co_name


def show(p):
    for e in sorted(p.getstats(), key=lambda e: label(e.code)):
        print(label(e.code), e.callcount, e.reccallcount, e.totaltime, e.inlinetime)
        for s in sorted(e.calls or [], key=lambda s: label(s.code)):
            print("   ", label(s.code), s.callcount, s.reccallcount, s.totaltime, s.inlinetime)


p = _lsprof.Profiler(timer, 0.5)
p.enable()
work()
p.disable()
show(p)
e = p.getstats()[0]
print(type(e).__name__, type(e).__module__, len(e), e.n_fields if hasattr(e, "n_fields") else None)
print(type(p).__name__, type(p).__module__, _lsprof.profiler_entry.n_sequence_fields, _lsprof.profiler_subentry.n_sequence_fields)

print("-- subcalls=False, builtins=False")
p = _lsprof.Profiler(timer, 1.0, subcalls=False, builtins=False)
p.enable()
work()
p.disable()
show(p)

print("-- enable(builtins=False) then clear()")
p = _lsprof.Profiler(timer, 1.0)
p.enable(builtins=False)
work()
p.disable()
print(len(p.getstats()))
p.clear()
print(p.getstats())
