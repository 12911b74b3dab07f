# mappingproxy compares, unions, reverses as its mapping; |= is refused; unhashable.
import types, re
m = types.MappingProxyType({'a': 1})
print(m == {'a': 1}, m != {'a': 1}, m == m, m <= m if False else '', list(reversed(m)))
print(m | {'b': 2}, {'b': 2} | m, m | m)
try: m |= {}
except TypeError as e: print(e)
try: hash(m)
except TypeError as e: print(e)
try: m < 1
except TypeError as e: print(e)
print(types.MappingProxyType[int])
print(sorted(set(dir(m)) - set(dir(object))))
print(re.compile("(?P<first>a)(?P<other>b)").groupindex == {'first': 1, 'other': 2})
print(type.__dict__ == dict(type.__dict__))
