# "takes N positional arguments but M were given" counts the keyword-only
# arguments that were given too (checked after keywords are bound).
def f0(*, kw):
    pass

def f2(a, b=1, *, kw, kw2=0):
    pass

def f3(a, /, b, *, c):
    pass

for call in [lambda: f0(1, kw=3), lambda: f0(1, 2, 3),
             lambda: f2(2, 3, 4, kw=4), lambda: f2(1, 2, 3, kw=3, kw2=3),
             lambda: f2(1, 2, 3), lambda: f3(1, 2, 3, 4, c=1),
             lambda: f2(1, 2, 3, a=1), lambda: f2(1, 2, 3, zz=1),
             lambda: f3(1, 2, 3, a=5)]:
    try:
        call()
    except TypeError as e:
        print(e)
