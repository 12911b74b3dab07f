# Tuple indexing of multi-dimensional views, 0-dim views, and views released
# by an index or value conversion in the middle of an item access.
m = memoryview(bytearray(range(128))).cast('B', (64, 2))
print(m[3, 1], m[-1, -1], m[0, 0])
for k in [(64, 0), (0, -3), 1, (1, 2, 3), ('a', 1), (1,), (), (slice(1), 0), 2**70, (2**70, 0), (1.5, 0)]:
    try:
        print(m[k])
    except Exception as e:
        print(type(e).__name__, e)
m[2, 0] = 99
print(m[2, 0])
for k in [(64, 0), 1, (1,), (slice(1), slice(2))]:
    try:
        m[k] = 1
    except Exception as e:
        print(type(e).__name__, e)
z = memoryview(b'\x05').cast('B', ())
print(z[()], z[...] is z)
for k in [0, (0,), slice(None)]:
    try:
        print(z[k])
    except Exception as e:
        print(type(e).__name__, e)
size = 16
def release():
    m.release()
    global ba
    ba = bytearray(size)
class MyIndex:
    def __index__(self):
        release()
        return 4
class MyFloat:
    def __float__(self):
        release()
        return 4.25
m = memoryview(bytearray(b'\xff' * size))
try:
    m[MyIndex()]
except ValueError as e:
    print('ValueError', e)
m = memoryview(bytearray(b'\xff' * size))
print(list(m[:MyIndex()]))
m = memoryview(bytearray(b'\xff' * size)).cast('B', (8, 2))
try:
    m[MyIndex(), 0]
except ValueError as e:
    print('ValueError', e)
for setter in [lambda: m.__setitem__(MyIndex(), 42), lambda: m.__setitem__(slice(None, MyIndex()), b'spam'), lambda: m.__setitem__(0, MyIndex())]:
    m = memoryview(bytearray(b'\xff' * size))
    try:
        setter()
    except ValueError as e:
        print('ValueError', e, ba[:8])
m = memoryview(bytearray(b'\xff' * size)).cast('d')
try:
    m[0] = MyFloat()
except ValueError as e:
    print('ValueError', e)
