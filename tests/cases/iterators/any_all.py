print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any(iter([0, 1])), all(x < 5 for x in range(5)))
def noisy():
    for i in range(10):
        print("yield", i)
        yield i
print(any(x > 1 for x in noisy()))
print(all(x < 1 for x in noisy()))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
