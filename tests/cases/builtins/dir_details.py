import sys
class C:
    cattr = 1
    def __init__(self): self.iattr = 2
    def meth(self): pass
print(dir(C()))
print(dir(C))
print([n for n in dir(int) if not n.startswith("_")])
print(len(dir(object)), dir(object)[:5])
class WithDir:
    def __dir__(self): return ["b", "a", "c"]
print(dir(WithDir()))
class BadDir:
    def __dir__(self): return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
def f(): pass
print([n for n in dir(f) if not n.startswith("__")], "__code__" in dir(f))
print(sorted(set(dir(sys)) & {"argv", "path", "modules", "exit", "version_info"}))
x = 5
def g():
    y = 1
    return dir()
print(g())
print("x" in dir(), "C" in dir())
try:
    dir(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
class Meta(type):
    def __dir__(cls): return ["meta_dir"]
class M(metaclass=Meta): pass
print(dir(M))
print(dir(None)[:3], len(dir(None)) > 20)
print(dir([])[-5:], dir(""[:0])[-3:])
print([n for n in dir(type) if n.startswith("__m") or n.startswith("__q")])
