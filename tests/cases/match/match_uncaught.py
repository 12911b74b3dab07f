class Shape:
    pass
def area(s):
    match s:
        case {"w": w, "h": h}:
            return w * h
        case {"r": r}:
            return 3 * r * r
    raise ValueError(f"unsupported shape {s!r}")
print(area({"w": 2, "h": 3}))
print(area({"side": 1}))
