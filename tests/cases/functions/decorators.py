def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper
def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@trace
@times(2)
def hi(x):
    return x * 2
print(hi(3), hi.__name__)
@lambda f: f()
def value():
    return 42
print(value)
class Registry:
    items = []
    @classmethod
    def register(cls, f):
        cls.items.append(f.__name__)
        return f
@Registry.register
def one(): pass
print(Registry.items)
