def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
# __instancecheck__ / __subclasscheck__
class MI(type):
    def __instancecheck__(cls, inst): print("instcheck"); return inst == 42
    def __subclasscheck__(cls, sub): print("subcheck"); return sub is str
class Any(metaclass=MI): pass
print(isinstance(42, Any), isinstance(41, Any), issubclass(str, Any), issubclass(int, Any))
print(isinstance(Any(), Any))
print(isinstance(1, (str, Any)), issubclass(str, (int, Any)))
attempt(lambda: isinstance(1, 5))
attempt(lambda: issubclass(1, int))
attempt(lambda: issubclass(int, 5))
attempt(lambda: isinstance(1, (int, (str, 5))))
attempt(lambda: issubclass(int, (5,)))
attempt(lambda: isinstance(1, int | str))
attempt(lambda: issubclass(bool, int | None))
attempt(lambda: isinstance(1, list[int]))
class NotCls:
    __bases__ = ()
    def __instancecheck__(self, x): return True
print(isinstance(1, NotCls()))
attempt(lambda: issubclass(NotCls(), int))
class WithBases:
    __bases__ = (int,)
attempt(lambda: issubclass(WithBases(), int))
