a = "module"
class C:
    a = "class"
    def method(self):
        return a
    lam = lambda self: a
    gen = list(a for _ in range(1))
print(C().method(), C().lam(), C.gen)
def f():
    b = "func"
    class D:
        b = "class-in-func"
        def m(self):
            return b
        nb = b
    return D().m(), D.nb
print(f())
