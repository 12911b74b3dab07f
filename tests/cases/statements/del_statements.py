d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
l = list(range(10))
del l[2], l[0]
print(l)
del l[::2]
print(l)
del l[1:3]
print(l)
class C: pass
c = C(); c.x = 1; c.y = 2
del c.x
print(vars(c))
try:
    del c.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
x, y = 1, 2
del x, y
try:
    x
except NameError as e:
    print(type(e).__name__, e)
