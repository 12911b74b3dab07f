# classmethod and staticmethod copy what functools.wraps would from the callable.
def f(x: int):
    'doc of f'
    return x


c = classmethod(f)
s = staticmethod(f)
for w in (c, s):
    print(type(w).__name__, sorted(w.__dict__), w.__wrapped__ is f, w.__func__ is f)
    print(w.__module__, w.__name__, w.__qualname__, w.__doc__, w.__annotations__)
c.__name__ = 'renamed'
print(c.__name__, f.__name__)
print(s(3))


class K:
    @classmethod
    def m(cls):
        'mdoc'
        return cls.__name__

    @staticmethod
    def st():
        return 'st'


print(K.__dict__['m'].__doc__, K.__dict__['m'].__qualname__, K.m(), K.st())
print(K.__dict__['st'].__qualname__)
c3 = classmethod(3)
print(sorted(c3.__dict__))
try:
    c3.__name__
except AttributeError as e:
    print('AttributeError:', e)
print((3).__doc__ == int.__doc__, [].__doc__ == list.__doc__)
try:
    classmethod(f, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    staticmethod(func=f)
except TypeError as e:
    print('TypeError:', e)
