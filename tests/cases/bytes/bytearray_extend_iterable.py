# bytearray.extend: buffers, then any iterable of ints through one iterator and a
# length hint whose errors propagate.
for src in ("abc", 5, [1, 300], [1, "x"], iter([1, 2]), b"xy", memoryview(b"m"), [2**70], range(3), (x for x in [9])):
    b = bytearray(b"z")
    try:
        b.extend(src)
        print(b)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e, b)

class BadLen:
    def __iter__(self): return iter(range(10))
    def __len__(self): raise RuntimeError('hello')
class BadHint:
    def __iter__(self): return iter(range(10))
    def __length_hint__(self): raise RuntimeError('hint')
class NotImplHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): return NotImplemented
class Count:
    n = 0
    def __iter__(self):
        Count.n += 1
        return iter([7])
for src in (BadLen(), BadHint(), NotImplHint(), Count()):
    b = bytearray()
    try:
        b.extend(src)
        print(b)
    except RuntimeError as e:
        print(type(e).__name__, e)
print(Count.n)
bytearray().extend([256])
