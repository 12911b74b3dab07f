a = []
b = []
ca, cb = a, b
for _ in range(100000):
    ca.append([]); cb.append([])
    ca, cb = ca[0], cb[0]
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__, e)
t1 = t2 = ()
for _ in range(100000):
    t1 = (t1,); t2 = (t2,)
try:
    print(t1 == t2)
except RecursionError as e:
    print(type(e).__name__, e)
