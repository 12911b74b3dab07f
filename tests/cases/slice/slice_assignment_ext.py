l = list(range(8))
l[1:7:2] = ["a", "b", "c"]
print(l)
l[::-1] = list(range(8))
print(l)
l[5:1:-1] = "wxyz"
print(l)
try:
    l[::-2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
s = slice(1, None)
print(l[s], s.stop, repr(slice(None)), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
