# code.co_lines(): contiguous byte ranges of co_code with their line numbers.
def f(x):
    if x:
        return 1
    y = [i for i in
         range(3)]
    return y
c = f.__code__
ranges = list(c.co_lines())
print(type(c.co_lines()).__name__ != "list", all(type(r) is tuple and len(r) == 3 for r in ranges))
print(ranges[0][0] == 0, ranges[-1][1] == len(c.co_code), all(a[1] == b[0] for a, b in zip(ranges, ranges[1:])))
print(all(s < e and s % 2 == 0 for s, e, _ in ranges))
print(sorted({l for _, _, l in ranges if l is not None} - {c.co_firstlineno}))
print(len(list(c.co_positions())) * 2 == len(c.co_code) or len(list(c.co_positions())) >= len(ranges))
g = compile("a = 1\nb = 2\n", "<s>", "exec")
print(sorted({l for _, _, l in g.co_lines() if l}))
try:
    c.co_lines(1)
except TypeError as e:
    print(type(e).__name__)
