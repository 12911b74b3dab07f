def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
attempt(lambda: Shape())
class Sq(Shape):
    def area(self): return 4
attempt(lambda: Sq())
class Sq2(Sq):
    name = "sq"
attempt(lambda: (Sq2().area(), Sq2().name))
print(sorted(Shape.__abstractmethods__), Sq2.__abstractmethods__)
class Reg(abc.ABC): pass
Reg.register(int)
print(isinstance(1, Reg), issubclass(int, Reg), isinstance("", Reg))
class Meta(abc.ABCMeta): pass
class Hook(metaclass=Meta):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack") or NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, Hook), isinstance(Duck(), Hook), issubclass(int, Hook))
