def m(x):
    match x:
        case 0: return "zero"
        case 1 | 2 | 3: return "small"
        case "hello": return "greeting"
        case b"raw": return "bytes"
        case None: return "none"
        case True: return "true"
        case -1.5: return "neg float"
        case 1j: return "complex"
        case _: return "other"
for v in (0, 2, "hello", b"raw", None, True, False, -1.5, 1j, 1.0, [], 0.0):
    print(repr(v), m(v))
