# A function whose last statement is an `if` ending in `return` falls off the end
# (returning None) when the condition is false.
def g(a):
    if a:
        return 1
def f(a, b):
    if a is not None and b:
        return 1
def h(a):
    while a:
        if a > 5:
            return "big"
        a -= 1
def k(a):
    try:
        if a:
            return "a"
    finally:
        pass
print(g(0), g(1), f(None, 1), f(1, 0), f(1, 1), h(3), h(9), k(0), k(1))
