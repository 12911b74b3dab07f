def make():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    i = 100
    return fns
print([f() for f in make()])
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
