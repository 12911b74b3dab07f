# Bad input to attribute slots and endless __call__ chains raise as CPython does
# (found by test_descr and test_class, which used to bring the process down).
for call in (lambda: type.__getattribute__(list, type), lambda: object.__getattribute__(1, 2),
             lambda: super(int, 1).__getattribute__(3), lambda: object.__setattr__(object(), 5, 1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError:", e)
