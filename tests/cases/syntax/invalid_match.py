def check(src):
    try:
        compile(src, "x", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", repr(e.text), "|", e.end_lineno, e.end_offset)
for s in ["match x:\n    case 1 + 1: pass", "match x:\n    case a | b: pass", "match x:\n    case _:\n        pass\n    case 1:\n        pass", "match x:\n    case [a, a]: pass", "match x:\n    case {**r, 'k': 1}: pass", "match x:\n    case f(): pass", "match x:\n    case C(a=1, 2): pass", "match x:\n    case *a: pass", "match x:\n    case [*a, *b]: pass", "match x:\n    case 1 as _: pass", "match x:\n    case y:\n        pass\n    case 2:\n        pass", "match x:\n    case a.b(): pass\n    case -a: pass", "match x:\n  case {1: _, 1: _}: pass", "match x:\n    pass"]:
    check(s)
