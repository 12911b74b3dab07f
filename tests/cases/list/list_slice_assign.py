l = list(range(10))
l[2:5] = []; print(l)
l[1:1] = "ab"; print(l)
l[::2] = range(len(l[::2])); print(l)
l[-2:] = [99]; print(l)
del l[::3]; print(l)
l[len(l):] = [7]; print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    l[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
