# BytesIO.__getstate__/__setstate__: copy and pickle keep the contents, position and attributes; bad states.
import copy
import io
import pickle
b = io.BytesIO(b"abc")
b.read(1)
print(b.__getstate__())
b.x = 5
print(b.__getstate__())
c = copy.copy(b)
print(c.getvalue(), c.tell(), c.x)
d = pickle.loads(pickle.dumps(b))
print(d.getvalue(), d.tell(), d.x, type(d).__name__)
print(copy.deepcopy(io.BytesIO(b"zz")).read())
for st in [1, (b"a", 1), ("s", 1, None), (b"a", "1", None), (b"a", -1, None), (b"a", 1, 3), (b"a", 2**70, None), (bytearray(b"q"), 0, None, "extra")]:
    try:
        io.BytesIO().__setstate__(st)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
e = io.BytesIO()
e.__setstate__((b"xyz", 5, {"k": 1}))
print(e.tell(), e.read(), e.k, e.getvalue())
b.close()
try:
    b.__getstate__()
except ValueError as err:
    print("ValueError", err)
