# type.__basicsize__ / __itemsize__: CPython's instance layout sizes (64-bit).
for t in (object, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict,
          set, frozenset, type, range, slice, property, BaseException, Exception,
          ValueError, OSError, FileNotFoundError, SyntaxError, StopIteration):
    print(t.__name__, t.__basicsize__, t.__itemsize__)

class Plain: pass
class IntSub(int): pass
class TupleSub(tuple): pass
class Slots: __slots__ = ('a', 'b')
class ExcSub(Exception): pass
class Meta(type): pass
class WeakSlots(Slots): __slots__ = ('__weakref__',)
class DictSlots(Slots): __slots__ = ('__dict__',)
class MoreSlots(Slots): __slots__ = ('c',)
class ListSub(list): pass
class SetSub(set): pass
class Empty: __slots__ = ()
class Mixed(Empty, Plain): __slots__ = ()
class Mixed2(Plain, Slots): pass
for c in (Plain, IntSub, TupleSub, Slots, ExcSub, Meta, WeakSlots, DictSlots, MoreSlots,
          ListSub, SetSub, Empty, Mixed, Mixed2):
    print(c.__name__, c.__basicsize__, c.__itemsize__)
print(Mixed.__basicsize__ == Plain.__basicsize__)
print(2 ** (tuple.__itemsize__ * 8) - 1)

try:
    Plain().__basicsize__
except AttributeError as e:
    print(type(e).__name__, e)
print(type.__dict__['__basicsize__'].__get__(list), '__itemsize__' in type.__dict__)
try:
    type.__dict__['__itemsize__'].__get__(3)
except TypeError as e:
    print(type(e).__name__, e)
print(Plain.__itemsize__ + undefined_size)
