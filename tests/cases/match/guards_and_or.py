def m(x):
    match x:
        case (a, b) | [a, b, _] if a < b: return f"ascending {a} {b}"
        case (a, b) | [a, b, _]: return f"other pair {a} {b}"
        case int() | str() as v if not v: return "falsy scalar"
        case _: return "fallthrough"
for v in ((1, 2), [3, 1, 0], (5, 5), 0, "", "x"):
    print(m(v))
calls = []
def guard(v):
    calls.append(v); return False
match 3:
    case 1 if guard(1): pass
    case 3 if guard(3): pass
    case _: print("wild", calls)
