def f():
    "single"
def g():
    """multi
    line"""
def h():
    x = 1
    "not a doc"
class C:
    """class doc"""
    def m(self):
        """method doc"""
print(repr(f.__doc__), repr(g.__doc__), h.__doc__, C.__doc__, C.m.__doc__)
