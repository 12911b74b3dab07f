def f(a, b: int = 1, *args, c: str = "x", **kw) -> list:
    """Doc string."""
    x = a + b
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__annotations__)
c = f.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount, c.co_varnames)
print(c.co_filename.endswith("function_attributes.py"), c.co_firstlineno)
print(bool(c.co_flags & 0x04), bool(c.co_flags & 0x08), c.co_nlocals)
def g(): pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__, g.__annotations__, g.__dict__)
f.custom = 5
print(f.__dict__, f.custom)
class K:
    def m(self):
        def inner(): pass
        return inner
print(K.m.__qualname__, K().m().__qualname__, (lambda: 0).__qualname__)
