# __class_getitem__ = None makes a class not subscriptable (as __hash__ =
# None makes it unhashable); deleting a class's __annotations__ twice is an
# AttributeError.
class E:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)

class C_is_none(E):
    __class_getitem__ = None

print(E[int])
try:
    C_is_none[int]
except TypeError as e:
    print("TypeError", e)

foo = type("Foo", (), {})
foo.__annotations__ = {"a": int}
print(foo.__annotations__)
del foo.__annotations__
try:
    del foo.__annotations__
except AttributeError as e:
    print("AttributeError", e)
try:
    float.__annotations__ = {}
except TypeError as e:
    print("TypeError", e)
