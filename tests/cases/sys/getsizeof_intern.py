import sys
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8]), sys.getsizeof(0) > 0, isinstance(sys.getsizeof("x"), int))
print(sys.getsizeof("a" * 1000) > sys.getsizeof("a"), sys.getsizeof(10 ** 100) > sys.getsizeof(1))
a = sys.intern("".join(["hel", "lo_world"]))
b = sys.intern("hello_world")
print(a is b, a == b)
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)
