# SyntaxErrors of patterns found when compiling: mapping keys equal as dict keys
# (0, False, 0.0, 0j, -0 are one key) and f-strings as value patterns.
sources = [
    "match x:\n    case {0: _, False: _}: pass",
    "match x:\n    case {0: _, 0.0: _}: pass",
    "match x:\n    case {0: _, -0: _}: pass",
    "match x:\n    case {0: _, 0j: _}: pass",
    "match x:\n    case {True: _, 1: _}: pass",
    "match x:\n    case {'a': _, 'a': _}: pass",
    "match x:\n    case {1: _, 1.5: _, 'a': _, b'a': _, None: _}: pass",
    "match x:\n    case f'': pass",
    "match x:\n    case f'{y}': pass",
    "match x:\n    case 'a' 'b': pass",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
