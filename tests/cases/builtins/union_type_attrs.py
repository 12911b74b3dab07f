# Attributes of types.UnionType (int | float) and of a generic alias.
u = int | float
try:
    u.__origin__
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(u, '__origin__'), u.__args__, u.__parameters__)
print(list[int].__origin__, list[int].__args__, dict[str, int].__parameters__)
