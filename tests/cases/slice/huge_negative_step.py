# slice: steps beyond -sys.maxsize are clamped (no overflow negating the step).
import sys

a = list(range(4))
for step in [-sys.maxsize, -sys.maxsize - 1, -sys.maxsize << 64, -(2**63), sys.maxsize, sys.maxsize + 1]:
    print(step, a[3::step], a[::step], "abcd"[3::step], (0, 1, 2, 3)[3::step], slice(3, None, step).indices(4))
del a[3::-sys.maxsize - 1]
print(a)
