# Slice reads and assignments of every shape: same length, growing, shrinking,
# reversed and stepped reads, self-assignment, and __index__ bounds.
a = list(range(10))
a[2:5] = [20, 30, 40]
print(a)
a[2:5] = [1]
print(a)
a[1:2] = [7, 8, 9, 10]
print(a)
a[:] = a
print(a)
a[3:] = a[::-1]
print(a)
print(a[::-1], a[8:2:-2], a[-3::-3], a[100:], a[5:2], a[::3])
b = [0, 1, 2, 3]
b[:3] = b[2::-1]
print(b)
b[4:2] = ['x']
print(b)
b[10:] = (1, 2)
print(b)
b[::2] = 'abcd'[:len(b[::2])]
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print(e)
class I:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
c = list(range(6))
c[I(1):I(3)] = ['p', 'q']
print(c, c[I(4):I(0):I(-1)])
try:
    c[::0]
except ValueError as e:
    print(e)
try:
    c[1:2] = 5
except TypeError as e:
    print(e)
