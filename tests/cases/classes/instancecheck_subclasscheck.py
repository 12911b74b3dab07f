class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj > 0
    def __subclasscheck__(cls, sub):
        return sub in (bool, float)
class Positive(metaclass=Meta): pass
print(isinstance(5, Positive), isinstance(-1, Positive), isinstance("x", Positive))
print(issubclass(bool, Positive), issubclass(str, Positive))
print(isinstance(5, (str, Positive)))
try:
    isinstance(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(5, int)
except TypeError as e:
    print(type(e).__name__, e)
