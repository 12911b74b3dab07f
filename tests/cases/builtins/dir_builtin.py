class A:
    x = 1
    def m(self): pass
class B(A):
    y = 2
b = B(); b.z = 3
print([n for n in dir(b) if not n.startswith("_")], [n for n in dir(B) if not n.startswith("_")])
class D:
    def __dir__(self): return ["zeta", "alpha", "alpha"]
print(dir(D()), "append" in dir([]), "upper" in dir(str))
def f():
    local1 = 1; local2 = 2
    return dir()
print(f())
