# FunctionType(code, globals, name=None, argdefs=None, closure=None)
import builtins

def f(a, b=2):
    "doc"
    return a + b + len("x")

FT = type(f)
g = FT(f.__code__, {})
print(g.__name__, g.__qualname__, g.__defaults__, g.__doc__, g.__module__)
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
print(g(1, 5), g.__builtins__ is builtins.__dict__)
ns = {"__name__": "mymod"}
h = FT(f.__code__, ns, "renamed", (10,))
print(h.__name__, h.__qualname__, h.__defaults__, h(1), h.__module__, h.__globals__ is ns, "__builtins__" in ns)
h2 = FT(code=f.__code__, globals=ns, name=None, argdefs=None, closure=None)
print(h2.__name__, h2.__defaults__)

class MyBuiltins(dict):
    pass
mb = MyBuiltins(len=lambda s: 100)
k = FT(f.__code__, {"__builtins__": mb}, "k", (0,))
print(k.__builtins__ is mb, k(1))
k2 = FT(f.__code__, {"__builtins__": builtins}, "k2", (0,))
print(k2.__builtins__ is builtins.__dict__, k2(1))

def outer():
    x = 5
    def inner():
        return x
    return inner
inner = outer()
c = FT(inner.__code__, {}, None, None, inner.__closure__)
print(c(), c.__closure__ is inner.__closure__)

cell = type(inner.__closure__[0])
bad = [
    ((), {}), ((f.__code__,), {}), ((1, {}), {}), ((f.__code__, []), {}),
    ((f.__code__, {}, 3), {}), ((f.__code__, {}, None, [1]), {}),
    ((f.__code__, {}, None, None, (cell(1),)), {}),
    ((f.__code__, {}, None, None, 7), {}),
    ((inner.__code__, {}), {}), ((inner.__code__, {}, None, None, ()), {}),
    ((inner.__code__, {}, None, None, (1,)), {}),
    ((inner.__code__, {}, None, None, [cell(1)]), {}),
    ((f.__code__, {}), {"bogus": 1}),
    ((f.__code__, {}, None, None, None, None), {}),
]
for args, kw in bad:
    try:
        FT(*args, **kw)
        print("made")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
FT(inner.__code__, {}, None, None, (cell(),))()
