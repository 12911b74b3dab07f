print((3).__eq__(3.0), (3).__lt__(4.0), (3).__ne__("3"), (3).__eq__(3), (True).__eq__(1), (2 ** 70).__ge__(1.0))
print(3 == 3.0, 3 < 3.5, 2 ** 63 == 2.0 ** 63, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 1 == 1 + 0j)
print(sorted([3, 1.5, 2, 0.5, 10 ** 20, 1e19]), max(2, 2.0), min(2.0, 2), 7 in [7.0], {1: "a"}[1.0])
for f in (lambda: 3 < "4", lambda: 3 >= None, lambda: 3 < 1j):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
