def f():
    try:
        raise KeyError("inner")
    except KeyError:
        print("handling")
        raise
try:
    f()
except KeyError as e:
    print("re-raised", repr(e))
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
