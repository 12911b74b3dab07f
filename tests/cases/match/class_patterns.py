class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def m(p):
    match p:
        case Point(0, 0): return "origin"
        case Point(x=0, y=yy): return f"on y axis at {yy}"
        case Point(xx, 0): return f"on x axis at {xx}"
        case Point(x, y) if x == y: return "diagonal"
        case Point(): return "somewhere"
        case int(n) | float(n): return f"number {n}"
        case str(s): return "string " + s
        case [Point(x=a), Point(x=b)]: return f"pair {a} {b}"
        case _: return "unknown"
for v in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 7, 2.5, "s", [Point(1, 0), Point(2, 0)], None):
    print(m(v))
