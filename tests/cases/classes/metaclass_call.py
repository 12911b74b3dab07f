class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self, v):
        print("init", v)
        self.v = v
a = S(1); b = S(2)
print(a is b, a.v)
class Meta(type):
    def __repr__(cls):
        return "<class-ish %s>" % cls.__name__
    @property
    def upper(cls):
        return cls.__name__.upper()
class T(metaclass=Meta): pass
print(repr(T), T.upper)
try:
    T().upper
except AttributeError as e:
    print(type(e).__name__, e)
