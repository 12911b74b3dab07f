import gc
class Node:
    def __init__(self, name): self.name = name
a = Node("a")
b = Node("b")
holder = [a, 1, "s"]
d = {"key": b}
print(a in gc.get_referents(holder), 1 in gc.get_referents(holder), len(gc.get_referents(holder)))
print(gc.get_referents(1, "s", 2.0), gc.get_referents())
refs = gc.get_referrers(a)
print(any(r is holder for r in refs), any(r is d for r in refs))
print(any(r is d for r in gc.get_referrers(b)))
print(Node in gc.get_referents(a), a.__dict__ in gc.get_referents(a))
objs = gc.get_objects()
big = 12345
print(any(o is holder for o in objs), any(o is a for o in objs), any(o is big for o in objs))
print(all(gc.is_tracked(o) for o in objs[:200]))
for g in (-2, 3):
    try:
        gc.get_objects(g)
    except ValueError as e:
        print(type(e).__name__, e)
print(isinstance(gc.get_objects(generation=0), list), isinstance(gc.get_objects(None), list))
print([gc.is_tracked(x) for x in (1, 2**80, 1.5, 1j, "s", b"b", bytearray(), None, True, ..., range(2), (), (1, 2), ([],), {}, {1: 2}, {1: []}, {(): 1}, [], set(), frozenset(), Node, a, len, gc, object(), lambda: 0)])
events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print(events)
class Bad:
    def __call__(self, phase, info):
        raise KeyError(phase)
    def __repr__(self):
        return "<Bad callback>"
gc.callbacks.append(Bad())
gc.collect()
gc.callbacks.clear()
print("after bad callbacks")
gc.set_debug(0)
print(gc.get_debug(), gc.get_freeze_count() >= 0)
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(600, 5, 6)
print(gc.get_threshold())
for bad_args in ((), (1, 2, 3, 4)):
    try:
        gc.set_threshold(*bad_args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
