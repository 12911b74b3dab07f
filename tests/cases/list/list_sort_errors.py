for data, kw in (([1, "a", 2], {}), ([None, None], {}), ([3, 1], {"key": lambda x: 1 / 0}), ([1, 2], {"cmp": None}), ([{}, {}], {})):
    try:
        data.sort(**kw)
        print(data)
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
l = [3, 2, 1]
def bad_key(x):
    l.append(0)
    return x
try:
    l.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], 1)
except TypeError as e:
    print(type(e).__name__, e)
