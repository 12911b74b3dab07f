# slice.__reduce__: slices pickle and copy with their three fields.
import copy
import pickle

for s in (slice(1, 2, 3), slice(None), slice("a", None, [1])):
    print(s.__reduce__(), copy.copy(s) == s, pickle.loads(pickle.dumps(s)) == s)
print(pickle.loads(pickle.dumps([slice(0, 5), slice(0, 5)], 0)))
try:
    slice(1).__reduce__(1)
except TypeError as e:
    print("TypeError", e)
slice.__reduce__(1)
