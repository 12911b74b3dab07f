# int(x): __int__ (also on int/float/str subclasses), __index__, the deprecated
# __trunc__, then str and bytes-like text; int(x, base) of str/bytes only.
import warnings

class I(int):
    def __int__(self): return 42
class F(float):
    def __int__(self): return 7
class S(str):
    def __int__(self): return 9
print(int(I(5)), int(F(5.5)), int(S('5')))
print(int(memoryview(b'12')), int(bytearray(b' 7 ')))

class T:
    def __trunc__(self): return 3
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(int(T()), [str(x.message) for x in w])
class T2:
    def __trunc__(self): return 'x'
try: int(T2())
except TypeError as e: print(e)

for args in [(memoryview(b'1x'),), (b'123\x00', 10), (b'z', 16), (bytearray(b' 12 '), 0),
             (b'0x1f', 0), ('1\ud800',), ('x\udfff', 16), ('42', 2**63), ('42', -2**100),
             ('42', 37), ('42', 1), (memoryview(b'1'), 10), (object(),)]:
    try: print(int(*args))
    except (ValueError, TypeError) as e: print(type(e).__name__, e)

class VB:
    def __bytes__(self): return b'\x01'
class IB:
    def __bytes__(self): return 'abc'
print(int.from_bytes(VB()), int.from_bytes([1, 0], 'big'))
for bad in (IB(), object()):
    try: int.from_bytes(bad)
    except TypeError as e: print(e)
