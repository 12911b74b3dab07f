# typing's runtime-checkable protocols (the checks look at their caller's module).
import typing
@typing.runtime_checkable
class HasX(typing.Protocol):
    x: int
@typing.runtime_checkable
class Closable(typing.Protocol):
    def close(self): ...
class P:
    x = 1
class F:
    def close(self): pass
print(isinstance(P(), HasX), isinstance(F(), HasX), isinstance(F(), Closable), isinstance(1, Closable))
print(issubclass(F, Closable), issubclass(int, Closable))
try:
    issubclass(P, HasX)
except TypeError as e:
    print(type(e).__name__, e)
class NotRuntime(typing.Protocol):
    def close(self): ...
try:
    isinstance(F(), NotRuntime)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(open, typing.Callable) if hasattr(typing, "Callable") else None)
