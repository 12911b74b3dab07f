# list(), tuple(), set() and list.extend() consuming generators: what the generator
# sees of the consumer, and errors from either side, as CPython has them.
import sys, traceback

print(list(x * x for x in range(5)), tuple(x for x in "abc"), sorted(set(x % 3 for x in range(10))))

# The generator sees the list grow as it produces.
acc = []
acc.extend(len(acc) for _ in range(4))
print(acc)

def frames_seen():
    for i in range(3):
        yield sys._getframe(1).f_code.co_name
print(list(frames_seen()))

# Keys whose hashing or comparison runs Python code, mixed with plain ones.
class Loud:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        print("hash", self.v, "running:", g.gi_running)
        return hash(self.v)
    def __eq__(self, other):
        print("eq", self.v, "running:", g.gi_running)
        return isinstance(other, Loud) and other.v == self.v
    def __repr__(self):
        return f"Loud({self.v})"

def mixed():
    yield 1
    yield Loud(1)
    yield 1
    yield Loud(1)
    yield (2, "a")

g = mixed()
s = set(g)
print(sorted(map(repr, s)))

def tuples():
    yield (1, 2)
    yield (1, (2, [3]))

try:
    set(tuples())
except TypeError as e:
    print("TypeError:", e)
    print([fr.name for fr in traceback.extract_tb(e.__traceback__)])

def unhashable():
    yield 1
    yield []
    print("not reached")

g2 = unhashable()
try:
    set(g2)
except TypeError as e:
    print("TypeError:", e, "| suspended:", g2.gi_suspended, g2.gi_running)
print(next(g2, "end"))

def fails(n):
    for i in range(n):
        yield i
    raise ValueError("gen failed")

for consumer in (list, tuple, set):
    try:
        consumer(fails(3))
    except ValueError as e:
        print(consumer.__name__, e, [fr.name for fr in traceback.extract_tb(e.__traceback__)])

def stops():
    yield 1
    raise StopIteration

try:
    list(stops())
except RuntimeError as e:
    print("RuntimeError:", e)

# Sending into a generator consumed by list: the value of each yield is None.
def echo():
    got = []
    for i in range(3):
        got.append((yield i))
    print("echo saw", got)
print(list(echo()))

# A generator exhausted part-way by next() and then consumed.
g3 = (i for i in range(5))
next(g3)
print(list(g3), list(g3))

# Reentrant use: the consumer's target read inside the generator.
out = set()
def reader():
    for i in range(3):
        yield len(out)
out.update(reader())
print(sorted(out))
