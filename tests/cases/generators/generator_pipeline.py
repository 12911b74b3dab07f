def read(lines):
    for l in lines:
        yield l.strip()
def nonempty(it):
    for l in it:
        if l:
            yield l
def numbered(it):
    yield from enumerate(it, 1)
src = ["a\n", "\n", " b ", "", "c"]
for n, l in numbered(nonempty(read(src))):
    print(n, l)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
