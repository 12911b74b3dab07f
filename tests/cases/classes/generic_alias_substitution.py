# types.GenericAlias and types.UnionType: parameters, substitution, unpacking,
# attribute forwarding, __orig_class__, pickling, equality and hashing.
import typing, pickle, copy
from typing import TypeVar, Generic
T = TypeVar('T'); K = TypeVar('K'); V = TypeVar('V')
A = dict[str, T]
print(A.__parameters__, A[int], A[int].__parameters__, list[int].__parameters__)
print(dict[K, V][str, int], list[dict[K, V]][str, list[T]], list[dict[K, V]][str, list[T]].__parameters__)
for bad in [lambda: list[int][int], lambda: dict[K, V][int], lambda: dict[K, V][int, str, bytes]]:
    try: bad()
    except TypeError as e: print('TypeError', e)
print(list[int].__name__, list[int].__origin__, list[int].append is list.append, list[int].__doc__ == list.__doc__)
u = int | list[T]
print(u, u.__parameters__, u[str], (int | str) == (str | int), hash(int | str) == hash(str | int))
print((list[int] | None) == (list[int] | None))
t = tuple[int, str]
s, = [*t]
print(s, s.__unpacked__, t.__unpacked__, s.__typing_unpacked_tuple_args__, t.__typing_unpacked_tuple_args__, s == t)
print(tuple[*t], list[*t] if False else '', list[int] == list[int], list[int] != list[str])
print(repr(list[[int, str]]), list[len], dict[str, ...], tuple[()], list[typing.Any])
class C(Generic[T]): pass
class D(list): pass
print(D[int]().__orig_class__ if hasattr(D[int](), '__orig_class__') else 'no orig', C[int]().__orig_class__)
print(pickle.loads(pickle.dumps(list[int])), pickle.loads(pickle.dumps(dict[str, T])), copy.copy(list[int]))
print(s.__reduce__()[0] is next, pickle.loads(pickle.dumps(s)))
print(sorted(set(dir(list[int])) - set(dir(list))))
try: type(list[int])(list)
except TypeError as e: print('TypeError', e)
try: type(list[int])(list, int, x=1)
except TypeError as e: print('TypeError', e)
print(typing.List[int], typing.Callable[[int], str], typing.Optional[list[T]][int])
print(isinstance([], list), list[int](range(3)))
try: isinstance([], list[int])
except TypeError as e: print('TypeError', e)
