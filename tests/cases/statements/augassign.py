x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 0xF; print(x)
x ^= 0b101; print(x)
x /= 2; print(x)
l = [1]
l2 = l
l += [2]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"k": [1]}
d["k"] += [2]
print(d)
s = "a"; s *= 3; print(s)
