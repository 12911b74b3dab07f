# array error paths: typecodes, item conversions per typecode, indexes, methods.
from array import array

def t(f, *a):
    try:
        r = f(*a)
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(array)
t(array, 'z')
t(array, 1)
t(array, 'ab')
t(array, 'i', [1], 3)
t(array, 'd', 'abc')
t(array, 'u', b'abcd')
t(array, 'd', b'abc')
t(array, 'd', 5)
t(array, 'i', array('u', 'ab'))
t(array, 'u', array('i', [1, 2]))
t(array, 'u', ['ab'])
t(array, 'u', [1])
for tc in 'bBhHiIlLqQ':
    for v in [-2**64, -2**32, -40000, -129, -1, 256, 40000, 2**31, 2**32, 2**64]:
        t(array, tc, [v])
for tc in 'bBhHiIlLqQfd':
    for v in [1.5, 'a', None, True]:
        t(array, tc, [v])
a = array('d', [1, 2, 3])
t(a.__getitem__, 5)
t(a.__getitem__, -4)
t(a.__getitem__, 'x')
t(a.__setitem__, 3, 1.0)
t(a.__setitem__, 'x', 1.0)
t(a.__setitem__, 0, 'x')
t(a.__delitem__, 7)
t(a.index, 7)
t(a.remove, 7)
t(array('d').pop)
t(a.pop, 9)
t(a.__add__, array('i'))
t(lambda: a + [1])
t(lambda: a * 'x')
t(lambda: a * 2.0)
t(a.__setitem__, slice(0, 2), [1, 2])
t(a.__setitem__, slice(0, 2), array('i', [1, 2]))
t(a.__setitem__, slice(0, 3, 2), array('d', [1, 2, 3]))
t(a.frombytes, b'abc')
t(a.frombytes, 'abc')
t(a.fromlist, (1,))
t(a.fromlist, [1, 'x'])
print(a)
t(a.tounicode)
t(a.fromunicode, 'x')
t(array('u').fromunicode, 5)
t(hash, a)
t(a.extend, [1, 'x'])
print(a)
t(a.extend, array('i'))
t(a.extend, 5)
t(a.append)
t(a.append, 'x')
t(a.insert, 0)
t(a.fromfile, None, -1)
def bad_iadd():
    b = array('i')
    b += [1]
t(bad_iadd)
def bad_imul():
    b = array('i', [1])
    b *= 'x'
t(bad_imul)
