# marshal.dumps writes CPython's format byte for byte for values held in a variable
# whose parts are built at run time (CPython's FLAG_REF depends on reference counts:
# constants of the code and values used twice get it), in every version.
import marshal

def n(s):
    return int(s)

def f(s):
    return float(s)

def text(*parts):
    return ''.join(parts)

big = n('1') << 100
values = [None, True, False, ..., StopIteration, 0, 1, -1, 256, -5, n('257'), n('-6'), n('1000'),
          n('2147483647'), n('-2147483648'), n('2147483648'), n('-2147483649'), big, -big,
          n('4611686018427387904'), n('-32768'), f('1.5'), f('-0.0'), f('inf'), f('nan'), f('0.1'),
          f('1e300'), complex(f('1'), f('2')), complex(f('0.0'), f('-1e300')),
          '', 'a', 'z', text('ab', 'c d'), text('\xe9', 'x'), text('\u20ac', 'y'), text('x' * 150, 'y' * 150),
          text('\U0001f600', '!'), b'', b'A', bytes([1, 2, 3]), bytearray(b'xy'), memoryview(b'mv'),
          (), (1, 2), tuple([n('300')] * 3), tuple(range(300)), [], [1, [2, [3]]], {}, {1: 2, 'k': [3]},
          set(), {5}, frozenset(), frozenset({7}), [text('p', 'q'), text('p', 'q')]]
for v in values:
    x = v
    print(type(v).__name__, marshal.dumps(x)[:60], len(marshal.dumps(x)))
    for version in range(5):
        print('  ', version, marshal.dumps(x, version)[:60])

shared = [n('1000')]
x = [shared, shared, (shared,)]
print(marshal.dumps(x))
print(marshal.dumps(x, 2))
s = text('sh', 'ared!')
x = {s: s}
print(marshal.dumps(x))
rec = []
rec.append(rec)
print(marshal.dumps(rec))
d = {}
d['self'] = d
print(marshal.dumps(d))

def t(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: marshal.dumps(rec, 2))
t(lambda: marshal.dumps(object()))
t(lambda: marshal.dumps(lambda: 1))
t(lambda: marshal.dumps(range(3)))
t(lambda: marshal.dumps(int))
t(lambda: marshal.dumps([1, object()]))

class I(int):
    pass

class S(str):
    pass

class L(list):
    pass

t(lambda: marshal.dumps(I(3)))
t(lambda: marshal.dumps(S('s')))
t(lambda: marshal.dumps(L()))
t(lambda: marshal.dumps(1, 'a'))
t(lambda: marshal.dumps(1, 2 ** 40))
t(lambda: marshal.dumps())
t(lambda: marshal.dumps(1, 2, 3))
t(lambda: marshal.dumps(1, version=2))
deep = []
for i in range(2100):
    deep = [deep]
t(lambda: marshal.dumps(deep))
print(marshal.version)

# sets: elements in the order of their own marshal bytes (CPython 3.11, bpo-37596)
for s in [{'b', 'a', 'zz', 'c'}, {3, 1, 2, -1, 300}, frozenset({(1, 2), (0,), 'x', b'y', 2.5}),
          {text('k', str(i)) for i in range(12)}, {frozenset({1}), frozenset({0, 1})}]:
    x = s
    print(marshal.dumps(x))
    print(marshal.dumps(x, 2))
