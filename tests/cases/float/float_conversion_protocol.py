# float(x): exact str, __float__ (also on str and float subclasses), __index__,
# then bytes-like text; keywords only for subclasses with their own __init__.
import warnings, array
warnings.simplefilter("always")

class F2(float):
    def __float__(self): return 42.
print(float(F2()))

class F3(float):
    def __float__(self): return self
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(float(F3(2.5)), [str(x.message)[:60] for x in w])

class F4(float):
    def __float__(self): return 42
try: float(F4(1.0))
except TypeError as e: print(e)

class S2(str):
    def __float__(self): return 1.5
print(float(S2('5')))

class Idx:
    def __index__(self): return 7
print(float(Idx()))

print(float(array.array('b', b'12')), float(memoryview(b'12.3')[1:4]), float(bytearray(b' 4 ')))
for bad in (b'x1', bytearray(b'x2'), '1\ud800', object()):
    try: float(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
m = memoryview(b'1x')
try: float(m)
except ValueError as e: print(str(e) == 'could not convert string to float: ' + repr(m))

class sub(float):
    def __init__(self, a, new=None): self.new = new
s = sub(2.5, new=3)
print(type(s).__name__, float(s), s.new)
class sub2(float): pass
for call in (lambda: float(x=1), lambda: sub2(x=1), lambda: float(1, 2)):
    try: call()
    except TypeError as e: print(e)
