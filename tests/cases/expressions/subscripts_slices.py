s = "abcdefgh"
print(s[1], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[-3:-1], s[10:], s[1:6:2])
l = list(range(10))
print(l[slice(2, 8, 3)], l[-100:100], l[8:2:-2], l[::-3])
l[2:5] = "xy"
print(l)
l[::3] = [0] * len(l[::3])
print(l)
t = (1, 2, 3)
print(t[1:], t[:-1], t[::-1])
