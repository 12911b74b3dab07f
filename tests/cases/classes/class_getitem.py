class Box:
    def __class_getitem__(cls, item):
        return "Box[%s]" % (item.__name__ if isinstance(item, type) else item,)
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, int], type(list[int]).__name__, list[int].__origin__ is list)
try:
    object[int]
except TypeError as e:
    print(type(e).__name__, e)
try:
    Box()[0]
except TypeError as e:
    print(type(e).__name__, e)
