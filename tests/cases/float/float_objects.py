# Floats as objects, whatever their representation: as dict keys and set members,
# in lists and tuples, in instance attributes and slots, float subclasses (always
# real objects), and the object protocol on floats (attributes, __class__,
# weak references, gc, sizes). Identity is only compared for one object.
import gc
import sys
import weakref

vals = [0.0, -0.0, 1.5, -2.25, 1e-300, 5e-324, 1e300, 2.0 ** -255, 2.0 ** 257, float("inf"), 0.1 + 0.2]

d = {}
for i, v in enumerate(vals):
    d[v] = i
print(len(d), sorted(d.values()))          # 0.0 and -0.0 are one key
print(d[0.0], d[-0.0], d[1.5], d[3 / 2], d[1e300], d[2.0 ** 257], d[float("inf")])
print({1: "int", 1.0: "float"}, {2.0: "a"}[2], {True: 1, 1.0: 2})
print(sorted(set(vals)), len({1.5, 1.5, 3.0, 3, 6 / 2}), 1.5 in set(vals), 2 ** -255 in set(vals))
print(frozenset([0.5, 0.25]) == frozenset([0.25, 0.5]), hash(frozenset([0.5])) == hash(frozenset([1 / 2])))
nan = float("nan")
print({nan: 1}.get(nan), {nan: 1}.get(float("nan")), len({nan, nan}), len({float("nan"), float("nan")}))

l = [x * 2 for x in vals]
print(l)
print(l.index(3.0), l.count(0.0), 3.0 in l, sorted(l[:4]), tuple(l[2:4]), l[2:4] == [3.0, -4.5])
l.sort()
print(l[0], l[-1], list(reversed(l))[:2])

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

class Slotted:
    __slots__ = ("a", "b")

ps = [Point(i * 0.5, -i * 0.25) for i in range(5)]
for _ in range(3):
    for p in ps:
        p.x, p.y = p.y + 1e-78, p.x * 3.0
print([(p.x, p.y) for p in ps], sum(p.norm2() for p in ps))
s = Slotted()
s.a, s.b = 1e-80, 1e80
s.a *= 1e40
s.b /= 1e40
print(s.a, s.b, vars(ps[0]))

class F(float):
    pass

class G(float):
    def __repr__(self):
        return "G(" + float.__repr__(self) + ")"

f = F(1.5)
f.tag = "x"
print(type(f).__name__, f, f + 1, type(f + 1).__name__, f.tag, vars(f), isinstance(f, float), type(f) is float)
print(G(2.5), G(-0.0), G(1e300), float(G(3.5)), type(float(G(3.5))).__name__, type(float.__new__(F, 0.5)).__name__)
print(float.__new__(F, "2.5"), F(), F(-0.0), F(float("inf")), hash(F(1.5)) == hash(1.5), {F(1.5): 1}[1.5])
w = weakref.ref(f)
print(w() is f, w() == 1.5)

x = 1.25
print(type(x) is float, x.__class__ is float, type(x).__name__, isinstance(x, (int, float)), issubclass(type(x), float))
print(x is x, id(x) == id(x), [x][0] is x, {"k": x}["k"] is x, gc.is_tracked(x), gc.is_tracked([x]))
print(sys.getsizeof(x), sys.getsizeof(1e300), sys.getsizeof(0.0), x.__sizeof__(), (2.0 ** 300).__sizeof__())
for target in (1.25, 1e300, 0.0, -0.0):
    try:
        weakref.ref(target)
    except TypeError as e:
        print("TypeError", e)
    try:
        target.attr = 1
    except AttributeError as e:
        print("AttributeError", e)
    try:
        target.real = 1
    except AttributeError as e:
        print("AttributeError", e)
    try:
        del target.imag
    except AttributeError as e:
        print("AttributeError", e)
    try:
        target.__class__ = F
    except TypeError as e:
        print("TypeError", e)
    try:
        target.__dict__
    except AttributeError as e:
        print("AttributeError", e)
    try:
        getattr(target, "nope")
    except AttributeError as e:
        print("AttributeError", e)
    print(getattr(target, "real"), target.imag, target.conjugate(), hasattr(target, "__dict__"), object.__hash__(target) == object.__hash__(target))
print(sorted(dir(1.5)) == sorted(dir(1e300)), (1.5).__reduce_ex__(2)[1], (1.5).__getnewargs__())
print(float.__repr__(0.5), float.__add__(0.5, 0.25), (0.5).__eq__(0.5), (0.5).__lt__(1), (0.5).__eq__("x"))
print(str(1.5), format(1.5), f"{1.5:>8}", repr([1.5, -0.0, float("nan")]), ascii(2.5))
print(int.__new__(int, 2.0 ** 60) if False else int(2.0 ** 60), 7 // 2.0, 7 % 2.5, divmod(-7, 2.0), pow(2.0, -2), 2 ** -1)
print(max([1, 2.5, 2]), min(3, 0.5), abs(-0.0), -(-0.0), round(-0.4), round(0.5), round(1.5))
it = iter([1.0, 2.0])
print(next(it), list(map(float, ["1", "-0", "1e-300", "inf"])), list(zip([0.5], [1e-90])))
