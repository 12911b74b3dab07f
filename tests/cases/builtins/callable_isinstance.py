print(callable(len), callable(lambda: 0), callable(int), callable([].append), callable(None), callable("s"))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (int,))), isinstance([], object), isinstance(int, type), isinstance(type, type))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), issubclass(KeyError, LookupError), issubclass(object, int))
print(isinstance(1, int | str), issubclass(bool, int | None), isinstance(None, type(None)), int | str)
for f in (lambda: isinstance(1, [int]), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 1))):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
