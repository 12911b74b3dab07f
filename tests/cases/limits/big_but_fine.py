l = [None] * 1000000
print(len(l))
s = "x" * 10 ** 6
print(len(s), s[:3])
n = 2 ** 100000
print(n.bit_length(), n % 1000)
d = {i: i for i in range(100000)}
print(len(d), d[99999])
