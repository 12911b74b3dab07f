class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
class A(metaclass=OrderedMeta, flag=True):
    x = injected + 1
    def m(self): pass
print(A.x, type(A).__name__)
class B(A):
    pass
print(type(B).__name__)
