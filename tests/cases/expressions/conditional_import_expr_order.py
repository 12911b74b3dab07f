order = []
def f(x):
    order.append(x)
    return x
d = {f("k1"): f("v1"), f("k2"): f("v2")}
print(order); order.clear()
f("a")[f(0):f(1)] if False else None
l = [f(1), f(2)][f(0)]
print(order); order.clear()
def g(a, b, c=None, *, k=None): pass
g(f(1), f(2), k=f(3), c=f(4))
print(order); order.clear()
x = f(1) + f(2) * f(3)
print(order); order.clear()
f([])[f(0):f(0)] = f([9])
print(order)
