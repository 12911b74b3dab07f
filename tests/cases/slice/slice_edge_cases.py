l = [0, 1, 2, 3, 4]
print(l[-100:], l[:-100], l[3:1], l[3:1:-1], l[::-1][::2], l[1:-1:2], l[-1:-6:-1], l[5:], l[4:5], l[::10])
s = "abcdef"
print(s[::-2], s[-2::-2], s[100:-100:-1], s[:0], s[True:3])
try:
    l["a":]
except TypeError as e:
    print(type(e).__name__, e)
try:
    l[1.0:2]
except TypeError as e:
    print(type(e).__name__, e)
