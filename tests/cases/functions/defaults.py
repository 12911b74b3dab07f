def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1)); print(f(2, 3)); print(f(3))
x = 10
def g(v=x):
    return v
x = 20
print(g(), g.__defaults__)
