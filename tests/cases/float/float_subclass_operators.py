# Operators on float subclasses go through their overridden special methods, even
# where exact floats take the unboxed fast paths; mixed float/int comparisons and
# arithmetic stay exact at the edges of the double range.
class G(float):
    def __eq__(self, o):
        return "G.eq"

    def __lt__(self, o):
        return "G.lt"

    def __add__(self, o):
        return "G.add"

    def __radd__(self, o):
        return "G.radd"

    def __mul__(self, o):
        return "G.mul"


class H(float):
    pass


g = G(1.5)
print(g == 1.5, 1.5 == g, g < 2.0, 2.0 > g, g != 1.5, g + 1.0, 1.0 + g, g * 2, 2 * g, g - 1.0)
h = H(2.5)
print(h == 2.5, h < 3, h + 1, type(h + 1).__name__, -h, type(-h).__name__, h * h, h / 2, h // 2, h % 2, h ** 2)
print(sorted([H(3.0), 1.5, H(-0.0), 0.0, 2]), max(H(1.0), 0.5), min(1, H(1.0)))

big = 2 ** 53
print(float(big) == big, float(big) == big + 1, float(big) < big + 1, big + 1 > float(big), float(big) + 1 == big)
print(2.0 ** 62 == 2 ** 62, 2.0 ** 62 < 2 ** 62 + 1, 4611686018427387903 < 2.0 ** 62, -4611686018427387904 == -(2.0 ** 62))
print(1e-300 > 0, -1e-300 < 0, 0.0 == 0, -0.0 == 0, 0.5 < 1, 1.5 > 1, 1e300 > 10 ** 299, float("inf") > 10 ** 400)
print(1.0 + 2 ** 62, 2 ** 62 * 1.0, (2 ** 62 - 1) * 1.0, 3 / 2.0, 2.0 - 3, 7 * 0.1, 1 - 0.9, 10 ** 20 + 0.5)
x = 0.0
for i in range(1, 40):
    x = x * 1e-10 + i / 7 - i
print(x, x < -30, x == int(x), x // 1, x % 1)
