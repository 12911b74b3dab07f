# A metaclass mro() that assigns __bases__ while __bases__ is being assigned: the
# inner assignment wins, and the subclass lists stay without cycles.
class M(type):
    ready = False
    def mro(cls):
        if M.ready and cls.__name__ == 'C':
            M.ready = False
            C.__bases__ = (B2,)
        return type.mro(cls)

class A(metaclass=M): pass
class B1(A): pass
class B2(A): pass
class C(A): pass

M.ready = True
C.__bases__ = (B1,)
print(C.__bases__, B2.__subclasses__(), B1.__subclasses__())
B1.__bases__ = (C,)
print(B1.__bases__, C.__subclasses__(), [k.__name__ for k in B1.__mro__])
try:
    C.__bases__ = (B1,)
except TypeError as e:
    print('TypeError', e)
