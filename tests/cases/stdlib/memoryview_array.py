# memoryview over array.array: the array's item format and size, reads and
# writes through the view, slices, casts, comparison with arrays, assignment
# from an array; hashes survive release(); multi-dimensional slicing refused.
import array

a = array.array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.readonly, len(m))
print(m[1], m[-1], m.tolist(), m[1:3].tolist())
m[0] = 10
print(a, bytes(m[:1]), m.cast('B')[:4].tolist())
m[1:3] = array.array('i', [20, 30])
print(a, m == a, m == array.array('i', [10, 20, 30, 4]), m == array.array('i', [0]))
try:
    m[0] = 2**40
except ValueError as e:
    print("ValueError:", e)
try:
    m[0:2] = array.array('d', [1.0, 2.0])
except ValueError as e:
    print("ValueError:", e)
d = memoryview(array.array('d', [1.5, -0.0]))
print(d.format, d.tolist(), d == array.array('d', [1.5, 0.0]))
print(memoryview(array.array('u', 'ab')).format, memoryview(array.array('Q', [2**64 - 1])).tolist())

r = memoryview(b"abcdef")
h = hash(r)
r.release()
print(hash(r) == h == hash(b"abcdef"))
r = memoryview(b"abc")
r.release()
try:
    hash(r)
except ValueError as e:
    print("ValueError:", e)
w = memoryview(bytearray(b"abc"))
for key in [(slice(0, 1), slice(0, 1))]:
    try:
        w[key]
    except NotImplementedError as e:
        print("NotImplementedError:", e)
    try:
        w[key] = b"a"
    except NotImplementedError as e:
        print("NotImplementedError:", e)
