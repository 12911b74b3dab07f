def a():
    x = "a"
    def b():
        def c():
            nonlocal x
            x = "c"
        c()
        return x
    r = b()
    return r, x
print(a())
def outer():
    v = 1
    def mid():
        v = 2
        def inner():
            nonlocal v
            v += 1
            return v
        return inner(), v
    return mid(), v
print(outer())
