class C:
    x = 1
for f in (lambda: C().y, lambda: (5).foo, lambda: "s".nope, lambda: None.attr,
          lambda: C.zzz, lambda: [].append.__self__.missing):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".upper = 1
except AttributeError as e:
    print(type(e).__name__, e)
