# List slices read and assigned with int/None bounds (the interpreter's direct
# path) against every other kind of bound and value, errors included.
import traceback

l = list(range(10))
print(l[2:5], l[::-1], l[8:2:-2], l[-3:], l[:-7], l[100:], l[-100:2], l[5:5], l[::3])
print(l[True:3], l[None:None:None], l[2:None])

class Idx:
    def __index__(self):
        print("index called")
        return 2
print(l[Idx():4])

m = list(range(6))
m[1:3] = [10, 20, 30]
print(m)
m[::2] = (0, 0, 0, 0)
print(m)
m[:] = m
print(m)
m[2:4] = []
print(m)
m[:0] = "ab"
print(m)
perm = [3, 1, 2, 0, 4]
k = perm[0]
while k:
    perm[:k + 1] = perm[k::-1]
    k = perm[0]
print(perm)

try:
    m[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    m[1:2:0]
except ValueError as e:
    print("ValueError:", e)
try:
    m[1.5:2]
except TypeError as e:
    print("TypeError:", e)
try:
    m[1:2] = 5
except TypeError as e:
    print("TypeError:", e)

def where():
    x = [1, 2, 3]
    x[
        0:3:2
    ] = [
        9]

try:
    where()
except ValueError as e:
    print("ValueError:", e, [(f.lineno, f.line) for f in traceback.extract_tb(e.__traceback__)])

class L(list):
    def __getitem__(self, i):
        return ("sub", i)
print(L([1, 2])[0:1], (1, 2, 3)[::-1], "abc"[1:], range(10)[2:8:3])
