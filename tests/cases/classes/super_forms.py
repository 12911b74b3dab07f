class A:
    def who(self): return ["A"]
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
class B(A):
    def who(self): return ["B"] + super().who()
    @classmethod
    def cm(cls): return "B>" + super().cm()
class C(A):
    def who(self): return ["C"] + super(C, self).who()
class D(B, C):
    def who(self): return ["D"] + super().who()
print(D().who(), D.cm())
print(super(B, D()).who(), super(D, D).cm())
s = super(B, D())
print(type(s).__name__, s.__thisclass__.__name__)
