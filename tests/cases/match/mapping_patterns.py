def m(x):
    match x:
        case {"type": "point", "x": px, "y": py}: return f"point {px},{py}"
        case {"type": "circle", **rest}: return f"circle extras {sorted(rest)}"
        case {"k": [1, *_]}: return "nested"
        case {}: return "some mapping"
        case _: return "no"
for v in ({"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": 0}, {"k": [1, 2]}, {"other": 1}, {}, [], "s"):
    print(m(v))
