l = []
cur = l
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(l)
except RecursionError as e:
    print(type(e).__name__, e)
d = {}
cur = d
for _ in range(100000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print(type(e).__name__, e)
