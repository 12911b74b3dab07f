# sys.set_asyncgen_hooks / get_asyncgen_hooks: argument checks, firstiter called on
# the first __anext__/asend/athrow/aclose, finalizer kept from that moment.
import sys

h = sys.get_asyncgen_hooks()
print(h, type(h).__name__, type(h).__module__, len(h), h.firstiter, h.finalizer)
print(type(h).n_sequence_fields, tuple(h))

for args, kw in [((1, 2), {"finalizer": None}), ((), {"firstiter": None, "finalizer": None, "x": 1}),
                 ((1,), {}), ((None, 1), {}), ((), {"x": 1}), ((1, 2, 3), {}),
                 ((), {"finalizer": 1}), ((), {"firstiter": "s"})]:
    try:
        sys.set_asyncgen_hooks(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.get_asyncgen_hooks(1)
except TypeError as e:
    print("TypeError:", e)

# The finalizer is set before firstiter is checked.
try:
    sys.set_asyncgen_hooks(finalizer=len, firstiter=3)
except TypeError as e:
    print("TypeError:", e)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

seen = []
def firstiter(g):
    seen.append(("first", g.__name__))
def finalizer(g):
    seen.append(("final", g.__name__))

sys.set_asyncgen_hooks(firstiter, finalizer)
print(sys.get_asyncgen_hooks().firstiter is firstiter)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().finalizer is finalizer, sys.get_asyncgen_hooks().firstiter)
sys.set_asyncgen_hooks(firstiter=firstiter)


async def ag():
    yield 1
    yield 2


def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "stop"


g = ag()
print(seen)
print(drive(g.__anext__()), seen)
print(drive(g.__anext__()), seen)
print(drive(g.asend(None)), seen)

keep = [g]  # unfinished generators stay alive: no finalizer call here
for op in ["asend", "athrow", "aclose"]:
    seen.clear()
    g = ag()
    keep.append(g)
    if op == "asend":
        aw = g.asend(None)
    elif op == "athrow":
        aw = g.athrow(ValueError)
    else:
        aw = g.aclose()
    print(op, seen)
    aw.close()


def bad_firstiter(g):
    raise RuntimeError("firstiter failed")

sys.set_asyncgen_hooks(firstiter=bad_firstiter)
g = ag()
try:
    g.__anext__()
except RuntimeError as e:
    print("RuntimeError:", e)
# Hooks run only once per generator.
print(drive(g.__anext__()))
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
