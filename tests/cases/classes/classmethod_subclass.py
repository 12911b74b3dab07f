# Subclasses of classmethod/staticmethod bind like their bases (abc.abstractclassmethod).
class CM(classmethod):
    pass
class SM(staticmethod):
    pass
class K:
    @CM
    def f(cls):
        return cls.__name__
    @SM
    def g(x=5):
        return x
class K2(K):
    @classmethod
    def f(cls):
        return "sub " + super().f()
print(K.f(), K().f(), K2.f(), K.g(), K().g(7), type(K.__dict__["f"]).__name__)
class Logged(classmethod):
    def __get__(self, obj, owner=None):
        print("get", owner.__name__)
        return super().__get__(obj, owner)
class K3:
    @Logged
    def h(cls):
        return cls.__name__
print(K3.h())
class NotCallable(staticmethod):
    pass
class K4:
    x = NotCallable(3)
try:
    K4.x()
except TypeError as e:
    print(type(e).__name__, e)
for t in (classmethod, staticmethod, CM):
    try:
        t.__new__(t).__get__(1)
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    classmethod.__get__(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
