# array: construction, item access, slices, methods, comparisons, repr.
from array import array, typecodes, ArrayType
import array as array_mod

print(typecodes, ArrayType is array, array.__name__, array.__module__)
for tc in typecodes:
    a = array(tc)
    print(tc, a.typecode, a.itemsize, len(a), repr(a))
a = array('i', [1, 2, 3, 4, 5])
print(a, a[0], a[-1], a[1:3], a[::2], a[::-1], len(a))
a[0] = 10
a[-1] = -5
print(a)
a[1:3] = array('i', [7, 8, 9])
print(a)
a[::2] = array('i', [0, 0, 0])
print(a)
del a[0]
print(a)
del a[::2]
print(a)
del a[1:]
print(a)
b = array('d', [1.5, 2, 3])
print(b, b.tolist(), 2 in b, 2.5 in b, b.index(3), b.count(2.0))
b.append(4)
b.extend([5, 6])
b.extend(array('d', [7]))
b.extend(x / 2 for x in range(3))
b.insert(0, -1)
b.insert(-100, -2)
b.insert(100, 99)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(5.0)
b.reverse()
print(b)
print(b + array('d', [1]), b * 2, 2 * array('b', [1, 2]), array('b', [1]) * -1)
c = array('h', [1, 2])
c += array('h', [3])
c *= 2
print(c)
print(array('B', b'abc'), array('b', bytearray(b'\x01\xff')))
print(array('u', 'hello'), array('u', 'hi').tounicode())
u = array('u')
u.fromunicode('xyz')
print(u, u[1], list(u))
print(array('d', array('i', [1, 2])), array('i', (x * x for x in range(4))))
f = array('f', [0.1, 1e300, -2.5])
print(f)
q = array('Q', [2**64 - 1, 0])
print(q, array('L', [2**63]), array('q', [-2**63]))
print(array('i', [1, 2]) == array('i', [1, 2]), array('i', [1, 2]) == array('d', [1.0, 2.0]),
      array('i', [1, 2]) < array('i', [1, 3]), array('i', [1]) < array('i', [1, 0]),
      array('i', [2]) >= array('b', [1, 9]), array('i', [1, 2]) != array('i', [1]),
      array('i') == [], array('d', [float('nan')]) == array('d', [float('nan')]))
x = array('h', [1, 256])
print(x.tobytes())
x.byteswap()
print(x, x.tobytes())
y = array('h')
y.frombytes(b'\x01\x00\x02\x00')
y.fromlist([3, 4])
print(y, bytes(y), bytearray(array('B', [65, 66])))
print(list(iter(array('i', [3, 2, 1]))), [v for v in array('d', [0.5])])
it = iter(array('i', [1, 2, 3]))
next(it)
print(it.__reduce__()[2], type(it).__name__)
print(array('i', [5]) * 3, array('i', [0]) * 0, a.buffer_info()[1])
print(array('i', [1, 2, 3])[True], array('b', range(5))[-2:])
import copy
d = array('d', [1, 2])
e = copy.copy(d)
g = copy.deepcopy(d)
e[0] = 9
print(d, e, g, e is d)
print(d.__reduce_ex__(2), d.__reduce_ex__(4)[1][:3])
print(array_mod._array_reconstructor(array, 'i', 9, b'\x00\x00\x00\x01\x00\x00\x00\x02'))
print(array_mod._array_reconstructor(array, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'))
print(array_mod._array_reconstructor(array, 'u', 18, 'hé'.encode('utf-16-le')))
class MyArray(array):
    pass
m = MyArray('i', [1, 2])
print(type(m[:1]).__name__, type(m + m).__name__, repr(m), m.__reduce_ex__(4)[1][0].__name__)
print(array[int])
import struct
print(struct.unpack('<2d', array('d', [1.5, 2.5])))
buf = array('b', [0] * 8)
struct.pack_into('<i', buf, 2, -1)
print(buf)
