# The __class__ cell of a class's methods is set before the metaclass's
# mro() runs, so mro() may call them (CPython issue #23722); __module__ and
# __qualname__ are in the namespace by then too.
test_class = None

class Meta(type):
    def mro(self):
        self.__dict__["f"]()
        print("mro sees", self.__dict__["__module__"], self.__qualname__)
        return super().mro()

class A(metaclass=Meta):
    def f():
        global test_class
        test_class = __class__

print(test_class is A)

class Meta2(type):
    def mro(self):
        return self.__dict__["g"](self)

class B(metaclass=Meta2):
    def g(cls):
        return [cls, __class__.__base__]

print(B.__mro__ == (B, object))

class Bad(type):
    def mro(self):
        raise RuntimeError("no mro")
try:
    class C(metaclass=Bad):
        pass
except RuntimeError as e:
    print("RuntimeError", e)
