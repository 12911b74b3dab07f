# slice.indices and range slicing with ints beyond the machine word.
import sys
vals = [None, -2**100, -2**30, -53, -7, -1, 0, 1, 7, 53, 2**30, 2**100]
lengths = [0, 1, 7, 2**100]
count = 0
for a in vals:
    for b in vals:
        for c in vals:
            s = slice(a, b, c)
            for n in lengths:
                try:
                    r = s.indices(n)
                except ValueError as e:
                    r = str(e)
                if count % 97 == 0:
                    print(s, n, r)
                count += 1
print(slice(None, None, -1).indices(2**100))
print(slice(-2**200, 2**200, 3).indices(2**64))
print(range(2**100)[2**99:None:-2**98], range(10)[::3], range(10)[1:100], range(10)[::-1])
print(range(0, 2**80, 7)[5:-3:2], range(-5, 5)[slice(-2**70, 2**70)])
print(len(range(10)[::sys.maxsize - 1]), list(range(10))[::sys.maxsize - 1])
class Idx:
    def __index__(self):
        return 2**90
print(slice(Idx(), None).indices(2**95), slice(1, 2).indices(Idx()))
for bad in ((slice(0, 10, 0), 5), (slice(0, 10), -3), (slice("a", 2), 5), (slice(0, 10), 2.5), (slice(1, 2, 1.5), 4)):
    try:
        bad[0].indices(bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
range(2**100)[::0]
