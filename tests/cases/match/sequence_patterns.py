def m(x):
    match x:
        case []: return "empty"
        case [a]: return f"one {a}"
        case [a, b]: return f"two {a} {b}"
        case [1, *rest]: return f"starts 1, rest {rest}"
        case [first, *_, last]: return f"first {first} last {last}"
        case _: return "not a sequence"
for v in ([], [5], (1, 2), [1, 2, 3, 4], ["a", "b", "c"], "abc", {1: 2}, range(3), b"xy"):
    print(repr(v), m(v))
match [1, [2, [3, 4]]]:
    case [x, [y, [z, *w]]]:
        print(x, y, z, w)
