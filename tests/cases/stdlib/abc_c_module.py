# abc runs on the _abc module: its helpers, caches and error paths.
import abc, _abc
def attempt(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(n for n in dir(_abc) if not n.startswith("__")))
print(abc.ABCMeta.__module__, abc.ABCMeta.__instancecheck__.__module__, abc.get_cache_token is _abc.get_cache_token)
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
data = Base._abc_impl
print(type(data).__name__, type(data).__module__, type(data)().__class__.__name__)
def dump(cls):
    reg, cache, neg, version = _abc._get_dump(cls)
    return (sorted(r().__name__ for r in reg), sorted(r().__name__ for r in cache),
            sorted(r().__name__ for r in neg), version == _abc.get_cache_token())
print(dump(Base))
class Impl(Base):
    def f(self): return 1
class Other: pass
print(issubclass(Impl, Base), isinstance(Other(), Base), dump(Base))
token = abc.get_cache_token()
class Reg: pass
print(Base.register(Reg) is Reg, abc.get_cache_token() == token + 1, dump(Base))
print(issubclass(Reg, Base), isinstance(Reg(), Base), dump(Base))
class SubReg(Reg): pass
print(issubclass(SubReg, Base), dump(Base))
_abc._reset_caches(Base)
print(dump(Base))
_abc._reset_registry(Base)
print(issubclass(Reg, Base), dump(Base))
# register: already a subclass, cycles, non-classes
print(Base.register(Impl) is Impl, Base.register(Base) is Base)
attempt(lambda: Impl.register(Base))
attempt(lambda: Base.register(1))
attempt(lambda: issubclass(1, Base))
attempt(lambda: isinstance(1, Base))
# _abc_impl of the wrong type, or missing
class Plain: pass
attempt(lambda: _abc._get_dump(Plain))
Plain._abc_impl = 1
attempt(lambda: _abc._get_dump(Plain))
attempt(lambda: _abc._abc_instancecheck(Plain, 1))
attempt(lambda: _abc._abc_register(Plain, int))
# __subclasshook__ results
class Hooked(abc.ABC):
    answer = NotImplemented
    @classmethod
    def __subclasshook__(cls, C):
        return cls.answer
Hooked.answer = True
print(issubclass(int, Hooked), isinstance("", Hooked))
Hooked.answer = 0
attempt(lambda: issubclass(float, Hooked))
Hooked.answer = False
print(issubclass(bytes, Hooked), dump(Hooked))
# __subclasses__ must return a list
class Meta(abc.ABCMeta):
    def __subclasses__(cls): return ()
class Odd(metaclass=Meta): pass
attempt(lambda: issubclass(int, Odd))
# __class__ differing from the type
class Fake:
    @property
    def __class__(self): return Impl
print(isinstance(Fake(), Base), isinstance(Fake(), Impl))
# abstract methods: inherited, overridden, not abstract anymore
class A2(abc.ABC):
    @abc.abstractmethod
    def g(self): ...
    @abc.abstractmethod
    def h(self): ...
class B2(A2):
    def g(self): ...
print(sorted(A2.__abstractmethods__), sorted(B2.__abstractmethods__))
attempt(lambda: B2())
# __abc_tpflags__ is consumed; both flags at once are refused
import collections.abc
print("__abc_tpflags__" in collections.abc.Sequence.__dict__, "__abc_tpflags__" in collections.abc.Mapping.__dict__)
attempt(lambda: abc.ABCMeta("Both", (), {"__abc_tpflags__": (1 << 5) | (1 << 6)}))
class Kept(abc.ABC):
    __abc_tpflags__ = "text"
print("__abc_tpflags__" in Kept.__dict__)
