def f():
    try:
        raise ValueError("from try")
    finally:
        print("cleanup ran")
try:
    f()
except ValueError as e:
    print("caught", e)
def g():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    g()
except KeyError as e:
    print(repr(e), repr(e.__context__))
