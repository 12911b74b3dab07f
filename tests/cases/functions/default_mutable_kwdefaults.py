def f(*, k=[]):
    k.append(1)
    return k
print(f(), f(), f.__kwdefaults__)
f.__kwdefaults__ = {"k": ["new"]}
print(f())
