s1, s2 = slice(1, 2), slice(1, 3)
print(s1 < s2, s1 <= s1, s2 > s1, s1 >= s2, s1 == slice(1, 2), s1 != s2, slice(None) == slice(None, None, None))
for f in (lambda: slice(1) < slice(None), lambda: slice(1) < 5, lambda: hash(slice(1))):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
l = [1, 2, 3]
for v in (5, None, 1.5):
    try:
        l[0:1] = v
    except TypeError as e:
        print(type(e).__name__, e)
class G:
    def __getitem__(self, i):
        if i < 2: return i * 10
        raise IndexError
l[1:2] = G()
print(l)
class BadIter:
    def __iter__(self): raise TypeError("custom")
try:
    l[:] = BadIter()
except TypeError as e:
    print(type(e).__name__, e)
l[::2] = "ab"
print(l)
