# Builtin functions and method descriptors pickle by reference, as CPython's:
# a module-level function as its name, a bound method as getattr(self, name),
# a method descriptor as getattr(its type, name).
import pickle

print(iter.__reduce__(), len.__reduce__())
print([].append.__reduce__()[1], (1).__add__.__reduce__()[1])
print(list.append.__reduce__()[1], dict.fromkeys.__reduce__()[1], str.maketrans.__reduce__()[1])
print(object.__new__.__reduce__()[1])
for f in [len, iter, list.append, dict.fromkeys, str.maketrans, object.__new__]:
    print(pickle.loads(pickle.dumps(f)) is f)
m = pickle.loads(pickle.dumps([5].copy))
print(m())
try:
    iter.__reduce__(1)
except TypeError as e:
    print("TypeError", e)
for bad in [lambda: list.append.__reduce__(1), lambda: iter([]).__reduce__(1), lambda: iter(()).__setstate__()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
