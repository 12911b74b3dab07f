# BaseException.__setstate__: a dict's items become attributes (what
# unpickling an exception with attributes does); None is accepted; anything
# else is a TypeError.
import pickle

e = ValueError("bad", 2)
print(e.__setstate__({"code": 3, "note": "n"}), e.code, e.note, e.args)
print(e.__setstate__(None))
e2 = pickle.loads(pickle.dumps(e))
print(type(e2).__name__, e2.args, e2.code, e2.note)
print(e.__reduce__()[2] == {"code": 3, "note": "n"})

class Key(str):
    def __hash__(self):
        return super().__hash__()
exc = Exception()
exc.__setstate__({Key("k"): "v", "w": 1})
print(exc.k, exc.w)

for bad in [[("a", 1)], {1: 2}]:
    try:
        Exception().__setstate__(bad)
    except TypeError as err:
        print("TypeError", err)
try:
    Exception().__setstate__()
except TypeError as err:
    print("TypeError", err)
