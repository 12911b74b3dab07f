# The line each live frame is at, as seen from Python code run by an instruction of
# it: dunder methods, properties, key functions, nested calls, generators, warnings,
# re-raises.
import sys, traceback, warnings

def caller_line(depth=2):
    return sys._getframe(depth).f_lineno

class Num:
    def __add__(self, other):
        return ("add", caller_line())
    def __radd__(self, other):
        return ("radd", caller_line())
    def __lt__(self, other):
        return caller_line() > 0
    @property
    def prop(self):
        return ("prop", caller_line())
    def __getitem__(self, k):
        return ("item", caller_line())

n = Num()
print(n +
      1)
print(1 + n)
print(n.prop)
print(n[
    3])
print(sorted([3, 1], key=lambda x: (caller_line(2), x)))

class NoAdd:
    def __add__(self, other):
        return NotImplemented
class R:
    def __radd__(self, other):
        return ("radd after NotImplemented", caller_line())
print(NoAdd() + R())

def outer():
    x = inner()
    return x

def inner():
    return [f.lineno for f in traceback.extract_stack()[-3:]]
print(outer())

def gen():
    yield 1
    yield caller_line()
    yield 3

g = gen()
print(next(g), g.gi_frame.f_lineno)
print(next(g), g.gi_frame.f_lineno)
for v in gen():
    print("for", v)
print(list(gen()))

def warn_here():
    warnings.warn("careful", UserWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warn_here()
    x = [warn_here() for _ in range(1)]
print([(r.lineno, str(r.message)) for r in w])

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        raise

try:
    reraiser()
except ZeroDivisionError as e:
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])

def nested_reraise():
    try:
        try:
            {}["k"]
        finally:
            print("finally")
    except KeyError as e:
        try:
            raise ValueError("v") from e
        except ValueError:
            raise
try:
    nested_reraise()
except ValueError as e:
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__cause__.__traceback__)])

class Meta(type):
    def __call__(cls, *a):
        return caller_line()
class M(metaclass=Meta):
    pass
print(M(
    1))
print(list(map(lambda v: caller_line(2), [1, 2])))
