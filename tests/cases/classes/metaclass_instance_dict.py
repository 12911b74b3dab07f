# A class whose metaclass derives from type shows its namespace as __dict__
# (the metaclass gets no instance-__dict__ descriptor of its own).
class Meta(type):
    pass

class A(metaclass=Meta):
    x = 1
    def f(self):
        return 2

print(sorted(A.__dict__), A.__dict__["x"])
print(sorted(Meta.__dict__))
print(vars(A)["x"], "f" in vars(A))
A.y = 3
print(A.__dict__["y"], type(A.__dict__).__name__)

class Meta2(Meta):
    __slots__ = ()

class B(metaclass=Meta2):
    z = 0

print(sorted(B.__dict__))
try:
    A.__dict__["nope"]
except KeyError as e:
    print("KeyError", e)
