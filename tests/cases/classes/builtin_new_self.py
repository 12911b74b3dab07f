# A builtin type's __new__ is bound to the type (__self__), which copyreg's
# protocol 0/1 pickling of builtin-type subclasses relies on; static methods
# show __self__ None.
import copy
import pickle
from collections import namedtuple

print(tuple.__new__.__self__, object.__new__.__self__, int.__new__.__self__)
print(str.maketrans.__self__, bytes.maketrans.__self__)

Point = namedtuple("Point", "x y")
class Pair(tuple):
    pass
class Text(str):
    pass
for v in [Point(1, 2), Pair((3, 4)), Text("t")]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        w = pickle.loads(pickle.dumps(v, proto))
        assert type(w) is type(v) and w == v, (v, proto)
    print(type(v).__name__, v.__reduce_ex__(1)[1][1].__name__, copy.copy(v) == v)
