class A(Exception): pass
class B(A): pass
for exc in (A(), B(), ValueError()):
    try:
        raise exc
    except B:
        print("B handler", type(exc).__name__)
    except A:
        print("A handler", type(exc).__name__)
    except Exception:
        print("generic", type(exc).__name__)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise KeyError
except (IndexError, LookupError) as e:
    print("tuple match", type(e).__name__)
